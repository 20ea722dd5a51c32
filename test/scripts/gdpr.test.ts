// Runs the gdpr command the way people do (compiled script, real process, real database).
// `npm test` builds dist/ first (scripts/bootstrap.js).
import type { Db } from 'mongodb';
import { openTestDb, testMongoUri, TestDb } from '../helpers/db';
import { parseGdprArgs } from '../../scripts/gdpr';
import { runScript } from '../helpers/runScript';

const PHONE = '+447700900462';

function runGdpr(args: string[], dbName: string) {
  const uri = testMongoUri().replace(/\/?(\?|$)/, `/${dbName}$1`);
  return runScript('gdpr.js', args, { env: { ...process.env, MONGODB_URI: uri, LOG_LEVEL: 'silent', DOTENV_CONFIG_QUIET: 'true' } });
}

describe('npm run gdpr', () => {
  let t: TestDb;
  let db: Db;
  beforeAll(async () => {
    t = await openTestDb('gdprcli');
    db = t.connection.db as Db;
    const at = new Date('2026-01-05T10:00:00Z');
    await db.collection('contacts').insertOne({ _id: 'c-1' as never, identities: [{ channel: 'sms', id: PHONE }], phone: PHONE, name: 'Carol Tenant', preferredLanguage: 'en', restrictions: [], smsOptedOut: false, createdAt: at, updatedAt: at, rev: 1 });
    await db.collection('cases').insertOne({ _id: 'k-1' as never, reference: 'CMP-2026-000777', packId: 'hoc-2024', stage: 'stage1', status: 'closed', contactId: 'c-1', channel: 'sms', language: 'en', category: 'repairs', summary: 'Carol: mould in bedroom', receivedAt: at, closedAt: at, history: [], responses: [], extensions: [], rev: 2 });
    await db.collection('sms_inbound').insertOne({ _id: 'SMx' as never, from: PHONE, to: '+447700900000', body: 'mould again', media: [], status: 'processed', leaseUntil: at, attempts: 1, receivedAt: at });
  });
  afterAll(async () => {
    await t.drop();
  });

  it('export prints everything held on the tenant as JSON on stdout', async () => {
    const res = await runGdpr(['export', '--phone', '07700 900462'], t.dbName);
    expect(res.code).toBe(0);
    const data = JSON.parse(res.stdout);
    expect(data.phone).toBe(PHONE);
    expect(Object.keys(data.collections).sort()).toEqual(['cases', 'contacts', 'sms_inbound']);
    expect(data.collections.cases.documents[0].reference).toBe('CMP-2026-000777');
  });

  it('erase without --yes changes nothing and exits non-zero with the reason', async () => {
    const res = await runGdpr(['erase', '--phone', PHONE], t.dbName);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/--yes/);
    expect(await db.collection('contacts').countDocuments()).toBe(1);
  });

  it('erase --yes removes the person and keeps the anonymous case', async () => {
    const res = await runGdpr(['erase', '--phone', PHONE, '--yes'], t.dbName);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).collections.cases.anonymised).toBe(1);
    expect(await db.collection('contacts').countDocuments()).toBe(0);
    expect(await db.collection('sms_inbound').countDocuments()).toBe(0);
    const kase = await db.collection('cases').findOne({ reference: 'CMP-2026-000777' });
    expect(kase).toMatchObject({ stage: 'stage1', status: 'closed', category: 'repairs', summary: '[erased]' });
  });

  it('bad arguments exit 2 with a message', async () => {
    const res = await runGdpr(['export', '--phone', '{"$gt":""}'], t.dbName);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/not a phone number/);
    expect(res.stdout).toBe('');
  });
});

describe('gdpr argument parsing', () => {
  it('refuses unknown commands, unknown options and missing phones', () => {
    expect(() => parseGdprArgs([])).toThrow(/command is required/);
    expect(() => parseGdprArgs(['delete', '--phone', PHONE])).toThrow(/unknown command "delete"/);
    expect(() => parseGdprArgs(['export'])).toThrow(/--phone is required/);
    expect(() => parseGdprArgs(['export', '--phone', PHONE, '--everything'])).toThrow(/everything/);
    expect(() => parseGdprArgs(['purge-transcripts', '--days', '0'])).toThrow(/--days/);
    expect(parseGdprArgs(['purge-transcripts', '--days', '30'])).toMatchObject({ command: 'purge-transcripts', days: 30 });
  });
});

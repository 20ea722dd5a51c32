import type { Db } from 'mongodb';
import { eraseTenantData, exportTenantData, normalisePhone, purgeExpiredTranscripts, registerPersonalDataCollection } from '../../../services/privacy';
import { openTestDb, TestDb } from '../../helpers/db';

// Documents are written in the shapes the models define (models/*.ts), straight into the
// collections, so these tests do not depend on how other services create them.
const PHONE = '+447700900461';
const OTHER = '+447700900999';
const WEB_USER = 'dl_user_7f3a9c';
const CONV = 'conv_ab12cd34ef';

async function seed(db: Db, now: Date): Promise<void> {
  const old = new Date(now.getTime() - 400 * 86400_000);
  await db.collection('contacts').insertMany([
    { _id: 'c-alice' as never, identities: [{ channel: 'sms', id: PHONE }, { channel: 'webchat', id: WEB_USER }], phone: PHONE, email: 'alice@example.org', name: 'Alice Example', preferredLanguage: 'en', restrictions: [], smsOptedOut: false, createdAt: old, updatedAt: old, rev: 1 },
    { _id: 'c-bob' as never, identities: [{ channel: 'sms', id: OTHER }], phone: OTHER, name: 'Bob Other', preferredLanguage: 'en', restrictions: [], smsOptedOut: false, createdAt: old, updatedAt: old, rev: 1 },
  ]);
  await db.collection('contact_identities').insertMany([
    { _id: `sms:${PHONE}` as never, contactId: 'c-alice', createdAt: old },
    { _id: `webchat:${WEB_USER}` as never, contactId: 'c-alice', createdAt: old },
    { _id: `sms:${OTHER}` as never, contactId: 'c-bob', createdAt: old },
  ]);
  const history = [{ at: old, actor: { kind: 'tenant', id: 'c-alice', name: 'Alice Example', channel: 'webchat' }, action: 'opened', toStage: 'stage1', toStatus: 'open', reason: 'Alice says the boiler at 4 Elm Road failed' }];
  await db.collection('cases').insertMany([
    {
      _id: 'case-1' as never, reference: 'CMP-2026-000101', packId: 'hoc-2024', stage: 'stage1', status: 'closed', contactId: 'c-alice', channel: 'webchat',
      address: { channel: 'webchat', id: WEB_USER, conversation: { id: CONV } }, language: 'en', category: 'repairs', summary: 'Boiler broken for three weeks at 4 Elm Road',
      originalText: 'my boiler has been broken for 3 weeks, ring me on 07700900461', evidence: [{ kind: 'photo', url: 'https://x/1', addedAt: old }], flags: [], relatedReferences: [],
      receivedAt: old, handlers: {}, deadlines: { acknowledgeBy: old, respondBy: old, escalateBy: null }, stageDeadlines: {}, stageTimes: {},
      extensions: [], responses: [{ stage: 'stage1', decision: 'upheld', reasons: 'We are sorry Alice', compensationPence: 5000, at: old, by: 'officer-1' }],
      closedAt: old, history, createdAt: old, updatedAt: old, rev: 4,
    },
    {
      _id: 'case-2' as never, reference: 'CMP-2026-000102', packId: 'hoc-2024', stage: 'stage1', status: 'open', contactId: 'c-bob', channel: 'sms', language: 'en',
      summary: 'Bob damp', evidence: [], flags: [], relatedReferences: [], receivedAt: now, handlers: {}, deadlines: {}, stageDeadlines: {}, stageTimes: {}, extensions: [], responses: [], history: [], createdAt: now, updatedAt: now, rev: 1,
    },
  ]);
  await db.collection('case_events').insertMany([
    { _id: 'case-1#1' as never, docId: 'case-1', rev: 1, at: old, state: { summary: 'Boiler broken' }, unset: [] },
    { _id: 'case-2#1' as never, docId: 'case-2', rev: 1, at: now, state: { summary: 'Bob damp' }, unset: [] },
  ]);
  await db.collection('directline_conversations').insertMany([
    { _id: CONV as never, userId: WEB_USER, lastSeq: 2, createdAt: old, lastActivityAt: old },
    { _id: 'conv_recent_bob' as never, userId: 'dl_user_bob', lastSeq: 1, createdAt: now, lastActivityAt: now },
  ]);
  await db.collection('directline_activities').insertMany([
    { conversationId: CONV, seq: 1, dedupeKey: 'a1', activityJson: JSON.stringify({ text: 'my boiler is broken' }), type: 'message', createdAt: old },
    { conversationId: 'conv_recent_bob', seq: 1, dedupeKey: 'b1', activityJson: JSON.stringify({ text: 'hello' }), type: 'message', createdAt: now },
  ]);
  await db.collection('sms_inbound').insertMany([
    { _id: 'SM1' as never, from: PHONE, to: '+447700900000', body: 'status please', media: [], status: 'processed', leaseUntil: old, attempts: 1, receivedAt: old },
    { _id: 'SM2' as never, from: OTHER, to: '+447700900000', body: 'hi', media: [], status: 'processed', leaseUntil: now, attempts: 1, receivedAt: now },
  ]);
  await db.collection('outbox_messages').insertOne({ _id: 'o1' as never, channel: 'sms', to: PHONE, body: 'Your reference is CMP-2026-000101', dedupeKey: 'k1', status: 'sent', attempts: 1, nextAttemptAt: old, createdAt: old });
  await db.collection('sms_opt_outs').insertOne({ _id: PHONE as never, optedOut: true, updatedAt: old });
  await db.collection('one_time_codes').insertOne({ _id: 'otp-1' as never, purpose: 'status', requester: PHONE, hash: 'h', salt: 's', expiresAt: old, createdAt: old });
  await db.collection('one_time_code_attempts').insertOne({ _id: 'otpa-1' as never, codeId: 'otp-1', at: old });
  await db.collection('bot_state').insertMany([
    { _id: `sms/conversations/sms:${PHONE}/#1` as never, key: `sms/conversations/sms:${PHONE}/`, rev: 1, deleted: false, json: '{}', at: old },
    { _id: `directline/conversations/${CONV}/#1` as never, key: `directline/conversations/${CONV}/`, rev: 1, deleted: false, json: '{}', at: old },
    { _id: `sms/conversations/sms:${OTHER}/#1` as never, key: `sms/conversations/sms:${OTHER}/`, rev: 1, deleted: false, json: '{}', at: now },
  ]);
  await db.collection('jobs').insertMany([
    { _id: 'job-1' as never, name: 'survey', data: { caseId: 'case-1' }, runAt: now, occurrenceAt: now, status: 'pending', attempts: 0, createdAt: old, updatedAt: old },
    { _id: 'job-2' as never, name: 'survey', data: { caseId: 'case-2' }, runAt: now, occurrenceAt: now, status: 'pending', attempts: 0, createdAt: now, updatedAt: now },
  ]);
}

describe('tenant data export and erasure', () => {
  let t: TestDb;
  let db: Db;
  const now = new Date('2026-11-23T09:00:00Z');

  beforeAll(async () => {
    t = await openTestDb('privacy');
    db = t.connection.db as Db;
    await seed(db, now);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('normalises UK numbers and refuses anything that is not a phone number', () => {
    expect(normalisePhone('07700 900461')).toBe(PHONE);
    expect(normalisePhone('447700900461')).toBe(PHONE);
    expect(() => normalisePhone('{"$gt":""}')).toThrow(/not a phone number/);
    expect(() => normalisePhone('')).toThrow(/not a phone number/);
  });

  it('exports everything held on the tenant, following contact → cases → conversations → codes, and nothing of anyone else', async () => {
    const data = await exportTenantData({ connection: t.connection, phone: '07700900461', now });
    const ids = (name: string) => (data.collections[name]?.documents ?? []).map((d) => String(d._id));
    expect(ids('contacts')).toEqual(['c-alice']);
    expect(ids('cases')).toEqual(['case-1']);
    expect(data.collections.cases.documents[0].history).toHaveLength(1);
    expect(ids('case_events')).toEqual(['case-1#1']);
    expect(ids('contact_identities').sort()).toEqual([`sms:${PHONE}`, `webchat:${WEB_USER}`]);
    expect(ids('directline_conversations')).toEqual([CONV]);
    expect(data.collections.directline_activities.documents).toHaveLength(1);
    expect(ids('sms_inbound')).toEqual(['SM1']);
    expect(ids('outbox_messages')).toEqual(['o1']);
    expect(ids('sms_opt_outs')).toEqual([PHONE]);
    expect(ids('one_time_codes')).toEqual(['otp-1']);
    expect(ids('one_time_code_attempts')).toEqual(['otpa-1']);
    expect(ids('bot_state').sort()).toEqual([`directline/conversations/${CONV}/#1`, `sms/conversations/sms:${PHONE}/#1`]);
    expect(ids('jobs')).toEqual(['job-1']);
    expect(JSON.stringify(data)).not.toMatch(/Bob|c-bob|7700900999/);
  });

  it('includes collections that other features register', async () => {
    await db.collection('callback_requests').insertMany([{ phone: PHONE, note: 'call after 5' }, { phone: OTHER, note: 'x' }]);
    registerPersonalDataCollection({ collection: 'callback_requests', description: 'Call-back requests', match: [{ field: 'phone', key: 'phone' }], erase: { mode: 'delete' } });
    const data = await exportTenantData({ connection: t.connection, phone: PHONE, now });
    expect(data.collections.callback_requests.documents.map((d) => d.note)).toEqual(['call after 5']);
  });

  it('refuses to erase while a case is still open, naming it', async () => {
    await expect(eraseTenantData({ connection: t.connection, phone: OTHER })).rejects.toThrow(/CMP-2026-000102/);
    expect(await db.collection('contacts').countDocuments({ _id: 'c-bob' as never })).toBe(1);
  });

  it('erases the tenant: personal data gone, cases kept as anonymous statistics, opt-out kept, others untouched', async () => {
    const report = await eraseTenantData({ connection: t.connection, phone: PHONE, now });
    expect(report.collections.cases).toMatchObject({ anonymised: 1 });
    expect(report.collections.sms_opt_outs).toMatchObject({ kept: 1 });

    const kase = await db.collection('cases').findOne({ _id: 'case-1' as never });
    expect(kase).toMatchObject({ reference: 'CMP-2026-000101', stage: 'stage1', status: 'closed', category: 'repairs', channel: 'webchat', contactId: '[erased]' });
    expect(kase?.receivedAt).toEqual(expect.any(Date));
    expect(kase?.closedAt).toEqual(expect.any(Date));
    expect(kase?.responses[0]).toMatchObject({ decision: 'upheld', compensationPence: 5000 });
    expect(kase?.history[0]).toMatchObject({ action: 'opened', toStage: 'stage1' });
    expect(JSON.stringify(kase)).not.toMatch(/Alice|Elm Road|boiler|07700900461|7700900461|dl_user|conv_ab/i);

    const left = await exportTenantData({ connection: t.connection, phone: PHONE, now });
    expect(Object.keys(left.collections).sort()).toEqual(['sms_opt_outs']);

    expect(await db.collection('contacts').countDocuments({ _id: 'c-bob' as never })).toBe(1);
    expect(await db.collection('cases').findOne({ _id: 'case-2' as never })).toMatchObject({ summary: 'Bob damp', contactId: 'c-bob' });
    expect(await db.collection('jobs').countDocuments({ _id: 'job-2' as never })).toBe(1);
    expect(await db.collection('callback_requests').countDocuments({ phone: OTHER })).toBe(1);
  });

  it('erasing again finds nothing more to do', async () => {
    const report = await eraseTenantData({ connection: t.connection, phone: PHONE, now });
    expect(Object.keys(report.collections)).toEqual(['sms_opt_outs']);
  });
});

describe('transcript retention', () => {
  let t: TestDb;
  let db: Db;
  const now = new Date('2026-11-23T09:00:00Z');
  beforeAll(async () => {
    t = await openTestDb('retention');
    db = t.connection.db as Db;
    await seed(db, now);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('deletes webchat transcripts and SMS logs idle for longer than the retention, keeps recent ones and cases', async () => {
    const report = await purgeExpiredTranscripts({ connection: t.connection, olderThanDays: 365, now });
    expect(report).toMatchObject({ conversations: 1, activities: 1, botState: 1, smsInbound: 1, smsOutbox: 1 });
    expect(await db.collection('directline_conversations').distinct('_id')).toEqual(['conv_recent_bob']);
    expect(await db.collection('directline_activities').countDocuments({ conversationId: 'conv_recent_bob' })).toBe(1);
    expect(await db.collection('sms_inbound').distinct('_id')).toEqual(['SM2']);
    expect(await db.collection('cases').countDocuments({})).toBe(2);
  });

  it('keeps everything younger than the retention period', async () => {
    const report = await purgeExpiredTranscripts({ connection: t.connection, olderThanDays: 365, now });
    expect(report).toMatchObject({ conversations: 0, activities: 0, smsInbound: 0 });
    await expect(purgeExpiredTranscripts({ connection: t.connection, olderThanDays: 0, now })).rejects.toThrow(/at least 1/);
  });
});

// Cases by reference and by contact without field queries: the reference claim names the case,
// each contact has an `_id`-keyed list; a database with cases from before is indexed once.
import { openTestDb, TestDb } from '../../helpers/db';
import { createCaseService } from '../../../services/cases/caseService';
import { buildContactCaseIndex, caseIdsForContact } from '../../../services/cases/caseIndex';
import type { Actor, OpenCaseInput } from '../../../services/cases/types';
import { createCalendar } from '../../../services/policy/calendar';
import { loadPolicyPack } from '../../../services/policy/packs';
import { recordCommands, withMonitoring } from '../../bench/commandLog';
import { connectDatabase } from '../../../services/database/connection';
import { createModels } from '../../../models';
import { testMongoUri } from '../../helpers/db';

const tenant = (contactId: string): Actor => ({ kind: 'tenant', id: contactId, channel: 'sms' });
const input = (contactId: string, summary: string): OpenCaseInput => ({ contactId, stage: 'stage1', channel: 'sms', language: 'en', summary });

describe('case lookups by _id', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb('caseidx');
    await buildContactCaseIndex(db.models);
  });
  afterAll(async () => db.drop());

  const service = () => createCaseService({ models: db.models, pack: loadPolicyPack('hoc-2024'), calendar: createCalendar('ENG') });

  it('indexes the cases already stored once, then lists a contact\'s cases newest first, by _id only', async () => {
    const cases = service();
    const old = await cases.open(input('contact-a', 'Damp in the bedroom'), tenant('contact-a'));
    await cases.open(input('contact-b', 'Broken lift'), tenant('contact-b'));
    expect(await caseIdsForContact(db.models.Counter, 'contact-a')).toEqual(expect.arrayContaining([old.id]));

    // As if the list claims were never written (cases from before): the start-up build restores them.
    await db.models.Counter.deleteMany({ name: { $regex: '^contact-cases:' } });
    expect(await caseIdsForContact(db.models.Counter, 'contact-a')).toEqual([]);
    // A fresh database connection (another instance) has not seen the marker yet either way.
    await db.models.Counter.deleteMany({ name: 'contact-case-index-built' });
    const other = await connectDatabase(withMonitoring(testMongoUri()), db.dbName);
    try {
      const models = createModels(other);
      expect(await caseIdsForContact(models.Counter, 'contact-a')).toBeUndefined();
      await buildContactCaseIndex(models);
      await buildContactCaseIndex(models);
      expect(await caseIdsForContact(models.Counter, 'contact-a')).toEqual([old.id]);

      const again = createCaseService({ models, pack: loadPolicyPack('hoc-2024'), calendar: createCalendar('ENG') });
      const newer = await again.open(input('contact-a', 'Mould came back'), tenant('contact-a'));
      const log = recordCommands(other);
      const listed = await again.listForContact('contact-a');
      const byRef = await again.get(newer.reference);
      log.stop();
      expect(listed.map((c) => c.reference)).toEqual([newer.reference, old.reference]);
      expect(byRef?.id).toBe(newer.id);
      expect(log.commands.filter((c) => !c.byId)).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('an unknown or malformed reference finds nothing, and a tenant never reads another contact\'s case', async () => {
    const cases = service();
    const mine = await cases.open(input('contact-c', 'Leaking roof'), tenant('contact-c'));
    expect(await cases.get('CMP-2026-999999')).toBeNull();
    expect(await cases.get('not a reference')).toBeNull();
    expect(await cases.get(mine.reference.toLowerCase())).toMatchObject({ id: mine.id });
    expect((await cases.listForContact('contact-d')).length).toBe(0);
    await expect(cases.acknowledge(mine.reference, tenant('contact-d'))).rejects.toMatchObject({ code: 'not_found' });
  });
});


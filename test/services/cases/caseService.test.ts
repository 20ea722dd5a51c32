import { openTestDb, TestDb } from '../../helpers/db';
import { createCaseService } from '../../../services/cases/caseService';
import { Actor, CaseRuleError, CaseService, OpenCaseInput } from '../../../services/cases/types';
import { createCalendar, londonDate } from '../../../services/policy/calendar';
import { loadPolicyPack } from '../../../services/policy/packs';

const tenant = (contactId: string): Actor => ({ kind: 'tenant', id: contactId, channel: 'sms' });
const officer: Actor = { kind: 'staff', id: 'officer-1', name: 'Sam Officer', channel: 'teams' };
const reviewer: Actor = { kind: 'staff', id: 'reviewer-2', name: 'Alex Reviewer', channel: 'teams' };

function input(over: Partial<OpenCaseInput> = {}): OpenCaseInput {
  return { contactId: 'contact-1', stage: 'stage1', channel: 'sms', language: 'en', summary: 'Boiler not fixed after three visits', desiredOutcome: 'Fix the boiler', ...over };
}

/** A case service whose clock the test moves. */
function serviceAt(db: TestDb, packId: string, start: string) {
  let now = new Date(start);
  const service = createCaseService({ models: db.models, pack: loadPolicyPack(packId), calendar: createCalendar('ENG'), clock: () => now });
  return { service, setNow: (iso: string) => (now = new Date(iso)) };
}

async function expectRule(promise: Promise<unknown>, code: CaseRuleError['code'], message?: RegExp): Promise<void> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CaseRuleError);
  expect((err as CaseRuleError).code).toBe(code);
  if (message) expect((err as CaseRuleError).message).toMatch(message);
}

describe('case lifecycle', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb('cases');
  });
  afterAll(async () => {
    await db.drop();
  });

  it('opens a Stage 1 case with a CMP-YYYY-NNNNNN reference and pack deadlines', async () => {
    const { service } = serviceAt(db, 'hoc-2024', '2026-04-01T09:00:00Z');
    const c = await service.open(input(), tenant('contact-1'));
    expect(c.reference).toMatch(/^CMP-2026-\d{6}$/);
    expect(c.stage).toBe('stage1');
    expect(c.status).toBe('open');
    expect(londonDate(c.deadlines.acknowledgeBy!)).toBe('2026-04-10'); // 5 WD over Easter
    expect(londonDate(c.deadlines.respondBy!)).toBe('2026-04-24'); // 10 WD from the acknowledge-by date
    expect(c.deadlines.escalateBy).toBeNull();
    expect(c.history).toHaveLength(1);
    expect(c.history[0]).toMatchObject({ action: 'open', toStage: 'stage1', toStatus: 'open', actor: { kind: 'tenant', id: 'contact-1' } });
    expect(await service.get(c.reference)).toMatchObject({ reference: c.reference, summary: 'Boiler not fixed after three visits' });
  });

  it('recomputes the response deadline from the real acknowledgement', async () => {
    const { service, setNow } = serviceAt(db, 'hoc-2024', '2026-04-01T09:00:00Z');
    const c = await service.open(input(), tenant('contact-1'));
    setNow('2026-04-02T10:00:00Z');
    const acked = await service.acknowledge(c.reference, officer);
    expect(acked.status).toBe('acknowledged');
    // acknowledged Thu 2 Apr: 10 WD skipping Good Friday and Easter Monday → Mon 20 Apr
    expect(londonDate(acked.deadlines.respondBy!)).toBe('2026-04-20');
  });

  it('gives 200 concurrent case creations 200 distinct references', async () => {
    const { service } = serviceAt(db, 'hoc-2024', '2026-06-01T09:00:00Z');
    const cases = await Promise.all(Array.from({ length: 200 }, (_, i) => service.open(input({ contactId: `c-${i}` }), tenant(`c-${i}`))));
    const refs = new Set(cases.map((c) => c.reference));
    expect(refs.size).toBe(200);
    for (const r of refs) expect(r).toMatch(/^CMP-2026-\d{6}$/);
    expect(await db.models.Case.countDocuments({ reference: { $in: [...refs] } })).toBe(refs.size);
  }, 180_000);
});

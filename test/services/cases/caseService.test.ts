import { openTestDb, TestDb } from '../../helpers/db';
import { createCaseService } from '../../../services/cases/caseService';
import { Actor, CaseRuleError, OpenCaseInput } from '../../../services/cases/types';
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

  it('runs quick fix → Stage 1 → Stage 2 → closed and leaves a complete audit trail', async () => {
    const { service, setNow } = serviceAt(db, 'tuntum', '2026-03-02T09:00:00Z');
    const me = tenant('contact-9');
    const quick = await service.open(input({ contactId: 'contact-9', stage: 'quick' }), me);
    expect(londonDate(quick.deadlines.respondBy!)).toBe('2026-03-03'); // resolved within 1 WD
    setNow('2026-03-02T15:00:00Z');
    const fixed = await service.respond(quick.reference, { decision: 'resolved', reasons: 'New appointment booked for Thursday' }, officer);
    expect(fixed.status).toBe('responded');
    expect(londonDate(fixed.deadlines.escalateBy!)).toBe('2026-03-09'); // may go formal within 5 WD

    setNow('2026-03-05T10:00:00Z');
    const s1 = await service.escalate(quick.reference, { reasons: 'Nobody came on Thursday' }, me);
    expect(s1).toMatchObject({ reference: quick.reference, stage: 'stage1', status: 'escalated' });
    expect(londonDate(s1.deadlines.acknowledgeBy!)).toBe('2026-03-10'); // 3 WD from the request to go formal
    await service.assign(quick.reference, officer.id, officer);
    setNow('2026-03-06T10:00:00Z');
    await service.acknowledge(quick.reference, officer);
    setNow('2026-03-16T10:00:00Z');
    const r1 = await service.respond(quick.reference, { decision: 'partly_upheld', reasons: 'Missed appointment', remedy: 'Apology', outstandingActions: ['Replace boiler'] }, officer);
    expect(londonDate(r1.deadlines.escalateBy!)).toBe('2026-04-15'); // 20 WD, skipping Good Friday and Easter Monday

    setNow('2026-03-20T10:00:00Z');
    const s2 = await service.escalate(quick.reference, { reasons: 'Boiler still not replaced; I want a date' }, me);
    expect(s2).toMatchObject({ stage: 'stage2', status: 'escalated', stage2Reasons: 'Boiler still not replaced; I want a date' });
    expect(s2.stageDeadlines.stage1?.respondBy).toBeTruthy();
    await service.assign(quick.reference, reviewer.id, reviewer);
    await service.acknowledge(quick.reference, reviewer);
    setNow('2026-03-27T10:00:00Z');
    await service.respond(quick.reference, { decision: 'upheld', reasons: 'Boiler replacement booked', compensationPence: 5000 }, reviewer);
    const closed = await service.close(quick.reference, 'Stage 2 response sent; Ombudsman details given', reviewer);
    expect(closed.status).toBe('closed');
    const rated = await service.recordSatisfaction(quick.reference, 4, 'Got there in the end', me);
    expect(rated.satisfaction).toMatchObject({ score: 4 });

    const trail = rated.history.map((e) => `${e.action}:${e.fromStage ?? '-'}/${e.fromStatus ?? '-'}→${e.toStage}/${e.toStatus}`);
    expect(trail).toEqual([
      'open:-/-→quick/open',
      'respond:quick/open→quick/responded',
      'escalate:quick/responded→stage1/escalated',
      'assign:stage1/escalated→stage1/escalated',
      'acknowledge:stage1/escalated→stage1/acknowledged',
      'respond:stage1/acknowledged→stage1/responded',
      'escalate:stage1/responded→stage2/escalated',
      'assign:stage2/escalated→stage2/escalated',
      'acknowledge:stage2/escalated→stage2/acknowledged',
      'respond:stage2/acknowledged→stage2/responded',
      'close:stage2/responded→stage2/closed',
      'satisfaction:stage2/closed→stage2/closed',
    ]);
    for (const e of rated.history) expect(e.actor.id).toBeTruthy();
    expect(rated.history[2]).toMatchObject({ actor: { kind: 'tenant', id: 'contact-9' }, reason: 'Nobody came on Thursday' });
    // The append-only log holds one entry per revision with the same events, in order.
    const log = await db.models.CaseEvent.find({ docId: rated.id }).sort({ rev: 1 }).lean();
    expect(log.map((l) => l.rev)).toEqual(rated.history.map((_, i) => i + 1));
    expect(log.map((l) => (l.event as { action: string }).action)).toEqual(rated.history.map((e) => e.action));
  });

  it('shows a Stage 2 request as escalated until acknowledged, and lists it overdue once its acknowledge-by passes', async () => {
    const { service, setNow } = serviceAt(db, 'slh', '2026-10-01T09:00:00Z');
    const me = tenant('esc-1');
    const c = await service.open(input({ contactId: 'esc-1' }), me);
    await service.respond(c.reference, { decision: 'not_upheld', reasons: 'Repair done on time' }, officer);
    setNow('2026-10-05T09:00:00Z');
    const s2 = await service.escalate(c.reference, { reasons: 'The repair failed again' }, me);
    expect(s2).toMatchObject({ stage: 'stage2', status: 'escalated' });
    expect(s2.history.at(-1)).toMatchObject({ action: 'escalate', fromStage: 'stage1', toStage: 'stage2', fromStatus: 'responded', toStatus: 'escalated', reason: 'The repair failed again' });
    expect(londonDate(s2.deadlines.acknowledgeBy!)).toBe('2026-10-07'); // SLH: 2 WD from the request
    expect((await service.list({ status: 'escalated', contactId: 'esc-1' })).map((x) => x.reference)).toEqual([c.reference]);
    expect(await service.list({ overdue: true, contactId: 'esc-1' })).toEqual([]);
    setNow('2026-10-08T09:00:00Z');
    expect((await service.list({ overdue: true, contactId: 'esc-1' })).map((x) => x.reference)).toEqual([c.reference]);
    const acked = await service.acknowledge(c.reference, reviewer);
    expect(acked.history.at(-1)).toMatchObject({ action: 'acknowledge', fromStatus: 'escalated', toStatus: 'acknowledged' });
  });

  describe('time limit to raise (incident date)', () => {
    it('refuses a tenant complaint older than the pack limit where the pack has no discretion (SLH: 6 months), with the pack reason', async () => {
      const { service } = serviceAt(db, 'slh', '2026-09-15T09:00:00Z');
      await expectRule(
        service.open(input({ contactId: 'tl-1', incidentDate: new Date('2026-03-14T12:00:00Z') }), tenant('tl-1')),
        'outside_window',
        /over six months old are not considered.*Housing Ombudsman/s,
      );
      expect(await service.listForContact('tl-1')).toEqual([]);
      const inside = await service.open(input({ contactId: 'tl-1', incidentDate: new Date('2026-03-15T12:00:00Z') }), tenant('tl-1'));
      expect(inside.flags).not.toContain('older_than_time_limit');
      expect(inside.incidentDate?.toISOString()).toBe('2026-03-15T12:00:00.000Z');
    });

    it('lets staff accept an older matter with a reason, recorded in the history, and never a tenant', async () => {
      const { service } = serviceAt(db, 'slh', '2026-09-15T09:00:00Z');
      const old = new Date('2025-12-01T12:00:00Z');
      await expectRule(service.open(input({ contactId: 'tl-2', incidentDate: old }), officer), 'outside_window', /accept it with a reason/);
      await expectRule(service.open(input({ contactId: 'tl-2', incidentDate: old, timeLimitOverride: 'please' }), tenant('tl-2')), 'invalid_input', /only staff/);
      const c = await service.open(input({ contactId: 'tl-2', incidentDate: old, timeLimitOverride: 'Tenant was in hospital for five months' }), officer);
      expect(c.flags).toContain('older_than_time_limit');
      expect(c.history[0].reason).toMatch(/2025-12-01.*accepted by staff: Tenant was in hospital/);
    });

    it('opens an older matter flagged for a manager where the pack allows discretion (hoc-2024: 12 months)', async () => {
      const { service } = serviceAt(db, 'hoc-2024', '2026-09-15T09:00:00Z');
      const c = await service.open(input({ contactId: 'tl-3', incidentDate: new Date('2025-09-01T12:00:00Z') }), tenant('tl-3'));
      expect(c.flags).toContain('older_than_time_limit');
      expect(c.history[0].reason).toMatch(/a manager decides.*12 months/);
      await expectRule(service.open(input({ contactId: 'tl-3', incidentDate: new Date('2026-09-20T12:00:00Z') }), tenant('tl-3')), 'invalid_input', /cannot be after/);
    });
  });

  describe('excluding an older matter (Twenty11: needs senior authority)', () => {
    const manager: Actor = { kind: 'staff', id: 'manager-3', name: 'Mo Manager', channel: 'teams', role: 'manager' };

    it('refuses a handler declining a flagged older matter and lets a manager decline it', async () => {
      const { service } = serviceAt(db, 'twenty11', '2026-09-15T09:00:00Z');
      const c = await service.open(input({ contactId: 'tl-4', incidentDate: new Date('2026-01-10T12:00:00Z') }), tenant('tl-4'));
      expect(c.flags).toContain('older_than_time_limit');
      await expectRule(service.notAccepted(c.reference, 'Over 6 months old', officer), 'needs_authority', /Head of Insight & Strategy/);
      await expectRule(service.notAccepted(c.reference, 'Over 6 months old', { ...officer, role: 'handler' }), 'needs_authority');
      expect((await service.get(c.reference))!.status).toBe(c.status);
      const declined = await service.notAccepted(c.reference, 'Over 6 months old', manager);
      expect(declined.status).toBe('not_accepted');
    });

    it('lets a handler decline where the pack names no authority (hoc-2024) or the matter is inside the limit', async () => {
      const hoc = serviceAt(db, 'hoc-2024', '2026-09-15T09:00:00Z').service;
      const older = await hoc.open(input({ contactId: 'tl-5', incidentDate: new Date('2025-08-01T12:00:00Z') }), tenant('tl-5'));
      expect(older.flags).toContain('older_than_time_limit');
      expect((await hoc.notAccepted(older.reference, 'Outside the time limit', officer)).status).toBe('not_accepted');
      const t11 = serviceAt(db, 'twenty11', '2026-09-15T09:00:00Z').service;
      const recent = await t11.open(input({ contactId: 'tl-6', incidentDate: new Date('2026-08-01T12:00:00Z') }), tenant('tl-6'));
      expect((await t11.notAccepted(recent.reference, 'Another appeal route', officer)).status).toBe('not_accepted');
    });
  });

  describe('guards from the pack', () => {
    it('refuses Stage 2 before a Stage 1 response', async () => {
      const { service } = serviceAt(db, 'hoc-2024', '2026-05-01T09:00:00Z');
      const c = await service.open(input(), tenant('contact-1'));
      await expectRule(service.escalate(c.reference, {}, tenant('contact-1')), 'invalid_transition', /only after the Stage 1 response/);
    });

    it('lets staff escalate before a response with an override reason, recorded in the history', async () => {
      const { service } = serviceAt(db, 'hoc-2024', '2026-05-01T09:00:00Z');
      const c = await service.open(input(), tenant('contact-1'));
      await expectRule(service.escalate(c.reference, { overrideReason: 'tenant says so' }, tenant('contact-1')), 'invalid_input', /only staff/);
      const s2 = await service.escalate(c.reference, { overrideReason: 'Stage 1 response missed its deadline' }, officer);
      expect(s2.stage).toBe('stage2');
      expect(s2.history.at(-1)?.reason).toMatch(/override: Stage 1 response missed its deadline/);
    });

    it('refuses Stage 2 outside the pack window (SLH: 10 WD) unless staff override', async () => {
      const { service, setNow } = serviceAt(db, 'slh', '2026-05-01T09:00:00Z');
      const c = await service.open(input(), tenant('contact-1'));
      await service.respond(c.reference, { decision: 'not_upheld', reasons: 'Works completed on time' }, officer);
      setNow('2026-05-19T09:00:00Z'); // responded Fri 1 May: 10 WD (Early May bank holiday skipped) → Mon 18 May
      await expectRule(service.escalate(c.reference, { reasons: 'I disagree' }, tenant('contact-1')), 'outside_window', /ended on 2026-05-18/);
      const ok = await service.escalate(c.reference, { reasons: 'I disagree', overrideReason: 'Tenant was in hospital' }, officer);
      expect(ok.stage).toBe('stage2');
    });

    it('requires reasons for Stage 2 where the pack says so (SLH) but not under the Code (hoc-2024)', async () => {
      const slh = serviceAt(db, 'slh', '2026-05-01T09:00:00Z').service;
      const a = await slh.open(input(), tenant('contact-1'));
      await slh.respond(a.reference, { decision: 'not_upheld', reasons: 'No failure found' }, officer);
      await expectRule(slh.escalate(a.reference, {}, tenant('contact-1')), 'reasons_required', /why you remain dissatisfied/);

      const hoc = serviceAt(db, 'hoc-2024', '2026-05-01T09:00:00Z').service;
      const b = await hoc.open(input(), tenant('contact-1'));
      await hoc.respond(b.reference, { decision: 'not_upheld', reasons: 'No failure found' }, officer);
      expect((await hoc.escalate(b.reference, {}, tenant('contact-1'))).stage).toBe('stage2');
    });

    it('refuses the Stage 1 handler as the Stage 2 handler where the pack says so', async () => {
      const { service } = serviceAt(db, 'hoc-2024', '2026-05-01T09:00:00Z');
      const c = await service.open(input(), tenant('contact-1'));
      await service.assign(c.reference, officer.id, officer);
      await service.respond(c.reference, { decision: 'not_upheld', reasons: 'No failure found' }, officer);
      await service.escalate(c.reference, {}, tenant('contact-1'));
      await expectRule(service.assign(c.reference, officer.id, officer), 'same_handler', /other than the Stage 1 handler/);
      await expectRule(service.respond(c.reference, { decision: 'upheld', reasons: 'x' }, officer), 'same_handler');
      expect((await service.assign(c.reference, reviewer.id, officer)).handlers.stage2).toBe(reviewer.id);
    });

    it('refuses an extension beyond the pack limit (Code: 10 WD at Stage 1) and records one within it', async () => {
      const { service } = serviceAt(db, 'hoc-2024', '2026-06-01T09:00:00Z');
      const c = await service.open(input(), tenant('contact-1'));
      const acked = await service.acknowledge(c.reference, officer);
      expect(londonDate(acked.deadlines.respondBy!)).toBe('2026-06-15');
      await expectRule(service.extend(c.reference, { reason: 'Surveyor needed', newRespondBy: new Date('2026-06-30T12:00:00Z') }, officer), 'extension_too_long', /11 working days is more than the 10/);
      const ext = await service.extend(c.reference, { reason: 'Surveyor needed', newRespondBy: new Date('2026-06-29T12:00:00Z') }, officer);
      expect(londonDate(ext.deadlines.respondBy!)).toBe('2026-06-29');
      expect(ext.extensions).toHaveLength(1);
      expect(ext.history.at(-1)).toMatchObject({ action: 'extend', reason: 'to 2026-06-29: Surveyor needed' });
    });

    it('allows Brighter Places its exceptional 20 WD and longer only by agreement', async () => {
      const { service } = serviceAt(db, 'brighter-places', '2026-06-01T09:00:00Z');
      const c = await service.open(input(), tenant('contact-1'));
      // logged Mon 1 Jun: respond within 10 WD of logging → Mon 15 Jun; +20 WD → Mon 13 Jul
      await expectRule(service.extend(c.reference, { reason: 'Complex', newRespondBy: new Date('2026-07-13T12:00:00Z') }, officer), 'extension_too_long');
      expect((await service.extend(c.reference, { reason: 'Complex', newRespondBy: new Date('2026-07-13T12:00:00Z'), exceptional: true }, officer)).status).toBe('open');
      await expectRule(service.extend(c.reference, { reason: 'More', newRespondBy: new Date('2026-07-20T12:00:00Z'), exceptional: true }, officer), 'extension_too_long', /without the tenant’s agreement/);
      const agreed = await service.extend(c.reference, { reason: 'More', newRespondBy: new Date('2026-07-20T12:00:00Z'), exceptional: true, tenantAgreed: true }, officer);
      expect(londonDate(agreed.deadlines.respondBy!)).toBe('2026-07-20');
    });

    it('refuses compensation above the stage limit without approval (SLH: £500 at Stage 1)', async () => {
      const { service } = serviceAt(db, 'slh', '2026-06-01T09:00:00Z');
      const c = await service.open(input(), tenant('contact-1'));
      await expectRule(
        service.respond(c.reference, { decision: 'upheld', reasons: 'Leak ignored', compensationPence: 60000 }, officer),
        'compensation_over_limit',
        /£600 is above the Stage 1 limit of £500: it needs approval by Executive Management Team/,
      );
      const ok = await service.respond(c.reference, { decision: 'upheld', reasons: 'Leak ignored', compensationPence: 60000, compensationApprovedBy: 'EMT 2026-06-02' }, officer);
      expect(ok.responses[0]).toMatchObject({ compensationPence: 60000, compensationApprovedBy: 'EMT 2026-06-02' });
    });

    it('refuses going formal after the quick-fix window (Tuntum: 5 WD)', async () => {
      const { service, setNow } = serviceAt(db, 'tuntum', '2026-06-01T09:00:00Z');
      const c = await service.open(input({ stage: 'quick' }), tenant('contact-1'));
      await service.respond(c.reference, { decision: 'resolved', reasons: 'Fixed' }, officer);
      setNow('2026-06-09T09:00:00Z'); // window ended Mon 8 Jun
      await expectRule(service.escalate(c.reference, {}, tenant('contact-1')), 'outside_window', /time to go formal ended on 2026-06-08/);
    });

    it('refuses a quick case where the pack has no early route, and other bad input', async () => {
      const { service } = serviceAt(db, 'hoc-2024', '2026-06-01T09:00:00Z');
      await expectRule(service.open(input({ stage: 'quick' }), tenant('contact-1')), 'invalid_input', /no separate early route/);
      await expectRule(service.open(input({ summary: '  ' }), tenant('contact-1')), 'invalid_input', /summary is required/);
      await expectRule(service.open(input({ contactId: 'someone-else' }), tenant('contact-1')), 'invalid_input', /for themselves/);
      await expectRule(service.acknowledge('CMP-2026-999999', officer), 'not_found');
    });

    it('hides other tenants’ cases and keeps staff-only actions for staff', async () => {
      const { service } = serviceAt(db, 'hoc-2024', '2026-06-01T09:00:00Z');
      const c = await service.open(input(), tenant('contact-1'));
      await expectRule(service.withdraw(c.reference, 'not mine', tenant('contact-2')), 'not_found');
      await expectRule(service.acknowledge(c.reference, tenant('contact-1')), 'invalid_transition', /only staff/);
    });

    it('puts a case on hold for a SAR and moves its deadlines on by the days held', async () => {
      const { service, setNow } = serviceAt(db, 'red-kite', '2026-06-01T09:00:00Z');
      const c = await service.open(input(), tenant('contact-1'));
      await service.acknowledge(c.reference, officer); // respond 10 WD from Mon 1 Jun → Mon 15 Jun
      const held = await service.hold(c.reference, 'Subject access request in progress', officer);
      expect(held).toMatchObject({ status: 'on_hold', holdReason: 'Subject access request in progress' });
      await expectRule(service.respond(c.reference, { decision: 'upheld', reasons: 'x' }, officer), 'invalid_transition');
      setNow('2026-06-08T09:00:00Z'); // held 5 working days
      const resumed = await service.resume(c.reference, officer);
      expect(resumed.status).toBe('acknowledged');
      expect(londonDate(resumed.deadlines.respondBy!)).toBe('2026-06-22');
      expect(resumed.history.at(-1)).toMatchObject({ action: 'resume', fromStatus: 'on_hold', toStatus: 'acknowledged', reason: 'held 5 working days' });
    });

    it('records a complaint not accepted with its reason, and nothing happens to it afterwards', async () => {
      const { service } = serviceAt(db, 'hoc-2024', '2026-06-01T09:00:00Z');
      const c = await service.open(input(), tenant('contact-1'));
      const refused = await service.notAccepted(c.reference, 'Legal proceedings have started', officer);
      expect(refused).toMatchObject({ status: 'not_accepted', notAcceptedReason: 'Legal proceedings have started' });
      await expectRule(service.escalate(c.reference, {}, tenant('contact-1')), 'invalid_transition', /not accepted/);
    });

    it('lets a tenant withdraw their own complaint', async () => {
      const { service } = serviceAt(db, 'hoc-2024', '2026-06-01T09:00:00Z');
      const c = await service.open(input(), tenant('contact-1'));
      expect((await service.withdraw(c.reference, 'Sorted now', tenant('contact-1'))).status).toBe('withdrawn');
    });
  });

  it('applies each transition once when two staff act at the same moment', async () => {
    const { service } = serviceAt(db, 'hoc-2024', '2026-07-01T09:00:00Z');
    const c = await service.open(input(), tenant('contact-1'));
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => service.acknowledge(c.reference, officer)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as CaseRuleError).code).toBe('invalid_transition');
    const after = await service.get(c.reference);
    expect(after?.history.filter((e) => e.action === 'acknowledge')).toHaveLength(1);
  });

  it('lists overdue cases and a tenant’s own cases', async () => {
    const { service, setNow } = serviceAt(db, 'twenty11', '2026-08-03T09:00:00Z');
    const late = await service.open(input({ contactId: 'list-1' }), tenant('list-1'));
    setNow('2026-08-10T09:00:00Z');
    const fresh = await service.open(input({ contactId: 'list-1' }), tenant('list-1'));
    const overdue = await service.list({ overdue: true, contactId: 'list-1' });
    expect(overdue.map((c) => c.reference)).toEqual([late.reference]);
    expect((await service.listForContact('list-1')).map((c) => c.reference)).toEqual([fresh.reference, late.reference]);
  });

  it('finishes a transition whose writer died after logging it (the log is the truth)', async () => {
    const { service } = serviceAt(db, 'hoc-2024', '2026-09-01T09:00:00Z');
    const c = await service.open(input({ contactId: 'crash-1' }), tenant('crash-1'));
    const stored = await db.models.Case.findOne({ reference: c.reference }).lean();
    // What a writer logs just before it would copy the state onto the case, then dies.
    const { _id: id, ...state } = { ...stored!, status: 'acknowledged', rev: 2, history: [...stored!.history, { ...stored!.history[0], action: 'acknowledge', fromStatus: 'open', toStatus: 'acknowledged' }] };
    await db.models.CaseEvent.create({ _id: `${id}#2`, docId: id, rev: 2, at: new Date(), state, unset: [] });
    expect((await service.list({ contactId: 'crash-1' }))[0].status).toBe('acknowledged');
    expect((await service.get(c.reference))?.status).toBe('acknowledged');
    expect((await db.models.Case.findById(id).lean())?.status).toBe('acknowledged'); // repaired in place
    await expectRule(service.acknowledge(c.reference, officer), 'invalid_transition');
  });
});

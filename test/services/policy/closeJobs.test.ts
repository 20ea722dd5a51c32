// The pack's own closing rules as scheduler jobs, on the real database with two scheduler
// instances racing, the real case service and the real SMS outbox as the tenant's channel.
import { openTestDb, TestDb } from '../../helpers/db';
import { createCaseService } from '../../../services/cases/caseService';
import type { Actor, CaseRecord, CaseService } from '../../../services/cases/types';
import { createCalendar } from '../../../services/policy/calendar';
import { loadPolicyPack } from '../../../services/policy/packs';
import {
  definePolicyCloseJobs,
  POLICY_CLOSE_SWEEP_JOB,
  schedulePolicyCloseSweep,
  scheduleStage2WindowClose,
  scheduleUnreachableClose,
  STAGE2_WINDOW_CLOSE_JOB,
  UNREACHABLE_CLOSE_JOB,
} from '../../../services/policy/closeJobs';
import { createMongoScheduler } from '../../../services/scheduler/mongoScheduler';
import type { Scheduler } from '../../../services/scheduler/types';
import { createLogger } from '../../../services/logging/logger';
import { TenantMessenger } from '../../../services/notifications/tenantMessenger';
import { Outbox } from '../../../services/notifications/outbox';
import { SmsSender } from '../../../channels/sms/smsSender';
import { SmsOptOuts } from '../../../channels/sms/optOuts';
import { createTranslator } from '../../../services/translation';

const logger = createLogger('silent');
const officer: Actor = { kind: 'staff', id: 'officer-1', name: 'Sam Officer', channel: 'teams' };
const calendar = createCalendar('ENG');

let db: TestDb;
let now: Date;
let seq = 0;

beforeAll(async () => {
  db = await openTestDb('closejobs');
});
afterAll(async () => db.drop());

interface World {
  cases: CaseService;
  a: Scheduler;
  b: Scheduler;
  /** Runs due jobs on both instances at once; returns how many ran in total. */
  runBoth(at: string): Promise<number>;
}

function world(packId: string): World {
  const pack = loadPolicyPack(packId);
  const clock = () => now;
  const cases = createCaseService({ models: db.models, pack, calendar, clock });
  const messenger = new TenantMessenger();
  messenger.register(new SmsSender(new Outbox(db.models.OutboxMessage, db.models.ChannelClaim, logger), new SmsOptOuts(db.models.SmsOptOut, logger), logger));
  const translator = createTranslator({ TRANSLATOR_PROVIDER: 'none' }, logger);
  const make = (instanceId: string) => {
    const s = createMongoScheduler({ models: db.models, logger, instanceId, clock });
    definePolicyCloseJobs(s, { cases, pack, calendar, messenger, translator, logger, clock });
    return s;
  };
  const a = make(`${packId}-a`);
  const b = make(`${packId}-b`);
  return {
    cases,
    a,
    b,
    async runBoth(at) {
      now = new Date(at);
      const [x, y] = await Promise.all([a.runDue(now), b.runDue(now)]);
      return x + y;
    },
  };
}

async function openStage1(w: World, at: string): Promise<{ c: CaseRecord; phone: string; tenant: Actor }> {
  now = new Date(at);
  const phone = `+4477009${String(60000 + seq++)}`;
  const tenant: Actor = { kind: 'tenant', id: `contact-${phone}`, channel: 'sms' };
  const c = await w.cases.open(
    { contactId: tenant.id, stage: 'stage1', channel: 'sms', address: { channel: 'sms', id: phone }, language: 'en', summary: 'Damp in the bedroom not treated' },
    tenant,
  );
  return { c, phone, tenant };
}

async function smsTo(phone: string): Promise<string> {
  const docs = await db.models.OutboxMessage.find({ to: phone }).lean();
  return docs.map((d) => String((d as { body?: unknown }).body)).join('\n');
}

async function jobsNamed(name: string): Promise<number> {
  return db.models.Job.countDocuments({ name });
}

describe('SLH: no Stage 2 request inside the window closes the case', () => {
  it('closes the case once the window has passed (one run with two instances), with an audit entry, and tells the tenant', async () => {
    const w = world('slh');
    const { c, phone } = await openStage1(w, '2026-05-01T09:00:00Z');
    const responded = await w.cases.respond(c.reference, { decision: 'not_upheld', reasons: 'Damp treatment was done on time' }, officer);
    // Responded Fri 1 May: 10 WD (Early May bank holiday skipped) → Mon 18 May.
    const runAt = await scheduleStage2WindowClose(w.a, loadPolicyPack('slh'), responded);
    expect(runAt?.toISOString()).toBe('2026-05-18T23:01:00.000Z'); // a minute after 18 May ends in London (BST)
    await scheduleStage2WindowClose(w.b, loadPolicyPack('slh'), responded); // the other instance: still one job
    expect(await jobsNamed(STAGE2_WINDOW_CLOSE_JOB)).toBe(1);

    expect(await w.runBoth('2026-05-18T20:00:00Z')).toBe(0);
    expect((await w.cases.get(c.reference))?.status).toBe('responded');

    expect(await w.runBoth('2026-05-19T08:00:00Z')).toBe(1);
    const closed = (await w.cases.get(c.reference))!;
    expect(closed.status).toBe('closed');
    expect(closed.history.filter((e) => e.action === 'close')).toHaveLength(1);
    expect(closed.history.at(-1)).toMatchObject({
      action: 'close',
      actor: { kind: 'system', channel: 'scheduler' },
      fromStatus: 'responded',
      toStatus: 'closed',
      reason: expect.stringMatching(/^No Stage 2 request by 2026-05-18 \(10 working days after the Stage 1 response\): A review must be requested within 10 working days/),
    });
    const sms = await smsTo(phone);
    expect(sms).toMatch(new RegExp(`${c.reference} is now closed: we did not receive a request to take it to the next stage by 2026-05-18`));
    expect(sms).toMatch(/Housing Ombudsman Service/);
    expect(await w.runBoth('2026-05-20T08:00:00Z')).toBe(0);
  });

  it('does not close a case whose tenant asked for Stage 2 inside the window', async () => {
    const w = world('slh');
    const { c, phone, tenant } = await openStage1(w, '2026-06-01T09:00:00Z');
    const responded = await w.cases.respond(c.reference, { decision: 'not_upheld', reasons: 'No failure found' }, officer);
    await scheduleStage2WindowClose(w.a, loadPolicyPack('slh'), responded);
    now = new Date('2026-06-05T10:00:00Z');
    await w.cases.escalate(c.reference, { reasons: 'The damp is back' }, tenant);

    expect(await w.runBoth('2026-06-16T08:00:00Z')).toBe(1); // the job ran and left the case alone
    const after = (await w.cases.get(c.reference))!;
    expect(after).toMatchObject({ stage: 'stage2', status: 'escalated' });
    expect(after.history.some((e) => e.action === 'close')).toBe(false);
    expect(await smsTo(phone)).not.toMatch(/is now closed/);
  });

  it('schedules nothing where the pack does not close on the window (hoc-2024, twenty11)', async () => {
    for (const packId of ['hoc-2024', 'twenty11']) {
      const w = world(packId);
      const { c } = await openStage1(w, '2026-07-01T09:00:00Z');
      const responded = await w.cases.respond(c.reference, { decision: 'upheld', reasons: 'Sorry, treatment booked' }, officer);
      expect(await scheduleStage2WindowClose(w.a, loadPolicyPack(packId), responded)).toBeNull();
    }
  });
});

describe('Brighter Places: a tenant who cannot be reached for needed input', () => {
  it('closes the case 15 days after staff wrote, when nothing happened, and tells the tenant', async () => {
    const w = world('brighter-places');
    const { c, phone } = await openStage1(w, '2026-06-01T09:00:00Z');
    now = new Date('2026-06-02T10:00:00Z');
    const waiting = await w.cases.recordEvent(c.reference, { action: 'awaiting_tenant', reason: 'photos of the damp and a date we can visit' }, officer);
    const since = waiting.history.at(-1)!.at;
    const runAt = await scheduleUnreachableClose(w.a, loadPolicyPack('brighter-places'), calendar, waiting, since);
    expect(runAt?.toISOString()).toBe('2026-06-17T23:01:00.000Z'); // 15 calendar days after 2 June, end of the day in London

    expect(await w.runBoth('2026-06-17T12:00:00Z')).toBe(0);
    expect(await w.runBoth('2026-06-18T08:00:00Z')).toBe(1);
    const closed = (await w.cases.get(c.reference))!;
    expect(closed.status).toBe('closed');
    expect(closed.history.at(-1)).toMatchObject({
      action: 'close',
      actor: { kind: 'system' },
      reason: 'Tenant not reachable: no reply 15 days after we wrote on 2026-06-02 asking for: photos of the damp and a date we can visit',
    });
    const sms = await smsTo(phone);
    expect(sms).toMatch(new RegExp(`We wrote to you on 2026-06-02 about your complaint ${c.reference} and have not heard back, so we have closed it`));
    expect(sms).toMatch(/Ombudsman/);
  });

  it('keeps the case open when the tenant got in touch before the period ended', async () => {
    const w = world('brighter-places');
    const { c, phone } = await openStage1(w, '2026-07-01T09:00:00Z');
    const waiting = await w.cases.recordEvent(c.reference, { action: 'awaiting_tenant', reason: 'a date we can visit' }, officer);
    await scheduleUnreachableClose(w.a, loadPolicyPack('brighter-places'), calendar, waiting, waiting.history.at(-1)!.at);
    now = new Date('2026-07-06T11:00:00Z');
    await w.cases.recordEvent(c.reference, { action: 'tenant_contact', reason: 'Tenant phoned with dates' }, { kind: 'staff', id: 'officer-1', channel: 'teams' });

    expect(await w.runBoth('2026-07-20T08:00:00Z')).toBe(1);
    const after = (await w.cases.get(c.reference))!;
    expect(after.status).toBe('open');
    expect(after.history.map((e) => e.action)).toEqual(['open', 'awaiting_tenant', 'tenant_contact']);
    expect(await smsTo(phone)).not.toMatch(/closed it/);

    // Waiting for them again later is a new wait with its own job.
    now = new Date('2026-07-21T10:00:00Z');
    const again = await w.cases.recordEvent(c.reference, { action: 'awaiting_tenant', reason: 'the gas safety certificate' }, officer);
    expect((await scheduleUnreachableClose(w.a, loadPolicyPack('brighter-places'), calendar, again, again.history.at(-1)!.at))?.toISOString()).toBe('2026-08-05T23:01:00.000Z');
    expect(await w.runBoth('2026-08-06T08:00:00Z')).toBe(1);
    expect((await w.cases.get(c.reference))?.status).toBe('closed');
  });

  it('schedules nothing where the pack sets no such period (slh)', async () => {
    const w = world('slh');
    const { c } = await openStage1(w, '2026-08-03T09:00:00Z');
    const waiting = await w.cases.recordEvent(c.reference, { action: 'awaiting_tenant', reason: 'photos' }, officer);
    expect(await scheduleUnreachableClose(w.a, loadPolicyPack('slh'), calendar, waiting, waiting.history.at(-1)!.at)).toBeNull();
    expect(await jobsNamed(UNREACHABLE_CLOSE_JOB)).toBe(0);
  });
});

describe('sweep for cases without their close job', () => {
  it('schedules the SLH close for a case answered before the jobs existed, and it then closes once', async () => {
    const w = world('slh');
    const { c } = await openStage1(w, '2026-09-01T09:00:00Z');
    await w.cases.respond(c.reference, { decision: 'not_upheld', reasons: 'No failure found' }, officer); // no job scheduled here
    // A case opened under another pack (POLICY_PACK changed since) keeps that pack's rules: never closed by SLH's.
    const other = world('twenty11');
    const { c: older } = await openStage1(other, '2026-09-01T09:00:00Z');
    await other.cases.respond(older.reference, { decision: 'not_upheld', reasons: 'No failure found' }, officer);
    expect(await db.models.Job.countDocuments({ name: STAGE2_WINDOW_CLOSE_JOB, 'data.reference': c.reference })).toBe(0);

    await schedulePolicyCloseSweep(w.a, loadPolicyPack('slh'), new Date('2026-09-01T10:00:00Z'));
    await schedulePolicyCloseSweep(w.b, loadPolicyPack('slh'), new Date('2026-09-01T10:00:00Z'));
    expect(await db.models.Job.countDocuments({ name: POLICY_CLOSE_SWEEP_JOB })).toBe(1);
    expect(await w.runBoth('2026-09-01T10:00:01Z')).toBe(1); // the sweep, on one instance
    expect(await db.models.Job.countDocuments({ name: STAGE2_WINDOW_CLOSE_JOB, 'data.reference': c.reference })).toBe(1);

    // Responded Tue 1 Sep: 10 WD → Tue 15 Sep. The next sweep (6 h later) schedules nothing new.
    await w.runBoth('2026-09-01T16:00:02Z');
    expect(await db.models.Job.countDocuments({ name: STAGE2_WINDOW_CLOSE_JOB, 'data.reference': c.reference })).toBe(1);
    now = new Date('2026-09-16T08:00:00Z');
    await Promise.all([w.a.runDue(now), w.b.runDue(now)]);
    const closed = (await w.cases.get(c.reference))!;
    expect(closed.status).toBe('closed');
    expect(closed.history.filter((e) => e.action === 'close')).toHaveLength(1);
    expect((await w.cases.get(older.reference))?.status).toBe('responded');
    expect(await db.models.Job.countDocuments({ name: STAGE2_WINDOW_CLOSE_JOB, 'data.reference': older.reference })).toBe(0);
    await db.models.Job.deleteMany({ name: POLICY_CLOSE_SWEEP_JOB });
  });

  it('is not scheduled where the pack never closes cases by itself (hoc-2024)', async () => {
    const w = world('hoc-2024');
    await schedulePolicyCloseSweep(w.a, loadPolicyPack('hoc-2024'));
    expect(await db.models.Job.countDocuments({ name: POLICY_CLOSE_SWEEP_JOB })).toBe(0);
  });
});

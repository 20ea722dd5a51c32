// Cases the pack closes by itself, as scheduler jobs (one run across every app instance):
//   - SLH-style packs (stage2Request.closeWhenWindowPasses): no Stage 2 request inside the window
//     after the Stage 1 response → the case is closed. Scheduled when the Stage 1 response is recorded.
//   - Brighter Places-style packs (unreachableCloseAfter): staff wrote asking the tenant for needed
//     input and nothing happened on the case for the pack's period → closed. Scheduled when staff
//     record that they are waiting for the tenant.
// A sweep every few hours schedules the same jobs for cases that have none (responded before this
// version was deployed, or an instance died between the transition and scheduling); the unique key
// keeps one job per case whoever schedules it.
// Each job re-reads the case when it runs and closes it only if the rule still holds, so a Stage 2
// request or any later activity simply makes the job do nothing. The close is an ordinary case
// transition by the system actor (audit entry with the pack's reason); the tenant is told on their
// own channel, in their language, with the Ombudsman's details.
import type { Actor, CaseRecord, CaseService } from '../cases/types';
import { CaseRuleError } from '../cases/types';
import type { Scheduler } from '../scheduler/types';
import type { TenantMessenger } from '../notifications/tenantMessenger';
import type { Translator } from '../translation/translator';
import { sendToTenantInTheirLanguage } from '../translation/tenantDelivery';
import type { Logger } from '../logging/logger';
import { endOfLondonDay, londonDate, WorkingCalendar } from './calendar';
import type { Period, PolicyPack } from './packSchema';

export const STAGE2_WINDOW_CLOSE_JOB = 'policy.stage2WindowClose';
export const UNREACHABLE_CLOSE_JOB = 'policy.unreachableClose';
export const POLICY_CLOSE_SWEEP_JOB = 'policy.closeSweep';
/** How often the sweep looks for cases without their close job (each look is a few collection scans). */
export const POLICY_CLOSE_SWEEP_EVERY_MS = 6 * 3600 * 1000;

const SYSTEM: Actor = { kind: 'system', id: 'policy-close-job', channel: 'scheduler' };

export interface PolicyCloseDeps {
  cases: Pick<CaseService, 'get' | 'close' | 'list'>;
  pack: PolicyPack;
  calendar: WorkingCalendar;
  messenger?: Pick<TenantMessenger, 'send' | 'canReach'>;
  translator: Translator;
  logger: Logger;
  /** Defaults to the system clock; tests pass the case service's clock. */
  clock?: () => Date;
  /** Tells staff a case was closed by the pack's rule (index.ts: a Teams alert), so nobody is surprised. */
  onClosed?: (c: CaseRecord, reason: string, tenantTold: boolean) => Promise<unknown>;
}

export type CloseOutcome = 'closed' | 'not_due' | 'moved_on';

/** The last moment a period allows, counted from `from` (day 0) on the pack's calendar. */
export function periodEnd(calendar: WorkingCalendar, from: Date, period: Period): Date {
  const day = period.unit === 'working' ? calendar.addWorkingDays(from, period.days) : calendar.addCalendarDays(from, period.days);
  return endOfLondonDay(day);
}

/** After a Stage 1 response: closes the case once the pack's Stage 2 window has passed (SLH). */
export async function scheduleStage2WindowClose(scheduler: Scheduler, pack: PolicyPack, c: CaseRecord): Promise<Date | null> {
  // A case keeps the rules of the pack it was opened under (e.g. after POLICY_PACK changed).
  if (!pack.stage2Request.closeWhenWindowPasses || c.packId !== pack.id || c.stage !== 'stage1' || c.status !== 'responded' || !c.deadlines.escalateBy) return null;
  // A minute past the end of the window's last day (Europe/London).
  const runAt = new Date(endOfLondonDay(londonDate(c.deadlines.escalateBy)).getTime() + 1 + 60_000);
  await scheduler.schedule(STAGE2_WINDOW_CLOSE_JOB, runAt, { reference: c.reference }, { uniqueKey: `${STAGE2_WINDOW_CLOSE_JOB}:${c.reference}` });
  return runAt;
}

/**
 * Staff wrote to the tenant for needed input (`since` = when that was recorded in the history):
 * closes the case after the pack's period unless anything happens on it first. Null when the
 * pack sets no such period.
 */
export async function scheduleUnreachableClose(scheduler: Scheduler, pack: PolicyPack, calendar: WorkingCalendar, c: CaseRecord, since: Date): Promise<Date | null> {
  if (!pack.unreachableCloseAfter || c.packId !== pack.id) return null;
  const runAt = new Date(periodEnd(calendar, since, pack.unreachableCloseAfter).getTime() + 1 + 60_000);
  // One job per wait: a finished job's key is never reused, and staff may wait for the tenant again later.
  const key = `${UNREACHABLE_CLOSE_JOB}:${c.reference}:${since.toISOString()}`;
  await scheduler.schedule(UNREACHABLE_CLOSE_JOB, runAt, { reference: c.reference, since: since.toISOString() }, { uniqueKey: key });
  return runAt;
}

function describePeriod(p: Period): string {
  return `${p.days} ${p.unit === 'working' ? 'working ' : ''}day${p.days === 1 ? '' : 's'}`;
}

async function closeAndTell(deps: PolicyCloseDeps, c: CaseRecord, reason: string, tenantText: string): Promise<CloseOutcome> {
  let closed: CaseRecord;
  try {
    closed = await deps.cases.close(c.reference, reason, SYSTEM);
  } catch (err) {
    // Another instance, or staff, got there first: the case is final already.
    if (err instanceof CaseRuleError && err.code === 'invalid_transition') return 'moved_on';
    throw err;
  }
  let tenantTold = false;
  if (closed.address && deps.messenger?.canReach(closed.address)) {
    tenantTold = await sendToTenantInTheirLanguage(
      { messenger: deps.messenger, translator: deps.translator, interpreterNotices: deps.pack.interpreterNotices },
      closed.address,
      tenantText,
      closed.language,
    ).then(
      () => true,
      (err: Error) => {
        deps.logger.warn({ reference: c.reference, reason: err.message }, 'could not tell the tenant their case was closed');
        return false;
      },
    );
  } else {
    deps.logger.info({ reference: c.reference, channel: c.channel }, 'case closed by policy; tenant has no reachable channel here (staff tell them)');
  }
  await deps.onClosed?.(closed, reason, tenantTold).catch((err: Error) => deps.logger.warn({ reference: c.reference, reason: err.message }, 'could not alert staff that the case was closed'));
  return 'closed';
}

/** The SLH rule, for the job and for tests: closes when the window passed with no Stage 2 request. */
export async function runStage2WindowClose(deps: PolicyCloseDeps, reference: string): Promise<CloseOutcome> {
  const c = await deps.cases.get(reference);
  if (!c || c.packId !== deps.pack.id || c.stage !== 'stage1' || c.status !== 'responded' || !c.deadlines.escalateBy) return 'moved_on';
  const now = (deps.clock ?? (() => new Date()))();
  if (now.getTime() <= endOfLondonDay(londonDate(c.deadlines.escalateBy)).getTime()) return 'not_due';
  const window = deps.pack.stage2Request.window;
  const reason = `No Stage 2 request by ${londonDate(c.deadlines.escalateBy)}${window ? ` (${describePeriod(window)} after the Stage 1 response)` : ''}: ${deps.pack.stage2Request.windowNote}`;
  const text =
    `Your complaint ${c.reference} is now closed: we did not receive a request to take it to the next stage by ${londonDate(c.deadlines.escalateBy)}. ` +
    deps.pack.signposting.ombudsmanText;
  return closeAndTell(deps, c, reason, text);
}

/** The unreachable-tenant rule: closes when nothing happened on the case since staff wrote. */
export async function runUnreachableClose(deps: PolicyCloseDeps, reference: string, since: Date): Promise<CloseOutcome> {
  const c = await deps.cases.get(reference);
  if (!c || c.packId !== deps.pack.id || ['closed', 'withdrawn', 'not_accepted', 'on_hold'].includes(c.status)) return 'moved_on';
  const period = deps.pack.unreachableCloseAfter;
  if (!period) return 'moved_on';
  // Anything after the "waiting for the tenant" entry (a reply, new evidence, a staff action) keeps the case open.
  const last = c.history[c.history.length - 1];
  if (!last || last.action !== 'awaiting_tenant' || new Date(last.at).getTime() !== since.getTime()) return 'moved_on';
  const now = (deps.clock ?? (() => new Date()))();
  if (now.getTime() <= periodEnd(deps.calendar, since, period).getTime()) return 'not_due';
  const reason = `Tenant not reachable: no reply ${describePeriod(period)} after we wrote on ${londonDate(since)} asking for: ${last.reason ?? 'information we need'}`;
  const text =
    `We wrote to you on ${londonDate(since)} about your complaint ${c.reference} and have not heard back, so we have closed it. ` +
    `If you still want us to look into it, please contact us. ${deps.pack.signposting.ombudsmanText}`;
  return closeAndTell(deps, c, reason, text);
}

/** Whether the pack has any rule that closes cases by itself. */
export function packClosesCases(pack: PolicyPack): boolean {
  return pack.stage2Request.closeWhenWindowPasses || pack.unreachableCloseAfter !== null;
}

/** Schedules the close job of every case that should have one; returns how many it (re)scheduled. */
export async function sweepPolicyCloses(scheduler: Scheduler, deps: PolicyCloseDeps): Promise<number> {
  let scheduled = 0;
  if (deps.pack.stage2Request.closeWhenWindowPasses) {
    for (const c of await deps.cases.list({ stage: 'stage1', status: 'responded', limit: 500 })) {
      if (await scheduleStage2WindowClose(scheduler, deps.pack, c)) scheduled += 1;
    }
  }
  if (deps.pack.unreachableCloseAfter) {
    for (const status of ['open', 'escalated', 'acknowledged', 'responded'] as const) {
      for (const c of await deps.cases.list({ status, limit: 500 })) {
        const last = c.history[c.history.length - 1];
        if (last?.action === 'awaiting_tenant' && (await scheduleUnreachableClose(scheduler, deps.pack, deps.calendar, c, new Date(last.at)))) scheduled += 1;
      }
    }
  }
  return scheduled;
}

/** Starts the repeating sweep (one job across instances) where the pack closes cases by itself. */
export async function schedulePolicyCloseSweep(scheduler: Scheduler, pack: PolicyPack, now = new Date()): Promise<void> {
  if (!packClosesCases(pack)) return;
  await scheduler.schedule(POLICY_CLOSE_SWEEP_JOB, now, {}, { uniqueKey: POLICY_CLOSE_SWEEP_JOB, repeatEveryMs: POLICY_CLOSE_SWEEP_EVERY_MS });
}

export function definePolicyCloseJobs(scheduler: Scheduler, deps: PolicyCloseDeps): void {
  scheduler.define(POLICY_CLOSE_SWEEP_JOB, async () => {
    const scheduled = await sweepPolicyCloses(scheduler, deps);
    if (scheduled) deps.logger.info({ scheduled }, 'policy close sweep scheduled close jobs');
  });
  scheduler.define(STAGE2_WINDOW_CLOSE_JOB, async (data) => {
    const outcome = await runStage2WindowClose(deps, String(data.reference));
    deps.logger.info({ reference: data.reference, outcome }, 'stage 2 window close job');
  });
  scheduler.define(UNREACHABLE_CLOSE_JOB, async (data) => {
    const outcome = await runUnreachableClose(deps, String(data.reference), new Date(String(data.since)));
    deps.logger.info({ reference: data.reference, outcome }, 'unreachable tenant close job');
  });
}

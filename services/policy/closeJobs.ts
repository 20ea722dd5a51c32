// Cases the pack closes by itself, as scheduler jobs (one run across every app instance):
//   - SLH-style packs (stage2Request.closeWhenWindowPasses): no Stage 2 request inside the window
//     after the Stage 1 response → the case is closed. Scheduled when the Stage 1 response is recorded.
//   - Brighter Places-style packs (unreachableCloseAfter): staff wrote asking the tenant for needed
//     input and nothing happened on the case for the pack's period → closed. Scheduled when staff
//     record that they are waiting for the tenant.
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

const SYSTEM: Actor = { kind: 'system', id: 'policy-close-job', channel: 'scheduler' };

export interface PolicyCloseDeps {
  cases: Pick<CaseService, 'get' | 'close'>;
  pack: PolicyPack;
  calendar: WorkingCalendar;
  messenger?: Pick<TenantMessenger, 'send' | 'canReach'>;
  translator: Translator;
  logger: Logger;
  /** Defaults to the system clock; tests pass the case service's clock. */
  clock?: () => Date;
}

export type CloseOutcome = 'closed' | 'not_due' | 'moved_on';

/** The last moment a period allows, counted from `from` (day 0) on the pack's calendar. */
export function periodEnd(calendar: WorkingCalendar, from: Date, period: Period): Date {
  const day = period.unit === 'working' ? calendar.addWorkingDays(from, period.days) : calendar.addCalendarDays(from, period.days);
  return endOfLondonDay(day);
}

/** After a Stage 1 response: closes the case once the pack's Stage 2 window has passed (SLH). */
export async function scheduleStage2WindowClose(scheduler: Scheduler, pack: PolicyPack, c: CaseRecord): Promise<Date | null> {
  if (!pack.stage2Request.closeWhenWindowPasses || c.stage !== 'stage1' || c.status !== 'responded' || !c.deadlines.escalateBy) return null;
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
  if (!pack.unreachableCloseAfter) return null;
  const runAt = new Date(periodEnd(calendar, since, pack.unreachableCloseAfter).getTime() + 1 + 60_000);
  await scheduler.schedule(UNREACHABLE_CLOSE_JOB, runAt, { reference: c.reference, since: since.toISOString() }, { uniqueKey: `${UNREACHABLE_CLOSE_JOB}:${c.reference}` });
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
  if (closed.address && deps.messenger?.canReach(closed.address)) {
    await sendToTenantInTheirLanguage(
      { messenger: deps.messenger, translator: deps.translator, interpreterNotices: deps.pack.interpreterNotices },
      closed.address,
      tenantText,
      closed.language,
    ).catch((err: Error) => deps.logger.warn({ reference: c.reference, reason: err.message }, 'could not tell the tenant their case was closed'));
  } else {
    deps.logger.info({ reference: c.reference, channel: c.channel }, 'case closed by policy; tenant has no reachable channel here (staff tell them)');
  }
  return 'closed';
}

/** The SLH rule, for the job and for tests: closes when the window passed with no Stage 2 request. */
export async function runStage2WindowClose(deps: PolicyCloseDeps, reference: string): Promise<CloseOutcome> {
  const c = await deps.cases.get(reference);
  if (!c || c.stage !== 'stage1' || c.status !== 'responded' || !c.deadlines.escalateBy) return 'moved_on';
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
  if (!c || ['closed', 'withdrawn', 'not_accepted', 'on_hold'].includes(c.status)) return 'moved_on';
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

export function definePolicyCloseJobs(scheduler: Scheduler, deps: PolicyCloseDeps): void {
  scheduler.define(STAGE2_WINDOW_CLOSE_JOB, async (data) => {
    const outcome = await runStage2WindowClose(deps, String(data.reference));
    deps.logger.info({ reference: data.reference, outcome }, 'stage 2 window close job');
  });
  scheduler.define(UNREACHABLE_CLOSE_JOB, async (data) => {
    const outcome = await runUnreachableClose(deps, String(data.reference), new Date(String(data.since)));
    deps.logger.info({ reference: data.reference, outcome }, 'unreachable tenant close job');
  });
}

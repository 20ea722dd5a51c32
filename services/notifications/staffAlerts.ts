// Staff alerts: new and escalated cases, approaching and missed deadlines, restriction reviews and
// tenants who need a person. Each alert is sent once across every app instance: the decision is a
// unique-key insert (claimOnce), the one write FerretDB v1 makes atomic. Rendering and delivery
// belong to the Teams channel (StaffNotifier); nothing here knows about Teams.
import type { Model } from 'mongoose';
import { claimOnce, ChannelClaimDoc } from '../../models/channelClaim';
import type { CaseRecord, CaseService } from '../cases/types';
import type { Scheduler } from '../scheduler/types';
import type { Logger } from '../logging/logger';
import type { TenantAddress } from './tenantMessenger';
import { endOfLondonDay, londonDate } from '../policy/calendar';
import { awaitsAcknowledgement, awaitsResponse } from '../cases/statuses';
import { MAX_CASE_LIST } from '../cases/caseService';

export type DeadlineKind = 'acknowledge' | 'respond';

export type StaffAlert =
  | { kind: 'new_case'; case: CaseRecord }
  | { kind: 'escalated'; case: CaseRecord }
  | { kind: 'deadline_approaching'; case: CaseRecord; deadline: DeadlineKind; due: Date }
  | { kind: 'deadline_missed'; case: CaseRecord; deadline: DeadlineKind; due: Date; escalationRole?: string }
  | { kind: 'restriction_review'; reference: string; contactId: string; restrictionId: string; reviewBy: Date }
  | { kind: 'closed_by_policy'; case: CaseRecord; reason: string; tenantTold: boolean }
  | { kind: 'conversation_needs_staff'; tenant: TenantAddress; language: string; contactId?: string; reason: string; text: string };

/** Delivers an alert to staff; resolves with how many conversations it reached. */
export interface StaffNotifier {
  notify(alert: StaffAlert): Promise<number>;
}

export interface StaffAlertDeps {
  cases: Pick<CaseService, 'list' | 'get'>;
  claims: Model<ChannelClaimDoc>;
  notifier: StaffNotifier;
  logger: Logger;
  /** Hours before a deadline's last day ends when the reminder goes out (operational, not policy). */
  reminderHours: number;
  /** The pack's escalation role for missed deadlines (SLH: a named senior role). */
  escalationRole?: (packId: string) => Promise<string | undefined> | string | undefined;
}

export const STAFF_ALERT_SCAN_JOB = 'staff-alerts-scan';
export const RESTRICTION_REVIEW_JOB = 'staff-restriction-review';
/** New cases older than this when first seen by a scan are not announced (e.g. an imported backlog). */
const NEW_CASE_WINDOW_MS = 2 * 24 * 3600 * 1000;

/** Sends `alert` once for `key` (across instances); a failed delivery releases the key for a retry. */
export async function sendOnce(deps: Pick<StaffAlertDeps, 'claims' | 'notifier' | 'logger'>, key: string, alert: StaffAlert): Promise<boolean> {
  if (!(await claimOnce(deps.claims, `staff-alert:${key}`))) return false;
  try {
    await deps.notifier.notify(alert);
    return true;
  } catch (err) {
    await deps.claims.deleteOne({ _id: `staff-alert:${key}` }).catch(() => undefined);
    deps.logger.warn({ key, reason: (err as Error).message }, 'staff alert not delivered; will retry on the next scan');
    return false;
  }
}

export function notifyNewCase(deps: Pick<StaffAlertDeps, 'claims' | 'notifier' | 'logger'>, c: CaseRecord): Promise<boolean> {
  return sendOnce(deps, `new:${c.reference}`, { kind: 'new_case', case: c });
}

export function notifyEscalated(deps: Pick<StaffAlertDeps, 'claims' | 'notifier' | 'logger'>, c: CaseRecord): Promise<boolean> {
  return sendOnce(deps, `escalated:${c.reference}:${c.stage}`, { kind: 'escalated', case: c });
}

/** A pack rule closed the case by itself (no Stage 2 request in the window, tenant unreachable). */
export function notifyClosedByPolicy(deps: Pick<StaffAlertDeps, 'claims' | 'notifier' | 'logger'>, c: CaseRecord, reason: string, tenantTold: boolean): Promise<boolean> {
  return sendOnce(deps, `closed-by-policy:${c.reference}`, { kind: 'closed_by_policy', case: c, reason, tenantTold });
}

/** For the tenant bot: a tenant asked for a person, or a conversation should become a case. */
export function notifyConversationNeedsStaff(
  deps: Pick<StaffAlertDeps, 'notifier'>,
  alert: Omit<Extract<StaffAlert, { kind: 'conversation_needs_staff' }>, 'kind'>,
): Promise<number> {
  return deps.notifier.notify({ kind: 'conversation_needs_staff', ...alert });
}

function pendingDeadline(c: CaseRecord): { kind: DeadlineKind; due: Date } | null {
  if (awaitsAcknowledgement(c.status) && c.deadlines.acknowledgeBy) return { kind: 'acknowledge', due: c.deadlines.acknowledgeBy };
  if (awaitsResponse(c.status) && c.deadlines.respondBy) return { kind: 'respond', due: c.deadlines.respondBy };
  return null;
}

/** One pass over live cases: announces new/escalated cases and deadline reminders/breaches once each. */
export async function runStaffAlertScan(deps: StaffAlertDeps, now = new Date()): Promise<number> {
  // One query (each is a full scan of `cases` on FerretDB v1), as many cases as a list returns.
  const live = await deps.cases.list({ statuses: ['open', 'escalated', 'acknowledged'], limit: MAX_CASE_LIST });
  if (live.length === MAX_CASE_LIST) deps.logger.warn({ limit: MAX_CASE_LIST }, 'staff alert scan saw only the newest live cases');
  let sent = 0;
  for (const c of live) {
    if (c.status === 'open' && now.getTime() - c.receivedAt.getTime() < NEW_CASE_WINDOW_MS && !c.history.some((h) => h.fromStage && h.toStage && h.fromStage !== h.toStage)) {
      if (await notifyNewCase(deps, c)) sent += 1;
    }
    const moved = [...c.history].reverse().find((h) => h.toStage === c.stage && h.fromStage && h.fromStage !== h.toStage);
    if (moved && now.getTime() - moved.at.getTime() < NEW_CASE_WINDOW_MS) {
      if (await notifyEscalated(deps, c)) sent += 1;
    }
    const pending = pendingDeadline(c);
    if (!pending) continue;
    // The acknowledge deadline can pass while the respond one is still pending: check both.
    const checks: { kind: DeadlineKind; due: Date }[] = [pending];
    if (pending.kind === 'acknowledge' && c.deadlines.respondBy) checks.push({ kind: 'respond', due: c.deadlines.respondBy });
    for (const { kind, due } of checks) {
      const lastMoment = endOfLondonDay(londonDate(due));
      const dueKey = `${c.reference}:${c.stage}:${kind}:${lastMoment.toISOString()}`;
      if (now.getTime() > lastMoment.getTime()) {
        const escalationRole = await deps.escalationRole?.(c.packId);
        if (await sendOnce(deps, `missed:${dueKey}`, { kind: 'deadline_missed', case: c, deadline: kind, due, escalationRole })) sent += 1;
      } else if (lastMoment.getTime() - now.getTime() <= deps.reminderHours * 3600 * 1000) {
        if (await sendOnce(deps, `approaching:${dueKey}`, { kind: 'deadline_approaching', case: c, deadline: kind, due })) sent += 1;
      }
    }
  }
  return sent;
}

export interface RestrictionReviewJob {
  reference: string;
  contactId: string;
  restrictionId: string;
  reviewBy: string;
}

/** Defines the scan (repeating) and restriction-review jobs on the scheduler. */
export function defineStaffAlertJobs(scheduler: Scheduler, deps: StaffAlertDeps): void {
  scheduler.define(STAFF_ALERT_SCAN_JOB, async () => {
    await runStaffAlertScan(deps);
  });
  scheduler.define(RESTRICTION_REVIEW_JOB, async (data) => {
    const d = data as unknown as RestrictionReviewJob;
    await sendOnce(deps, `restriction-review:${d.restrictionId}:${d.reviewBy}`, {
      kind: 'restriction_review',
      reference: d.reference,
      contactId: d.contactId,
      restrictionId: d.restrictionId,
      reviewBy: new Date(d.reviewBy),
    });
  });
}

/** Starts the repeating scan (idempotent across instances through the unique key). */
export async function scheduleStaffAlertScan(scheduler: Scheduler, everyMs: number, now = new Date()): Promise<void> {
  await scheduler.schedule(STAFF_ALERT_SCAN_JOB, now, {}, { uniqueKey: STAFF_ALERT_SCAN_JOB, repeatEveryMs: everyMs });
}

/** A reminder to review a contact restriction, the working day before its review date. */
export async function scheduleRestrictionReview(scheduler: Scheduler, job: RestrictionReviewJob, remindAt: Date): Promise<void> {
  await scheduler.schedule(RESTRICTION_REVIEW_JOB, remindAt, { ...job }, { uniqueKey: `restriction-review:${job.restrictionId}` });
}

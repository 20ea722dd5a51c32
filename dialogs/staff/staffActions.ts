// Runs one staff action on a case through the CaseService (never writing case fields directly),
// then tells the tenant on their own channel, in their language, where the Code says they must be
// told. Shared by the staff REST API and the Teams bot, so both behave the same.
import type { Actor, CaseRecord, CaseService } from '../../services/cases/types';
import { CaseRuleError } from '../../services/cases/types';
import type { ContactService } from '../../services/contacts/types';
import type { TenantMessenger } from '../../services/notifications/tenantMessenger';
import type { Translator } from '../../services/translation/translator';
import { sendToTenantInTheirLanguage } from '../../services/translation/tenantDelivery';
import type { Logger } from '../../services/logging/logger';
import type { Scheduler } from '../../services/scheduler/types';
import { scheduleRestrictionReview } from '../../services/notifications/staffAlerts';
import { createCalendar, londonDate, WorkingCalendar } from '../../services/policy/calendar';
import { loadPolicyPack } from '../../services/policy/packs';
import type { PolicyPack } from '../../services/policy/packSchema';
import { periodEnd, scheduleStage2WindowClose, scheduleUnreachableClose } from '../../services/policy/closeJobs';
import { monthsAfter } from '../../services/policy/timeLimit';
import type { StaffActionInput } from './actionSchemas';
import {
  acknowledgedNotice,
  DEFAULT_OMBUDSMAN_DETAILS,
  escalatedNotice,
  extensionNotice,
  notAcceptedNotice,
  PackNoticeInfo,
  responseNotice,
  restrictionNotice,
} from './tenantNotices';

export interface StaffActionDeps {
  cases: CaseService;
  contacts?: ContactService;
  messenger?: TenantMessenger;
  translator: Translator;
  logger: Logger;
  /** When present, restriction reviews are scheduled as staff reminders. */
  scheduler?: Scheduler;
  /** The pack's Ombudsman wording and escalation role; defaults apply when it returns nothing. */
  packInfo?: (packId: string) => Promise<Partial<PackNoticeInfo> | null> | Partial<PackNoticeInfo> | null;
  /** The app's pack and calendar (policy jobs); without it the case's own pack and England's calendar. */
  policy?: { pack: PolicyPack; calendar: WorkingCalendar };
  /** Told after each successful action (Teams notifications of escalations, etc.). */
  onCaseChanged?: (event: { action: string; case: CaseRecord; actor: Actor }) => Promise<void>;
}

export interface StaffActionResult {
  case: CaseRecord;
  /** What happened in words for staff. */
  summary: string;
  tenantNotified: boolean;
  /** Why the tenant could not be told (no channel address, no sender), for staff to follow up. */
  tenantNotice?: string;
}

async function noticeInfo(deps: StaffActionDeps, packId: string): Promise<PackNoticeInfo> {
  const info = (await deps.packInfo?.(packId)) ?? {};
  return { ombudsmanDetails: info.ombudsmanDetails ?? DEFAULT_OMBUDSMAN_DETAILS, escalationRole: info.escalationRole, interpreterNotices: info.interpreterNotices };
}

async function tellTenant(deps: StaffActionDeps, c: CaseRecord, english: string | string[]): Promise<{ ok: boolean; why?: string }> {
  if (!c.address) return { ok: false, why: `No channel address on ${c.reference}: tell the tenant by ${c.channel}.` };
  if (!deps.messenger || !deps.messenger.canReach(c.address)) {
    return { ok: false, why: `Cannot reach the tenant on ${c.address.channel} from here: tell them directly.` };
  }
  try {
    const { interpreterNotices } = await noticeInfo(deps, c.packId);
    for (const part of Array.isArray(english) ? english : [english]) {
      await sendToTenantInTheirLanguage({ messenger: deps.messenger, translator: deps.translator, interpreterNotices }, c.address, part, c.language);
    }
    return { ok: true };
  } catch (err) {
    deps.logger.warn({ reference: c.reference, channel: c.address.channel, reason: (err as Error).message }, 'tenant notice failed');
    return { ok: false, why: `The message to the tenant could not be queued (${c.address.channel}): please try again or contact them directly.` };
  }
}

function policyFor(deps: StaffActionDeps, packId: string): { pack: PolicyPack; calendar: WorkingCalendar } {
  if (deps.policy && deps.policy.pack.id === packId) return deps.policy;
  return { pack: loadPolicyPack(packId), calendar: deps.policy?.calendar ?? createCalendar('ENG') };
}

export async function performStaffAction(deps: StaffActionDeps, reference: string, input: StaffActionInput, actor: Actor): Promise<StaffActionResult> {
  const { cases } = deps;
  let updated: CaseRecord;
  let tenantText: string | string[] | undefined;
  let summary: string;

  switch (input.action) {
    case 'acknowledge':
      updated = await cases.acknowledge(reference, actor);
      tenantText = acknowledgedNotice(updated);
      summary = `${reference} acknowledged.`;
      break;
    case 'assign':
      updated = await cases.assign(reference, input.handler, actor);
      summary = `${reference} assigned to ${input.handler}.`;
      break;
    case 'respond': {
      const compensationPence = input.compensationPence ?? input.compensation;
      updated = await cases.respond(
        reference,
        {
          decision: input.decision,
          reasons: input.reasons,
          remedy: input.remedy,
          compensationPence,
          outstandingActions: input.outstandingActions,
          rootCause: input.rootCause,
          compensationApprovedBy: input.compensationApprovedBy,
        },
        actor,
      );
      const response = updated.responses[updated.responses.length - 1];
      tenantText = responseNotice(updated, response, await noticeInfo(deps, updated.packId));
      summary = `Response recorded on ${reference} (${input.decision}).`;
      if (deps.scheduler) {
        // SLH: the case closes by itself when no Stage 2 request arrives inside the window.
        const closesAt = await scheduleStage2WindowClose(deps.scheduler, policyFor(deps, updated.packId).pack, updated);
        if (closesAt) summary += ` It closes automatically after ${londonDate(updated.deadlines.escalateBy!)} unless the tenant asks for Stage 2.`;
      }
      break;
    }
    case 'extend':
      updated = await cases.extend(
        reference,
        { reason: input.reason, newRespondBy: input.newRespondBy, exceptional: input.exceptional, tenantAgreed: input.tenantAgreed },
        actor,
      );
      tenantText = extensionNotice(updated, input.reason, await noticeInfo(deps, updated.packId));
      summary = `${reference} extended to ${input.newRespondBy.toISOString().slice(0, 10)}.`;
      break;
    case 'escalate':
      updated = await cases.escalate(
        reference,
        { reasons: input.reasons, onBehalf: input.onBehalf ?? actor.kind === 'staff', overrideReason: input.overrideReason },
        actor,
      );
      tenantText = escalatedNotice(updated);
      summary = `${reference} escalated to ${updated.stage}.`;
      break;
    case 'hold':
      updated = await cases.hold(reference, input.reason, actor);
      summary = `${reference} put on hold.`;
      break;
    case 'resume':
      updated = await cases.resume(reference, actor);
      summary = `${reference} resumed.`;
      break;
    case 'not_accepted':
      updated = await cases.notAccepted(reference, input.reason, actor);
      tenantText = notAcceptedNotice(updated, input.reason, await noticeInfo(deps, updated.packId));
      summary = `${reference} marked not accepted.`;
      break;
    case 'close':
      updated = await cases.close(reference, input.reason, actor);
      summary = `${reference} closed.`;
      break;
    case 'await_tenant': {
      const { pack, calendar } = policyFor(deps, (await cases.get(reference))?.packId ?? '');
      if (!pack.unreachableCloseAfter) {
        throw new CaseRuleError('invalid_transition', `${pack.name} sets no period after which a complaint closes when the tenant cannot be reached; follow it up with the tenant instead.`);
      }
      updated = await cases.recordEvent(reference, { action: 'awaiting_tenant', reason: input.reason }, actor);
      const since = updated.history[updated.history.length - 1].at;
      const closesAt = deps.scheduler ? await scheduleUnreachableClose(deps.scheduler, pack, calendar, updated, since) : null;
      const lastDay = londonDate(periodEnd(calendar, since, pack.unreachableCloseAfter));
      tenantText = `To carry on with your complaint ${reference} we need this from you: ${input.reason}. Please reply by ${lastDay}. If we do not hear from you by then, we will close the complaint; you can contact us again at any time.`;
      summary = closesAt ? `${reference}: waiting for the tenant; it closes after ${lastDay} if nothing happens on it.` : `${reference}: waiting for the tenant recorded (no scheduler here, so it will not close by itself).`;
      break;
    }
    case 'tenant_contact':
      updated = await cases.recordEvent(reference, { action: 'tenant_contact', reason: input.reason }, actor);
      summary = `${reference}: contact with the tenant recorded.`;
      break;
    case 'restrict':
    case 'lift_restriction': {
      if (!deps.contacts) throw new CaseRuleError('invalid_input', 'Contact restrictions are not available on this instance.');
      const found = await cases.get(reference);
      if (!found) throw new CaseRuleError('not_found', `No case ${reference}.`);
      updated = found;
      if (input.action === 'restrict') {
        // Brighter Places: restrictions are reviewed every 3 months, so the review date can be no later.
        const { pack } = policyFor(deps, found.packId);
        const everyMonths = pack.restrictions.reviewEveryMonths;
        if (everyMonths) {
          const latest = monthsAfter(londonDate(new Date()), everyMonths);
          if (londonDate(input.reviewBy) > latest) {
            throw new CaseRuleError('invalid_input', `${pack.name} reviews contact restrictions every ${everyMonths} months: set a review date on or before ${latest}.`);
          }
        }
        const contact = await deps.contacts.addRestriction(found.contactId, {
          kind: input.kind,
          reason: input.reason,
          detail: input.detail,
          maxMessagesPerDay: input.maxMessagesPerDay,
          allowedChannel: input.allowedChannel,
          decidedBy: actor.id,
          reviewBy: input.reviewBy,
        });
        const added = contact.restrictions[contact.restrictions.length - 1];
        if (deps.scheduler && added) {
          // Remind staff a day before the review date (the review itself is a manager's decision).
          const remindAt = new Date(Math.max(Date.now(), input.reviewBy.getTime() - 24 * 3600 * 1000));
          await scheduleRestrictionReview(
            deps.scheduler,
            { reference, contactId: found.contactId, restrictionId: added.id, reviewBy: input.reviewBy.toISOString() },
            remindAt,
          );
        }
        tenantText = restrictionNotice(input.reason, input.kind, input.reviewBy, await noticeInfo(deps, found.packId));
        summary = `Restriction (${input.kind}) applied for the tenant on ${reference}, review by ${input.reviewBy.toISOString().slice(0, 10)}.`;
      } else {
        await deps.contacts.liftRestriction(found.contactId, input.restrictionId, input.reason, actor.id);
        summary = `Restriction lifted for the tenant on ${reference}.`;
      }
      break;
    }
  }

  let tenantNotified = false;
  let tenantNotice: string | undefined;
  if (tenantText) {
    const told = await tellTenant(deps, updated, tenantText);
    tenantNotified = told.ok;
    tenantNotice = told.why;
  }
  if (deps.onCaseChanged) {
    await deps.onCaseChanged({ action: input.action, case: updated, actor }).catch((err: Error) =>
      deps.logger.warn({ reference, reason: err.message }, 'staff notification after action failed'),
    );
  }
  return { case: updated, summary, tenantNotified, tenantNotice };
}

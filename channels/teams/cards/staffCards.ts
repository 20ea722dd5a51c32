// Cards for alerts, logging a complaint received off-channel, conversations that need a person,
// tenant messages during a take-over, and help.
import type { StaffAlert } from '../../../services/notifications/staffAlerts';
import type { Handoff } from '../../../services/handoff/handoffService';
import type { StaffTranslation } from '../../../services/translation/staffTranslation';
import { AdaptiveCard, card, choice, dateInput, facts, heading, input, submit, textBlock, ukDate } from './elements';
import { caseCard } from './caseCard';

export function alertBanner(alert: StaffAlert): string {
  switch (alert.kind) {
    case 'new_case':
      return 'New complaint';
    case 'escalated':
      return 'Complaint escalated';
    case 'deadline_approaching':
      return `Reminder: ${alert.deadline} deadline ${ukDate(alert.due)}`;
    case 'deadline_missed':
      return `MISSED ${alert.deadline} deadline (${ukDate(alert.due)})${alert.escalationRole ? ` · alerting ${alert.escalationRole}` : ''}`;
    case 'restriction_review':
      return `Contact restriction on ${alert.reference} is due for review by ${ukDate(alert.reviewBy)}`;
    case 'conversation_needs_staff':
      return `A tenant needs a person: ${alert.reason}`;
    case 'closed_by_policy':
      return `Closed by the policy: ${alert.reason}${alert.tenantTold ? ' · tenant told on their channel' : ' · the tenant could not be told here: please write to them'}`;
  }
}

export function alertCard(alert: StaffAlert): AdaptiveCard {
  if ('case' in alert) return caseCard(alert.case, undefined, alertBanner(alert));
  if (alert.kind === 'restriction_review') {
    return card(
      [heading(alertBanner(alert)), textBlock('A manager should review whether the restriction is still needed, and the tenant be told the outcome.')],
      [
        submit('Lift restriction', { verb: 'staff', action: 'lift_restriction', reference: alert.reference, restrictionId: alert.restrictionId, reason: 'Reviewed: no longer needed' }),
      ],
    );
  }
  const tenant = { channel: alert.tenant.channel, id: alert.tenant.id, conversation: alert.tenant.conversation };
  return card(
    [heading(alertBanner(alert)), facts([['Channel', alert.tenant.channel], ['Language', alert.language]]), textBlock('Tenant wrote:', { weight: 'Bolder' }), textBlock(alert.text)],
    [
      submit('Open a Stage 1 case', { verb: 'open_from_conversation', tenant, language: alert.language, contactId: alert.contactId, text: alert.text }, 'positive'),
      submit('Take over conversation', { verb: 'take_over', tenant, language: alert.language }),
    ],
  );
}

export function logComplaintCard(): AdaptiveCard {
  return card(
    [
      heading('Log a complaint received by phone, letter, email or in person'),
      choice('channel', 'Received by', [
        ['Phone', 'phone'],
        ['Letter', 'letter'],
        ['Email', 'email'],
        ['In person', 'in_person'],
      ]),
      dateInput('receivedAt', 'Date received'),
      input('summary', 'Summary', { isRequired: true, errorMessage: 'A summary is required' }),
      input('originalText', "Tenant's own words", { isMultiline: true }),
      input('desiredOutcome', 'Outcome the tenant wants'),
      dateInput('incidentDate', 'When it happened (or the tenant found out), if known', false),
      input('timeLimitOverride', "Only if older than the policy's time limit: why we are accepting it"),
      input('phone', 'Tenant phone (E.164, e.g. +447700900123), for updates by SMS'),
      input('language', 'Preferred language code (e.g. en, pl, ar)', { value: 'en' }),
    ],
    [submit('Log complaint', { verb: 'log' }, 'positive')],
  );
}

export function tenantMessageCard(h: Handoff, view: StaffTranslation): AdaptiveCard {
  const body = [heading(`Tenant replied${h.caseReference ? ` (${h.caseReference})` : ''} on ${h.tenant.channel}`), textBlock(view.original)];
  if (view.translation) body.push(textBlock(`Machine translation (${view.translation.provider}): ${view.translation.text}`, { isSubtle: true }));
  else if (view.note) body.push(textBlock(view.note, { isSubtle: true }));
  body.push(textBlock(`Reply with: reply ${h.caseReference ?? h.tenant.channel + ':' + h.tenant.id} <your message>`, { isSubtle: true }));
  return card(body, [submit('End take-over', { verb: 'end_take_over', reference: h.caseReference, tenant: { channel: h.tenant.channel, id: h.tenant.id } })]);
}

export const HELP_TEXT = [
  'Commands:',
  '- case CMP-2026-000123: show a case with its actions',
  '- cases [overdue|stage1|stage2|quick]: list live cases',
  '- ack CMP-…, assign CMP-… <name>, escalate CMP-…, stage2 CMP-… [reasons]',
  '- hold CMP-… <reason>, resume CMP-…, close CMP-… <reason>, not accepted CMP-… <reason>',
  '- respond / extend / restrict CMP-…: opens the form',
  '- waiting CMP-… <what we asked the tenant for>: closes after the policy period if nothing happens (where the policy says so); contact CMP-… [note]: the tenant got in touch',
  '- log: log a complaint received by phone, letter, email or in person',
  '- take over CMP-…, reply CMP-… <message>, end CMP-…',
  '- subscribe here / unsubscribe: case notifications in this conversation',
  '- subscribe escalations: only missed deadlines here (for the senior role the policy names)',
].join('\n');

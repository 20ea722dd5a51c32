// The case card staff see in Teams: what the tenant said (original words + translation when
// present), where the case is, its deadlines, and a button or form for every staff action.
import type { CaseRecord } from '../../../services/cases/types';
import { awaitsAcknowledgement, awaitsResponse } from '../../../services/cases/statuses';
import type { StaffTranslation } from '../../../services/translation/staffTranslation';
import { DECISIONS, RESTRICTION_KINDS } from '../../../dialogs/staff/actionSchemas';
import { stageName } from '../../../dialogs/staff/tenantNotices';
import { loadPolicyPack } from '../../../services/policy/packs';
import { AdaptiveCard, card, CardElement, choice, dateInput, facts, heading, input, showCard, submit, textBlock, ukDate } from './elements';

const label = (s: string) => s.replace(/_/g, ' ');

/** "15 days" where the case's pack closes a complaint when the tenant cannot be reached; null otherwise. */
function unreachablePeriod(packId: string): string | null {
  try {
    const p = loadPolicyPack(packId).unreachableCloseAfter;
    return p ? `${p.days} ${p.unit === 'working' ? 'working ' : ''}days` : null;
  } catch {
    return null;
  }
}

export function caseActions(c: CaseRecord): CardElement[] {
  const ref = c.reference;
  const data = (action: string) => ({ verb: 'staff' as const, action, reference: ref });
  const live = !['closed', 'withdrawn', 'not_accepted'].includes(c.status);
  const actions: CardElement[] = [];
  if (!live) return actions;
  if (awaitsAcknowledgement(c.status)) actions.push(submit('Acknowledge', data('acknowledge'), 'positive'));
  actions.push(showCard('Assign', [input('handler', 'Handler (name or email)', { isRequired: true, errorMessage: 'Handler is required' })], submit('Assign', data('assign'))));
  if (awaitsResponse(c.status)) {
    actions.push(
      showCard(
        'Record response',
        [
          choice('decision', 'Decision', DECISIONS.map((d) => [label(d), d])),
          input('reasons', 'Reasons', { isMultiline: true, isRequired: true, errorMessage: 'Reasons are required' }),
          input('remedy', 'Remedy (what we will do)', { isMultiline: true }),
          input('compensation', 'Compensation (£)', { placeholder: 'e.g. 50 or 50.00' }),
          input('outstandingActions', 'Outstanding actions (one per line)', { isMultiline: true }),
          input('rootCause', 'Root cause'),
          input('compensationApprovedBy', 'Compensation approved by (if above the limit for this stage)'),
        ],
        submit('Send response to tenant', data('respond'), 'positive'),
      ),
      showCard(
        'Extend',
        [
          input('reason', 'Reason for the extension', { isMultiline: true, isRequired: true, errorMessage: 'A reason is required' }),
          dateInput('newRespondBy', 'New response date'),
          { type: 'Input.Toggle', id: 'exceptional', title: 'Exceptional extension (pack allows longer in exceptional cases)', valueOn: 'true', valueOff: 'false' },
          { type: 'Input.Toggle', id: 'tenantAgreed', title: 'The tenant agreed to this date', valueOn: 'true', valueOff: 'false' },
        ],
        submit('Extend and tell the tenant', data('extend')),
      ),
    );
  }
  if (c.stage === 'quick') actions.push(submit('Escalate to Stage 1', data('escalate')));
  if (c.stage === 'stage1' && c.status === 'responded') {
    actions.push(showCard('Request Stage 2 for tenant', [input('reasons', "Tenant's reasons (if given)", { isMultiline: true })], submit('Request Stage 2', { ...data('escalate'), onBehalf: true })));
  }
  const waitingRule = unreachablePeriod(c.packId);
  if (waitingRule && c.status !== 'on_hold') {
    actions.push(
      showCard(
        'Waiting for tenant',
        [
          textBlock(`We need something from the tenant. They are told to reply; if nothing happens on the case within ${waitingRule}, it closes by itself (the policy's rule).`, { isSubtle: true }),
          input('reason', 'What we need from them (told to the tenant)', { isMultiline: true, isRequired: true, errorMessage: 'Say what we need' }),
        ],
        submit('Ask the tenant', data('await_tenant')),
      ),
      submit('Tenant got in touch', data('tenant_contact')),
    );
  }
  if (c.status === 'on_hold') actions.push(submit('Resume', data('resume')));
  else actions.push(showCard('Hold', [input('reason', 'Why is it on hold?', { isRequired: true, errorMessage: 'A reason is required' })], submit('Put on hold', data('hold'))));
  actions.push(
    showCard('Not accepted', [input('reason', 'Why it is not accepted (told to the tenant)', { isMultiline: true, isRequired: true, errorMessage: 'A reason is required' })], submit('Not accepted', data('not_accepted'), 'destructive')),
    showCard('Close', [input('reason', 'Closing note', { isRequired: true, errorMessage: 'A note is required' })], submit('Close case', data('close'))),
    showCard(
      'Restrict contact',
      [
        choice('kind', 'Restriction', RESTRICTION_KINDS.map((k) => [label(k), k])),
        input('reason', 'Reason (told to the tenant)', { isMultiline: true, isRequired: true, errorMessage: 'A reason is required' }),
        dateInput('reviewBy', 'Review by'),
        input('maxMessagesPerDay', 'Messages per day (contact limit only)'),
        choice('allowedChannel', 'Channel allowed (single channel only)', [['SMS', 'sms'], ['Web chat', 'webchat'], ['Phone', 'phone'], ['Email', 'email'], ['Letter', 'letter']], false),
      ],
      submit('Apply restriction', data('restrict'), 'destructive'),
    ),
  );
  if (c.address && ['sms', 'webchat', 'teams'].includes(c.address.channel)) {
    actions.push(submit('Take over conversation', { verb: 'take_over', reference: ref }));
  }
  return actions;
}

export function caseBody(c: CaseRecord, original?: StaffTranslation): CardElement[] {
  const body: CardElement[] = [
    heading(`${c.reference} · ${stageName(c.stage)} · ${label(c.status)}`),
    textBlock(c.summary),
    facts([
      ['Received', ukDate(c.receivedAt)],
      ['Channel', c.channel],
      ['Language', c.language],
      ['Category', c.category],
      ['Handler', c.handlers[c.stage] ?? 'unassigned'],
      ['Acknowledge by', awaitsAcknowledgement(c.status) ? ukDate(c.deadlines.acknowledgeBy) : undefined],
      ['Respond by', ukDate(c.deadlines.respondBy)],
      ['Tenant may escalate until', ukDate(c.deadlines.escalateBy)],
      ['Outcome wanted', c.desiredOutcome],
      ['Flags', c.flags.length ? c.flags.join(', ') : undefined],
    ]),
  ];
  if (original) {
    body.push(textBlock(`Tenant wrote (${original.language}):`, { weight: 'Bolder', spacing: 'Medium' }), textBlock(original.original));
    if (original.translation) body.push(textBlock(`Machine translation (${original.translation.provider}): ${original.translation.text}`, { isSubtle: true }));
    else if (original.note) body.push(textBlock(original.note, { isSubtle: true }));
  }
  return body;
}

export function caseCard(c: CaseRecord, original?: StaffTranslation, banner?: string): AdaptiveCard {
  const body = caseBody(c, original);
  if (banner) body.unshift(textBlock(banner, { weight: 'Bolder', color: 'Attention' }));
  return card(body, caseActions(c));
}

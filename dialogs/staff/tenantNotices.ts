// What the tenant is told (in English; translated on the way out) when staff act on their case.
// Wording follows the Code: a stage response states the stage, decision, reasons, remedy,
// outstanding actions and how to escalate; extensions and refusals give the Ombudsman's details.
import type { CaseRecord, StageResponse } from '../../services/cases/types';

export interface PackNoticeInfo {
  /** How to contact the Housing Ombudsman (or the pack's designated route). */
  ombudsmanDetails: string;
  /** Senior role alerted on a missed deadline (SLH); shown in staff alerts only. */
  escalationRole?: string;
  /** The pack's interpreter text by language (sent with untranslated English). */
  interpreterNotices?: Readonly<Record<string, string>>;
}

export const DEFAULT_OMBUDSMAN_DETAILS =
  'You can contact the Housing Ombudsman Service at any time: www.housing-ombudsman.org.uk, 0300 111 3000, info@housing-ombudsman.org.uk.';

const STAGE_NAMES: Record<string, string> = {
  quick: 'quick fix',
  stage1: 'Stage 1',
  stage2: 'Stage 2',
  service_request: 'service request',
  feedback: 'feedback',
};
const DECISION_NAMES: Record<StageResponse['decision'], string> = {
  upheld: 'upheld',
  partly_upheld: 'partly upheld',
  not_upheld: 'not upheld',
  resolved: 'resolved',
};

export const stageName = (stage: string) => STAGE_NAMES[stage] ?? stage;

function date(d: Date | null | undefined): string {
  return d ? d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }) : '';
}

export function pounds(pence: number): string {
  return `£${(pence / 100).toFixed(2)}`;
}

/**
 * A stage response as two messages: the decision with its reasons, remedy and actions, then how to
 * escalate and the Ombudsman's details. SMS caps one message's length, so sending them separately
 * means a long explanation can never push the escalation rights out of the tenant's reply.
 */
export function responseNotice(c: CaseRecord, r: StageResponse, info: PackNoticeInfo): string[] {
  const decision = [
    `Your complaint ${c.reference}: our ${stageName(r.stage)} response.`,
    `Decision: ${DECISION_NAMES[r.decision]}.`,
    `Reasons: ${r.reasons}`,
  ];
  if (r.remedy) decision.push(`What we will do to put things right: ${r.remedy}`);
  if (r.compensationPence) decision.push(`Compensation: ${pounds(r.compensationPence)}.`);
  if (r.outstandingActions?.length) decision.push(`Still to do: ${r.outstandingActions.join('; ')}.`);
  const next: string[] = [];
  if (r.stage === 'stage2') {
    next.push(`${c.reference}: this is our final response. If you are still unhappy, you can take your complaint to the Housing Ombudsman.`);
  } else {
    const by = c.deadlines.escalateBy ? ` by ${date(c.deadlines.escalateBy)}` : '';
    next.push(`${c.reference}: if you are not happy with our response, reply "stage 2"${by} and we will review your complaint at Stage 2.`);
  }
  next.push(info.ombudsmanDetails);
  return [decision.join('\n'), next.join('\n')];
}

export function extensionNotice(c: CaseRecord, reason: string, info: PackNoticeInfo): string {
  return [
    `Your complaint ${c.reference}: we need more time to respond properly.`,
    `Why: ${reason}`,
    `We will now respond by ${date(c.deadlines.respondBy)}.`,
    info.ombudsmanDetails,
  ].join('\n');
}

export function notAcceptedNotice(c: CaseRecord, reason: string, info: PackNoticeInfo): string {
  return [
    `About ${c.reference}: we cannot take this forward as a formal complaint.`,
    `Why: ${reason}`,
    'If you disagree, you can ask the Housing Ombudsman to look at our decision.',
    info.ombudsmanDetails,
  ].join('\n');
}

export function escalatedNotice(c: CaseRecord): string {
  const by = c.deadlines.respondBy ? ` We will respond by ${date(c.deadlines.respondBy)}.` : '';
  return `Your complaint ${c.reference} is now being handled at ${stageName(c.stage)}.${by}`;
}

export function acknowledgedNotice(c: CaseRecord): string {
  const by = c.deadlines.respondBy ? ` We will send you our full response by ${date(c.deadlines.respondBy)}.` : '';
  return `We have received and are looking into your complaint ${c.reference}.${by}`;
}

export function restrictionNotice(reason: string, kind: string, reviewBy: Date, info: PackNoticeInfo): string {
  const what: Record<string, string> = {
    contact_limit: 'we will limit how often we reply to messages',
    single_channel: 'please contact us through one channel only',
    single_officer: 'one named officer will handle your contact with us',
    no_further_complaints_same_matter: 'we will not open further complaints about the same matter',
  };
  return [
    `We have decided that ${what[kind] ?? 'some limits apply to how we handle contact'}.`,
    `Why: ${reason}`,
    `We will review this by ${date(reviewBy)}. You can ask for it to be reviewed sooner by replying to this message.`,
    'Your complaint is still being dealt with.',
    info.ombudsmanDetails,
  ].join('\n');
}

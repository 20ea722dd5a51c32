// Case facts as the tenant reads them: stage, status, who handles it, dates, the next step.
import type { TurnContext } from 'botbuilder';
import type { CaseRecord } from '../services/cases/types';
import { awaitsAcknowledgement, awaitsResponse } from '../services/cases/statuses';
import { formatDate } from './format';
import { phoneText, promptLanguage, say, send, turnOf } from './tenantTurn';

export function caseSummaryText(context: TurnContext, record: CaseRecord): string {
  const lang = promptLanguage(turnOf(context));
  const parts = [
    say(context, 'status.caseLine', {
      reference: record.reference,
      stage: say(context, `stage.${record.stage}`),
      status: say(context, `statusName.${record.status}`),
    }),
    say(context, 'status.handler', { role: say(context, `role.${record.stage}`) }),
  ];
  const d = record.deadlines;
  if (awaitsAcknowledgement(record.status) && d.acknowledgeBy) parts.push(say(context, 'status.dueAck', { date: formatDate(d.acknowledgeBy, lang) }));
  else if (awaitsResponse(record.status) && d.respondBy)
    parts.push(say(context, 'status.dueRespond', { date: formatDate(d.respondBy, lang) }));
  parts.push(say(context, `status.next.${record.status}`));
  return parts.join(' ');
}

/** How to reach the Ombudsman (name and phone from the pack), given at every stage. */
export async function sendOmbudsman(context: TurnContext): Promise<void> {
  const { ombudsman } = turnOf(context).deps.pack.signposting;
  await send(context, 'ombudsman', { name: ombudsman.name, phone: phoneText(context, ombudsman.phone), website: ombudsman.website });
}

/** Deadlines of a case just opened or escalated, in the tenant's language. */
export function deadlineVars(context: TurnContext, record: CaseRecord): Record<string, string> {
  const lang = promptLanguage(turnOf(context));
  return {
    reference: record.reference,
    acknowledgeBy: formatDate(record.deadlines.acknowledgeBy, lang),
    respondBy: formatDate(record.deadlines.respondBy, lang),
  };
}

export function activeQuickCase(cases: CaseRecord[]): CaseRecord | undefined {
  return cases.find((c) => c.stage === 'quick' && !['closed', 'withdrawn', 'escalated', 'not_accepted'].includes(c.status));
}

// Things that are not complaints but must be logged and answered: service requests (with how to
// complain if it goes wrong), compliments, comments/suggestions, data requests, ASB reports and
// requests for a person or a call back. Each becomes a case so staff see it and reports count it.
import type { TurnContext } from 'botbuilder';
import { WaterfallDialog } from 'botbuilder-dialogs';
import type { FeedbackKind } from '../services/cases/types';
import { Answer, ask } from './askDialog';
import { englishSummary } from './summary';
import { send, turnOf } from './tenantTurn';

export const CALLBACK_DIALOG = 'callback';

const ACK_KEY: Record<FeedbackKind, string> = {
  compliment: 'feedback.compliment',
  comment: 'feedback.comment',
  data_request: 'feedback.dataRequest',
  asb_report: 'asb.logged',
  callback: 'feedback.callback',
};

export async function logFeedback(context: TurnContext, kind: FeedbackKind, text: string): Promise<string> {
  const turn = turnOf(context);
  const record = await turn.deps.cases.open(
    {
      contactId: turn.contact.id,
      stage: 'feedback',
      feedbackKind: kind,
      channel: turn.identity.channel,
      address: turn.address,
      language: turn.lang,
      summary: await englishSummary(context, text),
      originalText: text,
      flags: turn.convo.flags ?? [],
    },
    turn.actor,
  );
  await send(context, ACK_KEY[kind], { reference: record.reference });
  return record.reference;
}

export async function logServiceRequest(context: TurnContext, text: string): Promise<string> {
  const turn = turnOf(context);
  const record = await turn.deps.cases.open(
    {
      contactId: turn.contact.id,
      stage: 'service_request',
      channel: turn.identity.channel,
      address: turn.address,
      language: turn.lang,
      summary: await englishSummary(context, text),
      originalText: text,
      flags: turn.convo.flags ?? [],
    },
    turn.actor,
  );
  await send(context, 'service.logged', { reference: record.reference });
  return record.reference;
}

/** "Speak to someone" / "call me back": when and where to call, then logged for staff. */
export function callbackDialog(): WaterfallDialog {
  return new WaterfallDialog(CALLBACK_DIALOG, [
    async (step) => ask(step, { key: 'feedback.callbackAsk', kind: 'text' }),
    async (step) => {
      const answer = step.result as Answer;
      const reference = await logFeedback(step.context, 'callback', `Call back requested: ${answer.text}`);
      // Staff in Teams get a card they can take the conversation over from; the logged case is
      // the fallback when nobody is subscribed, so a failure here must not fail the turn.
      const turn = turnOf(step.context);
      await turn.deps.handoffs
        ?.requestStaff?.({ tenant: turn.address, language: turn.lang, contactId: turn.contact.id, reason: `asked to speak to a person (${reference})`, text: answer.text })
        .catch(() => false);
      return step.endDialog();
    },
  ]);
}

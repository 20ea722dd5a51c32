// Stage 2: only after a Stage 1 response, inside the pack's window (else explain and offer a staff
// review), asking for reasons only as the pack allows. The case service enforces the same rules.
import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { CaseRecord, CaseRuleError } from '../services/cases/types';
import { Answer, ask } from './askDialog';
import { deadlineVars, sendOmbudsman } from './caseText';
import { formatDate } from './format';
import { promptLanguage, send, turnOf } from './tenantTurn';

export const STAGE2_DIALOG = 'stage2';

function pastWindow(record: CaseRecord, now: Date): boolean {
  return record.deadlines.escalateBy !== null && now.getTime() > record.deadlines.escalateBy.getTime();
}

export function stage2Dialog(): WaterfallDialog {
  return new WaterfallDialog(STAGE2_DIALOG, [
    async (step) => {
      const turn = turnOf(step.context);
      const cases = await turn.deps.cases.listForContact(turn.contact.id);
      const answered = cases.filter((c) => c.stage === 'stage1' && c.status === 'responded');
      if (!answered.length) {
        const waiting = cases.find((c) => c.stage === 'stage1' && ['open', 'escalated', 'acknowledged', 'on_hold'].includes(c.status));
        if (waiting) await send(step.context, 'stage2.notYet', { reference: waiting.reference, date: formatDate(waiting.deadlines.respondBy, promptLanguage(turn)) });
        else {
          await send(step.context, 'stage2.noCase');
          // Stage 2 is the last internal stage: after it, the Ombudsman.
          if (cases.some((c) => c.stage === 'stage2')) await sendOmbudsman(step.context);
        }
        return step.endDialog();
      }
      if (answered.length === 1) return step.next({ text: answered[0].reference, attachments: [] } satisfies Answer);
      return ask(step, { key: 'stage2.which', vars: { references: answered.map((c) => c.reference).join(', ') }, kind: 'reference' });
    },
    async (step) => {
      const turn = turnOf(step.context);
      const record = await turn.deps.cases.get((step.result as Answer).text);
      if (!record || record.contactId !== turn.contact.id || record.stage !== 'stage1' || record.status !== 'responded') {
        await send(step.context, 'stage2.noCase');
        return step.endDialog();
      }
      (step.values as Record<string, unknown>).reference = record.reference;
      if (pastWindow(record, turn.now)) return offerReview(step, record);
      const required = turn.deps.pack.stage2Request.reasonsRequired;
      return ask(step, { key: required ? 'stage2.reasonsRequired' : 'stage2.reasonsOptional', kind: required ? 'text' : 'optionalText' });
    },
    async (step) => {
      if ((step.values as Record<string, unknown>).offeredReview) return step.next(step.result);
      const turn = turnOf(step.context);
      const reference = (step.values as Record<string, unknown>).reference as string;
      const a = step.result as Answer;
      try {
        const record = await turn.deps.cases.escalate(reference, { reasons: a.skipped ? undefined : a.text }, turn.actor);
        await send(step.context, 'stage2.opened', deadlineVars(step.context, record));
        await sendOmbudsman(step.context);
        return step.endDialog(record.reference);
      } catch (err) {
        if (!(err instanceof CaseRuleError) || err.code !== 'outside_window') throw err;
        const record = await turn.deps.cases.get(reference);
        return offerReview(step, record!);
      }
    },
    async (step) => {
      const turn = turnOf(step.context);
      if (!(step.result as Answer).yes) {
        await sendOmbudsman(step.context);
        return step.endDialog();
      }
      const reference = (step.values as Record<string, unknown>).reference as string;
      const record = await turn.deps.cases.open(
        {
          contactId: turn.contact.id,
          stage: 'feedback',
          feedbackKind: 'callback',
          channel: turn.identity.channel,
          address: turn.address,
          language: turn.lang,
          summary: `Stage 2 asked for after the window closed for ${reference}: staff review requested`,
          relatedReferences: [reference],
        },
        turn.actor,
      );
      await send(step.context, 'stage2.staffReview', { reference: record.reference });
      return step.endDialog();
    },
  ]);
}

async function offerReview(step: WaterfallStepContext, record: CaseRecord): Promise<DialogTurnResult> {
  const turn = turnOf(step.context);
  (step.values as Record<string, unknown>).offeredReview = true;
  return ask(step, { key: 'stage2.outsideWindow', vars: { reference: record.reference, date: formatDate(record.deadlines.escalateBy, promptLanguage(turn)) }, kind: 'yesNo' });
}

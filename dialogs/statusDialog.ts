// Status: a tenant sees only their own cases. The channel identity that opened a case owns it;
// anyone else needs the reference plus a one-time code texted to the phone on record. The reply
// to a reference is the same whether or not it exists, so references cannot be probed.
import { WaterfallDialog } from 'botbuilder-dialogs';
import { Answer, ask } from './askDialog';
import { caseSummaryText } from './caseText';
import { identityKey, send, say, turnOf } from './tenantTurn';

export const STATUS_DIALOG = 'status';
const MAX_LISTED = 3;

export function statusDialog(): WaterfallDialog {
  return new WaterfallDialog(STATUS_DIALOG, [
    async (step) => {
      const turn = turnOf(step.context);
      const cases = await turn.deps.cases.listForContact(turn.contact.id);
      if (cases.length) {
        const recent = [...cases].sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime());
        if (recent.length > 1) await send(step.context, 'status.listIntro', { count: recent.length });
        for (const record of recent.slice(0, MAX_LISTED)) await step.context.sendActivity(caseSummaryText(step.context, record));
        if (recent.length > MAX_LISTED) await send(step.context, 'status.more', { count: recent.length - MAX_LISTED });
        return step.endDialog();
      }
      return ask(step, { key: 'status.askReference', kind: 'reference' });
    },
    async (step) => {
      const reference = (step.result as Answer).text;
      const turn = turnOf(step.context);
      (step.values as Record<string, unknown>).reference = reference;
      // Past the lookup limit the answer is the same as for an unknown reference (no code is sent,
      // so guessing cannot flood an owner with texts); the guard logs the refusal.
      const lookup = turn.deps.referenceGuard ? await turn.deps.referenceGuard.allowLookup(identityKey(turn.identity)) : undefined;
      const record = lookup && !lookup.allowed ? null : await turn.deps.cases.get(reference);
      const owner = record ? await turn.deps.contacts.get(record.contactId) : null;
      if (owner?.phone && turn.deps.messenger) {
        const code = await turn.deps.verification.issue(`case:${reference}`, identityKey(turn.identity));
        await turn.deps.messenger.send({ channel: 'sms', id: owner.phone }, say(step.context, 'status.codeSms', { code }));
      } else {
        turn.deps.logger.info({ found: Boolean(record), hasPhone: Boolean(owner?.phone) }, 'status by reference: no code sent');
      }
      return ask(step, { key: 'status.codeSent', kind: 'code' });
    },
    async (step) => {
      const turn = turnOf(step.context);
      const reference = (step.values as Record<string, unknown>).reference as string;
      const ok = await turn.deps.verification.verify(`case:${reference}`, identityKey(turn.identity), (step.result as Answer).text);
      const record = ok ? await turn.deps.cases.get(reference) : null;
      if (!record) {
        await send(step.context, 'status.codeWrong');
        return step.endDialog();
      }
      await step.context.sendActivity(caseSummaryText(step.context, record));
      // Proven by the code to the phone on record: this channel identity is the same person, so
      // link it (contacts keep one person's identities together) unless it already has cases of its own.
      if (record.contactId !== turn.contact.id && (await turn.deps.cases.listForContact(turn.contact.id)).length === 0) {
        await turn.deps.contacts.linkIdentity(record.contactId, turn.identity);
      }
      return step.endDialog();
    },
  ]);
}

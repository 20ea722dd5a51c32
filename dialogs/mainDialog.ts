// The tenant's conversation: interruptions that work at any step (help, cancel, start again,
// speak to someone, naming a language), a language check when a short first message leaves us
// unsure, then routing by what the message is (detection) to the flow that handles it.
import {
  ComponentDialog,
  Dialog,
  DialogContext,
  DialogSet,
  DialogTurnResult,
  DialogTurnStatus,
  WaterfallDialog,
} from 'botbuilder-dialogs';
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { Answer, ask, AskDialog } from './askDialog';
import { activeQuickCase, deadlineVars, sendOmbudsman } from './caseText';
import { COMPLAINT_DIALOG, complaintDialog } from './complaintDialog';
import { CALLBACK_DIALOG, callbackDialog, logFeedback, logServiceRequest } from './feedbackDialog';
import { normalise } from './i18n';
import { languageNamed, nativeName } from './languages';
import { STAGE2_DIALOG, stage2Dialog } from './stage2Dialog';
import { STATUS_DIALOG, statusDialog } from './statusDialog';
import { tellPromptsInEnglish } from './languageNotice';
import { promptLanguage, send, turnOf } from './tenantTurn';
import { CaseRuleError } from '../services/cases/types';

export const MAIN_DIALOG = 'main';
const ROOT = 'root';

type Interrupt = 'help' | 'cancel' | 'restart' | 'agent' | 'status' | 'review' | 'formal';
const INTERRUPT_WORDS: Interrupt[] = ['help', 'cancel', 'restart', 'agent'];
const START_WORDS: Interrupt[] = ['status', 'review', 'formal'];

function keywordOf(context: TurnContext, kinds: Interrupt[]): Interrupt | undefined {
  const turn = turnOf(context);
  const folded = normalise(turn.text);
  if (!folded) return undefined;
  return kinds.find((k) => turn.catalogs.words(turn.lang, `words.${k}`).includes(folded));
}

/** Switches the tenant's language (conversation and contact record) and says so in the new one. */
export async function switchLanguage(context: TurnContext, lang: string): Promise<void> {
  const turn = turnOf(context);
  turn.lang = lang;
  turn.convo.lang = lang;
  turn.unsureLanguage = undefined;
  await turn.deps.contacts.update(turn.contact.id, { preferredLanguage: lang });
  if (promptLanguage(turn) === lang) {
    await send(context, 'language.switched');
    return;
  }
  // No catalog: still the tenant's language for staff and replies; the questions stay in English.
  // They asked for it by name, so they are told again even if they were told before.
  turn.convo.englishPromptsToldFor = undefined;
  await tellPromptsInEnglish(context);
}

export class MainDialog extends ComponentDialog {
  constructor() {
    super(MAIN_DIALOG);
    this.addDialog(new AskDialog());
    this.addDialog(complaintDialog());
    this.addDialog(statusDialog());
    this.addDialog(stage2Dialog());
    this.addDialog(callbackDialog());
    this.addDialog(
      new WaterfallDialog(ROOT, [
        async (step) => {
          const turn = turnOf(step.context);
          if (!turn.unsureLanguage) return step.next();
          (step.values as Record<string, unknown>).text = turn.text;
          (step.values as Record<string, unknown>).proposed = turn.unsureLanguage;
          return ask(step, { key: 'language.confirm', vars: { name: nativeName(turn.unsureLanguage) }, kind: 'yesNo', alsoEnglish: true });
        },
        async (step) => {
          const turn = turnOf(step.context);
          const confirm = step.result as Answer | undefined;
          const proposed = (step.values as Record<string, unknown>).proposed as string | undefined;
          if (confirm && proposed) {
            turn.unsureLanguage = undefined;
            if (confirm.yes) await switchLanguage(step.context, proposed);
            else {
              const fallback = turn.contact.preferredLanguage && turn.contact.preferredLanguage !== proposed ? turn.contact.preferredLanguage : 'en';
              await switchLanguage(step.context, fallback);
            }
            // Answer the first message now that the language is settled.
            const text = (step.values as Record<string, unknown>).text as string;
            turn.text = text;
            turn.detection = turn.deps.detector.detect(text, { language: turn.lang });
          }
          return this.route(step);
        },
      ]),
    );
    this.initialDialogId = ROOT;
  }

  /** Interruptions first, whatever step the tenant is at. */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(innerDc);
    if (interrupted) return interrupted;
    return super.onContinueDialog(innerDc);
  }

  private async interrupt(dc: DialogContext): Promise<DialogTurnResult | undefined> {
    const context = dc.context;
    const turn = turnOf(context);
    const named = languageNamed(turn.text);
    if (named) {
      await switchLanguage(context, named);
      if (dc.activeDialog) await dc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    switch (keywordOf(context, INTERRUPT_WORDS)) {
      case 'help':
        await send(context, 'help');
        if (dc.activeDialog) await dc.repromptDialog();
        return Dialog.EndOfTurn;
      case 'cancel':
        await dc.cancelAllDialogs();
        await send(context, 'cancelled');
        return { status: DialogTurnStatus.cancelled };
      case 'restart':
        await dc.cancelAllDialogs();
        await send(context, 'restart');
        return { status: DialogTurnStatus.cancelled };
      case 'agent':
        await dc.cancelAllDialogs();
        return dc.beginDialog(CALLBACK_DIALOG);
      default:
        return undefined;
    }
  }

  /** Chooses the flow for a new message (no dialog waiting for an answer). */
  private async route(dc: DialogContext): Promise<DialogTurnResult> {
    const context = dc.context;
    const turn = turnOf(context);
    const { detection, text } = turn;

    const named = languageNamed(text);
    if (named) {
      await switchLanguage(context, named);
      return dc.endDialog();
    }
    const keyword = keywordOf(context, [...INTERRUPT_WORDS, ...START_WORDS]);
    if (keyword === 'help') {
      await send(context, 'help');
      return dc.endDialog();
    }
    if (keyword === 'cancel' || keyword === 'restart') {
      await send(context, keyword === 'cancel' ? 'cancelled' : 'restart');
      return dc.endDialog();
    }
    if (keyword === 'agent' || (detection.intent === 'human' && !detection.dissatisfied)) return dc.replaceDialog(CALLBACK_DIALOG);
    if (keyword === 'status' || detection.intent === 'status_check') return dc.replaceDialog(STATUS_DIALOG);
    if (keyword === 'review' || detection.intent === 'stage2_request') return dc.replaceDialog(STAGE2_DIALOG);

    const dissatisfied = detection.intent === 'complaint' || detection.dissatisfied;
    if (keyword === 'formal' || dissatisfied) {
      // Dissatisfaction while a quick fix is open (or "formal") makes it a Stage 1 complaint, history kept.
      const quick = activeQuickCase(await turn.deps.cases.listForContact(turn.contact.id));
      if (quick) {
        try {
          const record = await turn.deps.cases.escalate(quick.reference, { reasons: text }, turn.actor);
          await send(context, 'quick.escalated', deadlineVars(context, record));
          await sendOmbudsman(context);
          return dc.endDialog();
        } catch (err) {
          // Past the pack's window to go formal from the quick fix: a new complaint instead.
          if (!(err instanceof CaseRuleError)) throw err;
        }
      }
      if (dissatisfied) return dc.replaceDialog(COMPLAINT_DIALOG, { text });
    }

    switch (detection.intent) {
      case 'service_request':
        await logServiceRequest(context, text);
        return dc.endDialog();
      case 'asb_report':
      case 'compliment':
      case 'comment':
      case 'data_request':
        await logFeedback(context, detection.intent, text);
        return dc.endDialog();
      default:
        await send(context, turn.convo.greeted ? 'enquiry' : 'greeting');
        turn.convo.greeted = true;
        return dc.endDialog();
    }
  }

  /** Runs one turn: continue the waiting dialog, or start from the root. */
  async run(context: TurnContext, accessor: StatePropertyAccessor): Promise<void> {
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    const dc = await dialogSet.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }
}

// One question to the tenant, rendered from the catalog at the moment it is asked (so a language
// switch mid-dialog re-asks in the new language), with the answer checked by kind.
import type { Attachment } from 'botbuilder';
import { Dialog, DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { normalise } from './i18n';
import { promptLanguage, say, send, turnOf } from './tenantTurn';

export const ASK_DIALOG = 'ask';

export type AskKind = 'text' | 'optionalText' | 'yesNo' | 'choice' | 'reference' | 'code' | 'evidence';

export interface AskOptions {
  key: string;
  vars?: Record<string, string | number>;
  kind: AskKind;
  /** For `choice`: how many numbered options (1..n); `no` words count as 0. */
  choices?: number;
  /** Also say it in English (when we are not yet sure of the tenant's language). */
  alsoEnglish?: boolean;
}

function render(context: DialogContext['context'], options: AskOptions): string {
  const text = say(context, options.key, options.vars);
  const turn = turnOf(context);
  if (!options.alsoEnglish || promptLanguage(turn) === 'en') return text;
  return `${text}\n${turn.catalogs.t('en', options.key, { landlord: turn.deps.landlordName ?? turn.deps.pack.landlord, ...options.vars })}`;
}

export interface Answer {
  text: string;
  attachments: Attachment[];
  yes?: boolean;
  choice?: number;
  /** optionalText/evidence: the tenant said "skip"/"no". */
  skipped?: boolean;
}

export const REFERENCE_PATTERN = /\bCMP-\d{4}-\d{6}\b/i;

function matchesAny(text: string, words: string[]): boolean {
  const t = normalise(text);
  return words.includes(t);
}

export class AskDialog extends Dialog<AskOptions> {
  constructor() {
    super(ASK_DIALOG);
  }

  async beginDialog(dc: DialogContext, options?: AskOptions): Promise<DialogTurnResult> {
    if (!options) throw new Error('ask needs options');
    dc.activeDialog!.state.options = options;
    await dc.context.sendActivity(render(dc.context, options));
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: DialogContext['context'], instance: { state: { options?: AskOptions } }): Promise<void> {
    const options = instance.state.options;
    if (options) await context.sendActivity(render(context, options));
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const activity = dc.context.activity;
    if (activity.type !== 'message') return Dialog.EndOfTurn;
    const options = dc.activeDialog!.state.options as AskOptions;
    const turn = turnOf(dc.context);
    const text = (activity.text ?? '').trim().slice(0, 8000);
    const attachments = activity.attachments ?? [];
    const yes = matchesAny(text, turn.catalogs.words(turn.lang, 'words.yes'));
    const no = matchesAny(text, turn.catalogs.words(turn.lang, 'words.no'));
    const skip = matchesAny(text, turn.catalogs.words(turn.lang, 'words.skip'));
    const answer: Answer = { text, attachments };

    switch (options.kind) {
      case 'yesNo':
        if (!yes && !no) return this.retry(dc, 'retry.yesNo');
        answer.yes = yes;
        break;
      case 'choice': {
        const n = Number.parseInt(text.replace(/[^\d]/g, ''), 10);
        if (no) answer.choice = 0;
        else if (Number.isInteger(n) && n >= 1 && n <= (options.choices ?? 2) && /^\D*\d\D*$/.test(text)) answer.choice = n;
        else return this.retry(dc, 'retry.choice', { max: options.choices ?? 2 });
        break;
      }
      case 'text':
        if (!text) return this.retry(dc, 'retry.text');
        break;
      case 'optionalText':
        if (!text) return this.retry(dc, 'retry.text');
        answer.skipped = skip || no;
        break;
      case 'evidence':
        if (!attachments.length && !text) return this.retry(dc, 'retry.text');
        answer.skipped = !attachments.length;
        break;
      case 'reference': {
        const m = REFERENCE_PATTERN.exec(text);
        if (!m) return this.retry(dc, 'status.badReference');
        answer.text = m[0].toUpperCase();
        break;
      }
      case 'code':
        answer.text = text.replace(/\s+/g, '');
        break;
    }
    return dc.endDialog(answer);
  }

  private async retry(dc: DialogContext, key: string, vars: Record<string, string | number> = {}): Promise<DialogTurnResult> {
    await send(dc.context, key, vars);
    return Dialog.EndOfTurn;
  }
}

export function ask(dc: DialogContext, options: AskOptions): Promise<DialogTurnResult> {
  return dc.beginDialog(ASK_DIALOG, options);
}

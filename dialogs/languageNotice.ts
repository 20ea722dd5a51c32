// A tenant whose language has no prompt catalog keeps that language on their contact and cases
// (so staff see it, and staff replies are translated into it or carry the interpreter text), but
// the questions come in English. They are told so once per conversation, in English, followed by
// how to get an interpreter: the pack's text in their language when it has one, else our default
// in their language and the pack's English with the landlord's own contact details.
import type { TurnContext } from 'botbuilder';
import { interpreterNotice } from '../services/translation';
import { promptLanguage, say, turnOf } from './tenantTurn';

/** "Somali" for "so"; the code itself when the runtime has no name for it. */
export function englishLanguageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Sends the English-prompts notice when the tenant's language has no catalog and they were not told yet. */
export async function tellPromptsInEnglish(context: TurnContext): Promise<boolean> {
  const turn = turnOf(context);
  if (promptLanguage(turn) === turn.lang || turn.convo.englishPromptsToldFor === turn.lang) return false;
  await context.sendActivity(say(context, 'language.unsupported', { name: englishLanguageName(turn.lang) }));
  await context.sendActivity(interpreterNotice(turn.lang, turn.deps.pack.interpreterNotices));
  turn.convo.englishPromptsToldFor = turn.lang;
  return true;
}

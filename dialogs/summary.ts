// The tenant's words for staff: kept as written, plus an English summary when a translator can.
import type { TurnContext } from 'botbuilder';
import { turnOf } from './tenantTurn';

export async function englishSummary(context: TurnContext, text: string): Promise<string> {
  const { deps, lang } = turnOf(context);
  const clipped = text.length > 500 ? `${text.slice(0, 497)}...` : text;
  if (lang === 'en' || !deps.translator.available) return clipped;
  const result = await deps.translator.translate(clipped, 'en', lang);
  return result.fallback ? clipped : result.text;
}

// Turns a message into everything the detector reasons about: language, tokens, cues and
// the sparse features the classifiers see. One pass, shared by training and detection.
import { CUE_KINDS, CueKind } from './lexicons/types';
import { matchCues } from './cues';
import { safetyCues } from './safety';
import { identifyLanguage, isSupportedLanguage } from './languageId';
import { englishSentiment } from './sentiment';
import { BoundedMemo } from './boundedMemo';
import { cueText, expandSms, foldText, stem, tokenise } from './text';

export interface Analysis {
  language: string;
  tokens: string[];
  cues: Set<CueKind>;
  /** Sentiment from natural's English vocabulary, 0 for other languages. */
  sentiment: number;
  features: string[];
}

// Tokens repeat from message to message, so their word and stem features are remembered per
// language (stems depend on it): the same strings, built and hashed once instead of per message.
const WORD_FEATURES = new Map<string, BoundedMemo<readonly [string, string]>>();

function wordFeaturesIn(language: string): BoundedMemo<readonly [string, string]> {
  let memo = WORD_FEATURES.get(language);
  if (!memo) {
    memo = new BoundedMemo(20_000);
    WORD_FEATURES.set(language, memo);
  }
  return memo;
}

const CUE_FEATURES = Object.fromEntries(CUE_KINDS.map((cue) => [cue, `c:${cue}`])) as Record<CueKind, string>;

export function analyse(text: string, languageHint?: string): Analysis {
  // "en-GB", "pl_PL": the primary subtag is what the lexicons are keyed by.
  const hint = languageHint?.toLowerCase().split(/[-_]/)[0];
  const folded = foldText(text);
  const rawTokens = tokenise(folded);
  const language = hint && isSupportedLanguage(hint) ? hint : identifyLanguage(text, rawTokens);
  const tokens = language === 'en' ? expandSms(rawTokens) : rawTokens;
  const spaced = cueText(tokens);
  const cues = matchCues(spaced, language);
  for (const cue of safetyCues(spaced, text)) cues.add(cue);
  if (/[?？؟¿]/.test(text)) cues.add('question');
  const sentiment = language === 'en' ? englishSentiment(tokens) : 0;

  const features: string[] = [];
  const wordFeatures = wordFeaturesIn(language);
  const build = (token: string) => [`w:${token}`, `s:${stem(token, language)}`] as const;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const [word, stemmed] = wordFeatures.get(token, build);
    features.push(word, stemmed);
    if (i > 0) features.push(`b:${tokens[i - 1]}_${token}`);
  }
  for (const cue of cues) features.push(CUE_FEATURES[cue]);
  if (sentiment <= -0.05) features.push('c:negative_sentiment');
  if (sentiment >= 0.08) features.push('c:positive_sentiment');
  if (/\?/.test(text)) features.push('p:question_mark');
  if (/!{2,}/.test(text)) features.push('p:exclamations');
  const letters = text.replace(/[^A-Za-z]/g, '');
  if (letters.length >= 8 && letters === letters.toUpperCase()) features.push('p:shouting');
  return { language, tokens, cues, sentiment, features };
}

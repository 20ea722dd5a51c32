// `npm run eval:detect`: scores the detector (the shipped model, or trained on
// data/detection/train.jsonl with `-- --train`) against the held-out sets and prints per-intent
// and per-language figures, the confusion matrix and the speed: eval.jsonl (template-generated),
// blind.jsonl, holdout-2026-11-23.jsonl, holdout-b-, holdout-c-, holdout-d- and holdout-e-2026-11-23.jsonl (hand-written; see README
// for which were tuned on). `-- --file <path>` scores only that set (repeatable); `-- --errors`
// also lists every miss; `-- --json` prints only the summaries as one JSON line.
import { createDetector } from '../services/detection/detector';
import {
  BLIND_CORPUS,
  EVALUATION_CORPUS,
  HOLDOUT_B_CORPUS,
  HOLDOUT_C_CORPUS,
  HOLDOUT_D_CORPUS,
  HOLDOUT_E_CORPUS,
  HOLDOUT_CORPUS,
  LabelledMessage,
  loadCorpus,
} from '../services/detection/corpus';
import { identifyLanguage } from '../services/detection/languageId';
import { measureDetectionSpeed } from '../services/detection/benchmark';
import { Detection, INTENTS } from '../services/detection/types';

interface Prf {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support: tp + fn };
}

function binary(pairs: Array<[boolean, boolean]>): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [gold, got] of pairs) {
    if (gold && got) tp++;
    else if (!gold && got) fp++;
    else if (gold && !got) fn++;
  }
  return prf(tp, fp, fn);
}

export interface EvaluationSummary {
  messages: number;
  intentAccuracy: number;
  macroF1: number;
  perIntent: Record<string, Prf>;
  dissatisfied: Prf;
  nonEnglishDissatisfied: Prf;
  urgentSafety: { recall: number; precision: number; support: number };
  languageIdAccuracy: number;
  perLanguage: Record<string, { messages: number; intentAccuracy: number; dissatisfiedF1: number; languageId: number }>;
  confusion: Record<string, Record<string, number>>;
  speed: { messagesPerSec: number; p99Ms: number };
  loadMs: number;
}

export function evaluate(
  examples: LabelledMessage[],
  results: Detection[],
): Omit<EvaluationSummary, 'speed' | 'loadMs'> {
  const confusion: Record<string, Record<string, number>> = {};
  for (const gold of INTENTS) confusion[gold] = Object.fromEntries(INTENTS.map((i) => [i, 0]));
  examples.forEach((e, i) => confusion[e.intent][results[i].intent]++);

  const perIntent: Record<string, Prf> = {};
  for (const intent of INTENTS) {
    const tp = confusion[intent][intent];
    const fp = INTENTS.reduce((sum, gold) => sum + (gold === intent ? 0 : confusion[gold][intent]), 0);
    const fn = INTENTS.reduce((sum, got) => sum + (got === intent ? 0 : confusion[intent][got]), 0);
    perIntent[intent] = prf(tp, fp, fn);
  }
  const present = INTENTS.filter((i) => perIntent[i].support > 0);
  const macroF1 = present.reduce((sum, i) => sum + perIntent[i].f1, 0) / present.length;
  const correct = examples.filter((e, i) => e.intent === results[i].intent).length;

  const pairs = examples.map((e, i): [boolean, boolean] => [e.dissatisfied, results[i].dissatisfied]);
  const nonEnglish = examples.map((e, i) => [e, i] as const).filter(([e]) => e.language !== 'en');
  const urgent = binary(
    examples.map((e, i): [boolean, boolean] => [
      e.flags.includes('urgent_safety'),
      results[i].flags.includes('urgent_safety'),
    ]),
  );

  const perLanguage: EvaluationSummary['perLanguage'] = {};
  for (const language of [...new Set(examples.map((e) => e.language))]) {
    const idx = examples.map((e, i) => [e, i] as const).filter(([e]) => e.language === language);
    perLanguage[language] = {
      messages: idx.length,
      intentAccuracy: idx.filter(([e, i]) => e.intent === results[i].intent).length / idx.length,
      dissatisfiedF1: binary(idx.map(([e, i]): [boolean, boolean] => [e.dissatisfied, results[i].dissatisfied])).f1,
      languageId: idx.filter(([e, i]) => results[i].language === e.language).length / idx.length,
    };
  }
  return {
    messages: examples.length,
    intentAccuracy: correct / examples.length,
    macroF1,
    perIntent,
    dissatisfied: binary(pairs),
    nonEnglishDissatisfied: binary(
      nonEnglish.map(([e, i]): [boolean, boolean] => [e.dissatisfied, results[i].dissatisfied]),
    ),
    urgentSafety: { recall: urgent.recall, precision: urgent.precision, support: urgent.support },
    languageIdAccuracy: examples.filter((e) => identifyLanguage(e.text) === e.language).length / examples.length,
    perLanguage,
    confusion,
  };
}

const pct = (n: number) => (n * 100).toFixed(1).padStart(5);
const f3 = (n: number) => n.toFixed(3);

function print(file: string, summary: EvaluationSummary): void {
  const out: string[] = [];
  out.push(`Detection evaluation on ${file} (${summary.messages} held-out messages)`, '');
  out.push('intent            precision  recall     f1  support');
  for (const [intent, m] of Object.entries(summary.perIntent)) {
    out.push(
      `${intent.padEnd(16)} ${f3(m.precision).padStart(10)} ${f3(m.recall).padStart(7)} ${f3(m.f1).padStart(6)} ${String(m.support).padStart(8)}`,
    );
  }
  out.push(`intent macro-F1 ${f3(summary.macroF1)}   accuracy ${f3(summary.intentAccuracy)}`, '');
  const d = summary.dissatisfied;
  const n = summary.nonEnglishDissatisfied;
  out.push(`dissatisfied            P ${f3(d.precision)}  R ${f3(d.recall)}  F1 ${f3(d.f1)}  (support ${d.support})`);
  out.push(`dissatisfied, non-en    P ${f3(n.precision)}  R ${f3(n.recall)}  F1 ${f3(n.f1)}  (support ${n.support})`);
  const u = summary.urgentSafety;
  out.push(`urgent_safety recall ${f3(u.recall)} (precision ${f3(u.precision)}, support ${u.support})`);
  out.push(`language identification accuracy ${f3(summary.languageIdAccuracy)}`, '');
  out.push('language  messages  intent-acc  dissatisfied-F1  lang-id');
  for (const [lang, m] of Object.entries(summary.perLanguage)) {
    out.push(
      `${lang.padEnd(9)} ${String(m.messages).padStart(8)}  ${pct(m.intentAccuracy).padStart(9)}%  ${f3(m.dissatisfiedF1).padStart(15)}  ${pct(m.languageId)}%`,
    );
  }
  out.push('', 'confusion matrix (rows gold, columns detected)');
  const abbrev = INTENTS.map((i) => i.slice(0, 6));
  out.push(`${''.padEnd(16)}${abbrev.map((a) => a.padStart(7)).join('')}`);
  for (const gold of INTENTS)
    out.push(
      `${gold.padEnd(16)}${INTENTS.map((got) => String(summary.confusion[gold][got] || '.').padStart(7)).join('')}`,
    );
  out.push(
    '',
    `speed: ${summary.speed.messagesPerSec} messages/s, p99 ${summary.speed.p99Ms} ms per message (one process); detector load ${summary.loadMs} ms`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
}

/** `--file <path>` (repeatable) scores only those sets; without it, every set the repository keeps. */
export function corpusFiles(args: string[]): string[] {
  const files: string[] = [];
  args.forEach((arg, i) => {
    if (arg === '--file') {
      const value = args[i + 1];
      if (!value || value.startsWith('--')) throw new Error('--file needs a path to a JSON-lines corpus');
      files.push(value);
    } else if (arg.startsWith('--file=')) files.push(arg.slice('--file='.length));
  });
  return files.length > 0 ? files : [EVALUATION_CORPUS, BLIND_CORPUS, HOLDOUT_CORPUS, HOLDOUT_B_CORPUS, HOLDOUT_C_CORPUS, HOLDOUT_D_CORPUS, HOLDOUT_E_CORPUS];
}

function main(): void {
  const args = process.argv.slice(2);
  const started = Date.now();
  const detector = createDetector(args.includes('--train') ? { modelPath: false } : {});
  const loadMs = Date.now() - started;
  const summaries: Record<string, EvaluationSummary> = {};
  for (const file of corpusFiles(args)) {
    const examples = loadCorpus(file);
    const results = examples.map((e) => detector.detect(e.text));
    const speed = measureDetectionSpeed(
      detector,
      examples.map((e) => e.text),
      { iterations: 20 },
    );
    const summary: EvaluationSummary = {
      ...evaluate(examples, results),
      speed: { messagesPerSec: speed.messagesPerSec, p99Ms: speed.p99Ms },
      loadMs,
    };
    summaries[file] = summary;
    if (args.includes('--json')) continue;
    print(file, summary);
    if (args.includes('--errors')) printMisses(detector, examples, results);
    process.stdout.write('\n');
  }
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify(summaries)}\n`);
}

function printMisses(
  detector: ReturnType<typeof createDetector>,
  examples: LabelledMessage[],
  results: Detection[],
): void {
  process.stdout.write('\nmisses:\n');
  examples.forEach((e, i) => {
    const r = results[i];
    const urgentMiss = e.flags.includes('urgent_safety') && !r.flags.includes('urgent_safety');
    if (r.intent !== e.intent || r.dissatisfied !== e.dissatisfied || urgentMiss || r.language !== e.language) {
      const detail = detector.detectDetailed(e.text);
      process.stdout.write(
        `${e.id} [${e.language}->${r.language}] gold ${e.intent}/${e.dissatisfied} got ${r.intent}/${r.dissatisfied}${urgentMiss ? ' URGENT MISSED' : ''} cues=${detail.cues.join(',')} :: ${e.text}\n`,
      );
    }
  });
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`eval:detect: ${(err as Error).message}\n`);
    process.exit(1);
  }
}

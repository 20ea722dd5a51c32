import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BLIND_CORPUS,
  CorpusError,
  EVALUATION_CORPUS,
  HOLDOUT_B_CORPUS,
  HOLDOUT_C_CORPUS,
  HOLDOUT_D_CORPUS,
  HOLDOUT_E_CORPUS,
  HOLDOUT_CORPUS,
  loadCorpus,
  TRAINING_CORPUS,
} from '../../../services/detection/corpus';
import { INTENTS } from '../../../services/detection/types';
import { buildTrainingCorpus } from '../../../scripts/corpus/build-train';

describe('the detection corpora', () => {
  const train = loadCorpus(TRAINING_CORPUS);
  const evaluation = loadCorpus(EVALUATION_CORPUS);
  const blind = loadCorpus(BLIND_CORPUS);
  const holdout = loadCorpus(HOLDOUT_CORPUS);
  const holdoutB = loadCorpus(HOLDOUT_B_CORPUS);
  const holdoutC = loadCorpus(HOLDOUT_C_CORPUS);
  const holdoutD = loadCorpus(HOLDOUT_D_CORPUS);
  const holdoutE = loadCorpus(HOLDOUT_E_CORPUS);

  it('trains on at least 1,500 labelled lines across every intent and at least 11 languages', () => {
    expect(train.length).toBeGreaterThanOrEqual(1500);
    expect(new Set(train.map((e) => e.intent))).toEqual(new Set(INTENTS));
    expect(new Set(train.map((e) => e.language)).size).toBeGreaterThanOrEqual(11);
  });

  it('evaluates on at least 300 separate lines across every intent', () => {
    expect(evaluation.length).toBeGreaterThanOrEqual(300);
    expect(new Set(evaluation.map((e) => e.intent))).toEqual(new Set(INTENTS));
  });

  it('shares no message between training and the held-out sets', () => {
    const key = (t: string) =>
      t
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    const trained = new Set(train.map((e) => key(e.text)));
    const overlap = [...evaluation, ...blind, ...holdout, ...holdoutB, ...holdoutC, ...holdoutD, ...holdoutE].filter((e) => trained.has(key(e.text)));
    expect(overlap.map((e) => e.text)).toEqual([]);
  });

  it('is exactly what npm run corpus:train writes (templates plus the hand-written lines), so no line is edited in by hand', () => {
    const built = buildTrainingCorpus().map((l) => JSON.stringify(l));
    expect(train.map((e) => JSON.stringify({ ...e }))).toEqual(built);
  });

  it('keeps the 2026-11-23 held-out set at 300+ lines, 30%+ non-English in 10+ languages, with urgent cases', () => {
    const nonEnglish = holdout.filter((e) => e.language !== 'en');
    expect(holdout.length).toBeGreaterThanOrEqual(300);
    expect(nonEnglish.length / holdout.length).toBeGreaterThanOrEqual(0.3);
    expect(new Set(nonEnglish.map((e) => e.language)).size).toBeGreaterThanOrEqual(10);
    expect(holdout.filter((e) => e.flags.includes('urgent_safety')).length).toBeGreaterThanOrEqual(30);
  });

  it('labels every urgent-safety example in the held-out set', () => {
    expect(evaluation.filter((e) => e.flags.includes('urgent_safety')).length).toBeGreaterThanOrEqual(20);
  });

  it('refuses a malformed corpus line, naming the file and line', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-')), 'bad.jsonl');
    fs.writeFileSync(
      file,
      '{"id":"a","text":"ok","intent":"complaint","dissatisfied":true,"language":"en","flags":[]}\n{"id":"b","text":"x","intent":"moan"}\n',
    );
    expect(() => loadCorpus(file)).toThrow(CorpusError);
    expect(() => loadCorpus(file)).toThrow(/bad\.jsonl:2/);
  });
});

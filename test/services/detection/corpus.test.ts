import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BLIND_CORPUS,
  CorpusError,
  EVALUATION_CORPUS,
  loadCorpus,
  TRAINING_CORPUS,
} from '../../../services/detection/corpus';
import { INTENTS } from '../../../services/detection/types';

describe('the detection corpora', () => {
  const train = loadCorpus(TRAINING_CORPUS);
  const evaluation = loadCorpus(EVALUATION_CORPUS);
  const blind = loadCorpus(BLIND_CORPUS);

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
    const overlap = [...evaluation, ...blind].filter((e) => trained.has(key(e.text)));
    expect(overlap.map((e) => e.text)).toEqual([]);
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

// The shipped model (data/detection/model.json) must be exactly what training on the current
// corpus and lexicons produces, so it can never silently go stale; a stale or broken file is
// ignored and the detector trains instead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildModelSnapshot, createDetector } from '../../../services/detection/detector';
import { HOLDOUT_CORPUS, loadCorpus, projectRoot, TRAINING_CORPUS } from '../../../services/detection/corpus';
import { MODEL_FILE, readSnapshot } from '../../../services/detection/modelSnapshot';

const root = projectRoot();
let scratch: string;
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'detector-model-'));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('shipped detector model', () => {
  it('matches the fingerprint of the current training corpus and lexicons (run npm run detector:build if not)', () => {
    const { snapshot, reason } = readSnapshot(TRAINING_CORPUS, MODEL_FILE);
    expect(reason).toBeUndefined();
    expect(snapshot?.corpus.examples).toBe(loadCorpus(TRAINING_CORPUS).length);
  });

  it('holds exactly the counts a fresh training run produces', () => {
    const shipped: unknown = JSON.parse(fs.readFileSync(path.join(root, MODEL_FILE), 'utf8'));
    const fresh: unknown = JSON.parse(JSON.stringify(buildModelSnapshot(TRAINING_CORPUS)));
    expect(shipped).toEqual(fresh);
  });

  it('gives the same answers as a detector trained from the corpus', () => {
    const shipped = createDetector();
    const trained = createDetector({ modelPath: false });
    const texts = loadCorpus(HOLDOUT_CORPUS).map((e) => e.text);
    expect(texts.length).toBeGreaterThan(300);
    for (const text of texts) expect(shipped.detectDetailed(text)).toEqual(trained.detectDetailed(text));
  });

  it('is reported stale for a corpus it was not built from', () => {
    const corpus = path.join(scratch, 'train.jsonl');
    const extra = {
      id: 'x-1',
      text: 'the lift is broken again',
      intent: 'complaint',
      dissatisfied: true,
      language: 'en',
      flags: [],
    };
    fs.writeFileSync(corpus, `${fs.readFileSync(path.join(root, TRAINING_CORPUS), 'utf8')}${JSON.stringify(extra)}\n`);
    const { snapshot, reason } = readSnapshot(corpus, MODEL_FILE);
    expect(snapshot).toBeUndefined();
    expect(reason).toMatch(/stale/);
  });

  it('falls back to training when the model file is corrupt, and still flags a gas smell', () => {
    const broken = path.join(scratch, 'model.json');
    fs.writeFileSync(broken, '{"format":1,"fingerp');
    expect(readSnapshot(TRAINING_CORPUS, broken).reason).toMatch(/not valid JSON/);
    const detector = createDetector({ modelPath: broken });
    expect(detector.detect('I can smell gas in the hallway').flags).toContain('urgent_safety');
  });
});

// `npm run detector:build`: trains the detector from data/detection/train.jsonl and writes
// data/detection/model.json, which createDetector() loads instead of training at start-up.
// `-- --check` writes nothing and exits 1 when the shipped model is missing or stale.
import fs from 'node:fs';
import { buildModelSnapshot } from '../services/detection/detector';
import { TRAINING_CORPUS } from '../services/detection/corpus';
import { MODEL_FILE, readSnapshot, resolveFromRoot, serialiseSnapshot } from '../services/detection/modelSnapshot';

function main(): number {
  if (process.argv.includes('--check')) {
    const { snapshot, reason } = readSnapshot(TRAINING_CORPUS, MODEL_FILE);
    if (!snapshot) {
      process.stderr.write(`detector:build: ${reason}; run npm run detector:build\n`);
      return 1;
    }
    process.stdout.write(
      `${MODEL_FILE} matches ${TRAINING_CORPUS} (fingerprint ${snapshot.fingerprint.slice(0, 12)})\n`,
    );
    return 0;
  }
  const started = Date.now();
  const snapshot = buildModelSnapshot(TRAINING_CORPUS);
  const text = serialiseSnapshot(snapshot);
  fs.writeFileSync(resolveFromRoot(MODEL_FILE), text);
  process.stdout.write(
    `wrote ${MODEL_FILE}: ${snapshot.corpus.examples} examples, ${snapshot.intent.features.length} features, ` +
      `${(text.length / 1024).toFixed(0)} KiB, fingerprint ${snapshot.fingerprint.slice(0, 12)} (${Date.now() - started} ms)\n`,
  );
  return 0;
}

try {
  process.exitCode = main();
} catch (err) {
  process.stderr.write(`detector:build: ${(err as Error).message}\n`);
  process.exitCode = 1;
}

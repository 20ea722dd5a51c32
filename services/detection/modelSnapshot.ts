// The shipped model: `data/detection/model.json` holds the trained classifier counts so a
// detector starts without re-reading and re-analysing the whole training corpus. It records a
// fingerprint of everything training depends on (the corpus bytes, the cue lexicons, the
// safety concepts and the feature version), so a model built from an older corpus or older
// lexicons is never used: the detector trains from the corpus instead.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SparseBayesCounts } from './classifier';
import { projectRoot } from './corpus';
import { LEXICONS } from './lexicons';
import { SAFETY_CONCEPTS } from './safety';

export const MODEL_FILE = path.join('data', 'detection', 'model.json');
export const SNAPSHOT_FORMAT = 1;
/**
 * Bump when the way a message becomes features changes (features.ts, text.ts, safety.ts logic,
 * the classifier's counting) without a lexicon or corpus change, so older snapshots go stale.
 */
export const FEATURE_VERSION = 1;

export interface ModelSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  fingerprint: string;
  corpus: { file: string; examples: number; sha256: string };
  intent: SparseBayesCounts;
  dissatisfied: SparseBayesCounts;
}

function sha256(text: string | Buffer): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

/** The fingerprint of the corpus bytes plus everything else that shapes the trained counts. */
export function modelFingerprint(corpusBytes: Buffer): string {
  const inputs = JSON.stringify({
    format: SNAPSHOT_FORMAT,
    featureVersion: FEATURE_VERSION,
    corpus: sha256(corpusBytes),
    lexicons: LEXICONS,
    safety: SAFETY_CONCEPTS,
  });
  return sha256(inputs);
}

export function resolveFromRoot(file: string): string {
  return path.isAbsolute(file) ? file : path.resolve(projectRoot(), file);
}

function isCounts(value: unknown): value is SparseBayesCounts {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    Array.isArray(v.labels) &&
    Array.isArray(v.features) &&
    Array.isArray(v.classTotals) &&
    Array.isArray(v.counts) &&
    v.counts.length === v.labels.length &&
    typeof v.totalExamples === 'number'
  );
}

/**
 * The snapshot at `modelFile` if it exists, parses, and was built from exactly this corpus and
 * these lexicons; otherwise undefined (with the reason) and the caller trains instead.
 */
export function readSnapshot(
  trainingFile: string,
  modelFile: string = MODEL_FILE,
): { snapshot?: ModelSnapshot; reason?: string } {
  const absolute = resolveFromRoot(modelFile);
  let raw: string;
  try {
    raw = fs.readFileSync(absolute, 'utf8');
  } catch {
    return { reason: `no shipped model at ${absolute}` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { reason: `${absolute} is not valid JSON` };
  }
  const snapshot = parsed as Partial<ModelSnapshot>;
  if (snapshot.format !== SNAPSHOT_FORMAT || !isCounts(snapshot.intent) || !isCounts(snapshot.dissatisfied))
    return { reason: `${absolute} is not a format ${SNAPSHOT_FORMAT} detector model` };
  let corpus: Buffer;
  try {
    corpus = fs.readFileSync(resolveFromRoot(trainingFile));
  } catch {
    return { reason: `cannot read the training corpus ${trainingFile}` };
  }
  if (snapshot.fingerprint !== modelFingerprint(corpus))
    return { reason: `${absolute} is stale (built from another corpus or other lexicons)` };
  return { snapshot: snapshot as ModelSnapshot };
}

export function snapshotOf(
  trainingFile: string,
  examples: number,
  models: { intent: SparseBayesCounts; dissatisfied: SparseBayesCounts },
): ModelSnapshot {
  const corpus = fs.readFileSync(resolveFromRoot(trainingFile));
  return {
    format: SNAPSHOT_FORMAT,
    fingerprint: modelFingerprint(corpus),
    corpus: { file: trainingFile.split(path.sep).join('/'), examples, sha256: sha256(corpus) },
    intent: models.intent,
    dissatisfied: models.dissatisfied,
  };
}

/** Compact JSON: the file is data for the loader, not for reading. */
export function serialiseSnapshot(snapshot: ModelSnapshot): string {
  return `${JSON.stringify(snapshot)}\n`;
}

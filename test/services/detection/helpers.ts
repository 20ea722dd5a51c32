// Shared by the detection tests: one trained detector per test file, and a guard that a
// behaviour test's phrasing is not simply a line of the training corpus.
import { createDetector, HybridDetector } from '../../../services/detection/detector';
import { loadCorpus, TRAINING_CORPUS } from '../../../services/detection/corpus';
import type { Intent } from '../../../services/detection/types';

let detector: HybridDetector | undefined;
export function sharedDetector(): HybridDetector {
  detector ??= createDetector();
  return detector;
}

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
let training: Set<string> | undefined;
export function isTrainingText(text: string): boolean {
  training ??= new Set(loadCorpus(TRAINING_CORPUS).map((e) => normalise(e.text)));
  return training.has(normalise(text));
}

export interface DetectionCase {
  text: string;
  intent: Intent;
  dissatisfied: boolean;
}

/** Asserts the detected intent and dissatisfaction of a phrasing that is not a training line. */
export function expectDetection({ text, intent, dissatisfied }: DetectionCase): void {
  expect(isTrainingText(text)).toBe(false);
  const result = sharedDetector().detect(text);
  expect({ text, intent: result.intent, dissatisfied: result.dissatisfied }).toEqual({ text, intent, dissatisfied });
}

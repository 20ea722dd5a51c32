// The hybrid detector: explicit domain cues decide what they can decide with confidence
// (safety, negation, repetition, broken promises, stage 2, data requests ...), and two Naive
// Bayes classifiers trained on the repository's corpus weigh everything else.
import { analyse, Analysis } from './features';
import { SparseBayes } from './classifier';
import { LabelledMessage, loadCorpus, TRAINING_CORPUS } from './corpus';
import { detectionFlags, isUrgent } from './flags';
import type { CueKind } from './lexicons/types';
import { Detection, Detector, Intent, INTENTS } from './types';

/** How much each cue says "this person is dissatisfied with the landlord". */
const DISSATISFACTION_WEIGHTS: Partial<Record<CueKind, number>> = {
  explicit_complaint: 2.5,
  negative_emotion: 1.5,
  repetition_strong: 2.5,
  repetition_weak: 0.75,
  waiting: 1.25,
  broken_promise: 2.5,
  inaction: 2.5,
  staff_conduct: 2.5,
  sarcasm: 3,
  abusive: 1,
  stage2: 1.5,
};
/** Cues that point at the landlord rather than at a neighbour or at the weather. */
const LANDLORD_DIRECTED: CueKind[] = ['explicit_complaint', 'repetition_strong', 'broken_promise', 'inaction', 'staff_conduct', 'sarcasm', 'waiting'];

const DISSATISFIED_THRESHOLD = 2;
/** How far the classifier's opinion can move the cue score either way. */
const CLASSIFIER_WEIGHT = 3;

/** Intents a cue proposes, with a priority used when several are proposed. */
const INTENT_PRIORITY: Record<Intent, number> = {
  stage2_request: 3,
  data_request: 3,
  status_check: 3,
  human: 2,
  asb_report: 1.5,
  compliment: 1.3,
  comment: 1.2,
  service_request: 1,
  enquiry: 1,
  complaint: 1,
  other: 0.6,
};

export interface DetectorOptions {
  /** Training examples; defaults to data/detection/train.jsonl. */
  examples?: LabelledMessage[];
  trainingPath?: string;
}

export interface DetailedDetection extends Detection {
  /** Diagnostics for evaluation and staff views: the cues found and the classifier's view. */
  cues: CueKind[];
  dissatisfactionScore: number;
  classifier: { intent: Intent; intentProbability: number; dissatisfiedProbability: number };
}

export interface HybridDetector extends Detector {
  detectDetailed(text: string, hints?: { language?: string }): DetailedDetection;
}

export function createDetector(options: DetectorOptions = {}): HybridDetector {
  const examples = options.examples ?? loadCorpus(options.trainingPath ?? TRAINING_CORPUS);
  const intentModel = new SparseBayes();
  const dissatisfiedModel = new SparseBayes();
  for (const example of examples) {
    const { features } = analyse(example.text, example.language);
    intentModel.add(features, example.intent);
    dissatisfiedModel.add(features, example.dissatisfied ? 'yes' : 'no');
  }

  function detectDetailed(text: string, hints?: { language?: string }): DetailedDetection {
    const analysis = analyse(text, hints?.language);
    const intentProbabilities = intentModel.probabilities(analysis.features);
    const dissatisfiedProbability = dissatisfiedModel.probabilities(analysis.features).yes ?? 0;
    const score = dissatisfactionScore(analysis);
    const combined = score + CLASSIFIER_WEIGHT * (dissatisfiedProbability - 0.5);
    const dissatisfied = combined >= DISSATISFIED_THRESHOLD;

    const { intent, cueBacked } = chooseIntent(analysis, dissatisfied, intentProbabilities);
    const intentProbability = intentProbabilities[intent] ?? 0;
    const margin = Math.min(1, Math.abs(combined - DISSATISFIED_THRESHOLD) / 3);
    const confidence = round2(clamp(((cueBacked ? 0.7 : 0.3) + intentProbability * 0.3) * (0.6 + 0.4 * margin), 0.05, 0.99));
    const classifierIntent = argmax(intentProbabilities) as Intent;
    return {
      intent,
      dissatisfied: intent === 'complaint' || intent === 'stage2_request' ? true : dissatisfied,
      confidence,
      language: analysis.language,
      flags: detectionFlags(analysis.cues, dissatisfied),
      cues: [...analysis.cues].sort(),
      dissatisfactionScore: round2(combined),
      classifier: { intent: classifierIntent, intentProbability: round2(intentProbabilities[classifierIntent] ?? 0), dissatisfiedProbability: round2(dissatisfiedProbability) },
    };
  }

  return {
    detect(text, hints) {
      const { intent, dissatisfied, confidence, language, flags } = detectDetailed(text, hints);
      return { intent, dissatisfied, confidence, language, flags };
    },
    detectDetailed,
  };
}

function dissatisfactionScore({ cues }: Analysis): number {
  let score = 0;
  for (const cue of cues) score += DISSATISFACTION_WEIGHTS[cue] ?? 0;
  const landlordDirected = LANDLORD_DIRECTED.some((cue) => cues.has(cue));
  // "Fed up with the noise next door" is about the neighbour; it becomes a complaint only
  // when the landlord's handling is criticised (reported before, nothing done, promises).
  if (cues.has('asb') && !landlordDirected) score = Math.min(score, 1);
  // Praise followed by "but ..." and a criticism: the criticism stands.
  if (cues.has('compliment') && cues.has('contrast') && score > 0) score += 1;
  if (cues.has('negated_dissatisfaction')) score -= 2;
  return score;
}

function chooseIntent(
  analysis: Analysis,
  dissatisfied: boolean,
  probabilities: Record<string, number>,
): { intent: Intent; cueBacked: boolean } {
  const { cues } = analysis;
  const candidates = new Set<Intent>();
  if (dissatisfied) {
    if (cues.has('stage2') && (cues.has('complaint_ref') || (probabilities.stage2_request ?? 0) > (probabilities.complaint ?? 0))) {
      candidates.add('stage2_request');
    } else {
      candidates.add('complaint');
    }
  } else {
    if (cues.has('stage2') && cues.has('complaint_ref')) candidates.add('stage2_request');
    if (cues.has('complaint_ref') && (cues.has('chaser') || cues.has('question'))) candidates.add('status_check');
    if (cues.has('data_request')) candidates.add('data_request');
    if (cues.has('human')) candidates.add('human');
    if (cues.has('asb')) candidates.add('asb_report');
    if (cues.has('compliment')) candidates.add('compliment');
    if (cues.has('suggestion')) candidates.add('comment');
    if (cues.has('chaser') || cues.has('question')) candidates.add('enquiry');
    if (cues.has('repair') || cues.has('request') || isUrgent(cues)) candidates.add('service_request');
    if (cues.has('greeting')) candidates.add('other');
  }
  if (candidates.size === 0) {
    const allowed = INTENTS.filter((i) => dissatisfied || (i !== 'complaint' && i !== 'stage2_request'));
    let best: Intent = 'other';
    let bestP = -1;
    for (const intent of allowed) {
      const p = probabilities[intent] ?? 0;
      if (p > bestP) {
        best = intent;
        bestP = p;
      }
    }
    return { intent: best, cueBacked: false };
  }
  let best: Intent = 'other';
  let bestScore = -1;
  for (const intent of candidates) {
    const score = (0.05 + (probabilities[intent] ?? 0)) * INTENT_PRIORITY[intent];
    if (score > bestScore) {
      best = intent;
      bestScore = score;
    }
  }
  return { intent: best, cueBacked: true };
}

function argmax(probabilities: Record<string, number>): string {
  let best = 'other';
  let bestP = -1;
  for (const [label, p] of Object.entries(probabilities)) {
    if (p > bestP) {
      best = label;
      bestP = p;
    }
  }
  return best;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

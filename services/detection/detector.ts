// The hybrid detector: explicit domain cues decide what they can decide with confidence
// (safety, negation, repetition, broken promises, stage 2, data requests ...), and two Naive
// Bayes classifiers trained on the repository's corpus weigh everything else.
import { analyse, Analysis } from './features';
import { ModelPair, SparseBayes } from './classifier';
import fs from 'node:fs';
import path from 'node:path';
import { LabelledMessage, loadCorpus, projectRoot, TRAINING_CORPUS } from './corpus';
import { detectionFlags, isUrgent } from './flags';
import { MODEL_FILE, ModelSnapshot, readSnapshot, snapshotOf } from './modelSnapshot';
import type { CueKind } from './lexicons/types';
import { Detection, Detector, Intent, INTENTS } from './types';

/** How much each cue says "this person is dissatisfied with the landlord". */
const DISSATISFACTION_WEIGHTS: Partial<Record<CueKind, number>> = {
  explicit_complaint: 2.5,
  negative_emotion: 1.5,
  strong_negative: 2.5,
  repetition_strong: 2.5,
  repetition_weak: 0.75,
  waiting: 1.25,
  broken_promise: 2.5,
  inaction: 2.5,
  staff_conduct: 2.5,
  sarcasm: 3,
  abusive: 1,
  stage2: 1.5,
  legal: 1,
};
/** Cues that point at the landlord rather than at a neighbour or at the weather. */
// ("complain" and "rude" are said of neighbours too, so they do not count here.)
const LANDLORD_DIRECTED: CueKind[] = [
  'repetition_strong',
  'broken_promise',
  'inaction',
  'sarcasm',
  'waiting',
  'stage2',
];

/**
 * One strong landlord-directed cue decides on its own; weaker cues need the classifier to
 * agree; the classifier alone decides only when it is nearly certain and nothing negates it.
 */
function isDissatisfied(score: number, probability: number, cues: ReadonlySet<CueKind>): boolean {
  if (score >= 2.5) return true;
  // "I'm so upset, the shower just died, can someone come?": distress about a first-time fault
  // is not dissatisfaction with the landlord unless something points at the landlord.
  const onlyDistress =
    cues.has('negative_emotion') &&
    !LANDLORD_DIRECTED.some((cue) => cues.has(cue)) &&
    !['strong_negative', 'staff_conduct', 'explicit_complaint', 'repetition_weak', 'contrast'].some((cue) =>
      cues.has(cue as CueKind),
    );
  if (onlyDistress && (cues.has('request') || cues.has('repair'))) return probability >= 0.75;
  // A first "any update?" is not a complaint (POLICIES.md): weak cues inside a chaser need more.
  if (cues.has('chaser')) return score >= 1 && probability >= 0.6;
  if (score >= 1 && probability >= 0.4) return true;
  if (score >= 0.5 && probability >= 0.65) return true;
  // With no cue at all, only a near-certain classifier may call it; a message another cue
  // explains (a request for a person, a question, a neighbour report ...) is left to that cue.
  const explained = EXPLAINING_CUES.some((cue) => cues.has(cue));
  return !explained && score >= 0 && probability >= 0.85;
}
const EXPLAINING_CUES: CueKind[] = [
  'negated_dissatisfaction',
  'compliment',
  'suggestion',
  'question',
  'chaser',
  'complaint_ref',
  'complaint_process',
  'data_request',
  'human',
  'asb',
  'request',
  'greeting',
  'hazard_gas',
  'hazard_co',
  'hazard_flood',
  'hazard_electric',
  'no_heat_water',
  'politeness',
];

/** Intents a cue proposes, with a priority used when several are proposed. */
const INTENT_PRIORITY: Record<Intent, number> = {
  stage2_request: 4,
  data_request: 5,
  status_check: 4,
  human: 4,
  asb_report: 2.5,
  compliment: 2,
  comment: 1.8,
  service_request: 1,
  enquiry: 1,
  complaint: 1,
  other: 0.6,
};

export interface DetectorOptions {
  /** Training examples; defaults to data/detection/train.jsonl. */
  examples?: LabelledMessage[];
  trainingPath?: string;
  /**
   * The shipped model (data/detection/model.json) to load instead of training; it is used only
   * when its fingerprint matches the training corpus and lexicons. `false` always trains.
   */
  modelPath?: string | false;
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

interface TrainedModels {
  intentModel: SparseBayes;
  dissatisfiedModel: SparseBayes;
}

function train(examples: readonly LabelledMessage[]): TrainedModels {
  const intentModel = new SparseBayes();
  const dissatisfiedModel = new SparseBayes();
  for (const example of examples) {
    const { features } = analyse(example.text, example.language);
    intentModel.add(features, example.intent);
    dissatisfiedModel.add(features, example.dissatisfied ? 'yes' : 'no');
  }
  return { intentModel, dissatisfiedModel };
}

// Trained models are plain data and never change after training, so detectors built from the
// same corpus file in one process (several app instances in a test run) share them.
const trainedFromFile = new Map<string, TrainedModels>();

function modelsFor(options: DetectorOptions): TrainedModels {
  if (options.examples) return train(options.examples);
  const file = path.resolve(projectRoot(), options.trainingPath ?? TRAINING_CORPUS);
  const modelPath = options.modelPath ?? MODEL_FILE;
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  const key = `${file}:${stat?.size ?? 0}:${stat?.mtimeMs ?? 0}:${modelPath}`;
  let models = trainedFromFile.get(key);
  if (!models) {
    const shipped = modelPath === false ? undefined : readSnapshot(file, modelPath).snapshot;
    models = shipped
      ? {
          intentModel: SparseBayes.fromCounts(shipped.intent),
          dissatisfiedModel: SparseBayes.fromCounts(shipped.dissatisfied),
        }
      : train(loadCorpus(file));
    trainedFromFile.set(key, models);
  }
  return models;
}

/** Trains from `trainingPath` (never from a shipped model) and returns the model file's content. */
export function buildModelSnapshot(trainingPath: string = TRAINING_CORPUS): ModelSnapshot {
  const examples = loadCorpus(trainingPath);
  const { intentModel, dissatisfiedModel } = train(examples);
  return snapshotOf(trainingPath, examples.length, {
    intent: intentModel.toCounts(),
    dissatisfied: dissatisfiedModel.toCounts(),
  });
}

export function createDetector(options: DetectorOptions = {}): HybridDetector {
  const { intentModel, dissatisfiedModel } = modelsFor(options);
  const models = new ModelPair(intentModel, dissatisfiedModel);

  function detectDetailed(text: string, hints?: { language?: string }): DetailedDetection {
    const analysis = analyse(text, hints?.language);
    const probabilities = models.probabilities(analysis.features);
    const intentProbabilities = probabilities.intent;
    const dissatisfiedProbability = probabilities.dissatisfied.yes ?? 0;
    const score = dissatisfactionScore(analysis);
    const dissatisfied = isDissatisfied(score, dissatisfiedProbability, analysis.cues);

    const { intent, cueBacked } = chooseIntent(analysis, dissatisfied, intentProbabilities);
    const intentProbability = intentProbabilities[intent] ?? 0;
    // Far from the decision boundary (strong cues, or cues and classifier agreeing) is surer.
    const agreement = dissatisfied ? dissatisfiedProbability : 1 - dissatisfiedProbability;
    const margin = Math.min(1, Math.abs(score - 1.25) / 2.5) * 0.5 + agreement * 0.5;
    const confidence = round2(
      clamp(((cueBacked ? 0.7 : 0.3) + intentProbability * 0.3) * (0.6 + 0.4 * margin), 0.05, 0.99),
    );
    const classifierIntent = argmax(intentProbabilities) as Intent;
    return {
      intent,
      dissatisfied: intent === 'complaint' || intent === 'stage2_request' ? true : dissatisfied,
      confidence,
      language: analysis.language,
      flags: detectionFlags(analysis.cues, dissatisfied),
      cues: [...analysis.cues].sort(),
      dissatisfactionScore: round2(score),
      classifier: {
        intent: classifierIntent,
        intentProbability: round2(intentProbabilities[classifierIntent] ?? 0),
        dissatisfiedProbability: round2(dissatisfiedProbability),
      },
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
  // "Any news on my complaint?": the word complaint names the case, it is not a new grievance.
  const otherGrievance = Object.keys(DISSATISFACTION_WEIGHTS).some(
    (cue) => cue !== 'explicit_complaint' && cue !== 'repetition_weak' && cues.has(cue as CueKind),
  );
  // "How do I make a complaint?" asks about the process; it says nothing against the landlord yet.
  const namesTheCase = cues.has('complaint_ref') && (cues.has('chaser') || cues.has('question'));
  if (cues.has('explicit_complaint') && (namesTheCase || cues.has('complaint_process')) && !otherGrievance) {
    score -= DISSATISFACTION_WEIGHTS.explicit_complaint ?? 0;
  }
  // "... but nobody came back": a criticism after a contrast; after praise it is the point.
  if (cues.has('contrast')) score += cues.has('compliment') ? 2 : 1;
  if (cues.has('negated_dissatisfaction')) score -= 2;
  // "I want to complain about the noise next door" is a report about the neighbour (POLICIES.md:
  // ASB process); it is a complaint only when the landlord's handling is criticised.
  const landlordDirected =
    LANDLORD_DIRECTED.some((cue) => cues.has(cue)) ||
    ((cues.has('staff_conduct') || cues.has('explicit_complaint')) && cues.has('landlord_agent'));
  if (cues.has('asb') && !landlordDirected) score = Math.min(score, 0);
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
    const aboutTheResponse = cues.has('complaint_ref') || cues.has('response_ref');
    // "Not happy with the answer to my complaint, look at it again": the grievance is the
    // response itself, unless the message is about still waiting for one.
    const againstTheResponse =
      cues.has('complaint_ref') &&
      cues.has('response_ref') &&
      cues.has('repetition_weak') &&
      !['waiting', 'inaction', 'broken_promise'].some((cue) => cues.has(cue as CueKind));
    if (
      againstTheResponse ||
      (cues.has('stage2') &&
        (aboutTheResponse || (probabilities.stage2_request ?? 0) > (probabilities.complaint ?? 0)))
    ) {
      candidates.add('stage2_request');
    } else {
      candidates.add('complaint');
    }
  } else if (isUrgent(cues)) {
    // Safety first: whatever else the message says, it is routed as an urgent repair.
    candidates.add('service_request');
  } else {
    if (cues.has('stage2') && cues.has('complaint_ref')) candidates.add('stage2_request');
    const asksAfterTheCase = cues.has('complaint_ref') && (cues.has('chaser') || cues.has('question'));
    if (asksAfterTheCase && !cues.has('complaint_process')) candidates.add('status_check');
    if (cues.has('data_request')) candidates.add('data_request');
    if (cues.has('human')) candidates.add('human');
    if (cues.has('asb')) candidates.add('asb_report');
    if (cues.has('compliment')) candidates.add('compliment');
    if (cues.has('suggestion')) candidates.add('comment');
    // A question that asks for a repair ("can someone come?") is a request, not an enquiry.
    const asksForRepair = cues.has('request') || isUrgent(cues);
    if (cues.has('chaser') || cues.has('complaint_process') || (cues.has('question') && !asksForRepair))
      candidates.add('enquiry');
    // "Is someone coming about the window?" asks after a repair; it does not request one.
    const chasing = cues.has('chaser') && !cues.has('request');
    if ((cues.has('repair') && !chasing) || asksForRepair) candidates.add('service_request');
    if (cues.has('greeting')) candidates.add('other');
    // The more specific reading wins over the general one it contains.
    if (candidates.has('status_check')) candidates.delete('enquiry');
    // "Can I talk to someone?" is a question that asks for a person.
    if (candidates.has('human')) candidates.delete('enquiry');
    // "hello?" is a greeting, not a question about anything; "thanks very much" closes a chat.
    if (candidates.has('other') && analysis.tokens.length <= 3) candidates.delete('enquiry');
    if (candidates.has('other') && analysis.tokens.length <= 4) candidates.delete('compliment');
    // "Please can someone ring me" asks for a person; it is a repair request only if it names one.
    if (candidates.has('human') && !cues.has('repair')) candidates.delete('service_request');
    if (candidates.has('data_request')) ['enquiry', 'service_request'].forEach((i) => candidates.delete(i as Intent));
    if (candidates.has('comment')) {
      candidates.delete('enquiry');
      if (!cues.has('request')) candidates.delete('service_request');
    }
    if (candidates.has('compliment') && !cues.has('request')) candidates.delete('service_request');
  }
  if (candidates.size === 0 && analysis.tokens.every((t) => t.startsWith('emo')))
    return { intent: 'other', cueBacked: true };
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
    const score = (0.05 + (probabilities[intent] ?? 0)) * priority(intent, cues);
    if (score > bestScore) {
      best = intent;
      bestScore = score;
    }
  }
  return { intent: best, cueBacked: true };
}

/** Specific cues outrank general ones: an explicit repair request, a safety risk, a named chaser. */
function priority(intent: Intent, cues: ReadonlySet<CueKind>): number {
  if (intent === 'service_request') return isUrgent(cues) ? 6 : cues.has('request') ? 2.5 : 1;
  // A question about how to complain outranks the neighbour or the repair it mentions.
  if (intent === 'enquiry') return cues.has('complaint_process') ? 3 : cues.has('chaser') ? 2 : 1;
  return INTENT_PRIORITY[intent];
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

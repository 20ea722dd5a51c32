// Naive Bayes over sparse binary features. natural's BayesClassifier (the apparatus
// implementation it wraps) keeps the per-class feature counts; scoring uses those counts as a
// multinomial model with Laplace smoothing in log space. natural's own scoring multiplies only
// present features by count/classTotal, which favours the smallest classes on unseen words.
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier';

const ALPHA = 0.5;
/**
 * Naive Bayes treats overlapping words, stems and bigrams as independent evidence, so its raw
 * posteriors are extreme; dividing the log scores by a temperature keeps them usable as weights.
 */
const TEMPERATURE = 3;

/** The trained counts as plain data: what `data/detection/model.json` ships (see modelSnapshot.ts). */
export interface SparseBayesCounts {
  labels: string[];
  /** Feature names in index order. */
  features: string[];
  /** Examples per label, in `labels` order. */
  classTotals: number[];
  totalExamples: number;
  /** Per label, flat pairs [featureIndex, count, featureIndex, count, ...] of the features seen. */
  counts: number[][];
}

interface ScoringTables {
  logPrior: number[];
  logLikelihood: Float64Array;
  /** Per feature id, the stamp of the last message that had it. */
  seen: Uint32Array;
  /** One message's log scores, then its exponentials; reused from message to message. */
  logs: Float64Array;
}

export class SparseBayes {
  private readonly natural = new BayesClassifier();
  private readonly index = new Map<string, number>();
  private labels: string[] = [];
  /**
   * Log likelihoods feature-major (row = feature, one column per label), so scoring a message reads
   * one short row per feature instead of one far-apart slot in each label's table.
   */
  private tables?: ScoringTables;
  /** Stamp of the message being scored, see knownIds. */
  private stamp = 0;
  /** Set when restored from a snapshot: the counts then live here instead of in natural's model. */
  private restored?: SparseBayesCounts;

  static fromCounts(counts: SparseBayesCounts): SparseBayes {
    const model = new SparseBayes();
    counts.features.forEach((feature, i) => model.index.set(feature, i));
    model.labels = [...counts.labels];
    model.restored = counts;
    return model;
  }

  /** The counts natural's classifier accumulated (or the ones restored), as plain data. */
  toCounts(): SparseBayesCounts {
    if (this.restored) return this.restored;
    const model = this.natural.classifier;
    return {
      labels: [...this.labels],
      features: [...this.index.keys()],
      classTotals: this.labels.map((label) => model.classTotals[label] ?? 0),
      totalExamples: model.totalExamples,
      counts: this.labels.map((label) => {
        const pairs: number[] = [];
        const stored = model.classFeatures[label] ?? {};
        for (const id of Object.keys(stored)
          .map(Number)
          .sort((a, b) => a - b))
          pairs.push(id, stored[id] - model.smoothing);
        return pairs;
      }),
    };
  }

  /** Adds one labelled example; unknown features get the next index. */
  add(features: readonly string[], label: string): void {
    if (this.restored) throw new Error('a model restored from a snapshot cannot be trained further');
    const observation: Record<string, number> = {};
    let i = 0;
    for (const feature of new Set(features)) {
      let id = this.index.get(feature);
      if (id === undefined) {
        id = this.index.size;
        this.index.set(feature, id);
      }
      observation[String(i++)] = id;
    }
    const model = this.natural.classifier;
    model.addExample(observation, label);
    // apparatus counts examples only for dense observations; count sparse ones here.
    model.totalExamples++;
    model.classTotals[label]++;
    if (!this.labels.includes(label)) this.labels.push(label);
    this.tables = undefined;
  }

  private tablesBuilt(): ScoringTables {
    return (this.tables ??= this.build());
  }

  private build(): ScoringTables {
    // apparatus stores 1 + smoothing for a feature's first occurrence, then counts up;
    // toCounts() gives the true counts either way.
    const { labels, classTotals, totalExamples, counts } = this.toCounts();
    const vocabulary = this.index.size;
    const logPrior: number[] = [];
    const width = labels.length;
    const logLikelihood = new Float64Array(vocabulary * width);
    labels.forEach((_, l) => {
      const pairs = counts[l];
      let sum = 0;
      for (let i = 1; i < pairs.length; i += 2) sum += pairs[i];
      const denominator = sum + ALPHA * vocabulary;
      const unseen = Math.log(ALPHA / denominator);
      for (let f = 0; f < vocabulary; f++) logLikelihood[f * width + l] = unseen;
      for (let i = 0; i < pairs.length; i += 2)
        logLikelihood[pairs[i] * width + l] = Math.log((pairs[i + 1] + ALPHA) / denominator);
      logPrior.push(Math.log((classTotals[l] || 1) / totalExamples));
    });
    return { logPrior, logLikelihood, seen: new Uint32Array(vocabulary), logs: new Float64Array(width) };
  }

  /** Posterior probability of each label (softmax of the log scores). */
  probabilities(features: readonly string[]): Record<string, number> {
    return this.probabilitiesOfIds(this.knownIds(features));
  }

  /** Ids of the features this model has seen, each once, in order of first appearance. */
  knownIds(features: readonly string[]): number[] {
    const tables = this.tablesBuilt();
    // A stamp per message marks the ids already taken: no Set to build for every message.
    if (this.stamp === 0xffffffff) {
      tables.seen.fill(0);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    const ids: number[] = [];
    for (const feature of features) {
      const id = this.index.get(feature);
      if (id !== undefined && tables.seen[id] !== stamp) {
        tables.seen[id] = stamp;
        ids.push(id);
      }
    }
    return ids;
  }

  /** Posteriors from `knownIds` (this model's ids, no repeats). */
  probabilitiesOfIds(ids: readonly number[]): Record<string, number> {
    const tables = this.tablesBuilt();
    // Same additions in the same order per label as a table per label, so identical scores.
    const width = this.labels.length;
    const logs = tables.logs;
    for (let l = 0; l < width; l++) logs[l] = tables.logPrior[l];
    const table = tables.logLikelihood;
    for (const id of ids) {
      const row = id * width;
      for (let l = 0; l < width; l++) logs[l] += table[row + l];
    }
    let max = -Infinity;
    for (let l = 0; l < width; l++) max = Math.max(max, logs[l]);
    let sum = 0;
    for (let l = 0; l < width; l++) {
      logs[l] = Math.exp((logs[l] - max) / TEMPERATURE);
      sum += logs[l];
    }
    const out: Record<string, number> = {};
    for (let l = 0; l < width; l++) out[this.labels[l]] = logs[l] / sum;
    return out;
  }

  /** True when both models number the same features the same way (trained on the same messages). */
  hasSameVocabulary(other: SparseBayes): boolean {
    if (other.index.size !== this.index.size) return false;
    for (const [feature, id] of this.index) if (other.index.get(feature) !== id) return false;
    return true;
  }

  get featureCount(): number {
    return this.index.size;
  }
}

/**
 * A detector's intent and dissatisfied models, scored together. Both are trained on the same
 * messages, so they number their features alike: a message's features are then looked up once.
 */
export class ModelPair {
  private checkedSizes = '';
  private sameVocabulary = false;

  constructor(
    readonly intent: SparseBayes,
    readonly dissatisfied: SparseBayes,
  ) {}

  probabilities(features: readonly string[]): { intent: Record<string, number>; dissatisfied: Record<string, number> } {
    const intentIds = this.intent.knownIds(features);
    const dissatisfiedIds = this.numbersAlike() ? intentIds : this.dissatisfied.knownIds(features);
    return {
      intent: this.intent.probabilitiesOfIds(intentIds),
      dissatisfied: this.dissatisfied.probabilitiesOfIds(dissatisfiedIds),
    };
  }

  // Compared once, and again only if either model has learnt new features since.
  private numbersAlike(): boolean {
    const sizes = `${this.intent.featureCount}/${this.dissatisfied.featureCount}`;
    if (sizes !== this.checkedSizes) {
      this.sameVocabulary = this.intent.hasSameVocabulary(this.dissatisfied);
      this.checkedSizes = sizes;
    }
    return this.sameVocabulary;
  }
}

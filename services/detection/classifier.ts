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

export class SparseBayes {
  private readonly natural = new BayesClassifier();
  private readonly index = new Map<string, number>();
  private labels: string[] = [];
  private tables?: { logPrior: number[]; logLikelihood: Float64Array[] };

  /** Adds one labelled example; unknown features get the next index. */
  add(features: readonly string[], label: string): void {
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

  private build(): NonNullable<SparseBayes['tables']> {
    const model = this.natural.classifier;
    const vocabulary = this.index.size;
    const logPrior: number[] = [];
    const logLikelihood: Float64Array[] = [];
    for (const label of this.labels) {
      const counts = model.classFeatures[label] ?? {};
      // apparatus stores 1 + smoothing for a feature's first occurrence, then counts up.
      let sum = 0;
      for (const stored of Object.values(counts)) sum += stored - model.smoothing;
      const denominator = sum + ALPHA * vocabulary;
      const table = new Float64Array(vocabulary).fill(Math.log(ALPHA / denominator));
      for (const [id, stored] of Object.entries(counts))
        table[Number(id)] = Math.log((stored - model.smoothing + ALPHA) / denominator);
      logLikelihood.push(table);
      logPrior.push(Math.log((model.classTotals[label] ?? 1) / model.totalExamples));
    }
    return { logPrior, logLikelihood };
  }

  /** Posterior probability of each label (softmax of the log scores). */
  probabilities(features: readonly string[]): Record<string, number> {
    const tables = (this.tables ??= this.build());
    const ids: number[] = [];
    for (const feature of new Set(features)) {
      const id = this.index.get(feature);
      if (id !== undefined) ids.push(id);
    }
    const logs = this.labels.map((_, l) => {
      let score = tables.logPrior[l];
      const table = tables.logLikelihood[l];
      for (const id of ids) score += table[id];
      return score;
    });
    const max = Math.max(...logs);
    const exps = logs.map((v) => Math.exp((v - max) / TEMPERATURE));
    const sum = exps.reduce((a, b) => a + b, 0);
    const out: Record<string, number> = {};
    this.labels.forEach((label, i) => (out[label] = exps[i] / sum));
    return out;
  }

  get featureCount(): number {
    return this.index.size;
  }
}

// Naive Bayes over sparse features, trained with natural's BayesClassifier (the apparatus
// implementation it wraps) and scored in log space so long messages do not underflow.
import BayesClassifier = require('natural/lib/natural/classifiers/bayes_classifier');

export class SparseBayes {
  private readonly natural = new BayesClassifier();
  private readonly index = new Map<string, number>();
  private labels: string[] = [];

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
  }

  /** Posterior probability of each label (softmax of the log scores). */
  probabilities(features: readonly string[]): Record<string, number> {
    const model = this.natural.classifier;
    const ids: number[] = [];
    for (const feature of new Set(features)) {
      const id = this.index.get(feature);
      if (id !== undefined) ids.push(id);
    }
    const logs: number[] = this.labels.map((label) => {
      const counts = model.classFeatures[label] ?? {};
      const total = model.classTotals[label] ?? 1;
      let score = Math.log(total / model.totalExamples);
      for (const id of ids) score += Math.log((counts[id] ?? model.smoothing) / total);
      return score;
    });
    const max = Math.max(...logs);
    const exps = logs.map((l) => Math.exp(l - max));
    const sum = exps.reduce((a, b) => a + b, 0);
    const out: Record<string, number> = {};
    this.labels.forEach((label, i) => (out[label] = exps[i] / sum));
    return out;
  }

  get featureCount(): number {
    return this.index.size;
  }

  /** natural's own scoring, for checking that the log-space scorer ranks labels the same way. */
  naturalRanking(features: readonly string[]): string[] {
    const observation: Record<string, number> = {};
    let i = 0;
    for (const feature of new Set(features)) {
      const id = this.index.get(feature);
      if (id !== undefined) observation[String(i++)] = id;
    }
    return this.natural.classifier.getClassifications(observation).map((c) => c.label);
  }
}

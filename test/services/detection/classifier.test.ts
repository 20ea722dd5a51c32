import { ModelPair, SparseBayes } from '../../../services/detection/classifier';

describe('SparseBayes (natural Bayes counts, multinomial scoring)', () => {
  const model = new SparseBayes();
  for (let i = 0; i < 5; i++) {
    model.add(['w:broken', 'w:boiler', `w:noise${i}`], 'repair');
    model.add(['w:thanks', 'w:lovely', `w:noise${i}`], 'praise');
  }
  model.add(['w:broken', 'w:lovely'], 'repair');

  it('gives probabilities that sum to one', () => {
    const p = model.probabilities(['w:broken', 'w:thanks']);
    expect(p.repair + p.praise).toBeCloseTo(1, 10);
  });

  it('prefers the label whose words the message shares', () => {
    expect(model.probabilities(['w:broken', 'w:boiler']).repair).toBeGreaterThan(0.5);
    expect(model.probabilities(['w:thanks', 'w:lovely']).praise).toBeGreaterThan(0.5);
  });

  it('ignores features it has never seen', () => {
    expect(model.probabilities(['w:zebra'])).toEqual(model.probabilities([]));
  });
});

describe('ModelPair (two models scored together)', () => {
  function trained(examples: Array<[string[], string]>): SparseBayes {
    const model = new SparseBayes();
    for (const [features, label] of examples) model.add(features, label);
    return model;
  }
  const messages: Array<[string[], string, string]> = [
    [['w:broken', 'w:boiler', 'w:again'], 'repair', 'yes'],
    [['w:thanks', 'w:lovely'], 'praise', 'no'],
    [['w:boiler', 'w:fixed', 'w:thanks'], 'praise', 'no'],
    [['w:still', 'w:broken', 'w:again'], 'repair', 'yes'],
  ];
  const probe = ['w:broken', 'w:thanks', 'w:broken', 'w:zebra', 'w:again'];

  it('gives each model’s own probabilities when both number features alike', () => {
    const intent = trained(messages.map(([f, label]) => [f, label]));
    const dissatisfied = trained(messages.map(([f, , yes]) => [f, yes]));
    expect(intent.hasSameVocabulary(dissatisfied)).toBe(true);
    const both = new ModelPair(intent, dissatisfied).probabilities(probe);
    expect(both.intent).toEqual(intent.probabilities(probe));
    expect(both.dissatisfied).toEqual(dissatisfied.probabilities(probe));
  });

  it('looks features up in each model when they number them differently', () => {
    const intent = trained(messages.map(([f, label]) => [f, label]));
    // The same examples in reverse order: the same features under other ids.
    const dissatisfied = trained([...messages].reverse().map(([f, , yes]) => [f, yes]));
    expect(intent.hasSameVocabulary(dissatisfied)).toBe(false);
    const both = new ModelPair(intent, dissatisfied).probabilities(probe);
    expect(both.intent).toEqual(intent.probabilities(probe));
    expect(both.dissatisfied).toEqual(dissatisfied.probabilities(probe));
  });

  it('counts a repeated feature once, as a set of features', () => {
    const model = trained(messages.map(([f, label]) => [f, label]));
    expect(model.probabilities(['w:broken', 'w:broken', 'w:thanks'])).toEqual(
      model.probabilities(['w:broken', 'w:thanks']),
    );
  });
});

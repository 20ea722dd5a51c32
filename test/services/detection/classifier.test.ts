import { SparseBayes } from '../../../services/detection/classifier';

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

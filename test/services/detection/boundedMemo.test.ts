import { BoundedMemo } from '../../../services/detection/boundedMemo';
import { PorterStemmer, stem } from '../../../services/detection/text';

describe('BoundedMemo', () => {
  it('returns what the function returns and computes each key once', () => {
    const calls: string[] = [];
    const memo = new BoundedMemo<number>(10);
    const length = (key: string) => {
      calls.push(key);
      return key.length;
    };
    expect(memo.get('boiler', length)).toBe(6);
    expect(memo.get('boiler', length)).toBe(6);
    expect(memo.get('tap', length)).toBe(3);
    expect(calls).toEqual(['boiler', 'tap']);
  });

  it('remembers null answers too', () => {
    let calls = 0;
    const memo = new BoundedMemo<number | null>(10);
    const nothing = () => {
      calls++;
      return null;
    };
    expect(memo.get('x', nothing)).toBeNull();
    expect(memo.get('x', nothing)).toBeNull();
    expect(calls).toBe(1);
  });

  it('never holds more entries than its limit, and still answers correctly after emptying', () => {
    const memo = new BoundedMemo<string>(3);
    const upper = (key: string) => key.toUpperCase();
    for (const key of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) {
      expect(memo.get(key, upper)).toBe(key.toUpperCase());
      expect(memo.size).toBeLessThanOrEqual(3);
    }
    expect(memo.get('a', upper)).toBe('A');
  });

  it('refuses a limit below one', () => {
    expect(() => new BoundedMemo<string>(0)).toThrow(/at least 1/);
  });
});

describe('stem (memoised)', () => {
  it('gives natural’s Porter stems for English words, the first and every later time', () => {
    const words = ['complaining', 'repairs', 'promised', 'engineers', 'happened', 'ceilings'];
    for (let round = 0; round < 2; round++)
      for (const word of words) expect(stem(word, 'en')).toBe(PorterStemmer.stem(word));
  });

  it('keeps languages apart: the same token stems by its own language', () => {
    expect(stem('ceilings', 'en')).toBe(PorterStemmer.stem('ceilings'));
    expect(stem('ceilings', 'pl')).toBe('ceili'); // no Polish stemmer: the first five letters
    expect(stem('ceilings', 'en')).toBe(PorterStemmer.stem('ceilings'));
  });
});

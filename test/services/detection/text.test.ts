import { expandSms } from '../../../services/detection/text';
import { sharedDetector } from './helpers';

describe('expandSms', () => {
  it('expands SMS spellings', () => {
    expect(expandSms(['pls', 'call', 'u', 'b4', 'x'])).toEqual(['please', 'call', 'you', 'before']);
  });

  it('leaves words that are also names on Object.prototype alone', () => {
    expect(expandSms(['the', 'constructor', 'never', 'came'])).toEqual(['the', 'constructor', 'never', 'came']);
  });
});

describe('detection of a message with such a word', () => {
  it('answers instead of throwing', () => {
    const detection = sharedDetector().detect('the constructor never came back');
    expect(detection.language).toBe('en');
    expect(detection.dissatisfied).toBe(true);
  });
});

import { measureDetectionSpeed } from '../../../services/detection/benchmark';
import type { Detector } from '../../../services/detection/types';
import { sharedDetector } from './helpers';

describe('measureDetectionSpeed', () => {
  it('reports throughput and p99 for the messages it was given', () => {
    const speed = measureDetectionSpeed(sharedDetector(), ['the tap is dripping', 'nobody came again'], {
      iterations: 2,
      warmup: 2,
    });
    expect(speed.messages).toBe(4);
    expect(speed.messagesPerSec).toBeGreaterThan(0);
    expect(speed.p99Ms).toBeGreaterThanOrEqual(0);
  });

  it('warms up with one full pass over the messages by default, and times only the iterations', () => {
    const seen: string[] = [];
    const counting: Detector = {
      detect(text) {
        seen.push(text);
        return { intent: 'other', dissatisfied: false, confidence: 0.5, language: 'en', flags: [] };
      },
    };
    const messages = Array.from({ length: 250 }, (_, i) => `message ${i}`);
    const speed = measureDetectionSpeed(counting, messages, { iterations: 2 });
    expect(speed.messages).toBe(500);
    expect(seen).toHaveLength(750);
    expect(seen.slice(0, 250)).toEqual(messages);
  });

  it('refuses an empty message list', () => {
    expect(() => measureDetectionSpeed(sharedDetector(), [])).toThrow(/at least one message/);
  });
});

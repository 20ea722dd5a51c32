import { measureDetectionSpeed } from '../../../services/detection/benchmark';
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

  it('refuses an empty message list', () => {
    expect(() => measureDetectionSpeed(sharedDetector(), [])).toThrow(/at least one message/);
  });
});

// Throughput and tail latency of a detector on one process, for `npm run bench` and eval:detect.
import { performance } from 'node:perf_hooks';
import type { Detector } from './types';

export interface DetectionSpeed {
  messagesPerSec: number;
  p99Ms: number;
  messages: number;
}

export function measureDetectionSpeed(
  detector: Detector,
  messages: readonly string[],
  options: { iterations?: number; warmup?: number } = {},
): DetectionSpeed {
  if (messages.length === 0) throw new Error('measureDetectionSpeed needs at least one message');
  const iterations = Math.max(1, options.iterations ?? 3);
  // Steady-state throughput: by default one full pass first, so every message's code paths and
  // regular expressions are compiled before timing (200 messages left much of the JIT warm-up inside
  // the timed passes and understated warm throughput by a third).
  const warmup = options.warmup ?? messages.length;
  for (let i = 0; i < warmup; i++) detector.detect(messages[i % messages.length]);

  const timings: number[] = [];
  const started = performance.now();
  for (let round = 0; round < iterations; round++) {
    for (const message of messages) {
      const t0 = performance.now();
      detector.detect(message);
      timings.push(performance.now() - t0);
    }
  }
  const elapsed = performance.now() - started;
  timings.sort((a, b) => a - b);
  const p99 = timings[Math.min(timings.length - 1, Math.floor(timings.length * 0.99))];
  return {
    messagesPerSec: Math.round((timings.length / elapsed) * 1000),
    p99Ms: Math.round(p99 * 1000) / 1000,
    messages: timings.length,
  };
}

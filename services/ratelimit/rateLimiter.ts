// Fixed-window rate limiting in MongoDB, shared by every app instance. Each hit inserts a numbered
// slot under a unique _id (see models/rateLimitCounter.ts for why not $inc).
import { createHash } from 'node:crypto';
import type { Model } from 'mongoose';
import type { RateLimitCounterDoc } from '../../models/rateLimitCounter';

export interface RateLimitModels {
  RateLimitCounter: Model<RateLimitCounterDoc>;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Hits left in this window after this one (0 when refused). */
  remaining: number;
  /** Milliseconds until the window ends (0 when allowed). */
  retryAfterMs: number;
  /** True only for the first refused hit of a window: answer it once, stay quiet after. */
  firstRefusal: boolean;
}

export interface RateLimiter {
  readonly name: string;
  readonly limit: number;
  hit(key: string, now?: Date): Promise<RateLimitDecision>;
}

export interface RateLimiterOptions {
  models: RateLimitModels;
  /** Short stable name, e.g. 'sms-inbound'; counters of different limiters never mix. */
  name: string;
  /** Hits allowed per window. */
  limit: number;
  windowMs: number;
}

export function createRateLimiter(opts: RateLimiterOptions): RateLimiter {
  if (!Number.isInteger(opts.limit) || opts.limit < 0) throw new Error(`rate limiter ${opts.name}: limit must be a whole number >= 0`);
  if (!(opts.windowMs > 0)) throw new Error(`rate limiter ${opts.name}: windowMs must be > 0`);
  return {
    name: opts.name,
    limit: opts.limit,
    async hit(key: string, now = new Date()): Promise<RateLimitDecision> {
      const windowStartMs = Math.floor(now.getTime() / opts.windowMs) * opts.windowMs;
      return countHit(opts.models.RateLimitCounter, opts.name, key, opts.limit, new Date(windowStartMs), new Date(windowStartMs + opts.windowMs), now);
    },
  };
}

/**
 * Counts one hit in the window [start, end) and decides against `limit`. Each hit claims the next
 * free slot number by inserting it under a unique _id (E11000 = someone else took it, try the
 * next). Once slot limit+1 exists the key is refused without writing more. Shared by the daily cap.
 */
export async function countHit(
  counters: Model<RateLimitCounterDoc>,
  limiter: string,
  key: string,
  limit: number,
  windowStart: Date,
  windowEnd: Date,
  now: Date,
): Promise<RateLimitDecision> {
  const keyHash = hashKey(key);
  const refused = (firstRefusal: boolean): RateLimitDecision => ({ allowed: false, remaining: 0, retryAfterMs: Math.max(1, windowEnd.getTime() - now.getTime()), firstRefusal });
  let slot = (await counters.countDocuments({ limiter, key: keyHash, windowStart })) + 1;
  for (;;) {
    if (slot > limit + 1) return refused(false);
    try {
      await counters.create({ _id: `${limiter}:${keyHash}:${windowStart.getTime()}:${slot}`, limiter, key: keyHash, windowStart, slot, expiresAt: windowEnd });
      break;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      slot += 1;
    }
  }
  if (slot === 1) {
    // First hit of a window: sweep this limiter's windows that have ended.
    void counters.deleteMany({ limiter, expiresAt: { $lt: now } }).catch(() => undefined);
  }
  if (slot > limit) return refused(true);
  return { allowed: true, remaining: limit - slot, retryAfterMs: 0, firstRefusal: false };
}

/** Counter ids carry a hash, never the phone number or user id itself. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 22);
}

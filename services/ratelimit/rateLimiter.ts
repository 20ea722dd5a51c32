// Fixed-window rate limiting in MongoDB, shared by every app instance. Each hit inserts a numbered
// slot under a unique _id (see models/rateLimitCounter.ts for why not $inc).
import { createHash } from 'node:crypto';
import type { Model } from 'mongoose';
import type { RateLimitCounterDoc } from '../../models/rateLimitCounter';
import { rawCollection } from '../../models/rawCollection';

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

// Where this process last saw each key's slots end (`limiter:keyHash:windowStart` → highest slot
// taken), so a hit claims the next slot at once instead of counting the window's slots (a count is a
// whole-collection scan on FerretDB v1). Only a starting point: the unique insert decides, and a
// stale hint (another instance took slots since) costs one failed insert per slot it missed.
const slotHints = new WeakMap<Model<RateLimitCounterDoc>, Map<string, { slot: number; endMs: number }>>();
const MAX_HINTS = 20_000;

function hintsFor(counters: Model<RateLimitCounterDoc>, nowMs: number): Map<string, { slot: number; endMs: number }> {
  let hints = slotHints.get(counters);
  if (!hints) {
    hints = new Map();
    slotHints.set(counters, hints);
  }
  if (hints.size > MAX_HINTS) {
    for (const [k, v] of hints) if (v.endMs <= nowMs) hints.delete(k);
    if (hints.size > MAX_HINTS) hints.clear();
  }
  return hints;
}

/**
 * Counts one hit in the window [start, end) and decides against `limit`. Each hit claims the next
 * free slot number by inserting it under a unique _id (E11000 = someone else took it, try the
 * next). Once slot limit+1 exists the key is refused without writing more. Shared by the daily cap.
 * Ended windows are deleted by the sweep job (sweepExpiredRateLimits), not here.
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
  const hints = hintsFor(counters, now.getTime());
  const hintKey = `${limiter}:${keyHash}:${windowStart.getTime()}`;
  let slot = (hints.get(hintKey)?.slot ?? 0) + 1;
  for (;;) {
    if (slot > limit + 1) return refused(false);
    try {
      await rawCollection(counters).insertOne({ _id: `${hintKey}:${slot}`, limiter, key: keyHash, windowStart, slot, expiresAt: windowEnd });
      break;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      slot += 1;
    }
  }
  const known = hints.get(hintKey)?.slot ?? 0;
  if (slot > known) hints.set(hintKey, { slot, endMs: windowEnd.getTime() });
  if (slot > limit) return refused(true);
  return { allowed: true, remaining: limit - slot, retryAfterMs: 0, firstRefusal: false };
}

/** Deletes the slots of every window that has ended (all limiters); returns how many. */
export async function sweepExpiredRateLimits(counters: Model<RateLimitCounterDoc>, now = new Date()): Promise<number> {
  return (await counters.deleteMany({ expiresAt: { $lt: now } })).deletedCount;
}

/** Counter ids carry a hash, never the phone number or user id itself. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 22);
}

// The public token route's limit (the one Direct Line route without auth), per client address.
// It uses the shared slot limiter (services/ratelimit): each request inserts a numbered slot under a
// unique _id, so the limit holds across app instances. An earlier version kept one counter per
// window with findOneAndUpdate + $inc, which FerretDB v1 runs as read-then-write: concurrent
// requests on two instances were all let through (found by the two-instance burst test under load).
import type { Model } from 'mongoose';
import type { RateLimitCounterDoc } from '../../models/rateLimitCounter';
import { countHit } from '../../services/ratelimit/rateLimiter';

export interface RateLimitOptions {
  max: number;
  windowMs: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the current window ends. */
  retryAfterSeconds: number;
}

export async function takeFromWindow(counters: Model<RateLimitCounterDoc>, key: string, opts: RateLimitOptions, now = new Date()): Promise<RateDecision> {
  const windowStartMs = Math.floor(now.getTime() / opts.windowMs) * opts.windowMs;
  const windowEnd = new Date(windowStartMs + opts.windowMs);
  const decision = await countHit(counters, 'webchat-token', key, opts.max, new Date(windowStartMs), windowEnd, now);
  const retryAfterSeconds = Math.max(1, Math.ceil((windowEnd.getTime() - now.getTime()) / 1000));
  return { allowed: decision.allowed, retryAfterSeconds };
}

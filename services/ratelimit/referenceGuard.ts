// Limits case-reference lookups per sender, so references cannot be guessed by enumeration.
// Every lookup counts (a tenant checking their own case a few times an hour is far below it);
// a refusal is logged as a security event with a hashed sender, never the phone or user id.
import type { Logger } from '../logging/logger';
import { createRateLimiter, hashKey, RateLimitDecision, RateLimitModels } from './rateLimiter';

export interface ReferenceGuardOptions {
  models: RateLimitModels;
  logger: Logger;
  /** Lookups allowed per window. Default 10 per hour. */
  limit?: number;
  windowMs?: number;
}

export interface ReferenceGuard {
  /** Call before looking a reference up for `senderKey` (e.g. `sms:+447…`, `webchat:<userId>`). */
  allowLookup(senderKey: string, now?: Date): Promise<RateLimitDecision>;
}

export function createReferenceGuard(opts: ReferenceGuardOptions): ReferenceGuard {
  const limiter = createRateLimiter({ models: opts.models, name: 'reference-lookup', limit: opts.limit ?? 10, windowMs: opts.windowMs ?? 60 * 60 * 1000 });
  return {
    async allowLookup(senderKey, now) {
      const decision = await limiter.hit(senderKey, now);
      if (!decision.allowed) {
        opts.logger.warn({ event: 'reference_lookup_rate_limited', sender: hashKey(senderKey), retryAfterMs: decision.retryAfterMs }, 'case reference lookups rate-limited (possible guessing)');
      }
      return decision;
    },
  };
}

export { createRateLimiter, hashKey, sweepExpiredRateLimits } from './rateLimiter';
export { scheduleRateLimitSweep, RATE_LIMIT_SWEEP_JOB } from './sweepJob';
export type { RateLimiter, RateLimiterOptions, RateLimitDecision, RateLimitModels } from './rateLimiter';
export { createInboundGuard, DEFAULT_PER_SENDER, strictestDailyCap } from './inboundGuard';
export type { InboundGuard, InboundGuardOptions, InboundDecision } from './inboundGuard';
export { createReferenceGuard } from './referenceGuard';
export type { ReferenceGuard, ReferenceGuardOptions } from './referenceGuard';
export { londonDayBounds } from './londonDay';

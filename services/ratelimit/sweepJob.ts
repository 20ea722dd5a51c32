// Rate-limit slots of ended windows are deleted by one scheduler job for every instance, instead
// of a sweep on the first hit of each window (a whole-collection scan per new window on FerretDB v1).
import type { Model } from 'mongoose';
import type { RateLimitCounterDoc } from '../../models/rateLimitCounter';
import type { Logger } from '../logging/logger';
import type { Scheduler } from '../scheduler/types';
import { sweepExpiredRateLimits } from './rateLimiter';

export const RATE_LIMIT_SWEEP_JOB = 'rate-limit-sweep';

export async function scheduleRateLimitSweep(opts: {
  scheduler: Scheduler;
  models: { RateLimitCounter: Model<RateLimitCounterDoc> };
  logger: Logger;
  everyMs?: number;
  firstRunAt?: Date;
}): Promise<void> {
  const everyMs = opts.everyMs ?? 10 * 60 * 1000;
  opts.scheduler.define(RATE_LIMIT_SWEEP_JOB, async () => {
    const deleted = await sweepExpiredRateLimits(opts.models.RateLimitCounter);
    opts.logger.debug({ job: RATE_LIMIT_SWEEP_JOB, deleted }, 'ended rate-limit windows swept');
  });
  await opts.scheduler.schedule(RATE_LIMIT_SWEEP_JOB, opts.firstRunAt ?? new Date(Date.now() + everyMs), {}, { uniqueKey: RATE_LIMIT_SWEEP_JOB, repeatEveryMs: everyMs });
}

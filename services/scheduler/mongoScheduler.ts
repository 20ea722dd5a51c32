// The Scheduler contract (./types.ts) over MongoDB: jobs live in `jobs`, any number of app
// instances poll the same collection, and each occurrence of a job runs once.
//
// Why not agenda: agenda claims with findOneAndUpdate and a lock field, which FerretDB v1 runs as
// read-then-write (two instances can both "win", measured by H4, see CONTRIBUTING.md); it also
// brings its own MongoDB driver and connection. Here the decision "this instance runs attempt N of
// this occurrence" is an insert under a unique _id (JobClaim), the one write FerretDB v1 makes
// atomic. The job's lockedUntil/lockedBy are still written, as a cheap filter and for people
// reading the collection, but correctness never depends on them.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Logger } from 'pino';
import type { Model } from 'mongoose';
import type { JobClaimDoc, JobDoc, JobHistoryDoc } from '../../models/job';
import type { JobData, JobHandler, ScheduleOptions, Scheduler } from './types';

export interface MongoSchedulerOptions {
  models: { Job: Model<JobDoc>; JobClaim: Model<JobClaimDoc>; JobHistory: Model<JobHistoryDoc> };
  logger: Logger;
  /** How often the poller looks for due jobs (default 5 s: each poll is a collection scan on FerretDB v1). */
  pollIntervalMs?: number;
  /** How long a claimed attempt is presumed alive; after that another instance may retry it (default 5 min). */
  leaseMs?: number;
  /** Attempts per occurrence before it is marked failed (default 5). */
  maxAttempts?: number;
  /** Back-off before retry N is base × 2^(N-1), capped at 1 h (default base 10 s). */
  retryBaseMs?: number;
  /** Jobs claimed per poll at most (default 50). */
  batchSize?: number;
  instanceId?: string;
  clock?: () => Date;
}

const MAX_BACKOFF_MS = 60 * 60 * 1000;
/** Claims of finished occurrences are kept this long so that a stale read can never re-run them. */
const CLAIM_RETENTION_MS = 24 * 60 * 60 * 1000;

export function createMongoScheduler(options: MongoSchedulerOptions): Scheduler {
  const { Job, JobClaim, JobHistory } = options.models;
  const logger = options.logger;
  const pollIntervalMs = options.pollIntervalMs ?? 5000;
  const leaseMs = options.leaseMs ?? 5 * 60 * 1000;
  const maxAttempts = options.maxAttempts ?? 5;
  const retryBaseMs = options.retryBaseMs ?? 10_000;
  const batchSize = options.batchSize ?? 50;
  const instanceId = options.instanceId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const clock = options.clock ?? (() => new Date());

  const handlers = new Map<string, JobHandler>();
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<unknown> | undefined;
  let stopped = false;
  let lastClaimCleanup = 0;

  function jobIdFor(uniqueKey: string | undefined): string {
    return uniqueKey ? `key:${uniqueKey}` : randomUUID();
  }

  async function schedule(name: string, runAt: Date, data: JobData = {}, opts: ScheduleOptions = {}): Promise<void> {
    if (Number.isNaN(runAt.getTime())) throw new Error(`schedule(${name}): runAt is not a valid date`);
    if (opts.repeatEveryMs !== undefined && !(opts.repeatEveryMs > 0)) throw new Error(`schedule(${name}): repeatEveryMs must be > 0`);
    const now = clock();
    const _id = jobIdFor(opts.uniqueKey);
    // A one-off job that already ran stays finished (scheduling the same reminder twice must not send it twice).
    if (opts.uniqueKey && !opts.repeatEveryMs && (await JobHistory.exists({ _id })) !== null) return;
    const doc: JobDoc = {
      _id, name, data, runAt, occurrenceAt: runAt, status: 'pending', attempts: 0,
      lockedUntil: null, lockedBy: null, createdAt: now, updatedAt: now,
      ...(opts.uniqueKey ? { uniqueKey: opts.uniqueKey } : {}),
      ...(opts.repeatEveryMs ? { repeatEveryMs: opts.repeatEveryMs } : {}),
    };
    try {
      await Job.collection.insertOne(doc as never);
      return;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000 || !opts.uniqueKey) throw err;
    }
    // The key exists: the later schedule wins while the job has not run yet.
    await Job.updateOne(
      { _id, status: 'pending' },
      {
        $set: {
          name, data, runAt, occurrenceAt: runAt, attempts: 0, updatedAt: now,
          ...(opts.repeatEveryMs ? { repeatEveryMs: opts.repeatEveryMs } : {}),
        },
      },
    );
  }

  async function cancel(uniqueKey: string): Promise<void> {
    await Job.deleteOne({ _id: jobIdFor(uniqueKey) });
  }

  /** Inserts the claim for one attempt; true when this instance won it. */
  async function claim(key: string, jobId: string, now: Date): Promise<boolean> {
    try {
      await JobClaim.collection.insertOne({ _id: key, jobId, instanceId, at: now } as never);
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return false;
      throw err;
    }
  }

  /**
   * Finds the attempt number this instance may run for the job's current occurrence, or null.
   * The job's `attempts` is a hint (an update may have been lost); claims are the truth: an
   * attempt whose claim is older than the lease belongs to an instance that died.
   */
  async function claimNextAttempt(job: JobDoc, now: Date): Promise<number | null> {
    const base = `${job._id}|${job.occurrenceAt.getTime()}|`;
    for (let attempt = job.attempts + 1; attempt <= maxAttempts + 1; attempt += 1) {
      if (attempt > maxAttempts) return attempt; // caller marks the occurrence failed
      if (await claim(base + attempt, job._id, now)) return attempt;
      const existing = await JobClaim.findById(base + attempt).lean();
      if (existing && existing.at.getTime() + leaseMs > now.getTime()) return null; // running elsewhere
    }
    return null;
  }

  async function occurrenceFinished(job: JobDoc): Promise<boolean> {
    return (await JobClaim.exists({ _id: `${job._id}|${job.occurrenceAt.getTime()}|done` })) !== null;
  }

  /**
   * Records that the current occurrence is over (succeeded or out of attempts). A one-off job moves
   * to job_history; a repeating job gets its next occurrence (also after a failure: a periodic scan
   * must not stop for good). Guarded by the occurrence, so a job rescheduled meanwhile stays due.
   */
  async function finishOccurrence(job: JobDoc, now: Date, status: 'done' | 'failed', attempts: number, lastError?: string): Promise<void> {
    const guard = { _id: job._id, occurrenceAt: job.occurrenceAt };
    if (!job.repeatEveryMs) {
      const history: JobHistoryDoc = {
        _id: job._id, name: job.name, status, attempts, runAt: job.occurrenceAt, finishedAt: now,
        ...(job.uniqueKey ? { uniqueKey: job.uniqueKey } : {}),
        ...(lastError ? { lastError } : {}),
      };
      await JobHistory.replaceOne({ _id: job._id }, history, { upsert: true });
      await Job.deleteOne(guard);
      return;
    }
    let next = job.occurrenceAt.getTime() + job.repeatEveryMs;
    if (next <= now.getTime()) next = now.getTime() + job.repeatEveryMs;
    await Job.updateOne(guard, {
      $set: {
        status: 'pending', runAt: new Date(next), occurrenceAt: new Date(next), attempts: 0, lockedUntil: null, lockedBy: null,
        lastRunAt: now, updatedAt: now, ...(lastError ? { lastError } : {}),
      },
    });
  }

  async function runOne(job: JobDoc, now: Date, fixedNow: boolean): Promise<boolean> {
    // Tests pass a fixed `now` to runDue; otherwise outcomes are stamped when the handler ends.
    const finishedAt = () => (fixedNow ? now : clock());
    const handler = handlers.get(job.name);
    if (!handler) return false; // another instance (or version) knows this job
    const attempt = await claimNextAttempt(job, now);
    if (attempt === null) return false;
    // Only this occurrence's own claims guard the job document update (runAt may have moved).
    const guard = { _id: job._id, occurrenceAt: job.occurrenceAt };
    if (await occurrenceFinished(job)) {
      // It ran, but the job document missed the news (lost update): record it and move on.
      await finishOccurrence(job, now, 'done', job.attempts);
      return false;
    }
    if (attempt > maxAttempts) {
      logger.error({ job: job.name, jobId: job._id, attempts: maxAttempts }, 'scheduled job failed: out of attempts');
      await finishOccurrence(job, now, 'failed', maxAttempts, job.lastError);
      return false;
    }
    await Job.updateOne(guard, {
      $set: { lockedUntil: new Date(now.getTime() + leaseMs), lockedBy: instanceId, attempts: attempt, updatedAt: now },
    });
    try {
      await handler(job.data ?? {}, { name: job.name, runAt: job.occurrenceAt, attempts: attempt });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const at = finishedAt();
      if (attempt >= maxAttempts) {
        logger.error({ job: job.name, jobId: job._id, attempt, err: message }, 'scheduled job failed: out of attempts');
        await JobClaim.collection.insertOne({ _id: `${job._id}|${job.occurrenceAt.getTime()}|done`, jobId: job._id, instanceId, at } as never).catch(() => undefined);
        await finishOccurrence(job, at, 'failed', attempt, message);
      } else {
        const backoff = Math.min(retryBaseMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);
        logger.warn({ job: job.name, jobId: job._id, attempt, retryInMs: backoff, err: message }, 'scheduled job failed; will retry');
        await Job.updateOne(guard, {
          $set: { runAt: new Date(at.getTime() + backoff), attempts: attempt, lastError: message, lockedUntil: null, lockedBy: null, updatedAt: at },
        });
      }
      return true;
    }
    const at = finishedAt();
    // The done marker first: even if the job update below is lost, no instance re-runs this occurrence.
    await JobClaim.collection.insertOne({ _id: `${job._id}|${job.occurrenceAt.getTime()}|done`, jobId: job._id, instanceId, at } as never).catch((err: { code?: number }) => {
      if (err.code !== 11000) throw err;
    });
    await finishOccurrence(job, at, 'done', attempt);
    return true;
  }

  async function cleanupClaims(now: Date): Promise<void> {
    if (now.getTime() - lastClaimCleanup < 60 * 60 * 1000) return;
    lastClaimCleanup = now.getTime();
    await JobClaim.deleteMany({ at: { $lt: new Date(now.getTime() - CLAIM_RETENTION_MS) } });
  }

  async function runDue(nowArg?: Date): Promise<number> {
    const now = nowArg ?? clock();
    const names = [...handlers.keys()];
    if (names.length === 0) return 0;
    const due = await Job.find({
      status: 'pending',
      runAt: { $lte: now },
      name: { $in: names },
      $or: [{ lockedUntil: null }, { lockedUntil: { $lte: now } }],
    })
      .sort({ runAt: 1 })
      .limit(batchSize)
      .lean<JobDoc[]>();
    let ran = 0;
    for (const job of due) {
      if (stopped && !nowArg) break;
      try {
        if (await runOne(job, now, nowArg !== undefined)) ran += 1;
      } catch (err) {
        // A database hiccup on one job must not stop the others; the job is retried next poll.
        logger.error({ job: job.name, jobId: job._id, err: err instanceof Error ? err.message : String(err) }, 'scheduler could not run job');
      }
    }
    await cleanupClaims(now).catch(() => undefined);
    return ran;
  }

  function tick(): void {
    if (polling || stopped) return;
    polling = runDue()
      .catch((err) => logger.error({ err: err instanceof Error ? err.message : String(err) }, 'scheduler poll failed'))
      .finally(() => {
        polling = undefined;
      });
  }

  return {
    define(name, handler) {
      handlers.set(name, handler);
    },
    schedule,
    cancel,
    start() {
      if (timer) return;
      stopped = false;
      timer = setInterval(tick, pollIntervalMs);
      timer.unref();
      setImmediate(tick).unref();
      logger.info({ instanceId, pollIntervalMs }, 'scheduler started');
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      // Waits for the job that is running now; the rest stay due for the next instance.
      await polling;
    },
    runDue,
  };
}

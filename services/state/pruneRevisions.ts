// Old state revisions, pruned in the background rather than on a tenant's turn. On FerretDB v1 a
// delete decodes the whole collection whatever its filter, so one sweep (one read of the keys and
// revisions, then a few batched deletes) replaces two collection rewrites every 16 turns per key,
// which slowed every turn as the collection grew (README "Scheduler and benchmark").
// Safe with writers running: only revisions below the key's latest checkpoint (minus `keep`) go,
// so a writer holding a long-stale eTag still finds a checkpoint past its revision and gets a
// conflict (services/state/stateStore.ts, write), and the latest revision is never touched. Only
// revisions older than STATE_PRUNE_MIN_AGE_MS go: a writer whose read is younger than
// FRESH_READ_MS then knows the revision after its own cannot have been pruned, and skips a probe.
import type { Model } from 'mongoose';
import type { BotStateDoc } from '../../models/botState';
import { rawCollection } from '../../models/rawCollection';
import type { Scheduler } from '../scheduler/types';
import type { Logger } from '../logging/logger';
import { FRESH_READ_MS } from './stateStore';

export const STATE_PRUNE_JOB = 'state.pruneRevisions';
export const STATE_PRUNE_EVERY_MS = 60 * 60 * 1000;
/** Revisions younger than this are never pruned: far above FRESH_READ_MS, to allow for clock skew between instances. */
export const STATE_PRUNE_MIN_AGE_MS = 6 * FRESH_READ_MS;

interface RevisionRow {
  _id: string;
  key: string;
  rev: number;
  head?: boolean;
  at: Date;
}

/**
 * Deletes revisions more than `keep` below each key's latest checkpoint and older than `minAgeMs`
 * at `now`; resolves with how many.
 */
export async function pruneStateRevisions(
  docs: Model<BotStateDoc>,
  options: { keep?: number; batchSize?: number; minAgeMs?: number; now?: Date } = {},
): Promise<number> {
  const keep = options.keep ?? 2;
  const batchSize = options.batchSize ?? 5000;
  const cutoff = (options.now ?? new Date()).getTime() - (options.minAgeMs ?? STATE_PRUNE_MIN_AGE_MS);
  const raw = rawCollection(docs);
  const rows = (await raw.find({}, { projection: { _id: 1, key: 1, rev: 1, head: 1, at: 1 } }).toArray()) as unknown as RevisionRow[];
  const checkpointOf = new Map<string, number>();
  for (const r of rows) if (r.head) checkpointOf.set(r.key, Math.max(checkpointOf.get(r.key) ?? 0, r.rev));
  // Checkpoints stay: readers find the latest by probing checkpoints 1, 2, 4 ... so none may go missing.
  const old = rows.filter((r) => !r.head && r.rev < (checkpointOf.get(r.key) ?? 0) - keep && r.at.getTime() < cutoff).map((r) => r._id);
  let deleted = 0;
  for (let i = 0; i < old.length; i += batchSize) {
    deleted += (await raw.deleteMany({ _id: { $in: old.slice(i, i + batchSize) } })).deletedCount;
  }
  return deleted;
}

/** Defines the hourly sweep and schedules it once (one run across instances by its unique key). */
export async function scheduleStatePrune(scheduler: Scheduler, docs: Model<BotStateDoc>, logger: Logger, now = new Date()): Promise<void> {
  scheduler.define(STATE_PRUNE_JOB, async () => {
    const deleted = await pruneStateRevisions(docs);
    if (deleted) logger.info({ deleted }, 'old state revisions pruned');
  });
  await scheduler.schedule(STATE_PRUNE_JOB, new Date(now.getTime() + STATE_PRUNE_EVERY_MS), {}, { uniqueKey: STATE_PRUNE_JOB, repeatEveryMs: STATE_PRUNE_EVERY_MS });
}

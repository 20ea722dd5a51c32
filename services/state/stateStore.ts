// Key/value state with optimistic concurrency, knowing nothing of botbuilder (bots/state wraps it
// as a botbuilder Storage). Each write inserts revision N+1 of a key under the unique _id
// `<key>#<N+1>`; the insert is the one write FerretDB v1 makes atomic, so of two writers holding
// revision N exactly one wins and the other gets StateConflictError. The eTag is the revision.
//
// Every command on the way is `_id`-keyed, because FerretDB v1 decodes the whole collection for any
// other filter (CONTRIBUTING). The latest revision is found by probing `<key>#<h>` and `<key>#<h+1>`
// from a hint h: this process's last known revision of the key, or else the key's latest
// checkpoint: every 16 revisions an insert of `<key>#c<n>` (n = 1, 2, 3 ...) records that the key
// reached revision 16n, found by probing n = 1, 2, 4, 8 ... then halving. Hints are only where to
// start looking; the revision documents in MongoDB are the truth, so several instances agree.
// Nothing on a turn updates or deletes: an unpatched FerretDB v1.24 decodes the whole collection for
// those even by `_id`, and this collection grows with every turn. Old revisions are pruned by a
// background sweep (`pruneStateRevisions` in services/state/pruneRevisions.ts), only below the latest
// checkpoint and only once older than STATE_PRUNE_MIN_AGE_MS.
import type { Model } from 'mongoose';
import type { BotStateDoc } from '../../models/botState';
import { rawCollection } from '../../models/rawCollection';

export interface StoredState {
  value: Record<string, unknown>;
  /** The revision read; pass it back to `write` to write only if nobody wrote since. */
  etag: string;
}

export class StateConflictError extends Error {
  constructor(public readonly key: string) {
    super(`state for "${key}" was changed by another turn (eTag conflict)`);
    this.name = 'StateConflictError';
  }
}

export interface StateStore {
  read(key: string): Promise<StoredState | null>;
  /**
   * `etag` undefined or `*` = last write wins; `0` = create only if absent; otherwise the revision
   * read, and StateConflictError when another write came first. Resolves with the new eTag.
   */
  write(key: string, value: Record<string, unknown>, etag?: string): Promise<string>;
  delete(key: string): Promise<void>;
}

export interface StateStoreOptions {
  /** Every this many revisions (default 16) a checkpoint records how far the key has got. */
  checkpointEvery?: number;
  /** Keys whose latest revision this process remembers (the hints); the oldest are forgotten. */
  maxHints?: number;
  clock?: () => Date;
}

/**
 * A write whose eTag this process read (or wrote) less than this long ago needs no check that the
 * next revision was pruned in between: that revision would be younger than the read, and the sweep
 * leaves revisions younger than STATE_PRUNE_MIN_AGE_MS (a multiple of this) alone. Saves one read
 * on nearly every turn.
 */
export const FRESH_READ_MS = 10 * 60 * 1000;

function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;
}

/** The head document older versions moved on at each checkpoint (still read, never written). */
export function headId(key: string): string {
  return `${key}#head`;
}

export function checkpointId(key: string, n: number): string {
  return `${key}#c${n}`;
}

function revId(key: string, rev: number): string {
  return `${key}#${rev}`;
}

export function createStateStore(docs: Model<BotStateDoc>, options: StateStoreOptions = {}): StateStore {
  const checkpointEvery = options.checkpointEvery ?? 16;
  const maxHints = options.maxHints ?? 50_000;
  const clock = options.clock ?? (() => new Date());
  /** Per key: the latest revision this process knows of, and when it learned that (clock ms). */
  const hints = new Map<string, { rev: number; seenAt: number }>();
  // The driver's collection, not mongoose documents: these run several times per tenant turn, and
  // mongoose's per-document work (hydration, save middleware, casting) was a fifth of the product's
  // CPU under the bench. The documents are simple and written only here.
  const raw = rawCollection(docs);

  function remember(key: string, rev: number): void {
    hints.delete(key);
    hints.set(key, { rev, seenAt: clock().getTime() });
    if (hints.size > maxHints) hints.delete(hints.keys().next().value as string);
  }

  async function byRev(key: string, rev: number): Promise<BotStateDoc | null> {
    return (await raw.findOne({ _id: revId(key, rev) })) as BotStateDoc | null;
  }

  // Keys known to have no `#head` from an older version: this version never writes one, so once
  // absent it stays absent, and each write saves that probe (bounded like the hints).
  const noLegacyHead = new Set<string>();

  async function legacyHeadRev(key: string): Promise<number> {
    if (noLegacyHead.has(key)) return 0;
    const doc = (await raw.findOne({ _id: headId(key) }, { projection: { rev: 1 } })) as { rev: number } | null;
    if (!doc) {
      noLegacyHead.add(key);
      if (noLegacyHead.size > maxHints) noLegacyHead.delete(noLegacyHead.values().next().value as string);
    }
    return doc?.rev ?? 0;
  }

  async function checkpointRev(key: string, n: number): Promise<number> {
    const doc = (await raw.findOne({ _id: checkpointId(key, n) }, { projection: { rev: 1 } })) as { rev: number } | null;
    return doc?.rev ?? 0;
  }

  /** The revision of the key's latest checkpoint (0 = none): O(log n) `_id` probes. */
  async function headRev(key: string): Promise<number> {
    const legacy = legacyHeadRev(key);
    let found = 0;
    let foundRev = 0;
    let missing = 1;
    // Checkpoints 1..N all exist (each is written once, never pruned): double until one is missing ...
    for (;;) {
      const rev = await checkpointRev(key, missing);
      if (!rev) break;
      found = missing;
      foundRev = rev;
      missing *= 2;
    }
    // ... then halve the gap between the last found and the first missing.
    while (missing - found > 1) {
      const mid = Math.floor((found + missing) / 2);
      const rev = await checkpointRev(key, mid);
      if (rev) {
        found = mid;
        foundRev = rev;
      } else missing = mid;
    }
    return Math.max(foundRev, await legacy);
  }

  /**
   * Whether the key is known to have reached a revision above `rev`, in two parallel `_id` probes: the
   * first checkpoint above `rev` (pruning only ever removes revisions below the latest checkpoint, so
   * if `rev` was pruned that checkpoint exists) and an older version's `#head` document.
   */
  async function passedBeyond(key: string, rev: number): Promise<boolean> {
    const [next, legacy] = await Promise.all([
      checkpointRev(key, Math.floor(rev / checkpointEvery) + 1),
      legacyHeadRev(key),
    ]);
    return next > rev || legacy > rev;
  }

  /** The key's latest revision document (a tombstone after a delete), or null when it has none. */
  async function latest(key: string): Promise<BotStateDoc | null> {
    const hint = hints.get(key)?.rev ?? (await headRev(key));
    let [current, next] = await Promise.all([hint > 0 ? byRev(key, hint) : Promise.resolve(null), byRev(key, hint + 1)]);
    if (hint > 0 && !current && !next) {
      // The hint points at a pruned or erased revision (another instance moved far on, or the
      // key was erased): ask by key once. Slow on FerretDB v1, and rare.
      current = (await raw.find({ key, head: { $ne: true } }).sort({ rev: -1 }).limit(1).next()) as BotStateDoc | null;
      next = current ? await byRev(key, current.rev + 1) : null;
    }
    while (next) {
      current = next;
      next = await byRev(key, current.rev + 1);
    }
    if (current) remember(key, current.rev);
    else hints.delete(key);
    return current;
  }

  /**
   * Records that the key reached `rev` (a multiple of checkpointEvery) with an insert: no command
   * here rewrites the collection. A duplicate (a retried write) is fine; any other failure loses
   * nothing but a shortcut (readers then start from an older checkpoint and probe forward).
   */
  async function checkpoint(key: string, rev: number): Promise<void> {
    const doc: BotStateDoc = { _id: checkpointId(key, rev / checkpointEvery), key, rev, deleted: false, json: '{}', head: true, at: clock() };
    await raw.insertOne(doc).catch(() => undefined);
  }

  async function insert(key: string, rev: number, deleted: boolean, value: Record<string, unknown>): Promise<void> {
    const doc: BotStateDoc = { _id: revId(key, rev), key, rev, deleted, json: JSON.stringify(value), at: clock() };
    await raw.insertOne(doc);
    remember(key, rev);
    if (rev % checkpointEvery === 0) await checkpoint(key, rev);
  }

  /** Writes the next revision whatever it is (last write wins), retrying past concurrent writers. */
  async function writeNext(key: string, deleted: boolean, value: Record<string, unknown>): Promise<number> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const current = await latest(key);
      const rev = (current?.rev ?? 0) + 1;
      try {
        await insert(key, rev, deleted, value);
        return rev;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
    throw new StateConflictError(key);
  }

  return {
    async read(key) {
      const doc = await latest(key);
      if (!doc || doc.deleted) return null;
      return { value: JSON.parse(doc.json) as Record<string, unknown>, etag: String(doc.rev) };
    },

    async write(key, value, etag) {
      if (etag === undefined || etag === '*') return String(await writeNext(key, false, value));
      let base = Number.parseInt(etag, 10);
      if (!Number.isInteger(base) || base < 0) throw new StateConflictError(key);
      if (base === 0) {
        // "0" = create: only if the key has no state now (never written, or deleted). A key this
        // process knows nothing of is most likely new: try revision 1 first (E11000 = it is not).
        if (!hints.has(key)) {
          try {
            await insert(key, 1, false, value);
            if (!(await passedBeyond(key, 1))) return '1';
            await raw.deleteOne({ _id: revId(key, 1) }).catch(() => undefined);
            hints.delete(key);
          } catch (err) {
            if (!isDuplicateKey(err)) throw err;
          }
        }
        const current = await latest(key);
        if (current && !current.deleted) throw new StateConflictError(key);
        base = current?.rev ?? 0;
      }
      const known = hints.get(key);
      if (known !== undefined && known.rev > base) throw new StateConflictError(key);
      const freshRead = known !== undefined && known.rev === base && clock().getTime() - known.seenAt < FRESH_READ_MS;
      try {
        await insert(key, base + 1, false, value);
      } catch (err) {
        if (isDuplicateKey(err)) throw new StateConflictError(key);
        throw err;
      }
      // The insert succeeds below the latest only when revision base+1 had been pruned, i.e. the
      // caller's eTag was long stale; pruning stays below the latest checkpoint, so a checkpoint tells.
      if (!freshRead && (await passedBeyond(key, base + 1))) {
        await raw.deleteOne({ _id: revId(key, base + 1) }).catch(() => undefined);
        hints.delete(key);
        throw new StateConflictError(key);
      }
      return String(base + 1);
    },

    async delete(key) {
      const current = await latest(key);
      if (!current || current.deleted) return;
      await writeNext(key, true, {});
    },
  };
}

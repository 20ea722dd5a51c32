// Key/value state with optimistic concurrency, knowing nothing of botbuilder (bots/state wraps it
// as a botbuilder Storage). Each write inserts revision N+1 of a key under a unique _id; the
// insert is the one write FerretDB v1 makes atomic, so of two writers holding revision N exactly
// one wins and the other gets StateConflictError. The eTag a caller sees is the revision number.
import type { Model } from 'mongoose';
import type { BotStateDoc } from '../../models/botState';

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
  /** Revisions kept behind the latest (pruned after each write); they help nobody but a debugger. */
  keepRevisions?: number;
  clock?: () => Date;
}

function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;
}

export function createStateStore(docs: Model<BotStateDoc>, options: StateStoreOptions = {}): StateStore {
  const keep = options.keepRevisions ?? 2;
  const clock = options.clock ?? (() => new Date());

  async function latest(key: string): Promise<BotStateDoc | null> {
    return docs.findOne({ key }).sort({ rev: -1 }).lean<BotStateDoc>();
  }

  async function insert(key: string, rev: number, deleted: boolean, value: Record<string, unknown>): Promise<void> {
    await docs.create({ _id: `${key}#${rev}`, key, rev, deleted, json: JSON.stringify(value), at: clock() });
    // Pruning is housekeeping: a failure here loses nothing.
    await docs.deleteMany({ key, rev: { $lt: rev - keep } }).catch(() => undefined);
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
        // "0" = create: only if the key has no state now (never written, or deleted).
        const current = await latest(key);
        if (current && !current.deleted) throw new StateConflictError(key);
        base = current?.rev ?? 0;
      }
      try {
        await insert(key, base + 1, false, value);
      } catch (err) {
        if (isDuplicateKey(err)) throw new StateConflictError(key);
        throw err;
      }
      // A revision deleted by pruning means the caller's eTag was long stale; the insert above
      // could then succeed below the latest. Check, and treat it as the conflict it is.
      const now = await latest(key);
      if (now && now.rev > base + 1) {
        await docs.deleteOne({ _id: `${key}#${base + 1}` }).catch(() => undefined);
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

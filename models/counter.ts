// Named sequences (e.g. case references per year) that never hand out the same number twice,
// across concurrent requests and app instances.
//
// Why not `findOneAndUpdate({$inc})`: on FerretDB v1 (SQLite) that is read-then-write, and under
// concurrency it returns duplicates (measured: 9 callers got the same value). The one write it
// makes atomic is an insert under a unique index, so each number is *claimed* by inserting
// `name#n`; a loser tries the next one. On MongoDB this is just as correct, at the cost of one
// small document per number handed out. The highest claim is found by `_id` probes (FerretDB v1
// decodes the whole collection for any other query): from this process's last number, or for a
// name this process has not used yet by galloping 1, 2, 4, 8… then halving.
import { Connection, Model, Schema } from 'mongoose';
import { rawCollection } from './rawCollection';

export interface CounterDoc {
  /** `${name}#${seq}` */
  _id: string;
  name: string;
  seq: number;
  at: Date;
  /** What the number was given to (e.g. the case id a reference belongs to), for lookups by number. */
  ref?: string;
}

export const counterSchema = new Schema<CounterDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    seq: { type: Number, required: true },
    at: { type: Date, required: true },
    ref: { type: String },
  },
  { versionKey: false },
);
counterSchema.index({ name: 1, seq: -1 });

export function counterModel(connection: Connection): Model<CounterDoc> {
  return connection.model<CounterDoc>('Counter', counterSchema, 'sequence_claims');
}

const MAX_ATTEMPTS = 500;

// Callers in the same process queue per sequence, so a burst in one instance costs one insert per
// number instead of a crowd of colliding retries; the unique claim still guards other instances.
const queues = new WeakMap<Model<CounterDoc>, Map<string, Promise<unknown>>>();
// The last number this process claimed or saw taken, per sequence: where the next claim starts.
const lastSeen = new WeakMap<Model<CounterDoc>, Map<string, number>>();

/** The next number of sequence `name`; `ref` (e.g. a case id) is stored on the claim for `findClaim`. */
export function nextSequence(counters: Model<CounterDoc>, name: string, ref?: string): Promise<number> {
  let byName = queues.get(counters);
  if (!byName) {
    byName = new Map();
    queues.set(counters, byName);
  }
  const previous = byName.get(name) ?? Promise.resolve();
  const mine = previous.catch(() => undefined).then(() => claimNext(counters, name, ref));
  byName.set(name, mine);
  void mine.finally(() => {
    if (byName?.get(name) === mine) byName.delete(name);
  }).catch(() => undefined);
  return mine;
}

/** The claim of number `seq` in sequence `name` (one `_id` read), or null. */
export async function findClaim(counters: Model<CounterDoc>, name: string, seq: number): Promise<CounterDoc | null> {
  return rawCollection(counters).findOne({ _id: `${name}#${seq}` });
}

async function exists(counters: Model<CounterDoc>, name: string, seq: number): Promise<boolean> {
  return (await rawCollection(counters).findOne({ _id: `${name}#${seq}` }, { projection: { _id: 1 } })) !== null;
}

/** The highest number claimed so far (0 if none): claims are contiguous from 1, so gallop then halve. */
export async function highestClaimed(counters: Model<CounterDoc>, name: string): Promise<number> {
  if (!(await exists(counters, name, 1))) return 0;
  let low = 1;
  let high = 2;
  while (await exists(counters, name, high)) {
    low = high;
    high *= 2;
  }
  // low exists, high does not.
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (await exists(counters, name, mid)) low = mid;
    else high = mid;
  }
  return low;
}

async function claimNext(counters: Model<CounterDoc>, name: string, ref?: string): Promise<number> {
  let seen = lastSeen.get(counters);
  if (!seen) {
    seen = new Map();
    lastSeen.set(counters, seen);
  }
  // Per-contact sequences are many and short: forget them all now and then (a miss costs probes).
  if (seen.size > 10_000) seen.clear();
  let candidate = (seen.get(name) ?? (await highestClaimed(counters, name))) + 1;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    try {
      await rawCollection(counters).insertOne({ _id: `${name}#${candidate}`, name, seq: candidate, at: new Date(), ...(ref ? { ref } : {}) });
      seen.set(name, candidate);
      return candidate;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      // Another instance claimed it first: move on, with jitter so instances do not retry in lockstep.
      seen.set(name, candidate);
      candidate += 1;
      const ceilingMs = Math.min(200, 4 * 2 ** Math.min(attempt, 6));
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * ceilingMs)));
    }
  }
  throw new Error(`sequence ${name}: could not claim a number after ${MAX_ATTEMPTS} attempts`);
}

// Named sequences (e.g. case references per year) that never hand out the same number twice,
// across concurrent requests and app instances.
//
// Why not `findOneAndUpdate({$inc})`: on FerretDB v1 (SQLite) that is read-then-write, and under
// concurrency it returns duplicates (measured: 9 callers got the same value). The one write it
// makes atomic is an insert under a unique index, so each number is *claimed* by inserting
// `name#n`; a loser re-reads the highest claim and tries the next one. On MongoDB this is just as
// correct, at the cost of one small document per number handed out.
import { Connection, Model, Schema } from 'mongoose';

export interface CounterDoc {
  /** `${name}#${seq}` */
  _id: string;
  name: string;
  seq: number;
  at: Date;
}

export const counterSchema = new Schema<CounterDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    seq: { type: Number, required: true },
    at: { type: Date, required: true },
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

export function nextSequence(counters: Model<CounterDoc>, name: string): Promise<number> {
  let byName = queues.get(counters);
  if (!byName) {
    byName = new Map();
    queues.set(counters, byName);
  }
  const previous = byName.get(name) ?? Promise.resolve();
  const mine = previous.catch(() => undefined).then(() => claimNext(counters, name));
  byName.set(name, mine);
  void mine.finally(() => {
    if (byName?.get(name) === mine) byName.delete(name);
  }).catch(() => undefined);
  return mine;
}

async function claimNext(counters: Model<CounterDoc>, name: string): Promise<number> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const highest = await counters.findOne({ name }, { seq: 1 }).sort({ seq: -1 }).lean();
    const candidate = (highest?.seq ?? 0) + 1;
    try {
      await counters.create({ _id: `${name}#${candidate}`, name, seq: candidate, at: new Date() });
      return candidate;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      // Another instance claimed it first: back off with jitter so instances do not retry in lockstep.
      const ceilingMs = Math.min(200, 4 * 2 ** Math.min(attempt, 6));
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * ceilingMs)));
    }
  }
  throw new Error(`sequence ${name}: could not claim a number after ${MAX_ATTEMPTS} attempts`);
}

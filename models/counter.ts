// Named sequences (e.g. case references per year), incremented atomically with one
// findOneAndUpdate, so concurrent instances never hand out the same number.
import { Connection, Model, Schema } from 'mongoose';

export interface CounterDoc {
  _id: string;
  seq: number;
}

export const counterSchema = new Schema<CounterDoc>({ _id: { type: String, required: true }, seq: { type: Number, required: true } }, { versionKey: false });

export function counterModel(connection: Connection): Model<CounterDoc> {
  return connection.model<CounterDoc>('Counter', counterSchema, 'counters');
}

export async function nextSequence(counters: Model<CounterDoc>, name: string): Promise<number> {
  const doc = await counters.findOneAndUpdate({ _id: name }, { $inc: { seq: 1 } }, { upsert: true, new: true }).lean();
  if (!doc) throw new Error(`counter ${name} could not be incremented`);
  return doc.seq;
}

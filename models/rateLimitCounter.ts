// Rate-limit slots: hit number N of a key in a window is one document with a unique _id
// `limiter:keyHash:windowStart:N`. Inserting under a unique _id is the one write FerretDB v1 makes
// atomic under concurrency (its $inc is read-then-write and loses counts, see CONTRIBUTING), so
// every instance agrees on each hit's rank. At most limit+1 slots exist per key and window.
// The key is a hash: a slot never stores a phone number or user id.
import { Connection, Model, Schema } from 'mongoose';

export interface RateLimitCounterDoc {
  _id: string;
  limiter: string;
  key: string;
  windowStart: Date;
  slot: number;
  /** End of the window. Swept by the limiter (FerretDB v1 has no TTL indexes). */
  expiresAt: Date;
}

const schema = new Schema<RateLimitCounterDoc>(
  {
    _id: { type: String, required: true },
    limiter: { type: String, required: true },
    key: { type: String, required: true },
    windowStart: { type: Date, required: true },
    slot: { type: Number, required: true },
    expiresAt: { type: Date, required: true, index: true },
  },
  { versionKey: false },
);
schema.index({ limiter: 1, key: 1, windowStart: 1 });

export function rateLimitCounterModel(connection: Connection): Model<RateLimitCounterDoc> {
  return connection.model<RateLimitCounterDoc>('RateLimitCounter', schema, 'rate_limit_counters');
}

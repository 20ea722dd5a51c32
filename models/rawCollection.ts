// The MongoDB driver's collection behind a mongoose model, typed with the model's document. Hot
// paths (several commands per tenant turn) use it for simple `_id` reads and inserts: mongoose's
// per-call work (query casting, document hydration, save middleware) was about a fifth of the
// product's CPU under the benchmark. Mongoose's collection object forwards to the driver as is
// (commands are never buffered: `bufferCommands: false`).
import type { Collection, Document } from 'mongodb';
import type { Model } from 'mongoose';

export function rawCollection<T extends Document>(model: Model<T>): Collection<T> {
  return model.collection as unknown as Collection<T>;
}

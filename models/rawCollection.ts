// The MongoDB driver's collection behind a mongoose model, typed with the model's document. Hot
// paths (several commands per tenant turn) use it for simple `_id` reads and inserts: mongoose's
// per-call work (query casting, document hydration, save middleware) was about a fifth of the
// product's CPU under the benchmark. Once the connection is open this is the driver's own
// Collection (mongoose keeps it as `collection.collection`), skipping mongoose's forwarding wrapper
// too, which builds an ObjectId and emits two events per call; before that, the wrapper, which
// forwards as is (commands are never buffered: `bufferCommands: false`).
import type { Collection, Document } from 'mongodb';
import type { Model } from 'mongoose';

export function rawCollection<T extends Document>(model: Model<T>): Collection<T> {
  const wrapper = model.collection as unknown as { collection?: Collection<T> | null };
  return wrapper.collection ?? (model.collection as unknown as Collection<T>);
}

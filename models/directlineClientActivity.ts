// Dedupe of a client's retried post: `_id` is `<conversationId>|<client activity id>` (Web Chat's
// clientActivityID), inserted before the activity is stored; a second insert fails under the
// unique `_id`, so a retried post is stored and answered once, on any instance. `seq` is the
// watermark the first post got, so the retry answers with the same activity id.
import { Connection, Model, Schema } from 'mongoose';

export interface DirectlineClientActivityDoc {
  _id: string;
  conversationId: string;
  seq: number;
  at: Date;
}

const schema = new Schema<DirectlineClientActivityDoc>(
  {
    _id: { type: String, required: true },
    conversationId: { type: String, required: true, index: true },
    seq: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

export function directlineClientActivityModel(connection: Connection): Model<DirectlineClientActivityDoc> {
  return connection.model<DirectlineClientActivityDoc>('DirectlineClientActivity', schema, 'directline_client_activities');
}

// One activity in a Direct Line conversation. Its `_id` is `<conversationId>|<seq, 7 digits>`
// (the Direct Line activity id), so every per-turn read and write is an `_id` lookup or a unique
// insert: FerretDB v1 hands only `_id` equality to SQLite and decodes the whole collection for
// anything else. `seq` is the watermark; the (conversationId, seq) index serves MongoDB and the
// retention/GDPR scans.
import { Connection, Model, Schema } from 'mongoose';

export interface DirectlineActivityDoc {
  _id: string;
  conversationId: string;
  seq: number;
  /** The client's own activity id (Web Chat's clientActivityID), when it sent one. */
  clientActivityId?: string;
  /** The Bot Framework activity as clients receive it, as JSON (cards carry `$schema` keys MongoDB dislikes). */
  activityJson: string;
  type: string;
  createdAt: Date;
}

const schema = new Schema<DirectlineActivityDoc>(
  {
    _id: { type: String, required: true },
    conversationId: { type: String, required: true },
    seq: { type: Number, required: true },
    clientActivityId: String,
    activityJson: { type: String, required: true },
    type: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
schema.index({ conversationId: 1, seq: 1 }, { unique: true });

export function directlineActivityModel(connection: Connection): Model<DirectlineActivityDoc> {
  return connection.model<DirectlineActivityDoc>('DirectlineActivity', schema, 'directline_activities');
}

// One activity in a Direct Line conversation, numbered by the conversation's watermark counter.
// `dedupeKey` (unique) makes a client's retried POST of the same activity land once.
import { Connection, Model, Schema } from 'mongoose';

export interface DirectlineActivityDoc {
  conversationId: string;
  seq: number;
  dedupeKey: string;
  /** The Bot Framework activity as clients receive it, as JSON (cards carry `$schema` keys MongoDB dislikes). */
  activityJson: string;
  type: string;
  createdAt: Date;
}

const schema = new Schema<DirectlineActivityDoc>(
  {
    conversationId: { type: String, required: true },
    seq: { type: Number, required: true },
    dedupeKey: { type: String, required: true, unique: true },
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

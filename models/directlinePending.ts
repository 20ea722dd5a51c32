// Tenant messages whose bot turn has not finished yet: inserted (by the activity's `_id`) once the
// message is stored, deleted once the turn's replies are stored. A message whose entry outlives
// its lease belonged to an instance that crashed mid-turn; the webchat resume job runs it again.
// Kept apart from the activity log so the resume scan reads a small collection.
import { Connection, Model, Schema } from 'mongoose';

export interface DirectlinePendingDoc {
  /** The activity's `_id` (`<conversationId>|<seq>`). */
  _id: string;
  conversationId: string;
  /** The Direct Line service URL the turn runs with (`<base>/v3/directline`). */
  serviceUrl: string;
  /** When the current attempt started; the lease runs from here. */
  since: Date;
  attempts: number;
  /** Set after the last attempt failed: kept for staff, not retried. */
  failedAt?: Date;
}

const schema = new Schema<DirectlinePendingDoc>(
  {
    _id: { type: String, required: true },
    conversationId: { type: String, required: true },
    serviceUrl: { type: String, required: true },
    since: { type: Date, required: true, index: true },
    attempts: { type: Number, required: true },
    failedAt: Date,
  },
  { versionKey: false },
);

export function directlinePendingModel(connection: Connection): Model<DirectlinePendingDoc> {
  return connection.model<DirectlinePendingDoc>('DirectlinePending', schema, 'directline_pending');
}

// Tenant posts whose bot turn has not finished yet. Written right after the post's dedupe claim and
// before the message is stored (it carries the message itself), deleted once the turn's replies
// are stored; so an instance dying at any point after the claim leaves a record here, and the
// webchat resume job stores and answers the message. Kept apart from the activity log so the
// resume scan reads a small collection.
import { Connection, Model, Schema } from 'mongoose';

export interface DirectlinePendingDoc {
  /** The post's dedupe key: `<conversationId>|<client activity id>`. */
  _id: string;
  conversationId: string;
  clientActivityId: string;
  /** The tenant's activity as received (before it had a Direct Line id), as JSON. */
  activityJson: string;
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
    clientActivityId: { type: String, required: true },
    activityJson: { type: String, required: true },
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

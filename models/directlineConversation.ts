// A Direct Line conversation served by our own Direct Line 3.0 endpoint. Watermarks are the
// activities' own unique (conversationId, seq); `lastSeq` here is informational only.
import { Connection, Model, Schema } from 'mongoose';

export interface DirectlineConversationDoc {
  _id: string;
  userId: string;
  locale?: string;
  lastSeq: number;
  createdAt: Date;
  lastActivityAt: Date;
  /** Set once the bot has been told the conversation started (conversationUpdate). */
  startedAt?: Date;
}

const schema = new Schema<DirectlineConversationDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true, index: true },
    locale: String,
    lastSeq: { type: Number, required: true, default: 0 },
    createdAt: { type: Date, required: true },
    lastActivityAt: { type: Date, required: true },
    startedAt: Date,
  },
  { versionKey: false },
);

export function directlineConversationModel(connection: Connection): Model<DirectlineConversationDoc> {
  return connection.model<DirectlineConversationDoc>('DirectlineConversation', schema, 'directline_conversations');
}

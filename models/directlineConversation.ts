// A Direct Line conversation served by our own Direct Line 3.0 endpoint. `lastSeq` is the
// per-conversation watermark counter, incremented atomically so any app instance can append.
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

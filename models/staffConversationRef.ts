// Where the staff bot may post proactively: Bot Framework conversation references saved when the
// bot is added to a Teams channel/chat or a staff member says "subscribe here".
import { Connection, Model, Schema } from 'mongoose';

export interface StaffConversationRefDoc {
  /** The Teams conversation id. */
  _id: string;
  /** Serialised botbuilder ConversationReference. */
  reference: Record<string, unknown>;
  /** Notifications (new/escalated cases, deadlines) go to subscribed conversations. */
  subscribed: boolean;
  /** 'all' alerts, or only 'escalations' (missed deadlines: the pack's senior role). */
  scope?: 'all' | 'escalations';
  conversationType?: string;
  addedBy?: string;
  updatedAt: Date;
}

const schema = new Schema<StaffConversationRefDoc>(
  {
    _id: { type: String, required: true },
    reference: { type: Schema.Types.Mixed, required: true },
    subscribed: { type: Boolean, required: true, default: false, index: true },
    scope: { type: String, enum: ['all', 'escalations'], default: 'all' },
    conversationType: String,
    addedBy: String,
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);

export function staffConversationRefModel(connection: Connection): Model<StaffConversationRefDoc> {
  return connection.model<StaffConversationRefDoc>('StaffConversationRef', schema, 'staff_conversation_refs');
}

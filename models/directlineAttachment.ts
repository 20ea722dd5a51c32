// Files a tenant uploads in Web Chat (evidence). Bytes live in MongoDB so every instance can
// serve them; the id is a long random capability, never a guessable sequence.
import { Connection, Model, Schema } from 'mongoose';

export interface DirectlineAttachmentDoc {
  _id: string;
  conversationId: string;
  userId: string;
  name: string;
  contentType: string;
  size: number;
  data: Buffer;
  createdAt: Date;
}

const schema = new Schema<DirectlineAttachmentDoc>(
  {
    _id: { type: String, required: true },
    conversationId: { type: String, required: true, index: true },
    userId: { type: String, required: true },
    name: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    data: { type: Buffer, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export function directlineAttachmentModel(connection: Connection): Model<DirectlineAttachmentDoc> {
  return connection.model<DirectlineAttachmentDoc>('DirectlineAttachment', schema, 'directline_attachments');
}

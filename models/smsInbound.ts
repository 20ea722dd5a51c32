// Every inbound SMS webhook, keyed by Twilio's MessageSid: the unique _id is the dedupe key, and
// the lease lets a retry take over a message whose first attempt died mid-turn.
import { Connection, Model, Schema } from 'mongoose';

export interface SmsInboundDoc {
  _id: string;
  from: string;
  to: string;
  body: string;
  media: { url: string; contentType?: string }[];
  status: 'processing' | 'processed' | 'failed';
  leaseUntil: Date;
  attempts: number;
  /** How the reply went out: in the webhook's TwiML, via the outbox, or not at all (opted out). */
  replyVia?: 'twiml' | 'outbox' | 'none';
  receivedAt: Date;
  processedAt?: Date;
}

const schema = new Schema<SmsInboundDoc>(
  {
    _id: { type: String, required: true },
    from: { type: String, required: true, index: true },
    to: { type: String, required: true },
    body: { type: String, default: '' },
    media: { type: [{ url: { type: String, required: true }, contentType: String, _id: false }], default: [] },
    status: { type: String, required: true },
    leaseUntil: { type: Date, required: true },
    attempts: { type: Number, required: true, default: 1 },
    replyVia: String,
    receivedAt: { type: Date, required: true },
    processedAt: Date,
  },
  { versionKey: false },
);

export function smsInboundModel(connection: Connection): Model<SmsInboundDoc> {
  return connection.model<SmsInboundDoc>('SmsInbound', schema, 'sms_inbound');
}

// Inbound SMS being handled right now, keyed by MessageSid. A message lives here from receipt
// until its outcome is written to sms_inbound, then it is deleted. Why a separate collection:
// FerretDB v1 answers an update or delete by _id by decoding the whole collection, so the per-message
// status change is an insert into sms_inbound (which grows with traffic) and the only delete and
// lease update are here, in a collection that holds just the messages in flight. The stalled-message
// sweep reads this collection only. The unique _id is also the "one handler at a time" key.
import { Connection, Model, Schema } from 'mongoose';

export interface SmsInflightDoc {
  _id: string;
  from: string;
  to: string;
  body: string;
  media: { url: string; contentType?: string }[];
  /** Until then the handler that holds this message is presumed alive; after it, a retry or the sweep takes over. */
  leaseUntil: Date;
  attempts: number;
  receivedAt: Date;
}

const schema = new Schema<SmsInflightDoc>(
  {
    _id: { type: String, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    body: { type: String, default: '' },
    media: { type: [{ url: { type: String, required: true }, contentType: String, _id: false }], default: [] },
    leaseUntil: { type: Date, required: true, index: true },
    attempts: { type: Number, required: true, default: 1 },
    receivedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export function smsInflightModel(connection: Connection): Model<SmsInflightDoc> {
  return connection.model<SmsInflightDoc>('SmsInflight', schema, 'sms_inflight');
}

// The SMS channel's own opt-out list (STOP/START), keyed by E.164 number. It is checked before
// anything is queued to a phone, whichever feature sends it; the contact record mirrors it.
import { Connection, Model, Schema } from 'mongoose';

export interface SmsOptOutDoc {
  _id: string;
  optedOut: boolean;
  updatedAt: Date;
}

const schema = new Schema<SmsOptOutDoc>(
  { _id: { type: String, required: true }, optedOut: { type: Boolean, required: true }, updatedAt: { type: Date, required: true } },
  { versionKey: false },
);

export function smsOptOutModel(connection: Connection): Model<SmsOptOutDoc> {
  return connection.model<SmsOptOutDoc>('SmsOptOut', schema, 'sms_opt_outs');
}

// One-time claims: inserting a document with a unique _id is the one write FerretDB v1 (SQLite)
// makes atomic under concurrency. Its findOneAndUpdate/updateOne with a guard in the filter, and
// $inc, are read-then-write there: two callers can both "win". So every "only one instance may do
// this" decision in the channels (send attempt N of an outbox message, take over an SMS webhook,
// greet a new conversation) is made by inserting its key here.
import { Connection, Model, Schema } from 'mongoose';
import { rawCollection } from './rawCollection';

export interface ChannelClaimDoc {
  _id: string;
  at: Date;
}

const schema = new Schema<ChannelClaimDoc>({ _id: { type: String, required: true }, at: { type: Date, required: true } }, { versionKey: false });

export function channelClaimModel(connection: Connection): Model<ChannelClaimDoc> {
  return connection.model<ChannelClaimDoc>('ChannelClaim', schema, 'channel_claims');
}

/** True for exactly one caller per key, across every instance. */
export async function claimOnce(claims: Model<ChannelClaimDoc>, key: string): Promise<boolean> {
  try {
    await rawCollection(claims).insertOne({ _id: key, at: new Date() });
    return true;
  } catch (err) {
    if ((err as { code?: number }).code === 11000) return false;
    throw err;
  }
}

// Fixed-window counters for rate-limited Direct Line routes (token issue per client IP).
// Kept in MongoDB so the limit holds across instances.
import { Connection, Model, Schema } from 'mongoose';

export interface DirectlineRateWindowDoc {
  _id: string;
  count: number;
  windowStart: Date;
}

const schema = new Schema<DirectlineRateWindowDoc>(
  { _id: { type: String, required: true }, count: { type: Number, required: true }, windowStart: { type: Date, required: true, index: true } },
  { versionKey: false },
);

export function directlineRateWindowModel(connection: Connection): Model<DirectlineRateWindowDoc> {
  return connection.model<DirectlineRateWindowDoc>('DirectlineRateWindow', schema, 'directline_rate_windows');
}

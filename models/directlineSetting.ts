// Install-wide Direct Line settings, e.g. the generated token-signing secret used when
// DIRECTLINE_SECRET is not configured (shared by every instance through the database).
import { Connection, Model, Schema } from 'mongoose';

export interface DirectlineSettingDoc {
  _id: string;
  value: string;
  createdAt: Date;
}

const schema = new Schema<DirectlineSettingDoc>(
  { _id: { type: String, required: true }, value: { type: String, required: true }, createdAt: { type: Date, required: true } },
  { versionKey: false },
);

export function directlineSettingModel(connection: Connection): Model<DirectlineSettingDoc> {
  return connection.model<DirectlineSettingDoc>('DirectlineSetting', schema, 'directline_settings');
}

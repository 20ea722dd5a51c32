// One-time verification codes (status checks by reference). Only a salted hash is stored; a code
// expires and allows a few attempts. Each attempt is its own unique insert (`<id>#<n>`), because
// $inc is not atomic on FerretDB v1 and a guessing attacker must not get extra tries by racing.
import { Connection, Model, Schema } from 'mongoose';

export interface OneTimeCodeDoc {
  _id: string;
  /** What the code unlocks, e.g. `case:CMP-2026-000123`. */
  purpose: string;
  /** Who asked: channel identity `<channel>:<id>` (only that identity may use the code). */
  requester: string;
  hash: string;
  salt: string;
  expiresAt: Date;
  usedAt?: Date;
  createdAt: Date;
}

export interface OneTimeCodeAttemptDoc {
  _id: string;
  codeId: string;
  at: Date;
}

const codeSchema = new Schema<OneTimeCodeDoc>(
  {
    _id: { type: String, required: true },
    purpose: { type: String, required: true },
    requester: { type: String, required: true },
    hash: { type: String, required: true },
    salt: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
codeSchema.index({ requester: 1, purpose: 1, createdAt: -1 });

const attemptSchema = new Schema<OneTimeCodeAttemptDoc>(
  { _id: { type: String, required: true }, codeId: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false },
);

export function oneTimeCodeModel(connection: Connection): Model<OneTimeCodeDoc> {
  return connection.model<OneTimeCodeDoc>('OneTimeCode', codeSchema, 'one_time_codes');
}

export function oneTimeCodeAttemptModel(connection: Connection): Model<OneTimeCodeAttemptDoc> {
  return connection.model<OneTimeCodeAttemptDoc>('OneTimeCodeAttempt', attemptSchema, 'one_time_code_attempts');
}

// Bot state (botbuilder conversation/user state, pending follow-ups) as an append-only revision
// log. FerretDB v1 makes only inserts under a unique index atomic, so "write only if nobody wrote
// since I read" is "insert revision N+1 of this key": exactly one writer can. A tombstone marks a
// delete. The latest revision is the state; older ones are pruned by a background sweep.
import { Connection, Model, Schema } from 'mongoose';

export interface BotStateDoc {
  /** `<key>#<rev>`: unique, so two writers cannot both create revision N+1. */
  _id: string;
  key: string;
  rev: number;
  deleted: boolean;
  /** JSON text: state keys may contain `.` or `$`, which MongoDB field names forbid. */
  json: string;
  at: Date;
  /** Set on checkpoints `<key>#c<n>` (and the older `<key>#head`), where readers start probing (services/state/stateStore.ts). */
  head?: boolean;
}

const schema = new Schema<BotStateDoc>(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    rev: { type: Number, required: true },
    deleted: { type: Boolean, required: true, default: false },
    json: { type: String, required: true, default: '{}' },
    at: { type: Date, required: true },
    head: { type: Boolean },
  },
  { versionKey: false },
);
schema.index({ key: 1, rev: -1 });

export function botStateModel(connection: Connection): Model<BotStateDoc> {
  return connection.model<BotStateDoc>('BotState', schema, 'bot_state');
}

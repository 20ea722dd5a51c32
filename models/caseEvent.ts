// The append-only log behind cases and contacts: one document per revision, `_id` "<docId>#<rev>".
// Inserting it is the claim that makes a transition happen exactly once: an insert under a unique
// _id is atomic on FerretDB v1, where guarded updates and $inc are not (see CONTRIBUTING.md). The
// entry carries the whole new state, so a writer that dies between the log insert and the
// document update is rolled forward by the next reader. Case entries are the audit trail.
import { Connection, Model, Schema } from 'mongoose';

export interface RevisionDoc {
  /** `${docId}#${rev}` */
  _id: string;
  docId: string;
  rev: number;
  at: Date;
  /** Every field of the document at this revision (except _id). */
  state: Record<string, unknown>;
  /** Fields removed at this revision. */
  unset: string[];
  /** The audit event for case revisions. */
  event?: Record<string, unknown>;
}

function revisionSchema(): Schema<RevisionDoc> {
  const schema = new Schema<RevisionDoc>(
    {
      _id: { type: String, required: true },
      docId: { type: String, required: true },
      rev: { type: Number, required: true },
      at: { type: Date, required: true },
      state: { type: Schema.Types.Mixed, required: true },
      unset: { type: [String], default: [] },
      event: { type: Schema.Types.Mixed, default: undefined },
    },
    { versionKey: false, minimize: false },
  );
  schema.index({ docId: 1, rev: 1 });
  return schema;
}

export function caseEventModel(connection: Connection): Model<RevisionDoc> {
  return connection.model<RevisionDoc>('CaseEvent', revisionSchema(), 'case_events');
}

export function contactRevisionModel(connection: Connection): Model<RevisionDoc> {
  return connection.model<RevisionDoc>('ContactRevision', revisionSchema(), 'contact_revisions');
}

// One complaint (or service request / feedback) case. Only services/cases/caseService.ts writes
// it: every change is one findOneAndUpdate guarded on `rev` (and the expected stage/status) that
// sets the new fields and $pushes the audit event in the same single-document write.
import { Connection, Model, Schema } from 'mongoose';

export interface DeadlinesDoc {
  acknowledgeBy: Date | null;
  respondBy: Date | null;
  escalateBy: Date | null;
}

export interface AuditEventDoc {
  at: Date;
  actor: { kind: string; id: string; name?: string; channel: string };
  action: string;
  fromStage?: string;
  toStage?: string;
  fromStatus?: string;
  toStatus?: string;
  reason?: string;
}

export interface ExtensionDoc {
  stage: string;
  reason: string;
  previousRespondBy: Date | null;
  newRespondBy: Date;
  at: Date;
  by: string;
  exceptional?: boolean;
  tenantAgreed?: boolean;
}

export interface StageResponseDoc {
  stage: string;
  decision: string;
  reasons: string;
  remedy?: string;
  compensationPence?: number;
  compensationApprovedBy?: string;
  outstandingActions?: string[];
  rootCause?: string;
  at: Date;
  by: string;
}

export interface StageTimesDoc {
  startedAt: Date;
  acknowledgedAt?: Date;
  respondedAt?: Date;
}

export interface CaseDoc {
  _id: string;
  reference: string;
  packId: string;
  stage: string;
  status: string;
  contactId: string;
  channel: string;
  address?: { channel: string; id: string; conversation?: Record<string, unknown> };
  language: string;
  category?: string;
  summary: string;
  originalText?: string;
  desiredOutcome?: string;
  whatHappened?: string;
  whenHappened?: string;
  incidentDate?: Date;
  location?: string;
  contactPreference?: string;
  reasonableAdjustments?: string;
  representative?: { name: string; relationship?: string; consent: boolean };
  evidence: { kind: string; url: string; contentType?: string; addedAt: Date }[];
  flags: string[];
  feedbackKind?: string;
  relatedReferences: string[];
  receivedAt: Date;
  acknowledgedAt?: Date;
  handlers: Record<string, string>;
  deadlines: DeadlinesDoc;
  stageDeadlines: Record<string, DeadlinesDoc>;
  stageTimes: Record<string, StageTimesDoc>;
  extensions: ExtensionDoc[];
  responses: StageResponseDoc[];
  stage2Reasons?: string;
  holdReason?: string;
  /** While on hold: the status to resume to and when the hold started (deadlines move on by the time held). */
  hold?: { fromStatus: string; at: Date };
  notAcceptedReason?: string;
  closedAt?: Date;
  satisfaction?: { score: number; comment?: string; at: Date };
  history: AuditEventDoc[];
  createdAt: Date;
  updatedAt: Date;
  rev: number;
}

const deadlinesSchema = new Schema<DeadlinesDoc>(
  { acknowledgeBy: { type: Date, default: null }, respondBy: { type: Date, default: null }, escalateBy: { type: Date, default: null } },
  { _id: false },
);

const auditEventSchema = new Schema<AuditEventDoc>(
  {
    at: { type: Date, required: true },
    actor: { type: new Schema({ kind: String, id: String, name: String, channel: String }, { _id: false }), required: true },
    action: { type: String, required: true },
    fromStage: String,
    toStage: String,
    fromStatus: String,
    toStatus: String,
    reason: String,
  },
  { _id: false },
);

const extensionSchema = new Schema<ExtensionDoc>(
  {
    stage: { type: String, required: true },
    reason: { type: String, required: true },
    previousRespondBy: { type: Date, default: null },
    newRespondBy: { type: Date, required: true },
    at: { type: Date, required: true },
    by: { type: String, required: true },
    exceptional: Boolean,
    tenantAgreed: Boolean,
  },
  { _id: false },
);

const responseSchema = new Schema<StageResponseDoc>(
  {
    stage: { type: String, required: true },
    decision: { type: String, required: true },
    reasons: { type: String, required: true },
    remedy: String,
    compensationPence: Number,
    compensationApprovedBy: String,
    outstandingActions: { type: [String], default: undefined },
    rootCause: String,
    at: { type: Date, required: true },
    by: { type: String, required: true },
  },
  { _id: false },
);

const caseSchema = new Schema<CaseDoc>(
  {
    _id: { type: String, required: true },
    reference: { type: String, required: true, unique: true },
    packId: { type: String, required: true },
    stage: { type: String, required: true },
    status: { type: String, required: true },
    contactId: { type: String, required: true, index: true },
    channel: { type: String, required: true },
    address: { type: Schema.Types.Mixed, default: undefined },
    language: { type: String, required: true },
    category: String,
    summary: { type: String, required: true },
    originalText: String,
    desiredOutcome: String,
    whatHappened: String,
    whenHappened: String,
    incidentDate: Date,
    location: String,
    contactPreference: String,
    reasonableAdjustments: String,
    representative: { type: Schema.Types.Mixed, default: undefined },
    evidence: { type: [new Schema({ kind: String, url: String, contentType: String, addedAt: Date }, { _id: false })], default: [] },
    flags: { type: [String], default: [] },
    feedbackKind: String,
    relatedReferences: { type: [String], default: [] },
    receivedAt: { type: Date, required: true },
    acknowledgedAt: Date,
    handlers: { type: Schema.Types.Mixed, default: {} },
    deadlines: { type: deadlinesSchema, required: true },
    stageDeadlines: { type: Schema.Types.Mixed, default: {} },
    stageTimes: { type: Schema.Types.Mixed, default: {} },
    extensions: { type: [extensionSchema], default: [] },
    responses: { type: [responseSchema], default: [] },
    stage2Reasons: String,
    holdReason: String,
    hold: { type: Schema.Types.Mixed, default: undefined },
    notAcceptedReason: String,
    closedAt: Date,
    satisfaction: { type: Schema.Types.Mixed, default: undefined },
    history: { type: [auditEventSchema], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    rev: { type: Number, required: true, default: 0 },
  },
  { versionKey: false, minimize: false },
);
// Staff lists (by stage/status, newest first), the overdue scan, a tenant's own cases.
caseSchema.index({ stage: 1, status: 1, receivedAt: -1 });
caseSchema.index({ status: 1, 'deadlines.respondBy': 1 });
caseSchema.index({ 'deadlines.respondBy': 1 });
caseSchema.index({ contactId: 1, receivedAt: -1 });
caseSchema.index({ receivedAt: -1 });

export function caseModel(connection: Connection): Model<CaseDoc> {
  return connection.model<CaseDoc>('Case', caseSchema, 'cases');
}

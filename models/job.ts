// Durable scheduler jobs (services/scheduler/mongoScheduler.ts) and their run claims.
//
// A job document holds what to run and when; whether an instance may run it is decided by
// inserting a JobClaim with a unique _id (`<jobId>|<occurrence ms>|<attempt>`). FerretDB v1
// makes that insert atomic across instances, whereas its guarded findOneAndUpdate is
// read-then-write (see CONTRIBUTING.md), so the lease fields on the job are only a cheap filter.
import { Connection, Model, Schema } from 'mongoose';

/** Only repeating jobs stay in `jobs` after a run; one-off jobs move to `job_history`. */
export type JobStatus = 'pending' | 'done' | 'failed';

export interface JobDoc {
  _id: string;
  name: string;
  data: Record<string, unknown>;
  /** Idempotency key (the job's _id is derived from it, so it is unique). */
  uniqueKey?: string;
  /** When the job may next be attempted (moves forward on retry back-off). */
  runAt: Date;
  /** The scheduled time of the current occurrence; with `attempts` it names a run claim. */
  occurrenceAt: Date;
  repeatEveryMs?: number;
  status: JobStatus;
  /** Attempts made at the current occurrence. */
  attempts: number;
  lockedUntil?: Date | null;
  lockedBy?: string | null;
  lastError?: string;
  lastRunAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

const jobSchema = new Schema<JobDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    data: { type: Schema.Types.Mixed, default: {} },
    uniqueKey: String,
    runAt: { type: Date, required: true },
    occurrenceAt: { type: Date, required: true },
    repeatEveryMs: Number,
    status: { type: String, required: true },
    attempts: { type: Number, required: true, default: 0 },
    lockedUntil: Date,
    lockedBy: String,
    lastError: String,
    lastRunAt: Date,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
// The poller's query: pending jobs due now, oldest first.
jobSchema.index({ status: 1, runAt: 1 });

export interface JobClaimDoc {
  /** `<jobId>|<occurrence ms>|<attempt>` */
  _id: string;
  jobId: string;
  instanceId: string;
  at: Date;
}

const claimSchema = new Schema<JobClaimDoc>(
  {
    _id: { type: String, required: true },
    jobId: { type: String, required: true, index: true },
    instanceId: { type: String, required: true },
    at: { type: Date, required: true, index: true },
  },
  { versionKey: false },
);

/** A one-off job once finished: moved out of `jobs` so the poller's scan stays small (FerretDB v1
 * scans a whole collection for any query but `_id` equality), and kept so that scheduling the same
 * unique key again does not run it twice. */
export interface JobHistoryDoc {
  _id: string;
  name: string;
  uniqueKey?: string;
  status: 'done' | 'failed';
  attempts: number;
  lastError?: string;
  runAt: Date;
  finishedAt: Date;
}

const historySchema = new Schema<JobHistoryDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    uniqueKey: String,
    status: { type: String, required: true },
    attempts: { type: Number, required: true },
    lastError: String,
    runAt: { type: Date, required: true },
    finishedAt: { type: Date, required: true, index: true },
  },
  { versionKey: false },
);

export function jobHistoryModel(connection: Connection): Model<JobHistoryDoc> {
  return connection.model<JobHistoryDoc>('JobHistory', historySchema, 'job_history');
}

export function jobModel(connection: Connection): Model<JobDoc> {
  return connection.model<JobDoc>('Job', jobSchema, 'jobs');
}

export function jobClaimModel(connection: Connection): Model<JobClaimDoc> {
  return connection.model<JobClaimDoc>('JobClaim', claimSchema, 'job_claims');
}

// The scheduler contract: durable jobs in MongoDB, safe with several app instances (a job is
// claimed by one instance with a single atomic findOneAndUpdate and a lease). Implemented in
// services/scheduler/mongoScheduler.ts. Jobs are defined by the feature that owns them
// (quick-fix follow-ups and surveys by the tenant dialogs, reminders/breach alerts by the staff
// notifications, retention by privacy) and registered in index.ts.

export type JobData = Record<string, unknown>;

export type JobHandler = (data: JobData, job: { name: string; runAt: Date; attempts: number }) => Promise<void>;

export interface ScheduleOptions {
  /** Idempotency key: scheduling the same key twice keeps one job (the later runAt wins unless it already ran). */
  uniqueKey?: string;
  /** Re-run every N ms after each run (e.g. periodic scans). */
  repeatEveryMs?: number;
}

export interface Scheduler {
  define(name: string, handler: JobHandler): void;
  schedule(name: string, runAt: Date, data?: JobData, options?: ScheduleOptions): Promise<void>;
  cancel(uniqueKey: string): Promise<void>;
  /** Starts polling (interval from the implementation); no-op when already started. */
  start(): void;
  stop(): Promise<void>;
  /** Claims and runs every job due at `now`, once; returns how many ran. Used by tests and the poller. */
  runDue(now?: Date): Promise<number>;
}

// Transcript retention: webchat conversations (with their messages, files and bot state) and SMS
// message logs are deleted once nothing has happened in them for TRANSCRIPT_RETENTION_DAYS.
// Cases keep their own record; only the raw conversation logs go.
import type { Connection } from 'mongoose';
import type { Scheduler } from '../scheduler/types';
import type { Logger } from '../logging/logger';

export interface PurgeReport {
  cutoff: string;
  conversations: number;
  activities: number;
  attachments: number;
  botState: number;
  smsInbound: number;
  smsOutbox: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export async function purgeExpiredTranscripts(opts: { connection: Connection; olderThanDays: number; now?: Date }): Promise<PurgeReport> {
  if (!(opts.olderThanDays >= 1)) throw new Error('olderThanDays must be at least 1');
  const db = opts.connection.db;
  if (!db) throw new Error('database connection is not open');
  const cutoff = new Date((opts.now ?? new Date()).getTime() - opts.olderThanDays * DAY_MS);
  const report: PurgeReport = { cutoff: cutoff.toISOString(), conversations: 0, activities: 0, attachments: 0, botState: 0, smsInbound: 0, smsOutbox: 0 };

  const stale = await db.collection('directline_conversations').find({ lastActivityAt: { $lt: cutoff } }).project({ _id: 1 }).toArray();
  // In batches, so a large backlog never builds one enormous $in.
  for (let i = 0; i < stale.length; i += 200) {
    const ids = stale.slice(i, i + 200).map((c) => String(c._id));
    report.activities += (await db.collection('directline_activities').deleteMany({ conversationId: { $in: ids } })).deletedCount;
    report.attachments += (await db.collection('directline_attachments').deleteMany({ conversationId: { $in: ids } })).deletedCount;
    // Webchat bookkeeping (retried-post dedupe keys, unfinished-turn marks): ids only, not counted.
    await db.collection('directline_client_activities').deleteMany({ conversationId: { $in: ids } });
    await db.collection('directline_pending').deleteMany({ conversationId: { $in: ids } });
    const pattern = ids.map((id) => `/conversations/${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).join('|');
    report.botState += (await db.collection('bot_state').deleteMany({ key: { $regex: pattern } })).deletedCount;
    // Conversation last, so an interrupted purge is found again next time.
    report.conversations += (await db.collection('directline_conversations').deleteMany({ _id: { $in: ids } as never, lastActivityAt: { $lt: cutoff } })).deletedCount;
  }
  report.smsInbound = (await db.collection('sms_inbound').deleteMany({ receivedAt: { $lt: cutoff }, status: { $ne: 'processing' } })).deletedCount;
  report.smsOutbox = (await db.collection('outbox_messages').deleteMany({ createdAt: { $lt: cutoff }, status: { $in: ['sent', 'failed', 'suppressed'] } })).deletedCount;
  return report;
}

export const RETENTION_JOB = 'privacy.purge-transcripts';

/** Defines the daily retention job and schedules it once (idempotent across instances by its unique key). */
export async function scheduleTranscriptRetention(opts: { scheduler: Scheduler; connection: Connection; retentionDays: number; logger: Logger; firstRunAt?: Date }): Promise<void> {
  opts.scheduler.define(RETENTION_JOB, async () => {
    const report = await purgeExpiredTranscripts({ connection: opts.connection, olderThanDays: opts.retentionDays });
    opts.logger.info({ job: RETENTION_JOB, ...report }, 'expired transcripts purged');
  });
  await opts.scheduler.schedule(RETENTION_JOB, opts.firstRunAt ?? new Date(), {}, { uniqueKey: RETENTION_JOB, repeatEveryMs: DAY_MS });
}

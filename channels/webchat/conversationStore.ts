// Direct Line conversations and their activity logs in MongoDB. Appends take the next watermark
// with one atomic $inc on the conversation, so several instances can write to one conversation.
import { EventEmitter } from 'node:events';
import type { Activity } from 'botbuilder';
import type { Models } from '../../models';

/** A watermark slot that was taken but never written (a crash between $inc and insert) is skipped after this. */
const GAP_GRACE_MS = 3000;

export class ConversationNotFoundError extends Error {}

export interface AppendResult {
  id: string;
  seq: number;
  duplicate: boolean;
}

export interface ActivityPage {
  activities: Partial<Activity>[];
  watermark: number;
}

export class DirectLineStore {
  /** Wakes this instance's WebSocket streams at once; other instances find new activities by polling. */
  readonly appended = new EventEmitter();

  constructor(private readonly models: Pick<Models, 'DirectlineConversation' | 'DirectlineActivity'>) {
    this.appended.setMaxListeners(0);
  }

  async ensureConversation(conversationId: string, userId: string, locale?: string): Promise<{ created: boolean }> {
    const now = new Date();
    try {
      const res = await this.models.DirectlineConversation.updateOne(
        { _id: conversationId },
        { $setOnInsert: { userId, locale, lastSeq: 0, createdAt: now, lastActivityAt: now } },
        { upsert: true },
      );
      return { created: res.upsertedCount === 1 };
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return { created: false };
      throw err;
    }
  }

  async get(conversationId: string) {
    return this.models.DirectlineConversation.findById(conversationId).lean();
  }

  async latestForUser(userId: string) {
    return this.models.DirectlineConversation.findOne({ userId }).sort({ lastActivityAt: -1 }).lean();
  }

  /** Marks the conversation started; true only for the one caller that did it. */
  async markStarted(conversationId: string): Promise<boolean> {
    const res = await this.models.DirectlineConversation.updateOne(
      { _id: conversationId, startedAt: { $exists: false } },
      { $set: { startedAt: new Date() } },
    );
    return res.modifiedCount === 1;
  }

  /**
   * Appends one activity, giving it the conversation's next watermark and a Direct Line id.
   * With a `dedupeKey` (the client's own activity id) a retried post returns the first copy.
   */
  async append(conversationId: string, activity: Partial<Activity>, dedupeKey?: string): Promise<AppendResult> {
    if (dedupeKey) {
      const existing = await this.models.DirectlineActivity.findOne({ dedupeKey }).lean();
      if (existing) return { id: activityId(conversationId, existing.seq), seq: existing.seq, duplicate: true };
    }
    const now = new Date();
    const conv = await this.models.DirectlineConversation.findOneAndUpdate(
      { _id: conversationId },
      { $inc: { lastSeq: 1 }, $set: { lastActivityAt: now } },
      { new: true },
    ).lean();
    if (!conv) throw new ConversationNotFoundError(`conversation ${conversationId} not found`);
    const seq = conv.lastSeq;
    const id = activityId(conversationId, seq);
    const stored: Partial<Activity> = {
      ...activity,
      id,
      channelId: 'directline',
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      timestamp: activity.timestamp ?? now,
    };
    try {
      await this.models.DirectlineActivity.create({
        conversationId,
        seq,
        dedupeKey: dedupeKey ?? id,
        activityJson: JSON.stringify(stored),
        type: stored.type ?? 'message',
        createdAt: now,
      });
    } catch (err) {
      if ((err as { code?: number }).code === 11000 && dedupeKey) {
        // A concurrent retry of the same client activity won; our watermark slot stays empty.
        const existing = await this.models.DirectlineActivity.findOne({ dedupeKey }).lean();
        if (existing) return { id: activityId(conversationId, existing.seq), seq: existing.seq, duplicate: true };
      }
      throw err;
    }
    this.appended.emit('appended', conversationId);
    return { id, seq, duplicate: false };
  }

  /**
   * Activities after `watermark`, in order. Stops at a missing watermark slot unless it is older
   * than the grace period, so a reader never skips an activity another instance is still writing.
   */
  async listAfter(conversationId: string, watermark: number, options: { includeTyping?: boolean; limit?: number; now?: Date } = {}): Promise<ActivityPage> {
    const docs = await this.models.DirectlineActivity.find({ conversationId, seq: { $gt: watermark } })
      .sort({ seq: 1 })
      .limit(options.limit ?? 200)
      .lean();
    const now = (options.now ?? new Date()).getTime();
    const activities: Partial<Activity>[] = [];
    let last = watermark;
    for (const doc of docs) {
      if (doc.seq !== last + 1 && now - new Date(doc.createdAt).getTime() < GAP_GRACE_MS) break;
      last = doc.seq;
      if (!options.includeTyping && doc.type === 'typing') continue;
      activities.push(JSON.parse(doc.activityJson) as Partial<Activity>);
    }
    return { activities, watermark: last };
  }
}

export function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

export function parseWatermark(value: unknown): number {
  const n = typeof value === 'string' ? Number.parseInt(value, 10) : NaN;
  return Number.isFinite(n) && n > 0 ? n : 0;
}

// Direct Line conversations and their activity logs in MongoDB. An append takes the next watermark
// by inserting under the unique (conversationId, seq) index and retrying on a clash, so several
// instances can write to one conversation without a counter ($inc is not atomic on FerretDB v1).
import { EventEmitter } from 'node:events';
import type { Activity } from 'botbuilder';
import type { Models } from '../../models';
import { claimOnce } from '../../models/channelClaim';

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

  constructor(private readonly models: Pick<Models, 'DirectlineConversation' | 'DirectlineActivity' | 'ChannelClaim'>) {
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

  /** Marks the conversation started; true only for the one caller (on any instance) that did it. */
  async markStarted(conversationId: string): Promise<boolean> {
    if (!(await claimOnce(this.models.ChannelClaim, `directline-start:${conversationId}`))) return false;
    await this.models.DirectlineConversation.updateOne({ _id: conversationId }, { $set: { startedAt: new Date() } });
    return true;
  }

  /** The watermark of the newest activity (0 for an empty conversation). */
  async currentWatermark(conversationId: string): Promise<number> {
    const last = await this.models.DirectlineActivity.findOne({ conversationId }).sort({ seq: -1 }).select({ seq: 1 }).lean();
    return last?.seq ?? 0;
  }

  /**
   * Appends one activity, giving it the conversation's next watermark and a Direct Line id.
   * With a `dedupeKey` (the client's own activity id) a retried post returns the first copy.
   */
  async append(conversationId: string, activity: Partial<Activity>, dedupeKey?: string): Promise<AppendResult> {
    const conversation = await this.models.DirectlineConversation.findById(conversationId).select({ _id: 1 }).lean();
    if (!conversation) throw new ConversationNotFoundError(`conversation ${conversationId} not found`);
    for (let attempt = 0; attempt < 50; attempt++) {
      if (dedupeKey) {
        const existing = await this.models.DirectlineActivity.findOne({ dedupeKey }).lean();
        if (existing) return { id: activityId(conversationId, existing.seq), seq: existing.seq, duplicate: true };
      }
      const now = new Date();
      const seq = (await this.currentWatermark(conversationId)) + 1;
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
        // Another writer took this watermark (or stored the same client activity): look again.
        if ((err as { code?: number }).code === 11000) continue;
        throw err;
      }
      void this.models.DirectlineConversation.updateOne({ _id: conversationId }, { $set: { lastActivityAt: now, lastSeq: seq } }).catch(() => undefined);
      this.appended.emit('appended', conversationId);
      return { id, seq, duplicate: false };
    }
    throw new Error(`could not append to conversation ${conversationId}: too much contention`);
  }

  /** Activities after `watermark`, in order, with the watermark to ask from next time. */
  async listAfter(conversationId: string, watermark: number, options: { includeTyping?: boolean; limit?: number } = {}): Promise<ActivityPage> {
    const docs = await this.models.DirectlineActivity.find({ conversationId, seq: { $gt: watermark } })
      .sort({ seq: 1 })
      .limit(options.limit ?? 200)
      .lean();
    const activities: Partial<Activity>[] = [];
    let last = watermark;
    for (const doc of docs) {
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

// Direct Line conversations and their activity logs in MongoDB, read and written per turn only by
// `_id` (FerretDB v1 decodes the whole collection for any other filter; see CONTRIBUTING).
// - An activity's `_id` is `<conversationId>|<seq>`. An append inserts the next seq and, when
//   another writer took it (E11000 on the unique `_id`), tries the one after: several instances
//   can write to one conversation without a counter ($inc is not atomic on FerretDB v1). Appends
//   on one instance to one conversation run one after another, so a seq is only taken once every
//   lower one exists: readers never see a later activity before an earlier one.
// - The next seq comes from a hint (this instance's last known seq, else the conversation's
//   `lastSeq` probed forward by `_id`), never from a sorted query.
// - The conversation document is not updated per turn: FerretDB v1 answers an update by `_id` by
//   decoding the whole collection, which grows with every conversation. `touch` writes `lastSeq`
//   and `lastActivityAt` (retention counts days) at most once per TOUCH_EVERY_MS per instance; a
//   stale `lastSeq` costs an instance one forward probe when it first loads the conversation.
//   Starting a conversation is an insert, and "started" is decided by a claim, not an update.
// - Reads after a watermark probe `_id`s forward; a missing id below the known last seq is a hole
//   (e.g. an activity erased) and is skipped.
// - A tenant post is written in three inserts: its dedupe claim (`<conversationId>|<clientActivityId>`,
//   so a retry on any instance is stored once), its pending mark (carrying the post), then the
//   activity; the mark is deleted when the turn's replies are stored. Wherever an instance dies
//   after the claim, a retry of the post or the resume job finishes the work, once.
// - Conversation facts that never change (user, locale) and the hints are cached per instance;
//   the database stays the truth, so any instance can serve any conversation.
// - The per-turn reads and writes use the driver's collection (models/rawCollection.ts): mongoose's
//   per-call work (casting, hydration, an Error built on every create) cost more CPU than the command.
import { EventEmitter } from 'node:events';
import type { Activity } from 'botbuilder';
import type { Models } from '../../models';
import { claimOnce } from '../../models/channelClaim';
import { rawCollection } from '../../models/rawCollection';
import type { DirectlinePendingDoc } from '../../models/directlinePending';

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

export interface ConversationInfo {
  _id: string;
  userId: string;
  locale?: string;
}

export type ClaimResult =
  | { kind: 'new'; claimedSeq: number }
  | { kind: 'duplicate'; id: string; seq: number }
  | { kind: 'stalled'; pending: DirectlinePendingDoc }
  | { kind: 'busy' };

/** What the `appended` event carries: the stored activity, so local streams need no read. */
export interface AppendedEvent {
  conversationId: string;
  seq: number;
  activity: Partial<Activity>;
}

type StoreModels = Pick<Models, 'DirectlineConversation' | 'DirectlineActivity' | 'DirectlineClientActivity' | 'DirectlinePending' | 'ChannelClaim'>;

interface Known extends ConversationInfo {
  /** Highest seq this instance knows to exist (a hint; other instances may be ahead). */
  lastSeq: number;
  started: boolean;
  /** When `lastActivityAt` was last written (or read), in ms. */
  touchedAt: number;
}

/** How stale `lastActivityAt` may get before a turn writes it (retention works in days). */
export const TOUCH_EVERY_MS = 60 * 60 * 1000;
/** Forward probes run this many `_id` reads in parallel; a run of this many missing ids ends the log. */
const PROBE_BATCH = 8;

const MAX_KNOWN = 5000;
/** Consecutive E11000s before re-reading the conversation's `lastSeq` (another instance ran ahead). */
const CLASHES_BEFORE_REREAD = 4;
/** How long a retried post waits for the first copy's activity before taking its claim over (15 × 200 ms). */
const CLAIM_WAIT_STEPS = 15;
const CLAIM_WAIT_MS = 200;
/** A post marked pending but not stored after this long was cut off between the two writes. */
const STORE_GRACE_MS = 2_000;

export class DirectLineStore {
  /** Emits `appended` (AppendedEvent) for this instance's writes; other instances find them by polling. */
  readonly appended = new EventEmitter();
  private readonly known = new Map<string, Known>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly models: StoreModels) {
    this.appended.setMaxListeners(0);
  }

  async ensureConversation(conversationId: string, userId: string, locale?: string): Promise<{ created: boolean }> {
    const now = new Date();
    let created = false;
    try {
      // An insert, not an upsert: FerretDB v1 scans the collection for an upsert.
      await rawCollection(this.models.DirectlineConversation).insertOne({ _id: conversationId, userId, ...(locale ? { locale } : {}), lastSeq: 0, createdAt: now, lastActivityAt: now });
      created = true;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
    }
    if (created) this.remember({ _id: conversationId, userId, locale, lastSeq: 0, started: false, touchedAt: now.getTime() });
    return { created };
  }

  /** The conversation document, read from the database (for reconnects and staff-side senders). */
  async get(conversationId: string) {
    const doc = await this.models.DirectlineConversation.findById(conversationId).lean();
    if (doc) {
      const known = this.known.get(conversationId);
      this.remember({ _id: doc._id, userId: doc.userId, locale: doc.locale, lastSeq: Math.max(doc.lastSeq ?? 0, known?.lastSeq ?? 0), started: Boolean(doc.startedAt) || Boolean(known?.started), touchedAt: doc.lastActivityAt?.getTime() ?? 0 });
    }
    return doc;
  }

  /** The conversation's fixed facts: from this instance's cache, else one read by `_id`. */
  async conversation(conversationId: string): Promise<ConversationInfo> {
    const known = this.known.get(conversationId) ?? (await this.load(conversationId));
    return { _id: known._id, userId: known.userId, locale: known.locale };
  }

  /** Not on the per-turn path: staff replies to a tenant whose conversation reference is unknown. */
  async latestForUser(userId: string) {
    // lastActivityAt is written at most hourly: between conversations as recent as that, the newer one.
    return this.models.DirectlineConversation.findOne({ userId }).sort({ lastActivityAt: -1, createdAt: -1 }).lean();
  }

  /** Marks the conversation started; true only for the one caller (on any instance) that did it. */
  async markStarted(conversationId: string): Promise<boolean> {
    const known = this.known.get(conversationId);
    if (known?.started) return false;
    // The claim is the record (no `startedAt` update on the conversation: see the top of the file).
    const won = await claimOnce(this.models.ChannelClaim, `directline-start:${conversationId}`);
    if (known) known.started = true;
    return won;
  }

  /** The watermark of the newest activity (0 for an empty conversation). */
  async currentWatermark(conversationId: string): Promise<number> {
    const known = this.known.get(conversationId) ?? (await this.load(conversationId));
    let seq = known.lastSeq;
    while (await this.models.DirectlineActivity.exists({ _id: activityId(conversationId, seq + 1) })) seq += 1;
    known.lastSeq = Math.max(known.lastSeq, seq);
    return seq;
  }

  /** Appends one activity (bot replies, typing, staff messages), giving it the next watermark and a Direct Line id. */
  append(conversationId: string, activity: Partial<Activity>): Promise<AppendResult> {
    return this.serially(conversationId, () => this.appendNow(conversationId, activity));
  }

  /**
   * Takes a tenant post's dedupe key (`clientActivityId`: Web Chat's own id for the post, or one
   * made up for a client that sends none). `new`: this caller owns the post and must mark it
   * pending, then store it. `duplicate`: stored before, with this id. `stalled`: a first copy
   * was marked pending but never stored (its instance died); whoever wins the next attempt stores
   * and answers it. `busy`: another caller is storing it right now. A claim with neither a
   * pending mark nor a message is taken over.
   */
  async claimPost(conversationId: string, clientActivityId: string): Promise<ClaimResult> {
    const claimId = postKey(conversationId, clientActivityId);
    for (let attempt = 0; attempt < 3; attempt++) {
      const known = this.known.get(conversationId) ?? (await this.load(conversationId));
      try {
        await rawCollection(this.models.DirectlineClientActivity).insertOne({ _id: claimId, conversationId, seq: known.lastSeq + 1, at: new Date() });
        return { kind: 'new', claimedSeq: known.lastSeq + 1 };
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
      }
      let pendingSeen = false;
      for (let wait = 0; wait < CLAIM_WAIT_STEPS; wait++) {
        const stored = await this.findPosted(conversationId, clientActivityId);
        if (stored) return { kind: 'duplicate', id: stored.id, seq: stored.seq };
        const pending = await this.models.DirectlinePending.findById(claimId).lean();
        pendingSeen = Boolean(pending);
        // Marked a while ago by its first instance and never stored, nor taken over since: stalled.
        if (pending && pending.attempts === 1 && Date.now() - pending.since.getTime() > STORE_GRACE_MS) return { kind: 'stalled', pending };
        if (!pending && !(await this.models.DirectlineClientActivity.exists({ _id: claimId }))) break; // let go: claim again
        await new Promise((resolve) => setTimeout(resolve, CLAIM_WAIT_MS));
      }
      // Being stored by another attempt right now: the caller asks the client to send it again.
      if (pendingSeen) return { kind: 'busy' };
      // Claimed, but neither marked nor stored for seconds: that post died in between.
      await this.models.DirectlineClientActivity.deleteOne({ _id: claimId });
    }
    throw new Error('could not store a retried post: its first copy keeps failing');
  }

  /**
   * Stores a claimed post (after `markPending`) and, when it got another watermark than the claim
   * guessed (`claimedSeq`; 0 = unknown), points the claim at it.
   */
  storePost(conversationId: string, activity: Partial<Activity>, clientActivityId: string, claimedSeq = 0): Promise<AppendResult> {
    return this.serially(conversationId, async () => {
      const result = await this.appendNow(conversationId, activity, clientActivityId);
      if (result.seq !== claimedSeq) await this.models.DirectlineClientActivity.updateOne({ _id: postKey(conversationId, clientActivityId) }, { $set: { seq: result.seq } });
      return result;
    });
  }

  /** The stored copy of a post, by its dedupe key (undefined when it was never stored). */
  async findPosted(conversationId: string, clientActivityId: string): Promise<{ id: string; seq: number; activity: Partial<Activity> } | undefined> {
    const claim = await this.models.DirectlineClientActivity.findById(postKey(conversationId, clientActivityId)).lean();
    if (!claim) return undefined;
    // The claim's seq is a guess until the post is stored (another instance may have taken it).
    for (const seq of [claim.seq, claim.seq + 1, claim.seq + 2]) {
      const id = activityId(conversationId, seq);
      const doc = await this.models.DirectlineActivity.findById(id).lean();
      if (!doc) return undefined;
      if (doc.clientActivityId === clientActivityId) return { id, seq, activity: JSON.parse(doc.activityJson) as Partial<Activity> };
    }
    return undefined;
  }

  /**
   * Records the end of a turn on the conversation document: `lastSeq` (the hint other instances
   * start from) and `lastActivityAt` (retention), when this instance last wrote them more than
   * TOUCH_EVERY_MS ago; most turns write nothing here.
   */
  async touch(conversationId: string, now = new Date()): Promise<void> {
    const known = this.known.get(conversationId);
    if (known && now.getTime() - known.touchedAt < TOUCH_EVERY_MS) return;
    const lastSeq = known?.lastSeq;
    const update = lastSeq ? { $set: { lastActivityAt: now }, $max: { lastSeq } } : { $set: { lastActivityAt: now } };
    await this.models.DirectlineConversation.updateOne({ _id: conversationId }, update);
    if (known) known.touchedAt = now.getTime();
  }

  /** Activities after `watermark`, in order, with the watermark to ask from next time. */
  async listAfter(conversationId: string, watermark: number, options: { includeTyping?: boolean; limit?: number } = {}): Promise<ActivityPage> {
    const limit = options.limit ?? 200;
    const known = this.known.get(conversationId) ?? (await this.load(conversationId).catch(() => undefined));
    const activities: Partial<Activity>[] = [];
    let last = watermark;
    let next = watermark + 1;
    while (next - watermark <= limit) {
      // Idle polls cost one read; below the known last seq, read ahead in parallel (and past holes).
      const knownLast = known?.lastSeq ?? 0;
      const batch = next <= knownLast ? Math.min(8, knownLast - next + 1) : 1;
      const seqs = Array.from({ length: batch }, (_, i) => next + i);
      const activitiesById = rawCollection(this.models.DirectlineActivity);
      const docs = await Promise.all(seqs.map((seq) => activitiesById.findOne({ _id: activityId(conversationId, seq) })));
      let found = false;
      for (const [i, doc] of docs.entries()) {
        if (!doc) continue;
        found = true;
        last = seqs[i];
        if (known && last > known.lastSeq) known.lastSeq = last;
        if (options.includeTyping || doc.type !== 'typing') activities.push(JSON.parse(doc.activityJson) as Partial<Activity>);
      }
      next += batch;
      if (!found && next > knownLast) break;
    }
    return { activities, watermark: last };
  }

  // --- tenant posts whose turn has not finished (crash resume) ---

  /** Notes, before the post is stored, that it awaits its bot turn (with the post itself, for a resume). */
  async markPending(conversationId: string, clientActivityId: string, activity: Partial<Activity>, serviceUrl: string): Promise<void> {
    const _id = postKey(conversationId, clientActivityId);
    await rawCollection(this.models.DirectlinePending).insertOne({ _id, conversationId, clientActivityId, activityJson: JSON.stringify(activity), serviceUrl, since: new Date(), attempts: 1 });
  }

  /** The post's turn has stored its replies: nothing left to resume. */
  async clearPending(conversationId: string, clientActivityId: string): Promise<void> {
    await rawCollection(this.models.DirectlinePending).deleteOne({ _id: postKey(conversationId, clientActivityId) });
  }

  /** Posts whose turn started before `before` and never finished (a slow background scan of a small collection). */
  async stalledPending(before: Date, limit = 20) {
    return this.models.DirectlinePending.find({ since: { $lte: before }, failedAt: { $exists: false } }).limit(limit).lean();
  }

  /** Takes attempt `attempt` of a stalled post for this caller; true for exactly one caller on any instance. */
  async claimAttempt(pendingId: string, attempt: number, now = new Date()): Promise<boolean> {
    if (!(await claimOnce(this.models.ChannelClaim, `directline-turn:${pendingId}#${attempt}`))) return false;
    await this.models.DirectlinePending.updateOne({ _id: pendingId }, { $set: { since: now, attempts: attempt } });
    return true;
  }

  async markPendingFailed(pendingId: string): Promise<void> {
    await this.models.DirectlinePending.updateOne({ _id: pendingId }, { $set: { failedAt: new Date() } });
  }

  // --- internals ---

  private async appendNow(conversationId: string, activity: Partial<Activity>, clientActivityId?: string): Promise<AppendResult> {
    const known = this.known.get(conversationId) ?? (await this.load(conversationId));
    let seq = known.lastSeq + 1;
    let clashes = 0;
    for (let attempt = 0; attempt < 50; attempt++) {
      const now = new Date();
      const id = activityId(conversationId, seq);
      const stored: Partial<Activity> = {
        ...activity,
        id,
        channelId: 'directline',
        conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
        timestamp: activity.timestamp ?? now,
      };
      const activityJson = JSON.stringify(stored);
      try {
        await rawCollection(this.models.DirectlineActivity).insertOne({
          _id: id,
          conversationId,
          seq,
          // Left out when absent: the driver would store an undefined field as null.
          ...(clientActivityId !== undefined ? { clientActivityId } : {}),
          activityJson,
          type: stored.type ?? 'message',
          createdAt: now,
        });
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
        // Another instance took this watermark: try the next, and after a few, ask the conversation.
        seq += 1;
        if (++clashes % CLASHES_BEFORE_REREAD === 0) seq = (await this.probeForward(conversationId, seq)) + 1;
        continue;
      }
      known.lastSeq = Math.max(known.lastSeq, seq);
      this.appended.emit('appended', { conversationId, seq, activity: JSON.parse(activityJson) as Partial<Activity> } satisfies AppendedEvent);
      return { id, seq, duplicate: false };
    }
    throw new Error(`could not append to conversation ${conversationId}: too much contention`);
  }

  private async load(conversationId: string): Promise<Known> {
    const doc = await rawCollection(this.models.DirectlineConversation).findOne({ _id: conversationId });
    if (!doc) throw new ConversationNotFoundError(`conversation ${conversationId} not found`);
    // The stored lastSeq may be behind (written at most hourly): find the real end of the log.
    const lastSeq = await this.probeForward(conversationId, doc.lastSeq ?? 0);
    return this.remember({ _id: doc._id, userId: doc.userId, locale: doc.locale, lastSeq, started: Boolean(doc.startedAt), touchedAt: doc.lastActivityAt?.getTime() ?? 0 });
  }

  /**
   * The highest seq stored after `from` (or `from`), by `_id` reads PROBE_BATCH at a time until a
   * whole batch is missing; steps over holes shorter than a batch (erased activities).
   */
  private async probeForward(conversationId: string, from: number): Promise<number> {
    let last = from;
    for (let start = from + 1; ; start += PROBE_BATCH) {
      const seqs = Array.from({ length: PROBE_BATCH }, (_, i) => start + i);
      const activitiesById = rawCollection(this.models.DirectlineActivity);
      const found = await Promise.all(seqs.map((seq) => activitiesById.findOne({ _id: activityId(conversationId, seq) }, { projection: { _id: 1 } })));
      const hits = seqs.filter((_, i) => found[i]);
      if (hits.length === 0) return last;
      last = hits[hits.length - 1];
    }
  }

  private remember(info: Known): Known {
    const existing = this.known.get(info._id);
    if (existing) {
      existing.lastSeq = Math.max(existing.lastSeq, info.lastSeq);
      existing.started ||= info.started;
      return existing;
    }
    if (this.known.size >= MAX_KNOWN) this.known.delete(this.known.keys().next().value as string);
    this.known.set(info._id, info);
    return info;
  }

  /** Runs `work` after this instance's earlier appends to the same conversation. */
  private serially<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    const before = this.queues.get(conversationId) ?? Promise.resolve();
    const run = before.then(work, work);
    const tail = run.catch(() => undefined);
    this.queues.set(conversationId, tail);
    void tail.then(() => {
      if (this.queues.get(conversationId) === tail) this.queues.delete(conversationId);
    });
    return run;
  }
}

/** The `_id` of a post's dedupe claim and pending mark. */
export function postKey(conversationId: string, clientActivityId: string): string {
  return `${conversationId}|${clientActivityId}`;
}

export function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

export function parseWatermark(value: unknown): number {
  const n = typeof value === 'string' ? Number.parseInt(value, 10) : NaN;
  return Number.isFinite(n) && n > 0 ? n : 0;
}

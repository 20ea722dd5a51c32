// Durable outbound messages (SMS today). Callers enqueue and return at once; a poller on any
// instance claims due messages one by one (a unique claim key per attempt, plus a lease), hands
// them to the channel's transport, and retries failures with exponential backoff. A message is
// never dropped: it ends `sent`, `failed` (permanent error or out of attempts, kept for staff) or
// `suppressed` (the tenant opted out). No channel SDK is imported here.
import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import type { OutboxMessageDoc } from '../../models/outboxMessage';
import { ChannelClaimDoc, claimOnce } from '../../models/channelClaim';
import type { Logger } from '../logging/logger';

export interface OutboxItem {
  id: string;
  channel: string;
  to: string;
  body: string;
  attempts: number;
}

export interface OutboxTransport {
  readonly channel: string;
  /** Sends one message; throws PermanentDeliveryError for errors a retry cannot fix. */
  deliver(item: OutboxItem): Promise<{ providerId?: string }>;
}

export class PermanentDeliveryError extends Error {}

export interface OutboxOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How long a claimed message stays with one instance before another may take it over. */
  leaseMs?: number;
  /** A transport call longer than this counts as a failed attempt. */
  sendTimeoutMs?: number;
  pollIntervalMs?: number;
  /**
   * Polls that find nothing back off, doubling up to this (default 15 s): the poll query decodes
   * the whole collection on FerretDB v1, and new messages are sent at once without it. Retries
   * this instance schedules wake it at their time; a crashed instance's messages wait at most this.
   */
  maxIdlePollMs?: number;
}

export interface EnqueueInput {
  channel: string;
  to: string;
  body: string;
  /** Enqueueing the same key twice keeps one message (e.g. `${inboundSid}:reply:0`). */
  dedupeKey?: string;
  /**
   * The outbox id of a message that must be sent before this one: the previous part of a reply
   * split into several SMS. Sent one after another, the parts cannot overtake each other (sent at
   * once in parallel, part 2 sometimes reached the provider before part 1).
   */
  after?: string;
}

/** A message another waits for is out of the way once it is sent or has failed for good. */
const DONE: ReadonlySet<string> = new Set(['sent', 'failed', 'suppressed']);

/** Delivery states reported by the provider, in the order they happen; later ones win. */
const DELIVERY_RANK: Record<string, number> = {
  accepted: 1, scheduled: 1, queued: 1, sending: 2, sent: 3, delivered: 4, undelivered: 4, failed: 4, read: 5, canceled: 4,
};

export class Outbox {
  private readonly transports = new Map<string, OutboxTransport>();
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly leaseMs: number;
  private readonly sendTimeoutMs: number;
  private readonly pollIntervalMs: number;
  private readonly maxIdlePollMs: number;
  private idlePollMs: number;
  private nextPollAt = 0;
  private started = false;
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly messages: Model<OutboxMessageDoc>,
    private readonly claims: Model<ChannelClaimDoc>,
    private readonly logger: Logger,
    options: OutboxOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 8;
    this.baseDelayMs = options.baseDelayMs ?? 5000;
    this.maxDelayMs = options.maxDelayMs ?? 15 * 60 * 1000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.sendTimeoutMs = options.sendTimeoutMs ?? Math.floor(this.leaseMs / 2);
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.maxIdlePollMs = Math.max(this.pollIntervalMs, options.maxIdlePollMs ?? 15_000);
    this.idlePollMs = this.pollIntervalMs;
  }

  register(transport: OutboxTransport): void {
    this.transports.set(transport.channel, transport);
  }

  async enqueue(input: EnqueueInput, now = new Date()): Promise<{ id: string; duplicate: boolean }> {
    const id = randomUUID();
    try {
      await this.messages.create({
        _id: id,
        channel: input.channel,
        to: input.to,
        body: input.body,
        dedupeKey: input.dedupeKey ?? id,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
        ...(input.after ? { waitsFor: input.after } : {}),
      });
    } catch (err) {
      if ((err as { code?: number }).code !== 11000 || !input.dedupeKey) throw err;
      const existing = await this.messages.findOne({ dedupeKey: input.dedupeKey }).lean();
      if (!existing) throw err;
      return { id: existing._id, duplicate: true };
    }
    if (input.after) {
      // Tell the previous part who follows it, then look whether it has already gone. Its sender
      // reads nextId after marking it done, so one of the two sees the other (both may: the
      // first-attempt claim keeps it to one send).
      await this.messages.updateOne({ _id: input.after }, { $set: { nextId: id } });
      if (!(await this.previousDone(input.after))) return { id, duplicate: false };
    }
    // Send this one at once, by its _id, rather than waiting for the next poll (whose query scans
    // the whole collection on FerretDB v1); failures stay queued for the poller.
    if (this.started) this.sendSoon(id, now);
    return { id, duplicate: false };
  }

  private sendSoon(id: string, queuedAt: Date): void {
    setImmediate(() => void this.sendNow(id, queuedAt).catch((err) => this.logger.warn({ err, outboxId: id }, 'outbox first attempt failed; the poller retries')));
  }

  private async previousDone(id: string): Promise<boolean> {
    const previous = await this.messages.findById(id, { status: 1 }).lean<Pick<OutboxMessageDoc, 'status'>>();
    return !previous || DONE.has(previous.status);
  }

  /** Once a message is done, the part queued after it may go. */
  private async releaseNext(id: string): Promise<void> {
    try {
      const done = await this.messages.findById(id, { nextId: 1 }).lean<Pick<OutboxMessageDoc, 'nextId'>>();
      if (done?.nextId && this.started) this.sendSoon(done.nextId, new Date());
    } catch (err) {
      this.logger.warn({ err, outboxId: id }, 'could not look up the next part; the poller sends it');
    }
  }

  /** Records a message we chose not to send (opted-out tenant), so the decision is auditable. */
  async recordSuppressed(input: EnqueueInput, reason: string, now = new Date()): Promise<void> {
    const id = randomUUID();
    await this.messages.create({
      _id: id, channel: input.channel, to: input.to, body: input.body, dedupeKey: input.dedupeKey ?? id,
      status: 'suppressed', attempts: 0, nextAttemptAt: now, createdAt: now, lastError: reason,
    }).catch((err: { code?: number }) => {
      if (err.code !== 11000) throw err;
    });
  }

  /** Claims and sends every message due at `now`; returns how many were attempted. */
  async runDue(now = new Date()): Promise<number> {
    let attempted = 0;
    for (;;) {
      const claimed = await this.claim(now);
      if (!claimed) return attempted;
      attempted += 1;
      await this.attempt(claimed, now);
    }
  }

  /** First attempt of a message just queued: the same claim as the poller's, so it is sent once. */
  private async sendNow(id: string, queuedAt: Date): Promise<void> {
    const doc = await this.messages.findById(id).lean<OutboxMessageDoc>();
    if (!doc || doc.status !== 'pending' || doc.attempts !== 0 || !this.transports.has(doc.channel)) return;
    if (doc.waitsFor && !(await this.previousDone(doc.waitsFor))) return;
    if (!(await claimOnce(this.claims, `outbox:${id}#1`))) return;
    const leaseUntil = new Date(Date.now() + this.leaseMs);
    await this.messages.updateOne({ _id: id }, { $set: { status: 'sending', leaseUntil, attempts: 1 } });
    await this.attempt({ ...doc, status: 'sending', leaseUntil, attempts: 1 }, queuedAt > new Date() ? queuedAt : new Date());
  }

  /**
   * Takes the next due message. Attempt N of a message belongs to whoever inserts the claim key
   * `outbox:<id>#N` first: unlike a guarded findOneAndUpdate, a unique insert is atomic on
   * FerretDB v1 too, so two instances never send the same attempt.
   */
  private async claim(now: Date): Promise<OutboxMessageDoc | null> {
    const channels = [...this.transports.keys()];
    if (channels.length === 0) return null;
    const candidates = await this.messages
      .find({
        channel: { $in: channels },
        $or: [
          { status: 'pending', nextAttemptAt: { $lte: now } },
          // An instance died mid-send: its lease ran out, so the message is free again.
          { status: 'sending', leaseUntil: { $lte: now } },
        ],
      })
      .sort({ nextAttemptAt: 1 })
      .limit(20)
      .lean();
    for (const doc of candidates) {
      if (doc.waitsFor && !(await this.previousDone(doc.waitsFor))) continue;
      const attempts = doc.attempts + 1;
      if (!(await claimOnce(this.claims, `outbox:${doc._id}#${attempts}`))) continue;
      const leaseUntil = new Date(now.getTime() + this.leaseMs);
      await this.messages.updateOne({ _id: doc._id }, { $set: { status: 'sending', leaseUntil, attempts } });
      return { ...doc, status: 'sending', leaseUntil, attempts };
    }
    return null;
  }

  private async attempt(doc: OutboxMessageDoc, now: Date): Promise<void> {
    const transport = this.transports.get(doc.channel) as OutboxTransport;
    const mine = { _id: doc._id, attempts: doc.attempts };
    try {
      const result = await withTimeout(
        transport.deliver({ id: doc._id, channel: doc.channel, to: doc.to, body: doc.body, attempts: doc.attempts }),
        this.sendTimeoutMs,
      );
      await this.messages.updateOne(mine, { $set: { status: 'sent', sentAt: new Date(), providerId: result.providerId }, $unset: { leaseUntil: 1, lastError: 1 } });
      this.logger.info({ outboxId: doc._id, channel: doc.channel, attempts: doc.attempts }, 'outbox message sent');
    } catch (err) {
      const reason = (err as Error).message ?? String(err);
      const permanent = err instanceof PermanentDeliveryError;
      if (permanent || doc.attempts >= this.maxAttempts) {
        await this.messages.updateOne(mine, { $set: { status: 'failed', lastError: reason }, $unset: { leaseUntil: 1 } });
        this.logger.error({ outboxId: doc._id, channel: doc.channel, attempts: doc.attempts, reason }, 'outbox message failed for good');
        // The rest of the reply still goes: better a tenant missing one part than all after it.
        await this.releaseNext(doc._id);
        return;
      }
      const next = new Date(now.getTime() + this.backoffMs(doc.attempts));
      await this.messages.updateOne(mine, { $set: { status: 'pending', nextAttemptAt: next, lastError: reason }, $unset: { leaseUntil: 1 } });
      this.wakeAt(next.getTime() - now.getTime());
      this.logger.warn({ outboxId: doc._id, channel: doc.channel, attempts: doc.attempts, retryAt: next.toISOString(), reason }, 'outbox send failed; will retry');
      return;
    }
    // Outside the try: a failed read here must not turn a sent message back into a pending one
    // (that would send it twice); the poller still releases the next part if this read fails.
    await this.releaseNext(doc._id);
  }

  /** Exponential backoff with ±20% jitter, so a provider outage does not end in a thundering herd. */
  backoffMs(attempts: number): number {
    const raw = Math.min(this.baseDelayMs * 2 ** Math.max(0, attempts - 1), this.maxDelayMs);
    return Math.round(raw * (0.8 + Math.random() * 0.4));
  }

  /** Stores a provider's delivery report; out-of-order reports never move a message backwards. */
  async recordDeliveryStatus(providerId: string, status: string, errorCode?: string): Promise<boolean> {
    const rank = DELIVERY_RANK[status] ?? 0;
    const lower = Object.entries(DELIVERY_RANK).filter(([, r]) => r <= rank).map(([s]) => s);
    const res = await this.messages.updateOne(
      { providerId, $or: [{ deliveryStatus: { $exists: false } }, { deliveryStatus: { $in: lower } }] },
      { $set: { deliveryStatus: status, deliveryErrorCode: errorCode, deliveryUpdatedAt: new Date() } },
    );
    return res.matchedCount === 1;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedulePoll(this.pollIntervalMs);
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Polls no later than `delayMs` from now (a retry this instance has just scheduled). */
  private wakeAt(delayMs: number): void {
    if (!this.started) return;
    const at = Date.now() + Math.max(this.pollIntervalMs, delayMs);
    if (at < this.nextPollAt) this.schedulePoll(at - Date.now());
  }

  private schedulePoll(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.nextPollAt = Date.now() + delayMs;
    this.timer = setTimeout(() => void this.poll(), delayMs);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    if (!this.started || this.running) return;
    this.running = this.runDue().catch((err) => {
      this.logger.warn({ err }, 'outbox poll failed');
      return -1;
    });
    const attempted = await this.running;
    this.running = undefined;
    // Busy (or failing): keep the short interval; idle: back off.
    this.idlePollMs = attempted === 0 ? Math.min(this.idlePollMs * 2, this.maxIdlePollMs) : this.pollIntervalMs;
    if (this.started && (!this.timer || this.nextPollAt <= Date.now())) this.schedulePoll(this.idlePollMs);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

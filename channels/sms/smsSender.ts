// TenantSender for 'sms': staff replies, one-time codes, reminders. Queues into the outbox (sent
// by TwilioTransport with retries); nothing is queued for a number that has texted STOP.
import { randomUUID } from 'node:crypto';
import type { TenantAddress, TenantSender } from '../../services/notifications/tenantMessenger';
import type { Outbox } from '../../services/notifications/outbox';
import { splitForSms } from '../../services/notifications/smsSegments';
import type { Logger } from '../../services/logging/logger';
import type { SmsOptOuts } from './optOuts';

export const E164 = /^\+[1-9]\d{6,14}$/;

/** How long a number's last queued part is remembered, so the next text waits for it. */
const ORDER_MEMORY_MS = 60 * 60 * 1000;
const MAX_REMEMBERED = 10_000;

export class SmsSender implements TenantSender {
  readonly channel = 'sms' as const;
  /** Per number: the outbox id of the last part this process queued, and when. */
  private readonly lastPart = new Map<string, { id: string; at: number }>();
  /** Per number: the texts being queued right now, one after another. */
  private readonly queueing = new Map<string, Promise<unknown>>();

  constructor(
    private readonly outbox: Outbox,
    private readonly optOuts: SmsOptOuts,
    private readonly logger: Logger,
  ) {}

  async send(address: TenantAddress, text: string): Promise<void> {
    await this.sendText(address.id, text);
  }

  /**
   * Queues `text` (split into SMS-sized parts) to an E.164 number; `key` makes a retry idempotent.
   * Every part waits for the one before it, and the first part waits for the last part queued to
   * the same number by this process, so a tenant reads two texts sent together (a Stage 1 response
   * and the Ombudsman notice) one after the other, not interleaved.
   */
  async sendText(to: string, text: string, key: string = randomUUID()): Promise<'queued' | 'opted_out'> {
    if (!E164.test(to)) throw new Error('SMS address must be an E.164 phone number');
    const parts = splitForSms(text);
    // Taken in call order (the queue is joined before the first await), so texts go out in the
    // order they were sent.
    return this.oneAtATime(to, async () => {
      if (await this.optOuts.isOptedOut(to)) {
        await this.outbox.recordSuppressed({ channel: 'sms', to, body: parts.join('\n'), dedupeKey: `${key}:suppressed` }, 'recipient opted out (STOP)');
        this.logger.info({ channel: 'sms' }, 'message not sent: recipient opted out');
        return 'opted_out';
      }
      const last = this.lastPart.get(to);
      let previous = last && Date.now() - last.at < ORDER_MEMORY_MS ? last.id : undefined;
      for (const [i, body] of parts.entries()) {
        previous = (await this.outbox.enqueue({ channel: 'sms', to, body, dedupeKey: `${key}:${i}`, after: previous })).id;
      }
      if (previous) this.remember(to, previous);
      return 'queued';
    });
  }

  private async oneAtATime<T>(to: string, work: () => Promise<T>): Promise<T> {
    const before = this.queueing.get(to) ?? Promise.resolve();
    const mine = before.catch(() => undefined).then(work);
    this.queueing.set(to, mine);
    try {
      return await mine;
    } finally {
      if (this.queueing.get(to) === mine) this.queueing.delete(to);
    }
  }

  private remember(to: string, id: string): void {
    this.lastPart.delete(to);
    this.lastPart.set(to, { id, at: Date.now() });
    if (this.lastPart.size > MAX_REMEMBERED) this.lastPart.delete(this.lastPart.keys().next().value as string);
  }
}

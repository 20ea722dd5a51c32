// TenantSender for 'sms': staff replies, one-time codes, reminders. Queues into the outbox (sent
// by TwilioTransport with retries); nothing is queued for a number that has texted STOP.
import { randomUUID } from 'node:crypto';
import type { TenantAddress, TenantSender } from '../../services/notifications/tenantMessenger';
import type { Outbox } from '../../services/notifications/outbox';
import { splitForSms } from '../../services/notifications/smsSegments';
import type { Logger } from '../../services/logging/logger';
import type { SmsOptOuts } from './optOuts';

export const E164 = /^\+[1-9]\d{6,14}$/;

export class SmsSender implements TenantSender {
  readonly channel = 'sms' as const;

  constructor(
    private readonly outbox: Outbox,
    private readonly optOuts: SmsOptOuts,
    private readonly logger: Logger,
  ) {}

  async send(address: TenantAddress, text: string): Promise<void> {
    await this.sendText(address.id, text);
  }

  /** Queues `text` (split into SMS-sized parts) to an E.164 number; `key` makes a retry idempotent. */
  async sendText(to: string, text: string, key: string = randomUUID()): Promise<'queued' | 'opted_out'> {
    if (!E164.test(to)) throw new Error('SMS address must be an E.164 phone number');
    const parts = splitForSms(text);
    if (await this.optOuts.isOptedOut(to)) {
      await this.outbox.recordSuppressed({ channel: 'sms', to, body: parts.join('\n'), dedupeKey: `${key}:suppressed` }, 'recipient opted out (STOP)');
      this.logger.info({ channel: 'sms' }, 'message not sent: recipient opted out');
      return 'opted_out';
    }
    for (const [i, body] of parts.entries()) {
      await this.outbox.enqueue({ channel: 'sms', to, body, dedupeKey: `${key}:${i}` });
    }
    return 'queued';
  }
}

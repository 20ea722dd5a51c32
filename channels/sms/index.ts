// Everything the SMS channel adds to the app: the Twilio webhooks, the outbox transport, the
// opt-out list and the TenantSender for 'sms'. Called once from index.ts.
import type { Server } from 'restify';
import type { Models } from '../../models';
import type { ContactService } from '../../services/contacts/types';
import type { Logger } from '../../services/logging/logger';
import { Outbox, OutboxOptions } from '../../services/notifications/outbox';
import type { TurnBot } from '../common/turnRunner';
import type { InboundCheck } from '../common/inboundCheck';
import { SmsOptOuts } from './optOuts';
import { SmsSender } from './smsSender';
import { registerSmsWebhook } from './smsWebhook';
import { TwilioTransport } from './twilioTransport';

export interface SmsOptions {
  server: Server;
  models: Models;
  logger: Logger;
  bot: TurnBot;
  landlordName: string;
  publicBaseUrl: string;
  twilio: { accountSid?: string; authToken?: string; fromNumber?: string; apiBaseUrl?: string };
  contacts?: ContactService;
  outboxOptions?: OutboxOptions;
  replyBudgetMs?: number;
  inboundCheck?: InboundCheck;
}

export interface SmsChannel {
  outbox: Outbox;
  sender: SmsSender;
  optOuts: SmsOptOuts;
  /** False when Twilio credentials are missing: inbound is refused and outbound stays queued. */
  canSend: boolean;
  /** Re-runs inbound messages a crashed instance left half-handled (also done every 30 s once started). */
  resumeStalled(now?: Date): Promise<number>;
  /** Starts the outbox poller and the stalled-message sweep. */
  start(): void;
  stop(): Promise<void>;
}

export function registerSms(opts: SmsOptions): SmsChannel {
  const outbox = new Outbox(opts.models.OutboxMessage, opts.models.ChannelClaim, opts.logger, opts.outboxOptions);
  const { accountSid, authToken, fromNumber, apiBaseUrl } = opts.twilio;
  const canSend = Boolean(accountSid && authToken && fromNumber);
  if (canSend) {
    outbox.register(
      new TwilioTransport({
        accountSid: accountSid as string,
        authToken: authToken as string,
        from: fromNumber as string,
        apiBaseUrl,
        statusCallbackUrl: `${opts.publicBaseUrl}/api/sms/status`,
      }),
    );
  } else {
    opts.logger.warn('TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN or TWILIO_FROM_NUMBER not set: SMS messages will wait in the outbox');
  }
  const optOuts = new SmsOptOuts(opts.models.SmsOptOut, opts.logger, opts.contacts);
  const webhook = registerSmsWebhook({
    server: opts.server,
    models: opts.models,
    logger: opts.logger,
    bot: opts.bot,
    outbox,
    optOuts,
    landlordName: opts.landlordName,
    publicBaseUrl: opts.publicBaseUrl,
    authToken,
    accountSid,
    replyBudgetMs: opts.replyBudgetMs,
    inboundCheck: opts.inboundCheck,
  });
  let sweep: NodeJS.Timeout | undefined;
  return {
    outbox,
    sender: new SmsSender(outbox, optOuts, opts.logger),
    optOuts,
    canSend,
    resumeStalled: webhook.resumeStalled,
    start() {
      outbox.start();
      if (sweep) return;
      sweep = setInterval(() => void webhook.resumeStalled().catch((err) => opts.logger.warn({ err }, 'stalled SMS sweep failed')), 30_000);
      sweep.unref();
    },
    async stop() {
      if (sweep) clearInterval(sweep);
      sweep = undefined;
      await outbox.stop();
    },
  };
}

// The tenant-facing channels we host ourselves (webchat over our Direct Line, SMS over Twilio),
// wired in one call from index.ts: routes, WebSocket streams, the SMS outbox poller, and the
// TenantSenders for 'webchat' and 'sms' on the shared TenantMessenger.
import type { Server } from 'restify';
import type { AppConfig } from '../config';
import type { Models } from '../models';
import type { ContactService } from '../services/contacts/types';
import type { Logger } from '../services/logging/logger';
import type { TenantMessenger } from '../services/notifications/tenantMessenger';
import type { TurnBot } from './common/turnRunner';
import type { InboundCheck } from './common/inboundCheck';
import { registerSms, SmsChannel } from './sms';
import { registerWebchat, WebchatChannel } from './webchat';

export interface TenantChannelsOptions {
  server: Server;
  models: Models;
  logger: Logger;
  config: AppConfig;
  /** The tenant bot (bots/tenantBot.ts); every channel runs the same bot. */
  bot: TurnBot;
  messenger: TenantMessenger;
  landlordName: string;
  /** Mirrors SMS STOP/START onto the contact record when given. */
  contacts?: ContactService;
  /** Start the outbox poller (off in tests that drive `sms.outbox.runDue()` themselves). */
  startOutbox?: boolean;
  /** Flood and contact-limit check before every tenant turn (services/ratelimit createInboundGuard). */
  inboundCheck?: InboundCheck;
}

export interface TenantChannels {
  webchat: WebchatChannel;
  sms: SmsChannel;
  /** Closes WebSocket streams and stops the outbox poller; call before closing the HTTP server. */
  stop(): Promise<void>;
}

export async function registerTenantChannels(opts: TenantChannelsOptions): Promise<TenantChannels> {
  const { config } = opts;
  const webchat = await registerWebchat({
    server: opts.server,
    models: opts.models,
    logger: opts.logger,
    bot: opts.bot,
    projectRoot: config.projectRoot,
    landlordName: opts.landlordName,
    publicBaseUrl: config.PUBLIC_BASE_URL ? config.publicBaseUrl : undefined,
    directLineSecret: config.DIRECTLINE_SECRET,
    inboundCheck: opts.inboundCheck,
    staffTokens: config.STAFF_API_TOKENS,
  });
  const sms = registerSms({
    server: opts.server,
    models: opts.models,
    logger: opts.logger,
    bot: opts.bot,
    landlordName: opts.landlordName,
    publicBaseUrl: config.publicBaseUrl,
    contacts: opts.contacts,
    inboundCheck: opts.inboundCheck,
    twilio: {
      accountSid: config.TWILIO_ACCOUNT_SID,
      authToken: config.TWILIO_AUTH_TOKEN,
      fromNumber: config.TWILIO_FROM_NUMBER,
      apiBaseUrl: config.TWILIO_API_BASE_URL,
    },
  });
  opts.messenger.register(webchat.sender);
  opts.messenger.register(sms.sender);
  if (opts.startOutbox !== false) sms.start();
  return {
    webchat,
    sms,
    async stop() {
      await sms.stop();
      await webchat.close();
    },
  };
}

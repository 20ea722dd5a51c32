// A server with only the SMS channel, wired to a bot given by the test, the run's real database
// and the local fake of Twilio's Messages API.
import { ActivityHandler } from 'botbuilder';
import type { Server } from 'restify';
import { createHttpServer } from '../../../channels/http/server';
import { registerSms, SmsChannel } from '../../../channels/sms';
import type { TurnBot } from '../../../channels/common/turnRunner';
import type { InboundCheck } from '../../../channels/common/inboundCheck';
import { createLogger } from '../../../services/logging/logger';
import type { TestDb } from '../../helpers/db';
import { openChannelDb } from '../channelDb';
import { FakeTwilioApi, startFakeTwilioApi } from '../../fakes/twilioApi';
import { TEST_TWILIO } from '../../helpers/sms';

export const PUBLIC_BASE_URL = 'https://complaints.example-landlord.org.uk';

export interface SmsHarness {
  url: string;
  db: TestDb;
  twilioApi: FakeTwilioApi;
  channel: SmsChannel;
  stop(): Promise<void>;
}

/** Echoes what it got, slowly when the text says "slow", so both reply paths can be seen. */
export class EchoSmsBot extends ActivityHandler {
  turns = 0;
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      this.turns += 1;
      const text = context.activity.text ?? '';
      if (text.includes('slow')) await new Promise((r) => setTimeout(r, 800));
      const media = (context.activity.attachments ?? []).map((a) => a.contentUrl).join(' ');
      await context.sendActivity(`echo: ${text}${media ? ` media: ${media}` : ''}`);
      if (text.includes('long')) await context.sendActivity('word '.repeat(300).trim());
      await next();
    });
  }
}

export async function startSmsHarness(bot: TurnBot = new EchoSmsBot(), options: { inboundCheck?: (models: TestDb['models']) => InboundCheck; db?: TestDb } = {}): Promise<SmsHarness> {
  // A second harness on the same database stands for another (or a restarted) instance.
  const db = options.db ?? (await openChannelDb('sms'));
  const twilioApi = await startFakeTwilioApi(TEST_TWILIO);
  const logger = createLogger('silent');
  const server: Server = createHttpServer({ logger, isReady: async () => true });
  const channel = registerSms({
    server,
    models: db.models,
    logger,
    bot,
    landlordName: 'Riverside Homes',
    publicBaseUrl: PUBLIC_BASE_URL,
    twilio: { accountSid: TEST_TWILIO.accountSid, authToken: TEST_TWILIO.authToken, fromNumber: TEST_TWILIO.fromNumber, apiBaseUrl: twilioApi.url },
    outboxOptions: { baseDelayMs: 1000, maxAttempts: 4, sendTimeoutMs: 1500 },
    replyBudgetMs: 400,
    inboundCheck: options.inboundCheck?.(db.models),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    db,
    twilioApi,
    channel,
    async stop() {
      await channel.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await twilioApi.close();
      if (!options.db) await db.drop();
    },
  };
}

// A server with only the webchat channel, wired to a bot given by the test, on the run's real
// database. Used to test the Direct Line plumbing independently of the tenant dialogs.
import { ActivityHandler } from 'botbuilder';
import type { Server } from 'restify';
import { createHttpServer } from '../../../channels/http/server';
import { registerWebchat, WebchatChannel } from '../../../channels/webchat';
import type { TurnBot } from '../../../channels/common/turnRunner';
import type { InboundCheck } from '../../../channels/common/inboundCheck';
import { createLogger } from '../../../services/logging/logger';
import { findProjectRoot } from '../../../config';
import type { TestDb } from '../../helpers/db';
import { openChannelDb } from '../channelDb';

export interface WebchatHarness {
  url: string;
  db: TestDb;
  server: Server;
  channel: WebchatChannel;
  stop(): Promise<void>;
}

/** Echoes text, greets on join, reports attachments: enough to see every Direct Line path work. */
export class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient.id);
      if (joined) await context.sendActivity('Hello, how can we help?');
      await next();
    });
    this.onMessage(async (context, next) => {
      const files = context.activity.attachments ?? [];
      if (files.length) await context.sendActivity(`got ${files.length} file(s): ${files.map((f) => f.name).join(', ')}`);
      else await context.sendActivity(`echo: ${context.activity.text} [${context.activity.locale ?? 'no-locale'}]`);
      await next();
    });
  }
}

export async function startWebchatHarness(bot: TurnBot = new EchoBot(), options: { tokenRateLimit?: { max: number; windowMs: number }; tokenLifetimeSeconds?: number; staffTokens?: string[]; stream?: { pollIntervalMs?: number; idlePollMs?: number; quietAfterMs?: number }; db?: TestDb; inboundCheck?: (models: TestDb['models']) => InboundCheck } = {}): Promise<WebchatHarness> {
  const db = options.db ?? (await openChannelDb('webchat'));
  const logger = createLogger('silent');
  const server = createHttpServer({ logger, isReady: async () => true });
  const channel = await registerWebchat({
    server,
    models: db.models,
    logger,
    bot,
    projectRoot: findProjectRoot(__dirname),
    landlordName: 'Riverside Homes',
    tokenRateLimit: options.tokenRateLimit,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds,
    staffTokens: options.staffTokens,
    ...options.stream,
    inboundCheck: options.inboundCheck?.(db.models),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    db,
    server,
    channel,
    async stop() {
      await channel.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.db) await db.drop();
    },
  };
}

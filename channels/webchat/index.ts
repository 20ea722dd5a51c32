// Everything the webchat channel adds to the app: the page, the Direct Line 3.0 endpoint, its
// WebSocket streams, and the TenantSender for 'webchat'. Called once from index.ts.
import type { Server } from 'restify';
import type { Models } from '../../models';
import type { Logger } from '../../services/logging/logger';
import type { TurnBot } from '../common/turnRunner';
import type { CollectingAdapter } from '../common/turnRunner';
import { DirectLineStore } from './conversationStore';
import { registerDirectLine } from './directLine';
import { registerWebchatPage } from './page';
import { attachDirectLineStreams } from './stream';
import { DirectLineTokens, resolveSigningSecret } from './tokens';
import { WebchatSender } from './webchatSender';
import { AttachmentSigner } from './attachmentAccess';
import type { RateLimitOptions } from './rateLimit';
import type { InboundCheck } from '../common/inboundCheck';

export interface WebchatOptions {
  server: Server;
  models: Models;
  logger: Logger;
  bot: TurnBot;
  projectRoot: string;
  landlordName: string;
  /** The raw PUBLIC_BASE_URL (undefined when not configured). */
  publicBaseUrl?: string;
  directLineSecret?: string;
  tokenRateLimit?: RateLimitOptions;
  tokenLifetimeSeconds?: number;
  pollIntervalMs?: number;
  /** A WebSocket whose conversation has been quiet for quietAfterMs (default 15 s) polls every idlePollMs (default 3 s). */
  idlePollMs?: number;
  quietAfterMs?: number;
  inboundCheck?: InboundCheck;
  /** How long a tenant message may wait for its turn before `resumePending` runs it again. */
  pendingLeaseMs?: number;
  /** STAFF_API_TOKENS: staff fetch uploaded evidence with these bearer tokens. */
  staffTokens?: readonly string[];
}

export interface WebchatChannel {
  adapter: CollectingAdapter;
  store: DirectLineStore;
  tokens: DirectLineTokens;
  sender: WebchatSender;
  /** Answers tenant messages a crashed instance left unanswered (see resumeJob.ts); returns how many. */
  resumePending(now?: Date): Promise<number>;
  close(): Promise<void>;
}

export async function registerWebchat(opts: WebchatOptions): Promise<WebchatChannel> {
  const signingSecret = await resolveSigningSecret(opts.models.DirectlineSetting, opts.directLineSecret);
  const tokens = new DirectLineTokens(signingSecret, opts.tokenLifetimeSeconds, opts.directLineSecret);
  const store = new DirectLineStore(opts.models);
  const signer = new AttachmentSigner(signingSecret);
  registerWebchatPage({ server: opts.server, projectRoot: opts.projectRoot, landlordName: opts.landlordName });
  const directLine = registerDirectLine({
    server: opts.server,
    models: opts.models,
    logger: opts.logger,
    bot: opts.bot,
    tokens,
    store,
    signer,
    landlordName: opts.landlordName,
    publicBaseUrl: opts.publicBaseUrl,
    tokenRateLimit: opts.tokenRateLimit,
    inboundCheck: opts.inboundCheck,
    pendingLeaseMs: opts.pendingLeaseMs,
    staffTokens: opts.staffTokens,
  });
  const streams = attachDirectLineStreams({
    httpServer: opts.server.server,
    store,
    tokens,
    logger: opts.logger,
    pollIntervalMs: opts.pollIntervalMs,
    idlePollMs: opts.idlePollMs,
    quietAfterMs: opts.quietAfterMs,
    present: (activities) => signer.signUrls(activities),
  });
  return {
    adapter: directLine.adapter,
    store,
    tokens,
    sender: new WebchatSender(store, directLine.sendToConversation),
    resumePending: directLine.resumePending,
    close: () => streams.close(),
  };
}

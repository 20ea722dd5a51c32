// A Direct Line 3.0-compatible endpoint served by the app itself, so the official Web Chat talks
// to our bot without Azure. Conversations, activities and uploads live in MongoDB; any instance
// can serve any conversation. Routes and shapes follow Microsoft's Direct Line 3.0 reference.
import fs from 'node:fs/promises';
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Request, Response, Server } from 'restify';
import type { Activity, Attachment } from 'botbuilder';
import { z } from 'zod';
import type { Models } from '../../models';
import type { Logger } from '../../services/logging/logger';
import { CollectingAdapter, TurnBot } from '../common/turnRunner';
import { ConversationNotFoundError, DirectLineStore, parseWatermark } from './conversationStore';
import { bearerToken, DirectLineTokens, newConversationId, newUserId, TokenClaims } from './tokens';
import { RateLimitOptions, takeFromWindow } from './rateLimit';
import { formidable } from './formidable';
import { InboundCheck, refusalText } from '../common/inboundCheck';
import { AttachmentSigner, checkAttachmentAccess } from './attachmentAccess';
import type { DirectlinePendingDoc } from '../../models/directlinePending';

export const DIRECTLINE_PREFIX = '/v3/directline';
export const BOT_ID = 'housing-complaints-bot';
const UPLOAD_PATH = /^\/v3\/directline\/conversations\/[^/?]+\/upload(\?|$)/;

export interface DirectLineOptions {
  server: Server;
  models: Models;
  logger: Logger;
  bot: TurnBot;
  tokens: DirectLineTokens;
  store: DirectLineStore;
  /** Signs the evidence URLs handed to a verified client (attachmentAccess.ts). */
  signer: AttachmentSigner;
  landlordName: string;
  /** PUBLIC_BASE_URL when configured; otherwise URLs are built from the request's Host header. */
  publicBaseUrl?: string;
  tokenRateLimit?: RateLimitOptions;
  /** Largest single uploaded file, bytes. */
  maxUploadBytes?: number;
  maxUploadFiles?: number;
  /** Flood and contact-limit check before the bot turn (services/ratelimit). */
  inboundCheck?: InboundCheck;
  /** How long a tenant message may wait for its turn before the resume job runs it again (default 2 min). */
  pendingLeaseMs?: number;
  /** STAFF_API_TOKENS: staff may fetch uploaded evidence with `Authorization: Bearer <staff token>`. */
  staffTokens?: readonly string[];
}

export interface DirectLineChannel {
  adapter: CollectingAdapter;
  /** Appends a bot message to a conversation (proactive replies from staff, follow-ups). */
  sendToConversation(conversationId: string, text: string): Promise<void>;
  /**
   * Runs the turn again for tenant messages whose turn never finished (the instance crashed) and
   * whose lease ran out by `now`: once per attempt across instances, `failedAt` after three.
   */
  resumePending(now?: Date): Promise<number>;
}

const attachmentSchema = z.object({
  contentType: z.string().max(200),
  contentUrl: z.string().url().max(2000).optional(),
  content: z.unknown().optional(),
  name: z.string().max(300).optional(),
  thumbnailUrl: z.string().max(2000).optional(),
});

const postedActivitySchema = z.object({
  type: z.enum(['message', 'event', 'typing']),
  text: z.string().max(5000).optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  locale: z.string().max(35).optional(),
  localTimestamp: z.string().max(64).optional(),
  localTimezone: z.string().max(64).optional(),
  name: z.string().max(200).optional(),
  value: z.unknown().optional(),
  attachments: z.array(attachmentSchema).max(10).optional(),
  entities: z.array(z.object({ type: z.string().max(100) }).passthrough()).max(10).optional(),
  channelData: z.record(z.unknown()).optional(),
  from: z.object({ id: z.string().max(200).optional(), name: z.string().max(200).optional() }).passthrough().optional(),
});
type PostedActivity = z.infer<typeof postedActivitySchema>;

/** `GET /api/webchat/token?locale=pl-PL`: the page's language, kept on the conversation for the bot's welcome. */
const tokenQuerySchema = z.object({
  locale: z
    .string()
    .max(35, 'locale must be at most 35 characters')
    .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, 'locale must be a language tag such as pl or pl-PL')
    .optional(),
});

const startBodySchema = z
  .object({ user: z.object({ id: z.string().max(200).optional() }).passthrough().optional(), locale: z.string().max(35).optional() })
  .passthrough()
  .optional();

export function registerDirectLine(opts: DirectLineOptions): DirectLineChannel {
  const { server, store, tokens, logger } = opts;
  const bot = { id: BOT_ID, name: opts.landlordName, role: 'bot' };
  const rate = opts.tokenRateLimit ?? { max: 30, windowMs: 10 * 60 * 1000 };
  const maxUploadBytes = opts.maxUploadBytes ?? 5 * 1024 * 1024;
  const maxUploadFiles = opts.maxUploadFiles ?? 5;
  const pendingLeaseMs = opts.pendingLeaseMs ?? 2 * 60 * 1000;

  const adapter = new CollectingAdapter({
    // Replies go straight into the conversation log as the bot sends them (the WebSocket streams them).
    deliver: async (activities) => {
      for (const reply of activities) {
        const conversationId = reply.conversation?.id;
        if (!conversationId) throw new Error('reply without a conversation id');
        await store.append(conversationId, { ...reply, from: bot, serviceUrl: undefined });
      }
    },
    onError: async (error, context) => {
      logger.error({ err: error, channel: 'webchat' }, 'bot turn failed');
      await context.sendActivity('Sorry, something went wrong on our side. Please try again in a moment.');
    },
  });

  const baseUrl = (req: Request): string => {
    if (opts.publicBaseUrl) return opts.publicBaseUrl;
    const proto = (req.headers['x-forwarded-proto'] as string | undefined)?.split(',')[0] ?? 'http';
    return `${proto}://${req.headers.host ?? 'localhost'}`;
  };
  const streamUrl = (req: Request, conversationId: string, token: string, watermark?: number): string => {
    const ws = baseUrl(req).replace(/^http/, 'ws');
    const mark = watermark === undefined ? '' : `watermark=${watermark}&`;
    return `${ws}${DIRECTLINE_PREFIX}/conversations/${encodeURIComponent(conversationId)}/stream?${mark}t=${encodeURIComponent(token)}`;
  };

  /** Token check for routes under /conversations/:id: 401 without a valid token, 403 for another conversation. */
  const authorise = (req: Request, res: Response, conversationId: string): TokenClaims | undefined => {
    const check = tokens.verify(bearerToken(req.headers.authorization));
    if (!check.ok) {
      res.send(check.status, { error: { code: 'TokenInvalid', message: check.reason } });
      return undefined;
    }
    if (check.claims.conversationId !== conversationId) {
      res.send(403, { error: { code: 'BadArgument', message: 'token is not valid for this conversation' } });
      return undefined;
    }
    return check.claims;
  };

  const startConversation = async (conversationId: string, userId: string, locale: string | undefined, serviceUrl: string) => {
    if (!(await store.markStarted(conversationId))) return;
    // Like Azure Direct Line: the bot hears that it and the user joined, and can greet.
    const activity: Partial<Activity> = {
      type: 'conversationUpdate',
      id: randomUUID(),
      timestamp: new Date(),
      channelId: 'directline',
      serviceUrl,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: userId, role: 'user', name: '' },
      recipient: bot,
      membersAdded: [bot, { id: userId, name: '' }],
      locale,
    };
    await adapter.runTurn(opts.bot, activity);
  };

  /**
   * Stores the tenant's post and runs the bot turn; a retried post (same clientActivityID, any
   * instance) is stored and answered once. The post is marked pending before it is stored and
   * until its replies are stored, so an instance dying anywhere in between leaves it to
   * `resumePending` (or to the client's retry) on any instance.
   */
  const acceptActivity = async (req: Request, conversationId: string, claims: TokenClaims, posted: PostedActivity): Promise<string> => {
    const conversation = await store.conversation(conversationId);
    const activity: Partial<Activity> = {
      ...posted,
      localTimestamp: undefined,
      from: { id: claims.userId, name: posted.from?.name ?? '', role: 'user' },
      recipient: bot,
      locale: posted.locale ?? conversation.locale,
      attachments: posted.attachments as Attachment[] | undefined,
    };
    if (posted.type === 'typing') return (await store.append(conversationId, activity)).id;
    const given = posted.channelData?.clientActivityID;
    const clientActivityId = typeof given === 'string' && given ? given.slice(0, 200) : `srv-${randomUUID()}`;
    const claim = await store.claimPost(conversationId, clientActivityId);
    if (claim.kind === 'duplicate') return claim.id;
    if (claim.kind === 'busy') throw new StillStoringError();
    if (claim.kind === 'stalled') {
      // The first copy's instance died before storing it: store and answer it now (or let the
      // instance that took this attempt do it).
      const id = (await resumeOne(claim.pending, new Date())) ?? (await store.findPosted(conversationId, clientActivityId))?.id;
      if (!id) throw new StillStoringError();
      return id;
    }
    const serviceUrl = `${baseUrl(req)}${DIRECTLINE_PREFIX}`;
    await store.markPending(conversationId, clientActivityId, activity, serviceUrl);
    const stored = await store.storePost(conversationId, activity, clientActivityId, claim.claimedSeq);
    await answer({ ...activity, id: stored.id, channelId: 'directline', serviceUrl, conversation: conversationOf(conversationId), timestamp: new Date() }, true, clientActivityId);
    return stored.id;
  };

  /** Runs the bot turn for a stored tenant post, then clears its pending mark and writes the conversation once. */
  const answer = async (inbound: Partial<Activity>, checkInbound: boolean, clientActivityId: string): Promise<void> => {
    const conversationId = inbound.conversation?.id as string;
    const userId = inbound.from?.id as string;
    await startConversation(conversationId, userId, inbound.locale, inbound.serviceUrl as string);
    const decision = checkInbound && inbound.type === 'message' ? await opts.inboundCheck?.check({ channel: 'webchat', id: userId }) : undefined;
    if (decision && !decision.allowed) {
      // The message stays in the conversation log; the bot is not asked, and we say so once.
      if (decision.firstRefusal) await adapter.processActivity(inbound, async (context) => void (await context.sendActivity(refusalText(decision))));
    } else {
      await adapter.runTurn(opts.bot, inbound);
    }
    await Promise.all([store.clearPending(conversationId, clientActivityId), store.touch(conversationId)]);
  };

  /** Takes the next attempt of a stalled post; stores it if it never was, answers it; its id, or undefined when another caller took the attempt. */
  const resumeOne = async (pending: DirectlinePendingDoc, now: Date): Promise<string | undefined> => {
    const attempt = pending.attempts + 1;
    if (!(await store.claimAttempt(pending._id, attempt, now))) return undefined;
    if (attempt > MAX_TURN_ATTEMPTS) {
      await store.markPendingFailed(pending._id);
      logger.error({ pendingId: pending._id }, 'webchat message failed three times; left for staff');
      return undefined;
    }
    const { conversationId, clientActivityId } = pending;
    const posted = await store.findPosted(conversationId, clientActivityId);
    if (posted && (await alreadyAnswered(conversationId, posted.id, posted.seq))) {
      // The instance died after the bot's replies were written but before the mark was cleared:
      // running the turn again would answer the tenant twice.
      await store.clearPending(conversationId, clientActivityId);
      logger.info({ pendingId: pending._id, attempt }, 'webchat turn left unfinished had already been answered; mark cleared');
      return posted.id;
    }
    const activity = posted?.activity ?? (JSON.parse(pending.activityJson) as Partial<Activity>);
    const id = posted?.id ?? (await store.storePost(conversationId, activity, clientActivityId)).id;
    // Not counted against the sender's rate limit again: it was taken when the message came in.
    await answer({ ...activity, id, channelId: 'directline', serviceUrl: pending.serviceUrl, conversation: conversationOf(conversationId), recipient: bot, timestamp: new Date() }, false, clientActivityId);
    logger.info({ pendingId: pending._id, attempt }, 'resumed a webchat turn left unfinished');
    return id;
  };

  /** Whether the bot has already replied to the stored post (only on the rare resume path: reads forward by _id). */
  const alreadyAnswered = async (conversationId: string, postId: string, seq: number): Promise<boolean> => {
    const page = await store.listAfter(conversationId, seq, { limit: 50 });
    return page.activities.some((a) => a.replyToId === postId && a.from?.role === 'bot');
  };

  const resumePending = async (now = new Date()): Promise<number> => {
    const stalled = await store.stalledPending(new Date(now.getTime() - pendingLeaseMs));
    let resumed = 0;
    for (const pending of stalled) {
      try {
        if (await resumeOne(pending, now)) resumed += 1;
      } catch (err) {
        logger.error({ err, pendingId: pending._id }, 'resuming a webchat turn failed; will try again');
      }
    }
    return resumed;
  };

  const sendError = (res: Response, err: unknown, what: string) => {
    if (err instanceof StillStoringError) {
      res.setHeader('Retry-After', '2');
      res.send(503, { error: { code: 'ServiceError', message: 'this message is still being stored; send it again in a moment' } });
      return;
    }
    if (err instanceof ConversationNotFoundError) {
      res.send(404, { error: { code: 'BadArgument', message: 'conversation not found' } });
      return;
    }
    logger.error({ err, route: what }, 'direct line request failed');
    res.send(500, { error: { code: 'ServiceError', message: 'internal error' } });
  };

  // --- token issue for our own page (the page has no secret) ---
  server.get('/api/webchat/token', async (req, res) => {
    const query = tokenQuerySchema.safeParse(req.query ?? {});
    if (!query.success) {
      res.send(400, { error: query.error.issues.map((i) => i.message).join('; ') });
      return;
    }
    const ip = clientIp(req);
    const decision = await takeFromWindow(opts.models.RateLimitCounter, `webchat-token:${ip}`, rate);
    if (!decision.allowed) {
      res.setHeader('Retry-After', String(decision.retryAfterSeconds));
      res.send(429, { error: 'too many chat sessions started from this address; please try again shortly' });
      return;
    }
    const conversationId = newConversationId();
    const userId = newUserId();
    await store.ensureConversation(conversationId, userId, query.data.locale);
    const issued = tokens.issue(conversationId, userId);
    res.setHeader('Cache-Control', 'no-store');
    res.send(200, { token: issued.token, conversationId, userId, expires_in: issued.expires_in });
  });

  // --- Direct Line 3.0 ---
  server.post(`${DIRECTLINE_PREFIX}/conversations`, async (req, res) => {
    const body = startBodySchema.safeParse(req.body ?? undefined);
    if (!body.success) {
      res.send(400, { error: { code: 'BadArgument', message: body.error.issues.map((i) => i.message).join('; ') } });
      return;
    }
    const credential = bearerToken(req.headers.authorization);
    let conversationId: string;
    let userId: string;
    let token: string;
    let expiresIn: number;
    if (tokens.isSecret(credential)) {
      // Server-to-server start with the secret, as on Azure: a brand-new conversation.
      conversationId = newConversationId();
      const requested = body.data?.user?.id;
      userId = requested && /^[\w:.-]{1,64}$/.test(requested) ? requested : newUserId();
      ({ token, expires_in: expiresIn } = tokens.issue(conversationId, userId));
    } else {
      const check = tokens.verify(credential);
      if (!check.ok) {
        res.send(check.status, { error: { code: 'TokenInvalid', message: check.reason } });
        return;
      }
      ({ conversationId, userId } = check.claims);
      token = credential as string;
      expiresIn = Math.max(0, check.claims.expiresAt - Math.floor(Date.now() / 1000));
    }
    try {
      const { created } = await store.ensureConversation(conversationId, userId, body.data?.locale);
      // Web Chat starts without a body: the welcome uses the locale the page asked its token with.
      const locale = body.data?.locale ?? (await store.conversation(conversationId)).locale;
      await startConversation(conversationId, userId, locale, `${baseUrl(req)}${DIRECTLINE_PREFIX}`);
      res.send(created ? 201 : 200, { conversationId, token, expires_in: expiresIn, streamUrl: streamUrl(req, conversationId, token) });
    } catch (err) {
      sendError(res, err, 'start conversation');
    }
  });

  server.get(`${DIRECTLINE_PREFIX}/conversations/:conversationId`, async (req, res) => {
    const conversationId = String(req.params.conversationId);
    const claims = authorise(req, res, conversationId);
    if (!claims) return;
    const conversation = await store.get(conversationId);
    if (!conversation) {
      res.send(404, { error: { code: 'BadArgument', message: 'conversation not found' } });
      return;
    }
    const token = bearerToken(req.headers.authorization) as string;
    const query = (req.query ?? {}) as Record<string, unknown>;
    const watermark = query.watermark === undefined || query.watermark === '' ? undefined : parseWatermark(query.watermark);
    try {
      await startConversation(conversationId, claims.userId, conversation.locale, `${baseUrl(req)}${DIRECTLINE_PREFIX}`);
      res.send(200, {
        conversationId,
        token,
        expires_in: Math.max(0, claims.expiresAt - Math.floor(Date.now() / 1000)),
        streamUrl: streamUrl(req, conversationId, token, watermark ?? (await store.currentWatermark(conversationId))),
      });
    } catch (err) {
      sendError(res, err, 'reconnect');
    }
  });

  server.get(`${DIRECTLINE_PREFIX}/conversations/:conversationId/activities`, async (req, res) => {
    const conversationId = String(req.params.conversationId);
    if (!authorise(req, res, conversationId)) return;
    const query = (req.query ?? {}) as Record<string, unknown>;
    const page = await store.listAfter(conversationId, parseWatermark(query.watermark));
    res.send(200, { activities: opts.signer.signUrls(page.activities), watermark: String(page.watermark) });
  });

  server.post(`${DIRECTLINE_PREFIX}/conversations/:conversationId/activities`, async (req, res) => {
    const conversationId = String(req.params.conversationId);
    const claims = authorise(req, res, conversationId);
    if (!claims) return;
    const parsed = postedActivitySchema.safeParse(req.body);
    if (!parsed.success) {
      const reason = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
      res.send(400, { error: { code: 'BadArgument', message: reason } });
      return;
    }
    try {
      const id = await acceptActivity(req, conversationId, claims, parsed.data);
      res.send(200, { id });
    } catch (err) {
      sendError(res, err, 'post activity');
    }
  });

  // Web Chat sends files as multipart: one `activity` part (the message) plus one `file` part per
  // file. We parse these uploads ourselves, before the shared body parser, so that several parts
  // with the same name are all kept and the size limit is enforced while streaming.
  server.pre((req, res, next) => {
    if (req.method !== 'POST' || !UPLOAD_PATH.test(req.url ?? '')) return next();
    const length = Number(req.headers['content-length'] ?? 0);
    const limitMb = Math.round(maxUploadBytes / 1024 / 1024);
    if (length > maxUploadBytes * maxUploadFiles + 64 * 1024) {
      res.send(413, { error: { code: 'BadArgument', message: `files must be ${limitMb} MB or smaller` } });
      return next(false);
    }
    if (!/^multipart\/form-data/i.test(String(req.headers['content-type'] ?? ''))) {
      res.send(400, { error: { code: 'BadArgument', message: 'upload must be multipart/form-data' } });
      return next(false);
    }
    const form = new formidable.IncomingForm();
    form.multiples = true;
    form.maxFileSize = maxUploadBytes * maxUploadFiles;
    form.parse(req, (err, _fields, files) => {
      if (err) {
        res.send(413, { error: { code: 'BadArgument', message: `upload refused: ${err.message}` } });
        return next(false);
      }
      const parsed = req as unknown as { files?: unknown; _parsedBody?: boolean };
      parsed.files = files;
      parsed._parsedBody = true;
      return next();
    });
  });

  server.post(`${DIRECTLINE_PREFIX}/conversations/:conversationId/upload`, async (req, res) => {
    const files = uploadedFiles(req);
    try {
      const conversationId = String(req.params.conversationId);
      const claims = authorise(req, res, conversationId);
      if (!claims) return;
      const template = files.find((f) => f.field === 'activity' || f.type === 'application/vnd.microsoft.activity');
      const parts = files.filter((f) => f !== template);
      if (parts.length === 0 || parts.length > maxUploadFiles) {
        res.send(400, { error: { code: 'BadArgument', message: `send between 1 and ${maxUploadFiles} files` } });
        return;
      }
      const tooBig = parts.find((f) => f.size > maxUploadBytes);
      if (tooBig) {
        res.send(413, { error: { code: 'BadArgument', message: `${tooBig.name} is larger than ${Math.round(maxUploadBytes / 1024 / 1024)} MB` } });
        return;
      }
      let posted: PostedActivity = { type: 'message' };
      if (template) {
        const raw: unknown = JSON.parse(await fs.readFile(template.path, 'utf8'));
        const parsed = postedActivitySchema.safeParse(raw);
        if (!parsed.success) {
          res.send(400, { error: { code: 'BadArgument', message: `activity: ${parsed.error.issues.map((i) => i.message).join('; ')}` } });
          return;
        }
        posted = parsed.data;
      }
      // Files finish parsing in any order; keep the order the tenant chose them in.
      const wanted = (posted.attachments ?? []).map((a) => a.name);
      parts.sort((a, b) => rank(wanted, a.name) - rank(wanted, b.name));
      const base = baseUrl(req);
      const attachments: Attachment[] = [];
      for (const file of parts) {
        const id = randomBytes(24).toString('base64url');
        await opts.models.DirectlineAttachment.create({
          _id: id,
          conversationId,
          userId: claims.userId,
          name: file.name,
          contentType: file.type,
          size: file.size,
          data: await fs.readFile(file.path),
          createdAt: new Date(),
        });
        attachments.push({ contentType: file.type, name: file.name, contentUrl: `${base}${DIRECTLINE_PREFIX}/attachments/${id}` });
      }
      const id = await acceptActivity(req, conversationId, claims, { ...posted, type: 'message', attachments });
      res.send(200, { id });
    } catch (err) {
      if (err instanceof SyntaxError) {
        res.send(400, { error: { code: 'BadArgument', message: 'activity part is not valid JSON' } });
        return;
      }
      sendError(res, err, 'upload');
    } finally {
      await Promise.all(files.map((f) => fs.unlink(f.path).catch(() => undefined)));
    }
  });

  // Uploaded evidence: for its own conversation (a signed link, or the conversation's token) and staff.
  server.get(`${DIRECTLINE_PREFIX}/attachments/:attachmentId`, async (req, res) => {
    const doc = await opts.models.DirectlineAttachment.findById(String(req.params.attachmentId));
    if (!doc) {
      res.send(404, { error: 'not found' });
      return;
    }
    const query = (req.query ?? {}) as Record<string, unknown>;
    const access = checkAttachmentAccess(
      { authorization: req.headers.authorization, exp: query.exp, sig: query.sig },
      { id: doc._id, conversationId: doc.conversationId },
      { signer: opts.signer, tokens, staffTokens: opts.staffTokens ?? [] },
    );
    if (!access.ok) {
      res.send(access.status, { error: access.reason });
      return;
    }
    const inline = /^image\/(png|jpeg|gif|webp)$/.test(doc.contentType);
    res.setHeader('Content-Type', inline ? doc.contentType : 'application/octet-stream');
    res.setHeader('Content-Disposition', `${inline ? 'inline' : 'attachment'}; filename="${doc.name.replace(/[^\w.-]/g, '_')}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.sendRaw(200, doc.data);
  });

  server.post(`${DIRECTLINE_PREFIX}/tokens/refresh`, async (req, res) => {
    const check = tokens.verify(bearerToken(req.headers.authorization));
    if (!check.ok) {
      res.send(check.status, { error: { code: 'TokenInvalid', message: check.reason } });
      return;
    }
    const issued = tokens.issue(check.claims.conversationId, check.claims.userId);
    res.send(200, { conversationId: check.claims.conversationId, token: issued.token, expires_in: issued.expires_in });
  });

  return {
    adapter,
    resumePending,
    async sendToConversation(conversationId, text) {
      const conversation = await store.conversation(conversationId);
      await store.append(conversationId, {
        type: 'message',
        text,
        from: bot,
        recipient: { id: conversation.userId, name: '', role: 'user' },
        timestamp: new Date(),
      });
      await store.touch(conversationId);
    },
  };
}

const MAX_TURN_ATTEMPTS = 3;

/** A retried post whose first copy is being stored by another instance right now. */
class StillStoringError extends Error {}

function conversationOf(conversationId: string): Activity['conversation'] {
  return { id: conversationId, isGroup: false, conversationType: 'personal', name: '' };
}

function rank(names: (string | undefined)[], name: string): number {
  const i = names.indexOf(name);
  return i < 0 ? names.length : i;
}

interface UploadedFile {
  field: string;
  path: string;
  name: string;
  type: string;
  size: number;
}

/** restify's multipart parser (formidable v1) leaves files on disk in `req.files`. */
function uploadedFiles(req: Request): UploadedFile[] {
  const files = (req as unknown as { files?: Record<string, unknown> }).files ?? {};
  const out: UploadedFile[] = [];
  for (const [field, value] of Object.entries(files)) {
    for (const f of Array.isArray(value) ? value : [value]) {
      const file = f as { path?: string; name?: string; type?: string; size?: number };
      if (!file.path) continue;
      out.push({ field, path: file.path, name: file.name || 'file', type: file.type || 'application/octet-stream', size: file.size ?? 0 });
    }
  }
  return out;
}

export function clientIp(req: Request | IncomingMessage): string {
  return req.socket?.remoteAddress ?? 'unknown';
}

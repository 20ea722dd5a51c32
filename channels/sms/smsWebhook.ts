// Twilio's inbound SMS webhook (POST /api/sms) and delivery reports (POST /api/sms/status).
// Every request is checked against X-Twilio-Signature for the public URL Twilio called, parsed
// with zod, and deduplicated on MessageSid, so a retried webhook runs one bot turn.
// A message is held in sms_inflight (small: only messages being handled) from receipt until its
// outcome is inserted into sms_inbound; nothing on the per-message path updates or deletes in
// sms_inbound, which grows with traffic (FerretDB v1 scans a collection for those, see CONTRIBUTING).
import type { Request, Response, Server } from 'restify';
import type { Activity } from 'botbuilder';
import twilio from 'twilio';
import { z } from 'zod';
import type { Models } from '../../models';
import { claimOnce } from '../../models/channelClaim';
import { rawCollection } from '../../models/rawCollection';
import type { SmsInflightDoc } from '../../models/smsInflight';
import type { Logger } from '../../services/logging/logger';
import type { Outbox } from '../../services/notifications/outbox';
import { splitForSms } from '../../services/notifications/smsSegments';
import { CollectingAdapter, replyText, TurnBot } from '../common/turnRunner';
import { keywordReply, smsKeyword } from './keywords';
import { InboundCheck, refusalText } from '../common/inboundCheck';
import type { SmsOptOuts } from './optOuts';
import { E164 } from './smsSender';

export interface SmsWebhookOptions {
  server: Server;
  models: Models;
  logger: Logger;
  bot: TurnBot;
  outbox: Outbox;
  optOuts: SmsOptOuts;
  landlordName: string;
  /** Base of the URL Twilio signs (PUBLIC_BASE_URL). */
  publicBaseUrl: string;
  authToken?: string;
  accountSid?: string;
  /** Twilio waits 15 s for a webhook; past this budget we acknowledge and reply through the outbox. */
  replyBudgetMs?: number;
  /** A retried webhook may take over a message whose first attempt has been silent this long. */
  processingLeaseMs?: number;
  /** Flood and contact-limit check before the bot turn (services/ratelimit). */
  inboundCheck?: InboundCheck;
}

const SID = /^[A-Z]{2}[0-9a-f]{32}$/;
const MAX_MEDIA = 10;

const inboundSchema = z
  .object({
    MessageSid: z.string().regex(SID, 'MessageSid must look like SM followed by 32 hex digits'),
    AccountSid: z.string().regex(SID, 'AccountSid must look like AC followed by 32 hex digits'),
    From: z.string().regex(E164, 'From must be an E.164 phone number'),
    To: z.string().min(1, 'To is required'),
    Body: z.string().max(1600, 'Body is longer than Twilio allows').default(''),
    NumMedia: z.coerce.number().int().min(0).max(MAX_MEDIA).default(0),
  })
  .passthrough();

const statusSchema = z
  .object({
    MessageSid: z.string().regex(SID, 'MessageSid must look like SM followed by 32 hex digits'),
    MessageStatus: z.enum(['accepted', 'scheduled', 'queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'read', 'canceled', 'receiving', 'received']),
    ErrorCode: z.string().max(10).optional(),
  })
  .passthrough();

export interface SmsWebhook {
  adapter: CollectingAdapter;
  /** Re-runs inbound messages left half-handled by a crashed instance; returns how many. */
  resumeStalled(now?: Date): Promise<number>;
}

export function registerSmsWebhook(opts: SmsWebhookOptions): SmsWebhook {
  const { server, logger } = opts;
  const budgetMs = opts.replyBudgetMs ?? 5000;
  const leaseMs = opts.processingLeaseMs ?? 2 * 60 * 1000;
  const adapter = new CollectingAdapter({
    onError: async (error, context) => {
      logger.error({ err: error, channel: 'sms' }, 'bot turn failed');
      await context.sendActivity('Sorry, something went wrong on our side. Please text again in a few minutes.');
    },
  });

  /** 403 unless the request carries Twilio's signature for exactly the URL Twilio called. */
  const signed = (req: Request, res: Response): Record<string, string> | undefined => {
    const raw = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
    const signature = req.headers['x-twilio-signature'];
    if (!opts.authToken) {
      res.send(503, { error: 'SMS is not configured (TWILIO_AUTH_TOKEN is not set)' });
      return undefined;
    }
    if (typeof signature !== 'string' || !signature) {
      res.send(403, { error: 'missing X-Twilio-Signature' });
      return undefined;
    }
    const url = `${opts.publicBaseUrl}${req.url ?? ''}`;
    if (!twilio.validateRequest(opts.authToken, signature, url, raw)) {
      logger.warn({ path: req.path() }, 'SMS webhook with a bad signature refused');
      res.send(403, { error: 'X-Twilio-Signature does not match this request' });
      return undefined;
    }
    return formParams(raw);
  };

  server.post('/api/sms', async (req, res) => {
    const params = signed(req, res);
    if (!params) return;
    const parsed = inboundSchema.safeParse(params);
    if (!parsed.success) {
      res.send(400, { error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      return;
    }
    const msg = parsed.data;
    if (opts.accountSid && msg.AccountSid !== opts.accountSid) {
      res.send(403, { error: 'AccountSid is not this account' });
      return;
    }
    const media = mediaOf(params, msg.NumMedia);
    const held = await claim(msg.MessageSid, msg.From, msg.To, msg.Body, media);
    if (!held) {
      // Already handled (or being handled) for this MessageSid: acknowledge, say nothing twice.
      sendTwiml(res, []);
      return;
    }

    const optedOut = await opts.optOuts.isOptedOut(msg.From);
    const keyword = smsKeyword(msg.Body, optedOut);
    if (keyword) {
      if (keyword !== 'help') await opts.optOuts.set(msg.From, keyword === 'stop');
      await finish(held, 'twiml');
      sendTwiml(res, [keywordReply(keyword, opts.landlordName)]);
      return;
    }

    const decision = await opts.inboundCheck?.check({ channel: 'sms', id: msg.From });
    if (decision && !decision.allowed) {
      // Kept in sms_inbound for staff; no bot turn. One kind reply per window, then silence.
      const texts = decision.firstRefusal && !optedOut ? [refusalText(decision)] : [];
      await finish(held, texts.length ? 'twiml' : 'none');
      sendTwiml(res, texts);
      return;
    }
    const turn = adapter.runTurn(opts.bot, smsActivity(msg.MessageSid, msg.From, msg.To, msg.Body, media), { deliver: null });
    const inTime = await Promise.race([turn.then((replies) => ({ replies })), sleep(budgetMs).then(() => undefined)]);
    if (inTime) {
      const texts = optedOut ? [] : smsTexts(inTime.replies);
      await finish(held, texts.length ? 'twiml' : 'none');
      sendTwiml(res, texts);
      return;
    }
    // Slow turn: acknowledge now so Twilio does not time out, and text the reply when it is ready.
    sendTwiml(res, []);
    try {
      await replyLater(held, optedOut ? [] : smsTexts(await turn));
    } catch (err) {
      // Left in sms_inflight: resumeStalled() runs it again once the lease has run out.
      logger.error({ err }, 'slow SMS turn failed after acknowledging');
    }
  });

  server.post('/api/sms/status', async (req, res) => {
    const params = signed(req, res);
    if (!params) return;
    const parsed = statusSchema.safeParse(params);
    if (!parsed.success) {
      res.send(400, { error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      return;
    }
    const known = await opts.outbox.recordDeliveryStatus(parsed.data.MessageSid, parsed.data.MessageStatus, parsed.data.ErrorCode);
    if (!known) logger.info({ status: parsed.data.MessageStatus }, 'delivery status for a message not sent through the outbox');
    res.send(204);
  });

  const inflight = rawCollection(opts.models.SmsInflight);

  /** True once the message's outcome is in sms_inbound (a record left 'processing' by an older version is not an outcome). */
  const alreadyDone = async (sid: string): Promise<boolean> => {
    const done = await rawCollection(opts.models.SmsInbound).findOne({ _id: sid }, { projection: { status: 1 } });
    return done !== null && done.status !== 'processing';
  };

  /**
   * First delivery of a MessageSid wins and holds the message until its outcome is recorded; a
   * retry only takes over after the holder's lease ran out. A delivery after the outcome is a duplicate.
   */
  const claim = async (sid: string, from: string, to: string, body: string, media: { url: string; contentType?: string }[]): Promise<SmsInflightDoc | undefined> => {
    const now = new Date();
    const stored = media.map((m) => (m.contentType ? { url: m.url, contentType: m.contentType } : { url: m.url }));
    const held: SmsInflightDoc = { _id: sid, from, to, body, media: stored, leaseUntil: new Date(now.getTime() + leaseMs), attempts: 1, receivedAt: now };
    try {
      await inflight.insertOne(held);
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      return takeOver(sid, now);
    }
    if (await alreadyDone(sid)) {
      await inflight.deleteOne({ _id: sid });
      return undefined;
    }
    return held;
  };

  /** Taking over a message whose holder went silent (crashed instance): one taker per attempt. */
  const takeOver = async (sid: string, now: Date): Promise<SmsInflightDoc | undefined> => {
    const existing = await inflight.findOne({ _id: sid });
    if (!existing || existing.leaseUntil > now) return undefined;
    if (!(await claimOnce(opts.models.ChannelClaim, `sms-inbound:${sid}#${existing.attempts + 1}`))) return undefined;
    if (await alreadyDone(sid)) {
      // The holder recorded the outcome and died before letting go.
      await inflight.deleteOne({ _id: sid });
      return undefined;
    }
    const taken = { ...existing, leaseUntil: new Date(now.getTime() + leaseMs), attempts: existing.attempts + 1 };
    await inflight.updateOne({ _id: sid }, { $set: { leaseUntil: taken.leaseUntil, attempts: taken.attempts } });
    return taken;
  };

  /** Records the outcome by insert into sms_inbound, then lets go of the message (a delete in the small sms_inflight). */
  const finish = async (held: SmsInflightDoc, replyVia: 'twiml' | 'outbox' | 'none' | undefined, status: 'processed' | 'failed' = 'processed') => {
    const outcome = { ...held, status, processedAt: new Date(), ...(replyVia ? { replyVia } : {}) };
    try {
      await rawCollection(opts.models.SmsInbound).insertOne(outcome);
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      // Already recorded (a slow holder and its taker both finished), or a record an older version
      // left 'processing': complete that one.
      await rawCollection(opts.models.SmsInbound).updateOne({ _id: held._id, status: 'processing' }, { $set: { status, attempts: held.attempts, processedAt: outcome.processedAt, ...(replyVia ? { replyVia } : {}) } });
    }
    await inflight.deleteOne({ _id: held._id });
  };

  const smsActivity = (sid: string, from: string, to: string, body: string, media: { url: string; contentType?: string }[]): Partial<Activity> => ({
    type: 'message',
    id: sid,
    channelId: 'sms',
    serviceUrl: `${opts.publicBaseUrl}/api/sms`,
    timestamp: new Date(),
    from: { id: from, name: '', role: 'user' },
    recipient: { id: to, name: opts.landlordName, role: 'bot' },
    conversation: { id: `sms:${from}`, isGroup: false, conversationType: 'personal', name: '' },
    text: body,
    // MMS photos stay as references to Twilio's media URLs; dialogs keep them as evidence.
    attachments: media.map((m, i) => ({ contentType: m.contentType ?? 'application/octet-stream', contentUrl: m.url, name: `mms-${sid}-${i}` })),
  });

  const replyLater = async (held: SmsInflightDoc, texts: string[]) => {
    // Each reply waits for the one before it, so the tenant reads them in order.
    let previous: string | undefined;
    for (const [i, body] of texts.entries()) {
      previous = (await opts.outbox.enqueue({ channel: 'sms', to: held.from, body, dedupeKey: `${held._id}:reply:${i}`, after: previous })).id;
    }
    await finish(held, texts.length ? 'outbox' : 'none');
  };

  /**
   * Messages an older version left 'processing' in sms_inbound are moved into sms_inflight, once per
   * process (one scan of sms_inbound at the first sweep, not every 30 s).
   */
  let legacyAdopted = false;
  const adoptLegacy = async () => {
    if (legacyAdopted) return;
    const legacy = await opts.models.SmsInbound.find({ status: 'processing' }).limit(1000).lean();
    for (const doc of legacy) {
      try {
        await inflight.insertOne({ _id: doc._id, from: doc.from, to: doc.to, body: doc.body, media: doc.media, leaseUntil: doc.leaseUntil, attempts: doc.attempts, receivedAt: doc.receivedAt });
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
      }
    }
    legacyAdopted = true;
  };

  /**
   * Runs again the messages whose handling stopped half-way (an instance died mid-turn): their
   * lease ran out while still in sms_inflight. Replies go through the outbox; after three tries a
   * message is marked 'failed' for staff to see rather than retried for ever.
   */
  const resumeStalled = async (now = new Date()): Promise<number> => {
    await adoptLegacy();
    const stalled = await inflight.find({ leaseUntil: { $lte: now } }).limit(20).toArray();
    let resumed = 0;
    for (const doc of stalled) {
      const attempts = doc.attempts + 1;
      if (!(await claimOnce(opts.models.ChannelClaim, `sms-inbound:${doc._id}#${attempts}`))) continue;
      if (await alreadyDone(doc._id)) {
        // Its outcome was recorded and the holder died before letting go.
        await inflight.deleteOne({ _id: doc._id });
        continue;
      }
      if (attempts > 3) {
        await finish({ ...doc, attempts }, undefined, 'failed');
        logger.error({ messageSid: doc._id }, 'inbound SMS failed three times; left for staff');
        continue;
      }
      const held = { ...doc, leaseUntil: new Date(now.getTime() + leaseMs), attempts };
      await inflight.updateOne({ _id: doc._id }, { $set: { leaseUntil: held.leaseUntil, attempts } });
      resumed += 1;
      try {
        const optedOut = await opts.optOuts.isOptedOut(doc.from);
        const keyword = smsKeyword(doc.body, optedOut);
        if (keyword) {
          if (keyword !== 'help') await opts.optOuts.set(doc.from, keyword === 'stop');
          await replyLater(held, [keywordReply(keyword, opts.landlordName)]);
          continue;
        }
        const replies = await adapter.runTurn(opts.bot, smsActivity(doc._id, doc.from, doc.to, doc.body, doc.media));
        await replyLater(held, optedOut ? [] : smsTexts(replies));
      } catch (err) {
        logger.error({ err, messageSid: doc._id }, 'resuming an inbound SMS failed; will try again');
      }
    }
    return resumed;
  };

  return { adapter, resumeStalled };
}

/** The bot's replies as SMS: text only, joined, split into sensible SMS-sized messages. */
export function smsTexts(replies: Partial<Activity>[]): string[] {
  const text = replies
    .filter((a) => a.type === 'message')
    .map(replyText)
    .filter(Boolean)
    .join('\n\n');
  return splitForSms(text);
}

function sendTwiml(res: Response, messages: string[]): void {
  const twiml = new twilio.twiml.MessagingResponse();
  for (const m of messages) twiml.message(m);
  res.setHeader('Content-Type', 'text/xml; charset=utf-8');
  res.sendRaw(200, twiml.toString());
}

function formParams(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!body || typeof body !== 'object') return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v) && typeof v[0] === 'string') out[k] = v[v.length - 1];
  }
  return out;
}

function mediaOf(params: Record<string, string>, count: number): { url: string; contentType?: string }[] {
  const media: { url: string; contentType?: string }[] = [];
  for (let i = 0; i < Math.min(count, MAX_MEDIA); i++) {
    const url = params[`MediaUrl${i}`];
    if (url && /^https?:\/\//.test(url)) media.push({ url, contentType: params[`MediaContentType${i}`] });
  }
  return media;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

// Simulated tenants speaking to the running product over its real endpoints:
// SMS as Twilio sends it (form body signed with the twilio package's helper, replies in TwiML or,
// for slow turns, through the Messages API fake) and Direct Line 3.0 as Web Chat uses it
// (secret → token + conversation, post activities, read replies after the watermark).
import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import type { BenchTwilioApi } from './fakeTwilioApi';

export interface BotReply {
  text: string;
  /** Suggested-action titles (webchat buttons); empty on SMS. */
  suggestions: string[];
}

export interface TenantClient {
  readonly channel: 'sms' | 'webchat';
  /** Opens the conversation; resolves with any greeting. */
  start(): Promise<BotReply[]>;
  /** Sends one message; resolves with the bot's replies to it (empty when none arrived in time). */
  say(text: string): Promise<BotReply[]>;
}

export class BenchHttpError extends Error {}

export const BENCH_TWILIO = {
  accountSid: `AC${'b'.repeat(32)}`,
  authToken: `bench-${'0123456789abcdef'.repeat(2)}`,
  fromNumber: '+447700900001',
};

/** How long a reply may take before the message counts as lost (an SMS reply sent later by the outbox still counts). */
const REPLY_WAIT_MS = 60_000;
/** A request the product has not answered in this time counts as an error (never hangs the run). */
const REQUEST_TIMEOUT_MS = 30_000;

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export class SmsTenant implements TenantClient {
  readonly channel = 'sms' as const;
  private outboxSeen = 0;

  constructor(
    private readonly appUrl: string,
    private readonly publicBaseUrl: string,
    readonly phone: string,
    private readonly twilioApi: BenchTwilioApi,
  ) {}

  async start(): Promise<BotReply[]> {
    return [];
  }

  async say(text: string): Promise<BotReply[]> {
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const params: Record<string, string> = {
      ToCountry: 'GB', SmsMessageSid: sid, NumMedia: '0', SmsSid: sid, SmsStatus: 'received', Body: text,
      To: BENCH_TWILIO.fromNumber, NumSegments: '1', MessageSid: sid, AccountSid: BENCH_TWILIO.accountSid,
      From: this.phone, ApiVersion: '2010-04-01',
    };
    const path = '/api/sms';
    const signature = twilio.getExpectedTwilioSignature(BENCH_TWILIO.authToken, `${this.publicBaseUrl}${path}`, params);
    const res = await fetch(`${this.appUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
      body: new URLSearchParams(params).toString(),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = await res.text();
    if (res.status !== 200) throw new BenchHttpError(`SMS webhook answered ${res.status}: ${body.slice(0, 200)}`);
    const texts = [...body.matchAll(/<Message>([\s\S]*?)<\/Message>/g)].map((m) => decodeXml(m[1]));
    if (texts.length > 0) return texts.map((t) => ({ text: t, suggestions: [] }));
    // A slow turn is acknowledged at once and answered through the Messages API (the outbox).
    const until = Date.now() + REPLY_WAIT_MS;
    while (Date.now() < until) {
      const sent = this.twilioApi.sentTo.get(this.phone) ?? [];
      if (sent.length > this.outboxSeen) {
        const fresh = sent.slice(this.outboxSeen);
        this.outboxSeen = sent.length;
        return fresh.map((t) => ({ text: t, suggestions: [] }));
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    return [];
  }
}

interface DlActivity {
  type: string;
  text?: string;
  from?: { id: string; role?: string };
  suggestedActions?: { actions?: { title?: string; value?: unknown }[] };
}

export class DirectLineTenant implements TenantClient {
  readonly channel = 'webchat' as const;
  private token = '';
  private conversationId = '';
  private watermark = '';

  constructor(
    private readonly appUrl: string,
    private readonly secret: string,
    readonly userId: string,
  ) {}

  private async request(method: string, path: string, auth: string, body?: unknown): Promise<Response> {
    return fetch(`${this.appUrl}/v3/directline${path}`, {
      method,
      headers: { Authorization: `Bearer ${auth}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  }

  async start(): Promise<BotReply[]> {
    const res = await this.request('POST', '/conversations', this.secret, { user: { id: this.userId }, locale: 'en-GB' });
    if (res.status !== 201 && res.status !== 200) throw new BenchHttpError(`start conversation answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    const started = (await res.json()) as { token: string; conversationId: string };
    this.token = started.token;
    this.conversationId = started.conversationId;
    return this.readBotReplies();
  }

  async say(text: string): Promise<BotReply[]> {
    const res = await this.request('POST', `/conversations/${this.conversationId}/activities`, this.token, {
      type: 'message', text, locale: 'en-GB', from: { id: this.userId },
    });
    if (res.status !== 200) throw new BenchHttpError(`post activity answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    const until = Date.now() + REPLY_WAIT_MS;
    for (;;) {
      const replies = await this.readBotReplies();
      if (replies.length > 0 || Date.now() > until) return replies;
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Bot messages after the watermark (the turn has usually finished when the POST answers). */
  private async readBotReplies(): Promise<BotReply[]> {
    const res = await this.request('GET', `/conversations/${this.conversationId}/activities?watermark=${this.watermark}`, this.token);
    if (res.status !== 200) throw new BenchHttpError(`get activities answered ${res.status}`);
    const page = (await res.json()) as { activities: DlActivity[]; watermark: string };
    this.watermark = page.watermark;
    return page.activities
      .filter((a) => a.type === 'message' && a.from?.id !== this.userId)
      .map((a) => ({
        text: a.text ?? '',
        suggestions: (a.suggestedActions?.actions ?? []).map((x) => String(x.title ?? x.value ?? '')),
      }));
  }
}

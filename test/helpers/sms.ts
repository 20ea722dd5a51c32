// Sends Twilio-style webhooks to the app, signed with the twilio package's own signing helper
// over the public URL (PUBLIC_BASE_URL + path), exactly as Twilio would.
import { randomBytes } from 'node:crypto';
import twilio from 'twilio';

export const TEST_TWILIO = {
  accountSid: `AC${'1'.repeat(32)}`,
  authToken: 'test-auth-token-0123456789abcdef',
  fromNumber: '+447700900000',
};

export function messageSid(): string {
  return `SM${randomBytes(16).toString('hex')}`;
}

export interface WebhookResult {
  status: number;
  body: string;
  /** The <Message> texts of a TwiML answer. */
  messages: string[];
}

export interface SignedPostOptions {
  authToken?: string;
  /** Replace or drop the signature (null) to test refusals. */
  signature?: string | null;
  /** The public base URL the signature is computed over. */
  publicBaseUrl: string;
}

export async function postSignedForm(appUrl: string, path: string, params: Record<string, string>, opts: SignedPostOptions): Promise<WebhookResult> {
  const signature = opts.signature === undefined ? twilio.getExpectedTwilioSignature(opts.authToken ?? TEST_TWILIO.authToken, `${opts.publicBaseUrl}${path}`, params) : opts.signature;
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
  if (signature !== null) headers['X-Twilio-Signature'] = signature;
  const res = await fetch(`${appUrl}${path}`, { method: 'POST', headers, body: new URLSearchParams(params).toString() });
  const body = await res.text();
  return { status: res.status, body, messages: twimlMessages(body) };
}

export function twimlMessages(xml: string): string[] {
  return [...xml.matchAll(/<Message>([\s\S]*?)<\/Message>/g)].map((m) =>
    m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
  );
}

/** An inbound SMS webhook as Twilio sends it. */
export function inboundSms(from: string, body: string, extra: Record<string, string> = {}): Record<string, string> {
  const sid = extra.MessageSid ?? messageSid();
  return {
    ToCountry: 'GB',
    SmsMessageSid: sid,
    NumMedia: '0',
    SmsSid: sid,
    SmsStatus: 'received',
    Body: body,
    To: TEST_TWILIO.fromNumber,
    NumSegments: '1',
    MessageSid: sid,
    AccountSid: TEST_TWILIO.accountSid,
    From: from,
    ApiVersion: '2010-04-01',
    ...extra,
  };
}

export class SmsTestClient {
  constructor(
    readonly appUrl: string,
    readonly publicBaseUrl: string,
    readonly from: string,
  ) {}

  /** Texts `body` to the app; resolves with the TwiML reply texts. */
  async text(body: string, extra: Record<string, string> = {}): Promise<WebhookResult> {
    const params = inboundSms(this.from, body, extra);
    return postSignedForm(this.appUrl, '/api/sms', params, { publicBaseUrl: this.publicBaseUrl });
  }
}

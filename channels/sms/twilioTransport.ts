// Sends outbox SMS through the official `twilio` client. TWILIO_API_BASE_URL (tests: a local fake
// of the Messages API) replaces https://api.twilio.com through a small custom RequestClient, the
// extension point twilio-node documents for custom HTTP handling.
import twilio from 'twilio';
import RequestClient from 'twilio/lib/base/RequestClient';
import TwilioResponse from 'twilio/lib/http/response';
import { OutboxItem, OutboxTransport, PermanentDeliveryError } from '../../services/notifications/outbox';

export class BaseUrlRequestClient extends RequestClient {
  constructor(
    private readonly baseUrl: string,
    options: RequestClient.RequestClientOptions = {},
  ) {
    super(options);
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<TwilioResponse<TData>> {
    const uri = opts.uri.replace(/^https:\/\/api\.twilio\.com/, this.baseUrl.replace(/\/$/, ''));
    return super.request({ ...opts, uri });
  }
}

export interface TwilioTransportOptions {
  accountSid: string;
  authToken: string;
  from: string;
  /** Overrides https://api.twilio.com (tests point this at test/fakes/twilioApi.ts). */
  apiBaseUrl?: string;
  /** Where Twilio reports delivery status (POST /api/sms/status). */
  statusCallbackUrl?: string;
  timeoutMs?: number;
}

export class TwilioTransport implements OutboxTransport {
  readonly channel = 'sms';
  private readonly client: twilio.Twilio;

  constructor(private readonly opts: TwilioTransportOptions) {
    const requestOptions = { timeout: opts.timeoutMs ?? 10_000 };
    this.client = twilio(opts.accountSid, opts.authToken, {
      httpClient: opts.apiBaseUrl ? new BaseUrlRequestClient(opts.apiBaseUrl, requestOptions) : new RequestClient(requestOptions),
      autoRetry: false,
    });
  }

  async deliver(item: OutboxItem): Promise<{ providerId?: string }> {
    try {
      const message = await this.client.messages.create({
        to: item.to,
        from: this.opts.from,
        body: item.body,
        ...(this.opts.statusCallbackUrl ? { statusCallback: this.opts.statusCallbackUrl } : {}),
      });
      return { providerId: message.sid };
    } catch (err) {
      const status = (err as { status?: number }).status;
      const code = (err as { code?: number }).code;
      // 4xx other than throttling means the request itself is wrong (bad number, unsubscribed
      // recipient 21610): retrying cannot help. 5xx, 429 and network errors are worth retrying.
      if (typeof status === 'number' && status >= 400 && status < 500 && status !== 429) {
        throw new PermanentDeliveryError(`Twilio refused the message (HTTP ${status}${code ? `, error ${code}` : ''})`);
      }
      throw new Error(`Twilio did not take the message (${status ? `HTTP ${status}` : (err as Error).message})`);
    }
  }
}

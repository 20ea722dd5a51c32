// A local stand-in for Twilio's REST Messages API: POST /2010-04-01/Accounts/{sid}/Messages.json
// with HTTP basic auth and a form body, answering with Twilio's real JSON shapes. It can be told
// to fail (HTTP 500 with Twilio's error body) or to hang, to exercise the outbox's retries.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface SentMessage {
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  body: string;
  statusCallback?: string;
}

export type FakeMode = { kind: 'ok' } | { kind: 'fail'; status: number; times: number } | { kind: 'hang' };

export interface FakeTwilioApi {
  url: string;
  sent: SentMessage[];
  /** Every request, including failed ones. */
  requests: number;
  setMode(mode: FakeMode): void;
  close(): Promise<void>;
}

export async function startFakeTwilioApi(credentials: { accountSid: string; authToken: string }): Promise<FakeTwilioApi> {
  let mode: FakeMode = { kind: 'ok' };
  const sent: SentMessage[] = [];
  const hanging: http.ServerResponse[] = [];
  const state = { requests: 0 };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.requests += 1;
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) return json(404, twilioError(20404, 'The requested resource was not found', 404));
      const expected = `Basic ${Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString('base64')}`;
      if (req.headers.authorization !== expected || match[1] !== credentials.accountSid) return json(401, twilioError(20003, 'Authenticate', 401));
      if (mode.kind === 'hang') {
        hanging.push(res);
        return;
      }
      if (mode.kind === 'fail' && mode.times > 0) {
        mode = { ...mode, times: mode.times - 1 };
        return json(mode.status, twilioError(20500, 'Internal Server Error', mode.status));
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const to = form.get('To') ?? '';
      const from = form.get('From') ?? '';
      const body = form.get('Body') ?? '';
      if (!to) return json(400, twilioError(21604, "A 'To' phone number is required.", 400));
      if (!/^\+[1-9]\d{6,14}$/.test(to)) return json(400, twilioError(21211, `The 'To' number ${to} is not a valid phone number.`, 400));
      const sid = `SM${randomBytes(16).toString('hex')}`;
      sent.push({ sid, accountSid: credentials.accountSid, to, from, body, statusCallback: form.get('StatusCallback') ?? undefined });
      const now = new Date().toUTCString().replace('GMT', '+0000');
      json(201, {
        account_sid: credentials.accountSid,
        api_version: '2010-04-01',
        body,
        date_created: now,
        date_sent: null,
        date_updated: now,
        direction: 'outbound-api',
        error_code: null,
        error_message: null,
        from,
        messaging_service_sid: null,
        num_media: '0',
        num_segments: '1',
        price: null,
        price_unit: 'USD',
        sid,
        status: 'queued',
        subresource_uris: { media: `/2010-04-01/Accounts/${credentials.accountSid}/Messages/${sid}/Media.json` },
        to,
        uri: `/2010-04-01/Accounts/${credentials.accountSid}/Messages/${sid}.json`,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    get requests() {
      return state.requests;
    },
    setMode(next) {
      mode = next;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function twilioError(code: number, message: string, status: number) {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

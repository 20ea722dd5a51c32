// The Twilio Messages API as the product's SMS outbox calls it, answering 201 with Twilio's JSON
// shape and remembering each body by recipient, so replies sent out-of-band (a slow turn) count.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface BenchTwilioApi {
  url: string;
  /** Bodies sent to each number, in order. */
  sentTo: Map<string, string[]>;
  close(): Promise<void>;
}

export async function startBenchTwilioApi(): Promise<BenchTwilioApi> {
  const sentTo = new Map<string, string[]>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ code: 20404, message: 'The requested resource was not found', status: 404 }));
        return;
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const to = form.get('To') ?? '';
      const body = form.get('Body') ?? '';
      sentTo.set(to, [...(sentTo.get(to) ?? []), body]);
      const sid = `SM${randomBytes(16).toString('hex')}`;
      const now = new Date().toUTCString();
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          sid, account_sid: match[1], to, from: form.get('From'), body, status: 'queued', num_segments: '1',
          direction: 'outbound-api', api_version: '2010-04-01', date_created: now, date_updated: now, date_sent: null,
          error_code: null, error_message: null, price: null, price_unit: 'GBP', messaging_service_sid: null,
          uri: `/2010-04-01/Accounts/${match[1]}/Messages/${sid}.json`, subresource_uris: {},
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sentTo,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

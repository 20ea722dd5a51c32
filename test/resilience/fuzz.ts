// Hostile and malformed requests for every public endpoint, generated from a seeded PRNG so a
// failure can be replayed (the failing request is printed with its seed and index).
import twilio from 'twilio';

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  label: string;
}

/** mulberry32: small, fast, reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const HOSTILE_STRINGS = [
  '{"$gt":""}',
  '{"$ne":null}',
  '{"$where":"sleep(5000)"}',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '%00%ff%fe',
  '\u0000\u0001\u0002',
  "'; DROP TABLE cases; --",
  'CMP-2026-000001',
  'CMP-0000-%2e%2e',
  '${7*7}{{7*7}}',
  '\ud83d\ude00'.repeat(50),
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  'a'.repeat(70_000),
  '',
  ' ',
  '-1',
  '1e309',
  'NaN',
  'true',
  'null',
  '[]',
  '{}',
];

const HOSTILE_VALUES: unknown[] = [
  { $gt: '' },
  { $ne: null },
  { $in: ['a', 'b'] },
  { $regex: '.*' },
  { $where: 'this.a == 1' },
  ['array', { $gt: 1 }],
  123456789012345678901234567890,
  -1,
  1.5,
  true,
  null,
  { __proto__: { polluted: true } },
  { constructor: { prototype: { polluted: true } } },
  '<script>alert("x")</script>',
  'x'.repeat(5000),
];

export interface FuzzContext {
  publicBaseUrl: string;
  twilioAuthToken: string;
  twilioAccountSid: string;
  /** A real Direct Line token and its conversation, when the webchat is up (deeper validation). */
  directLine?: { token: string; conversationId: string };
  staffToken: string;
}

const PATHS = [
  '/',
  '/staff',
  '/healthz',
  '/readyz',
  '/assets/webchat-page.js',
  '/assets/..%2f..%2fpackage.json',
  '/api/webchat/token',
  '/v3/directline/conversations',
  '/v3/directline/conversations/{conv}',
  '/v3/directline/conversations/{conv}/activities',
  '/v3/directline/conversations/{conv}/activities?watermark={w}',
  '/v3/directline/conversations/{conv}/upload?userId={w}',
  '/v3/directline/tokens/refresh',
  '/api/sms',
  '/api/sms/status',
  '/api/messages',
  '/api/staff/cases',
  '/api/staff/cases?stage={w}&overdue={w}&phone={w}&reference={w}',
  '/api/staff/cases?phone[$gt]=&reference[$ne]=x',
  '/api/staff/cases/{ref}',
  '/api/staff/cases/{ref}/actions',
  '/api/staff/reports/monthly?month={w}',
  '/api/staff/reports/monthly.csv?month={w}',
  '/no/such/path',
];

const METHODS = ['GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];
const CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=xyz', 'application/xml', 'application/json; charset=utf-16', ''];

export function generateRequest(rand: () => number, ctx: FuzzContext, index: number): FuzzRequest {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const word = () => encodeURIComponent(pick(HOSTILE_STRINGS).slice(0, 300));
  const conv = rand() < 0.5 && ctx.directLine ? ctx.directLine.conversationId : word();
  const path = pick(PATHS)
    .replace('{conv}', conv)
    .replace('{ref}', rand() < 0.5 ? 'CMP-2026-000001' : word())
    .replace(/\{w\}/g, () => word());
  const method = pick(METHODS);
  const headers: Record<string, string> = {};
  const ct = pick(CONTENT_TYPES);
  if (ct) headers['Content-Type'] = ct;

  const auth = rand();
  if (auth < 0.25 && ctx.directLine) headers.Authorization = `Bearer ${ctx.directLine.token}`;
  else if (auth < 0.45) headers.Authorization = `Bearer ${ctx.staffToken}`;
  // HTTP header values are Latin-1 text: anything else cannot even be sent.
  else if (auth < 0.6) headers.Authorization = `Bearer ${pick(HOSTILE_STRINGS).slice(0, 2000).replace(/[^\x21-\x7e]/g, '')}x`;
  else if (auth < 0.65) headers.Authorization = 'Basic ' + Buffer.from('admin:{"$gt":""}').toString('base64');

  let body: string | Buffer | undefined;
  let label = 'empty';
  const shape = rand();
  if (method === 'GET' || method === 'OPTIONS') {
    body = undefined;
  } else if (shape < 0.3) {
    body = JSON.stringify(randomJson(rand, 0));
    label = 'json-hostile';
  } else if (shape < 0.4) {
    body = pick(['{', '{"a":', '[1,2', '{"a":1}}', 'nul', '\u0000{}', '{"text":"\ud800"}', '{"a":' + '['.repeat(3000) + ']'.repeat(3000) + '}']);
    label = 'json-malformed';
  } else if (shape < 0.45) {
    body = Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]);
    label = 'bad-utf8';
  } else if (shape < 0.47) {
    body = 'x'.repeat(2 * 1024 * 1024 + Math.floor(rand() * 1000));
    label = 'huge';
  } else if (shape < 0.7) {
    // Twilio-shaped form with hostile values, correctly signed half of the time so it reaches validation.
    const params: Record<string, string> = {
      MessageSid: rand() < 0.3 ? word() : `SM${Math.floor(rand() * 1e16).toString(16).padStart(32, '0')}`,
      AccountSid: rand() < 0.8 ? ctx.twilioAccountSid : word(),
      From: pick(['+447700900888', decodeURIComponent(word()), '']),
      To: '+447700900000',
      Body: decodeURIComponent(word()),
      NumMedia: pick(['0', '1', '-1', '99999', 'abc']),
      MessageStatus: pick(['delivered', 'failed', decodeURIComponent(word())]),
      'From[$gt]': '',
    };
    if (rand() < 0.5) delete params['From[$gt]'];
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    if (rand() < 0.5) {
      headers['X-Twilio-Signature'] = twilio.getExpectedTwilioSignature(ctx.twilioAuthToken, `${ctx.publicBaseUrl}${path}`, params);
      label = 'sms-signed';
    } else {
      headers['X-Twilio-Signature'] = pick(['', 'AAAA', decodeURIComponent(word())]).replace(/[^\x20-\x7e]/g, '');
      label = 'sms-forged';
    }
    body = new URLSearchParams(params).toString();
  } else if (shape < 0.85) {
    // Bot Framework / Direct Line activity shapes with wrong types.
    body = JSON.stringify({
      type: pick(['message', 'event', 'invoke', 'conversationUpdate', 123, null, { $gt: '' }]),
      text: pick(HOSTILE_VALUES),
      from: pick([{ id: pick(HOSTILE_VALUES), name: '<script>x</script>' }, 'me', null]),
      channelData: pick(HOSTILE_VALUES),
      value: pick(HOSTILE_VALUES),
      attachments: pick([[{ contentType: 'image/png', contentUrl: 'file:///etc/passwd' }], 'x', [null]]),
      action: pick(['acknowledge', 'close', 'extend', 'nonsense', { $ne: null }, 42]),
      reason: pick(HOSTILE_VALUES),
      serviceUrl: pick(['http://169.254.169.254/latest/meta-data', 'javascript:alert(1)', 'http://127.0.0.1:1/']),
    });
    headers['Content-Type'] = 'application/json';
    label = 'activity';
  } else {
    body = `a[$gt]=&b[$ne]=1&text=${word()}&user[__proto__][x]=1&${'k=v&'.repeat(Math.floor(rand() * 2000))}`;
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    label = 'form-hostile';
  }
  return { method, path, headers, body, label: `#${index} ${label}` };
}

function randomJson(rand: () => number, depth: number): unknown {
  const r = rand();
  if (depth > 3 || r < 0.3) return HOSTILE_VALUES[Math.floor(rand() * HOSTILE_VALUES.length)];
  if (r < 0.5) return Array.from({ length: Math.floor(rand() * 4) }, () => randomJson(rand, depth + 1));
  const keys = ['text', 'type', 'from', 'user', 'id', 'reference', 'phone', 'stage', 'action', '$where', '$set', 'locale', 'code'];
  const obj: Record<string, unknown> = {};
  for (let i = 0; i < 1 + Math.floor(rand() * 5); i++) obj[keys[Math.floor(rand() * keys.length)]] = randomJson(rand, depth + 1);
  return obj;
}

/** Raw HTTP that fetch() will not send: broken request lines, bad lengths, oversized headers. */
export const RAW_REQUESTS = [
  'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
  'POST /api/sms HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
  'POST /api/messages HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nhello\r\n0\r\n\r\n',
  'GET /%%%%%% HTTP/1.1\r\nHost: x\r\n\r\n',
  'BREW /coffee HTCPCP/1.0\r\n\r\n',
  `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
  'GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\u0000\r\n\r\n',
  'POST /v3/directline/conversations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n{"a":1}',
];

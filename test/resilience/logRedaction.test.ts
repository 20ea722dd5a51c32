// Captures the app's real info-level logs while tenants text, chat and staff look cases up, and
// checks that no phone number, e-mail address, name or message text reaches them.
import { Writable } from 'node:stream';
import { loadConfig } from '../../config';
import { startApp, App } from '../../index';
import { createLogger } from '../../services/logging/logger';
import { testMongoUri, uniqueDbName } from '../helpers/db';
import { SmsTestClient, TEST_TWILIO } from '../helpers/sms';

const PUBLIC = 'http://complaints.example-housing.org.uk';
const PHONE = '+447700900811';
const SECRETS = [
  PHONE,
  '7700900811',
  '07700 900811',
  'priya.sharma@example.org',
  'Priya Sharma',
  'the ceiling in the nursery collapsed',
  'water pouring through the light fitting',
  '17 Larch Close',
];

describe('log redaction on real requests', () => {
  let app: App;
  const lines: string[] = [];

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _e, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const config = loadConfig({
      LOG_LEVEL: 'info',
      PORT: '0',
      MONGODB_URI: testMongoUri(),
      PUBLIC_BASE_URL: PUBLIC,
      TWILIO_ACCOUNT_SID: TEST_TWILIO.accountSid,
      TWILIO_AUTH_TOKEN: TEST_TWILIO.authToken,
      TWILIO_FROM_NUMBER: TEST_TWILIO.fromNumber,
      TWILIO_API_BASE_URL: 'http://127.0.0.1:9',
      STAFF_API_TOKENS: 'staff-token-logs',
    });
    app = await startApp(config, { dbName: uniqueDbName('logs'), logger: createLogger('info', stream), startScheduler: false });
  }, 120_000);
  afterAll(async () => {
    await app.connection.dropDatabase().catch(() => undefined);
    await app.stop();
  });

  it('keeps phone numbers, e-mails, names and message text out of info logs', async () => {
    const sms = new SmsTestClient(app.url, PUBLIC, PHONE);
    const texts = [
      'My name is Priya Sharma, the ceiling in the nursery collapsed and nobody came, this is the third time I have complained',
      'water pouring through the light fitting at 17 Larch Close, email me at priya.sharma@example.org or ring 07700 900811',
      'I want it fixed this week',
      'yes',
      'STATUS',
    ];
    for (const t of texts) expect((await sms.text(t)).status).toBe(200);

    // Webchat: a token, a message in the conversation.
    const { token, conversationId } = (await (await fetch(`${app.url}/api/webchat/token`)).json()) as { token: string; conversationId: string };
    const posted = await fetch(`${app.url}/v3/directline/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ type: 'message', from: { id: 'dl_priya', name: 'Priya Sharma' }, text: 'the ceiling in the nursery collapsed, call 07700 900811' }),
    });
    expect(posted.status).toBe(200);

    // Staff look the tenant up by phone, and a request with a bad signature carrying the same data.
    const staff = { Authorization: 'Bearer staff-token-logs' };
    expect((await fetch(`${app.url}/api/staff/cases?phone=${encodeURIComponent(PHONE)}`, { headers: staff })).status).toBe(200);
    const forged = await fetch(`${app.url}/api/sms`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': 'forged' },
      body: new URLSearchParams({ From: PHONE, Body: 'the ceiling in the nursery collapsed' }).toString(),
    });
    expect(forged.status).toBe(403);

    // Give slow turns and background work a moment to log.
    await new Promise((r) => setTimeout(r, 500));
    const log = lines.join('');
    // One access-log line per request at least, so there is something to inspect.
    expect(lines.length).toBeGreaterThan(8);
    for (const secret of SECRETS) expect({ secret, found: log.includes(secret) }).toEqual({ secret, found: false });
  }, 90_000);
});

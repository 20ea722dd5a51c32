// Twilio's API fails (HTTP 500) for a while: texts wait in the outbox with the error recorded,
// and each is delivered exactly once when Twilio recovers. The real app process, its own poller.
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { startFakeTwilioApi, FakeTwilioApi } from '../fakes/twilioApi';
import { TEST_TWILIO } from '../helpers/sms';
import { spawnApp, AppProcess, waitFor } from './harness';

describe('outbound outage (Twilio API answering 500)', () => {
  let twilioApi: FakeTwilioApi;
  let app: AppProcess;
  const dbName = `outbound_${Date.now()}`;
  const uri = () => `${String(process.env.TEST_MONGODB_URI).replace(/\/$/, '')}/${dbName}`;

  beforeAll(async () => {
    twilioApi = await startFakeTwilioApi(TEST_TWILIO);
    app = await spawnApp({
      MONGODB_URI: uri(),
      LOG_LEVEL: 'warn',
      TWILIO_ACCOUNT_SID: TEST_TWILIO.accountSid,
      TWILIO_AUTH_TOKEN: TEST_TWILIO.authToken,
      TWILIO_FROM_NUMBER: TEST_TWILIO.fromNumber,
      TWILIO_API_BASE_URL: twilioApi.url,
    });
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await twilioApi?.close();
    const client = await MongoClient.connect(uri());
    await client.db(dbName).dropDatabase().catch(() => undefined);
    await client.close();
  });

  it('keeps texts in the outbox while Twilio fails and delivers each once after it recovers', async () => {
    const MESSAGES = 5;
    // Two failed attempts for every message, then Twilio is back.
    twilioApi.setMode({ kind: 'fail', status: 500, times: MESSAGES * 2 });
    const client = await MongoClient.connect(uri());
    try {
      const outbox = client.db(dbName).collection('outbox_messages');
      const now = new Date();
      const queued = Array.from({ length: MESSAGES }, (_, i) => ({
        _id: randomUUID() as never,
        channel: 'sms',
        to: `+44770090097${i}`,
        body: `Your complaint CMP-2026-00010${i} has been acknowledged`,
        dedupeKey: `outage:${i}`,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      }));
      await outbox.insertMany(queued);

      const started = Date.now();
      await waitFor('a failed attempt recorded on every message', async () => (await outbox.countDocuments({ dedupeKey: /^outage:/, attempts: { $gte: 1 }, lastError: { $exists: true } })) === MESSAGES, 30_000, 250);
      expect(await outbox.countDocuments({ dedupeKey: /^outage:/, status: 'sent' })).toBe(0);

      await waitFor('every message sent', async () => (await outbox.countDocuments({ dedupeKey: /^outage:/, status: 'sent' })) === MESSAGES, 90_000, 500);
      const deliveredMs = Date.now() - started;
      const delivered = twilioApi.sent.map((m) => m.to).sort();
      expect(delivered).toEqual(queued.map((q) => q.to).sort());
      const attempts = (await outbox.find({ dedupeKey: /^outage:/ }).toArray()).map((m) => m.attempts);
      expect(attempts.every((a) => a >= 3)).toBe(true);
      process.stderr.write(`[resilience] outbound outage: ${MESSAGES} texts, ${twilioApi.requests} Twilio requests (${MESSAGES * 2} answered 500), all delivered once after ${deliveredMs} ms; attempts ${JSON.stringify(attempts)}\n`);
    } finally {
      await client.close();
    }
  }, 150_000);
});

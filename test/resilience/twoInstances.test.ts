// Two app processes on one database behind an imaginary load balancer that alternates between
// them on every request: conversations carry on, references stay unique, and each queued text is
// sent once although both instances poll the same outbox.
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { freePort } from '../../services/database/localMongo';
import { startFakeTwilioApi, FakeTwilioApi } from '../fakes/twilioApi';
import { inboundSms, postSignedForm, TEST_TWILIO } from '../helpers/sms';
import { CASE_REFERENCE, converse, STAGE1_ANSWERS } from '../helpers/tenantRules';
import { spawnApp, AppProcess, waitFor } from './harness';

const PUBLIC = 'https://complaints.lb.example';
const TENANTS = 4;

describe('two instances on one database', () => {
  let twilioApi: FakeTwilioApi;
  const apps: AppProcess[] = [];
  const dbName = `two_${Date.now()}`;
  const uri = () => `${String(process.env.TEST_MONGODB_URI).replace(/\/$/, '')}/${dbName}`;

  beforeAll(async () => {
    twilioApi = await startFakeTwilioApi(TEST_TWILIO);
    const env = {
      MONGODB_URI: uri(),
      LOG_LEVEL: 'warn',
      PUBLIC_BASE_URL: PUBLIC,
      TWILIO_ACCOUNT_SID: TEST_TWILIO.accountSid,
      TWILIO_AUTH_TOKEN: TEST_TWILIO.authToken,
      TWILIO_FROM_NUMBER: TEST_TWILIO.fromNumber,
      TWILIO_API_BASE_URL: twilioApi.url,
    };
    // Started one after the other: both train the detector at start-up.
    apps.push(await spawnApp(env, await freePort()));
    apps.push(await spawnApp(env, await freePort()));
  }, 180_000);
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.stop()));
    await twilioApi?.close();
    const client = await MongoClient.connect(uri());
    await client.db(dbName).dropDatabase().catch(() => undefined);
    await client.close();
  });

  it('carries conversations across instances, hands out unique references, and sends each queued text once', async () => {
    let turn = 0;
    const asker = (phone: string) => async (text: string) => {
      const app = apps[turn++ % 2];
      const res = await postSignedForm(app.url, '/api/sms', inboundSms(phone, text), { publicBaseUrl: PUBLIC });
      expect(res.status).toBe(200);
      if (res.messages.length) return res.messages.join('\n');
      const sent = await waitFor('reply via the outbox', async () => twilioApi.sent.filter((m) => m.to === phone).at(-1)?.body, 20_000, 200);
      return sent;
    };
    const results = await Promise.all(
      Array.from({ length: TENANTS }, (_, i) => converse(asker(`+4477009009${String(i).padStart(2, '0')}`), "Third time I've reported the leak under my sink and nobody has come to fix it", STAGE1_ANSWERS)),
    );
    const references = results.map((r) => CASE_REFERENCE.exec(r.final)?.[0]);
    expect(references.every(Boolean)).toBe(true);
    expect(new Set(references).size).toBe(TENANTS);

    // Texts queued for later (as staff replies and reminders are): both instances poll, each goes once.
    const client = await MongoClient.connect(uri());
    try {
      const outbox = client.db(dbName).collection('outbox_messages');
      const now = new Date();
      const queued = Array.from({ length: 12 }, (_, i) => ({
        _id: randomUUID() as never,
        channel: 'sms',
        to: '+447700900990',
        body: `Reminder ${i}: your repair visit is tomorrow`,
        dedupeKey: `two-instances:${i}`,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      }));
      await outbox.insertMany(queued);
      await waitFor('all reminders sent', async () => (await outbox.countDocuments({ dedupeKey: /^two-instances:/, status: 'sent' })) === queued.length, 60_000, 250);
      const delivered = twilioApi.sent.filter((m) => m.to === '+447700900990').map((m) => m.body);
      expect(delivered.sort()).toEqual(queued.map((q) => q.body).sort());
      process.stderr.write(`[resilience] two instances: ${TENANTS} complaints alternating instances per message → ${references.join(', ')}; ${queued.length} queued texts sent ${delivered.length} times\n`);
    } finally {
      await client.close();
    }
  }, 240_000);
});

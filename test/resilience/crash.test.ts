// kill -9 the app in the middle of a load of signed SMS webhooks, start it again, and let
// "Twilio" redeliver what was not acknowledged (and, as Twilio may, some that were): every
// message ends up processed exactly once, and a conversation cut by the crash carries on.
import { MongoClient } from 'mongodb';
import { freePort } from '../../services/database/localMongo';
import { startFakeTwilioApi, FakeTwilioApi } from '../fakes/twilioApi';
import { inboundSms, postSignedForm, TEST_TWILIO } from '../helpers/sms';
import { spawnApp, AppProcess, waitFor } from './harness';

const SENDERS = 10;
const MESSAGES_EACH = 6;
const LINES = [
  'hello',
  "Third time I've reported the damp in my bedroom and nobody has come",
  'The bedroom wall is black with mould',
  'Since September',
  'Send someone to treat it',
  'status',
];

interface Delivery {
  sid: string;
  params: Record<string, string>;
  /** HTTP status of each delivery attempt (0 = no answer: connection refused or cut). */
  attempts: number[];
  twiml: string[][];
}

describe('crash during an SMS load', () => {
  let twilioApi: FakeTwilioApi;
  let app: AppProcess;
  let port: number;
  const dbName = `crash_${Date.now()}`;
  const uri = () => `${String(process.env.TEST_MONGODB_URI).replace(/\/$/, '')}/${dbName}`;
  let env: Record<string, string>;

  beforeAll(async () => {
    twilioApi = await startFakeTwilioApi(TEST_TWILIO);
    port = await freePort();
    env = {
      MONGODB_URI: uri(),
      LOG_LEVEL: 'warn',
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      TWILIO_ACCOUNT_SID: TEST_TWILIO.accountSid,
      TWILIO_AUTH_TOKEN: TEST_TWILIO.authToken,
      TWILIO_FROM_NUMBER: TEST_TWILIO.fromNumber,
      TWILIO_API_BASE_URL: twilioApi.url,
    };
    app = await spawnApp(env, port);
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await twilioApi?.close();
    const client = await MongoClient.connect(uri());
    await client.db(dbName).dropDatabase().catch(() => undefined);
    await client.close();
  });

  async function deliver(d: Delivery): Promise<number> {
    const res = await postSignedForm(`http://127.0.0.1:${port}`, '/api/sms', d.params, { publicBaseUrl: env.PUBLIC_BASE_URL }).catch(() => ({ status: 0, messages: [] as string[] }));
    d.attempts.push(res.status);
    d.twiml.push(res.messages);
    return res.status;
  }

  it('processes every acknowledged webhook exactly once across a kill -9 and restart, and dialogs resume', async () => {
    // A conversation that the crash cuts in two, and a control that runs whole after the restart.
    const resumePhone = '+447700900950';
    const controlPhone = '+447700900951';
    const say = async (phone: string, text: string) => (await postSignedForm(app.url, '/api/sms', inboundSms(phone, text), { publicBaseUrl: env.PUBLIC_BASE_URL })).messages.join('\n');
    await say(resumePhone, LINES[1]);

    // The load: senders text in parallel, each waiting for the answer like a person would.
    const deliveries: Delivery[] = [];
    let killed = false;
    const sender = async (n: number) => {
      const phone = `+4477009008${String(n).padStart(2, '0')}`;
      for (const line of LINES.slice(0, MESSAGES_EACH)) {
        const params = inboundSms(phone, line);
        const d: Delivery = { sid: params.MessageSid, params, attempts: [], twiml: [] };
        deliveries.push(d);
        await deliver(d);
        if (killed) return;
      }
    };
    const load = Promise.all(Array.from({ length: SENDERS }, (_, n) => sender(n)));
    // Kill once a good part of the load has been acknowledged, with more in flight.
    await waitFor('some acknowledged webhooks', async () => deliveries.filter((d) => d.attempts[0] === 200).length >= 20, 60_000, 50);
    const killedAt = Date.now();
    killed = true;
    await app.kill9();
    await load;

    app = await spawnApp(env, port);
    const restartMs = Date.now() - killedAt;

    // Twilio redelivers what got no 2xx until it does, and redelivers some acknowledged ones too.
    for (const d of deliveries) {
      if (!d.attempts.some((s) => s >= 200 && s < 300)) {
        await waitFor(`redelivery of ${d.sid}`, async () => (await deliver(d)) === 200, 30_000, 500);
      }
    }
    const acknowledgedFirstTime = deliveries.filter((d) => d.attempts[0] === 200);
    for (const d of acknowledgedFirstTime.slice(0, 10)) await deliver(d);

    // A first attempt the crash cut mid-turn is resumed once its lease runs out (2 minutes in the
    // app); fast-forward those leases instead of waiting, then let the 30 s sweep find them.
    const client = await MongoClient.connect(uri());
    try {
      const inbound = client.db(dbName).collection('sms_inbound');
      // Messages being handled live in sms_inflight until their outcome is inserted into sms_inbound.
      const inflight = client.db(dbName).collection('sms_inflight');
      await inflight.updateMany({}, { $set: { leaseUntil: new Date(Date.now() - 1000) } });
      await waitFor('every inbound message processed', async () => (await inflight.countDocuments({})) === 0 && (await inbound.countDocuments({ status: { $ne: 'processed' } })) === 0, 60_000, 500);

      const docs = await inbound.find({ _id: { $in: deliveries.map((d) => d.sid) as never[] } }).toArray();
      expect(docs).toHaveLength(deliveries.length);
      // Exactly once: one inbound record per MessageSid, processed, never more than one takeover.
      expect(docs.every((doc) => doc.status === 'processed' && doc.attempts <= 2)).toBe(true);
      // A redelivery of an acknowledged message is answered without a second reply.
      for (const d of acknowledgedFirstTime.slice(0, 10)) expect(d.twiml[d.twiml.length - 1]).toEqual([]);
      // No reply was texted twice for one inbound message.
      const outbox = await client.db(dbName).collection('outbox_messages').find({}).toArray();
      expect(new Set(outbox.map((m) => m.dedupeKey)).size).toBe(outbox.length);

      process.stderr.write(
        `[resilience] crash: ${deliveries.length} webhooks (${acknowledgedFirstTime.length} acknowledged before the kill, ${deliveries.length - acknowledgedFirstTime.length} redelivered after), restart ${restartMs} ms, ${docs.filter((x) => x.attempts === 2).length} resumed after the lease, ${outbox.length} replies via outbox\n`,
      );
    } finally {
      await client.close();
    }

    // The cut conversation continues where it was: same answer as a control that never crashed.
    const resumed = await say(resumePhone, LINES[2]);
    await say(controlPhone, LINES[1]);
    const control = await say(controlPhone, LINES[2]);
    const normalise = (s: string) => s.replace(/CMP-\d{4}-\d+/g, 'REF');
    expect(normalise(resumed)).toBe(normalise(control));
    expect(resumed.length).toBeGreaterThan(0);
  }, 300_000);
});

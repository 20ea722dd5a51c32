// Stops the database under a running app (SIGKILL, like a lost host) and starts it again:
// /readyz must say 503 while it is gone and 200 after, without restarting the app.
import { MongoClient } from 'mongodb';
import { freePort } from '../../services/database/localMongo';
import { inboundSms, postSignedForm, TEST_TWILIO } from '../helpers/sms';
import { OwnDatabase, spawnApp, AppProcess, waitFor, sleep } from './harness';

describe('database outage', () => {
  let db: OwnDatabase;
  let app: AppProcess;
  let publicBaseUrl = '';

  beforeAll(async () => {
    db = await OwnDatabase.create();
    const port = await freePort();
    publicBaseUrl = `http://127.0.0.1:${port}`;
    app = await spawnApp(
      {
        MONGODB_URI: db.uri('outage'),
        LOG_LEVEL: 'warn',
        PUBLIC_BASE_URL: publicBaseUrl,
        TWILIO_ACCOUNT_SID: TEST_TWILIO.accountSid,
        TWILIO_AUTH_TOKEN: TEST_TWILIO.authToken,
        TWILIO_FROM_NUMBER: TEST_TWILIO.fromNumber,
        TWILIO_API_BASE_URL: 'http://127.0.0.1:9',
      },
      port,
    );
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await db?.destroy();
  });

  it('answers /readyz 503 and refuses SMS with a retryable 503 during the outage, then serves and processes the retries without a restart', async () => {
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
    const pid = app.child.pid;

    const stoppedAt = Date.now();
    await db.stop();
    const notReadyAfterMs = await waitFor('/readyz 503', async () => ((await fetch(`${app.url}/readyz`)).status === 503 ? Date.now() - stoppedAt : undefined), 20_000);
    // Liveness is not readiness: the process is fine, a load balancer should only stop routing to it.
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    await sleep(2000);
    expect((await fetch(`${app.url}/readyz`)).status).toBe(503);

    // Texts arriving now are refused with a status Twilio retries (5xx), never acknowledged and dropped.
    const during = Array.from({ length: 5 }, (_, i) => inboundSms(`+44770090090${i}`, 'my boiler is broken and nobody came'));
    const answers = [];
    for (const params of during) answers.push((await postSignedForm(app.url, '/api/sms', params, { publicBaseUrl })).status);
    expect(answers.every((st) => st >= 500)).toBe(true);

    const restartedAt = Date.now();
    await db.start();
    const readyAfterMs = await waitFor('/readyz 200', async () => ((await fetch(`${app.url}/readyz`)).status === 200 ? Date.now() - restartedAt : undefined), 60_000, 200);
    expect(app.child.pid).toBe(pid);

    // Twilio's retries after the outage are taken and processed, once each.
    for (const params of during) expect((await postSignedForm(app.url, '/api/sms', params, { publicBaseUrl })).status).toBe(200);
    const client = await MongoClient.connect(db.uri('outage'));
    try {
      const inbound = await client.db('outage').collection('sms_inbound').find({ _id: { $in: during.map((p) => p.MessageSid) as never[] } }).toArray();
      expect(inbound.map((d) => d.status)).toEqual(during.map(() => 'processed'));
    } finally {
      await client.close();
    }
    expect(app.child.exitCode).toBeNull();
    process.stderr.write(`[resilience] database outage: /readyz 503 after ${notReadyAfterMs} ms, 200 again ${readyAfterMs} ms after restart; SMS during the outage answered ${JSON.stringify(answers)}, all processed after\n`);
  }, 120_000);
});

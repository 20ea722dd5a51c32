// Stops the database under a running app (SIGKILL, like a lost host) and starts it again:
// /readyz must say 503 while it is gone and 200 after, without restarting the app.
import { OwnDatabase, spawnApp, AppProcess, waitFor, sleep } from './harness';

describe('database outage', () => {
  let db: OwnDatabase;
  let app: AppProcess;

  beforeAll(async () => {
    db = await OwnDatabase.create();
    app = await spawnApp({ MONGODB_URI: db.uri('outage'), LOG_LEVEL: 'warn' });
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await db?.destroy();
  });

  it('answers /readyz 503 during the outage and 200 after it, and the same process keeps serving', async () => {
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
    const pid = app.child.pid;

    const stoppedAt = Date.now();
    await db.stop();
    const notReadyAfterMs = await waitFor('/readyz 503', async () => ((await fetch(`${app.url}/readyz`)).status === 503 ? Date.now() - stoppedAt : undefined), 20_000);
    // Liveness is not readiness: the process is fine, a load balancer should only stop routing to it.
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    await sleep(2000);
    expect((await fetch(`${app.url}/readyz`)).status).toBe(503);

    const restartedAt = Date.now();
    await db.start();
    const readyAfterMs = await waitFor('/readyz 200', async () => ((await fetch(`${app.url}/readyz`)).status === 200 ? Date.now() - restartedAt : undefined), 60_000, 200);
    expect(app.child.pid).toBe(pid);
    expect(app.child.exitCode).toBeNull();
    process.stderr.write(`[resilience] database outage: /readyz 503 after ${notReadyAfterMs} ms, 200 again ${readyAfterMs} ms after restart\n`);
  }, 120_000);
});

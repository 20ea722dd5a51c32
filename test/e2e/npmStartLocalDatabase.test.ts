// `npm start` with no MONGODB_URI: the app process (node dist/index.js, what `npm start` runs after its
// install/build step) starts its own local database under DATA_DIR, serves /healthz and /readyz, keeps
// a tenant's conversation across a restart, and stops the database with it (no server left behind).
// `npm test` builds dist/ before jest starts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DirectLineTestClient } from '../helpers/directline';
import { spawnApp, waitFor, type AppProcess } from '../resilience/harness';

/** Processes whose command line mentions `needle` (the local database is started with DATA_DIR in its arguments). */
function processesMentioning(needle: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(needle)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

describe('npm start on its embedded defaults (no MONGODB_URI)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'npm-start-data-'));
  let app: AppProcess | undefined;

  afterAll(async () => {
    await app?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts its own database, keeps a conversation across a restart and stops the database with the app', async () => {
    app = await spawnApp({ DATA_DIR: dataDir });
    const first = app;
    await waitFor('/readyz 200', async () => (await fetch(`${first.url}/readyz`)).status === 200, 60_000, 200);
    expect(fs.existsSync(path.join(dataDir, 'ferretdb')) || fs.existsSync(path.join(dataDir, 'mongod'))).toBe(true);
    expect(processesMentioning(dataDir).length).toBeGreaterThan(0);

    const tenant = await DirectLineTestClient.open(first.url);
    const reply = await tenant.ask('the repair man never turned up again, third time now');
    expect(reply.length).toBeGreaterThan(0);

    await first.stop();
    // The database server belongs to the app: gone once the app has shut down.
    await waitFor('the local database to stop with the app', async () => processesMentioning(dataDir).length === 0, 15_000, 100);

    app = await spawnApp({ DATA_DIR: dataDir }, first.port);
    const second = app;
    await waitFor('/readyz 200 after restart', async () => (await fetch(`${second.url}/readyz`)).status === 200, 60_000, 200);
    // Same data directory: the token (signed with the key kept in the database) still opens the
    // conversation, and the tenant's words from before the restart are there.
    tenant.watermark = '';
    const history = await tenant.poll();
    const texts = history.map((a) => a.text ?? '');
    expect(texts).toContain('the repair man never turned up again, third time now');
    expect(history.some((a) => a.from?.role === 'bot')).toBe(true);
  });
});

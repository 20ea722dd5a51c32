// The staff side as wired in index.ts (startTestApp): routes answer, and start-up says plainly
// whether Bot Framework authentication is on.
import { Writable } from 'node:stream';
import { startTestApp } from '../../helpers/app';
import type { App } from '../../../index';
import { createLogger } from '../../../services/logging/logger';
import { createTeamsAdapter } from '../../../channels/teams/adapter';
import { startFakeBotConnector, FakeBotConnector } from '../../fakes/botConnector';

function captureLogs(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { lines, stream };
}

describe('staff wiring in the app', () => {
  let app: App;
  let connector: FakeBotConnector;
  beforeAll(async () => {
    app = await startTestApp({ STAFF_API_TOKENS: 'wired-token', STAFF_TEAMS_TENANT_ID: 'tid-1', STAFF_USERS: 'aad-1' }, undefined);
    connector = await startFakeBotConnector();
  });
  afterAll(async () => {
    await connector.close();
    await app.stop();
  });

  it('serves the tab, protects the staff API and runs the staff bot at /api/messages', async () => {
    const page = await fetch(`${app.url}/staff`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Complaints');
    expect((await fetch(`${app.url}/api/staff/cases`)).status).toBe(401);
    expect((await fetch(`${app.url}/api/staff/cases`, { headers: { authorization: 'Bearer wired-token' } })).status).toBe(200);
    const res = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'm1',
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: '29:x', aadObjectId: 'aad-1', name: 'Staff' },
        recipient: { id: '28:bot' },
        conversation: { id: 'a:conv-1', tenantId: 'tid-1' },
        channelData: { tenant: { id: 'tid-1' } },
        text: 'help',
      }),
    });
    expect(res.status).toBe(200);
    const [reply] = await connector.waitForActivities(1, 'a:conv-1');
    expect(String(reply.text)).toMatch(/Commands:/);
  });

  it('logs at start-up whether Bot Framework authentication is on', () => {
    const off = captureLogs();
    const a = createTeamsAdapter({}, createLogger('info', off.stream));
    expect(a.authEnabled).toBe(false);
    const on = captureLogs();
    const b = createTeamsAdapter({ MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'pw' }, createLogger('info', on.stream));
    expect(b.authEnabled).toBe(true);
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        expect(off.lines.join('')).toMatch(/authentication OFF/);
        expect(on.lines.join('')).toMatch(/authentication ON/);
        resolve();
      }),
    );
  });
});

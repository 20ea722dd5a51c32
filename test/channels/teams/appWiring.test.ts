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
    app = await startTestApp({ STAFF_API_TOKENS: 'wired-token', STAFF_TEAMS_TENANT_ID: 'tid-1', STAFF_USERS: 'aad-1:manager' }, undefined);
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

  it('hands a non-Teams Bot Framework channel (Azure Web Chat) to the tenant bot', async () => {
    const res = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'w1',
        channelId: 'webchat',
        serviceUrl: connector.url,
        from: { id: 'azure-webchat-user-1' },
        recipient: { id: 'bot' },
        conversation: { id: 'azure-webchat-conv-1' },
        locale: 'en-GB',
        text: 'hello',
      }),
    });
    expect(res.status).toBe(200);
    const replies = await connector.waitForActivities(1, 'azure-webchat-conv-1');
    expect(replies.map((r) => String(r.text ?? '')).join('\n')).not.toMatch(/for staff in Microsoft Teams/);
    expect(String(replies[0].text ?? '').length).toBeGreaterThan(0);
  });

  it('schedules a restriction review and the scheduler posts the reminder to the channel once', async () => {
    const post = (conversation: { id: string; conversationType?: string }, extra: Record<string, unknown>) =>
      fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: `m-${Math.random()}`,
          channelId: 'msteams',
          serviceUrl: connector.url,
          from: { id: '29:x', aadObjectId: 'aad-1', name: 'Mo Manager' },
          recipient: { id: '28:bot' },
          conversation: { ...conversation, tenantId: 'tid-1' },
          channelData: { tenant: { id: 'tid-1' } },
          ...extra,
        }),
      });
    const channel = { id: '19:review@thread.tacv2', conversationType: 'channel' };
    expect((await post(channel, { text: 'subscribe here' })).status).toBe(200);
    await connector.waitForActivities(1, channel.id);

    const phone = '+447700900999';
    const contact = await app.services.contacts.findOrCreateByIdentity({ channel: 'sms', id: phone }, { phone });
    const c = await app.services.cases.open(
      { contactId: contact.id, stage: 'stage1', channel: 'sms', address: { channel: 'sms', id: phone }, language: 'en', summary: 'Repeated calls' },
      { kind: 'tenant', id: contact.id, channel: 'sms' },
    );
    const reviewBy = new Date(Date.now() + 90 * 24 * 3600 * 1000);
    const personal = { id: 'a:manager-personal' };
    await post(personal, { value: { verb: 'staff', action: 'restrict', reference: c.reference, kind: 'contact_limit', maxMessagesPerDay: '3', reason: 'Over 40 calls a day to the office', reviewBy: reviewBy.toISOString().slice(0, 10) } });
    const [reply] = await connector.waitForActivities(1, personal.id);
    expect(String(reply.text)).toMatch(/Restriction \(contact_limit\) applied/);

    const reviewPosts = () => connector.activities(channel.id).filter((a) => JSON.stringify(a).includes('due for review'));
    await app.services.scheduler.runDue(new Date());
    expect(reviewPosts()).toHaveLength(0);
    await app.services.scheduler.runDue(new Date(reviewBy.getTime() - 12 * 3600 * 1000));
    await app.services.scheduler.runDue(new Date(reviewBy.getTime() - 6 * 3600 * 1000));
    expect(reviewPosts()).toHaveLength(1);
    expect(JSON.stringify(reviewPosts()[0])).toContain(c.reference);
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

describe('policy close jobs as wired in index.ts (POLICY_PACK=slh)', () => {
  let app: App;
  beforeAll(async () => {
    app = await startTestApp({ POLICY_PACK: 'slh', STAFF_API_TOKENS: 'wired-token' }, undefined);
  });
  afterAll(async () => {
    await app.stop();
  });

  it('schedules the Stage 2 window close when staff record a Stage 1 response, and starts the sweep', async () => {
    expect(await app.models.Job.countDocuments({ name: 'policy.closeSweep' })).toBe(1);
    const tenant = { kind: 'tenant' as const, id: 'wired-contact', channel: 'sms' as const };
    const c = await app.services.cases.open({ contactId: 'wired-contact', stage: 'stage1', channel: 'sms', language: 'en', summary: 'Heating off for a week' }, tenant);
    const res = await fetch(`${app.url}/api/staff/cases/${c.reference}/actions`, {
      method: 'POST',
      headers: { authorization: 'Bearer wired-token', 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'respond', decision: 'upheld', reasons: 'Engineer visit was missed; new part ordered' }),
    });
    expect(res.status).toBe(200);
    const job = await app.models.Job.findOne({ name: 'policy.stage2WindowClose', 'data.reference': c.reference }).lean();
    expect(job).toBeTruthy();
    // Its handler is defined: run it at its time (the real clock is still inside the window, so it leaves the case alone).
    expect(await app.services.scheduler.runDue(new Date(job!.runAt.getTime() + 1000))).toBeGreaterThanOrEqual(1);
    expect((await app.services.cases.get(c.reference))?.status).toBe('responded');
    expect(await app.models.JobHistory.countDocuments({ name: 'policy.stage2WindowClose', status: 'done' })).toBeGreaterThanOrEqual(1);
  });
});

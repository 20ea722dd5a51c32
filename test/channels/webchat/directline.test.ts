import { DirectLineTestClient, waitFor } from '../../helpers/directline';
import { startWebchatHarness, WebchatHarness } from './harness';
import { activityId, DirectLineStore } from '../../../channels/webchat/conversationStore';
import { connectDatabase } from '../../../services/database/connection';
import { createModels } from '../../../models';
import { testMongoUri } from '../../helpers/db';

const STAFF_TOKEN = 'staff-token-for-tests-0123456789';

describe('Direct Line 3.0 endpoint (echo bot)', () => {
  let h: WebchatHarness;
  beforeAll(async () => {
    h = await startWebchatHarness(undefined, { staffTokens: [STAFF_TOKEN] });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('starts a conversation with the issued token and greets the tenant', async () => {
    const dl = await DirectLineTestClient.open(h.url);
    expect(dl.session.streamUrl).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${dl.session.conversationId}/stream\\?`));
    const greeting = await dl.botReplies(1);
    expect(greeting[0].text).toBe('Hello, how can we help?');
    expect(greeting[0].from).toMatchObject({ role: 'bot', name: 'Riverside Homes' });
  });

  it('echoes the tenant message back in the log with ids and a moving watermark', async () => {
    const dl = await DirectLineTestClient.open(h.url);
    await dl.botReplies(1);
    const id = await dl.say('the boiler is still broken', { locale: 'pl', channelData: { clientActivityID: 'c-1' } });
    expect(id).toMatch(new RegExp(`^${dl.session.conversationId}\\|\\d{7}$`));
    const before = Number(dl.watermark);
    const activities = await dl.poll();
    expect(activities.map((a) => [a.from?.role, a.text])).toEqual([
      ['user', 'the boiler is still broken'],
      ['bot', 'echo: the boiler is still broken [pl]'],
    ]);
    expect(activities[0].channelData).toMatchObject({ clientActivityID: 'c-1' });
    expect(activities[1].replyToId).toBe(id);
    expect(Number(dl.watermark)).toBe(before + 2);
    expect(await dl.poll()).toEqual([]);
  });

  it('stores a retried post with the same client activity id once and answers it once', async () => {
    const dl = await DirectLineTestClient.open(h.url);
    await dl.botReplies(1);
    const first = await dl.say('hello', { channelData: { clientActivityID: 'retry-1' } });
    const second = await dl.say('hello', { channelData: { clientActivityID: 'retry-1' } });
    expect(second).toBe(first);
    const activities = await dl.poll();
    expect(activities.filter((a) => a.text === 'hello')).toHaveLength(1);
    expect(activities.filter((a) => a.text?.startsWith('echo: hello'))).toHaveLength(1);
  });

  it('takes the sender from the token, never from the posted activity', async () => {
    const dl = await DirectLineTestClient.open(h.url);
    await dl.botReplies(1);
    await dl.say('who am I', { from: { id: 'someone-else', name: 'Mallory' } });
    const mine = (await dl.poll()).find((a) => a.text === 'who am I');
    expect(mine?.from?.id).toBe(dl.session.userId);
  });

  it('refuses a missing or forged token with 401 and another conversation\'s token with 403', async () => {
    const a = await DirectLineTestClient.open(h.url);
    const b = await DirectLineTestClient.open(h.url);
    const path = `/conversations/${a.session.conversationId}/activities`;
    expect((await fetch(`${h.url}/v3/directline${path}`)).status).toBe(401);
    expect((await a.request('GET', path, undefined, `${a.session.token}x`)).status).toBe(401);
    expect((await a.request('GET', path, undefined, b.session.token)).status).toBe(403);
    expect((await a.request('POST', path, { type: 'message', text: 'hi' }, b.session.token)).status).toBe(403);
    expect((await a.request('GET', `/conversations/${a.session.conversationId}`, undefined, b.session.token)).status).toBe(403);
  });

  it('refuses malformed activities with 400 and the reason', async () => {
    const dl = await DirectLineTestClient.open(h.url);
    const res = await dl.request('POST', `/conversations/${dl.session.conversationId}/activities`, { type: 'message', text: 'x'.repeat(6000) });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/text/);
    const noType = await dl.request('POST', `/conversations/${dl.session.conversationId}/activities`, { text: 'hi' });
    expect(noType.status).toBe(400);
  });

  it('refreshes a token for the same conversation, and reconnects with a stream URL from the watermark', async () => {
    const dl = await DirectLineTestClient.open(h.url);
    await dl.botReplies(1);
    const refreshed = await dl.request('POST', '/tokens/refresh');
    expect(refreshed.status).toBe(200);
    const body = (await refreshed.json()) as { token: string; conversationId: string; expires_in: number };
    expect(body.conversationId).toBe(dl.session.conversationId);
    expect(body.expires_in).toBeGreaterThan(0);
    const reconnect = await dl.request('GET', `/conversations/${dl.session.conversationId}?watermark=${dl.watermark}`, undefined, body.token);
    expect(reconnect.status).toBe(200);
    expect(((await reconnect.json()) as { streamUrl: string }).streamUrl).toContain(`watermark=${dl.watermark}`);
  });

  it('streams activity sets over the WebSocket, including ones written after connecting', async () => {
    const dl = await DirectLineTestClient.open(h.url);
    const { socket, messages } = await dl.openStream();
    try {
      await waitFor(() => messages.some((m) => m.activities.some((a) => a.text === 'Hello, how can we help?')), 10000, 'greeting on the socket');
      await dl.say('over the socket');
      const set = await waitFor(() => messages.find((m) => m.activities.some((a) => a.text === 'echo: over the socket [no-locale]')), 10000, 'echo on the socket');
      expect(Number(set.watermark)).toBeGreaterThanOrEqual(3);
    } finally {
      socket.close();
    }
  });

  it('delivers to the socket what another instance appended to the conversation', async () => {
    const other = await startWebchatHarness(undefined, { db: h.db });
    try {
      const dl = await DirectLineTestClient.open(h.url);
      const { socket, messages } = await dl.openStream();
      try {
        await other.channel.sender.send({ channel: 'webchat', id: dl.session.userId, conversation: { conversation: { id: dl.session.conversationId } } }, 'A member of staff has replied.');
        await waitFor(() => messages.some((m) => m.activities.some((a) => a.text === 'A member of staff has replied.')), 10000, 'cross-instance message');
      } finally {
        socket.close();
      }
    } finally {
      await other.stop();
    }
  });

  it('polls a quiet conversation less often, and still delivers another instance\'s message', async () => {
    // This instance's own connection reports its commands, so the test can count the socket's reads.
    const uri = testMongoUri();
    const monitored = await connectDatabase(`${uri}${uri.includes('?') ? '&' : '?'}monitorCommands=true`, h.db.dbName);
    const db = { connection: monitored, models: createModels(monitored), dbName: h.db.dbName, drop: () => monitored.close() };
    const quiet = await startWebchatHarness(undefined, { db, stream: { pollIntervalMs: 100, idlePollMs: 1000, quietAfterMs: 300 } });
    const other = await startWebchatHarness(undefined, { db: h.db });
    try {
      const dl = await DirectLineTestClient.open(quiet.url);
      await dl.botReplies(1);
      dl.session.streamUrl = String(dl.session.streamUrl).replace(/watermark=\d+&/, '');
      const { socket, messages } = await dl.openStream();
      try {
        await waitFor(() => messages.length > 0, 5000, 'the greeting');
        // Count the reads this socket makes once the conversation has gone quiet.
        const key = `${dl.session.conversationId}|`;
        let reads = 0;
        const countReads = (event: { commandName: string; command: Record<string, unknown> }) => {
          if (event.commandName === 'find' && JSON.stringify(event.command.filter ?? '').includes(key)) reads += 1;
        };
        await new Promise((r) => setTimeout(r, 500));
        const client = monitored.getClient();
        client.on('commandStarted', countReads);
        await new Promise((r) => setTimeout(r, 2100));
        client.off('commandStarted', countReads);
        expect(reads).toBeLessThanOrEqual(3); // ~2 at 1 s, not ~21 at 100 ms

        await other.channel.sender.send({ channel: 'webchat', id: dl.session.userId, conversation: { conversation: { id: dl.session.conversationId } } }, 'Staff reply while quiet.');
        await waitFor(() => messages.some((m) => m.activities.some((a) => a.text === 'Staff reply while quiet.')), 5000, 'the message from the other instance');
      } finally {
        socket.close();
      }
    } finally {
      await other.stop();
      await quiet.stop();
      await monitored.close();
    }
  });

  it('refuses a WebSocket with a token for another conversation', async () => {
    const a = await DirectLineTestClient.open(h.url);
    const b = await DirectLineTestClient.open(h.url);
    a.session.streamUrl = String(a.session.streamUrl).replace(/t=[^&]+/, `t=${encodeURIComponent(b.session.token)}`);
    await expect(a.openStream()).rejects.toThrow(/403/);
  });

  it('keeps uploaded files as evidence and passes them to the bot as attachments', async () => {
    const dl = await DirectLineTestClient.open(h.url);
    await dl.botReplies(1);
    const form = new FormData();
    form.append('activity', new Blob([JSON.stringify({ type: 'message', from: { id: dl.session.userId }, attachments: [{ contentType: 'image/png', name: 'mould.png' }] })], { type: 'application/vnd.microsoft.activity' }), 'blob');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    form.append('file', new Blob([png], { type: 'image/png' }), 'mould.png');
    form.append('file', new Blob([Buffer.from('%PDF-1.4 letter')], { type: 'application/pdf' }), 'letter.pdf');
    const res = await fetch(`${h.url}/v3/directline/conversations/${dl.session.conversationId}/upload?userId=${dl.session.userId}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${dl.session.token}` },
      body: form,
    });
    expect(res.status).toBe(200);
    const activities = await dl.poll();
    const upload = activities.find((a) => a.from?.role === 'user');
    expect(upload?.attachments?.map((x) => x.name)).toEqual(['mould.png', 'letter.pdf']);
    expect(activities.find((a) => a.from?.role === 'bot')?.text).toBe('got 2 file(s): mould.png, letter.pdf');
    const stored = await fetch(String(upload?.attachments?.[0].contentUrl));
    expect(stored.status).toBe(200);
    expect(Buffer.from(await stored.arrayBuffer()).equals(png)).toBe(true);
    expect(await h.db.models.DirectlineAttachment.countDocuments({ conversationId: dl.session.conversationId })).toBe(2);
  });

  it('serves uploaded evidence only to its own conversation (signed link or token) and to staff', async () => {
    const dl = await DirectLineTestClient.open(h.url);
    const stranger = await DirectLineTestClient.open(h.url);
    await dl.botReplies(1);
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('89504e470d0a1a0a', 'hex')], { type: 'image/png' }), 'damp.png');
    const res = await fetch(`${h.url}/v3/directline/conversations/${dl.session.conversationId}/upload?userId=${dl.session.userId}`, { method: 'POST', headers: { Authorization: `Bearer ${dl.session.token}` }, body: form });
    expect(res.status).toBe(200);
    const signed = String((await dl.poll()).find((a) => a.from?.role === 'user')?.attachments?.[0].contentUrl);
    expect(signed).toMatch(/\/v3\/directline\/attachments\/[\w-]{32}\?exp=\d+&sig=[\w-]+$/);
    const bare = signed.split('?')[0];
    const get = (url: string, token?: string) => fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });

    expect((await get(signed)).status).toBe(200); // what Web Chat's <img> uses
    const noCredential = await get(bare);
    expect(noCredential.status).toBe(401);
    expect(JSON.stringify(await noCredential.json())).toMatch(/sign-in/);
    expect((await get(bare, stranger.session.token)).status).toBe(403);
    expect((await get(bare, dl.session.token)).status).toBe(200);
    expect((await get(bare, STAFF_TOKEN)).status).toBe(200);
    expect((await get(signed.replace(/sig=[\w-]+/, `sig=${'A'.repeat(43)}`))).status).toBe(401);
    expect((await get(signed.replace(/exp=(\d+)/, (_m, n: string) => `exp=${Number(n) + 3600}`))).status).toBe(401);
    // What the bot (and so the case) keeps is the bare URL, never a signed link.
    const stored = await h.channel.store.listAfter(dl.session.conversationId, 0);
    expect(stored.activities.flatMap((a) => a.attachments ?? []).map((a) => a.contentUrl)).toEqual([bare]);
  });

  it('refuses an upload over the size limit with 413', async () => {
    const dl = await DirectLineTestClient.open(h.url);
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(6 * 1024 * 1024, 1)], { type: 'image/jpeg' }), 'huge.jpg');
    const res = await fetch(`${h.url}/v3/directline/conversations/${dl.session.conversationId}/upload?userId=${dl.session.userId}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${dl.session.token}` },
      body: form,
    });
    expect(res.status).toBe(413);
    expect(await h.db.models.DirectlineAttachment.countDocuments({ conversationId: dl.session.conversationId })).toBe(0);
  });

});

describe('Direct Line token issue limits', () => {
  it('rate-limits token requests per address with 429 and Retry-After', async () => {
    const h = await startWebchatHarness(undefined, { tokenRateLimit: { max: 3, windowMs: 60_000 } });
    try {
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 4; i++) {
        last = await fetch(`${h.url}/api/webchat/token`);
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await h.stop();
    }
  });

  it('holds the token limit when many requests from one address arrive at once, on two instances', async () => {
    const h = await startWebchatHarness(undefined, { tokenRateLimit: { max: 5, windowMs: 60_000 } });
    const other = await startWebchatHarness(undefined, { tokenRateLimit: { max: 5, windowMs: 60_000 }, db: h.db });
    try {
      const statuses = await Promise.all(Array.from({ length: 24 }, (_, i) => fetch(`${i % 2 ? other.url : h.url}/api/webchat/token`).then((r) => r.status)));
      expect(statuses.filter((s) => s === 200)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(19);
    } finally {
      await other.stop();
      await h.stop();
    }
  });

  it('refuses an expired token with 401', async () => {
    const h = await startWebchatHarness(undefined, { tokenLifetimeSeconds: 1 });
    try {
      const res = await fetch(`${h.url}/api/webchat/token`);
      const { token, conversationId } = (await res.json()) as { token: string; conversationId: string };
      await new Promise((r) => setTimeout(r, 2100));
      const after = await fetch(`${h.url}/v3/directline/conversations/${conversationId}/activities`, { headers: { Authorization: `Bearer ${token}` } });
      expect(after.status).toBe(401);
      expect(JSON.stringify(await after.json())).toMatch(/expired/);
    } finally {
      await h.stop();
    }
  });
});

describe('Direct Line conversation log', () => {
  it('gives concurrent appends from several writers distinct, gap-free watermarks', async () => {
    const h = await startWebchatHarness();
    try {
      await h.channel.store.ensureConversation('busy-conversation', 'dl_user');
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => h.channel.store.append('busy-conversation', { type: 'message', text: `m${i}`, from: { id: 'dl_user', name: '' } })),
      );
      expect(results.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const page = await h.channel.store.listAfter('busy-conversation', 0);
      expect(page.activities).toHaveLength(20);
      expect(page.watermark).toBe(20);
    } finally {
      await h.stop();
    }
  });

  it('never gives two instances on separate connections the same watermark in one conversation', async () => {
    const h = await startWebchatHarness();
    const connection = await connectDatabase(testMongoUri(), h.db.dbName);
    try {
      const a = h.channel.store;
      const b = new DirectLineStore(createModels(connection));
      await a.ensureConversation('shared-conversation', 'dl_user');
      const writes = Array.from({ length: 24 }, (_, i) => (i % 2 ? a : b).append('shared-conversation', { type: 'message', text: `m${i}`, from: { id: 'dl_user', name: '' } }));
      const results = await Promise.all(writes);
      expect(results.map((r) => r.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
      const page = await b.listAfter('shared-conversation', 0);
      expect(page.activities.map((x) => x.text).sort()).toEqual(Array.from({ length: 24 }, (_, i) => `m${i}`).sort());
      expect(page.activities.map((x) => x.id)).toEqual(Array.from({ length: 24 }, (_, i) => activityId('shared-conversation', i + 1)));
    } finally {
      await connection.close();
      await h.stop();
    }
  });

  it('reads past activities erased from the middle of a log, on this instance and on a fresh one', async () => {
    const h = await startWebchatHarness();
    const connection = await connectDatabase(testMongoUri(), h.db.dbName);
    try {
      const store = h.channel.store;
      await store.ensureConversation('gappy', 'dl_user');
      for (let i = 1; i <= 6; i++) await store.append('gappy', { type: 'message', text: `m${i}`, from: { id: 'dl_user', name: '' } });
      await store.touch('gappy');
      await h.db.models.DirectlineActivity.deleteOne({ _id: activityId('gappy', 2) });
      await h.db.models.DirectlineActivity.deleteOne({ _id: activityId('gappy', 3) });
      await h.db.models.DirectlineActivity.deleteOne({ _id: activityId('gappy', 6) });
      const here = await store.listAfter('gappy', 1);
      expect(here.activities.map((x) => x.text)).toEqual(['m4', 'm5']);
      expect(here.watermark).toBe(5);
      const fresh = await new DirectLineStore(createModels(connection)).listAfter('gappy', 0);
      expect(fresh.activities.map((x) => x.text)).toEqual(['m1', 'm4', 'm5']);
      // The next append still takes a new watermark after the erased last one.
      const next = await store.append('gappy', { type: 'message', text: 'm7', from: { id: 'dl_user', name: '' } });
      expect(next.seq).toBe(7);
      expect((await store.listAfter('gappy', 5)).activities.map((x) => x.text)).toEqual(['m7']);
    } finally {
      await connection.close();
      await h.stop();
    }
  });

  it('stores and answers once a post retried against another instance with the same client activity id', async () => {
    const h = await startWebchatHarness();
    const other = await startWebchatHarness(undefined, { db: h.db });
    try {
      const dl = await DirectLineTestClient.open(h.url);
      await dl.botReplies(1);
      const viaOther = new DirectLineTestClient(other.url, dl.session);
      const [first, second] = await Promise.all([
        dl.say('the lift is broken', { channelData: { clientActivityID: 'same-post' } }),
        viaOther.say('the lift is broken', { channelData: { clientActivityID: 'same-post' } }),
      ]);
      expect(second).toBe(first);
      const activities = await dl.poll();
      expect(activities.filter((x) => x.text === 'the lift is broken')).toHaveLength(1);
      expect(activities.filter((x) => x.text?.startsWith('echo: the lift is broken'))).toHaveLength(1);
    } finally {
      await other.stop();
      await h.stop();
    }
  });
});

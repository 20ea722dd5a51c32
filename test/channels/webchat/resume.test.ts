// Crash resume: a tenant message stored by an instance that died before its bot turn finished is
// answered later, once, by whichever instance's resume scan takes it.
import type { Activity } from 'botbuilder';
import type { App } from '../../../index';
import { loadConfig } from '../../../config';
import { startApp } from '../../../index';
import { WEBCHAT_RESUME_JOB } from '../../../channels/webchat/resumeJob';
import { postKey } from '../../../channels/webchat/conversationStore';
import { testMongoUri, uniqueDbName } from '../../helpers/db';
import { DirectLineTestClient } from '../../helpers/directline';
import { startWebchatHarness, WebchatHarness } from './harness';

const MINUTE = 60_000;

let posts = 0;

/**
 * What an instance that dies mid-post leaves behind: the post claimed and marked pending, and
 * (unless it died before that) stored; no turn run. Returns the stored id and the pending key.
 */
async function storeWithoutTurn(store: WebchatHarness['channel']['store'], dl: DirectLineTestClient, text: string, diedBeforeStoring = false): Promise<{ id?: string; pendingId: string; clientActivityId: string }> {
  const { conversationId, userId } = dl.session;
  const clientActivityId = `crash-${++posts}`;
  const activity: Partial<Activity> = { type: 'message', text, from: { id: userId, name: '', role: 'user' }, recipient: { id: 'housing-complaints-bot', name: 'Riverside Homes', role: 'bot' }, locale: 'en-GB', channelData: { clientActivityID: clientActivityId } };
  const claim = await store.claimPost(conversationId, clientActivityId);
  if (claim.kind !== 'new') throw new Error(`unexpected claim ${claim.kind}`);
  await store.markPending(conversationId, clientActivityId, activity, `${dl.baseUrl}/v3/directline`);
  const pendingId = postKey(conversationId, clientActivityId);
  if (diedBeforeStoring) return { pendingId, clientActivityId };
  const { id } = await store.storePost(conversationId, activity, clientActivityId, claim.claimedSeq);
  return { id, pendingId, clientActivityId };
}

describe('webchat crash resume (echo bot)', () => {
  let h: WebchatHarness;
  beforeAll(async () => {
    h = await startWebchatHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('leaves nothing pending once a normal turn has stored its replies', async () => {
    const dl = await DirectLineTestClient.open(h.url);
    await dl.botReplies(1);
    await dl.say('the heating is off again', { channelData: { clientActivityID: 'normal-1' } });
    expect(await h.db.models.DirectlinePending.findById(postKey(dl.session.conversationId, 'normal-1')).lean()).toBeNull();
    expect(await h.db.models.DirectlinePending.countDocuments({})).toBe(0);
    expect(await h.channel.resumePending(new Date(Date.now() + 10 * MINUTE))).toBe(0);
  });

  it('answers a message a crashed instance stored but never answered, after the lease, once', async () => {
    const dl = await DirectLineTestClient.open(h.url);
    await dl.botReplies(1);
    await dl.poll();
    const { id, pendingId } = await storeWithoutTurn(h.channel.store, dl, 'is anyone there');

    expect(await h.channel.resumePending(new Date())).toBe(0); // still within the lease: maybe just slow
    expect(await dl.poll()).toEqual([expect.objectContaining({ id, text: 'is anyone there' })]);

    const later = new Date(Date.now() + 3 * MINUTE);
    expect(await h.channel.resumePending(later)).toBe(1);
    const replies = await dl.botReplies(1);
    expect(replies.map((r) => [r.text, r.replyToId])).toEqual([['echo: is anyone there [en-GB]', id]]);
    expect(await h.db.models.DirectlinePending.findById(pendingId).lean()).toBeNull();

    expect(await h.channel.resumePending(new Date(Date.now() + 10 * MINUTE))).toBe(0);
    expect(await dl.poll()).toEqual([]);
  });

  it('does not answer twice a post whose instance died after writing the replies but before clearing the mark', async () => {
    const dl = await DirectLineTestClient.open(h.url);
    await dl.botReplies(1);
    await dl.poll();
    const { id, pendingId } = await storeWithoutTurn(h.channel.store, dl, 'still no hot water');
    // The dead instance's turn got as far as writing its reply.
    const { conversationId } = dl.session;
    await h.channel.store.append(conversationId, {
      type: 'message', text: 'echo: still no hot water [en-GB]', replyToId: id,
      from: { id: 'housing-complaints-bot', name: 'Riverside Homes', role: 'bot' }, recipient: { id: dl.session.userId, name: '', role: 'user' },
    });
    expect((await dl.poll()).map((a) => a.from?.role)).toEqual(['user', 'bot']);

    expect(await h.channel.resumePending(new Date(Date.now() + 3 * MINUTE))).toBe(1);
    expect(await dl.poll()).toEqual([]);
    expect(await h.db.models.DirectlinePending.findById(pendingId).lean()).toBeNull();
  });

  it('stores and answers a post whose instance died after marking it but before storing it', async () => {
    const dl = await DirectLineTestClient.open(h.url);
    await dl.botReplies(1);
    await dl.poll();
    await storeWithoutTurn(h.channel.store, dl, 'the window will not close', true);
    expect(await dl.poll()).toEqual([]);
    expect(await h.channel.resumePending(new Date(Date.now() + 3 * MINUTE))).toBe(1);
    const log = await dl.poll();
    expect(log.map((a) => [a.from?.role, a.text])).toEqual([
      ['user', 'the window will not close'],
      ['bot', 'echo: the window will not close [en-GB]'],
    ]);
    expect(log[1].replyToId).toBe(log[0].id);
  });

  it('a client retrying a post whose instance died before storing it gets it stored and answered once', async () => {
    const dl = await DirectLineTestClient.open(h.url);
    await dl.botReplies(1);
    await dl.poll();
    const { clientActivityId } = await storeWithoutTurn(h.channel.store, dl, 'is the repair booked', true);
    const retry = () => dl.say('is the repair booked', { channelData: { clientActivityID: clientActivityId } }).then((id) => ({ id }), (err: Error) => ({ err: err.message }));
    const both = await Promise.all([retry(), retry()]);
    // One retry stores and answers it; a simultaneous one gets its id or is asked to send it again.
    const ids = both.flatMap((r) => ('id' in r ? [r.id] : []));
    expect(ids.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ids).size).toBe(1);
    for (const r of both) if ('err' in r) expect(r.err).toMatch(/503.*send it again/);
    expect(await retry()).toEqual({ id: ids[0] });
    const log = await dl.botReplies(1);
    expect(log.map((a) => a.text)).toEqual(['echo: is the repair booked [en-GB]']);
    const all = await h.channel.store.listAfter(dl.session.conversationId, 0);
    expect(all.activities.filter((a) => a.text === 'is the repair booked')).toHaveLength(1);
    expect(await h.channel.resumePending(new Date(Date.now() + 10 * MINUTE))).toBe(0);
  });

  it('a client retrying a post whose turn was cut off gets the first copy, answered once by the resume job', async () => {
    const dl = await DirectLineTestClient.open(h.url);
    await dl.botReplies(1);
    await dl.poll();
    const { id, clientActivityId } = await storeWithoutTurn(h.channel.store, dl, 'any news on the boiler');
    expect(await dl.say('any news on the boiler', { channelData: { clientActivityID: clientActivityId } })).toBe(id);
    expect(await h.channel.resumePending(new Date(Date.now() + 3 * MINUTE))).toBe(1);
    const log = await dl.poll();
    expect(log.map((a) => [a.from?.role, a.text])).toEqual([
      ['user', 'any news on the boiler'],
      ['bot', 'echo: any news on the boiler [en-GB]'],
    ]);
  });

  it('answers once when two instances scan at the same moment', async () => {
    const other = await startWebchatHarness(undefined, { db: h.db });
    try {
      const dl = await DirectLineTestClient.open(h.url);
      await dl.botReplies(1);
      await dl.poll();
      await storeWithoutTurn(h.channel.store, dl, 'first stalled message');
      await storeWithoutTurn(h.channel.store, dl, 'second stalled message');
      const later = new Date(Date.now() + 3 * MINUTE);
      const counts = await Promise.all([h.channel.resumePending(later), other.channel.resumePending(later), h.channel.resumePending(later)]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
      await dl.botReplies(2);
      const all = await h.channel.store.listAfter(dl.session.conversationId, 0);
      const echoes = all.activities.map((a) => a.text).filter((t) => t?.startsWith('echo:'));
      expect(echoes.sort()).toEqual(['echo: first stalled message [en-GB]', 'echo: second stalled message [en-GB]']);
    } finally {
      await other.stop();
    }
  });

  it('gives up after three attempts and keeps the message for staff, marked failed', async () => {
    const dl = await DirectLineTestClient.open(h.url);
    await dl.botReplies(1);
    const { pendingId } = await storeWithoutTurn(h.channel.store, dl, 'never answered');
    // Two more instances took it and died too (attempts 2 and 3).
    expect(await h.channel.store.claimAttempt(pendingId, 2)).toBe(true);
    expect(await h.channel.store.claimAttempt(pendingId, 3)).toBe(true);
    expect(await h.channel.resumePending(new Date(Date.now() + 3 * MINUTE))).toBe(0);
    const pending = await h.db.models.DirectlinePending.findById(pendingId).lean();
    expect(pending?.failedAt).toBeInstanceOf(Date);
    expect(await h.channel.resumePending(new Date(Date.now() + 30 * MINUTE))).toBe(0);
    expect((await dl.poll()).filter((a) => a.from?.role === 'bot' && a.text === 'echo: never answered [en-GB]')).toEqual([]);
  });
});

describe('webchat crash resume through the app scheduler and the tenant bot', () => {
  let app: App;
  beforeAll(async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', PORT: '0', LANDLORD_NAME: 'Riverside Homes', MONGODB_URI: testMongoUri() });
    app = await startApp(config, { dbName: uniqueDbName('wcresume'), startScheduler: false });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('the repeating resume job answers the tenant whose message was cut off by a crash', async () => {
    const dl = await DirectLineTestClient.open(app.url);
    await dl.botReplies(1);
    await dl.poll();
    const store = app.tenantChannels.webchat.store;
    const { id, pendingId } = await storeWithoutTurn(store, dl, "This is the third time I've reported the leak under my sink and still nobody has come to fix it");
    // The instance that stored it died five minutes ago.
    await app.models.DirectlinePending.updateOne({ _id: pendingId }, { $set: { since: new Date(Date.now() - 5 * MINUTE) } });
    expect(await app.models.Job.findById(`key:${WEBCHAT_RESUME_JOB}`).lean()).not.toBeNull();

    await app.services.scheduler.runDue(new Date(Date.now() + MINUTE));
    const replies = await dl.botReplies(1, 10000);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies[0].replyToId).toBe(id);
    expect(replies.map((r) => r.text).join('\n')).toMatch(/leak|sink|sorry|understand/i);
    expect(await app.models.DirectlinePending.countDocuments({})).toBe(0);
  });
});

// kill -9 the app while webchat tenants are mid-conversation, start it again: every message the
// tenants sent is answered exactly once (by the turn that was running, or by the resume job once
// its lease is over), a post the crash cut off is retried by the client with the same
// clientActivityID (as Web Chat does) and stored once, and every conversation carries on.
import { MongoClient } from 'mongodb';
import { freePort } from '../../services/database/localMongo';
import { DirectLineTestClient, DlActivity } from '../helpers/directline';
import { spawnApp, AppProcess, waitFor } from './harness';

const TENANTS = 6;
const LINES = [
  "Third time I've reported the damp in my bedroom and nobody has come",
  'The bedroom wall is black with mould',
  'Since September',
  'Send someone to treat it',
  'no',
  'no',
];

interface Post {
  tenant: number;
  clientId: string;
  text: string;
  /** HTTP status of each attempt (0 = no answer: connection refused or cut). */
  attempts: number[];
}

describe('crash during webchat turns', () => {
  let app: AppProcess;
  let port: number;
  const dbName = `wccrash_${Date.now()}`;
  const uri = () => `${String(process.env.TEST_MONGODB_URI).replace(/\/$/, '')}/${dbName}`;
  let env: Record<string, string>;

  beforeAll(async () => {
    port = await freePort();
    env = { MONGODB_URI: uri(), LOG_LEVEL: 'warn', LANDLORD_NAME: 'Riverside Homes', PUBLIC_BASE_URL: `http://127.0.0.1:${port}` };
    app = await spawnApp(env, port);
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    const client = await MongoClient.connect(uri());
    await client.db(dbName).dropDatabase().catch(() => undefined);
    await client.close();
  });

  const post = async (dl: DirectLineTestClient, p: Post): Promise<number> => {
    const res = await dl
      .request('POST', `/conversations/${dl.session.conversationId}/activities`, { type: 'message', text: p.text, channelData: { clientActivityID: p.clientId } })
      .catch(() => undefined);
    p.attempts.push(res?.status ?? 0);
    return res?.status ?? 0;
  };

  it('answers every webchat message exactly once across a kill -9 and restart, and conversations carry on', async () => {
    const tenants = await Promise.all(Array.from({ length: TENANTS }, () => DirectLineTestClient.open(app.url)));
    await Promise.all(tenants.map((dl) => dl.botReplies(1)));

    // The load: tenants type in parallel, each waiting for the answer like a person would.
    const posts: Post[] = [];
    let killed = false;
    const tenant = async (n: number) => {
      for (const [i, text] of LINES.entries()) {
        const p: Post = { tenant: n, clientId: `t${n}-m${i}`, text, attempts: [] };
        posts.push(p);
        await post(tenants[n], p);
        if (killed) return;
      }
    };
    const load = Promise.all(tenants.map((_, n) => tenant(n)));
    await waitFor('some answered messages', async () => posts.filter((p) => p.attempts[0] === 200).length >= 10, 60_000, 20);
    killed = true;
    await app.kill9();
    await load;
    app = await spawnApp(env, port);

    // Web Chat retries a post that got no answer, with the same clientActivityID.
    const cut = posts.filter((p) => p.attempts[0] !== 200);
    for (const p of cut) await waitFor(`retry of ${p.clientId}`, async () => (await post(tenants[p.tenant], p)) === 200, 30_000, 500);

    // A turn the crash cut off is resumed once its lease (2 minutes in the app) is over: fast-forward
    // the leases instead of waiting, then let the 30 s resume job find them.
    const client = await MongoClient.connect(uri());
    let stalled = 0;
    try {
      const pending = client.db(dbName).collection('directline_pending');
      stalled = await pending.countDocuments({});
      await pending.updateMany({}, { $set: { since: new Date(Date.now() - 10 * 60_000) } });
      await waitFor('every unfinished turn resumed', async () => (await pending.countDocuments({})) === 0, 90_000, 500);
    } finally {
      await client.close();
    }

    // Every message stored once and answered by exactly one turn.
    let answered = 0;
    for (const [n, dl] of tenants.entries()) {
      dl.watermark = '';
      const log: DlActivity[] = [];
      for (let page = await dl.poll(); page.length; page = await dl.poll()) log.push(...page);
      const mine = posts.filter((p) => p.tenant === n);
      const fromTenant = log.filter((a) => a.from?.role === 'user');
      expect(fromTenant.map((a) => a.text)).toEqual(mine.map((p) => p.text));
      for (const message of fromTenant) {
        const replies = log.filter((a) => a.from?.role === 'bot' && a.replyToId === message.id).map((a) => a.text);
        expect(replies.length).toBeGreaterThan(0);
        // A turn run twice would repeat itself: the same words twice for one message.
        expect(new Set(replies).size).toBe(replies.length);
        answered += 1;
      }
    }

    // Each conversation carries on after the restart.
    for (const dl of tenants) expect((await dl.ask('help')).length).toBeGreaterThan(0);
    process.stderr.write(`[resilience] webchat crash: ${posts.length} messages from ${TENANTS} tenants, ${cut.length} cut by the kill and retried, ${stalled} unfinished turns resumed by the job, ${answered} answered once\n`);
  }, 300_000);
});

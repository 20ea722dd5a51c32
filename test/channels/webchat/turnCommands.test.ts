// Database commands per webchat turn, through the whole app: one intake to a Stage 1 reference
// over our Direct Line, with the driver's command monitoring on. FerretDB v1 answers only `_id`
// equality without decoding a whole collection (CONTRIBUTING), so the webchat channel's own
// commands (directline_* collections) on a turn must all be `_id`-keyed reads/writes or inserts.
// Other owners' commands (state, rate limits, cases) are listed, not asserted here.
// PROFILE_TURNS=1 prints every command of every turn.
import { loadConfig } from '../../../config';
import { startApp, App } from '../../../index';
import { testMongoUri, uniqueDbName } from '../../helpers/db';
import { DirectLineTestClient } from '../../helpers/directline';
import { CASE_REFERENCE, converse, STAGE1_ANSWERS } from '../../helpers/tenantRules';
import { CommandLog, LoggedCommand as Command, recordCommands, withMonitoring } from '../../bench/commandLog';

describe('database commands per webchat turn', () => {
  let app: App;
  let log: CommandLog;

  beforeAll(async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', PORT: '0', LANDLORD_NAME: 'Riverside Homes', MONGODB_URI: withMonitoring(testMongoUri()) });
    // No pollers: what is recorded belongs to the tenant's requests.
    app = await startApp(config, { dbName: uniqueDbName('wcturns'), startScheduler: false });
    log = recordCommands(app.connection);
  });
  afterAll(async () => {
    log?.stop();
    await app?.stop();
  });

  it('sends only _id-keyed commands and inserts to the webchat collections during an intake to Stage 1', async () => {
    const dl = await DirectLineTestClient.open(app.url);
    await dl.botReplies(1);
    const turns: { text: string; post: Command[]; poll: Command[] }[] = [];
    const ask = async (text: string): Promise<string> => {
      log.take();
      // Like Web Chat: each post carries its own client activity id (the retry dedupe key).
      await dl.say(text, { channelData: { clientActivityID: `c${turns.length}` } }); // answers once the turn has run
      const post = log.take();
      const replies = (await dl.poll()).filter((a) => a.from?.role === 'bot');
      turns.push({ text, post, poll: log.take() });
      return replies.map((r) => r.text ?? '').join('\n');
    };
    const { final } = await converse(ask, "This is the third time I've reported the leak under my sink and still nobody has come to fix it", STAGE1_ANSWERS);
    expect(CASE_REFERENCE.exec(final)).not.toBeNull();

    const webchat = (c: Command) => c.collection.startsWith('directline_');
    const all = turns.flatMap((t) => [...t.post, ...t.poll]);
    const lines = turns.map((t, i) => {
      const mine = [...t.post, ...t.poll].filter(webchat).length;
      const out = [`turn ${i + 1} (${t.text.slice(0, 24)}): post ${t.post.length}, poll ${t.poll.length} commands; webchat ${mine}`];
      const shown = process.env.PROFILE_TURNS ? [...t.post, ...t.poll] : [...t.post, ...t.poll].filter((c) => !c.byId);
      for (const c of shown) out.push(`   ${c.byId ? ' ' : '!'} ${c.name} ${c.collection} ${c.filter}`);
      return out.join('\n');
    });
    const byCollection = new Map<string, number>();
    for (const c of all) byCollection.set(c.collection, (byCollection.get(c.collection) ?? 0) + 1);
    const perTurn = (n: number) => (n / turns.length).toFixed(1);
    lines.push(
      `${turns.length} turns: ${perTurn(all.length)} commands per turn in all, ${perTurn(all.filter(webchat).length)} on webchat collections`,
      `per turn by collection: ${[...byCollection].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${perTurn(n)}`).join(', ')}`,
    );
    process.stderr.write(`${lines.join('\n')}\n`);

    expect(all.filter(webchat).filter((c) => !c.byId).map((c) => `${c.name} ${c.collection} ${c.filter}`)).toEqual([]);
  });
});

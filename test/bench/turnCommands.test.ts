// Per-turn database work on the hot path: an SMS and a Direct Line intake to a Stage 1 reference
// and a status check through the whole app, with the driver's command monitoring on. FerretDB v1
// answers only `_id` equality without decoding a whole collection (CONTRIBUTING), so a tenant
// turn may send only `_id`-keyed commands and inserts. Prints the per-turn list (every command
// with PROFILE_TURNS=1). Updates and deletes by `_id` are listed apart: an unpatched FerretDB
// v1.24 scans the collection even for those (its `_id` index bug, fixed in the server we build,
// see services/database/buildFerretDb.ts), and a deployment may point MONGODB_URI at one; so a
// turn may update or delete only in the small in-flight collections (messages being handled right
// now); the tenant's first turn may also create their contact record (once per tenant).
import { loadConfig } from '../../config';
import { startApp, App } from '../../index';
import { testMongoUri, uniqueDbName } from '../helpers/db';
import { startFakeTwilioApi, FakeTwilioApi } from '../fakes/twilioApi';
import { SmsTestClient, TEST_TWILIO } from '../helpers/sms';
import { DirectLineTestClient } from '../helpers/directline';
import { CASE_REFERENCE, converse, STAGE1_ANSWERS } from '../helpers/tenantRules';
import { CommandLog, LoggedCommand, recordCommands, withMonitoring } from './commandLog';

const PUBLIC_BASE_URL = 'https://complaints.riverside.example';

/** Collections that hold only what is being handled right now, so a delete there scans a handful of documents. */
const IN_FLIGHT = new Set(['sms_inflight', 'directline_pending']);
/** Written once per tenant, on their first message. */
const FIRST_TURN_ONLY = new Set(['findAndModify contacts']);

interface TurnProfile {
  text: string;
  commands: LoggedCommand[];
}

/** Prints the per-turn list; returns the commands that are not `_id`-keyed and the average per turn. */
function report(channel: string, turns: TurnProfile[]): { scans: string[]; perTurn: number; growingRewrites: string[] } {
  const lines: string[] = [];
  for (const [i, turn] of turns.entries()) {
    const scans = turn.commands.filter((c) => !c.byId);
    const rewrites = turn.commands.filter((c) => c.byId && c.rewrites);
    lines.push(`${channel} turn ${i + 1} (${turn.text.slice(0, 30)}): ${turn.commands.length} commands, ${scans.length} not by _id, ${rewrites.length} updates/deletes by _id`);
    for (const c of process.env.PROFILE_TURNS ? turn.commands : [...scans, ...rewrites]) lines.push(`   ${!c.byId ? '!' : c.rewrites ? 'w' : ' '} ${c.name} ${c.collection} ${c.filter}`);
  }
  const total = turns.reduce((n, t) => n + t.commands.length, 0);
  const rewrites = turns.reduce((n, t) => n + t.commands.filter((c) => c.byId && c.rewrites).length, 0);
  lines.push(`${channel}: ${turns.length} turns, ${total} commands, ${(total / turns.length).toFixed(1)} per turn; ${(rewrites / turns.length).toFixed(1)} per turn are updates/deletes by _id (a collection scan each on an unpatched FerretDB v1.24)`);
  process.stderr.write(`${lines.join('\n')}\n`);
  const growingRewrites = turns.flatMap((t, i) =>
    t.commands
      .filter((c) => c.rewrites && !IN_FLIGHT.has(c.collection) && !(i === 0 && FIRST_TURN_ONLY.has(`${c.name} ${c.collection}`)))
      .map((c) => `turn ${i + 1}: ${c.name} ${c.collection} ${c.filter}`),
  );
  return { scans: turns.flatMap((t) => t.commands.filter((c) => !c.byId).map((c) => `${c.name} ${c.collection} ${c.filter}`)), perTurn: total / turns.length, growingRewrites };
}

describe('database commands per tenant turn', () => {
  let app: App;
  let twilioApi: FakeTwilioApi;
  let log: CommandLog;

  beforeAll(async () => {
    twilioApi = await startFakeTwilioApi(TEST_TWILIO);
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      PORT: '0',
      // The driver reports every command only when the connection is opened with this option.
      MONGODB_URI: withMonitoring(testMongoUri()),
      PUBLIC_BASE_URL,
      TWILIO_ACCOUNT_SID: TEST_TWILIO.accountSid,
      TWILIO_AUTH_TOKEN: TEST_TWILIO.authToken,
      TWILIO_FROM_NUMBER: TEST_TWILIO.fromNumber,
      TWILIO_API_BASE_URL: twilioApi.url,
    });
    // No pollers: every command recorded belongs to a tenant turn.
    app = await startApp(config, { dbName: uniqueDbName('turns'), startScheduler: false });
    log = recordCommands(app.connection);
  });
  afterAll(async () => {
    log?.stop();
    await app?.stop();
    await twilioApi?.close();
  });

  it('an SMS intake to a Stage 1 reference and a status check send only _id-keyed commands and rewrite only in-flight collections', async () => {
    const tenant = new SmsTestClient(app.url, PUBLIC_BASE_URL, '+447700900911');
    const turns: TurnProfile[] = [];
    const ask = async (text: string): Promise<string> => {
      log.take();
      const before = twilioApi.sent.length;
      const res = await tenant.text(text);
      expect(res.status).toBe(200);
      let reply = res.messages.join('\n');
      if (!reply) {
        // A slow turn answers through the outbox; send it now (the poller is off here).
        await app.tenantChannels.sms.outbox.runDue();
        reply = twilioApi.sent.slice(before).map((m) => m.body).join('\n');
      }
      turns.push({ text, commands: log.take() });
      return reply;
    };
    const { final } = await converse(ask, "Third time I've reported the leak under my sink and nobody has come to fix it", STAGE1_ANSWERS);
    const reference = CASE_REFERENCE.exec(final)?.[0];
    expect(reference).toBeDefined();
    expect(await ask('status')).toContain(reference);

    const { scans, perTurn, growingRewrites } = report('SMS', turns);
    expect(scans).toEqual([]);
    // sms_inbound's status update after the reply was one per turn before the outcome became an insert.
    expect(growingRewrites).toEqual([]);
    // Was 17.2 per turn (5.1 of them whole-collection scans) before the hot path went by _id, and
    // 13.4 before a write soon after its read stopped probing for a pruned revision (12.6 since).
    expect(perTurn).toBeLessThanOrEqual(13);
  });

  it('a Direct Line intake to a Stage 1 reference and a status check send only _id-keyed commands and rewrite only in-flight collections', async () => {
    const tenant = await DirectLineTestClient.open(app.url);
    const turns: TurnProfile[] = [];
    const ask = async (text: string): Promise<string> => {
      log.take();
      const reply = await tenant.ask(text);
      // Let the turn finish writing (state, activities) before counting it.
      await new Promise((r) => setTimeout(r, 300));
      turns.push({ text, commands: log.take() });
      return reply;
    };
    const { final } = await converse(ask, 'The damp in my bedroom is back and nobody has answered my emails', STAGE1_ANSWERS);
    const reference = CASE_REFERENCE.exec(final)?.[0];
    expect(reference).toBeDefined();
    await ask(`what is the status of ${reference}`);

    const { scans, perTurn, growingRewrites } = report('Direct Line', turns);
    expect(scans).toEqual([]);
    // directline_conversations was updated every turn before lastSeq/lastActivityAt went hourly.
    expect(growingRewrites).toEqual([]);
    // 17.4 before a write soon after its read stopped probing for a pruned revision (16.5 since).
    expect(perTurn).toBeLessThanOrEqual(17);
  });
});

// Per-turn database work on the hot path: one SMS intake to a Stage 1 reference and a status
// check through the whole app, with the driver's command monitoring on. FerretDB v1 answers only
// `_id` equality without decoding a whole collection (CONTRIBUTING), so a tenant turn may send
// only `_id`-keyed commands and inserts. Prints the per-turn list (PROFILE_TURNS=1 for every command).
import { loadConfig } from '../../config';
import { startApp, App } from '../../index';
import { testMongoUri, uniqueDbName } from '../helpers/db';
import { startFakeTwilioApi, FakeTwilioApi } from '../fakes/twilioApi';
import { SmsTestClient, TEST_TWILIO } from '../helpers/sms';
import { CASE_REFERENCE, converse, STAGE1_ANSWERS } from '../helpers/tenantRules';
import { CommandLog, LoggedCommand, recordCommands, withMonitoring } from './commandLog';

const PUBLIC_BASE_URL = 'https://complaints.riverside.example';

interface TurnProfile {
  text: string;
  commands: LoggedCommand[];
}

describe('database commands per tenant turn', () => {
  let app: App;
  let twilioApi: FakeTwilioApi;
  let log: CommandLog;
  const turns: TurnProfile[] = [];

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

  const asker = (phone: string) => {
    const tenant = new SmsTestClient(app.url, PUBLIC_BASE_URL, phone);
    return async (text: string): Promise<string> => {
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
  };

  it('an SMS intake to a Stage 1 reference and a status check send only _id-keyed commands', async () => {
    const ask = asker('+447700900911');
    const { final } = await converse(ask, "Third time I've reported the leak under my sink and nobody has come to fix it", STAGE1_ANSWERS);
    const reference = CASE_REFERENCE.exec(final)?.[0];
    expect(reference).toBeDefined();
    const status = await ask('status');
    expect(status).toContain(reference);

    const lines: string[] = [];
    for (const [i, turn] of turns.entries()) {
      const scans = turn.commands.filter((c) => !c.byId);
      lines.push(`turn ${i + 1} (${turn.text.slice(0, 30)}): ${turn.commands.length} commands, ${scans.length} not by _id`);
      for (const c of process.env.PROFILE_TURNS ? turn.commands : scans) lines.push(`   ${c.byId ? ' ' : '!'} ${c.name} ${c.collection} ${c.filter}`);
    }
    const total = turns.reduce((n, t) => n + t.commands.length, 0);
    lines.push(`${turns.length} turns, ${total} commands, ${(total / turns.length).toFixed(1)} per turn`);
    process.stderr.write(`${lines.join('\n')}\n`);

    const scans = turns.flatMap((t) => t.commands.filter((c) => !c.byId).map((c) => `${c.name} ${c.collection} ${c.filter}`));
    expect(scans).toEqual([]);
    // Was 17.2 per turn (5.1 of them whole-collection scans) before the hot path went by _id.
    expect(total / turns.length).toBeLessThanOrEqual(15);
  });
});

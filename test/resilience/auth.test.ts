// Who may call what: Twilio signatures, Bot Framework JWTs, Direct Line tokens, staff tokens, and
// tenants seeing only their own cases. The whole app, real HTTP, real database.
import { startTestApp } from '../helpers/app';
import { inboundSms, postSignedForm, SmsTestClient, TEST_TWILIO } from '../helpers/sms';
import type { App } from '../../index';

describe('authentication and isolation', () => {
  let app: App;
  const env = {
    TWILIO_ACCOUNT_SID: TEST_TWILIO.accountSid,
    TWILIO_AUTH_TOKEN: TEST_TWILIO.authToken,
    TWILIO_FROM_NUMBER: TEST_TWILIO.fromNumber,
    TWILIO_API_BASE_URL: 'http://127.0.0.1:9',
    MICROSOFT_APP_ID: '00000000-0000-0000-0000-00000000b07a',
    MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
    STAFF_API_TOKENS: 'staff-token-auth-test',
  };

  beforeAll(async () => {
    app = await startTestApp({ ...env, PUBLIC_BASE_URL: 'http://complaints.example-housing.org.uk' });
  }, 120_000);
  afterAll(async () => {
    await app.connection.dropDatabase().catch(() => undefined);
    await app.stop();
  });

  const publicBaseUrl = 'http://complaints.example-housing.org.uk';

  it('refuses an SMS webhook with a missing or forged Twilio signature with 403 and stores nothing', async () => {
    const params = inboundSms('+447700900701', 'my boiler is broken');
    const missing = await postSignedForm(app.url, '/api/sms', params, { publicBaseUrl, signature: null });
    expect(missing.status).toBe(403);
    const forged = await postSignedForm(app.url, '/api/sms', params, { publicBaseUrl, authToken: 'someone-elses-token' });
    expect(forged.status).toBe(403);
    // Signed for a different URL (replayed against another endpoint).
    const wrongUrl = await postSignedForm(app.url, '/api/sms', params, { publicBaseUrl: 'http://evil.example' });
    expect(wrongUrl.status).toBe(403);
    expect(await app.models.SmsInbound.countDocuments({})).toBe(0);

    const good = await postSignedForm(app.url, '/api/sms', params, { publicBaseUrl });
    expect(good.status).toBe(200);
  }, 60_000);

  it('refuses a Bot Framework request without a valid JWT with 401 when MICROSOFT_APP_ID is set', async () => {
    const activity = { type: 'message', text: 'list cases', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9', from: { id: 'x' }, conversation: { id: 'c' }, recipient: { id: 'b' } };
    const none = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
    expect(none.status).toBe(401);
    // Not a JWT at all. (Forged, well-formed JWTs need Microsoft's signing keys; H5's
    // test/channels/teams/botAuth.test.ts checks them against a local issuer.)
    const garbage = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer not.a.jwt' }, body: JSON.stringify(activity) });
    expect(garbage.status).toBe(401);
  });

  it('refuses a Direct Line token on another conversation with 403', async () => {
    const a = (await (await fetch(`${app.url}/api/webchat/token`)).json()) as { token: string; conversationId: string };
    const b = (await (await fetch(`${app.url}/api/webchat/token`, { headers: { 'X-Forwarded-For': '198.51.100.7' } })).json()) as { token: string; conversationId: string };
    expect(a.conversationId).not.toBe(b.conversationId);
    const post = await fetch(`${app.url}/v3/directline/conversations/${b.conversationId}/activities`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${a.token}` },
      body: JSON.stringify({ type: 'message', from: { id: 'dl_a' }, text: 'hello' }),
    });
    expect(post.status).toBe(403);
    const read = await fetch(`${app.url}/v3/directline/conversations/${b.conversationId}/activities`, { headers: { Authorization: `Bearer ${a.token}` } });
    expect(read.status).toBe(403);
  });

  it('refuses the staff API without a valid bearer token with 401', async () => {
    expect((await fetch(`${app.url}/api/staff/cases`)).status).toBe(401);
    expect((await fetch(`${app.url}/api/staff/cases`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await fetch(`${app.url}/api/staff/reports/monthly?month=2026-11`, { headers: { Authorization: 'Basic c3RhZmY6c3RhZmY=' } })).status).toBe(401);
    expect((await fetch(`${app.url}/api/staff/cases`, { headers: { Authorization: 'Bearer staff-token-auth-test' } })).status).toBe(200);
  });

  it('shows a tenant their own case on STATUS and never another tenant’s', async () => {
    const owner = await app.services.contacts.findOrCreateByIdentity({ channel: 'sms', id: '+447700900702' }, { phone: '+447700900702' });
    const record = await app.services.cases.open(
      { contactId: owner.id, stage: 'stage1', channel: 'sms', language: 'en', summary: 'Mould in the bathroom for months' },
      { kind: 'tenant', id: owner.id, channel: 'sms' },
    );
    const ownerReply = (await new SmsTestClient(app.url, publicBaseUrl, '+447700900702').text('STATUS')).messages.join('\n');
    expect(ownerReply).toContain(record.reference);

    const otherReply = (await new SmsTestClient(app.url, publicBaseUrl, '+447700900703').text('STATUS')).messages.join('\n');
    expect(otherReply).not.toContain(record.reference);
    expect(otherReply).not.toMatch(/Mould/i);
  }, 60_000);
});

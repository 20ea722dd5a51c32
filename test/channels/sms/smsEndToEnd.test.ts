// SMS end to end: signed Twilio webhooks into the whole app (real tenant bot, real database),
// replies read from TwiML or, for slow turns, from the local fake of Twilio's Messages API.
import type { App } from '../../../index';
import { startTestApp } from '../../helpers/app';
import { startFakeTwilioApi, FakeTwilioApi } from '../../fakes/twilioApi';
import { postSignedForm, SmsTestClient, TEST_TWILIO, inboundSms } from '../../helpers/sms';
import { CASE_REFERENCE, converse, STAGE1_ANSWERS } from '../../helpers/tenantRules';
import { waitFor } from '../../helpers/directline';

const PUBLIC_BASE_URL = 'https://complaints.riverside.example';

describe('SMS end to end with the tenant bot', () => {
  let app: App;
  let twilioApi: FakeTwilioApi;

  beforeAll(async () => {
    twilioApi = await startFakeTwilioApi(TEST_TWILIO);
    app = await startTestApp({
      PUBLIC_BASE_URL,
      TWILIO_ACCOUNT_SID: TEST_TWILIO.accountSid,
      TWILIO_AUTH_TOKEN: TEST_TWILIO.authToken,
      TWILIO_FROM_NUMBER: TEST_TWILIO.fromNumber,
      TWILIO_API_BASE_URL: twilioApi.url,
      LANDLORD_NAME: 'Riverside Homes',
    });
  });
  afterAll(async () => {
    await app?.stop();
    await twilioApi?.close();
  });

  /** One SMS turn: the TwiML reply, or (slow turn) what the outbox texted to this number. */
  const asker = (phone: string) => {
    const tenant = new SmsTestClient(app.url, PUBLIC_BASE_URL, phone);
    return async (text: string): Promise<string> => {
      const before = twilioApi.sent.filter((m) => m.to === phone).length;
      const res = await tenant.text(text);
      expect(res.status).toBe(200);
      if (res.messages.length) return res.messages.join('\n');
      const sent = await waitFor(() => {
        const mine = twilioApi.sent.filter((m) => m.to === phone);
        return mine.length > before ? mine.slice(before) : undefined;
      }, 20000, 'reply through the outbox');
      return sent.map((m) => m.body).join('\n');
    };
  };

  it('takes a complaint by text to a Stage 1 reference, tells the status, and opens Stage 2 after a response', async () => {
    const phone = '+447700900301';
    const ask = asker(phone);
    const { final } = await converse(ask, "Third time I've reported the leak under my sink and nobody has come to fix it", STAGE1_ANSWERS);
    const reference = CASE_REFERENCE.exec(final)?.[0] as string;
    expect(reference).toBeDefined();

    const record = await app.services.cases.get(reference);
    expect(record).toMatchObject({ stage: 'stage1', channel: 'sms' });
    const contact = await app.services.contacts.findByIdentity({ channel: 'sms', id: phone });
    expect(record?.contactId).toBe(contact?.id);

    const status = await ask('status');
    expect(status).toContain(reference);

    await app.services.cases.respond(reference, { decision: 'not_upheld', reasons: 'The plumber found no leak on the visit.' }, { kind: 'staff', id: 'officer-1', name: 'Officer', channel: 'api' });
    const { final: stage2 } = await converse(ask, 'I am not happy with your answer to my complaint, I want it reviewed', [
      { when: new RegExp(reference), send: 'yes' },
      { when: /why|reason/i, send: 'Nobody looked under the sink properly' },
      ...STAGE1_ANSWERS,
    ], /stage 2|review/i, 8);
    expect(stage2).toMatch(/stage 2|review/i);
    await waitFor(async () => (await app.services.cases.get(reference))?.stage === 'stage2', 10000, 'case at Stage 2');
  });

  it('records STOP on the contact and texts nothing more to that number, even from staff', async () => {
    const phone = '+447700900302';
    const tenant = new SmsTestClient(app.url, PUBLIC_BASE_URL, phone);
    expect((await tenant.text('STOP')).messages[0]).toMatch(/no more texts from Riverside Homes/);
    const contact = await app.services.contacts.findByIdentity({ channel: 'sms', id: phone });
    expect(contact?.smsOptedOut).toBe(true);
    await app.bots.tenantMessenger.send({ channel: 'sms', id: phone }, 'A staff reply');
    await new Promise((r) => setTimeout(r, 1500));
    expect(twilioApi.sent.filter((m) => m.to === phone)).toEqual([]);
    await tenant.text('START');
    expect((await app.services.contacts.findByIdentity({ channel: 'sms', id: phone }))?.smsOptedOut).toBe(false);
  });

  it('delivers a staff message through the outbox and the twilio client', async () => {
    const phone = '+447700900303';
    await app.bots.tenantMessenger.send({ channel: 'sms', id: phone }, 'Your repair is booked for Tuesday.');
    const sent = await waitFor(() => twilioApi.sent.find((m) => m.to === phone), 10000, 'staff SMS');
    expect(sent).toMatchObject({ body: 'Your repair is booked for Tuesday.', from: TEST_TWILIO.fromNumber, statusCallback: `${PUBLIC_BASE_URL}/api/sms/status` });
    const status = await postSignedForm(app.url, '/api/sms/status', { MessageSid: sent.sid, MessageStatus: 'delivered', AccountSid: TEST_TWILIO.accountSid }, { publicBaseUrl: PUBLIC_BASE_URL });
    expect(status.status).toBe(204);
    expect((await app.models.OutboxMessage.findOne({ providerId: sent.sid }).lean())?.deliveryStatus).toBe('delivered');
  });

  it('refuses an unsigned webhook to the app with 403', async () => {
    const res = await postSignedForm(app.url, '/api/sms', inboundSms('+447700900304', 'hello'), { publicBaseUrl: PUBLIC_BASE_URL, signature: null });
    expect(res.status).toBe(403);
  });
});

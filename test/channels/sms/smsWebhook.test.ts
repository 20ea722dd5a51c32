import { EchoSmsBot, PUBLIC_BASE_URL, SmsHarness, startSmsHarness } from './harness';
import { inboundSms, messageSid, postSignedForm, SmsTestClient, TEST_TWILIO } from '../../helpers/sms';
import { countSegments } from '../../../services/notifications/smsSegments';
import { waitFor } from '../../helpers/directline';

describe('Twilio SMS webhook (echo bot)', () => {
  let h: SmsHarness;
  let bot: EchoSmsBot;
  const phone = (n: number) => `+4477009${String(n).padStart(5, '0')}`;

  beforeAll(async () => {
    bot = new EchoSmsBot();
    h = await startSmsHarness(bot);
  });
  afterAll(async () => {
    await h.stop();
  });

  it('answers a signed inbound SMS with the bot reply in TwiML, the tenant identified by E.164 number', async () => {
    const res = await new SmsTestClient(h.url, PUBLIC_BASE_URL, phone(1)).text('my boiler');
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Response><Message>/);
    expect(res.messages).toEqual(['echo: my boiler']);
  });

  it('refuses a forged signature, a missing one, and one made for another URL with 403', async () => {
    const params = inboundSms(phone(2), 'hello');
    const forged = await postSignedForm(h.url, '/api/sms', params, { publicBaseUrl: PUBLIC_BASE_URL, authToken: 'not-the-real-token' });
    const missing = await postSignedForm(h.url, '/api/sms', params, { publicBaseUrl: PUBLIC_BASE_URL, signature: null });
    const otherUrl = await postSignedForm(h.url, '/api/sms', params, { publicBaseUrl: 'https://attacker.example' });
    expect([forged.status, missing.status, otherUrl.status]).toEqual([403, 403, 403]);
    expect(missing.body).toMatch(/missing X-Twilio-Signature/);
    expect(await h.db.models.SmsInbound.countDocuments({ _id: params.MessageSid })).toBe(0);
  });

  it('refuses a signed but tampered body with 403', async () => {
    const params = inboundSms(phone(3), 'hello');
    const signatureFor = await import('twilio').then((t) => t.default.getExpectedTwilioSignature(TEST_TWILIO.authToken, `${PUBLIC_BASE_URL}/api/sms`, params));
    const res = await postSignedForm(h.url, '/api/sms', { ...params, Body: 'something else' }, { publicBaseUrl: PUBLIC_BASE_URL, signature: signatureFor });
    expect(res.status).toBe(403);
  });

  it.each([
    ['a From that is not E.164', { From: '07700 900123' }, /From must be an E.164/],
    ['a malformed MessageSid', { MessageSid: 'SM123' }, /MessageSid/],
    ['a missing AccountSid', { AccountSid: '' }, /AccountSid/],
    ['a NumMedia that is not a number', { NumMedia: 'lots' }, /NumMedia/],
  ])('refuses %s with 400 and the reason', async (_name, patch, reason) => {
    const params: Record<string, string> = { ...inboundSms(phone(4), 'hello'), ...patch };
    const res = await postSignedForm(h.url, '/api/sms', params, { publicBaseUrl: PUBLIC_BASE_URL });
    expect(res.status).toBe(400);
    expect(res.body).toMatch(reason);
  });

  it('processes a retried webhook (same MessageSid) once and acknowledges the retry with empty TwiML', async () => {
    const params = inboundSms(phone(5), 'first and only');
    const before = bot.turns;
    const first = await postSignedForm(h.url, '/api/sms', params, { publicBaseUrl: PUBLIC_BASE_URL });
    const retry = await postSignedForm(h.url, '/api/sms', params, { publicBaseUrl: PUBLIC_BASE_URL });
    expect(first.messages).toEqual(['echo: first and only']);
    expect(retry.status).toBe(200);
    expect(retry.messages).toEqual([]);
    expect(bot.turns - before).toBe(1);
    expect(await h.db.models.SmsInbound.findById(params.MessageSid).lean()).toMatchObject({ status: 'processed', replyVia: 'twiml', attempts: 1 });
    expect(await h.db.models.SmsInflight.countDocuments({ _id: params.MessageSid })).toBe(0);
  });

  it('passes MMS photos to the bot as attachments and keeps them on the inbound record', async () => {
    const url = `https://api.twilio.com/2010-04-01/Accounts/${TEST_TWILIO.accountSid}/Messages/MM1/Media/ME1`;
    const sid = messageSid();
    const res = await new SmsTestClient(h.url, PUBLIC_BASE_URL, phone(6)).text('photo of the damp', { MessageSid: sid, NumMedia: '1', MediaUrl0: url, MediaContentType0: 'image/jpeg' });
    expect(res.messages).toEqual([`echo: photo of the damp media: ${url}`]);
    expect((await h.db.models.SmsInbound.findById(sid).lean())?.media).toEqual([{ url, contentType: 'image/jpeg' }]);
  });

  it('splits a long reply into SMS-sized messages of at most three segments', async () => {
    const res = await new SmsTestClient(h.url, PUBLIC_BASE_URL, phone(7)).text('long please');
    expect(res.messages.length).toBeGreaterThan(1);
    expect(res.messages.length).toBeLessThanOrEqual(3);
    for (const m of res.messages) expect(countSegments(m).segments).toBeLessThanOrEqual(3);
    expect(res.messages.join(' ')).not.toMatch(/wor\b|\bord\b/);
  });

  it('acknowledges at once when the turn is slow and texts the reply through the outbox', async () => {
    const sid = messageSid();
    const started = Date.now();
    const res = await new SmsTestClient(h.url, PUBLIC_BASE_URL, phone(8)).text('slow one', { MessageSid: sid });
    expect(Date.now() - started).toBeLessThan(800);
    expect(res.status).toBe(200);
    expect(res.messages).toEqual([]);
    await waitFor(async () => (await h.db.models.SmsInbound.findById(sid).lean())?.replyVia === 'outbox', 5000, 'reply queued');
    await h.channel.outbox.runDue();
    expect(h.twilioApi.sent.filter((m) => m.to === phone(8)).map((m) => m.body)).toEqual(['echo: slow one']);
    expect(h.twilioApi.sent[h.twilioApi.sent.length - 1]).toMatchObject({ from: TEST_TWILIO.fromNumber, statusCallback: `${PUBLIC_BASE_URL}/api/sms/status` });
  });

  it('honours STOP: confirms once, then sends nothing until START', async () => {
    const tenant = new SmsTestClient(h.url, PUBLIC_BASE_URL, phone(9));
    const stop = await tenant.text('Stop');
    expect(stop.messages).toEqual(['You will get no more texts from Riverside Homes. Reply START to get them again.']);
    expect(await h.channel.optOuts.isOptedOut(phone(9))).toBe(true);

    const turnsBefore = bot.turns;
    const quiet = await tenant.text('but the roof still leaks');
    expect(quiet.messages).toEqual([]);
    expect(bot.turns - turnsBefore).toBe(1); // the message still reaches the bot: nothing is lost

    const sentBefore = h.twilioApi.sent.length;
    expect(await h.channel.sender.sendText(phone(9), 'Your complaint has been acknowledged.')).toBe('opted_out');
    await h.channel.outbox.runDue();
    expect(h.twilioApi.sent.length).toBe(sentBefore);
    expect(await h.db.models.OutboxMessage.countDocuments({ to: phone(9), status: 'suppressed' })).toBe(1);

    const start = await tenant.text('START');
    expect(start.messages[0]).toMatch(/back on/);
    expect((await tenant.text('hello again')).messages).toEqual(['echo: hello again']);
  });

  it('treats "yes" as an answer for the bot, and as START only after STOP', async () => {
    const tenant = new SmsTestClient(h.url, PUBLIC_BASE_URL, phone(12));
    expect((await tenant.text('yes')).messages).toEqual(['echo: yes']);
    await tenant.text('STOP');
    expect((await tenant.text('Yes')).messages[0]).toMatch(/back on/);
    expect(await h.channel.optOuts.isOptedOut(phone(12))).toBe(false);
  });

  it('resumes a message an instance stopped handling half-way, once, replying through the outbox', async () => {
    const sid = messageSid();
    const past = new Date(Date.now() - 60_000);
    await h.db.models.SmsInflight.create({ _id: sid, from: phone(13), to: TEST_TWILIO.fromNumber, body: 'left half done', media: [], leaseUntil: past, attempts: 1, receivedAt: past });
    const turnsBefore = bot.turns;
    expect(await h.channel.resumeStalled()).toBe(1);
    expect(await h.channel.resumeStalled()).toBe(0);
    expect(bot.turns - turnsBefore).toBe(1);
    expect(await h.db.models.SmsInbound.findById(sid).lean()).toMatchObject({ status: 'processed', replyVia: 'outbox', attempts: 2, body: 'left half done', from: phone(13) });
    expect(await h.db.models.SmsInflight.countDocuments({ _id: sid })).toBe(0);
    await h.channel.outbox.runDue();
    expect(h.twilioApi.sent.filter((m) => m.to === phone(13)).map((m) => m.body)).toEqual(['echo: left half done']);
  });

  it('does not run a message again when its outcome was recorded but the instance died before letting go of it', async () => {
    const sid = messageSid();
    const past = new Date(Date.now() - 60_000);
    const message = { _id: sid, from: phone(15), to: TEST_TWILIO.fromNumber, body: 'already answered', media: [], leaseUntil: past, attempts: 1, receivedAt: past };
    await h.db.models.SmsInbound.create({ ...message, status: 'processed', replyVia: 'twiml', processedAt: past });
    await h.db.models.SmsInflight.create(message);
    const turnsBefore = bot.turns;
    expect(await h.channel.resumeStalled()).toBe(0);
    expect(bot.turns - turnsBefore).toBe(0);
    expect(await h.db.models.SmsInflight.countDocuments({ _id: sid })).toBe(0);
  });

  it('marks a message failed for staff after three attempts instead of retrying it for ever', async () => {
    const sid = messageSid();
    const past = new Date(Date.now() - 60_000);
    await h.db.models.SmsInflight.create({ _id: sid, from: phone(16), to: TEST_TWILIO.fromNumber, body: 'keeps crashing', media: [], leaseUntil: past, attempts: 3, receivedAt: past });
    const turnsBefore = bot.turns;
    expect(await h.channel.resumeStalled()).toBe(0);
    expect(bot.turns - turnsBefore).toBe(0);
    expect(await h.db.models.SmsInbound.findById(sid).lean()).toMatchObject({ status: 'failed', attempts: 4, body: 'keeps crashing' });
    expect(await h.db.models.SmsInflight.countDocuments({ _id: sid })).toBe(0);
  });

  it('finishes a message an older version left processing in sms_inbound', async () => {
    const sid = messageSid();
    const past = new Date(Date.now() - 60_000);
    await h.db.models.SmsInbound.create({ _id: sid, from: phone(17), to: TEST_TWILIO.fromNumber, body: 'from before the upgrade', media: [], status: 'processing', leaseUntil: past, attempts: 1, receivedAt: past });
    const fresh = await startSmsHarness(bot, { db: h.db });
    try {
      expect(await fresh.channel.resumeStalled()).toBe(1);
      expect(await h.db.models.SmsInbound.findById(sid).lean()).toMatchObject({ status: 'processed', replyVia: 'outbox', attempts: 2 });
      expect(await h.db.models.SmsInflight.countDocuments({ _id: sid })).toBe(0);
    } finally {
      await fresh.stop();
    }
  });

  it('lets a retried webhook take over a message whose first attempt went silent', async () => {
    const params = inboundSms(phone(14), 'retry after a crash');
    const past = new Date(Date.now() - 60_000);
    await h.db.models.SmsInflight.create({ _id: params.MessageSid, from: phone(14), to: TEST_TWILIO.fromNumber, body: params.Body, media: [], leaseUntil: past, attempts: 1, receivedAt: past });
    const retry = await postSignedForm(h.url, '/api/sms', params, { publicBaseUrl: PUBLIC_BASE_URL });
    expect(retry.messages).toEqual(['echo: retry after a crash']);
    expect(await h.db.models.SmsInbound.findById(params.MessageSid).lean()).toMatchObject({ status: 'processed', attempts: 2 });
    const again = await postSignedForm(h.url, '/api/sms', params, { publicBaseUrl: PUBLIC_BASE_URL });
    expect(again.messages).toEqual([]);
  });

  it('answers HELP with how to use the service and how to stop', async () => {
    const res = await new SmsTestClient(h.url, PUBLIC_BASE_URL, phone(10)).text('help');
    expect(res.messages).toHaveLength(1);
    expect(res.messages[0]).toMatch(/Riverside Homes/);
    expect(res.messages[0]).toMatch(/STOP/);
    expect(countSegments(res.messages[0]).segments).toBe(1);
  });

  it('stores signed delivery reports (204), never moving a message back to an earlier state', async () => {
    await h.channel.sender.sendText(phone(11), 'Your reference is CMP-2026-000001.');
    await h.channel.outbox.runDue();
    const doc = await h.db.models.OutboxMessage.findOne({ to: phone(11) }).lean();
    expect(doc?.status).toBe('sent');
    const report = (status: string) =>
      postSignedForm(h.url, '/api/sms/status', { MessageSid: String(doc?.providerId), MessageStatus: status, AccountSid: TEST_TWILIO.accountSid, To: phone(11) }, { publicBaseUrl: PUBLIC_BASE_URL });
    expect((await report('delivered')).status).toBe(204);
    expect((await report('sent')).status).toBe(204);
    expect((await h.db.models.OutboxMessage.findById(doc?._id).lean())?.deliveryStatus).toBe('delivered');
    const unsigned = await postSignedForm(h.url, '/api/sms/status', { MessageSid: String(doc?.providerId), MessageStatus: 'failed' }, { publicBaseUrl: PUBLIC_BASE_URL, signature: null });
    expect(unsigned.status).toBe(403);
    const bad = await report('exploded');
    expect(bad.status).toBe(400);
  });
});

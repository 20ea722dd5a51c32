import { SmsHarness, startSmsHarness } from './harness';

describe('SMS outbox through the twilio client', () => {
  let h: SmsHarness;
  beforeAll(async () => {
    h = await startSmsHarness();
  });
  afterAll(async () => {
    await h.stop();
  });
  afterEach(() => h.twilioApi.setMode({ kind: 'ok' }));

  const later = (ms: number) => new Date(Date.now() + ms);

  it('retries after Twilio answers 500, with growing delays, and sends the message once', async () => {
    h.twilioApi.setMode({ kind: 'fail', status: 500, times: 2 });
    await h.channel.sender.sendText('+447700900201', 'Your complaint CMP-2026-000002 has been received.');
    expect(await h.channel.outbox.runDue()).toBe(1);
    const afterFirst = await h.db.models.OutboxMessage.findOne({ to: '+447700900201' }).lean();
    expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1 });
    expect(afterFirst?.lastError).toMatch(/HTTP 500/);
    const firstDelay = (afterFirst?.nextAttemptAt as Date).getTime() - Date.now();
    expect(firstDelay).toBeGreaterThan(500);

    expect(await h.channel.outbox.runDue()).toBe(0); // not due yet
    expect(await h.channel.outbox.runDue(later(5_000))).toBe(1);
    const afterSecond = await h.db.models.OutboxMessage.findOne({ to: '+447700900201' }).lean();
    expect(afterSecond).toMatchObject({ status: 'pending', attempts: 2 });
    expect((afterSecond?.nextAttemptAt as Date).getTime() - Date.now()).toBeGreaterThan(firstDelay);

    expect(await h.channel.outbox.runDue(later(60_000))).toBe(1);
    const sent = await h.db.models.OutboxMessage.findOne({ to: '+447700900201' }).lean();
    expect(sent).toMatchObject({ status: 'sent', attempts: 3 });
    expect(h.twilioApi.sent.filter((m) => m.to === '+447700900201')).toHaveLength(1);
    expect(sent?.providerId).toBe(h.twilioApi.sent.find((m) => m.to === '+447700900201')?.sid);
  });

  it('treats a request that hangs as a failed attempt and sends on the next try', async () => {
    h.twilioApi.setMode({ kind: 'hang' });
    await h.channel.sender.sendText('+447700900202', 'Reminder: we will call you tomorrow.');
    await h.channel.outbox.runDue();
    expect(await h.db.models.OutboxMessage.findOne({ to: '+447700900202' }).lean()).toMatchObject({ status: 'pending', attempts: 1 });
    h.twilioApi.setMode({ kind: 'ok' });
    await h.channel.outbox.runDue(later(60_000));
    expect(await h.db.models.OutboxMessage.findOne({ to: '+447700900202' }).lean()).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('does not retry a message Twilio refuses as invalid (4xx), and keeps it as failed', async () => {
    h.twilioApi.setMode({ kind: 'fail', status: 400, times: 1 });
    await h.channel.sender.sendText('+447700900203', 'Code 123456');
    await h.channel.outbox.runDue();
    await h.channel.outbox.runDue(later(3_600_000));
    const doc = await h.db.models.OutboxMessage.findOne({ to: '+447700900203' }).lean();
    expect(doc).toMatchObject({ status: 'failed', attempts: 1 });
    expect(doc?.lastError).toMatch(/HTTP 400/);
  });

  it('gives up after the last attempt but keeps the message for staff', async () => {
    h.twilioApi.setMode({ kind: 'fail', status: 503, times: 100 });
    await h.channel.sender.sendText('+447700900204', 'Your case has been updated.');
    for (let i = 0; i < 6; i++) await h.channel.outbox.runDue(later(i * 3_600_000));
    expect(await h.db.models.OutboxMessage.findOne({ to: '+447700900204' }).lean()).toMatchObject({ status: 'failed', attempts: 4 });
  });

  it('sends a message once when several workers poll at the same time', async () => {
    await h.channel.sender.sendText('+447700900205', 'One message, one text.');
    await Promise.all([h.channel.outbox.runDue(), h.channel.outbox.runDue(), h.channel.outbox.runDue()]);
    expect(h.twilioApi.sent.filter((m) => m.to === '+447700900205')).toHaveLength(1);
  });

  it('keeps one message when the same key is queued twice', async () => {
    await h.channel.sender.sendText('+447700900206', 'Idempotent', 'otp-1');
    await h.channel.sender.sendText('+447700900206', 'Idempotent', 'otp-1');
    expect(await h.db.models.OutboxMessage.countDocuments({ to: '+447700900206' })).toBe(1);
  });

  it('refuses to queue to something that is not an E.164 number', async () => {
    await expect(h.channel.sender.sendText('07700 900207', 'hi')).rejects.toThrow(/E\.164/);
  });
});

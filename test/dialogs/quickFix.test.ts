// Quick fix first where the pack has an early route (tuntum: Stage Zero), the follow-up at its
// deadline through the real scheduler, escalation to Stage 1 with history, and the survey.
import { QUICK_FIX_FOLLOW_UP_JOB } from '../../bots/tenantBot';
import { sendSatisfactionSurvey } from '../../dialogs/followUps';
import { Harness, joined, startHarness } from '../bots/tenantHarness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ pack: 'tuntum', now: new Date('2026-03-02T10:00:00Z') });
  h.bot.defineJobs(h.scheduler);
});
afterAll(async () => h.close());

async function openQuickFix(phone: string): Promise<string> {
  const chat = h.chat('sms', phone);
  await chat.say('The repair still has not been done and nobody rang me back');
  await chat.say('yes');
  await chat.say('no');
  const offer = joined(await chat.say('Send someone to fix the window'));
  // Offer names the date from the pack (tuntum: resolve within 1 WD) and the right to go formal.
  expect(offer).toMatch(/put this right quickly, aiming for 3 March 2026/);
  expect(offer).toMatch(/formal complaint at any time/);
  const opened = joined(await chat.say('1'));
  const ref = /CMP-\d{4}-\d{6}/.exec(opened)?.[0];
  expect(opened).toMatch(/quick fix reference is CMP-/);
  expect(opened).toMatch(/Reply FORMAL at any time/);
  return ref!;
}

describe('quick fix (tuntum)', () => {
  it('opens a quick case and schedules the follow-up at its deadline', async () => {
    const ref = await openQuickFix('+447700900201');
    const record = await h.deps.cases.get(ref);
    expect(record).toMatchObject({ stage: 'quick', status: 'open', desiredOutcome: 'Send someone to fix the window' });
    const jobs = await h.db.models.Job.find({ name: QUICK_FIX_FOLLOW_UP_JOB }).lean();
    expect(jobs.map((j) => (j.data as { reference: string }).reference)).toContain(ref);
  });

  it('asks at the deadline whether it was put right, and "no" makes it a Stage 1 complaint with its history', async () => {
    const phone = '+447700900202';
    const ref = await openQuickFix(phone);
    h.sent.length = 0;
    expect(await h.scheduler.runDue(new Date('2026-03-04T09:00:00Z'))).toBeGreaterThan(0);
    const followUp = h.sent.find((s) => s.address.id === phone);
    expect(followUp?.text).toBe(`About ${ref}: has the problem been put right? Please reply yes or no.`);
    const reply = joined(await h.chat('sms', phone).say('no'));
    expect(reply).toMatch(new RegExp(`${ref} is now a formal Stage 1 complaint`));
    expect(reply).toMatch(/Ombudsman/);
    const record = await h.deps.cases.get(ref);
    expect(record?.stage).toBe('stage1');
    expect(record?.history.map((e) => e.action)).toEqual(expect.arrayContaining(['open', 'escalate']));
    expect(record?.deadlines.respondBy).not.toBeNull();
  });

  it('"yes" at the follow-up closes the quick case and runs the satisfaction survey', async () => {
    const phone = '+447700900203';
    const ref = await openQuickFix(phone);
    await h.scheduler.runDue(new Date('2026-03-04T09:00:00Z'));
    const chat = h.chat('sms', phone);
    const closed = joined(await chat.say('yes'));
    expect(closed).toMatch(`I've closed ${ref}`);
    expect(closed).toMatch(/Reply 1 \(very unhappy\) to 5 \(very happy\)/);
    expect(joined(await chat.say('4'))).toMatch(/anything you'd like to add/);
    expect(joined(await chat.say('Quick and polite, thanks'))).toMatch(/Thank you for your feedback/);
    const record = await h.deps.cases.get(ref);
    expect(record?.status).toBe('closed');
    expect(record?.satisfaction).toMatchObject({ score: 4, comment: 'Quick and polite, thanks' });
  });

  it('dissatisfaction while the quick fix is open escalates it to Stage 1 instead of opening another case', async () => {
    const phone = '+447700900204';
    const ref = await openQuickFix(phone);
    const reply = joined(await h.chat('sms', phone).say("Still nobody has come, I'm really unhappy about this"));
    expect(reply).toMatch(new RegExp(`${ref} is now a formal Stage 1 complaint`));
    const cases = await h.deps.cases.list({ contactId: (await h.deps.contacts.findByIdentity({ channel: 'sms', id: phone }))!.id });
    expect(cases).toHaveLength(1);
    expect(cases[0].stage).toBe('stage1');
  });

  it('FORMAL turns the quick fix into a formal complaint at any time', async () => {
    const phone = '+447700900205';
    const ref = await openQuickFix(phone);
    expect(joined(await h.chat('sms', phone).say('FORMAL'))).toMatch(new RegExp(`${ref} is now a formal Stage 1 complaint`));
  });

  it('sends the survey when a case is closed by staff and ignores a non-answer', async () => {
    const phone = '+447700900206';
    const ref = await openQuickFix(phone);
    await h.deps.cases.close(ref, 'Window fixed', { kind: 'staff', id: 'officer-1', channel: 'teams' });
    h.sent.length = 0;
    const deps = { ...h.deps, messenger: h.deps.messenger! };
    expect(await sendSatisfactionSurvey(deps, ref)).toBe(true);
    expect(h.sent[0]).toMatchObject({ address: { channel: 'sms', id: phone } });
    expect(h.sent[0].text).toMatch(`${ref} is now closed`);
    // Something else instead of a score: handled as a new message, survey dropped.
    expect(joined(await h.chat('sms', phone).say('hello'))).toMatch(/I can help with complaints|complaints helper/);
    expect((await h.deps.cases.get(ref))?.satisfaction).toBeUndefined();
  });
});

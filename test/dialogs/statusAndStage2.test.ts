// Status (own cases by channel identity; others only with reference + one-time code to the phone
// on record) and Stage 2 (only after a Stage 1 response, inside the pack's window).
import type { Actor } from '../../services/cases/types';
import { Harness, joined, startHarness } from '../bots/tenantHarness';

const staff: Actor = { kind: 'staff', id: 'officer-1', name: 'Officer', channel: 'teams' };
let h: Harness;
let sh: Harness;
beforeAll(async () => {
  h = await startHarness({ pack: 'hoc-2024', now: new Date('2026-03-02T10:00:00Z') });
  sh = await startHarness({ pack: 'slh', now: new Date('2026-03-02T10:00:00Z') });
});
afterAll(async () => {
  await h.close();
  await sh.close();
});

async function openStage1(harness: Harness, phone: string, summary = 'Boiler broken for weeks'): Promise<string> {
  const contact = await harness.deps.contacts.findOrCreateByIdentity({ channel: 'sms', id: phone }, { phone });
  const record = await harness.deps.cases.open(
    { contactId: contact.id, stage: 'stage1', channel: 'sms', address: { channel: 'sms', id: phone }, language: 'en', summary },
    { kind: 'tenant', id: contact.id, channel: 'sms' },
  );
  return record.reference;
}

async function respond(harness: Harness, ref: string): Promise<void> {
  await harness.deps.cases.acknowledge(ref, staff);
  await harness.deps.cases.respond(ref, { decision: 'not_upheld', reasons: 'Repair booked' }, staff);
}

describe('status', () => {
  it('shows the owner their cases: stage, status, handler role, due date and next step', async () => {
    const phone = '+447700900301';
    const a = await openStage1(h, phone);
    const b = await openStage1(h, phone, 'Damp in bedroom');
    const replies = await h.chat('sms', phone).say('status');
    expect(replies[0]).toBe('You have 2 cases:');
    const text = joined(replies);
    for (const ref of [a, b]) expect(text).toMatch(`${ref}: Stage 1 complaint, received. Handled by our complaints team. We'll acknowledge it by 9 March 2026. Next: we'll acknowledge it.`);
  });

  it('asks someone else for the reference and a one-time code texted to the phone on record, then shows the case', async () => {
    const owner = '+447700900302';
    const ref = await openStage1(h, owner);
    const chat = h.chat('directline', 'dl-user-302');
    expect(joined(await chat.say("What's the status of my complaint?"))).toMatch(/tell me your reference/);
    h.sent.length = 0;
    expect(joined(await chat.say(`it is ${ref.toLowerCase()}`))).toMatch(/texted a 6-digit code/);
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0].address).toEqual({ channel: 'sms', id: owner });
    const code = /\b(\d{6})\b/.exec(h.sent[0].text)![1];
    expect(joined(await chat.say(code))).toMatch(`${ref}: Stage 1 complaint, received.`);
    // Verified once: this webchat identity is linked to the owner, so the next check needs no code.
    h.sent.length = 0;
    expect(joined(await chat.say('status'))).toMatch(`${ref}: Stage 1 complaint, received.`);
    expect(h.sent).toHaveLength(0);
    // A code works only for the chat that asked for it.
    const other = h.chat('directline', 'dl-user-302b');
    await other.say('status');
    await other.say(ref);
    expect(joined(await other.say(code))).toMatch(/code isn't right or has expired/);
  });

  it('refuses a wrong code and shows nothing', async () => {
    const ref = await openStage1(h, '+447700900303');
    const chat = h.chat('directline', 'dl-user-303');
    await chat.say('status');
    await chat.say(ref);
    const code = /\b(\d{6})\b/.exec(h.sent[h.sent.length - 1].text)![1];
    const wrong = code === '000000' ? '111111' : '000000';
    const reply = joined(await chat.say(wrong));
    expect(reply).toMatch(/code isn't right or has expired/);
    expect(reply).not.toMatch(ref);
  });

  it('answers an unknown reference exactly like a real one and texts nobody', async () => {
    const chat = h.chat('directline', 'dl-user-304');
    await chat.say('status');
    h.sent.length = 0;
    expect(joined(await chat.say('CMP-2026-999999'))).toMatch(/If that reference is right, we've texted a 6-digit code/);
    expect(h.sent).toHaveLength(0);
    expect(joined(await chat.say('123456'))).toMatch(/code isn't right/);
  });

  it('asks again for something that is not a reference', async () => {
    const chat = h.chat('directline', 'dl-user-305');
    await chat.say('status');
    expect(joined(await chat.say('my boiler one'))).toMatch(/doesn't look like a reference/);
  });
});

describe('Stage 2', () => {
  it('refuses Stage 2 before a Stage 1 response and says when the response is due', async () => {
    const phone = '+447700900401';
    const ref = await openStage1(h, phone);
    const reply = joined(await h.chat('sms', phone).say("I'm not happy with the response to my complaint, I want it reviewed"));
    expect(reply).toMatch(`We haven't sent our Stage 1 answer to ${ref} yet. It's due by 23 March 2026`);
    expect((await h.deps.cases.get(ref))?.stage).toBe('stage1');
  });

  it('opens Stage 2 after the response with reasons optional under hoc-2024, with new dates and the Ombudsman', async () => {
    const phone = '+447700900402';
    const ref = await openStage1(h, phone);
    await respond(h, ref);
    const chat = h.chat('sms', phone);
    expect(joined(await chat.say('REVIEW'))).toMatch(/You don't have to give reasons/);
    const reply = joined(await chat.say('skip'));
    // 5 WD from 2 March; then 20 WD, skipping Good Friday (3 April) and Easter Monday (6 April).
    expect(reply).toMatch(`${ref} is now at Stage 2. We'll acknowledge it by 9 March 2026 and send our answer by 8 April 2026.`);
    expect(reply).toMatch(/Housing Ombudsman/);
    expect((await h.deps.cases.get(ref))?.stage).toBe('stage2');
  });

  it('asks for reasons where the pack requires them (slh)', async () => {
    const phone = '+447700900403';
    const ref = await openStage1(sh, phone);
    await respond(sh, ref);
    const chat = sh.chat('sms', phone);
    expect(joined(await chat.say('review'))).toMatch(/Please tell us why you're still unhappy/);
    expect(joined(await chat.say('The boiler is still broken'))).toMatch(`${ref} is now at Stage 2`);
    expect((await sh.deps.cases.get(ref))?.stage2Reasons ?? JSON.stringify((await sh.deps.cases.get(ref))?.history)).toMatch(/still broken/);
  });

  it('outside the pack window explains and offers a staff review, logged as a callback case (slh: 10 WD)', async () => {
    const phone = '+447700900404';
    const ref = await openStage1(sh, phone);
    await respond(sh, ref);
    const saved = sh.clock.now;
    sh.clock.now = new Date('2026-04-30T10:00:00Z');
    try {
      const chat = sh.chat('sms', phone);
      expect(joined(await chat.say('review'))).toMatch(`The time to ask for a review of ${ref} ended on 16 March 2026`);
      expect(joined(await chat.say('yes'))).toMatch(/asked a member of staff to look at this/);
      const contact = await sh.deps.contacts.findByIdentity({ channel: 'sms', id: phone });
      const feedback = (await sh.deps.cases.listForContact(contact!.id)).find((c) => c.stage === 'feedback');
      expect(feedback).toMatchObject({ feedbackKind: 'callback', relatedReferences: [ref] });
      expect((await sh.deps.cases.get(ref))?.stage).toBe('stage1');
    } finally {
      sh.clock.now = saved;
    }
  });
});

describe('time limit without discretion (slh)', () => {
  it('explains that an older matter cannot normally be accepted and gives the Ombudsman, opening nothing', async () => {
    const phone = '+447700900410';
    const chat = sh.chat('sms', phone);
    await chat.say('The repair still has not been done and nobody rang me back');
    await chat.say('yes');
    const reply = joined(await chat.say('3'));
    expect(reply).toMatch(/over 6 months ago, we can't normally accept it as a complaint/);
    expect(reply).toMatch(/Ombudsman/);
    const contact = await sh.deps.contacts.findByIdentity({ channel: 'sms', id: phone });
    expect(await sh.deps.cases.listForContact(contact!.id)).toHaveLength(0);
  });
});

describe('after Stage 2', () => {
  it('gives the Ombudsman when the complaint has already been through Stage 2', async () => {
    const phone = '+447700900420';
    const ref = await openStage1(h, phone);
    await respond(h, ref);
    await h.deps.cases.escalate(ref, {}, { kind: 'staff', id: 'officer-2', channel: 'teams' });
    await h.deps.cases.assign(ref, 'officer-2', staff);
    await h.deps.cases.acknowledge(ref, staff);
    await h.deps.cases.respond(ref, { decision: 'not_upheld', reasons: 'Reviewed' }, { ...staff, id: 'officer-2' });
    const reply = joined(await h.chat('sms', phone).say('review'));
    expect(reply).toMatch(/can't find a complaint of yours that has had a Stage 1 answer/);
    expect(reply).toMatch(/Housing Ombudsman Service: 0300 111 3000/);
  });

  it('accepts a very long message, keeping its first 8,000 characters, and opens the complaint', async () => {
    const phone = '+447700900421';
    const chat = h.chat('sms', phone);
    const long = `The repair still has not been done and nobody rang me back. ${'Still waiting. '.repeat(1200)}`;
    expect(joined(await chat.say(long))).toMatch(/So I understand you're unhappy/);
    await chat.sayAll(['yes', 'no', 'Fix it', 'Monday', 'Flat 1', 'text', 'no', 'no', 'skip']);
    const done = joined(await chat.say('yes'));
    const record = await h.deps.cases.get(/CMP-\d{4}-\d{6}/.exec(done)![0]);
    expect(record?.originalText?.length).toBe(8000);
  });
});

// Every staff card action and command, over HTTP to /api/messages, replies captured by the fake
// Bot Connector; the tenant's side checked in the real SMS outbox.
import { actionTitles, HANDLER, MANAGER, postActivity, say, startStaffHarness, StaffHarness, submitData } from './staffHarness';
import type { CaseRecord } from '../../../services/cases/types';

let seq = 0;
const nextPhone = () => `+4477009${String(10000 + seq++).slice(-5)}`;

async function openCase(h: StaffHarness, over: Record<string, unknown> = {}): Promise<{ c: CaseRecord; phone: string }> {
  const phone = nextPhone();
  const contact = await h.contacts.findOrCreateByIdentity({ channel: 'sms', id: phone }, { phone, preferredLanguage: 'en' });
  const c = await h.cases.open(
    { contactId: contact.id, stage: 'stage1', channel: 'sms', address: { channel: 'sms', id: phone }, language: 'en', summary: 'Leak not fixed', originalText: 'The leak is still there after two visits', ...over },
    { kind: 'tenant', id: contact.id, channel: 'sms' },
  );
  return { c, phone };
}

const staffActor = { kind: 'staff' as const, id: HANDLER.id, name: HANDLER.name, channel: 'teams' as const };

describe('staff card actions and commands (Tuntum pack: has a quick-fix stage)', () => {
  let h: StaffHarness;
  beforeAll(async () => {
    h = await startStaffHarness({}, 'tuntum');
  });
  afterAll(async () => {
    await h.stop();
  });

  const card = async (ref: string) => (await say(h, { text: `case ${ref}` })).card;

  it('assigns a handler from the card form', async () => {
    const { c } = await openCase(h);
    const reply = await say(h, { value: { ...submitData(await card(c.reference), 'Assign'), handler: 'Priya Patel' } });
    expect(reply.text).toMatch(/assigned to Priya Patel/);
    expect((await h.cases.get(c.reference))!.handlers.stage1).toBe('Priya Patel');
  });

  it('records a response with compensation in pounds; the tenant is told the decision and how to escalate', async () => {
    const { c, phone } = await openCase(h);
    await h.cases.acknowledge(c.reference, staffActor);
    const form = submitData(await card(c.reference), 'Record response');
    const reply = await say(h, {
      value: { ...form, decision: 'partly_upheld', reasons: 'The second visit was missed.', remedy: 'Plumber booked', compensation: '25.50', outstandingActions: 'Replace pipe\nCheck ceiling', rootCause: '', compensationApprovedBy: '' },
    });
    expect(reply.text).toMatch(/Response recorded/);
    const stored = (await h.cases.get(c.reference))!;
    expect(stored.responses[0]).toMatchObject({ decision: 'partly_upheld', compensationPence: 2550, outstandingActions: ['Replace pipe', 'Check ceiling'] });
    const sms = (await h.smsTo(phone)).join('\n');
    expect(sms).toMatch(/Decision: partly upheld/);
    expect(sms).toMatch(/£25\.50/);
    expect(sms).toMatch(/stage 2/i);
  });

  it('keeps the escalation rights in the tenant SMS even when the reasons are long', async () => {
    const { c, phone } = await openCase(h);
    await h.cases.acknowledge(c.reference, staffActor);
    const reasons = 'We looked at every visit record and call note in detail. '.repeat(40);
    await say(h, { value: { verb: 'staff', action: 'respond', reference: c.reference, decision: 'not_upheld', reasons } });
    const sms = await h.smsTo(phone);
    const escalation = sms.find((m) => m.includes('reply "stage 2"'));
    expect(escalation).toBeDefined();
    expect(escalation).toContain(c.reference);
    expect(sms.join('\n')).toMatch(/Housing Ombudsman/);
  });

  it('refuses a response with a bad compensation amount and changes nothing', async () => {
    const { c } = await openCase(h);
    const reply = await say(h, { value: { verb: 'staff', action: 'respond', reference: c.reference, decision: 'upheld', reasons: 'x', compensation: 'fifty quid' } });
    expect(reply.text).toMatch(/compensation must be an amount in pounds/);
    expect((await h.cases.get(c.reference))!.responses).toHaveLength(0);
  });

  it('extends within the pack limit and tells the tenant with the Ombudsman details', async () => {
    const { c, phone } = await openCase(h);
    await h.cases.acknowledge(c.reference, staffActor);
    const current = (await h.cases.get(c.reference))!.deadlines.respondBy!;
    const newDate = new Date(current.getTime() + 7 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const reply = await say(h, { value: { ...submitData(await card(c.reference), 'Extend'), reason: 'Waiting for a damp survey', newRespondBy: newDate, exceptional: 'false', tenantAgreed: 'true' } });
    expect(reply.text).toMatch(/extended to/);
    expect((await h.cases.get(c.reference))!.extensions).toHaveLength(1);
    expect((await h.smsTo(phone)).join('\n')).toMatch(/Waiting for a damp survey[\s\S]*Ombudsman/);
  });

  it('escalates a quick fix to Stage 1 from the card', async () => {
    const { c } = await openCase(h, { stage: 'quick' });
    const reply = await say(h, { value: submitData(await card(c.reference), 'Escalate to Stage 1') });
    expect(reply.text).toMatch(/escalated to stage1/);
    expect((await h.cases.get(c.reference))!.stage).toBe('stage1');
  });

  it('requests Stage 2 on the tenant behalf after a Stage 1 response', async () => {
    const { c } = await openCase(h);
    await h.cases.acknowledge(c.reference, staffActor);
    await h.cases.respond(c.reference, { decision: 'not_upheld', reasons: 'Works were done' }, staffActor);
    const reply = await say(h, { value: { ...submitData(await card(c.reference), 'Request Stage 2 for tenant'), reasons: 'Tenant says the works were not finished and wants a review' } });
    expect(reply.text).toMatch(/escalated to stage2/);
    const stored = (await h.cases.get(c.reference))!;
    expect(stored.stage).toBe('stage2');
  });

  it('holds and resumes with typed commands', async () => {
    const { c } = await openCase(h);
    expect((await say(h, { text: `hold ${c.reference} subject access request in progress` })).text).toMatch(/put on hold/);
    expect((await h.cases.get(c.reference))!.status).toBe('on_hold');
    expect((await say(h, { text: `hold ${c.reference}` })).text).toMatch(/reason: must not be empty/);
    expect((await say(h, { text: `resume ${c.reference}` })).text).toMatch(/resumed/);
    expect((await h.cases.get(c.reference))!.status).not.toBe('on_hold');
  });

  it('marks not accepted with the reason and tells the tenant about the Ombudsman', async () => {
    const { c, phone } = await openCase(h);
    const reply = await say(h, { value: { ...submitData(await card(c.reference), 'Not accepted'), reason: 'This is an insurance claim' } });
    expect(reply.text).toMatch(/not accepted/);
    expect((await h.cases.get(c.reference))!.status).toBe('not_accepted');
    expect((await h.smsTo(phone)).join('\n')).toMatch(/insurance claim[\s\S]*Ombudsman/);
  });

  it('closes a case from the card and says why a rule refusal happened', async () => {
    const { c } = await openCase(h);
    const reply = await say(h, { value: { ...submitData(await card(c.reference), 'Close'), reason: 'Resolved by phone' } });
    expect(reply.text).toMatch(/closed|couldn't do that/);
    const stored = (await h.cases.get(c.reference))!;
    if (/closed/.test(reply.text)) expect(stored.status).toBe('closed');
    else expect(stored.status).not.toBe('closed');
  });

  it('acknowledges with Action.Execute (invoke) and answers in the invoke response', async () => {
    const { c } = await openCase(h);
    const res = await postActivity(h, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      value: { action: { type: 'Action.Execute', verb: 'staff', data: { action: 'acknowledge', reference: c.reference } }, trigger: 'manual' },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { statusCode: number; type: string; value: Record<string, unknown> };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(body.value)).toContain(c.reference);
    expect((await h.cases.get(c.reference))!.status).toBe('acknowledged');
  });

  it('logs a complaint received by phone with the real receipt date', async () => {
    const shown = await say(h, { text: 'log' });
    expect(JSON.stringify(shown.card)).toContain('Log a complaint received by phone, letter, email or in person');
    const phone = nextPhone();
    const reply = await say(h, {
      value: { verb: 'log', channel: 'phone', receivedAt: '2026-11-20', summary: 'Rang about repeated missed repairs', originalText: 'Nobody turns up', desiredOutcome: 'Fix the window', phone, language: 'en' },
    });
    const ref = /(CMP-\d{4}-\d{6})/.exec(reply.text)![1];
    const stored = (await h.cases.get(ref))!;
    expect(stored).toMatchObject({ channel: 'phone', stage: 'stage1', summary: 'Rang about repeated missed repairs' });
    expect(stored.receivedAt.toISOString().slice(0, 10)).toBe('2026-11-20');
    expect(stored.address).toMatchObject({ channel: 'sms', id: phone });
  });

  it('logs once when the Bot Framework delivers the same activity twice', async () => {
    const phone = nextPhone();
    const activity = { id: 'retried-activity-1', value: { verb: 'log', channel: 'letter', receivedAt: '2026-11-19', summary: 'Letter about the lift', phone, language: 'en' } };
    const before = h.connector.activities('a:personal-aad-handler-1').length;
    expect((await postActivity(h, activity)).status).toBe(200);
    expect((await postActivity(h, activity)).status).toBe(200);
    await h.connector.waitForActivities(before + 1, 'a:personal-aad-handler-1');
    await new Promise((r) => setTimeout(r, 300));
    expect(h.connector.activities('a:personal-aad-handler-1')).toHaveLength(before + 1);
    const contact = await h.contacts.findByIdentity({ channel: 'sms', id: phone });
    expect(await h.cases.listForContact(contact!.id)).toHaveLength(1);
  });

  it('refuses to log a complaint without a summary, saying what is missing', async () => {
    const reply = await say(h, { value: { verb: 'log', channel: 'letter', receivedAt: '2026-11-20', summary: '' } });
    expect(reply.text).toMatch(/summary: Required|a summary is required/);
  });

  it('turns a tenant conversation into a Stage 1 case and gives the tenant the reference', async () => {
    const phone = nextPhone();
    const reply = await say(h, { value: { verb: 'open_from_conversation', tenant: { channel: 'sms', id: phone }, language: 'en', text: 'You never called me back about the mould' } });
    const ref = /(CMP-\d{4}-\d{6})/.exec(reply.text)![1];
    expect((await h.cases.get(ref))!.originalText).toBe('You never called me back about the mould');
    expect((await h.smsTo(phone)).join('\n')).toContain(ref);
  });

  it('a tenant bot asks for staff: the channel card opens a case from the conversation', async () => {
    const channel = '19:needs-staff@thread.tacv2';
    await say(h, { text: 'subscribe here' }, { conversationId: channel, conversationType: 'channel' });
    const phone = nextPhone();
    const posted = await h.staff.handoffs.requestStaff({ tenant: { channel: 'sms', id: phone }, language: 'en', reason: 'asked to speak to a person', text: 'I want to talk to someone about the damp' });
    expect(posted).toBe(true);
    const [, alert] = await h.connector.waitForActivities(2, channel);
    const cardContent = (alert.attachments as { content: Record<string, unknown> }[])[0].content;
    expect(JSON.stringify(cardContent)).toContain('A tenant needs a person: asked to speak to a person');
    const reply = await say(h, { value: submitData(cardContent, 'Open a Stage 1 case') }, { conversationId: channel, conversationType: 'channel' });
    const ref = /(CMP-\d{4}-\d{6})/.exec(reply.text)![1];
    expect((await h.cases.get(ref))!.originalText).toBe('I want to talk to someone about the damp');
    await say(h, { text: 'unsubscribe' }, { conversationId: channel, conversationType: 'channel' });
  });

  it('takes over a conversation: staff replies reach the tenant, tenant replies reach Teams, then ends', async () => {
    const { c, phone } = await openCase(h);
    const conv = 'a:personal-takeover';
    const taken = await say(h, { text: `take over ${c.reference}` }, { conversationId: conv });
    expect(taken.text).toMatch(/You have taken over/);
    expect(await h.staff.handoffs.active({ channel: 'sms', id: phone })).toMatchObject({ staffId: HANDLER.id, caseReference: c.reference });

    const other = await say(h, { text: `take over ${c.reference}` }, { from: MANAGER, conversationId: 'a:personal-other' });
    expect(other.text).toMatch(/already taken over by Hana Handler/);

    expect((await say(h, { text: `reply ${c.reference} Hello, I am looking at this now` }, { conversationId: conv })).text).toMatch(/Sent to the tenant on sms/);
    expect((await h.smsTo(phone)).join('\n')).toContain('Hello, I am looking at this now');

    const before = h.connector.activities(conv).length;
    expect(await h.staff.handoffs.relayFromTenant({ channel: 'sms', id: phone }, 'Thanks, when will the plumber come?')).toBe(true);
    const relayed = await h.connector.waitForActivities(before + 1, conv);
    expect(JSON.stringify(relayed[before])).toContain('when will the plumber come?');

    expect((await say(h, { text: `end ${c.reference}` }, { conversationId: conv })).text).toMatch(/ended/);
    expect(await h.staff.handoffs.active({ channel: 'sms', id: phone })).toBeNull();
    expect(await h.staff.handoffs.relayFromTenant({ channel: 'sms', id: phone }, 'hello?')).toBe(false);
  });

  it('records a take-over and its end in the case history (who, when, channel)', async () => {
    const { c } = await openCase(h);
    const conv = 'a:personal-takeover-audit';
    expect((await say(h, { text: `take over ${c.reference}` }, { conversationId: conv })).text).toMatch(/You have taken over/);
    expect((await say(h, { text: `end ${c.reference}` }, { conversationId: conv })).text).toMatch(/ended/);
    const history = (await h.cases.get(c.reference))!.history;
    expect(history.map((e) => e.action)).toEqual(['open', 'take_over', 'take_over_end']);
    expect(history[1]).toMatchObject({ actor: { kind: 'staff', id: HANDLER.id, name: HANDLER.name, channel: 'teams' }, fromStatus: 'open', toStatus: 'open', reason: "Hana Handler took over the tenant's sms conversation" });
    expect(history[2].reason).toBe('Hana Handler handed the sms conversation back to the assistant');
  });

  it('records a take-over started from a "tenant needs a person" card on the tenant’s live case', async () => {
    const { c, phone } = await openCase(h);
    const conv = 'a:personal-takeover-card';
    const reply = await say(h, { value: { verb: 'take_over', tenant: { channel: 'sms', id: phone }, language: 'en' } }, { conversationId: conv });
    expect(reply.text).toMatch(new RegExp(`You have taken over ${c.reference}`));
    expect((await h.cases.get(c.reference))!.history.at(-1)).toMatchObject({ action: 'take_over', actor: { id: HANDLER.id } });
    await say(h, { text: `end ${c.reference}` }, { conversationId: conv });
  });

  it('takes over a conversation with no case without touching any case', async () => {
    const phone = nextPhone();
    const conv = 'a:personal-takeover-nocase';
    const reply = await say(h, { value: { verb: 'take_over', tenant: { channel: 'sms', id: phone }, language: 'en' } }, { conversationId: conv });
    expect(reply.text).toMatch(new RegExp(`You have taken over sms:\\${phone}`));
    expect(await h.staff.handoffs.active({ channel: 'sms', id: phone })).toMatchObject({ staffId: HANDLER.id });
    await say(h, { text: `end sms:${phone}` }, { conversationId: conv });
    expect(await h.staff.handoffs.active({ channel: 'sms', id: phone })).toBeNull();
  });

  it('lists overdue cases by command', async () => {
    const { c } = await openCase(h, { receivedAt: new Date(Date.now() - 40 * 24 * 3600 * 1000) });
    const reply = await say(h, { text: 'cases overdue' });
    expect(reply.text).toContain(`${c.reference} · Stage 1 · open · OVERDUE`);
  });

  it('answers an unknown command kindly', async () => {
    expect((await say(h, { text: 'delete everything' })).text).toMatch(/didn't understand "delete everything"/);
  });
});

describe('logging an older complaint (SLH pack: 6 months, no discretion)', () => {
  let h: StaffHarness;
  beforeAll(async () => {
    h = await startStaffHarness({}, 'slh');
  });
  afterAll(async () => {
    await h.stop();
  });

  const daysAgo = (n: number) => new Date(Date.now() - n * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const yesterday = () => daysAgo(1);

  it('refuses a matter older than the time limit with the pack reason, and logs it when a manager gives a reason to accept it', async () => {
    const phone = nextPhone();
    const base = { verb: 'log', channel: 'phone', receivedAt: yesterday(), summary: 'Rang about a leak last winter', phone, language: 'en', incidentDate: daysAgo(250) };
    const refused = await say(h, { value: base });
    expect(refused.text).toMatch(/over six months old are not considered under this policy\. Staff can still accept it with a reason/);
    expect(await h.cases.list({ contactId: (await h.contacts.findByPhone(phone))?.id ?? 'none' })).toEqual([]);

    const override = { ...base, timeLimitOverride: 'Tenant reported it in time but the call was never logged' };
    const notManager = await say(h, { value: override });
    expect(notManager.text).toMatch(/outside the time limit is decided by a manager/);
    expect(await h.cases.list({ contactId: (await h.contacts.findByPhone(phone))?.id ?? 'none' })).toEqual([]);

    const accepted = await say(h, { value: override }, { from: MANAGER, conversationId: 'a:personal-manager-log' });
    const ref = /(CMP-\d{4}-\d{6})/.exec(accepted.text)![1];
    const stored = (await h.cases.get(ref))!;
    expect(stored.flags).toContain('older_than_time_limit');
    expect(stored.history[0]).toMatchObject({ action: 'open', actor: { id: MANAGER.id }, reason: expect.stringMatching(/accepted by staff: Tenant reported it in time/) });
  });

  it('logs a recent matter without a flag', async () => {
    const reply = await say(h, { value: { verb: 'log', channel: 'letter', receivedAt: yesterday(), summary: 'Letter about the lift', language: 'en', incidentDate: daysAgo(20) } });
    const ref = /(CMP-\d{4}-\d{6})/.exec(reply.text)![1];
    expect((await h.cases.get(ref))!.flags).not.toContain('older_than_time_limit');
  });
});

describe('waiting for the tenant from the case card (Brighter Places: closes after 15 days unreachable)', () => {
  let h: StaffHarness;
  beforeAll(async () => {
    h = await startStaffHarness({}, 'brighter-places', { scheduler: true });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('asks the tenant from the card, says when it closes, and records when they get in touch', async () => {
    const { c, phone } = await openCase(h);
    const shown = (await say(h, { text: `case ${c.reference}` })).card;
    expect(actionTitles(shown)).toEqual(expect.arrayContaining(['Waiting for tenant', 'Tenant got in touch']));
    const reply = await say(h, { value: { ...submitData(shown, 'Waiting for tenant'), reason: 'photos of the damp patch' } });
    expect(reply.text).toMatch(new RegExp(`${c.reference}: waiting for the tenant; it closes after \\d{4}-\\d{2}-\\d{2} if nothing happens on it\\. The tenant has been told`));
    expect((await h.smsTo(phone)).join('\n')).toMatch(/we need this from you: photos of the damp patch/);
    expect(await h.db.models.Job.countDocuments({ name: 'policy.unreachableClose', 'data.reference': c.reference })).toBe(1);

    const back = await say(h, { value: submitData(shown, 'Tenant got in touch') });
    expect(back.text).toMatch(/contact with the tenant recorded/);
    expect((await h.cases.get(c.reference))!.history.map((e) => e.action)).toEqual(['open', 'awaiting_tenant', 'tenant_contact']);
  });
});

describe('the case card under a pack without the unreachable rule (hoc-2024)', () => {
  it('offers no "Waiting for tenant" action', async () => {
    const h = await startStaffHarness({}, 'hoc-2024');
    try {
      const { c } = await openCase(h);
      const shown = (await say(h, { text: `case ${c.reference}` })).card;
      expect(actionTitles(shown)).toContain('Hold');
      expect(actionTitles(shown)).not.toContain('Waiting for tenant');
    } finally {
      await h.stop();
    }
  });
});

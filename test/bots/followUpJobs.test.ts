// Jobs and hand-offs around the conversation: the survey scan after staff close a complaint
// (through the real scheduler), and a staff take-over relaying the tenant's words instead of the bot.
import { createTenantBot, SURVEY_SCAN_JOB } from '../../bots/tenantBot';
import { HandoffService, StaffRelay } from '../../services/handoff/handoffService';
import type { StaffTranslation } from '../../services/translation/staffTranslation';
import type { StaffNotifier } from '../../services/notifications/staffAlerts';
import { Harness, joined, startHarness } from './tenantHarness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ pack: 'hoc-2024', now: new Date('2026-03-02T10:00:00Z') });
  await h.bot.defineJobs(h.scheduler, { surveyScanEveryMs: 60_000 });
});
afterAll(async () => h.close());

describe('follow-up jobs', () => {
  it('surveys a complaint once after staff close it, and records the answer', async () => {
    const phone = '+447700900901';
    const contact = await h.deps.contacts.findOrCreateByIdentity({ channel: 'sms', id: phone }, { phone });
    const record = await h.deps.cases.open(
      { contactId: contact.id, stage: 'stage1', channel: 'sms', address: { channel: 'sms', id: phone }, language: 'en', summary: 'Leak' },
      { kind: 'tenant', id: contact.id, channel: 'sms' },
    );
    await h.deps.cases.close(record.reference, 'Leak fixed', { kind: 'staff', id: 'officer-1', channel: 'teams' });
    h.sent.length = 0;
    expect(await h.db.models.Job.countDocuments({ name: SURVEY_SCAN_JOB })).toBe(1);
    await h.scheduler.runDue(new Date('2026-03-02T10:05:00Z'));
    await h.scheduler.runDue(new Date('2026-03-02T10:10:00Z'));
    const surveys = h.sent.filter((s) => s.address.id === phone);
    expect(surveys.map((s) => s.text)).toEqual([expect.stringMatching(`${record.reference} is now closed`)]);
    const chat = h.chat('sms', phone);
    await chat.say('5');
    await chat.say('skip');
    expect((await h.deps.cases.get(record.reference))?.satisfaction).toMatchObject({ score: 5 });
  });

  it('does not survey feedback or service requests', async () => {
    const phone = '+447700900902';
    await h.chat('sms', phone).say('The plumber was lovely, thank you so much for the quick repair');
    const contact = await h.deps.contacts.findByIdentity({ channel: 'sms', id: phone });
    const [feedback] = await h.deps.cases.listForContact(contact!.id);
    await h.deps.cases.close(feedback.reference, 'Passed on', { kind: 'staff', id: 'officer-1', channel: 'teams' });
    h.sent.length = 0;
    await h.scheduler.runDue(new Date('2026-03-02T10:20:00Z'));
    expect(h.sent.filter((s) => s.address.id === phone)).toEqual([]);
  });
});

describe('staff take-over', () => {
  it('relays the tenant message to staff instead of answering while a take-over is active', async () => {
    const relayed: string[] = [];
    const relay: StaffRelay = {
      async relayToStaff(_handoff, message: StaffTranslation) {
        relayed.push(message.original ?? JSON.stringify(message));
      },
    };
    const handoffs = new HandoffService({ handoffs: h.db.models.Handoff, translator: h.deps.translator, relay });
    const bot = createTenantBot({ ...h.deps, handoffs });
    h.bot = bot;
    const phone = '+447700900903';
    await handoffs.start({ tenant: { channel: 'sms', id: phone }, language: 'en', staffId: 'officer-1', staffConversationId: 'teams-1' });
    const replies = await h.chat('sms', phone).say('Is anyone coming today?');
    expect(replies).toEqual([]);
    expect(relayed).toHaveLength(1);
    expect(relayed[0]).toMatch(/Is anyone coming today/);
    await handoffs.end({ channel: 'sms', id: phone }, 'officer-1');
    expect(joined(await h.chat('sms', phone).say('hello'))).toMatch(/complaints helper/);
  });

  it('asks staff in Teams to pick up the conversation when a tenant asks for a person', async () => {
    const requests: Record<string, unknown>[] = [];
    const handoffs = new HandoffService({ handoffs: h.db.models.Handoff, translator: h.deps.translator });
    handoffs.setNotifier({
      async notify(alert) {
        requests.push(alert as unknown as Record<string, unknown>);
        return 1;
      },
    } as StaffNotifier);
    h.bot = createTenantBot({ ...h.deps, handoffs });
    const phone = '+447700900904';
    const chat = h.chat('sms', phone);
    await chat.say('Can I speak to a person please');
    expect(joined(await chat.say('Any time after 5pm'))).toMatch(/A member of staff will contact you/);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ kind: 'conversation_needs_staff', tenant: { channel: 'sms', id: phone }, text: 'Any time after 5pm' });
    expect(String(requests[0].reason)).toMatch(/CMP-\d{4}-\d{6}/);
  });
});

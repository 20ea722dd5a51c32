// Brighter Places closes a complaint 15 days after staff ask the tenant for something and hear
// nothing. A tenant who writes to the bot in that time has been reached: their message must be
// recorded on the case and the scheduled close must not happen. Real bot, database, case service,
// scheduler and the pack's own close job.
import type { Actor, CaseRecord } from '../../services/cases/types';
import { markExistingWaits, tenantWaitCheckFor } from '../../services/cases/tenantContact';
import { definePolicyCloseJobs, scheduleUnreachableClose } from '../../services/policy/closeJobs';
import { createLogger } from '../../services/logging/logger';
import { loadPolicyPack } from '../../services/policy/packs';
import { createTranslator } from '../../services/translation';
import { Harness, startHarness } from './tenantHarness';
import { rawCollection } from '../../models/rawCollection';

const officer: Actor = { kind: 'staff', id: 'officer-1', name: 'Sam Officer', channel: 'teams' };
const START = new Date('2026-03-02T10:00:00Z');
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ pack: 'brighter-places', now: START });
  const logger = createLogger('silent');
  definePolicyCloseJobs(h.scheduler, {
    cases: h.deps.cases,
    pack: h.deps.pack,
    calendar: h.deps.calendar,
    messenger: h.deps.messenger,
    translator: createTranslator({ TRANSLATOR_PROVIDER: 'none' }, logger),
    logger,
    clock: () => h.clock.now,
  });
});
afterAll(async () => h.close());

async function caseAwaitingTenant(userId: string): Promise<CaseRecord> {
  h.clock.now = START;
  const contact = await h.deps.contacts.findOrCreateByIdentity({ channel: 'webchat', id: userId });
  const opened = await h.deps.cases.open(
    { contactId: contact.id, stage: 'stage1', channel: 'webchat', address: { channel: 'webchat', id: userId }, language: 'en', summary: 'Damp in the bedroom' },
    { kind: 'tenant', id: contact.id, channel: 'webchat' },
  );
  const waiting = await h.deps.cases.recordEvent(opened.reference, { action: 'awaiting_tenant', reason: 'photos of the damp' }, officer);
  await scheduleUnreachableClose(h.scheduler, h.deps.pack, h.deps.calendar, waiting, waiting.history.at(-1)!.at);
  return waiting;
}

async function runClosesDaysLater(days: number): Promise<void> {
  h.clock.now = new Date(START.getTime() + days * 86_400_000);
  await h.scheduler.runDue(h.clock.now);
}

describe('a tenant writing in while staff wait for them (Brighter Places)', () => {
  it('records tenant_contact and the unreachable close 15 days later leaves the case open', async () => {
    const waiting = await caseAwaitingTenant('wc-reached');
    h.clock.now = new Date(START.getTime() + 3 * 86_400_000);
    const replies = await h.chat('webchat', 'wc-reached').say('Hello, I have taken the photos of the damp you asked for');
    expect(replies.length).toBeGreaterThan(0);

    const after = (await h.deps.cases.get(waiting.reference))!;
    expect(after.history.at(-1)).toMatchObject({ action: 'tenant_contact', actor: { kind: 'tenant', channel: 'webchat' } });

    await runClosesDaysLater(20);
    const later = (await h.deps.cases.get(waiting.reference))!;
    expect(later.status).not.toBe('closed');
    expect(later.history.map((e) => e.action)).not.toContain('close');
  });

  it('still closes the case of a tenant who never wrote in (the job does run)', async () => {
    const waiting = await caseAwaitingTenant('wc-silent');
    await runClosesDaysLater(20);
    expect((await h.deps.cases.get(waiting.reference))!.status).toBe('closed');
  });

  it('records the contact once: a second message adds nothing and the marker is gone', async () => {
    const waiting = await caseAwaitingTenant('wc-twice');
    const chat = h.chat('webchat', 'wc-twice');
    await chat.say('Hi there, the photos are attached now');
    await chat.say('hello?');
    const actions = (await h.deps.cases.get(waiting.reference))!.history.map((e) => e.action);
    expect(actions.filter((a) => a === 'tenant_contact')).toHaveLength(1);
    expect(await h.db.models.Counter.countDocuments({ name: `awaiting-tenant:${waiting.contactId}` })).toBe(0);
  });

  it('is not built at all under packs that never close for want of a reply', () => {
    expect(tenantWaitCheckFor(loadPolicyPack('hoc-2024'), h.db.models.Counter, h.deps.cases)).toBeUndefined();
    expect(tenantWaitCheckFor(loadPolicyPack('brighter-places'), h.db.models.Counter, h.deps.cases)).toBeDefined();
  });

  it('picks up a wait recorded before markers existed once the start-up pass has marked it', async () => {
    const waiting = await caseAwaitingTenant('wc-older-wait');
    // As a wait recorded by an earlier version: no marker.
    await h.db.models.Counter.deleteMany({ name: `awaiting-tenant:${waiting.contactId}` });
    expect(await markExistingWaits(h.deps.pack, h.db.models.Counter, h.deps.cases)).toBeGreaterThanOrEqual(1);
    expect(await markExistingWaits(loadPolicyPack('hoc-2024'), h.db.models.Counter, h.deps.cases)).toBe(0);
    await h.chat('webchat', 'wc-older-wait').say('Sorry for the delay, here are the photos');
    await runClosesDaysLater(20);
    const after = (await h.deps.cases.get(waiting.reference))!;
    expect(after.history.map((e) => e.action)).toContain('tenant_contact');
    expect(after.status).not.toBe('closed');
  });

  it('costs one marker read by _id on a turn when nobody waits for the tenant, and lists no cases', async () => {
    const chat = h.chat('webchat', 'wc-nobody-waits');
    await chat.say('Hello, I want to complain about the noise from the lift');
    // The driver's collection, which the hot path reads (models/rawCollection.ts).
    const collection = rawCollection(h.db.models.Counter);
    const findOne = jest.spyOn(collection, 'findOne');
    const list = jest.spyOn(h.deps.cases, 'listForContact');
    try {
      await chat.say('yes');
      const markerReads = findOne.mock.calls.filter(([filter]) => String((filter as { _id?: unknown })?._id ?? '').startsWith('awaiting-tenant:'));
      expect(markerReads).toHaveLength(1);
      expect(list).not.toHaveBeenCalled();
    } finally {
      findOne.mockRestore();
      list.mockRestore();
    }
  });
});

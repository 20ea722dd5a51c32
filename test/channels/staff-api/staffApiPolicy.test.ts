// The staff REST API over HTTP: manager-only actions refused for a handler's token (403 with the
// reason, nothing changed), and the pack's closing rules scheduled by staff actions, run by the
// real scheduler on the real database; the tenant's side checked in the real SMS outbox.
import { API_TOKEN, say, startStaffHarness, StaffHarness } from '../teams/staffHarness';
import { notifyClosedByPolicy } from '../../../services/notifications/staffAlerts';
import type { CaseRecord } from '../../../services/cases/types';
import { definePolicyCloseJobs, STAGE2_WINDOW_CLOSE_JOB, UNREACHABLE_CLOSE_JOB } from '../../../services/policy/closeJobs';
import { createCalendar } from '../../../services/policy/calendar';
import { loadPolicyPack } from '../../../services/policy/packs';
import { createTranslator } from '../../../services/translation';
import { createLogger } from '../../../services/logging/logger';
import { TenantMessenger } from '../../../services/notifications/tenantMessenger';
import { Outbox } from '../../../services/notifications/outbox';
import { SmsSender } from '../../../channels/sms/smsSender';
import { SmsOptOuts } from '../../../channels/sms/optOuts';

const MANAGER_TOKEN = 'manager-token-for-tests-9876543210';
let seq = 0;
const nextPhone = () => `+4477009${String(70000 + seq++)}`;

function client(h: StaffHarness, token: string, user: string) {
  const headers = { authorization: `Bearer ${token}`, 'x-staff-user': user, 'content-type': 'application/json' };
  return {
    act: (ref: string, body: unknown) => fetch(`${h.url}/api/staff/cases/${ref}/actions`, { method: 'POST', headers, body: JSON.stringify(body) }),
  };
}

async function openCase(h: StaffHarness): Promise<{ c: CaseRecord; phone: string }> {
  const phone = nextPhone();
  const contact = await h.contacts.findOrCreateByIdentity({ channel: 'sms', id: phone }, { phone, preferredLanguage: 'en' });
  const c = await h.cases.open(
    { contactId: contact.id, stage: 'stage1', channel: 'sms', address: { channel: 'sms', id: phone }, language: 'en', summary: 'Repeated leaks from the flat above' },
    { kind: 'tenant', id: contact.id, channel: 'sms' },
  );
  return { c, phone };
}

describe('staff API: manager-only actions', () => {
  let h: StaffHarness;
  beforeAll(async () => {
    h = await startStaffHarness({ STAFF_API_TOKENS: [API_TOKEN, `${MANAGER_TOKEN}:manager`] });
  });
  afterAll(async () => h.stop());

  const restriction = { action: 'restrict', kind: 'single_channel', allowedChannel: 'sms', reason: 'Abusive messages to staff on web chat', reviewBy: '2027-03-01' };

  it('refuses a contact restriction from a handler token with 403 and the reason, and changes nothing', async () => {
    const { c } = await openCase(h);
    const res = await client(h, API_TOKEN, 'Hana Handler').act(c.reference, restriction);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'forbidden', message: expect.stringMatching(/Contact restrictions are decided by a manager.*not a manager's token/) });
    expect((await h.contacts.get(c.contactId))?.restrictions).toEqual([]);
  });

  it('lets a manager token apply and lift a restriction; a handler token cannot lift it', async () => {
    const { c } = await openCase(h);
    const applied = await client(h, MANAGER_TOKEN, 'Mo Manager').act(c.reference, restriction);
    expect(applied.status).toBe(200);
    const [r] = (await h.contacts.get(c.contactId))!.restrictions;
    expect(r).toMatchObject({ kind: 'single_channel', decidedBy: 'api:Mo Manager' });

    const lift = { action: 'lift_restriction', restrictionId: r.id, reason: 'Reviewed: behaviour improved' };
    expect((await client(h, API_TOKEN, 'Hana Handler').act(c.reference, lift)).status).toBe(403);
    expect((await client(h, MANAGER_TOKEN, 'Mo Manager').act(c.reference, lift)).status).toBe(200);
    expect((await h.contacts.get(c.contactId))!.restrictions[0].liftedAt).toBeTruthy();
  });

  it('still lets a handler token do ordinary actions', async () => {
    const { c } = await openCase(h);
    expect((await client(h, API_TOKEN, 'Hana Handler').act(c.reference, { action: 'acknowledge' })).status).toBe(200);
  });
});

describe('staff API: the pack closes cases by itself (scheduled by staff actions)', () => {
  const logger = createLogger('silent');

  function defineJobs(h: StaffHarness, packId: string, at: () => Date) {
    const messenger = new TenantMessenger();
    messenger.register(new SmsSender(new Outbox(h.db.models.OutboxMessage, h.db.models.ChannelClaim, logger), new SmsOptOuts(h.db.models.SmsOptOut, logger), logger));
    definePolicyCloseJobs(h.scheduler!, {
      cases: h.cases,
      pack: loadPolicyPack(packId),
      calendar: createCalendar('ENG'),
      messenger,
      translator: createTranslator({ TRANSLATOR_PROVIDER: 'none' }, logger),
      logger,
      clock: at,
      onClosed: (c, reason, tenantTold) => notifyClosedByPolicy(h.staff.alertDeps, c, reason, tenantTold),
    });
  }
  const TEAM = '19:complaints-team@thread.tacv2';
  const subscribeTeam = async (h: StaffHarness) => expect((await say(h, { text: 'subscribe here' }, { conversationId: TEAM, conversationType: 'channel' })).text).toMatch(/Subscribed/);
  const teamPostsAbout = (h: StaffHarness, ref: string) => h.connector.activities(TEAM).map((a) => JSON.stringify(a)).filter((s) => s.includes(ref));

  it('SLH: recording the Stage 1 response schedules the close; it runs after the window and tells the tenant', async () => {
    const h = await startStaffHarness({}, 'slh', { scheduler: true });
    try {
      await subscribeTeam(h);
      const { c, phone } = await openCase(h);
      const res = await client(h, API_TOKEN, 'Sam Staff').act(c.reference, { action: 'respond', decision: 'not_upheld', reasons: 'The leak was repaired on the first visit' });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { summary: string; case: { deadlines: { escalateBy: string } } };
      expect(body.summary).toMatch(/closes automatically after \d{4}-\d{2}-\d{2} unless the tenant asks for Stage 2/);
      const job = await h.db.models.Job.findOne({ name: STAGE2_WINDOW_CLOSE_JOB, 'data.reference': c.reference }).lean();
      expect(job).toBeTruthy();
      expect(job!.runAt.getTime()).toBeGreaterThan(new Date(body.case.deadlines.escalateBy).getTime());

      const after = new Date(job!.runAt.getTime() + 1000);
      defineJobs(h, 'slh', () => after);
      expect(await h.scheduler!.runDue(after)).toBe(1);
      const closed = (await h.cases.get(c.reference))!;
      expect(closed.status).toBe('closed');
      expect(closed.history.at(-1)).toMatchObject({ action: 'close', actor: { kind: 'system' }, reason: expect.stringMatching(/^No Stage 2 request by/) });
      expect((await h.smsTo(phone)).join('\n')).toMatch(/is now closed/);
      // Staff hear about it in Teams once, with the pack's reason.
      const posts = teamPostsAbout(h, c.reference).filter((s) => s.includes('Closed by the policy'));
      expect(posts).toHaveLength(1);
      expect(posts[0]).toMatch(/No Stage 2 request by \d{4}-\d{2}-\d{2}.*tenant told on their channel/);
    } finally {
      await h.stop();
    }
  });

  it('Brighter Places: "await_tenant" tells the tenant the date, and the case closes after 15 days without contact', async () => {
    const h = await startStaffHarness({}, 'brighter-places', { scheduler: true });
    try {
      await subscribeTeam(h);
      const { c, phone } = await openCase(h);
      const res = await client(h, API_TOKEN, 'Sam Staff').act(c.reference, { action: 'await_tenant', reason: 'photos of the ceiling and a date we can visit' });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { summary: string; tenantNotified: boolean };
      expect(body.tenantNotified).toBe(true);
      expect(body.summary).toMatch(/waiting for the tenant; it closes after \d{4}-\d{2}-\d{2} if nothing happens on it/);
      const sms = (await h.smsTo(phone)).join('\n');
      expect(sms).toMatch(/we need this from you: photos of the ceiling and a date we can visit\. Please reply by \d{4}-\d{2}-\d{2}/);
      const job = await h.db.models.Job.findOne({ name: UNREACHABLE_CLOSE_JOB, 'data.reference': c.reference }).lean();
      expect(job).toBeTruthy();
      const days = (job!.runAt.getTime() - Date.now()) / (24 * 3600 * 1000);
      expect(days).toBeGreaterThan(14);
      expect(days).toBeLessThan(17);

      const after = new Date(job!.runAt.getTime() + 1000);
      defineJobs(h, 'brighter-places', () => after);
      expect(await h.scheduler!.runDue(after)).toBe(1);
      const closed = (await h.cases.get(c.reference))!;
      expect(closed.status).toBe('closed');
      expect(closed.history.map((e) => e.action)).toEqual(['open', 'awaiting_tenant', 'close']);
      expect((await h.smsTo(phone)).join('\n')).toMatch(/have not heard back, so we have closed it/);
      expect(teamPostsAbout(h, c.reference).filter((s) => s.includes('Closed by the policy: Tenant not reachable'))).toHaveLength(1);
    } finally {
      await h.stop();
    }
  });

  it('refuses "await_tenant" where the pack sets no such period (hoc-2024), with the reason (409)', async () => {
    const h = await startStaffHarness({}, 'hoc-2024', { scheduler: true });
    try {
      const { c } = await openCase(h);
      const res = await client(h, API_TOKEN, 'Sam Staff').act(c.reference, { action: 'await_tenant', reason: 'photos' });
      expect(res.status).toBe(409);
      expect(((await res.json()) as { message: string }).message).toMatch(/sets no period after which a complaint closes when the tenant cannot be reached/);
      expect((await h.cases.get(c.reference))!.history.map((e) => e.action)).toEqual(['open']);
    } finally {
      await h.stop();
    }
  });
});

describe('staff API: restriction review period from the pack (Brighter Places: every 3 months)', () => {
  let h: StaffHarness;
  beforeAll(async () => {
    h = await startStaffHarness({ STAFF_API_TOKENS: [`${MANAGER_TOKEN}:manager`] }, 'brighter-places');
  });
  afterAll(async () => h.stop());

  const inDays = (n: number) => new Date(Date.now() + n * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const restrict = (reviewBy: string) => ({ action: 'restrict', kind: 'contact_limit', maxMessagesPerDay: 3, reason: 'Dozens of messages a day to the team', reviewBy });

  it('refuses a review date more than 3 months ahead with the pack reason (422), and accepts one inside it', async () => {
    const { c } = await openCase(h);
    const late = await client(h, MANAGER_TOKEN, 'Mo Manager').act(c.reference, restrict(inDays(120)));
    expect(late.status).toBe(422);
    expect(((await late.json()) as { message: string }).message).toMatch(/reviews contact restrictions every 3 months: set a review date on or before \d{4}-\d{2}-\d{2}/);
    expect((await h.contacts.get(c.contactId))!.restrictions).toEqual([]);
    const ok = await client(h, MANAGER_TOKEN, 'Mo Manager').act(c.reference, restrict(inDays(80)));
    expect(ok.status).toBe(200);
    expect((await h.contacts.get(c.contactId))!.restrictions).toHaveLength(1);
  });
});

describe('staff API: excluding an older matter needs the senior authority the pack names (Twenty11)', () => {
  let h: StaffHarness;
  beforeAll(async () => {
    h = await startStaffHarness({ STAFF_API_TOKENS: [API_TOKEN, `${MANAGER_TOKEN}:manager`] }, 'twenty11');
  });
  afterAll(async () => h.stop());

  async function openOlderCase(): Promise<CaseRecord> {
    const phone = nextPhone();
    const contact = await h.contacts.findOrCreateByIdentity({ channel: 'sms', id: phone }, { phone, preferredLanguage: 'en' });
    const eightMonthsAgo = new Date(Date.now() - 240 * 24 * 3600 * 1000);
    return h.cases.open(
      { contactId: contact.id, stage: 'stage1', channel: 'sms', address: { channel: 'sms', id: phone }, language: 'en', summary: 'Fence never repaired', incidentDate: eightMonthsAgo },
      { kind: 'tenant', id: contact.id, channel: 'sms' },
    );
  }
  const decline = { action: 'not_accepted', reason: 'The matter is more than 6 months old' };

  it('refuses a handler token with 403 naming the role, and leaves the case open', async () => {
    const c = await openOlderCase();
    expect(c.flags).toContain('older_than_time_limit');
    const res = await client(h, API_TOKEN, 'Hana Handler').act(c.reference, decline);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'needs_authority', message: expect.stringContaining('Head of Insight & Strategy') });
    expect((await h.cases.get(c.reference))!.status).not.toBe('not_accepted');
  });

  it("lets a manager's token decline it, with the reason in the history", async () => {
    const c = await openOlderCase();
    const res = await client(h, MANAGER_TOKEN, 'Mo Manager').act(c.reference, decline);
    expect(res.status).toBe(200);
    const after = (await h.cases.get(c.reference))!;
    expect(after.status).toBe('not_accepted');
    expect(after.history.at(-1)).toMatchObject({ action: 'not_accepted', reason: decline.reason });
  });

  it('still lets a handler decline a case inside the time limit', async () => {
    const { c } = await openCase(h);
    expect((await client(h, API_TOKEN, 'Hana Handler').act(c.reference, decline)).status).toBe(200);
  });
});

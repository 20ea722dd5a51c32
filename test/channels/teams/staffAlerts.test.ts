// Staff alerts posted proactively to the subscribed Teams channel through the fake Bot Connector:
// new cases, approaching and missed deadlines (with the pack's escalation role), each sent once
// even when two instances scan at the same moment; an alert that could not be posted is retried.
import { postActivity, say, startStaffHarness, StaffHarness } from './staffHarness';
import { defineStaffAlertJobs, runStaffAlertScan, scheduleStaffAlertScan } from '../../../services/notifications/staffAlerts';
import { createCaseService } from '../../../services/cases/caseService';
import { createCalendar } from '../../../services/policy/calendar';
import { loadPolicyPack } from '../../../services/policy/packs';
import { createMongoScheduler } from '../../../services/scheduler/mongoScheduler';
import { createLogger } from '../../../services/logging/logger';
import { endOfLondonDay, londonDate } from '../../../services/policy/calendar';
import type { CaseRecord } from '../../../services/cases/types';

const CHANNEL = '19:complaints-team@thread.tacv2';
let seq = 0;

describe('staff alerts (SLH pack: a named role is alerted on missed deadlines)', () => {
  let h: StaffHarness;

  async function openCase(receivedAt?: Date): Promise<CaseRecord> {
    const phone = `+4477009${String(20000 + seq++).slice(-5)}`;
    const contact = await h.contacts.findOrCreateByIdentity({ channel: 'sms', id: phone }, { phone });
    return h.cases.open(
      { contactId: contact.id, stage: 'stage1', channel: 'sms', address: { channel: 'sms', id: phone }, language: 'en', summary: 'Damp not treated', receivedAt },
      { kind: 'staff', id: 'aad-handler-1', channel: 'teams' },
    );
  }
  const postsAbout = (ref: string) => h.connector.activities(CHANNEL).filter((a) => JSON.stringify(a).includes(ref));

  beforeAll(async () => {
    h = await startStaffHarness({}, 'slh');
  });
  afterAll(async () => {
    await h.stop();
  });

  it('keeps an alert for later when no Teams conversation is subscribed yet', async () => {
    const c = await openCase();
    await runStaffAlertScan(h.staff.alertDeps);
    expect(postsAbout(c.reference)).toHaveLength(0);
    // Subscribing a channel ("subscribe here") makes the next scan deliver it.
    const res = await say(h, { text: 'subscribe here' }, { conversationId: CHANNEL, conversationType: 'channel' });
    expect(res.text).toMatch(/Subscribed/);
    await runStaffAlertScan(h.staff.alertDeps);
    const posts = postsAbout(c.reference);
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0])).toContain('New complaint');
  });

  it('alerts a missed deadline on an old case behind more than 500 newer live cases', async () => {
    await say(h, { text: 'subscribe here' }, { conversationId: CHANNEL, conversationType: 'channel' });
    // An acknowledgement missed two weeks ago ...
    const twentyDaysAgo = new Date(Date.now() - 20 * 24 * 3600 * 1000);
    const past = createCaseService({ models: h.db.models, pack: loadPolicyPack('slh'), calendar: createCalendar('ENG'), clock: () => twentyDaysAgo });
    const phone = `+4477009${String(40000 + seq++).slice(-5)}`;
    const contact = await h.contacts.findOrCreateByIdentity({ channel: 'sms', id: phone }, { phone });
    const old = await past.open({ contactId: contact.id, stage: 'stage1', channel: 'sms', address: { channel: 'sms', id: phone }, language: 'en', summary: 'Mould in the bedroom' }, { kind: 'tenant', id: contact.id, channel: 'sms' });
    // ... behind 520 newer open cases (copies of a real one, received 3 days ago, due next month: no alerts of their own).
    const template = await h.db.connection.db!.collection('cases').findOne({ reference: (await openCase()).reference });
    const threeDaysAgo = new Date(Date.now() - 3 * 24 * 3600 * 1000);
    const nextMonth = new Date(Date.now() + 30 * 24 * 3600 * 1000);
    const copies = Array.from({ length: 520 }, (_, i) => ({
      ...template,
      _id: `bulk-${i}`,
      reference: `CMP-2099-${String(i).padStart(6, '0')}`,
      receivedAt: threeDaysAgo,
      deadlines: { acknowledgeBy: nextMonth, respondBy: nextMonth, escalateBy: null },
    }));
    await h.db.connection.db!.collection('cases').insertMany(copies as never[]);
    expect((await h.cases.list({ statuses: ['open', 'acknowledged', 'escalated'], limit: 5000 })).length).toBeGreaterThan(521);

    await runStaffAlertScan(h.staff.alertDeps);
    const missed = postsAbout(old.reference).map((a) => JSON.stringify(a)).filter((s) => s.includes('MISSED'));
    // Both its deadlines have passed (acknowledge and respond), each alerted once.
    expect(missed).toHaveLength(2);
    expect(missed.join('\n')).toContain('MISSED acknowledge deadline');
    expect(missed.join('\n')).toContain('MISSED respond deadline');
    await h.db.connection.db!.collection('cases').deleteMany({ _id: { $in: copies.map((c) => c._id) } } as never);
  });

  it('announces a new case once when two instances scan at the same time', async () => {
    const c = await openCase();
    await Promise.all([runStaffAlertScan(h.staff.alertDeps), runStaffAlertScan(h.staff.alertDeps), runStaffAlertScan(h.staff.alertDeps)]);
    expect(postsAbout(c.reference)).toHaveLength(1);
  });

  it('reminds once before the acknowledge deadline ends', async () => {
    const c = await openCase();
    await runStaffAlertScan(h.staff.alertDeps); // the new-case alert
    const lastMoment = endOfLondonDay(londonDate(c.deadlines.acknowledgeBy!));
    const nearly = new Date(lastMoment.getTime() - 3 * 3600 * 1000);
    await Promise.all([runStaffAlertScan(h.staff.alertDeps, nearly), runStaffAlertScan(h.staff.alertDeps, nearly)]);
    const reminders = postsAbout(c.reference).filter((a) => JSON.stringify(a).includes('Reminder: acknowledge deadline'));
    expect(reminders).toHaveLength(1);
  });

  it('alerts missed deadlines once each, naming the escalation role', async () => {
    const c = await openCase(new Date(Date.now() - 45 * 24 * 3600 * 1000));
    await Promise.all([runStaffAlertScan(h.staff.alertDeps), runStaffAlertScan(h.staff.alertDeps)]);
    await runStaffAlertScan(h.staff.alertDeps);
    const missed = postsAbout(c.reference).map((a) => JSON.stringify(a)).filter((s) => s.includes('MISSED'));
    expect(missed).toHaveLength(2);
    expect(missed.some((s) => s.includes('MISSED acknowledge deadline'))).toBe(true);
    expect(missed.some((s) => s.includes('MISSED respond deadline'))).toBe(true);
    expect(missed.every((s) => s.includes('Director of Innovation, Technology & Risk'))).toBe(true);
  });

  it('sends only missed deadlines to a conversation subscribed to escalations', async () => {
    const director = 'a:personal-director';
    expect((await say(h, { text: 'subscribe escalations' }, { conversationId: director })).text).toMatch(/Subscribed to escalations/);
    const fresh = await openCase();
    const late = await openCase(new Date(Date.now() - 45 * 24 * 3600 * 1000));
    await runStaffAlertScan(h.staff.alertDeps);
    const got = h.connector.activities(director).map((a) => JSON.stringify(a));
    expect(got.filter((s) => s.includes(late.reference) && s.includes('MISSED'))).toHaveLength(2);
    expect(got.some((s) => s.includes(fresh.reference))).toBe(false);
    // The team channel still gets everything.
    expect(postsAbout(fresh.reference)).toHaveLength(1);
    await say(h, { text: 'unsubscribe' }, { conversationId: director });
  });

  it('announces a Stage 2 request once', async () => {
    const c = await openCase();
    const staff = { kind: 'staff' as const, id: 'aad-handler-1', channel: 'teams' as const };
    await h.cases.acknowledge(c.reference, staff);
    await h.cases.respond(c.reference, { decision: 'not_upheld', reasons: 'Works completed on time' }, staff);
    await runStaffAlertScan(h.staff.alertDeps);
    await h.cases.escalate(c.reference, { reasons: 'The damp came back a week later', onBehalf: false }, { kind: 'tenant', id: c.contactId, channel: 'sms' });
    await Promise.all([runStaffAlertScan(h.staff.alertDeps), runStaffAlertScan(h.staff.alertDeps)]);
    const escalated = postsAbout(c.reference).filter((a) => JSON.stringify(a).includes('Complaint escalated'));
    expect(escalated).toHaveLength(1);
    expect(JSON.stringify(escalated[0])).toContain('Stage 2');
  });

  it('stops posting to a conversation after "unsubscribe"', async () => {
    expect((await say(h, { text: 'unsubscribe' }, { conversationId: CHANNEL, conversationType: 'channel' })).text).toMatch(/Unsubscribed/);
    const c = await openCase();
    await runStaffAlertScan(h.staff.alertDeps);
    expect(postsAbout(c.reference)).toHaveLength(0);
    const res = await postActivity(h, { text: 'subscribe here' }, { conversationId: CHANNEL, conversationType: 'channel' });
    expect(res.status).toBe(200);
  });
});

describe('staff alert scan as a scheduler job on two instances (SLH)', () => {
  it('alerts a missed Stage 2 acknowledgement once, to the team and the named senior role, with the case shown as escalated', async () => {
    const h = await startStaffHarness({}, 'slh', { scheduler: true });
    try {
      const team = '19:complaints-team-jobs@thread.tacv2';
      const director = 'a:personal-director-jobs';
      await say(h, { text: 'subscribe here' }, { conversationId: team, conversationType: 'channel' });
      await say(h, { text: 'subscribe escalations' }, { conversationId: director });

      // The Stage 2 request came in ten days ago (a case service whose clock is then) and nobody acknowledged it.
      const tenDaysAgo = new Date(Date.now() - 10 * 24 * 3600 * 1000);
      const past = createCaseService({ models: h.db.models, pack: loadPolicyPack('slh'), calendar: createCalendar('ENG'), clock: () => tenDaysAgo });
      const phone = `+4477009${String(30000 + seq++).slice(-5)}`;
      const contact = await h.contacts.findOrCreateByIdentity({ channel: 'sms', id: phone }, { phone });
      const tenant = { kind: 'tenant' as const, id: contact.id, channel: 'sms' as const };
      const c = await past.open({ contactId: contact.id, stage: 'stage1', channel: 'sms', address: { channel: 'sms', id: phone }, language: 'en', summary: 'Damp not treated' }, tenant);
      await past.respond(c.reference, { decision: 'not_upheld', reasons: 'Works completed on time' }, { kind: 'staff', id: 'aad-handler-1', channel: 'teams' });
      expect((await past.escalate(c.reference, { reasons: 'The damp came back' }, tenant)).status).toBe('escalated');

      const a = h.scheduler!;
      const b = createMongoScheduler({ models: h.db.models, logger: createLogger('silent'), instanceId: 'second-instance' });
      defineStaffAlertJobs(b, h.staff.alertDeps);
      await scheduleStaffAlertScan(a, 60_000);
      const now = new Date(Date.now() + 1000);
      const [ranA, ranB] = await Promise.all([a.runDue(now), b.runDue(now)]);
      expect(ranA + ranB).toBe(1);

      const missed = (conv: string) => h.connector.activities(conv).map((x) => JSON.stringify(x)).filter((s) => s.includes(c.reference) && s.includes('MISSED'));
      expect(missed(team)).toHaveLength(1);
      expect(missed(team)[0]).toContain('MISSED acknowledge deadline');
      expect(missed(team)[0]).toContain('Director of Innovation, Technology & Risk');
      expect(missed(director)).toHaveLength(1);
      // Run again on both: nothing is sent twice.
      const later = new Date(now.getTime() + 61_000);
      await Promise.all([a.runDue(later), b.runDue(later)]);
      expect(missed(team)).toHaveLength(1);
      expect(missed(director)).toHaveLength(1);
    } finally {
      await h.stop();
    }
  });
});

describe('staff alerts for a quick fix escalated to Stage 1 (Tuntum pack)', () => {
  it('announces the escalation once, shows the case as escalated, and reminds before its Stage 1 acknowledge-by', async () => {
    const h = await startStaffHarness({}, 'tuntum');
    try {
      const team = '19:complaints-team-quick@thread.tacv2';
      await say(h, { text: 'subscribe here' }, { conversationId: team, conversationType: 'channel' });
      const phone = `+4477009${String(40000 + seq++).slice(-5)}`;
      const contact = await h.contacts.findOrCreateByIdentity({ channel: 'sms', id: phone }, { phone });
      const tenant = { kind: 'tenant' as const, id: contact.id, channel: 'sms' as const };
      const staff = { kind: 'staff' as const, id: 'aad-handler-1', channel: 'teams' as const };
      const c = await h.cases.open({ contactId: contact.id, stage: 'quick', channel: 'sms', address: { channel: 'sms', id: phone }, language: 'en', summary: 'Bin store door broken' }, tenant);
      await h.cases.respond(c.reference, { decision: 'resolved', reasons: 'Carpenter booked' }, staff);
      const s1 = await h.cases.escalate(c.reference, { reasons: 'Nobody came' }, tenant);
      expect(s1).toMatchObject({ stage: 'stage1', status: 'escalated' });

      await Promise.all([runStaffAlertScan(h.staff.alertDeps), runStaffAlertScan(h.staff.alertDeps)]);
      const posts = () => h.connector.activities(team).map((a) => JSON.stringify(a)).filter((s) => s.includes(c.reference));
      expect(posts().filter((s) => s.includes('Complaint escalated'))).toHaveLength(1);
      expect(posts().filter((s) => s.includes('New complaint'))).toHaveLength(0);

      const nearly = new Date(endOfLondonDay(londonDate(s1.deadlines.acknowledgeBy!)).getTime() - 3 * 3600 * 1000);
      await runStaffAlertScan(h.staff.alertDeps, nearly);
      expect(posts().filter((s) => s.includes('Reminder: acknowledge deadline'))).toHaveLength(1);
    } finally {
      await h.stop();
    }
  });
});

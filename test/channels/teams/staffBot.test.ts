import { actionTitles, HANDLER, MANAGER, postActivity, say, startStaffHarness, StaffHarness, STAFF_TENANT, submitData } from './staffHarness';
import type { CaseRecord } from '../../../services/cases/types';

const PHONE = '+447700900123';

async function openCase(h: StaffHarness, over: Record<string, unknown> = {}): Promise<CaseRecord> {
  const contact = await h.contacts.findOrCreateByIdentity({ channel: 'sms', id: PHONE }, { phone: PHONE, preferredLanguage: 'en' });
  return h.cases.open(
    {
      contactId: contact.id,
      stage: 'stage1',
      channel: 'sms',
      address: { channel: 'sms', id: PHONE },
      language: 'en',
      summary: 'Boiler broken for three weeks, nobody came',
      originalText: 'Third time I have rung about the boiler and nobody has come',
      ...over,
    },
    { kind: 'tenant', id: contact.id, channel: 'sms' },
  );
}

describe('staff bot in Teams over /api/messages (no-auth local mode)', () => {
  let h: StaffHarness;
  beforeAll(async () => {
    h = await startStaffHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('answers help with the command list, sent to the fake connector without a token', async () => {
    const reply = await say(h, { text: '<at>Complaints</at> help' });
    expect(reply.text).toMatch(/case CMP-2026-000123/);
    const call = h.connector.calls[h.connector.calls.length - 1];
    expect(call.authorization).toBeUndefined();
  });

  it('shows a case card with the tenant words and an action for each allowed step', async () => {
    const c = await openCase(h);
    const reply = await say(h, { text: `case ${c.reference}` });
    const body = JSON.stringify(reply.card);
    expect(body).toContain(c.reference);
    expect(body).toContain('Third time I have rung about the boiler');
    expect(actionTitles(reply.card)).toEqual(
      expect.arrayContaining(['Acknowledge', 'Assign', 'Record response', 'Extend', 'Hold', 'Not accepted', 'Close', 'Restrict contact', 'Take over conversation']),
    );
  });

  it('refuses a user who is not on the staff list, politely and without case data', async () => {
    const c = await openCase(h);
    const reply = await say(h, { text: `case ${c.reference}` }, { from: { id: 'aad-someone-else', name: 'Not Staff' } });
    expect(reply.text).toMatch(/not on the complaints staff list/);
    expect(reply.card).toBeUndefined();
  });

  it('refuses a staff id arriving from another Teams tenant', async () => {
    const reply = await say(h, { text: 'help' }, { tenantId: 'other-tenant-9999' });
    expect(reply.text).toMatch(/only for the housing association's complaints staff/);
  });

  it('acknowledges from the card and tells the tenant by SMS', async () => {
    const c = await openCase(h);
    const shown = await say(h, { text: `case ${c.reference}` });
    const reply = await say(h, { value: submitData(shown.card, 'Acknowledge') });
    expect(reply.text).toMatch(new RegExp(`${c.reference} acknowledged\\. The tenant has been told`));
    expect((await h.cases.get(c.reference))!.status).toBe('acknowledged');
    const sms = await h.smsTo(PHONE);
    expect(sms.join('\n')).toContain(`received and are looking into your complaint ${c.reference}`);
  });

  it('only lets a manager apply a contact restriction', async () => {
    const c = await openCase(h);
    const value = { verb: 'staff', action: 'restrict', reference: c.reference, kind: 'single_channel', reason: 'Repeated abusive calls to the office', reviewBy: '2027-03-01', allowedChannel: 'letter' };
    const refused = await say(h, { value });
    expect(refused.text).toMatch(/decided by a manager/);
    const done = await say(h, { value }, { from: MANAGER, conversationId: 'a:personal-manager' });
    expect(done.text).toMatch(/Restriction \(single_channel\) applied/);
    const contact = await h.contacts.get(c.contactId);
    expect(contact!.restrictions.map((r) => r.kind)).toContain('single_channel');
  });

  it('saves the channel reference when added to a team channel and posts alerts there', async () => {
    const res = await postActivity(
      h,
      { type: 'conversationUpdate', text: undefined, membersAdded: [{ id: '28:complaints-bot' }] },
      { conversationId: '19:complaints@thread.tacv2', conversationType: 'channel' },
    );
    expect(res.status).toBe(200);
    await h.connector.waitForActivities(1, '19:complaints@thread.tacv2');
    const c = await openCase(h);
    const reached = await h.staff.notifier.notify({ kind: 'new_case', case: c });
    expect(reached).toBe(1);
    const posted = await h.connector.waitForActivities(2, '19:complaints@thread.tacv2');
    expect(JSON.stringify(posted[1])).toContain(c.reference);
    expect(JSON.stringify(posted[1])).toContain('New complaint');
  });

  it('routes a non-Teams channel away from the staff bot', async () => {
    const reply = await say(h, { text: 'case CMP-2026-000001' }, { channelId: 'webchat', from: HANDLER, tenantId: STAFF_TENANT, conversationId: 'webchat-conv-1' });
    expect(reply.text).toMatch(/for staff in Microsoft Teams/);
  });
});

import { startTestApp } from '../../helpers/app';
import type { App } from '../../../index';
import { londonDate } from '../../../services/policy/calendar';

describe('policy, contacts and cases in the app', () => {
  let app: App;
  beforeAll(async () => {
    app = await startTestApp({ POLICY_PACK: 'slh', HOLIDAY_REGION: 'SCT' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('carries the configured pack and nation and opens cases under them', async () => {
    expect(app.services.policy.pack.id).toBe('slh');
    expect(app.services.policy.calendar.region).toBe('SCT');
    const contact = await app.services.contacts.findOrCreateByIdentity({ channel: 'sms', id: '+447700900555' });
    const opened = await app.services.cases.open(
      { contactId: contact.id, stage: 'stage1', channel: 'sms', language: 'en', summary: 'Repair missed twice', receivedAt: new Date('2025-11-28T10:00:00Z') },
      { kind: 'tenant', id: contact.id, channel: 'sms' },
    );
    expect(opened.packId).toBe('slh');
    // Fri 28 Nov 2025 + 2 WD in Scotland skips St Andrew's Day's substitute (Mon 1 Dec) → Wed 3 Dec
    expect(londonDate(opened.deadlines.acknowledgeBy!)).toBe('2025-12-03');
    expect((await app.services.cases.listForContact(contact.id)).map((c) => c.reference)).toEqual([opened.reference]);
  });
});

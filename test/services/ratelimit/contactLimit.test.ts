// The pack's contact_limit restriction, enforced through the real contact service.
import { createContactService } from '../../../services/contacts/contactService';
import { createInboundGuard } from '../../../services/ratelimit';
import { openTestDb, TestDb } from '../../helpers/db';

describe('contact_limit restrictions at the inbound guard', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb('climit');
  });
  afterAll(async () => {
    await db.drop();
  });

  it('caps a restricted contact at maxMessagesPerDay across channels, resets at London midnight, and stops when lifted', async () => {
    const contacts = createContactService({ models: db.models });
    const guard = createInboundGuard({ models: db.models, contacts, perSender: { limit: 100, windowMs: 60_000 } });
    const sms = { channel: 'sms' as const, id: '+447700900471' };
    const web = { channel: 'webchat' as const, id: 'dl_user_471' };
    const contact = await contacts.findOrCreateByIdentity(sms);
    const restricted = await contacts.addRestriction(contact.id, {
      kind: 'contact_limit',
      reason: 'abusive messages to staff (unacceptable behaviour policy)',
      maxMessagesPerDay: 3,
      decidedBy: 'officer-7',
      startsAt: new Date('2026-11-01T00:00:00Z'),
      reviewBy: new Date('2027-05-01T00:00:00Z'),
    });
    await contacts.linkIdentity(contact.id, web);

    const day = new Date('2026-11-23T10:00:00Z');
    const decisions = [];
    for (const who of [sms, web, sms, web, sms]) decisions.push(await guard.check(who, day));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false, false]);
    expect(decisions[3]).toMatchObject({ reason: 'contact_limit', firstRefusal: true });
    expect(decisions[3].restriction?.maxMessagesPerDay).toBe(3);
    expect(decisions[4].firstRefusal).toBe(false);

    // A different sender is untouched.
    expect((await guard.check({ channel: 'sms', id: '+447700900472' }, day)).allowed).toBe(true);
    // Next London day (midnight GMT in November).
    expect((await guard.check(sms, new Date('2026-11-24T00:00:01Z'))).allowed).toBe(true);

    const restrictionId = restricted.restrictions[0].id;
    await contacts.liftRestriction(contact.id, restrictionId, 'review: behaviour improved', 'officer-7');
    const after = [];
    for (let i = 0; i < 5; i++) after.push(await guard.check(sms, new Date('2026-11-23T15:00:00Z')));
    expect(after.every((d) => d.allowed)).toBe(true);
  });
});

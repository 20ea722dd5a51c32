import { openTestDb, TestDb } from '../../helpers/db';
import { createContactService } from '../../../services/contacts/contactService';
import { CaseRuleError } from '../../../services/cases/types';
import type { ContactService } from '../../../services/contacts/types';

describe('contact service', () => {
  let db: TestDb;
  let contacts: ContactService;
  beforeAll(async () => {
    db = await openTestDb('contacts');
    contacts = createContactService({ models: db.models });
  });
  afterAll(async () => {
    await db.drop();
  });

  it('creates one contact per channel identity, even when the same new number arrives many times at once', async () => {
    const identity = { channel: 'sms' as const, id: '+447700900001' };
    const all = await Promise.all(Array.from({ length: 20 }, () => contacts.findOrCreateByIdentity(identity, { preferredLanguage: 'pl' })));
    expect(new Set(all.map((c) => c.id)).size).toBe(1);
    expect(all[0]).toMatchObject({ phone: '+447700900001', preferredLanguage: 'pl', identities: [identity], restrictions: [], smsOptedOut: false });
    expect(await db.models.Contact.countDocuments({ phone: '+447700900001' })).toBe(1);
    expect((await contacts.findByPhone('+447700900001'))?.id).toBe(all[0].id);
  });

  it('refuses a phone identity that is not E.164', async () => {
    await expect(contacts.findOrCreateByIdentity({ channel: 'sms', id: '07700 900001' })).rejects.toThrow(/E\.164/);
  });

  it('links a verified webchat user to the SMS contact and finds it from either identity', async () => {
    const sms = await contacts.findOrCreateByIdentity({ channel: 'sms', id: '+447700900002' });
    const web = await contacts.findOrCreateByIdentity({ channel: 'webchat', id: 'dl_user_abc' });
    expect(web.id).not.toBe(sms.id);
    const linked = await contacts.linkIdentity(sms.id, { channel: 'webchat', id: 'dl_user_abc' });
    expect(linked.identities).toEqual([
      { channel: 'sms', id: '+447700900002' },
      { channel: 'webchat', id: 'dl_user_abc' },
    ]);
    expect((await contacts.findByIdentity({ channel: 'webchat', id: 'dl_user_abc' }))?.id).toBe(sms.id);
    expect((await contacts.get(web.id))?.identities).toEqual([]);
  });

  it('updates preferences and a representative with consent', async () => {
    const c = await contacts.findOrCreateByIdentity({ channel: 'webchat', id: 'dl_user_rep' });
    const updated = await contacts.update(c.id, { preferredLanguage: 'cy', reasonableAdjustments: 'Large print', representative: { name: 'Jo Advocate', relationship: 'advocate', consent: true } });
    expect(updated).toMatchObject({ preferredLanguage: 'cy', reasonableAdjustments: 'Large print', representative: { name: 'Jo Advocate', consent: true } });
    await expect(contacts.update(c.id, { phone: '123' })).rejects.toThrow(CaseRuleError);
  });

  it('adds a restriction with reason and review date, shows it as active, and lifts it', async () => {
    const c = await contacts.findOrCreateByIdentity({ channel: 'sms', id: '+447700900003' });
    const startsAt = new Date('2026-06-01T09:00:00Z');
    await expect(
      contacts.addRestriction(c.id, { kind: 'contact_limit', reason: 'Abusive messages', decidedBy: 'Housing manager', reviewBy: new Date('2026-09-01T09:00:00Z'), startsAt }),
    ).rejects.toThrow(/maxMessagesPerDay/);
    const restricted = await contacts.addRestriction(c.id, {
      kind: 'contact_limit',
      reason: 'Abusive messages',
      maxMessagesPerDay: 3,
      decidedBy: 'Housing manager',
      reviewBy: new Date('2026-09-01T09:00:00Z'),
      startsAt,
    });
    expect(contacts.activeRestrictions(restricted, new Date('2026-06-02T09:00:00Z'))).toHaveLength(1);
    const lifted = await contacts.liftRestriction(c.id, restricted.restrictions[0].id, 'Reviewed: behaviour improved', 'Housing manager');
    expect(contacts.activeRestrictions(lifted, new Date('2026-06-03T09:00:00Z'))).toHaveLength(0);
    expect(lifted.restrictions[0]).toMatchObject({ liftedReason: 'Reviewed: behaviour improved' });
  });

  it('creates the contact for an identity claimed by an instance that died before creating it', async () => {
    await db.models.ContactIdentity.create({ _id: 'sms:+447700900009', contactId: 'orphan-contact', createdAt: new Date() });
    const c = await contacts.findOrCreateByIdentity({ channel: 'sms', id: '+447700900009' });
    expect(c).toMatchObject({ id: 'orphan-contact', phone: '+447700900009', identities: [{ channel: 'sms', id: '+447700900009' }] });
  });
  describe('restrictions and identity linking in either order', () => {
    const review = () => new Date(Date.now() + 90 * 24 * 3600 * 1000);
    const singleChannel = { kind: 'single_channel' as const, allowedChannel: 'sms' as const, reason: 'Repeated abusive messages on web chat', decidedBy: 'Housing manager' };

    it('restricts a contact after a webchat identity was linked to it, and the contact that lost the identity too', async () => {
      const sms = await contacts.findOrCreateByIdentity({ channel: 'sms', id: '+447700900021' });
      const web = await contacts.findOrCreateByIdentity({ channel: 'webchat', id: 'dl_user_link_then_restrict' });
      await contacts.linkIdentity(sms.id, { channel: 'webchat', id: 'dl_user_link_then_restrict' });
      const restricted = await contacts.addRestriction(sms.id, { ...singleChannel, reviewBy: review() });
      expect(restricted.restrictions).toHaveLength(1);
      expect(contacts.activeRestrictions(restricted)).toHaveLength(1);
      const found = await contacts.findByIdentity({ channel: 'webchat', id: 'dl_user_link_then_restrict' });
      expect(found?.restrictions.map((r) => r.kind)).toEqual(['single_channel']);
      const emptied = await contacts.addRestriction(web.id, { ...singleChannel, reviewBy: review() });
      expect(emptied.identities).toEqual([]);
      expect(emptied.restrictions).toHaveLength(1);
    });

    it('keeps a restriction when an identity is linked afterwards', async () => {
      const sms = await contacts.findOrCreateByIdentity({ channel: 'sms', id: '+447700900022' });
      const restricted = await contacts.addRestriction(sms.id, { ...singleChannel, reviewBy: review() });
      const linked = await contacts.linkIdentity(sms.id, { channel: 'webchat', id: 'dl_user_restrict_then_link' });
      expect(linked.restrictions.map((r) => r.id)).toEqual([restricted.restrictions[0].id]);
      expect((await contacts.findByIdentity({ channel: 'webchat', id: 'dl_user_restrict_then_link' }))?.restrictions).toHaveLength(1);
    });

    it('restricts and links a stored contact written without the restrictions and identities arrays', async () => {
      const at = new Date('2026-01-05T10:00:00Z');
      await db.connection.collection('contacts').insertOne({ _id: 'legacy-contact' as never, preferredLanguage: 'en', smsOptedOut: false, createdAt: at, updatedAt: at, rev: 0 });
      const linked = await contacts.linkIdentity('legacy-contact', { channel: 'webchat', id: 'dl_user_legacy' });
      expect(linked).toMatchObject({ identities: [{ channel: 'webchat', id: 'dl_user_legacy' }], restrictions: [] });
      const restricted = await contacts.addRestriction('legacy-contact', { ...singleChannel, reviewBy: review() });
      expect(restricted.restrictions).toHaveLength(1);
      const stored = await db.models.Contact.findById('legacy-contact').lean();
      expect(stored?.restrictions).toHaveLength(1);
    });
  });
});

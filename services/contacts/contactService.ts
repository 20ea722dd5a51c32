// ContactService over models/contact.ts. Identities are claimed through contact_identities
// (_id "channel:id"), so two instances seeing the same new phone at once end with one contact.
// Every contact update is a revision claimed by a unique insert in contact_revisions
// (services/cases/revisions.ts), because FerretDB v1's guarded updates are not atomic.
import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import type { ContactDoc, ContactIdentityDoc } from '../../models/contact';
import type { RevisionDoc } from '../../models/caseEvent';
import { commitRevision, isDuplicateKey, rollForward } from '../cases/revisions';
import { identityKey } from '../../models/contact';
import { rawCollection } from '../../models/rawCollection';
import { CaseRuleError } from '../cases/types';
import type { ChannelIdentity, ContactRecord, ContactService, Restriction } from './types';

export interface ContactModels {
  Contact: Model<ContactDoc>;
  ContactIdentity: Model<ContactIdentityDoc>;
  ContactRevision: Model<RevisionDoc>;
}

export interface ContactServiceOptions {
  models: ContactModels;
  clock?: () => Date;
}

const E164 = /^\+[1-9]\d{6,14}$/;
const CHANNELS = new Set(['sms', 'webchat', 'teams', 'phone', 'email', 'letter', 'in_person']);
const RESTRICTION_KINDS = new Set(['contact_limit', 'single_channel', 'single_officer', 'no_further_complaints_same_matter']);
const MAX_ATTEMPTS = 5;

export function isE164(value: string): boolean {
  return E164.test(value);
}

function validateIdentity(identity: ChannelIdentity): void {
  if (!identity || !CHANNELS.has(identity.channel)) throw new CaseRuleError('invalid_input', `unknown channel ${JSON.stringify(identity?.channel)}`);
  if (typeof identity.id !== 'string' || identity.id.trim() === '' || identity.id.length > 200) {
    throw new CaseRuleError('invalid_input', 'a channel identity needs a non-empty id (at most 200 characters)');
  }
  if ((identity.channel === 'sms' || identity.channel === 'phone') && !isE164(identity.id)) {
    throw new CaseRuleError('invalid_input', 'an SMS or phone identity must be an E.164 number such as +447700900123');
  }
}

function toRecord(doc: ContactDoc): ContactRecord {
  return {
    id: doc._id,
    identities: (doc.identities ?? []).map((i) => ({ channel: i.channel as ChannelIdentity['channel'], id: i.id })),
    phone: doc.phone,
    email: doc.email,
    name: doc.name,
    preferredLanguage: doc.preferredLanguage,
    reasonableAdjustments: doc.reasonableAdjustments,
    representative: doc.representative ? { ...doc.representative } : undefined,
    restrictions: (doc.restrictions ?? []).map((r) => ({ ...r }) as Restriction),
    smsOptedOut: doc.smsOptedOut,
    createdAt: doc.createdAt,
  };
}

/** Empty arrays may be left out of stored documents; the service always sees them. */
function normalise(doc: ContactDoc): ContactDoc {
  return { ...doc, identities: doc.identities ?? [], restrictions: doc.restrictions ?? [] };
}

// One tenant message looks its contact up more than once (the inbound guard, then the bot); a
// lookup made within this long reuses the last read instead of three more _id reads. Writes
// through this service forget it at once; another instance's write shows within this time.
const RECENT_READ_MS = 1000;
const MAX_RECENT = 5000;

export function createContactService(options: ContactServiceOptions): ContactService {
  const { Contact, ContactIdentity, ContactRevision } = options.models;
  const clock = options.clock ?? (() => new Date());
  const recentDocs = new Map<string, { at: number; doc: ContactDoc }>();
  const recentClaims = new Map<string, { at: number; contactId: string }>();

  function fresh<T extends { at: number }>(map: Map<string, T>, key: string): T | undefined {
    const hit = map.get(key);
    return hit && Date.now() - hit.at < RECENT_READ_MS ? hit : undefined;
  }

  function note<T>(map: Map<string, T>, key: string, value: T): void {
    if (map.size >= MAX_RECENT) map.clear();
    map.set(key, value);
  }

  function forget(): void {
    recentDocs.clear();
    recentClaims.clear();
  }

  async function contactIdFor(key: string): Promise<string | undefined> {
    const hit = fresh(recentClaims, key);
    if (hit) return hit.contactId;
    const claim = await rawCollection(ContactIdentity).findOne({ _id: key });
    if (claim) note(recentClaims, key, { at: Date.now(), contactId: claim.contactId });
    return claim?.contactId;
  }

  async function load(id: string): Promise<ContactDoc> {
    const doc = await Contact.findById(id).lean<ContactDoc>();
    if (!doc) throw new CaseRuleError('not_found', `no contact ${id}`);
    return normalise(await rollForward(Contact, ContactRevision, doc));
  }

  async function find(id: string): Promise<ContactDoc | null> {
    const hit = fresh(recentDocs, id);
    if (hit) return hit.doc;
    const doc = await rawCollection(Contact).findOne({ _id: id });
    if (!doc) return null;
    const current = normalise(await rollForward(Contact, ContactRevision, doc));
    note(recentDocs, id, { at: Date.now(), doc: current });
    return current;
  }

  /** Applies `change` to the latest revision; on a concurrent write re-reads and re-checks. */
  async function mutate(id: string, change: (doc: ContactDoc) => Partial<ContactDoc>): Promise<ContactRecord> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const doc = await load(id);
      const next: ContactDoc = { ...doc, ...change(doc), updatedAt: clock(), rev: doc.rev + 1 };
      forget();
      if (await commitRevision(Contact, ContactRevision, doc, next)) {
        forget();
        return toRecord(next);
      }
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 10)));
    }
    throw new Error(`contact ${id} kept changing; gave up after ${MAX_ATTEMPTS} attempts`);
  }

  /** Makes sure the contact document exists (heals a claim written by an instance that died before creating it). */
  async function ensureContact(contactId: string, identity: ChannelIdentity, defaults: { preferredLanguage?: string; phone?: string }): Promise<ContactDoc> {
    const now = clock();
    const phone = defaults.phone ?? (identity.channel === 'sms' ? identity.id : undefined);
    try {
      const doc = await Contact.findOneAndUpdate(
        { _id: contactId },
        {
          $setOnInsert: {
            _id: contactId,
            identities: [{ channel: identity.channel, id: identity.id }],
            ...(phone ? { phone } : {}),
            preferredLanguage: defaults.preferredLanguage ?? 'en',
            restrictions: [],
            smsOptedOut: false,
            createdAt: now,
            updatedAt: now,
            rev: 0,
          },
        },
        { upsert: true, new: true },
      ).lean<ContactDoc>();
      if (doc) return doc;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    return load(contactId);
  }

  async function findByIdentity(identity: ChannelIdentity): Promise<ContactRecord | null> {
    validateIdentity(identity);
    const contactId = await contactIdFor(identityKey(identity));
    if (!contactId) return null;
    const doc = await find(contactId);
    return doc ? toRecord(doc) : null;
  }

  return {
    async findOrCreateByIdentity(identity, defaults = {}) {
      validateIdentity(identity);
      if (defaults.phone !== undefined && !isE164(defaults.phone)) throw new CaseRuleError('invalid_input', 'phone must be an E.164 number such as +447700900123');
      const key = identityKey(identity);
      let contactId: string;
      const existing = await contactIdFor(key);
      if (existing) {
        // Nearly always there already: read it (_id reads) rather than write an upsert every turn.
        const found = await find(existing);
        if (found) return toRecord(found);
        contactId = existing;
      } else {
        const candidate = randomUUID();
        try {
          await ContactIdentity.create({ _id: key, contactId: candidate, createdAt: clock() });
          contactId = candidate;
        } catch (err) {
          if (!isDuplicateKey(err)) throw err;
          const winner = await ContactIdentity.findById(key).lean<ContactIdentityDoc>();
          if (!winner) throw err;
          contactId = winner.contactId;
        }
      }
      forget();
      return toRecord(await rollForward(Contact, ContactRevision, await ensureContact(contactId, identity, defaults)));
    },

    async get(id) {
      const doc = await find(id);
      return doc ? toRecord(doc) : null;
    },

    findByIdentity,

    async findByPhone(e164) {
      if (!isE164(e164)) throw new CaseRuleError('invalid_input', 'phone must be an E.164 number such as +447700900123');
      const bySms = await findByIdentity({ channel: 'sms', id: e164 });
      if (bySms) return bySms;
      const doc = await Contact.findOne({ phone: e164 }).sort({ createdAt: 1 }).lean<ContactDoc>();
      return doc ? toRecord(await rollForward(Contact, ContactRevision, doc)) : null;
    },

    async update(id, patch) {
      if (patch.phone !== undefined && !isE164(patch.phone)) throw new CaseRuleError('invalid_input', 'phone must be an E.164 number such as +447700900123');
      if (patch.preferredLanguage !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(patch.preferredLanguage)) {
        throw new CaseRuleError('invalid_input', 'preferredLanguage must be a language tag such as "en" or "pl"');
      }
      if (patch.representative && typeof patch.representative.consent !== 'boolean') {
        throw new CaseRuleError('invalid_input', 'a representative needs an explicit consent true/false');
      }
      const allowed = ['phone', 'email', 'name', 'preferredLanguage', 'reasonableAdjustments', 'representative', 'smsOptedOut'] as const;
      const changes: Record<string, unknown> = {};
      for (const k of allowed) if (patch[k] !== undefined) changes[k] = patch[k];
      return mutate(id, () => changes as Partial<ContactDoc>);
    },

    async linkIdentity(id, identity) {
      validateIdentity(identity);
      forget();
      await load(id);
      const key = identityKey(identity);
      try {
        await ContactIdentity.create({ _id: key, contactId: id, createdAt: clock() });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        const claim = await ContactIdentity.findById(key).lean<ContactIdentityDoc>();
        if (claim && claim.contactId !== id) {
          // Verified ownership wins: the identity moves to this contact. Cases opened under the
          // other contact keep its id; the caller decides whether to show them after verification.
          await ContactIdentity.updateOne({ _id: key, contactId: claim.contactId }, { $set: { contactId: id } });
          await mutate(claim.contactId, (doc) => ({ identities: doc.identities.filter((i) => identityKey(i) !== key) })).catch((e: unknown) => {
            if (!(e instanceof CaseRuleError && e.code === 'not_found')) throw e;
          });
        }
      }
      return mutate(id, (doc) =>
        doc.identities.some((i) => identityKey(i) === key) ? {} : { identities: [...doc.identities, { channel: identity.channel, id: identity.id }] },
      );
    },

    async addRestriction(id, input) {
      if (!RESTRICTION_KINDS.has(input.kind)) throw new CaseRuleError('invalid_input', `unknown restriction kind ${JSON.stringify(input.kind)}`);
      if (!input.reason?.trim()) throw new CaseRuleError('invalid_input', 'a restriction needs the reason the tenant will be told');
      if (!input.decidedBy?.trim()) throw new CaseRuleError('invalid_input', 'a restriction must name the manager who decided it');
      const startsAt = input.startsAt ?? clock();
      if (!(input.reviewBy instanceof Date) || Number.isNaN(input.reviewBy.getTime()) || input.reviewBy <= startsAt) {
        throw new CaseRuleError('invalid_input', 'a restriction needs a review date after it starts');
      }
      if (input.kind === 'contact_limit' && !(Number.isInteger(input.maxMessagesPerDay) && (input.maxMessagesPerDay ?? 0) > 0)) {
        throw new CaseRuleError('invalid_input', 'a contact limit needs maxMessagesPerDay (a whole number above 0)');
      }
      if (input.kind === 'single_channel' && !input.allowedChannel) throw new CaseRuleError('invalid_input', 'a single-channel restriction needs allowedChannel');
      const restriction: Restriction = { ...input, id: randomUUID(), startsAt };
      return mutate(id, (doc) => ({ restrictions: [...doc.restrictions, restriction] }));
    },

    async liftRestriction(id, restrictionId, reason, by) {
      if (!reason?.trim() || !by?.trim()) throw new CaseRuleError('invalid_input', 'lifting a restriction needs a reason and who lifted it');
      return mutate(id, (doc) => {
        const found = doc.restrictions.find((r) => r.id === restrictionId);
        if (!found) throw new CaseRuleError('not_found', `no restriction ${restrictionId} on this contact`);
        if (found.liftedAt) throw new CaseRuleError('invalid_transition', 'this restriction has already been lifted');
        const now = clock();
        return { restrictions: doc.restrictions.map((r) => (r.id === restrictionId ? { ...r, liftedAt: now, liftedReason: reason, liftedBy: by } : r)) };
      });
    },

    activeRestrictions(contact, now = clock()) {
      return contact.restrictions.filter((r) => !r.liftedAt && r.startsAt <= now);
    },
  };
}

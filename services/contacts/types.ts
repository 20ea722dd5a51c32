// The contact (tenant/representative) contract. A contact has one or more channel identities;
// the same person on SMS and webchat is linked once verified. Implemented in
// services/contacts/contactService.ts over models/contact.ts.
import type { TenantChannel } from '../notifications/tenantMessenger';

export interface ChannelIdentity {
  channel: TenantChannel;
  /** E.164 phone for sms, Direct Line user id for webchat, AAD object id for teams. */
  id: string;
}

export interface Restriction {
  id: string;
  kind: 'contact_limit' | 'single_channel' | 'single_officer' | 'no_further_complaints_same_matter';
  reason: string;
  detail?: string;
  /** Per-day inbound message cap when kind = contact_limit. */
  maxMessagesPerDay?: number;
  allowedChannel?: TenantChannel;
  decidedBy: string;
  startsAt: Date;
  reviewBy: Date;
  liftedAt?: Date;
  liftedReason?: string;
}

export interface ContactRecord {
  id: string;
  identities: ChannelIdentity[];
  /** E.164 phone on record (for one-time codes and SMS); may differ from the channel identity. */
  phone?: string;
  email?: string;
  name?: string;
  preferredLanguage: string;
  reasonableAdjustments?: string;
  representative?: { name: string; relationship?: string; consent: boolean };
  restrictions: Restriction[];
  smsOptedOut: boolean;
  createdAt: Date;
}

export interface ContactService {
  findOrCreateByIdentity(identity: ChannelIdentity, defaults?: { preferredLanguage?: string; phone?: string }): Promise<ContactRecord>;
  get(id: string): Promise<ContactRecord | null>;
  findByIdentity(identity: ChannelIdentity): Promise<ContactRecord | null>;
  findByPhone(e164: string): Promise<ContactRecord | null>;
  update(id: string, patch: Partial<Pick<ContactRecord, 'phone' | 'email' | 'name' | 'preferredLanguage' | 'reasonableAdjustments' | 'representative' | 'smsOptedOut'>>): Promise<ContactRecord>;
  /** Links another channel identity to an existing contact (after verification). */
  linkIdentity(id: string, identity: ChannelIdentity): Promise<ContactRecord>;
  addRestriction(id: string, restriction: Omit<Restriction, 'id' | 'startsAt'> & { startsAt?: Date }): Promise<ContactRecord>;
  liftRestriction(id: string, restrictionId: string, reason: string, by: string): Promise<ContactRecord>;
  /** Restrictions in force now (not lifted). */
  activeRestrictions(contact: ContactRecord, now?: Date): Restriction[];
}

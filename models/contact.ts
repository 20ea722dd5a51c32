// Tenants and others who complain (leaseholders, representatives …). A contact has one or more
// channel identities; each identity is also a row in contact_identities whose _id is
// "channel:id", so one identity can never belong to two contacts (a plain _id is unique on every
// MongoDB-wire server, where a unique index over an array is not).
import { Connection, Model, Schema } from 'mongoose';

export interface ChannelIdentityDoc {
  channel: string;
  id: string;
}

export interface RestrictionDoc {
  id: string;
  kind: string;
  reason: string;
  detail?: string;
  maxMessagesPerDay?: number;
  allowedChannel?: string;
  decidedBy: string;
  startsAt: Date;
  reviewBy: Date;
  liftedAt?: Date;
  liftedReason?: string;
  liftedBy?: string;
}

export interface ContactDoc {
  _id: string;
  identities: ChannelIdentityDoc[];
  phone?: string;
  email?: string;
  name?: string;
  preferredLanguage: string;
  reasonableAdjustments?: string;
  representative?: { name: string; relationship?: string; consent: boolean };
  restrictions: RestrictionDoc[];
  smsOptedOut: boolean;
  createdAt: Date;
  updatedAt: Date;
  /** Optimistic-concurrency revision: every update matches on it and increments it. */
  rev: number;
}

export interface ContactIdentityDoc {
  /** "channel:id", e.g. "sms:+447700900123". */
  _id: string;
  contactId: string;
  createdAt: Date;
}

const identitySchema = new Schema<ChannelIdentityDoc>({ channel: { type: String, required: true }, id: { type: String, required: true } }, { _id: false });

const restrictionSchema = new Schema<RestrictionDoc>(
  {
    id: { type: String, required: true },
    kind: { type: String, required: true },
    reason: { type: String, required: true },
    detail: String,
    maxMessagesPerDay: Number,
    allowedChannel: String,
    decidedBy: { type: String, required: true },
    startsAt: { type: Date, required: true },
    reviewBy: { type: Date, required: true },
    liftedAt: Date,
    liftedReason: String,
    liftedBy: String,
  },
  { _id: false },
);

const contactSchema = new Schema<ContactDoc>(
  {
    _id: { type: String, required: true },
    identities: { type: [identitySchema], default: [] },
    phone: { type: String, index: true },
    email: String,
    name: String,
    preferredLanguage: { type: String, required: true },
    reasonableAdjustments: String,
    representative: { type: new Schema({ name: String, relationship: String, consent: Boolean }, { _id: false }), default: undefined },
    restrictions: { type: [restrictionSchema], default: [] },
    smsOptedOut: { type: Boolean, required: true, default: false },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    rev: { type: Number, required: true, default: 0 },
  },
  { versionKey: false, minimize: false },
);
contactSchema.index({ 'identities.channel': 1, 'identities.id': 1 });

const contactIdentitySchema = new Schema<ContactIdentityDoc>(
  { _id: { type: String, required: true }, contactId: { type: String, required: true, index: true }, createdAt: { type: Date, required: true } },
  { versionKey: false },
);

export function contactModel(connection: Connection): Model<ContactDoc> {
  return connection.model<ContactDoc>('Contact', contactSchema, 'contacts');
}

export function contactIdentityModel(connection: Connection): Model<ContactIdentityDoc> {
  return connection.model<ContactIdentityDoc>('ContactIdentity', contactIdentitySchema, 'contact_identities');
}

export function identityKey(identity: ChannelIdentityDoc): string {
  return `${identity.channel}:${identity.id}`;
}

// Which collections hold a tenant's personal data, how to find a tenant's documents in each, and
// what erasure does there. Owners of a new collection with personal data call
// registerPersonalDataCollection() next to their model, so export and erasure never miss it.
import type { Document } from 'mongodb';

/** The kinds of key that identify one tenant's data. */
export type SubjectKeyKind = 'phone' | 'contactId' | 'identityId' | 'caseId' | 'caseReference' | 'conversationId' | 'codeId';

export type EraseRule =
  | { mode: 'delete' }
  /** Replace the document with what anonymise returns (same _id): keep statistics, drop the person. */
  | { mode: 'anonymise'; anonymise: (doc: Document) => Document }
  /** Kept on purpose, with the reason shown in the erase report (e.g. an SMS opt-out must be honoured). */
  | { mode: 'keep'; reason: string };

export interface PersonalDataCollection {
  collection: string;
  description: string;
  /** A document belongs to the tenant when one of these fields equals one of the subject's keys of that kind. */
  match?: { field: string; key: SubjectKeyKind }[];
  /** A document belongs to the tenant when this string field contains one of these kinds of key (e.g. bot state keys). */
  contains?: { field: string; keys: SubjectKeyKind[] };
  /** For free-form documents (job data): the whole document's JSON mentions one of these kinds of key. Scans the collection. */
  mentions?: SubjectKeyKind[];
  /** Keys these documents add to the subject, followed until nothing new is found. */
  yields?: { field: string; key: SubjectKeyKind }[];
  erase: EraseRule;
}

const ERASED = '[erased]';

/** Keeps what the monthly figures need (stage, dates, category, outcome, compensation) and nothing that identifies the tenant. */
export function anonymiseCase(doc: Document): Document {
  const keep = [
    '_id', 'reference', 'packId', 'stage', 'status', 'channel', 'language', 'category', 'flags', 'feedbackKind',
    'receivedAt', 'acknowledgedAt', 'deadlines', 'stageDeadlines', 'stageTimes', 'closedAt', 'createdAt', 'handlers',
  ];
  const out: Document = {};
  for (const k of keep) if (doc[k] !== undefined) out[k] = doc[k];
  out.contactId = ERASED;
  out.summary = ERASED;
  out.evidence = [];
  out.relatedReferences = [];
  out.extensions = asArray(doc.extensions).map((e) => ({ ...pick(e, ['stage', 'previousRespondBy', 'newRespondBy', 'at', 'by', 'exceptional', 'tenantAgreed']), reason: ERASED }));
  out.responses = asArray(doc.responses).map((r) => ({ ...pick(r, ['stage', 'decision', 'compensationPence', 'rootCause', 'at', 'by']), reasons: ERASED }));
  out.history = asArray(doc.history).map((h) => ({
    ...pick(h, ['at', 'action', 'fromStage', 'toStage', 'fromStatus', 'toStatus']),
    actor: { kind: (h.actor as Document | undefined)?.kind, channel: (h.actor as Document | undefined)?.channel, id: ERASED },
  }));
  if (doc.satisfaction && typeof doc.satisfaction === 'object') out.satisfaction = pick(doc.satisfaction as Document, ['score', 'at']);
  out.updatedAt = new Date();
  out.erasedAt = new Date();
  // A write racing the erasure is guarded on rev by the case service: moving rev on makes it fail.
  out.rev = (typeof doc.rev === 'number' ? doc.rev : 0) + 1;
  return out;
}

function asArray(v: unknown): Document[] {
  return Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Document[]) : [];
}

function pick(doc: Document, keys: string[]): Document {
  const out: Document = {};
  for (const k of keys) if (doc[k] !== undefined) out[k] = doc[k];
  return out;
}

/** The product's own collections (see models/). */
export const BUILT_IN_COLLECTIONS: PersonalDataCollection[] = [
  {
    collection: 'contacts',
    description: 'Contact record: channels, phone, e-mail, name, language, adjustments, representative, restrictions',
    match: [
      { field: 'phone', key: 'phone' },
      { field: 'identities.id', key: 'phone' },
      { field: 'identities.id', key: 'identityId' },
      { field: '_id', key: 'contactId' },
    ],
    yields: [
      { field: '_id', key: 'contactId' },
      { field: 'identities.id', key: 'identityId' },
      { field: 'phone', key: 'phone' },
    ],
    erase: { mode: 'delete' },
  },
  {
    collection: 'contact_identities',
    description: 'Channel identities linked to the contact',
    match: [{ field: 'contactId', key: 'contactId' }],
    erase: { mode: 'delete' },
  },
  {
    collection: 'contact_revisions',
    description: 'Earlier versions of the contact record',
    match: [{ field: 'docId', key: 'contactId' }],
    erase: { mode: 'delete' },
  },
  {
    collection: 'cases',
    description: 'Cases with their history, deadlines, responses and evidence',
    match: [{ field: 'contactId', key: 'contactId' }, { field: '_id', key: 'caseId' }],
    yields: [
      { field: '_id', key: 'caseId' },
      { field: 'reference', key: 'caseReference' },
      { field: 'address.id', key: 'identityId' },
      { field: 'address.conversation.id', key: 'conversationId' },
    ],
    erase: { mode: 'anonymise', anonymise: anonymiseCase },
  },
  {
    collection: 'case_events',
    description: 'Earlier versions of the cases (audit snapshots)',
    match: [{ field: 'docId', key: 'caseId' }],
    erase: { mode: 'delete' },
  },
  {
    collection: 'directline_conversations',
    description: 'Webchat conversations',
    match: [{ field: 'userId', key: 'identityId' }, { field: '_id', key: 'conversationId' }],
    yields: [{ field: '_id', key: 'conversationId' }],
    erase: { mode: 'delete' },
  },
  {
    collection: 'directline_activities',
    description: 'Webchat transcripts (every message both ways)',
    match: [{ field: 'conversationId', key: 'conversationId' }],
    erase: { mode: 'delete' },
  },
  {
    collection: 'directline_client_activities',
    description: 'Webchat retried-message keys (ids only)',
    match: [{ field: 'conversationId', key: 'conversationId' }],
    erase: { mode: 'delete' },
  },
  {
    collection: 'directline_pending',
    description: 'Webchat messages waiting for an answer (ids only)',
    match: [{ field: 'conversationId', key: 'conversationId' }],
    erase: { mode: 'delete' },
  },
  {
    collection: 'directline_attachments',
    description: 'Photos and files sent in webchat',
    match: [{ field: 'conversationId', key: 'conversationId' }, { field: 'userId', key: 'identityId' }],
    erase: { mode: 'delete' },
  },
  {
    collection: 'sms_inbound',
    description: 'Text messages received from the tenant',
    match: [{ field: 'from', key: 'phone' }],
    erase: { mode: 'delete' },
  },
  {
    // A message lives here only while it is being handled (seconds), then moves to sms_inbound.
    collection: 'sms_inflight',
    description: 'Text messages from the tenant being handled right now',
    match: [{ field: 'from', key: 'phone' }],
    erase: { mode: 'delete' },
  },
  {
    collection: 'outbox_messages',
    description: 'Text messages sent or waiting to be sent to the tenant',
    match: [{ field: 'to', key: 'phone' }],
    erase: { mode: 'delete' },
  },
  {
    collection: 'sms_opt_outs',
    description: 'SMS opt-out (STOP) state',
    match: [{ field: '_id', key: 'phone' }],
    erase: { mode: 'keep', reason: 'an SMS opt-out must keep being honoured (suppression list)' },
  },
  {
    collection: 'one_time_codes',
    description: 'Verification codes sent to the tenant (hashed)',
    match: [{ field: 'requester', key: 'phone' }, { field: 'requester', key: 'contactId' }, { field: 'requester', key: 'identityId' }],
    yields: [{ field: '_id', key: 'codeId' }],
    erase: { mode: 'delete' },
  },
  {
    collection: 'one_time_code_attempts',
    description: 'Attempts at entering a verification code',
    match: [{ field: 'codeId', key: 'codeId' }],
    erase: { mode: 'delete' },
  },
  {
    collection: 'bot_state',
    description: 'Conversation state of the bot (where each dialog had got to)',
    contains: { field: 'key', keys: ['phone', 'identityId', 'conversationId'] },
    erase: { mode: 'delete' },
  },
  {
    collection: 'handoffs',
    description: 'Live conversations handed to staff',
    match: [{ field: 'tenant.id', key: 'identityId' }, { field: 'tenant.id', key: 'phone' }, { field: 'caseReference', key: 'caseReference' }],
    erase: { mode: 'delete' },
  },
  {
    collection: 'jobs',
    description: 'Scheduled reminders, follow-ups and surveys about the tenant or their cases',
    mentions: ['phone', 'contactId', 'caseId', 'caseReference', 'identityId', 'conversationId'],
    erase: { mode: 'delete' },
  },
];

const registered: PersonalDataCollection[] = [];

/**
 * Adds a collection to export and erasure. Call it where the model is defined (once per process);
 * registering the same collection again replaces the earlier entry.
 */
export function registerPersonalDataCollection(entry: PersonalDataCollection): void {
  const i = registered.findIndex((e) => e.collection === entry.collection);
  if (i >= 0) registered.splice(i, 1, entry);
  else registered.push(entry);
}

/** Built-in collections, with registered entries replacing or adding to them. */
export function personalDataCollections(): PersonalDataCollection[] {
  const names = new Set(registered.map((e) => e.collection));
  return [...BUILT_IN_COLLECTIONS.filter((e) => !names.has(e.collection)), ...registered];
}

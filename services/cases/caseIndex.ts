// `_id`-keyed ways to a case for the tenant's hot path (FerretDB v1 decodes the whole collection
// for any query but `_id` equality, see CONTRIBUTING). Both live in sequence_claims
// (models/counter.ts), whose unique inserts are atomic on FerretDB v1:
// - by reference: the claim of reference number N (`case-reference-YYYY#N`) names the case id;
// - by contact: `contact-cases:<contactId>#1, #2, …` name that contact's cases, in order.
// Cases opened before these claims named their case are found by the field query, as before;
// the contact lists are built once per database by buildContactCaseIndex (at start-up).
import type { Model } from 'mongoose';
import type { CaseDoc } from '../../models/case';
import { CounterDoc, findClaim, nextSequence } from '../../models/counter';

const REFERENCE = /^([A-Z]{2,5})-(\d{4})-(\d{3,})$/;
const INDEX_READY = 'contact-case-index-built';

export function referenceSequence(year: string): string {
  return `case-reference-${year}`;
}

function contactSequence(contactId: string): string {
  return `contact-cases:${contactId}`;
}

/**
 * The case id a reference was given to, or undefined when only the field query can tell: no claim
 * (never handed out, or a case imported without one), a claim from before claims named their
 * case, or a reference in another format.
 */
export async function caseIdForReference(counters: Model<CounterDoc>, reference: string): Promise<string | undefined> {
  const match = REFERENCE.exec(reference);
  if (!match) return undefined;
  const claim = await findClaim(counters, referenceSequence(match[2]), Number.parseInt(match[3], 10));
  return claim?.ref;
}

/** Adds a case to its contact's list (call before the case is written: a missing case is skipped on read). */
export async function addToContactIndex(counters: Model<CounterDoc>, contactId: string, caseId: string): Promise<void> {
  await nextSequence(counters, contactSequence(contactId), caseId);
}

const ready = new WeakMap<Model<CounterDoc>, boolean>();

/**
 * The ids of a contact's cases, oldest first, read by `_id` (#1, #2, … until one is missing), or
 * undefined while this database's contact lists have not been built (use the field query then).
 */
export async function caseIdsForContact(counters: Model<CounterDoc>, contactId: string): Promise<string[] | undefined> {
  if (!ready.get(counters)) {
    if (!(await findClaim(counters, INDEX_READY, 1))) return undefined;
    ready.set(counters, true);
  }
  return readContactList(counters, contactId);
}

/**
 * Builds the per-contact lists from the cases already stored, once per database (one scan, at
 * start-up, off the request path); then marks them built. Cases opened meanwhile add themselves,
 * and a case listed twice is listed once on read, so racing instances do no harm.
 */
export async function buildContactCaseIndex(models: { Case: Model<CaseDoc>; Counter: Model<CounterDoc> }): Promise<void> {
  if (await findClaim(models.Counter, INDEX_READY, 1)) {
    ready.set(models.Counter, true);
    return;
  }
  const cases = await models.Case.find({}, { _id: 1, contactId: 1, receivedAt: 1 }).sort({ receivedAt: 1 }).lean<Pick<CaseDoc, '_id' | 'contactId'>[]>();
  for (const c of cases) {
    const listed = await readContactList(models.Counter, c.contactId);
    if (!listed.includes(c._id)) await addToContactIndex(models.Counter, c.contactId, c._id);
  }
  try {
    await models.Counter.create({ _id: `${INDEX_READY}#1`, name: INDEX_READY, seq: 1, at: new Date() });
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
  }
  ready.set(models.Counter, true);
}

async function readContactList(counters: Model<CounterDoc>, contactId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let seq = 1; ; seq++) {
    const claim = await findClaim(counters, contactSequence(contactId), seq);
    if (!claim) return ids;
    if (claim.ref && !ids.includes(claim.ref)) ids.push(claim.ref);
  }
}

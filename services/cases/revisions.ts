// Exactly-once document revisions on a server whose only atomic write is a unique insert.
// A writer reads the document at rev N, computes the whole state N+1, and inserts the log entry
// "<id>#<N+1>". Only one writer can; the others get E11000, re-read and re-check their rules
// against the new state. The winner then copies the state onto the document. Readers roll a
// document forward from the log first, so a crash between the two writes loses nothing, and a
// late or repeated copy never moves a document backwards for long (the next read repairs it).
import type { Model } from 'mongoose';
import type { RevisionDoc } from '../../models/caseEvent';
import { rawCollection } from '../../models/rawCollection';

export interface Revisioned {
  _id: string;
  rev: number;
}

export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;
}

function stateOf<T extends Revisioned>(doc: T): Record<string, unknown> {
  const { _id: _ignored, ...rest } = doc as unknown as Record<string, unknown>;
  void _ignored;
  return rest;
}

async function applyEntry<T extends Revisioned>(docs: Model<T>, entry: RevisionDoc): Promise<void> {
  const update: Record<string, unknown> = { $set: entry.state };
  if (entry.unset.length) update.$unset = Object.fromEntries(entry.unset.map((k) => [k, '']));
  await docs.updateOne({ _id: entry.docId, rev: { $lt: entry.rev } } as never, update as never, { strict: false });
}

/** Brings `doc` up to the latest logged revision (and repairs the stored document if it lagged). */
export async function rollForward<T extends Revisioned>(docs: Model<T>, log: Model<RevisionDoc>, doc: T): Promise<T> {
  let current = doc;
  for (;;) {
    // Driver read: this runs on every contact and case read (see models/rawCollection.ts).
    const entry = await rawCollection(log).findOne({ _id: `${current._id}#${current.rev + 1}` });
    if (!entry) return current;
    await applyEntry(docs, entry);
    const next = { _id: current._id, ...entry.state } as Record<string, unknown>;
    for (const k of entry.unset) delete next[k];
    current = next as unknown as T;
  }
}

/**
 * Commits `next` (which must carry rev = current.rev + 1) if no one else has committed that
 * revision. Returns false when another writer won: re-read, re-check, try again.
 */
export async function commitRevision<T extends Revisioned>(
  docs: Model<T>,
  log: Model<RevisionDoc>,
  current: T,
  next: T,
  event?: Record<string, unknown>,
): Promise<boolean> {
  if (next.rev !== current.rev + 1 || next._id !== current._id) throw new Error('commitRevision: next must be the following revision of the same document');
  const before = stateOf(current);
  const state = stateOf(next);
  const unset = Object.keys(before).filter((k) => state[k] === undefined && before[k] !== undefined);
  for (const k of Object.keys(state)) if (state[k] === undefined) delete state[k];
  const entry: RevisionDoc = { _id: `${current._id}#${next.rev}`, docId: current._id, rev: next.rev, at: new Date(), state, unset, ...(event ? { event } : {}) };
  try {
    await log.create(entry);
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
  await applyEntry(docs, entry);
  return true;
}

/** Writes revision 1 of a new document: the log entry first (the audit trail's first event), then the document. */
export async function createRevisioned<T extends Revisioned>(docs: Model<T>, log: Model<RevisionDoc>, doc: T, event?: Record<string, unknown>): Promise<void> {
  if (doc.rev !== 1) throw new Error('createRevisioned: a new document starts at rev 1');
  const state = stateOf(doc);
  for (const k of Object.keys(state)) if (state[k] === undefined) delete state[k];
  await log.create({ _id: `${doc._id}#1`, docId: doc._id, rev: 1, at: new Date(), state, unset: [], ...(event ? { event } : {}) });
  await docs.create(doc);
}

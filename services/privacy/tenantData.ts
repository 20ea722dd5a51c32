// Subject access export and erasure for one tenant, found by phone number. Works on the raw
// collections (not the mongoose models) so it sees every document whatever its schema version,
// and skips collections that do not exist yet. FerretDB v1 has no transactions: erasure is a
// sequence of single-document writes and deletes that can simply be run again if interrupted.
import type { Connection } from 'mongoose';
import type { Db, Document, Filter } from 'mongodb';
import { personalDataCollections, PersonalDataCollection, SubjectKeyKind } from './registry';

export type SubjectKeys = Record<SubjectKeyKind, string[]>;

export interface TenantDataExport {
  phone: string;
  generatedAt: string;
  keys: SubjectKeys;
  collections: Record<string, { description: string; documents: Document[] }>;
}

export interface EraseReport {
  phone: string;
  erasedAt: string;
  collections: Record<string, { deleted: number; anonymised: number; kept: number; keptReason?: string }>;
}

export class PrivacyInputError extends Error {}

/** E.164 (+447700900123) or a UK number written 07700 900123 / 447700900123. */
export function normalisePhone(input: string): string {
  const compact = input.replace(/[\s().-]/g, '');
  const e164 = /^0\d{10}$/.test(compact) ? `+44${compact.slice(1)}` : /^44\d{10}$/.test(compact) ? `+${compact}` : compact;
  if (!/^\+[1-9]\d{7,14}$/.test(e164)) throw new PrivacyInputError(`not a phone number: "${input}" (use +447700900123 or 07700900123)`);
  return e164;
}

function dbOf(connection: Connection): Db {
  if (!connection.db) throw new Error('database connection is not open');
  return connection.db;
}

function emptyKeys(): SubjectKeys {
  return { phone: [], contactId: [], identityId: [], caseId: [], caseReference: [], conversationId: [], codeId: [] };
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Values at a dotted path, through arrays ("identities.id" on [{id:a},{id:b}] → [a, b]). */
export function valuesAt(doc: unknown, path: string): unknown[] {
  const [head, ...rest] = path.split('.');
  if (doc === null || doc === undefined) return [];
  if (Array.isArray(doc)) return doc.flatMap((d) => valuesAt(d, path));
  if (typeof doc !== 'object') return [];
  const v = (doc as Record<string, unknown>)[head];
  if (rest.length === 0) return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return valuesAt(v, rest.join('.'));
}

function filterFor(entry: PersonalDataCollection, keys: SubjectKeys): Filter<Document> | undefined {
  const or: Filter<Document>[] = [];
  for (const m of entry.match ?? []) {
    const values = keys[m.key];
    if (values.length) or.push({ [m.field]: { $in: values } });
  }
  if (entry.contains) {
    const values = entry.contains.keys.flatMap((k) => keys[k]).filter((v) => v.length >= 6);
    if (values.length) or.push({ [entry.contains.field]: { $regex: values.map(escapeRegex).join('|') } });
  }
  return or.length ? { $or: or } : undefined;
}

async function existingCollections(db: Db): Promise<Set<string>> {
  const list = await db.listCollections({}, { nameOnly: true }).toArray();
  return new Set(list.map((c) => c.name));
}

/** The tenant's documents in one collection, for the keys known so far. */
async function findDocuments(db: Db, entry: PersonalDataCollection, keys: SubjectKeys): Promise<Document[]> {
  const found: Document[] = [];
  const filter = filterFor(entry, keys);
  if (filter) found.push(...(await db.collection(entry.collection).find(filter).toArray()));
  if (entry.mentions) {
    const needles = entry.mentions.flatMap((k) => keys[k]).filter((v) => v.length >= 6);
    if (needles.length) {
      const seen = new Set(found.map((d) => String(d._id)));
      for await (const doc of db.collection(entry.collection).find({})) {
        const json = JSON.stringify(doc);
        if (!seen.has(String(doc._id)) && needles.some((n) => json.includes(n))) found.push(doc);
      }
    }
  }
  return found;
}

/** Follows the links from the phone number (contact → identities → cases → conversations → codes) until nothing new turns up. */
export async function resolveSubject(connection: Connection, phone: string, collections = personalDataCollections()): Promise<SubjectKeys> {
  const db = dbOf(connection);
  const present = await existingCollections(db);
  const keys = emptyKeys();
  keys.phone.push(phone);
  // SMS identities double as conversation ids ("sms:+44…" in the channels).
  keys.conversationId.push(`sms:${phone}`);
  keys.identityId.push(phone);
  for (let round = 0; round < 6; round++) {
    let grew = false;
    for (const entry of collections) {
      if (!entry.yields || !present.has(entry.collection)) continue;
      for (const doc of await findDocuments(db, entry, keys)) {
        for (const y of entry.yields) {
          for (const v of valuesAt(doc, y.field)) {
            const s = String(v);
            if (s && !keys[y.key].includes(s)) {
              keys[y.key].push(s);
              grew = true;
            }
          }
        }
      }
    }
    if (!grew) break;
  }
  return keys;
}

/** Everything held about the tenant with this phone number, collection by collection. */
export async function exportTenantData(opts: { connection: Connection; phone: string; now?: Date }): Promise<TenantDataExport> {
  const phone = normalisePhone(opts.phone);
  const collections = personalDataCollections();
  const keys = await resolveSubject(opts.connection, phone, collections);
  const db = dbOf(opts.connection);
  const present = await existingCollections(db);
  const out: TenantDataExport = { phone, generatedAt: (opts.now ?? new Date()).toISOString(), keys, collections: {} };
  for (const entry of collections) {
    if (!present.has(entry.collection)) continue;
    const documents = await findDocuments(db, entry, keys);
    if (documents.length) out.collections[entry.collection] = { description: entry.description, documents };
  }
  return out;
}

/** Cases of this tenant that are still being handled (erasing them would stop a live complaint). */
export async function openCaseReferences(connection: Connection, keys: SubjectKeys): Promise<string[]> {
  const db = dbOf(connection);
  if (!keys.contactId.length) return [];
  const open = await db
    .collection('cases')
    .find({ contactId: { $in: keys.contactId }, status: { $nin: ['closed', 'withdrawn', 'not_accepted'] } })
    .project({ reference: 1 })
    .toArray();
  return open.map((c) => String(c.reference));
}

/**
 * Deletes or anonymises everything held on the tenant (see the registry for each collection's
 * rule). Cases stay as anonymous statistics. Refuses while a case is still open unless `force`.
 */
export async function eraseTenantData(opts: { connection: Connection; phone: string; force?: boolean; now?: Date }): Promise<EraseReport> {
  const phone = normalisePhone(opts.phone);
  const collections = personalDataCollections();
  const keys = await resolveSubject(opts.connection, phone, collections);
  if (!opts.force) {
    const open = await openCaseReferences(opts.connection, keys);
    if (open.length) throw new PrivacyInputError(`cases still open: ${open.join(', ')}; close or withdraw them first, or pass --force`);
  }
  const db = dbOf(opts.connection);
  const present = await existingCollections(db);
  const report: EraseReport = { phone, erasedAt: (opts.now ?? new Date()).toISOString(), collections: {} };
  for (const entry of collections) {
    if (!present.has(entry.collection)) continue;
    const docs = await findDocuments(db, entry, keys);
    if (!docs.length) continue;
    const line = { deleted: 0, anonymised: 0, kept: 0 } as EraseReport['collections'][string];
    const coll = db.collection(entry.collection);
    const rule = entry.erase;
    if (rule.mode === 'keep') {
      line.kept = docs.length;
      line.keptReason = rule.reason;
    } else if (rule.mode === 'delete') {
      const res = await coll.deleteMany({ _id: { $in: docs.map((d) => d._id) } });
      line.deleted = res.deletedCount;
    } else {
      for (const doc of docs) {
        const res = await coll.replaceOne({ _id: doc._id }, rule.anonymise(doc));
        line.anonymised += res.modifiedCount;
      }
    }
    report.collections[entry.collection] = line;
  }
  return report;
}

// For the tenant bot: a tenant who writes in while staff are waiting for their input (an
// `awaiting_tenant` entry is the last thing on a live case) has been reached, so the pack's
// "close if the tenant cannot be reached" job must not close it. Records a `tenant_contact`
// history entry on each such case of the contact; does nothing (no write) otherwise.
import type { Model } from 'mongoose';
import type { Actor, CaseRecord, CaseService } from './types';
import { CounterDoc, findClaim } from '../../models/counter';
import { CaseRuleError } from './types';
import { isFinal } from './statuses';

export function awaitsTenant(c: CaseRecord): boolean {
  return !isFinal(c.status) && c.history[c.history.length - 1]?.action === 'awaiting_tenant';
}

/** Returns the references marked as reached. `actor` is the tenant (their own cases only). */
export async function recordTenantContactIfAwaited(
  cases: Pick<CaseService, 'listForContact' | 'recordEvent'>,
  contactId: string,
  actor: Actor,
): Promise<string[]> {
  const reached: string[] = [];
  for (const c of await cases.listForContact(contactId)) {
    if (!awaitsTenant(c)) continue;
    try {
      await cases.recordEvent(c.reference, { action: 'tenant_contact', reason: `the tenant wrote in on ${actor.channel}` }, actor);
      reached.push(c.reference);
    } catch (err) {
      // The case is gone (erased) or not this tenant's: nothing to record.
      if (!(err instanceof CaseRuleError && err.code === 'not_found')) throw err;
    }
  }
  return reached;
}

// The tenant bot cannot afford to list a tenant's cases on every turn (FerretDB v1: several
// reads per case). So recording `awaiting_tenant` also leaves a marker keyed by the contact
// (`awaiting-tenant:<contactId>#1` in sequence_claims, where `_id` reads are cheap); a tenant turn
// reads that one `_id` and lists their cases only when it is there. The marker is written before
// the case entry, so a crash between the two leaves a harmless marker, never a missed contact.
const waitMarker = (contactId: string) => `awaiting-tenant:${contactId}`;

/** Notes that staff are waiting for this contact (called by the case service before it records `awaiting_tenant`). */
export async function markAwaitingTenant(counters: Model<CounterDoc>, contactId: string, at: Date): Promise<void> {
  const name = waitMarker(contactId);
  await counters.updateOne({ _id: `${name}#1` }, { $set: { at }, $setOnInsert: { name, seq: 1 } }, { upsert: true });
}

/** What the tenant bot calls each turn (only built for packs that close cases of unreachable tenants). */
export interface TenantWaitCheck {
  /** One `_id` read; when staff wait for this tenant, records `tenant_contact` on those cases. Returns their references. */
  noteTenantWroteIn(contactId: string, actor: Actor): Promise<string[]>;
}

export function createTenantWaitCheck(counters: Model<CounterDoc>, cases: Pick<CaseService, 'listForContact' | 'recordEvent'>): TenantWaitCheck {
  return {
    async noteTenantWroteIn(contactId, actor) {
      const marker = await findClaim(counters, waitMarker(contactId), 1);
      if (!marker) return [];
      const reached = await recordTenantContactIfAwaited(cases, contactId, actor);
      // Only the marker we acted on: staff waiting again meanwhile moved `at` and keeps theirs.
      await counters.deleteOne({ _id: marker._id, at: marker.at });
      return reached;
    },
  };
}

/** The check for the tenant bot, or undefined under a pack with no unreachable-tenant close (no cost per turn). */
export function tenantWaitCheckFor(
  pack: { unreachableCloseAfter: unknown },
  counters: Model<CounterDoc>,
  cases: Pick<CaseService, 'listForContact' | 'recordEvent'>,
): TenantWaitCheck | undefined {
  return pack.unreachableCloseAfter ? createTenantWaitCheck(counters, cases) : undefined;
}

const LIVE_STATUSES = ['open', 'escalated', 'acknowledged', 'responded'] as const;

/**
 * Writes the marker of every case waiting for its tenant (waits recorded before markers existed):
 * at start-up, only under packs with the rule. Idempotent; a few collection scans, like the
 * policy close sweep (500 cases per status at most). Returns how many it marked.
 */
export async function markExistingWaits(
  pack: { unreachableCloseAfter: unknown },
  counters: Model<CounterDoc>,
  cases: Pick<CaseService, 'list'>,
): Promise<number> {
  if (!pack.unreachableCloseAfter) return 0;
  let marked = 0;
  for (const status of LIVE_STATUSES) {
    for (const c of await cases.list({ status, limit: 500 })) {
      if (!awaitsTenant(c)) continue;
      await markAwaitingTenant(counters, c.contactId, new Date(c.history[c.history.length - 1].at));
      marked += 1;
    }
  }
  return marked;
}

// For the tenant bot: a tenant who writes in while staff are waiting for their input (an
// `awaiting_tenant` entry is the last thing on a live case) has been reached, so the pack's
// "close if the tenant cannot be reached" job must not close it. Records a `tenant_contact`
// history entry on each such case of the contact; does nothing (no write) otherwise.
import type { Actor, CaseRecord, CaseService } from './types';
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

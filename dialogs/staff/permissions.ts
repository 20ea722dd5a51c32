// Which staff actions need a manager, in one place for Teams and the staff REST API, so both
// refuse the same actions with the same reason.
import type { StaffActionInput } from './actionSchemas';

export type StaffRole = 'handler' | 'manager';

/** The refusal for a non-manager, or null when any staff member may do it. */
export function managerOnlyReason(input: Pick<StaffActionInput, 'action'>): string | null {
  if (input.action === 'restrict' || input.action === 'lift_restriction') {
    return 'Contact restrictions are decided by a manager. Please ask your complaints manager to apply or lift it.';
  }
  return null;
}

/**
 * Accepting a complaint about a matter older than the pack's time limit is a manager's decision
 * (the tenant is told "a manager will decide"; SLH does not consider such matters at all).
 */
export function managerOnlyLoggingReason(input: { timeLimitOverride?: string }): string | null {
  return input.timeLimitOverride ? 'Accepting a complaint outside the time limit is decided by a manager. Please ask your complaints manager to log it.' : null;
}

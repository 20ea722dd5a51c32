// Status groups every reader of a case agrees on. A case that has just moved to the next stage
// (quick fix → Stage 1, Stage 1 → Stage 2) is `escalated`: like `open`, it waits for the new
// stage's acknowledgement, and its acknowledge-by deadline is the one pending.
import type { CaseStatus } from './types';

/** Received at its current stage and not yet acknowledged (new or just escalated). */
export function awaitsAcknowledgement(status: CaseStatus | string): boolean {
  return status === 'open' || status === 'escalated';
}

/** Live and still waiting for the stage response (acknowledge-by or respond-by pending). */
export function awaitsResponse(status: CaseStatus | string): boolean {
  return awaitsAcknowledgement(status) || status === 'acknowledged';
}

/** Final: nothing more happens to the case. */
export function isFinal(status: CaseStatus | string): boolean {
  return status === 'closed' || status === 'withdrawn' || status === 'not_accepted';
}

/** For database filters: statuses waiting for acknowledgement / for the response. */
export const AWAITING_ACKNOWLEDGEMENT: readonly CaseStatus[] = ['open', 'escalated'];
export const AWAITING_RESPONSE: readonly CaseStatus[] = ['open', 'escalated', 'acknowledged'];

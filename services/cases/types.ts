// The case-lifecycle contract shared by dialogs (tenant side), the staff bot and staff API, the
// scheduler and reporting. One implementation (services/cases/caseService.ts) owns every write to
// a case; callers never set case fields directly. Pinned early so the teams can build in parallel.
import type { TenantAddress, TenantChannel } from '../notifications/tenantMessenger';

/** quick = the pack's early route (Stage 0 / quick fix / quick resolution); none under hoc-2024. */
export type Stage = 'quick' | 'stage1' | 'stage2' | 'service_request' | 'feedback';

export type CaseStatus =
  | 'open' // received, not yet acknowledged
  | 'acknowledged'
  | 'on_hold'
  | 'responded' // stage response sent; tenant may escalate inside the pack's window
  | 'escalated' // moved on to the next stage (the case then carries the new stage)
  | 'not_accepted'
  | 'withdrawn'
  | 'closed';

export type FeedbackKind = 'compliment' | 'comment' | 'data_request' | 'asb_report' | 'callback';

/** Who did something: a tenant on a channel, a staff member, or the system (scheduler). */
export interface Actor {
  kind: 'tenant' | 'staff' | 'system';
  /** Contact id, staff user id/UPN, or job name. Never a phone number or name in clear. */
  id: string;
  /** Display name for staff; omitted for tenants (privacy). */
  name?: string;
  /** Staff only: a manager may take the decisions a pack reserves for senior staff. */
  role?: 'handler' | 'manager';
  channel: TenantChannel | 'teams' | 'api' | 'scheduler';
}

export interface Deadlines {
  acknowledgeBy: Date | null;
  respondBy: Date | null;
  /** Last day the tenant may ask for the next stage; null where the pack sets none. */
  escalateBy: Date | null;
}

export interface Extension {
  stage: Stage;
  reason: string;
  previousRespondBy: Date | null;
  newRespondBy: Date;
  at: Date;
  by: string;
  exceptional?: boolean;
  tenantAgreed?: boolean;
}

export interface StageResponse {
  stage: Stage;
  decision: 'upheld' | 'partly_upheld' | 'not_upheld' | 'resolved';
  reasons: string;
  remedy?: string;
  compensationPence?: number;
  /** Who approved an award above the pack's limit for the stage (required then). */
  compensationApprovedBy?: string;
  outstandingActions?: string[];
  rootCause?: string;
  at: Date;
  by: string;
}

export interface AuditEvent {
  at: Date;
  actor: Actor;
  action: string;
  fromStage?: Stage;
  toStage?: Stage;
  fromStatus?: CaseStatus;
  toStatus?: CaseStatus;
  reason?: string;
}

export interface CaseRecord {
  id: string;
  /** CMP-YYYY-NNNNNN, allocated atomically. */
  reference: string;
  packId: string;
  stage: Stage;
  status: CaseStatus;
  contactId: string;
  channel: TenantChannel;
  /** Where replies and updates go (the tenant's own channel). */
  address?: TenantAddress;
  language: string;
  category?: string;
  summary: string;
  /** The tenant's original words (may be in any language). */
  originalText?: string;
  desiredOutcome?: string;
  whatHappened?: string;
  whenHappened?: string;
  /** When the matter happened or the tenant became aware of it (checked against the pack's time limit). */
  incidentDate?: Date;
  location?: string;
  contactPreference?: string;
  reasonableAdjustments?: string;
  representative?: { name: string; relationship?: string; consent: boolean };
  evidence: { kind: string; url: string; contentType?: string; addedAt: Date }[];
  flags: string[];
  feedbackKind?: FeedbackKind;
  receivedAt: Date;
  acknowledgedAt?: Date;
  handlers: Partial<Record<Stage, string>>;
  deadlines: Deadlines;
  /** Deadlines per stage, kept when a case moves on (reporting: % within timescale). */
  stageDeadlines: Partial<Record<Stage, Deadlines>>;
  extensions: Extension[];
  responses: StageResponse[];
  /** When each stage started, was acknowledged and answered (reporting, deadline audit). */
  stageTimes?: Partial<Record<Stage, { startedAt: Date; acknowledgedAt?: Date; respondedAt?: Date }>>;
  relatedReferences?: string[];
  stage2Reasons?: string;
  holdReason?: string;
  notAcceptedReason?: string;
  closedAt?: Date;
  satisfaction?: { score: number; comment?: string; at: Date };
  history: AuditEvent[];
}

export interface OpenCaseInput {
  contactId: string;
  stage: Extract<Stage, 'quick' | 'stage1' | 'service_request' | 'feedback'>;
  channel: TenantChannel;
  address?: TenantAddress;
  language: string;
  summary: string;
  originalText?: string;
  category?: string;
  desiredOutcome?: string;
  whatHappened?: string;
  whenHappened?: string;
  /** When the matter happened or the tenant became aware of it: older than the pack's time limit is refused (no discretion) or flagged. */
  incidentDate?: Date;
  /** Staff only: why an older matter is accepted anyway (recorded in the history). */
  timeLimitOverride?: string;
  location?: string;
  contactPreference?: string;
  reasonableAdjustments?: string;
  representative?: { name: string; relationship?: string; consent: boolean };
  evidence?: { kind: string; url: string; contentType?: string }[];
  flags?: string[];
  feedbackKind?: FeedbackKind;
  /** Defaults to now; staff logging a letter/phone complaint may give the real receipt date. */
  receivedAt?: Date;
  /** Carried over history when a quick fix escalates (references of earlier cases). */
  relatedReferences?: string[];
}

/**
 * History-only events (the case's stage and status do not change): a staff take-over of the
 * tenant's conversation and its end; staff waiting for the tenant's input (the pack may close an
 * unreachable tenant's complaint after a period); the tenant (or staff for them) getting in touch.
 */
export type CaseNoteAction = 'take_over' | 'take_over_end' | 'awaiting_tenant' | 'tenant_contact';

export interface CaseFilter {
  stage?: Stage;
  status?: CaseStatus;
  /** Any of these statuses (one query instead of one per status). */
  statuses?: CaseStatus[];
  overdue?: boolean;
  handler?: string;
  channel?: TenantChannel;
  language?: string;
  contactId?: string;
  reference?: string;
  /** Newest first; default 100, at most MAX_CASE_LIST (5,000). */
  limit?: number;
}

/** Thrown for transitions the lifecycle or the pack forbids; `code` is stable for callers/tests. */
export class CaseRuleError extends Error {
  constructor(
    public readonly code:
      | 'not_found'
      | 'invalid_transition'
      | 'outside_window'
      | 'reasons_required'
      | 'same_handler'
      | 'extension_too_long'
      | 'compensation_over_limit'
      | 'restricted'
      | 'needs_authority'
      | 'invalid_input',
    message: string,
  ) {
    super(message);
    this.name = 'CaseRuleError';
  }
}

export interface CaseService {
  open(input: OpenCaseInput, actor: Actor): Promise<CaseRecord>;
  get(reference: string): Promise<CaseRecord | null>;
  list(filter: CaseFilter): Promise<CaseRecord[]>;
  listForContact(contactId: string): Promise<CaseRecord[]>;
  acknowledge(reference: string, actor: Actor): Promise<CaseRecord>;
  assign(reference: string, handler: string, actor: Actor): Promise<CaseRecord>;
  respond(reference: string, response: Omit<StageResponse, 'at' | 'by' | 'stage'>, actor: Actor): Promise<CaseRecord>;
  /** `exceptional`/`tenantAgreed` unlock the pack's exceptional limit / agreement-only extensions. */
  extend(reference: string, input: { reason: string; newRespondBy: Date; exceptional?: boolean; tenantAgreed?: boolean }, actor: Actor): Promise<CaseRecord>;
  /** quick → stage1, stage1 (responded) → stage2; enforces the pack's window and reasons rule. */
  escalate(reference: string, input: { reasons?: string; onBehalf?: boolean; overrideReason?: string }, actor: Actor): Promise<CaseRecord>;
  hold(reference: string, reason: string, actor: Actor): Promise<CaseRecord>;
  resume(reference: string, actor: Actor): Promise<CaseRecord>;
  notAccepted(reference: string, reason: string, actor: Actor): Promise<CaseRecord>;
  close(reference: string, reason: string, actor: Actor): Promise<CaseRecord>;
  withdraw(reference: string, reason: string, actor: Actor): Promise<CaseRecord>;
  addEvidence(reference: string, evidence: { kind: string; url: string; contentType?: string }, actor: Actor): Promise<CaseRecord>;
  recordSatisfaction(reference: string, score: number, comment: string | undefined, actor: Actor): Promise<CaseRecord>;
  /** Appends a history-only event (see CaseNoteAction); staff only, except a tenant's own `tenant_contact`. */
  recordEvent(reference: string, input: { action: CaseNoteAction; reason?: string }, actor: Actor): Promise<CaseRecord>;
}

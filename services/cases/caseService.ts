// The case lifecycle: one state machine for every case, its rules read from the policy pack.
//
//   quick ──escalate──► stage1 ──escalate──► stage2 ──close──► closed
//   each stage: open ─acknowledge─► acknowledged ─respond─► responded (a stage reached by
//   escalation starts as `escalated` instead of `open`, so history and lists show the move)
//   any live status: hold ⇄ resume · notAccepted · withdraw · close
//
// Every change is a whole-document revision claimed by a unique insert in case_events (see
// revisions.ts): the entry holds the audit event and the new state, so the transition, its
// deadlines and its history line are one write that happens exactly once, on MongoDB and on
// FerretDB v1 alike (no multi-document transactions, no trust in guarded updates).
import { randomUUID } from 'node:crypto';
import type { FilterQuery, Model } from 'mongoose';
import type { AuditEventDoc, CaseDoc, DeadlinesDoc, ExtensionDoc, StageTimesDoc } from '../../models/case';
import type { RevisionDoc } from '../../models/caseEvent';
import { CounterDoc, nextSequence } from '../../models/counter';
import { addToContactIndex, caseIdForReference, caseIdsForContact, referenceSequence } from './caseIndex';
import { markAwaitingTenant } from './tenantContact';
import { CalendarDate, londonDate, WorkingCalendar } from '../policy/calendar';
import { computeDeadlineDates, DeadlineStage, toInstants } from '../policy/deadlines';
import { checkTimeLimit } from '../policy/timeLimit';
import type { PolicyPack } from '../policy/packSchema';
import type { TenantChannel } from '../notifications/tenantMessenger';
import { commitRevision, createRevisioned, rollForward } from './revisions';
import { AWAITING_ACKNOWLEDGEMENT, AWAITING_RESPONSE, awaitsAcknowledgement, awaitsResponse } from './statuses';
import {
  Actor,
  AuditEvent,
  CaseFilter,
  CaseNoteAction,
  CaseRecord,
  CaseRuleError,
  CaseService,
  CaseStatus,
  Deadlines,
  OpenCaseInput,
  Stage,
  StageResponse,
} from './types';

export interface CaseModels {
  Case: Model<CaseDoc>;
  CaseEvent: Model<RevisionDoc>;
  Counter: Model<CounterDoc>;
}

export interface CaseServiceOptions {
  models: CaseModels;
  pack: PolicyPack;
  calendar: WorkingCalendar;
  /** Defaults to the system clock; tests and the scheduler pass fixed times. */
  clock?: () => Date;
}

/**
 * The most cases one list returns. Was 500, which silently cut the staff alert scan (asking for
 * 5,000) to the newest 500 live cases: the oldest, the likeliest to be overdue, were never alerted.
 */
export const MAX_CASE_LIST = 5000;

const FINAL: ReadonlySet<string> = new Set(['closed', 'withdrawn', 'not_accepted']);
const LIVE_BEFORE_RESPONSE: ReadonlySet<string> = new Set(AWAITING_RESPONSE);
const DEADLINE_STAGES: ReadonlySet<string> = new Set(['quick', 'stage1', 'stage2']);
const CHANNELS: ReadonlySet<string> = new Set(['sms', 'webchat', 'teams', 'phone', 'email', 'letter', 'in_person']);
const DECISIONS: ReadonlySet<string> = new Set(['upheld', 'partly_upheld', 'not_upheld', 'resolved']);
const OPEN_STAGES: ReadonlySet<string> = new Set(['quick', 'stage1', 'service_request', 'feedback']);
const NOTE_ACTIONS: ReadonlySet<CaseNoteAction> = new Set(['take_over', 'take_over_end', 'awaiting_tenant', 'tenant_contact']);
const MAX_ATTEMPTS = 8;
const MAX_TEXT = 10_000;
const STAGE_NAMES: Record<Stage, string> = { quick: 'the early route', stage1: 'Stage 1', stage2: 'Stage 2', service_request: 'a service request', feedback: 'feedback' };

const NO_DEADLINES: DeadlinesDoc = { acknowledgeBy: null, respondBy: null, escalateBy: null };

type InternalExtension = ExtensionDoc & { heldBefore?: number };
type InternalTimes = StageTimesDoc & { heldWorkingDays?: number; heldBeforeAcknowledgement?: number };

function pounds(pence: number): string {
  return `£${(pence / 100).toFixed(2).replace(/\.00$/, '')}`;
}

function text(value: string | undefined, field: string, required: boolean): string | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    if (required) throw new CaseRuleError('invalid_input', `${field} is required`);
    return undefined;
  }
  if (typeof value !== 'string') throw new CaseRuleError('invalid_input', `${field} must be text`);
  if (value.length > MAX_TEXT) throw new CaseRuleError('invalid_input', `${field} is too long (at most ${MAX_TEXT} characters)`);
  return value.trim();
}

function validateActor(actor: Actor): void {
  if (!actor || !['tenant', 'staff', 'system'].includes(actor.kind) || typeof actor.id !== 'string' || actor.id.trim() === '') {
    throw new CaseRuleError('invalid_input', 'an actor needs a kind (tenant, staff or system) and an id');
  }
}

function requireStaff(actor: Actor, what: string): void {
  if (actor.kind === 'tenant') throw new CaseRuleError('invalid_transition', `only staff can ${what}`);
}

function toDeadlines(d: DeadlinesDoc | undefined): Deadlines {
  return { acknowledgeBy: d?.acknowledgeBy ?? null, respondBy: d?.respondBy ?? null, escalateBy: d?.escalateBy ?? null };
}

export function toCaseRecord(doc: CaseDoc): CaseRecord {
  const stageTimes: CaseRecord['stageTimes'] = {};
  for (const [stage, t] of Object.entries(doc.stageTimes ?? {})) {
    stageTimes[stage as Stage] = { startedAt: t.startedAt, ...(t.acknowledgedAt ? { acknowledgedAt: t.acknowledgedAt } : {}), ...(t.respondedAt ? { respondedAt: t.respondedAt } : {}) };
  }
  const stageDeadlines: CaseRecord['stageDeadlines'] = {};
  for (const [stage, d] of Object.entries(doc.stageDeadlines ?? {})) stageDeadlines[stage as Stage] = toDeadlines(d);
  return {
    id: doc._id,
    reference: doc.reference,
    packId: doc.packId,
    stage: doc.stage as Stage,
    status: doc.status as CaseStatus,
    contactId: doc.contactId,
    channel: doc.channel as TenantChannel,
    address: doc.address ? { channel: doc.address.channel as TenantChannel, id: doc.address.id, ...(doc.address.conversation ? { conversation: doc.address.conversation } : {}) } : undefined,
    language: doc.language,
    category: doc.category,
    summary: doc.summary,
    originalText: doc.originalText,
    desiredOutcome: doc.desiredOutcome,
    whatHappened: doc.whatHappened,
    whenHappened: doc.whenHappened,
    ...(doc.incidentDate ? { incidentDate: doc.incidentDate } : {}),
    location: doc.location,
    contactPreference: doc.contactPreference,
    reasonableAdjustments: doc.reasonableAdjustments,
    representative: doc.representative,
    evidence: (doc.evidence ?? []).map((e) => ({ ...e })),
    flags: [...(doc.flags ?? [])],
    feedbackKind: doc.feedbackKind as CaseRecord['feedbackKind'],
    receivedAt: doc.receivedAt,
    acknowledgedAt: doc.acknowledgedAt,
    handlers: { ...(doc.handlers ?? {}) },
    deadlines: toDeadlines(doc.deadlines),
    stageDeadlines,
    stageTimes,
    relatedReferences: [...(doc.relatedReferences ?? [])],
    extensions: (doc.extensions ?? []).map((e) => ({
      stage: e.stage as Stage,
      reason: e.reason,
      previousRespondBy: e.previousRespondBy ?? null,
      newRespondBy: e.newRespondBy,
      at: e.at,
      by: e.by,
      ...(e.exceptional !== undefined ? { exceptional: e.exceptional } : {}),
      ...(e.tenantAgreed !== undefined ? { tenantAgreed: e.tenantAgreed } : {}),
    })),
    responses: (doc.responses ?? []).map((r) => ({ ...r, stage: r.stage as Stage, decision: r.decision as StageResponse['decision'] })),
    stage2Reasons: doc.stage2Reasons,
    holdReason: doc.holdReason,
    notAcceptedReason: doc.notAcceptedReason,
    closedAt: doc.closedAt,
    satisfaction: doc.satisfaction,
    history: (doc.history ?? []).map((h) => ({ ...h, actor: { ...h.actor } }) as AuditEvent),
  };
}

interface Change {
  /** Fields to change; `undefined` removes a field. */
  set: Partial<CaseDoc>;
  action: string;
  reason?: string;
}

export function createCaseService(options: CaseServiceOptions): CaseService {
  const { Case, CaseEvent, Counter } = options.models;
  const { pack, calendar } = options;
  const clock = options.clock ?? (() => new Date());

  function stageDeadlines(stage: string, times: InternalTimes | undefined, extensions: InternalExtension[]): DeadlinesDoc {
    if (!DEADLINE_STAGES.has(stage) || !times) return { ...NO_DEADLINES };
    const base = computeDeadlineDates(pack, calendar, {
      stage: stage as DeadlineStage,
      receivedAt: times.startedAt,
      acknowledgedAt: times.acknowledgedAt ?? null,
      respondedAt: times.respondedAt ?? null,
    });
    const held = times.heldWorkingDays ?? 0;
    const ext = [...(extensions ?? [])].reverse().find((e) => e.stage === stage);
    let respondBy: CalendarDate | null = base.respondBy;
    if (ext) respondBy = calendar.addWorkingDays(londonDate(ext.newRespondBy), Math.max(0, held - (ext.heldBefore ?? 0)));
    else if (respondBy && held) respondBy = calendar.addWorkingDays(respondBy, held);
    const heldBeforeAck = times.heldBeforeAcknowledgement ?? 0;
    const acknowledgeBy = base.acknowledgeBy && heldBeforeAck ? calendar.addWorkingDays(base.acknowledgeBy, heldBeforeAck) : base.acknowledgeBy;
    return toInstants({ acknowledgeBy, respondBy, escalateBy: base.escalateBy });
  }

  /** The deadlines of the case's stage before extensions (the baseline extension limits count from). */
  function baselineRespondBy(stage: string, times: InternalTimes): CalendarDate | null {
    return computeDeadlineDates(pack, calendar, { stage: stage as DeadlineStage, receivedAt: times.startedAt, acknowledgedAt: times.acknowledgedAt ?? null }).respondBy;
  }

  async function findDoc(reference: string): Promise<CaseDoc | null> {
    if (typeof reference !== 'string' || reference.trim() === '') throw new CaseRuleError('invalid_input', 'a case reference is required');
    const wanted = reference.trim().toUpperCase();
    // By the reference's claim and the case _id (two _id reads); the field query only for cases
    // whose claim does not name them (opened before claims did).
    const caseId = await caseIdForReference(Counter, wanted);
    const doc = caseId === undefined ? await Case.findOne({ reference: wanted }).lean<CaseDoc>() : await Case.findById(caseId).lean<CaseDoc>();
    return doc && doc.reference === wanted ? rollForward(Case, CaseEvent, doc) : null;
  }

  async function transition(reference: string, actor: Actor, plan: (doc: CaseDoc, now: Date) => Change): Promise<CaseRecord> {
    validateActor(actor);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const doc = await findDoc(reference);
      // A tenant only ever reaches their own cases; anything else looks like "no such case".
      if (!doc || (actor.kind === 'tenant' && actor.id !== doc.contactId)) throw new CaseRuleError('not_found', `no case ${reference}`);
      const now = clock();
      const change = plan(doc, now);
      const merged = { ...doc, ...change.set } as CaseDoc;
      // Deadlines always follow from the stage's times, extensions and holds: recomputed at every transition.
      const times = (merged.stageTimes ?? {})[merged.stage] as InternalTimes | undefined;
      if (merged.status !== 'on_hold') merged.deadlines = stageDeadlines(merged.stage, times, merged.extensions as InternalExtension[]);
      if (DEADLINE_STAGES.has(merged.stage)) merged.stageDeadlines = { ...(merged.stageDeadlines ?? {}), [merged.stage]: merged.deadlines };
      const event: AuditEventDoc = {
        at: now,
        actor: { kind: actor.kind, id: actor.id, ...(actor.name ? { name: actor.name } : {}), channel: actor.channel },
        action: change.action,
        fromStage: doc.stage,
        toStage: merged.stage,
        fromStatus: doc.status,
        toStatus: merged.status,
        ...(change.reason ? { reason: change.reason } : {}),
      };
      const next: CaseDoc = { ...merged, history: [...(doc.history ?? []), event], updatedAt: now, rev: doc.rev + 1 };
      if (await commitRevision(Case, CaseEvent, doc, next, { ...event, reference: doc.reference })) return toCaseRecord(next);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 15)));
    }
    throw new Error(`case ${reference} kept changing under concurrent updates; try again`);
  }

  function live(doc: CaseDoc, what: string): void {
    if (FINAL.has(doc.status)) throw new CaseRuleError('invalid_transition', `cannot ${what}: case ${doc.reference} is ${doc.status.replace('_', ' ')}`);
  }

  function stage1Handler(doc: CaseDoc): string | undefined {
    return doc.handlers?.stage1 ?? doc.responses?.find((r) => r.stage === 'stage1')?.by;
  }

  function checkStage2Handler(doc: CaseDoc, handler: string): void {
    if (doc.stage !== 'stage2' || !pack.stage2Request.handlerMustDiffer) return;
    const first = stage1Handler(doc);
    if (first && first === handler) {
      throw new CaseRuleError('same_handler', `Stage 2 must be handled by someone other than the Stage 1 handler (${pack.stage2Request.handlerNote})`);
    }
  }

  function times(doc: CaseDoc): InternalTimes {
    const t = (doc.stageTimes ?? {})[doc.stage] as InternalTimes | undefined;
    return t ?? { startedAt: doc.receivedAt };
  }

  function withTimes(doc: CaseDoc, patch: Partial<InternalTimes>): Record<string, StageTimesDoc> {
    return { ...(doc.stageTimes ?? {}), [doc.stage]: { ...times(doc), ...patch } };
  }

  /** Lists read documents as stored; one query finds any that a crashed writer left behind their log. */
  async function rollForwardMany(docs: CaseDoc[]): Promise<CaseDoc[]> {
    if (docs.length === 0) return docs;
    const pending = await CaseEvent.find({ _id: { $in: docs.map((d) => `${d._id}#${d.rev + 1}`) } }, { docId: 1 }).lean<{ docId: string }[]>();
    if (pending.length === 0) return docs;
    const behind = new Set(pending.map((p) => p.docId));
    return Promise.all(docs.map((d) => (behind.has(d._id) ? rollForward(Case, CaseEvent, d) : d)));
  }

  /**
   * The pack's time limit to raise, on the incident date when one is given. Without discretion an
   * older matter is refused unless staff accept it with a reason; with discretion it opens flagged
   * for a manager to decide. Either way the history says why.
   */
  function timeLimitDecision(input: OpenCaseInput, receivedAt: Date, actor: Actor): { flags: string[]; reason?: string } {
    const override = text(input.timeLimitOverride, 'timeLimitOverride', false);
    if (override && actor.kind !== 'staff') throw new CaseRuleError('invalid_input', 'only staff can accept a complaint outside the time limit');
    if (input.incidentDate === undefined || input.incidentDate === null) return { flags: [] };
    if (!(input.incidentDate instanceof Date) || Number.isNaN(input.incidentDate.getTime())) throw new CaseRuleError('invalid_input', 'incidentDate must be a date');
    if (londonDate(input.incidentDate) > londonDate(receivedAt)) throw new CaseRuleError('invalid_input', 'incidentDate cannot be after the complaint was received');
    // Only complaints have a time limit to raise; service requests and feedback are taken whenever.
    if (input.stage === 'service_request' || input.stage === 'feedback') return { flags: [] };
    const check = checkTimeLimit(pack, input.incidentDate, receivedAt);
    if (!check.older) return { flags: [] };
    const what = `the matter (${londonDate(input.incidentDate)}) is older than ${pack.name}'s time limit (on or after ${check.earliest})`;
    if (override) return { flags: ['older_than_time_limit'], reason: `${what}; accepted by staff: ${override}` };
    if (!check.discretion) {
      throw new CaseRuleError(
        'outside_window',
        `${check.note} ${actor.kind === 'staff' ? 'Staff can still accept it with a reason (timeLimitOverride).' : pack.signposting.ombudsmanText}`,
      );
    }
    return { flags: ['older_than_time_limit'], reason: `${what}; ${check.authority ?? 'a manager'} decides whether to consider it: ${check.note}` };
  }

  async function allocateReference(now: Date, caseId: string): Promise<string> {
    const year = londonDate(now).slice(0, 4);
    const seq = await nextSequence(Counter, referenceSequence(year), caseId);
    return `CMP-${year}-${String(seq).padStart(6, '0')}`;
  }

  return {
    async open(input: OpenCaseInput, actor: Actor): Promise<CaseRecord> {
      validateActor(actor);
      if (!input || typeof input !== 'object') throw new CaseRuleError('invalid_input', 'case details are required');
      if (!OPEN_STAGES.has(input.stage)) throw new CaseRuleError('invalid_input', `a case opens as quick, stage1, service_request or feedback, not ${JSON.stringify(input.stage)}`);
      if (input.stage === 'quick' && pack.earlyRoute.kind === 'none') {
        throw new CaseRuleError('invalid_input', `${pack.name} has no separate early route: open Stage 1 and resolve early within it`);
      }
      if (!CHANNELS.has(input.channel)) throw new CaseRuleError('invalid_input', `unknown channel ${JSON.stringify(input.channel)}`);
      const contactId = text(input.contactId, 'contactId', true)!;
      if (actor.kind === 'tenant' && actor.id !== contactId) throw new CaseRuleError('invalid_input', 'a tenant can only open a case for themselves');
      if (typeof input.language !== 'string' || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(input.language)) throw new CaseRuleError('invalid_input', 'language must be a language tag such as "en" or "pl"');
      const summary = text(input.summary, 'summary', true)!;
      const now = clock();
      const receivedAt = input.receivedAt ?? now;
      if (!(receivedAt instanceof Date) || Number.isNaN(receivedAt.getTime())) throw new CaseRuleError('invalid_input', 'receivedAt must be a date');
      if (receivedAt.getTime() > now.getTime() + 5 * 60_000) throw new CaseRuleError('invalid_input', 'receivedAt cannot be in the future');
      if (input.representative && typeof input.representative.consent !== 'boolean') throw new CaseRuleError('invalid_input', 'a representative needs an explicit consent true/false');
      if (input.stage === 'feedback' && !input.feedbackKind) throw new CaseRuleError('invalid_input', 'feedback needs a feedbackKind');
      const timeLimit = timeLimitDecision(input, receivedAt, actor);

      const caseId = randomUUID();
      const reference = await allocateReference(now, caseId);
      await addToContactIndex(Counter, contactId, caseId);
      const stageTimes: Record<string, StageTimesDoc> = { [input.stage]: { startedAt: receivedAt } };
      const deadlines = stageDeadlines(input.stage, stageTimes[input.stage], []);
      const event: AuditEventDoc = {
        at: now,
        actor: { kind: actor.kind, id: actor.id, ...(actor.name ? { name: actor.name } : {}), channel: actor.channel },
        action: 'open',
        toStage: input.stage,
        toStatus: 'open',
        ...(timeLimit.reason ? { reason: timeLimit.reason } : {}),
      };
      const doc: CaseDoc = {
        _id: caseId,
        reference,
        packId: pack.id,
        stage: input.stage,
        status: 'open',
        contactId,
        channel: input.channel,
        ...(input.address ? { address: { ...input.address } } : {}),
        language: input.language,
        category: text(input.category, 'category', false),
        summary,
        originalText: text(input.originalText, 'originalText', false),
        desiredOutcome: text(input.desiredOutcome, 'desiredOutcome', false),
        whatHappened: text(input.whatHappened, 'whatHappened', false),
        whenHappened: text(input.whenHappened, 'whenHappened', false),
        incidentDate: input.incidentDate,
        location: text(input.location, 'location', false),
        contactPreference: text(input.contactPreference, 'contactPreference', false),
        reasonableAdjustments: text(input.reasonableAdjustments, 'reasonableAdjustments', false),
        representative: input.representative ? { ...input.representative } : undefined,
        evidence: (input.evidence ?? []).map((e) => ({ kind: e.kind, url: e.url, ...(e.contentType ? { contentType: e.contentType } : {}), addedAt: now })),
        flags: [...new Set([...(input.flags ?? []), ...timeLimit.flags])],
        feedbackKind: input.feedbackKind,
        relatedReferences: input.relatedReferences ?? [],
        receivedAt,
        handlers: {},
        deadlines,
        stageDeadlines: DEADLINE_STAGES.has(input.stage) ? { [input.stage]: deadlines } : {},
        stageTimes,
        extensions: [],
        responses: [],
        history: [event],
        createdAt: now,
        updatedAt: now,
        rev: 1,
      };
      for (const k of Object.keys(doc) as (keyof CaseDoc)[]) if (doc[k] === undefined) delete doc[k];
      await createRevisioned(Case, CaseEvent, doc, { ...event, reference });
      return toCaseRecord(doc);
    },

    async get(reference) {
      const doc = await findDoc(reference);
      return doc ? toCaseRecord(doc) : null;
    },

    async list(filter: CaseFilter) {
      const now = clock();
      const and: FilterQuery<CaseDoc>[] = [];
      if (filter.stage) and.push({ stage: filter.stage });
      if (filter.status) and.push({ status: filter.status });
      if (filter.statuses) and.push({ status: { $in: filter.statuses } });
      if (filter.channel) and.push({ channel: filter.channel });
      if (filter.language) and.push({ language: filter.language });
      if (filter.contactId) and.push({ contactId: filter.contactId });
      if (filter.reference) and.push({ reference: filter.reference.trim().toUpperCase() });
      if (filter.handler) and.push({ $or: [{ 'handlers.quick': filter.handler }, { 'handlers.stage1': filter.handler }, { 'handlers.stage2': filter.handler }] });
      const overdue: FilterQuery<CaseDoc> = {
        $or: [
          { status: { $in: [...AWAITING_ACKNOWLEDGEMENT] }, 'deadlines.acknowledgeBy': { $ne: null, $lt: now } },
          { status: { $in: [...AWAITING_RESPONSE] }, 'deadlines.respondBy': { $ne: null, $lt: now } },
        ],
      };
      if (filter.overdue === true) and.push(overdue);
      const limit = Math.min(Math.max(filter.limit ?? 100, 1), MAX_CASE_LIST);
      const docs = await Case.find(and.length ? { $and: and } : {})
        .sort({ receivedAt: -1 })
        .limit(limit)
        .lean<CaseDoc[]>();
      let records = (await rollForwardMany(docs)).map(toCaseRecord);
      if (filter.overdue === false) records = records.filter((r) => !isOverdue(r, now));
      return records;
    },

    async listForContact(contactId) {
      const ids = await caseIdsForContact(Counter, contactId);
      if (ids === undefined) {
        const docs = await Case.find({ contactId }).sort({ receivedAt: -1 }).limit(200).lean<CaseDoc[]>();
        return (await rollForwardMany(docs)).map(toCaseRecord);
      }
      // The tenant's own list, by _id (a case listed but never written, or moved, is left out).
      const found = await Promise.all(ids.slice(-200).map((id) => Case.findById(id).lean<CaseDoc>()));
      const docs = found.filter((d): d is CaseDoc => d !== null && d.contactId === contactId);
      const current = await Promise.all(docs.map((d) => rollForward(Case, CaseEvent, d)));
      return current.sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime()).map(toCaseRecord);
    },

    acknowledge(reference, actor) {
      return transition(reference, actor, (doc, now) => {
        requireStaff(actor, 'acknowledge a case');
        live(doc, 'acknowledge');
        if (!awaitsAcknowledgement(doc.status)) throw new CaseRuleError('invalid_transition', `only an open or just-escalated case can be acknowledged; ${doc.reference} is ${doc.status.replace('_', ' ')}`);
        return { action: 'acknowledge', set: { status: 'acknowledged', acknowledgedAt: now, stageTimes: withTimes(doc, { acknowledgedAt: now }) } };
      });
    },

    assign(reference, handler, actor) {
      return transition(reference, actor, (doc) => {
        requireStaff(actor, 'assign a case');
        live(doc, 'assign');
        const who = text(handler, 'handler', true)!;
        checkStage2Handler(doc, who);
        return { action: 'assign', reason: `${STAGE_NAMES[doc.stage as Stage]} handler: ${who}`, set: { handlers: { ...(doc.handlers ?? {}), [doc.stage]: who } } };
      });
    },

    respond(reference, response, actor) {
      return transition(reference, actor, (doc, now) => {
        requireStaff(actor, 'record a response');
        live(doc, 'respond');
        if (!DEADLINE_STAGES.has(doc.stage)) throw new CaseRuleError('invalid_transition', `${STAGE_NAMES[doc.stage as Stage]} has no stage response; close it instead`);
        if (!LIVE_BEFORE_RESPONSE.has(doc.status)) throw new CaseRuleError('invalid_transition', `cannot respond: ${doc.reference} is ${doc.status.replace('_', ' ')}`);
        if (!response || !DECISIONS.has(response.decision)) throw new CaseRuleError('invalid_input', 'decision must be upheld, partly_upheld, not_upheld or resolved');
        const reasons = text(response.reasons, 'reasons', true)!;
        checkStage2Handler(doc, doc.handlers?.[doc.stage] ?? actor.id);
        const pence = response.compensationPence;
        if (pence !== undefined && (!Number.isInteger(pence) || pence < 0)) throw new CaseRuleError('invalid_input', 'compensationPence must be a whole number of pence, 0 or more');
        if (pence && pack.compensation) {
          const limit = pack.compensation.limits.find((l) => l.stage === doc.stage);
          if (limit && pence > limit.maxPence && !response.compensationApprovedBy?.trim()) {
            const covering = [...pack.compensation.limits].sort((a, b) => a.maxPence - b.maxPence).find((l) => l.maxPence >= pence);
            const approver = covering ? covering.approvedBy : pack.compensation.aboveLimitsApprovedBy;
            throw new CaseRuleError(
              'compensation_over_limit',
              `${pounds(pence)} is above the ${STAGE_NAMES[doc.stage as Stage]} limit of ${pounds(limit.maxPence)}: it needs approval by ${approver} (give compensationApprovedBy)`,
            );
          }
        }
        const recorded = {
          stage: doc.stage,
          decision: response.decision,
          reasons,
          ...(response.remedy ? { remedy: response.remedy } : {}),
          ...(pence !== undefined ? { compensationPence: pence } : {}),
          ...(response.compensationApprovedBy ? { compensationApprovedBy: response.compensationApprovedBy } : {}),
          ...(response.outstandingActions?.length ? { outstandingActions: response.outstandingActions } : {}),
          ...(response.rootCause ? { rootCause: response.rootCause } : {}),
          at: now,
          by: actor.id,
        };
        const t = times(doc);
        return {
          action: 'respond',
          reason: `${response.decision.replace('_', ' ')}`,
          set: {
            status: 'responded',
            acknowledgedAt: doc.acknowledgedAt ?? now,
            responses: [...(doc.responses ?? []), recorded],
            stageTimes: withTimes(doc, { acknowledgedAt: t.acknowledgedAt ?? now, respondedAt: now }),
          },
        };
      });
    },

    extend(reference, input, actor) {
      return transition(reference, actor, (doc, now) => {
        requireStaff(actor, 'extend a deadline');
        live(doc, 'extend');
        if (doc.stage !== 'stage1' && doc.stage !== 'stage2') throw new CaseRuleError('invalid_transition', `only Stage 1 and Stage 2 responses can be extended, not ${STAGE_NAMES[doc.stage as Stage]}`);
        if (!LIVE_BEFORE_RESPONSE.has(doc.status)) throw new CaseRuleError('invalid_transition', `cannot extend: ${doc.reference} is ${doc.status.replace('_', ' ')}`);
        const reason = text(input?.reason, 'reason', true)!;
        if (!(input.newRespondBy instanceof Date) || Number.isNaN(input.newRespondBy.getTime())) throw new CaseRuleError('invalid_input', 'newRespondBy must be a date');
        const rule = pack[doc.stage].extension;
        if (!rule.allowed) throw new CaseRuleError('extension_too_long', `${pack.name} does not allow extensions at ${STAGE_NAMES[doc.stage as Stage]}`);
        if (rule.requiresTenantAgreement && !input.tenantAgreed) throw new CaseRuleError('invalid_input', `${rule.note} (set tenantAgreed once the tenant has agreed)`);
        const newDate = londonDate(input.newRespondBy);
        const current = doc.deadlines?.respondBy ? londonDate(doc.deadlines.respondBy) : null;
        if (current && newDate <= current) throw new CaseRuleError('invalid_input', `the new date ${newDate} must be after the current deadline ${current}`);
        if (newDate <= londonDate(now)) throw new CaseRuleError('invalid_input', `the new date ${newDate} must be in the future`);
        const t = times(doc);
        const baseline = baselineRespondBy(doc.stage, t);
        if (baseline) {
          const held = t.heldWorkingDays ?? 0;
          const added = calendar.workingDaysBetween(baseline, newDate) - held;
          const limit = input.exceptional && rule.exceptionalMaxWorkingDays !== null ? rule.exceptionalMaxWorkingDays : rule.maxWorkingDays;
          if (limit !== null && added > limit && !(rule.beyondLimitByAgreement && input.tenantAgreed)) {
            throw new CaseRuleError(
              'extension_too_long',
              `${added} working days is more than the ${limit} working days ${pack.name} allows at ${STAGE_NAMES[doc.stage as Stage]}${rule.beyondLimitByAgreement ? ' without the tenant’s agreement' : ''}: ${rule.note}`,
            );
          }
        }
        const extension: InternalExtension = {
          stage: doc.stage,
          reason,
          previousRespondBy: doc.deadlines?.respondBy ?? null,
          newRespondBy: toInstants({ acknowledgeBy: null, respondBy: newDate, escalateBy: null }).respondBy!,
          at: now,
          by: actor.id,
          ...(input.exceptional ? { exceptional: true } : {}),
          ...(input.tenantAgreed ? { tenantAgreed: true } : {}),
          heldBefore: t.heldWorkingDays ?? 0,
        };
        return { action: 'extend', reason: `to ${newDate}: ${reason}`, set: { extensions: [...(doc.extensions ?? []), extension] } };
      });
    },

    escalate(reference, input, actor) {
      return transition(reference, actor, (doc, now) => {
        live(doc, 'escalate');
        const override = text(input?.overrideReason, 'overrideReason', false);
        if (override && actor.kind !== 'staff') throw new CaseRuleError('invalid_input', 'only staff can override the escalation rules');
        const reasons = text(input?.reasons, 'reasons', false);
        const onBehalf = input?.onBehalf ? ' (requested on the tenant’s behalf)' : '';
        if (doc.status === 'on_hold') throw new CaseRuleError('invalid_transition', `${doc.reference} is on hold; resume it first`);

        if (doc.stage === 'quick') {
          if (doc.status === 'responded' && doc.deadlines?.escalateBy && now > doc.deadlines.escalateBy && !override) {
            throw new CaseRuleError('outside_window', `the time to go formal ended on ${londonDate(doc.deadlines.escalateBy)}; staff can still accept it with a reason`);
          }
          return {
            action: 'escalate',
            reason: [reasons, override && `override: ${override}`].filter(Boolean).join('; ') + onBehalf || undefined,
            set: { stage: 'stage1', status: 'escalated', acknowledgedAt: undefined, stageTimes: { ...(doc.stageTimes ?? {}), stage1: { startedAt: now } } },
          };
        }

        if (doc.stage === 'stage1') {
          if (doc.status !== 'responded' && !override) {
            throw new CaseRuleError('invalid_transition', 'Stage 2 can be asked for only after the Stage 1 response; staff can escalate earlier with a reason');
          }
          if (doc.status === 'responded' && doc.deadlines?.escalateBy && now > doc.deadlines.escalateBy && !override) {
            throw new CaseRuleError('outside_window', `the time to ask for Stage 2 ended on ${londonDate(doc.deadlines.escalateBy)} (${pack.stage2Request.windowNote}); staff can still accept it with a reason`);
          }
          if (pack.stage2Request.reasonsRequired && !reasons) {
            throw new CaseRuleError('reasons_required', `please say why you are still unhappy: ${pack.stage2Request.reasonsNote}`);
          }
          return {
            action: 'escalate',
            reason: [reasons, override && `override: ${override}`].filter(Boolean).join('; ') + onBehalf || undefined,
            set: {
              stage: 'stage2',
              status: 'escalated',
              acknowledgedAt: undefined,
              ...(reasons ? { stage2Reasons: reasons } : {}),
              stageTimes: { ...(doc.stageTimes ?? {}), stage2: { startedAt: now } },
            },
          };
        }

        if (doc.stage === 'stage2') {
          throw new CaseRuleError('invalid_transition', `Stage 2 is the last stage of ${pack.landlord}'s process: ${pack.signposting.afterInternalProcessText}`);
        }
        throw new CaseRuleError('invalid_transition', `${STAGE_NAMES[doc.stage as Stage]} cannot be escalated; open a complaint instead`);
      });
    },

    hold(reference, reason, actor) {
      return transition(reference, actor, (doc, now) => {
        requireStaff(actor, 'put a case on hold');
        live(doc, 'hold');
        const why = text(reason, 'reason', true)!;
        if (!LIVE_BEFORE_RESPONSE.has(doc.status)) throw new CaseRuleError('invalid_transition', `cannot hold: ${doc.reference} is ${doc.status.replace('_', ' ')}`);
        return { action: 'hold', reason: why, set: { status: 'on_hold', holdReason: why, hold: { fromStatus: doc.status, at: now } } };
      });
    },

    resume(reference, actor) {
      return transition(reference, actor, (doc, now) => {
        requireStaff(actor, 'resume a case');
        if (doc.status !== 'on_hold' || !doc.hold) throw new CaseRuleError('invalid_transition', `${doc.reference} is not on hold`);
        // The clock stops while a case is on hold: deadlines move on by the working days it was held.
        const held = Math.max(0, calendar.workingDaysBetween(doc.hold.at, now));
        const t = times(doc);
        const patch: Partial<InternalTimes> = { heldWorkingDays: (t.heldWorkingDays ?? 0) + held };
        if (awaitsAcknowledgement(doc.hold.fromStatus)) patch.heldBeforeAcknowledgement = (t.heldBeforeAcknowledgement ?? 0) + held;
        return {
          action: 'resume',
          reason: `held ${held} working day${held === 1 ? '' : 's'}`,
          set: { status: doc.hold.fromStatus, hold: undefined, stageTimes: withTimes(doc, patch) },
        };
      });
    },

    notAccepted(reference, reason, actor) {
      return transition(reference, actor, (doc) => {
        requireStaff(actor, 'decline a complaint');
        live(doc, 'decline');
        const why = text(reason, 'reason', true)!;
        // Twenty11, Red Kite: excluding a matter older than the time limit needs the senior role the pack names.
        const authority = pack.timeLimitToRaise.exclusionAuthority;
        if (authority && doc.flags?.includes('older_than_time_limit') && actor.role !== 'manager') {
          throw new CaseRuleError('needs_authority', `${doc.reference} is older than the time limit; declining it needs the ${authority}. Please ask a manager to decide.`);
        }
        if (!LIVE_BEFORE_RESPONSE.has(doc.status)) throw new CaseRuleError('invalid_transition', `cannot decline: ${doc.reference} is ${doc.status.replace('_', ' ')}`);
        return { action: 'not_accepted', reason: why, set: { status: 'not_accepted', notAcceptedReason: why, closedAt: clock() } };
      });
    },

    close(reference, reason, actor) {
      return transition(reference, actor, (doc, now) => {
        requireStaff(actor, 'close a case');
        live(doc, 'close');
        const why = text(reason, 'reason', true)!;
        return { action: 'close', reason: why, set: { status: 'closed', closedAt: now, hold: undefined } };
      });
    },

    withdraw(reference, reason, actor) {
      return transition(reference, actor, (doc, now) => {
        live(doc, 'withdraw');
        const why = text(reason, 'reason', true)!;
        return { action: 'withdraw', reason: why, set: { status: 'withdrawn', closedAt: now, hold: undefined } };
      });
    },

    addEvidence(reference, evidence, actor) {
      return transition(reference, actor, (doc, now) => {
        live(doc, 'add evidence');
        const kind = text(evidence?.kind, 'evidence kind', true)!;
        const url = text(evidence?.url, 'evidence url', true)!;
        return {
          action: 'add_evidence',
          reason: kind,
          set: { evidence: [...(doc.evidence ?? []), { kind, url, ...(evidence.contentType ? { contentType: evidence.contentType } : {}), addedAt: now }] },
        };
      });
    },

    async recordEvent(reference, input, actor) {
      if (input?.action === 'awaiting_tenant') {
        // Marked before the entry is written: a tenant's turn reads this one `_id` instead of listing their cases.
        const doc = await findDoc(reference);
        if (doc) await markAwaitingTenant(Counter, doc.contactId, clock());
      }
      return transition(reference, actor, (doc) => {
        if (!input || !NOTE_ACTIONS.has(input.action)) throw new CaseRuleError('invalid_input', `action must be one of ${[...NOTE_ACTIONS].join(', ')}`);
        if (input.action !== 'tenant_contact') requireStaff(actor, 'record that');
        if (input.action === 'awaiting_tenant') {
          live(doc, 'wait for the tenant');
          if (doc.status === 'on_hold') throw new CaseRuleError('invalid_transition', `${doc.reference} is on hold; resume it first`);
        }
        const reason = text(input.reason, 'reason', input.action === 'awaiting_tenant');
        return { action: input.action, ...(reason ? { reason } : {}), set: {} };
      });
    },

    recordSatisfaction(reference, score, comment, actor) {
      return transition(reference, actor, (doc, now) => {
        if (doc.status !== 'closed') throw new CaseRuleError('invalid_transition', 'satisfaction is asked for once a case is closed');
        if (!Number.isInteger(score) || score < 1 || score > 5) throw new CaseRuleError('invalid_input', 'score must be a whole number from 1 to 5');
        const note = text(comment, 'comment', false);
        return { action: 'satisfaction', reason: `score ${score}`, set: { satisfaction: { score, ...(note ? { comment: note } : {}), at: now } } };
      });
    },
  };
}

/** Waiting for acknowledgement or response and past its acknowledge-by or respond-by. */
export function isOverdue(record: Pick<CaseRecord, 'status' | 'deadlines'>, now: Date): boolean {
  const { acknowledgeBy, respondBy } = record.deadlines;
  if (awaitsAcknowledgement(record.status) && acknowledgeBy && acknowledgeBy < now) return true;
  return awaitsResponse(record.status) && !!respondBy && respondBy < now;
}

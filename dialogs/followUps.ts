// Messages the landlord starts (scheduler jobs) and the tenant's answers to them: the quick-fix
// check at its deadline, and the satisfaction survey when a case closes. What we are waiting for
// is kept in bot state (MongoDB) under the tenant's channel identity, so any instance can take
// the answer, after any restart.
import type { Storage, TurnContext } from 'botbuilder';
import type { CaseRecord, CaseService } from '../services/cases/types';
import type { ChannelIdentity, ContactService } from '../services/contacts/types';
import type { Logger } from '../services/logging/logger';
import type { TenantAddress, TenantMessenger } from '../services/notifications/tenantMessenger';
import type { PolicyPack } from '../services/policy';
import type { Scheduler } from '../services/scheduler/types';
import { deadlineVars, sendOmbudsman } from './caseText';
import { createCatalogs, Catalogs, normalise } from './i18n';
import { pendingKey, send, turnOf } from './tenantTurn';
import { StateConflictError } from '../services/state/stateStore';

export const SATISFACTION_SURVEY_JOB = 'tenant.satisfactionSurvey';
/** Repeating job: surveys every complaint closed recently that has not been surveyed yet. */
export const SURVEY_SCAN_JOB = 'tenant.surveyScan';
const SURVEYED_STAGES = new Set(['quick', 'stage1', 'stage2']);
const SURVEY_LOOKBACK_MS = 14 * 24 * 60 * 60 * 1000;

/** True exactly once per case, across instances: a create-only write of the survey marker. */
export async function claimSurvey(storage: Storage, reference: string, at: Date): Promise<boolean> {
  try {
    await storage.write({ [`tenant-survey/${reference}`]: { at: at.toISOString(), eTag: '0' } });
    return true;
  } catch (err) {
    if (err instanceof StateConflictError) return false;
    throw err;
  }
}

/** Sends the survey for complaints closed in the last two weeks that have not had one. */
export async function surveyClosedCases(deps: FollowUpDeps): Promise<number> {
  const now = (deps.clock ?? (() => new Date()))();
  const closed = await deps.cases.list({ status: 'closed', limit: 500 });
  let sent = 0;
  for (const record of closed) {
    if (!SURVEYED_STAGES.has(record.stage) || record.satisfaction || !record.closedAt) continue;
    if (now.getTime() - record.closedAt.getTime() > SURVEY_LOOKBACK_MS) continue;
    if (!(await claimSurvey(deps.storage, record.reference, now))) continue;
    if (await sendSatisfactionSurvey(deps, record.reference)) sent++;
  }
  return sent;
}

export type PendingFollowUp =
  | { kind: 'quick_check'; reference: string; at: string }
  | { kind: 'survey'; reference: string; step: 'score' | 'comment'; score?: number; at: string };

export interface FollowUpDeps {
  storage: Storage;
  cases: CaseService;
  contacts: ContactService;
  messenger: TenantMessenger;
  pack: PolicyPack;
  logger: Logger;
  catalogs?: Catalogs;
  landlordName?: string;
  clock?: () => Date;
}

export async function readPending(storage: Storage, identity: ChannelIdentity): Promise<PendingFollowUp | undefined> {
  const key = pendingKey(identity);
  const items = await storage.read([key]);
  const item = items[key] as { pending?: PendingFollowUp } | undefined;
  return item?.pending;
}

export async function writePending(storage: Storage, identity: ChannelIdentity, pending: PendingFollowUp | undefined): Promise<void> {
  const key = pendingKey(identity);
  if (pending) await storage.write({ [key]: { pending, eTag: '*' } });
  else await storage.delete([key]);
}

async function reach(deps: FollowUpDeps, record: CaseRecord): Promise<{ address: TenantAddress; lang: string } | undefined> {
  const contact = await deps.contacts.get(record.contactId);
  const lang = contact?.preferredLanguage ?? record.language ?? 'en';
  if (record.address && deps.messenger.canReach(record.address)) return { address: record.address, lang };
  const identity = contact?.identities.find((i) => deps.messenger.canReach({ channel: i.channel, id: i.id }));
  if (identity) return { address: { channel: identity.channel, id: identity.id }, lang };
  if (contact?.phone && !contact.smsOptedOut && deps.messenger.canReach({ channel: 'sms', id: contact.phone })) {
    return { address: { channel: 'sms', id: contact.phone }, lang };
  }
  return undefined;
}

async function prompt(deps: FollowUpDeps, record: CaseRecord, key: string, pending: PendingFollowUp): Promise<boolean> {
  const target = await reach(deps, record);
  if (!target) {
    deps.logger.warn({ reference: record.reference, key }, 'follow-up not sent: no way to reach the tenant');
    return false;
  }
  const catalogs = deps.catalogs ?? createCatalogs();
  const text = catalogs.t(target.lang, key, { reference: record.reference, landlord: deps.landlordName ?? deps.pack.landlord });
  await writePending(deps.storage, { channel: target.address.channel, id: target.address.id }, pending);
  await deps.messenger.send(target.address, text);
  return true;
}

/** Job handler: at the quick fix's deadline, ask whether it was put right. No-op once the case moved on. */
export async function sendQuickFixFollowUp(deps: FollowUpDeps, reference: string): Promise<boolean> {
  const record = await deps.cases.get(reference);
  if (!record || record.stage !== 'quick' || ['closed', 'withdrawn', 'escalated', 'not_accepted'].includes(record.status)) return false;
  const at = (deps.clock ?? (() => new Date()))().toISOString();
  return prompt(deps, record, 'quick.followUp', { kind: 'quick_check', reference, at });
}

/** Call when a case closes (or as the job handler): asks for a 1–5 score and a comment. */
export async function sendSatisfactionSurvey(deps: FollowUpDeps, reference: string): Promise<boolean> {
  const record = await deps.cases.get(reference);
  if (!record || record.status !== 'closed' || record.satisfaction) return false;
  const at = (deps.clock ?? (() => new Date()))().toISOString();
  return prompt(deps, record, 'survey.ask', { kind: 'survey', reference, step: 'score', at });
}

function scoreOf(text: string): number | undefined {
  const m = /^\s*([1-5])\s*(\/\s*5)?\s*[.!]?\s*$/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/**
 * Takes the tenant's answer to a pending follow-up. Returns false when the message is not an
 * answer (the pending question is then dropped and the message handled as new).
 */
export async function handlePendingReply(context: TurnContext, pending: PendingFollowUp): Promise<boolean> {
  const turn = turnOf(context);
  const { deps } = turn;
  const text = context.activity.text ?? '';
  const folded = normalise(text);
  const yes = turn.catalogs.words(turn.lang, 'words.yes').includes(folded);
  const no = turn.catalogs.words(turn.lang, 'words.no').includes(folded);
  const skip = turn.catalogs.words(turn.lang, 'words.skip').includes(folded);

  if (pending.kind === 'quick_check') {
    if (!yes && !no) {
      await writePending(deps.storage, turn.identity, undefined);
      return false;
    }
    await writePending(deps.storage, turn.identity, undefined);
    if (yes) {
      // Closing is a staff/system transition: the bot records it on the tenant's word.
      await deps.cases.close(pending.reference, `Tenant ${turn.contact.id} confirmed the quick fix put things right`, {
        kind: 'system',
        id: 'tenant-bot',
        channel: turn.identity.channel,
      });
      await send(context, 'quick.resolved', { reference: pending.reference });
      await claimSurvey(deps.storage, pending.reference, turn.now);
      await send(context, 'survey.ask', { reference: pending.reference });
      await writePending(deps.storage, turn.identity, { kind: 'survey', reference: pending.reference, step: 'score', at: turn.now.toISOString() });
      return true;
    }
    const record = await deps.cases.escalate(pending.reference, {}, turn.actor);
    await send(context, 'quick.escalated', deadlineVars(context, record));
    await sendOmbudsman(context);
    return true;
  }

  if (pending.step === 'score') {
    const score = scoreOf(text);
    if (score === undefined) {
      await writePending(deps.storage, turn.identity, undefined);
      return false;
    }
    await writePending(deps.storage, turn.identity, { ...pending, step: 'comment', score });
    await send(context, 'survey.comment');
    return true;
  }
  await writePending(deps.storage, turn.identity, undefined);
  const comment = skip || no ? undefined : text.slice(0, 1000);
  await deps.cases.recordSatisfaction(pending.reference, pending.score ?? 3, comment, turn.actor);
  await send(context, 'survey.thanks');
  return true;
}

/** Registers the tenant follow-up jobs (data `{ reference }`) and starts the repeating survey scan. */
export async function defineTenantJobs(scheduler: Scheduler, deps: FollowUpDeps, quickFixJob: string, scanEveryMs = 60_000): Promise<void> {
  scheduler.define(quickFixJob, async (data) => {
    if (typeof data.reference === 'string') await sendQuickFixFollowUp(deps, data.reference);
  });
  scheduler.define(SATISFACTION_SURVEY_JOB, async (data) => {
    if (typeof data.reference === 'string' && (await claimSurvey(deps.storage, data.reference, (deps.clock ?? (() => new Date()))()))) await sendSatisfactionSurvey(deps, data.reference);
  });
  scheduler.define(SURVEY_SCAN_JOB, async () => {
    await surveyClosedCases(deps);
  });
  const now = (deps.clock ?? (() => new Date()))();
  await scheduler.schedule(SURVEY_SCAN_JOB, now, {}, { uniqueKey: SURVEY_SCAN_JOB, repeatEveryMs: scanEveryMs });
}

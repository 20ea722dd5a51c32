// Intake for dissatisfaction: reflect back, check the pack's exclusions, ask the outcome wanted,
// offer the pack's quick fix where there is one (formal at any time), else capture Stage 1,
// read it back, open the case and give the reference, dates and the Ombudsman.
import { DialogContext, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { CaseRecord } from '../services/cases/types';
import { checkTimeLimit, computeDeadlines } from '../services/policy';
import { parseIncidentDate } from './incidentDate';
import { Answer, ask } from './askDialog';
import { deadlineVars, sendOmbudsman } from './caseText';
import { clip, formatDate } from './format';
import { englishSummary } from './summary';
import { phoneText, promptLanguage, send, turnOf } from './tenantTurn';
import { openOnce } from './openOnce';
import { randomUUID } from 'node:crypto';

export const COMPLAINT_DIALOG = 'complaint';
export const QUICK_FIX_FOLLOW_UP_JOB = 'tenant.quickFixFollowUp';

export interface ComplaintOptions {
  text: string;
}

interface Capture {
  /** Identifies this run of the dialog, so its case is opened once. */
  runId: string;
  text: string;
  flags: string[];
  outcome?: string;
  when?: string;
  /** The day `when` names (ISO, kept as text in dialog state), when it names one. */
  incidentDate?: string;
  where?: string;
  contactPreference?: string;
  adjustments?: string;
  actingFor?: string;
  consent?: boolean;
  evidence: { kind: string; url: string; contentType?: string }[];
}

function capture(step: WaterfallStepContext): Capture {
  return step.values as unknown as Capture;
}

function answerOf(step: WaterfallStepContext): Answer | undefined {
  return step.result as Answer | undefined;
}

export function complaintDialog(): WaterfallDialog {
  return new WaterfallDialog(COMPLAINT_DIALOG, [
    async (step) => {
      const options = step.options as ComplaintOptions;
      const c = capture(step);
      c.text = options.text;
      c.runId = randomUUID();
      c.flags = [];
      c.evidence = [];
      return ask(step, { key: 'complaint.reflect', vars: { summary: clip(options.text, 90) }, kind: 'yesNo' });
    },
    async (step) => {
      if (answerOf(step)?.yes) return step.next();
      return ask(step, { key: 'complaint.retell', kind: 'text' });
    },
    async (step) => {
      const retold = answerOf(step);
      if (retold?.text) capture(step).text = retold.text;
      const { pack } = turnOf(step.context).deps;
      const months = pack.timeLimitToRaise.months;
      return months
        ? ask(step, { key: 'complaint.exclusions', vars: { months }, kind: 'choice', choices: 3 })
        : ask(step, { key: 'complaint.exclusionsNoLimit', kind: 'choice', choices: 2 });
    },
    async (step) => {
      const choice = answerOf(step)?.choice ?? 0;
      const { pack } = turnOf(step.context).deps;
      const ombudsman = pack.signposting.ombudsman;
      if (choice === 1 || choice === 2) {
        await send(step.context, choice === 1 ? 'complaint.excludedLegal' : 'complaint.excludedClaim', { name: ombudsman.name, phone: phoneText(step.context, ombudsman.phone) });
        return step.endDialog();
      }
      if (choice === 3) {
        const months = pack.timeLimitToRaise.months ?? 0;
        if (!pack.timeLimitToRaise.discretion) {
          await send(step.context, 'complaint.olderRefused', { months, name: ombudsman.name, phone: phoneText(step.context, ombudsman.phone) });
          return step.endDialog();
        }
        capture(step).flags.push('older_than_time_limit');
        await send(step.context, 'complaint.olderDiscretion', { months });
      }
      return ask(step, { key: 'complaint.outcome', kind: 'text' });
    },
    async (step) => {
      capture(step).outcome = answerOf(step)?.text;
      const turn = turnOf(step.context);
      const { deps, now } = turn;
      if (deps.pack.earlyRoute.kind !== 'quick') return step.next();
      const due = computeDeadlines(deps.pack, deps.calendar, { stage: 'quick', receivedAt: now });
      const date = formatDate(due.respondBy ?? due.acknowledgeBy, promptLanguage(turn));
      return ask(step, { key: 'quick.offer', vars: { date }, kind: 'choice', choices: 2 });
    },
    async (step) => {
      if (answerOf(step)?.choice === 1) {
        await openQuickFix(step, capture(step));
        return step.endDialog();
      }
      return ask(step, { key: 'stage1.when', kind: 'text' });
    },
    async (step) => {
      const c = capture(step);
      c.when = answerOf(step)?.text;
      await noteIncidentDate(step, c);
      return ask(step, { key: 'stage1.where', kind: 'text' });
    },
    async (step) => {
      capture(step).where = answerOf(step)?.text;
      return ask(step, { key: 'stage1.contactPref', kind: 'text' });
    },
    async (step) => {
      capture(step).contactPreference = answerOf(step)?.text;
      return ask(step, { key: 'stage1.adjustments', kind: 'optionalText' });
    },
    async (step) => {
      const a = answerOf(step);
      if (a && !a.skipped) capture(step).adjustments = a.text;
      return ask(step, { key: 'stage1.actingFor', kind: 'yesNo' });
    },
    async (step) => {
      if (!answerOf(step)?.yes) return step.next();
      return ask(step, { key: 'stage1.forWhom', kind: 'text' });
    },
    async (step) => {
      const who = answerOf(step);
      if (!who) return step.next();
      capture(step).actingFor = who.text;
      return ask(step, { key: 'stage1.consent', kind: 'yesNo' });
    },
    async (step) => {
      const c = capture(step);
      const consent = answerOf(step);
      if (c.actingFor) {
        c.consent = consent?.yes === true;
        if (!c.consent) await send(step.context, 'stage1.noConsent');
      }
      return ask(step, { key: 'stage1.evidence', kind: 'evidence' });
    },
    async (step) => {
      const c = capture(step);
      const a = answerOf(step);
      for (const att of a?.attachments ?? []) {
        if (!att.contentUrl) continue;
        c.evidence.push({ kind: att.contentType?.startsWith('image/') ? 'photo' : 'document', url: att.contentUrl, contentType: att.contentType });
      }
      if (c.evidence.length) await send(step.context, 'stage1.evidenceThanks', { count: c.evidence.length });
      return ask(step, {
        key: 'stage1.readBack',
        vars: { what: clip(c.text, 70), when: clip(c.when, 25), where: clip(c.where, 40), outcome: clip(c.outcome, 50) },
        kind: 'yesNo',
      });
    },
    async (step) => {
      const c = capture(step);
      if (!answerOf(step)?.yes) {
        await send(step.context, 'stage1.notConfirmed');
        return step.replaceDialog(COMPLAINT_DIALOG, { text: c.text });
      }
      const record = await openStage1(step, c);
      await send(step.context, 'stage1.created', deadlineVars(step.context, record));
      const { deps } = turnOf(step.context);
      if (deps.pack.earlyRoute.kind === 'none') await send(step.context, 'stage1.earlyResolution');
      await sendOmbudsman(step.context);
      return step.endDialog(record.reference);
    },
  ]);
}

/**
 * A date in the "when" answer goes on the case, where the case service checks the pack's time
 * limit. Older than the limit where the pack allows discretion: the tenant is told a manager
 * decides (as when they said so at the exclusions question). Older where the pack has no
 * discretion: the tenant already told us it was not older, so this is most likely when an ongoing
 * problem started; the date is left off (the case service would refuse it) and staff judge it
 * from the tenant's words, rather than the bot turning away an ongoing problem.
 */
async function noteIncidentDate(step: WaterfallStepContext, c: Capture): Promise<void> {
  const { deps, now } = turnOf(step.context);
  const date = c.when ? parseIncidentDate(c.when, now) : undefined;
  if (!date) return;
  const check = checkTimeLimit(deps.pack, date, now);
  if (check.older && !check.discretion) return;
  c.incidentDate = date.toISOString();
  if (check.older && !c.flags.includes('older_than_time_limit')) {
    c.flags.push('older_than_time_limit');
    await send(step.context, 'complaint.olderDiscretion', { months: deps.pack.timeLimitToRaise.months ?? 0 });
  }
}

function caseFlags(dc: DialogContext, c: Capture): string[] {
  const turn = turnOf(dc.context);
  return [...new Set([...(turn.convo.flags ?? []), ...c.flags])];
}

async function openStage1(dc: DialogContext, c: Capture): Promise<CaseRecord> {
  const turn = turnOf(dc.context);
  const representative = c.actingFor ? { name: c.actingFor, consent: c.consent === true } : undefined;
  const summary = await englishSummary(dc.context, c.text);
  return openOnce(dc.context, c.runId, () => turn.deps.cases.open(
    {
      contactId: turn.contact.id,
      stage: 'stage1',
      channel: turn.identity.channel,
      address: turn.address,
      language: turn.lang,
      summary,
      originalText: c.text,
      desiredOutcome: c.outcome,
      whatHappened: c.text,
      whenHappened: c.when,
      ...(c.incidentDate ? { incidentDate: new Date(c.incidentDate) } : {}),
      location: c.where,
      contactPreference: c.contactPreference,
      reasonableAdjustments: c.adjustments,
      representative,
      evidence: c.evidence,
      flags: caseFlags(dc, c),
    },
    turn.actor,
  ));
}

async function openQuickFix(dc: DialogContext, c: Capture): Promise<void> {
  const turn = turnOf(dc.context);
  const summary = await englishSummary(dc.context, c.text);
  const record = await openOnce(dc.context, c.runId, () =>
    turn.deps.cases.open(
      {
        contactId: turn.contact.id,
        stage: 'quick',
        channel: turn.identity.channel,
        address: turn.address,
        language: turn.lang,
        summary,
        originalText: c.text,
        desiredOutcome: c.outcome,
        flags: caseFlags(dc, c),
      },
      turn.actor,
    ),
  );
  const followUpAt = record.deadlines.respondBy ?? record.deadlines.acknowledgeBy;
  if (followUpAt && turn.deps.scheduler) {
    await turn.deps.scheduler.schedule(QUICK_FIX_FOLLOW_UP_JOB, followUpAt, { reference: record.reference }, { uniqueKey: `quick-follow-up:${record.reference}` });
  }
  await send(dc.context, 'quick.opened', { reference: record.reference, date: formatDate(followUpAt, promptLanguage(turn)) });
}

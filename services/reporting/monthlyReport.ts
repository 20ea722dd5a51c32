// The monthly complaints report (volumes, outcomes, root causes, timeliness, compensation) and
// the Tenant Satisfaction Measures CH01/CH02, computed from case records. Pure: the caller loads
// the cases; nothing here touches the database, so the figures can be checked from plain data.
import type { CaseRecord, Stage, StageResponse } from '../cases/types';

export interface MonthlyReportOptions {
  /** YYYY-MM (UTC month). */
  month: string;
  /** Homes owned/managed, for CH01 (complaints per 1,000 homes). Omitted → CH01 not computed. */
  homesCount?: number;
}

export interface TimelinessFigure {
  responses: number;
  withinTimescale: number;
  /** 0–100 with one decimal, null when there were no responses. */
  percent: number | null;
}

export interface MonthlyReport {
  month: string;
  from: string;
  to: string;
  received: {
    total: number;
    byStage: Record<string, number>;
    byCategory: Record<string, number>;
    byChannel: Record<string, number>;
  };
  /** Stage 2 requests made in the month (cases escalated into stage 2). */
  escalatedToStage2: number;
  responses: {
    total: number;
    byStage: Record<string, number>;
    byDecision: Record<string, number>;
    byRootCause: Record<string, number>;
  };
  timeliness: {
    /** Against the deadline in force when responding (extensions taken within the pack's limits count). */
    all: TimelinessFigure;
    byStage: Record<string, TimelinessFigure>;
  };
  compensation: { totalPence: number; cases: number; byStage: Record<string, number> };
  closed: number;
  notAccepted: number;
  tsm: {
    homesCount: number | null;
    /** CH01: complaints received per 1,000 homes, Stage 1 and Stage 2 (null without a homes count). */
    ch01: { stage1: number | null; stage2: number | null };
    /** CH02: % of Stage 1 / Stage 2 responses within the Code timescales. */
    ch02: { stage1: number | null; stage2: number | null };
  };
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export class ReportInputError extends Error {}

export function monthRange(month: string): { from: Date; to: Date } {
  const m = MONTH_RE.exec(month);
  if (!m) throw new ReportInputError(`month must be YYYY-MM, got "${month}"`);
  const year = Number(m[1]);
  const index = Number(m[2]) - 1;
  return { from: new Date(Date.UTC(year, index, 1)), to: new Date(Date.UTC(year, index + 1, 1)) };
}

const inRange = (d: Date | undefined, from: Date, to: Date) => !!d && d.getTime() >= from.getTime() && d.getTime() < to.getTime();

function bump(map: Record<string, number>, key: string, by = 1): void {
  map[key] = (map[key] ?? 0) + by;
}

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/** The respond-by date in force for a stage at the moment the response was given. */
function deadlineFor(c: CaseRecord, r: StageResponse): Date | null {
  const extensions = c.extensions.filter((e) => e.stage === r.stage && e.at.getTime() <= r.at.getTime());
  if (extensions.length > 0) return extensions[extensions.length - 1].newRespondBy;
  const stageDeadline = c.stageDeadlines[r.stage]?.respondBy ?? (c.stage === r.stage ? c.deadlines.respondBy : null);
  return stageDeadline ?? null;
}

/** Responses are on time up to the end of the deadline day (deadlines are dates). */
function onTime(at: Date, deadline: Date): boolean {
  const endOfDay = new Date(deadline);
  endOfDay.setUTCHours(23, 59, 59, 999);
  return at.getTime() <= endOfDay.getTime();
}

/** Stages that count as complaints for CH01/CH02 (service requests and feedback do not). */
const COMPLAINT_STAGES: Stage[] = ['quick', 'stage1', 'stage2'];

export function buildMonthlyReport(cases: CaseRecord[], options: MonthlyReportOptions): MonthlyReport {
  const { from, to } = monthRange(options.month);
  const report: MonthlyReport = {
    month: options.month,
    from: from.toISOString(),
    to: to.toISOString(),
    received: { total: 0, byStage: {}, byCategory: {}, byChannel: {} },
    escalatedToStage2: 0,
    responses: { total: 0, byStage: {}, byDecision: {}, byRootCause: {} },
    timeliness: { all: { responses: 0, withinTimescale: 0, percent: null }, byStage: {} },
    compensation: { totalPence: 0, cases: 0, byStage: {} },
    closed: 0,
    notAccepted: 0,
    tsm: { homesCount: options.homesCount ?? null, ch01: { stage1: null, stage2: null }, ch02: { stage1: null, stage2: null } },
  };

  let stage1Received = 0;
  for (const c of cases) {
    if (inRange(c.receivedAt, from, to)) {
      // A case is counted once, at the stage it was received at (quick fixes that escalate count
      // again as Stage 2 requests below, never twice as Stage 1).
      const receivedStage = firstStage(c);
      report.received.total += 1;
      bump(report.received.byStage, receivedStage);
      bump(report.received.byCategory, c.category ?? 'uncategorised');
      bump(report.received.byChannel, c.channel);
      if (receivedStage === 'stage1') stage1Received += 1;
    }
    // Quick fixes escalated to Stage 1 in the month are Stage 1 complaints received then.
    for (const h of c.history) {
      if (!inRange(h.at, from, to)) continue;
      if (h.toStage === 'stage1' && h.fromStage === 'quick') stage1Received += 1;
      if (h.toStage === 'stage2' && h.fromStage !== 'stage2') report.escalatedToStage2 += 1;
      if (h.toStatus === 'closed' && h.fromStatus !== 'closed') report.closed += 1;
      if (h.toStatus === 'not_accepted' && h.fromStatus !== 'not_accepted') report.notAccepted += 1;
    }

    let compensated = false;
    for (const r of c.responses) {
      if (!inRange(r.at, from, to)) continue;
      report.responses.total += 1;
      bump(report.responses.byStage, r.stage);
      bump(report.responses.byDecision, r.decision);
      bump(report.responses.byRootCause, r.rootCause ?? 'not recorded');
      if (r.compensationPence && r.compensationPence > 0) {
        report.compensation.totalPence += r.compensationPence;
        bump(report.compensation.byStage, r.stage, r.compensationPence);
        compensated = true;
      }
      const deadline = deadlineFor(c, r);
      if (deadline && COMPLAINT_STAGES.includes(r.stage)) {
        const fig = (report.timeliness.byStage[r.stage] ??= { responses: 0, withinTimescale: 0, percent: null });
        fig.responses += 1;
        report.timeliness.all.responses += 1;
        if (onTime(r.at, deadline)) {
          fig.withinTimescale += 1;
          report.timeliness.all.withinTimescale += 1;
        }
      }
    }
    if (compensated) report.compensation.cases += 1;
  }

  for (const fig of [report.timeliness.all, ...Object.values(report.timeliness.byStage)]) {
    fig.percent = percent(fig.withinTimescale, fig.responses);
  }
  if (options.homesCount && options.homesCount > 0) {
    const per1000 = (n: number) => Math.round((n / options.homesCount!) * 1000 * 100) / 100;
    report.tsm.ch01 = { stage1: per1000(stage1Received), stage2: per1000(report.escalatedToStage2) };
  }
  report.tsm.ch02 = {
    stage1: report.timeliness.byStage.stage1?.percent ?? null,
    stage2: report.timeliness.byStage.stage2?.percent ?? null,
  };
  return report;
}

/** The stage a case was received at: where its first stage move started, else where it is now. */
function firstStage(c: CaseRecord): Stage {
  const firstMove = c.history.find((h) => h.fromStage && h.toStage && h.fromStage !== h.toStage);
  return firstMove?.fromStage ?? c.stage;
}

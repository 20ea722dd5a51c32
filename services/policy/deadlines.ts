// Deadlines for one stage of a case, from the pack's timescales and the working-day calendar.
// Counting rule (POLICIES.md): "within N WD of X" is the N-th working day after X (X = day 0).
// A response counted from acknowledgement, before the case is acknowledged, is projected from
// the acknowledge-by date.
import { CalendarDate, endOfLondonDay, toCalendarDate, WorkingCalendar } from './calendar';
import type { Period, PolicyPack } from './packSchema';

export type DeadlineStage = 'quick' | 'stage1' | 'stage2';

export interface DeadlineInput {
  stage: DeadlineStage;
  /** Receipt (quick, Stage 1) or the escalation request (Stage 2). */
  receivedAt: Date | CalendarDate;
  acknowledgedAt?: Date | CalendarDate | null;
  /** The stage's response; needed for escalateBy. */
  respondedAt?: Date | CalendarDate | null;
}

/** Europe/London calendar dates; null where the pack sets no timescale. */
export interface DeadlineDates {
  acknowledgeBy: CalendarDate | null;
  respondBy: CalendarDate | null;
  /** Last day to ask for the next stage (formal after a quick fix, Stage 2 after Stage 1). */
  escalateBy: CalendarDate | null;
}

/** The same deadlines as instants: the last moment (23:59:59.999 Europe/London) of each date. */
export interface DeadlineInstants {
  acknowledgeBy: Date | null;
  respondBy: Date | null;
  escalateBy: Date | null;
}

export function addPeriod(calendar: WorkingCalendar, from: Date | CalendarDate, period: Period): CalendarDate {
  return period.unit === 'working' ? calendar.addWorkingDays(from, period.days) : calendar.addCalendarDays(from, period.days);
}

function maybe(calendar: WorkingCalendar, from: Date | CalendarDate | null | undefined, period: Period | null): CalendarDate | null {
  if (from === null || from === undefined || period === null) return null;
  return addPeriod(calendar, from, period);
}

export function computeDeadlineDates(pack: PolicyPack, calendar: WorkingCalendar, input: DeadlineInput): DeadlineDates {
  const received = toCalendarDate(input.receivedAt);
  const acknowledged = input.acknowledgedAt ? toCalendarDate(input.acknowledgedAt) : null;
  const responded = input.respondedAt ? toCalendarDate(input.respondedAt) : null;

  if (input.stage === 'quick') {
    const route = pack.earlyRoute;
    return {
      acknowledgeBy: maybe(calendar, received, route.acknowledge),
      respondBy: maybe(calendar, received, route.respond),
      escalateBy: maybe(calendar, responded, route.formalWindow),
    };
  }

  const rule = input.stage === 'stage1' ? pack.stage1 : pack.stage2;
  const acknowledgeBy = maybe(calendar, received, rule.acknowledge);
  const respondBase = rule.respondFrom === 'receipt' ? received : (acknowledged ?? acknowledgeBy ?? received);
  const respondBy = maybe(calendar, respondBase, rule.respond);
  // Stage 2 is the last internal stage: what follows (Ombudsman, panel) has no landlord deadline.
  const escalateBy = input.stage === 'stage1' ? maybe(calendar, responded, pack.stage2Request.window) : null;
  return { acknowledgeBy, respondBy, escalateBy };
}

export function toInstants(dates: DeadlineDates): DeadlineInstants {
  const at = (d: CalendarDate | null) => (d === null ? null : endOfLondonDay(d));
  return { acknowledgeBy: at(dates.acknowledgeBy), respondBy: at(dates.respondBy), escalateBy: at(dates.escalateBy) };
}

/** Deadlines as instants (end of the London day), the form stored on a case. */
export function computeDeadlines(pack: PolicyPack, calendar: WorkingCalendar, input: DeadlineInput): DeadlineInstants {
  return toInstants(computeDeadlineDates(pack, calendar, input));
}

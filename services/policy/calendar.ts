// Working-day arithmetic on Europe/London calendar dates, with UK public holidays per nation
// from `date-holidays`. Everything counts whole calendar dates ('YYYY-MM-DD'), never instants,
// so a deadline does not move with the clock change or with the server's time zone.
//
// Counting rule (POLICIES.md): "within N working days of X" is the N-th working day after X;
// X itself is day 0 whether or not it is a working day.
import Holidays from 'date-holidays';

export const HOLIDAY_REGIONS = ['ENG', 'SCT', 'WLS', 'NIR'] as const;
export type HolidayRegion = (typeof HOLIDAY_REGIONS)[number];

/** A Europe/London calendar date, 'YYYY-MM-DD'. */
export type CalendarDate = string;

export interface PublicHoliday {
  date: CalendarDate;
  name: string;
}

export interface WorkingCalendar {
  readonly region: HolidayRegion;
  /** Mon–Fri and not a public holiday of the region. */
  isWorkingDay(date: Date | CalendarDate): boolean;
  /** The public holiday's name on that date, or null. */
  publicHoliday(date: Date | CalendarDate): string | null;
  /** The n-th working day after `date` (day 0 = `date`); n = 0 returns `date`. n must be ≥ 0. */
  addWorkingDays(date: Date | CalendarDate, n: number): CalendarDate;
  /** `date` plus n calendar days (for windows stated in plain days, e.g. "15 days"). */
  addCalendarDays(date: Date | CalendarDate, n: number): CalendarDate;
  /** Working days d with a < d ≤ b (negative when b is before a); inverse of addWorkingDays. */
  workingDaysBetween(a: Date | CalendarDate, b: Date | CalendarDate): number;
  /** Public holidays (type "public" only, substitute days included) in a year. */
  holidaysIn(year: number): PublicHoliday[];
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

const londonFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const londonPartsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export function isHolidayRegion(value: string): value is HolidayRegion {
  return (HOLIDAY_REGIONS as readonly string[]).includes(value);
}

export function isCalendarDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** The Europe/London calendar date of an instant. */
export function londonDate(instant: Date): CalendarDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('invalid date');
  return londonFormatter.format(instant);
}

/** Accepts an instant (converted to its London date) or a 'YYYY-MM-DD' string (validated). */
export function toCalendarDate(date: Date | CalendarDate): CalendarDate {
  if (date instanceof Date) return londonDate(date);
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return date;
}

function toUtcMidnight(date: CalendarDate): number {
  const m = DATE_RE.exec(date)!;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtcMidnight(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10);
}

function shiftDays(date: CalendarDate, n: number): CalendarDate {
  return fromUtcMidnight(toUtcMidnight(date) + n * DAY_MS);
}

/** Minutes Europe/London is ahead of UTC at an instant (0 in winter, 60 in summer). */
function londonOffsetMinutes(instant: number): number {
  const parts = Object.fromEntries(londonPartsFormatter.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60000);
}

/** The instant London's day `date` starts (00:00 Europe/London). */
export function startOfLondonDay(date: CalendarDate): Date {
  const midnightUtc = toUtcMidnight(toCalendarDate(date));
  // Clock changes happen at 01:00 UTC, so the offset at UTC midnight is the one in force at London midnight.
  return new Date(midnightUtc - londonOffsetMinutes(midnightUtc) * 60000);
}

/** The last instant (23:59:59.999 Europe/London) of `date`: a deadline is met up to then. */
export function endOfLondonDay(date: CalendarDate): Date {
  return new Date(startOfLondonDay(shiftDays(toCalendarDate(date), 1)).getTime() - 1);
}

const cache = new Map<HolidayRegion, WorkingCalendar>();

/** The working-day calendar of a UK nation (ENG default). Instances are cached and immutable. */
export function createCalendar(region: HolidayRegion = 'ENG'): WorkingCalendar {
  if (!isHolidayRegion(region)) throw new RangeError(`unknown holiday region ${JSON.stringify(region)} (expected ${HOLIDAY_REGIONS.join(', ')})`);
  const existing = cache.get(region);
  if (existing) return existing;

  const source = new Holidays('GB', region, { types: ['public'] });
  // Per year, the public holidays keyed by their UTC-midnight ms: date-holidays evaluates its rules
  // once per (region, year) here, and the day loops below step in ms without re-parsing dates
  // (a deadline walks 20-40 days and was about 0.5 ms a computation with string dates).
  const byYear = new Map<number, Map<number, string>>();

  function holidayMap(year: number): Map<number, string> {
    let map = byYear.get(year);
    if (!map) {
      map = new Map();
      for (const h of source.getHolidays(year) || []) {
        // Only statutory/bank holidays: observances (Mother's Day …) are working days.
        if (h.type !== 'public') continue;
        const ms = toUtcMidnight(h.date.slice(0, 10));
        if (!map.has(ms)) map.set(ms, h.name);
      }
      byYear.set(year, map);
    }
    return map;
  }

  function holidayAt(ms: number): string | null {
    return holidayMap(new Date(ms).getUTCFullYear()).get(ms) ?? null;
  }

  function isWorkingMs(ms: number): boolean {
    // 1970-01-01 was a Thursday (weekday 4, Sunday = 0).
    const weekday = (((Math.floor(ms / DAY_MS) + 4) % 7) + 7) % 7;
    if (weekday === 0 || weekday === 6) return false;
    return holidayAt(ms) === null;
  }

  function publicHoliday(date: Date | CalendarDate): string | null {
    return holidayAt(toUtcMidnight(toCalendarDate(date)));
  }

  function isWorkingDay(date: Date | CalendarDate): boolean {
    return isWorkingMs(toUtcMidnight(toCalendarDate(date)));
  }

  function addWorkingDays(date: Date | CalendarDate, n: number): CalendarDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
    let ms = toUtcMidnight(toCalendarDate(date));
    let counted = 0;
    while (counted < n) {
      ms += DAY_MS;
      if (isWorkingMs(ms)) counted += 1;
    }
    return fromUtcMidnight(ms);
  }

  function addCalendarDays(date: Date | CalendarDate, n: number): CalendarDate {
    if (!Number.isInteger(n)) throw new RangeError(`calendar days must be a whole number, got ${n}`);
    return shiftDays(toCalendarDate(date), n);
  }

  function workingDaysBetween(a: Date | CalendarDate, b: Date | CalendarDate): number {
    const from = toUtcMidnight(toCalendarDate(a));
    const to = toUtcMidnight(toCalendarDate(b));
    if (to < from) return -workingDaysBetween(b, a);
    let count = 0;
    for (let ms = from + DAY_MS; ms <= to; ms += DAY_MS) if (isWorkingMs(ms)) count += 1;
    return count;
  }

  function holidaysIn(year: number): PublicHoliday[] {
    return [...holidayMap(year).entries()].map(([ms, name]) => ({ date: fromUtcMidnight(ms), name })).sort((x, y) => x.date.localeCompare(y.date));
  }

  const calendar: WorkingCalendar = { region, isWorkingDay, publicHoliday, addWorkingDays, addCalendarDays, workingDaysBetween, holidaysIn };
  cache.set(region, calendar);
  return calendar;
}

// The pack's time limit to raise a complaint ("12 months", "6 months"), checked on the date the
// matter happened (or the tenant became aware of it) against the date the complaint was received.
import { CalendarDate, londonDate } from './calendar';
import type { PolicyPack } from './packSchema';

export interface TimeLimitCheck {
  /** True when the matter is older than the pack allows. */
  older: boolean;
  /** The earliest incident date inside the limit; null where the pack sets no limit. */
  earliest: CalendarDate | null;
  /** The pack may still accept an older matter at its discretion (a manager decides). */
  discretion: boolean;
  /** The pack's own words, for the tenant and staff. */
  note: string;
  /** Who may exclude (or accept) an older matter, where the pack names someone. */
  authority: string | null;
}

/** `date` minus whole calendar months; the 31st falls back to the month's last day. */
export function monthsBefore(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** `date` plus whole calendar months (same fallback to the month's last day). */
export function monthsAfter(date: CalendarDate, months: number): CalendarDate {
  return monthsBefore(date, -months);
}

export function checkTimeLimit(pack: PolicyPack, incident: Date, received: Date): TimeLimitCheck {
  const rule = pack.timeLimitToRaise;
  const base = { discretion: rule.discretion, note: rule.note, authority: rule.exclusionAuthority };
  if (rule.months === null) return { older: false, earliest: null, ...base };
  const earliest = monthsBefore(londonDate(received), rule.months);
  return { older: londonDate(incident) < earliest, earliest, ...base };
}

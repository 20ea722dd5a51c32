// "When did it happen?" answered as a date or "about N weeks ago", turned into a calendar day
// (Europe/London) so the case service can check the pack's time limit to raise a complaint.
// Understood in every catalog language for the relative form (a number and a unit: "3 months
// ago", "3 miesiące temu", "منذ 3 أشهر", "3 مہینے پہلے"), plus day-first numeric dates
// (14/03/2026, 14.3.26, 2026-03-14) and English day-and-month ("20 February", "Feb 20 2026").
// Anything else (or a day in the future) gives undefined: the tenant's words are kept as they are.
import { londonDate, monthsBefore } from '../services/policy';

type Unit = 'day' | 'week' | 'month' | 'year';

// Whole word forms, lower case, by unit (all 13 catalog languages).
const UNIT_WORDS: Record<Unit, string[]> = {
  day: ['day', 'days', 'diwrnod', 'niwrnod', 'diwrnodau', 'dydd', 'dzień', 'dzien', 'dni', 'zi', 'zile', 'يوم', 'أيام', 'ايام', 'يوما', 'يومًا', 'دن', 'দিন', 'ਦਿਨ', 'maalin', 'maalmood', 'día', 'días', 'dia', 'dias', 'jour', 'jours', 'diena', 'dieną', 'dienas', 'dienų'],
  week: ['week', 'weeks', 'wythnos', 'wythnosau', 'tydzień', 'tydzien', 'tygodnie', 'tygodni', 'săptămână', 'săptămâni', 'saptamana', 'saptamani', 'أسبوع', 'أسابيع', 'اسبوع', 'اسابيع', 'أسبوعا', 'ہفتہ', 'ہفتے', 'ہفتوں', 'সপ্তাহ', 'ਹਫ਼ਤਾ', 'ਹਫ਼ਤੇ', 'ਹਫਤਾ', 'ਹਫਤੇ', 'toddobaad', 'toddobaadyo', 'semana', 'semanas', 'semaine', 'semaines', 'savaitė', 'savaitę', 'savaites', 'savaičių'],
  month: ['month', 'months', 'mis', 'misoedd', 'miesiąc', 'miesiace', 'miesiące', 'miesięcy', 'miesiecy', 'lună', 'luna', 'luni', 'شهر', 'أشهر', 'اشهر', 'شهور', 'شهرا', 'شهرًا', 'مہینہ', 'مہینے', 'مہینوں', 'ماہ', 'মাস', 'ਮਹੀਨਾ', 'ਮਹੀਨੇ', 'bil', 'bilood', 'mes', 'meses', 'mois', 'mês', 'mėnuo', 'mėnesį', 'mėnesius', 'mėnesių'],
  year: ['year', 'years', 'blwyddyn', 'flwyddyn', 'blynedd', 'mlynedd', 'rok', 'lata', 'lat', 'an', 'ani', 'سنة', 'سنوات', 'سنين', 'عام', 'أعوام', 'سال', 'বছর', 'ਸਾਲ', 'sano', 'sanadood', 'sannadood', 'año', 'años', 'ano', 'anos', 'ans', 'année', 'années', 'metai', 'metus', 'metų'],
};
const UNIT_OF = new Map<string, Unit>(Object.entries(UNIT_WORDS).flatMap(([unit, words]) => words.map((w) => [w.normalize('NFC'), unit as Unit] as const)));

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/** Arabic-Indic, Persian/Urdu, Bengali and Gurmukhi digits as ASCII digits. */
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9\u09E6-\u09EF\u0A66-\u0A6F]/g, (d) => {
    const code = d.charCodeAt(0);
    const zero = code >= 0x0a66 ? 0x0a66 : code >= 0x09e6 ? 0x09e6 : code >= 0x06f0 ? 0x06f0 : 0x0660;
    return String(code - zero);
  });
}

function calendarDay(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return d.toISOString().slice(0, 10);
}

function daysBefore(today: string, days: number): string {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

function relative(text: string, today: string): string | undefined {
  const englishOne = /\b(?:a|an|one|last)\s+(day|week|month|year)\b/u.exec(text);
  if (englishOne) return back(today, 1, englishOne[1] as Unit);
  if (/\byesterday\b/u.test(text)) return daysBefore(today, 1);
  if (/\btoday\b/u.test(text)) return today;
  for (const m of text.matchAll(/(\d{1,3})\s*([\p{L}\p{M}]+)/gu)) {
    const unit = UNIT_OF.get(m[2]);
    if (unit) return back(today, Number(m[1]), unit);
  }
  return undefined;
}

function back(today: string, n: number, unit: Unit): string {
  if (unit === 'day') return daysBefore(today, n);
  if (unit === 'week') return daysBefore(today, 7 * n);
  return monthsBefore(today, unit === 'month' ? n : 12 * n);
}

function absolute(text: string, today: string): string | undefined {
  const iso = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(text);
  if (iso) return calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  // UK order: day first.
  const numeric = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/.exec(text);
  if (numeric) return calendarDay(fullYear(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const dayMonth = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME}\\b(?:,?\\s+(\\d{4}))?`, 'u').exec(text);
  const monthDay = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`, 'u').exec(text);
  const parts = dayMonth ? { day: dayMonth[1], month: dayMonth[2], year: dayMonth[3] } : monthDay ? { day: monthDay[2], month: monthDay[1], year: monthDay[3] } : undefined;
  if (!parts) return undefined;
  const month = MONTHS.indexOf(parts.month.slice(0, 3)) + 1;
  if (parts.year) return calendarDay(Number(parts.year), month, Number(parts.day));
  // No year: the most recent such day (this year, or last year when that day is still to come).
  const thisYear = Number(today.slice(0, 4));
  const candidate = calendarDay(thisYear, month, Number(parts.day));
  return candidate && candidate > today ? calendarDay(thisYear - 1, month, Number(parts.day)) : candidate;
}

/**
 * The day something happened, from the tenant's answer, as midday on that London day; undefined
 * when the answer holds no date we are sure of, or a day after `now`.
 */
export function parseIncidentDate(answer: string, now: Date): Date | undefined {
  const text = asciiDigits(answer.toLowerCase().normalize('NFC'));
  const today = londonDate(now);
  const day = absolute(text, today) ?? relative(text, today);
  if (!day || day > today || day < '1900-01-01') return undefined;
  return new Date(`${day}T12:00:00Z`);
}

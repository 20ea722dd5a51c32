// "When did it happen?" answered as a date or "about N weeks ago", turned into a calendar day
// (Europe/London) so the case service can check the pack's time limit to raise a complaint.
// Understood in every catalog language for the relative form (a number and a unit: "3 months
// ago", "3 miesiące temu", "منذ 3 أشهر", "3 مہینے پہلے"), plus day-first numeric dates
// (14/03/2026, 14.3.26, 2026-03-14) and a day with a month name in any catalog language ("20 February",
// "Feb 20 2026", "14 de marzo", "14 marca", "kovo 14", "১৪ মার্চ").
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

// Month names by month (1–12), lower case, in the catalog languages; a day number must stand next to
// one ("20 February", "Feb 20", "14 de marzo", "14 marca", "kovo 14", "١٤ مارس"). Polish and
// Lithuanian dates use the genitive, so both forms are listed; diacritics may be left out.
const MONTH_WORDS: string[][] = [
  ['jan', 'january', 'ionawr', 'styczeń', 'styczen', 'stycznia', 'ianuarie', 'sausis', 'sausio', 'janeiro', 'enero', 'janvier', 'janaayo', 'يناير', 'كانون الثاني', 'جنوری', 'জানুয়ারি', 'জানুয়ারী', 'ਜਨਵਰੀ'],
  ['feb', 'february', 'chwefror', 'luty', 'lutego', 'februarie', 'vasaris', 'vasario', 'fevereiro', 'febrero', 'février', 'fevrier', 'febraayo', 'فبراير', 'شباط', 'فروری', 'ফেব্রুয়ারি', 'ফেব্রুয়ারী', 'ਫ਼ਰਵਰੀ', 'ਫਰਵਰੀ'],
  ['mar', 'march', 'mawrth', 'marzec', 'marca', 'martie', 'kovas', 'kovo', 'março', 'marco', 'marzo', 'mars', 'maarso', 'مارس', 'آذار', 'مارچ', 'মার্চ', 'ਮਾਰਚ'],
  ['apr', 'april', 'ebrill', 'kwiecień', 'kwiecien', 'kwietnia', 'aprilie', 'balandis', 'balandžio', 'balandzio', 'abril', 'avril', 'abriil', 'أبريل', 'ابريل', 'نيسان', 'اپریل', 'এপ্রিল', 'ਅਪ੍ਰੈਲ', 'ਅਪ੍ਰੈਲ'],
  ['may', 'mai', 'maj', 'maja', 'gegužė', 'geguze', 'gegužės', 'geguzes', 'maio', 'mayo', 'maajo', 'مايو', 'أيار', 'ايار', 'مئی', 'মে', 'ਮਈ'],
  ['jun', 'june', 'mehefin', 'czerwiec', 'czerwca', 'iunie', 'birželis', 'birzelis', 'birželio', 'birzelio', 'junho', 'junio', 'juin', 'juun', 'يونيو', 'حزيران', 'جون', 'জুন', 'ਜੂਨ'],
  ['jul', 'july', 'gorffennaf', 'lipiec', 'lipca', 'iulie', 'liepa', 'liepos', 'julho', 'julio', 'juillet', 'luulyo', 'يوليو', 'تموز', 'جولائی', 'জুলাই', 'ਜੁਲਾਈ'],
  ['aug', 'august', 'awst', 'sierpień', 'sierpien', 'sierpnia', 'rugpjūtis', 'rugpjutis', 'rugpjūčio', 'rugpjucio', 'agosto', 'août', 'aout', 'agoosto', 'أغسطس', 'اغسطس', 'آب', 'اگست', 'আগস্ট', 'ਅਗਸਤ'],
  ['sep', 'sept', 'september', 'medi', 'wrzesień', 'wrzesien', 'września', 'wrzesnia', 'septembrie', 'rugsėjis', 'rugsejis', 'rugsėjo', 'rugsejo', 'setembro', 'septiembre', 'setiembre', 'septembre', 'sebtembar', 'سبتمبر', 'أيلول', 'ايلول', 'ستمبر', 'সেপ্টেম্বর', 'ਸਤੰਬਰ'],
  ['oct', 'october', 'hydref', 'październik', 'pazdziernik', 'października', 'pazdziernika', 'octombrie', 'spalis', 'spalio', 'outubro', 'octubre', 'octobre', 'oktoobar', 'أكتوبر', 'اكتوبر', 'اکتوبر', 'অক্টোবর', 'ਅਕਤੂਬਰ'],
  ['nov', 'november', 'tachwedd', 'listopad', 'listopada', 'noiembrie', 'lapkritis', 'lapkričio', 'lapkricio', 'novembro', 'noviembre', 'novembre', 'nofembar', 'نوفمبر', 'نومبر', 'নভেম্বর', 'ਨਵੰਬਰ'],
  ['dec', 'december', 'rhagfyr', 'grudzień', 'grudzien', 'grudnia', 'decembrie', 'gruodis', 'gruodžio', 'gruodzio', 'dezembro', 'diciembre', 'décembre', 'decembre', 'desembar', 'ديسمبر', 'كانون الأول', 'دسمبر', 'ডিসেম্বর', 'ਦਸੰਬਰ'],
];
const MONTH_OF = new Map<string, number>(MONTH_WORDS.flatMap((words, i) => words.map((w) => [w.normalize('NFC'), i + 1] as const)));
// Month first ("Feb 20", "kovo 14") only in English and Lithuanian, where dates are written that way:
// elsewhere a month word before a number is too often something else (Polish "maja 3" = "have 3",
// Welsh "mai" = "that").
const MONTH_FIRST = new Set([
  'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july', 'aug', 'august',
  'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december',
  'sausio', 'vasario', 'kovo', 'balandžio', 'balandzio', 'gegužės', 'geguzes', 'birželio', 'birzelio', 'liepos', 'rugpjūčio',
  'rugpjucio', 'rugsėjo', 'rugsejo', 'spalio', 'lapkričio', 'lapkricio', 'gruodžio', 'gruodzio',
]);
// Words allowed between a day and its month ("20 of May", "14 de marzo").
const LINKS = new Set(['of', 'de', 'del', 'a']);

/** Words (letters and marks, two-word Levantine months joined) and numbers, in order. */
function tokens(text: string): string[] {
  const raw = text.match(/[\p{L}\p{M}]+|\d+/gu) ?? [];
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 1) {
    const pair = `${raw[i]} ${raw[i + 1] ?? ''}`;
    if (MONTH_OF.has(pair) && pair.includes(' ')) {
      out.push(pair);
      i += 1;
    } else out.push(raw[i]);
  }
  return out;
}

const dayNumber = (t: string | undefined): number | undefined => (t && /^\d{1,2}$/.test(t) && Number(t) >= 1 && Number(t) <= 31 ? Number(t) : undefined);
const yearNumber = (t: string | undefined): number | undefined => (t && /^\d{4}$/.test(t) ? Number(t) : undefined);

/** A day next to a month name, either order, with an optional four-digit year after them. */
function namedMonth(text: string): { day: number; month: number; year?: number } | undefined {
  const t = tokens(text.replace(/(\d)(?:st|nd|rd|th|er|eme|ème|º|ª)\b/gu, '$1'));
  for (let i = 0; i < t.length; i += 1) {
    const month = MONTH_OF.get(t[i]);
    if (!month) continue;
    const before = LINKS.has(t[i - 1] ?? '') ? t[i - 2] : t[i - 1];
    const dayBefore = dayNumber(before);
    if (dayBefore !== undefined) {
      const year = yearNumber(LINKS.has(t[i + 1] ?? '') ? t[i + 2] : t[i + 1]);
      return { day: dayBefore, month, year };
    }
    const dayAfter = MONTH_FIRST.has(t[i]) ? dayNumber(t[i + 1]) : undefined;
    // "March 14 2026", or Lithuanian "2026 m. kovo 14 d." with the year first.
    if (dayAfter !== undefined) return { day: dayAfter, month, year: yearNumber(t[i + 2]) ?? yearNumber(t[i - 1]) ?? yearNumber(t[i - 2]) };
  }
  return undefined;
}

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
  const parts = namedMonth(text);
  if (!parts) return undefined;
  const { month } = parts;
  if (parts.year) return calendarDay(parts.year, month, parts.day);
  // No year: the most recent such day (this year, or last year when that day is still to come).
  const thisYear = Number(today.slice(0, 4));
  const candidate = calendarDay(thisYear, month, parts.day);
  return candidate && candidate > today ? calendarDay(thisYear - 1, month, parts.day) : candidate;
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

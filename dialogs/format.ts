// Dates as tenants read them: the London calendar day, in their language.
// Plain "en" would give US month-first dates; tenants here read British English.
const LOCALE_FOR: Record<string, string> = { en: 'en-GB', pt: 'pt-PT', es: 'es-ES', fr: 'fr-FR' };

export function formatDate(date: Date | null | undefined, lang: string): string {
  if (!date) return '-';
  try {
    return new Intl.DateTimeFormat(LOCALE_FOR[lang] ?? lang, { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
  }
}

/** Shortens a tenant's words for a read-back that must fit in an SMS. */
export function clip(text: string | undefined, max = 60): string {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!t) return '-';
  return t.length <= max ? t : `${t.slice(0, max - 3).trimEnd()}...`;
}

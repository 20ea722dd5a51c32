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

/**
 * Wraps text in Unicode left-to-right isolate marks (LRI ... PDI), invisible on screen: a phone
 * number inside Arabic or Urdu text keeps its digit groups in order ("0800 111 999", not
 * "999 111 0800"). For webchat only: in an SMS the marks are not in the GSM alphabet and older
 * phones draw them as boxes.
 */
export function ltrIsolate(text: string): string {
  return `\u2066${text}\u2069`;
}

/** Phone numbers as the tenant's channel shows them best (isolated left to right in webchat). */
export function phoneFor(channel: string, phone: string): string {
  return channel === 'webchat' ? ltrIsolate(phone) : phone;
}

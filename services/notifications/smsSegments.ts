// SMS length rules: a message is sent as GSM-7 when every character is in the GSM 03.38 alphabet
// (extension characters cost two septets), otherwise as UCS-2 (UTF-16 code units). Single messages
// hold 160 / 70 units, concatenated segments 153 / 67. Carriers bill per segment.

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';
const basic = new Set(Array.from(GSM_BASIC));
const extended = new Set(Array.from(GSM_EXTENDED));

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentCount {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!basic.has(ch) && !extended.has(ch)) return false;
  return true;
}

function unitsOf(text: string, encoding: SmsEncoding): number {
  if (encoding === 'UCS-2') return text.length;
  let units = 0;
  for (const ch of text) units += extended.has(ch) ? 2 : 1;
  return units;
}

export function countSegments(text: string): SegmentCount {
  const encoding: SmsEncoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  const units = unitsOf(text, encoding);
  const [single, multi] = encoding === 'GSM-7' ? [160, 153] : [70, 67];
  const segments = units === 0 ? 1 : units <= single ? 1 : Math.ceil(units / multi);
  return { encoding, units, segments };
}

/** Typographic characters that needlessly force UCS-2 (three times the cost) in English text. */
const GSM_FRIENDLY: Record<string, string> = { '‘': "'", '’': "'", '“': '"', '”': '"', '–': '-', '—': '-', '…': '...', '\u00a0': ' ', '•': '-' };

export function toGsmFriendly(text: string): string {
  return text.replace(/[‘’“”–—…\u00a0•]/g, (c) => GSM_FRIENDLY[c] ?? c);
}

export interface SplitOptions {
  /** Most segments in one SMS (phones join segments back into one message). */
  maxSegmentsPerMessage?: number;
  /** Most SMS sent for one reply; anything beyond is cut with an ellipsis. */
  maxMessages?: number;
}

/**
 * Splits a reply into SMS messages of at most `maxSegmentsPerMessage` segments each, filling
 * each message with whole words (never cutting mid-word unless a single "word", e.g. a long link,
 * is longer than a message), and caps the number of messages, ending the last with '...'.
 */
export function splitForSms(text: string, options: SplitOptions = {}): string[] {
  const maxSegments = options.maxSegmentsPerMessage ?? 3;
  const maxMessages = options.maxMessages ?? 3;
  const clean = toGsmFriendly(text)
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (!clean) return [];
  const fits = (s: string) => countSegments(s).segments <= maxSegments;
  const messages: string[] = [];
  let current = '';
  for (const token of clean.split(/(\s+)/)) {
    if (fits(current + token)) {
      current += token;
      continue;
    }
    if (current.trim()) messages.push(current.trim());
    current = /^\s+$/.test(token) ? '' : token;
    while (!fits(current)) {
      let cut = current.length;
      while (cut > 1 && !fits(current.slice(0, cut))) cut = Math.floor(cut * 0.9);
      messages.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  if (current.trim()) messages.push(current.trim());
  if (messages.length <= maxMessages) return messages;
  const kept = messages.slice(0, maxMessages);
  // '...' rather than '…', which is not in GSM-7 and would triple the cost of the message.
  let last = `${kept[maxMessages - 1]}...`;
  while (!fits(last) && last.length > 3) last = `${last.slice(0, -4).trimEnd()}...`;
  kept[maxMessages - 1] = last;
  return kept;
}

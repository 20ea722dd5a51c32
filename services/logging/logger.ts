// pino JSON logs. Personal data (phone numbers, e-mail addresses, names, message bodies) is
// redacted unless LOG_LEVEL is debug/trace, so production logs can be shipped anywhere.
import pino, { Logger } from 'pino';

export type { Logger };

/** Keys whose values are personal data wherever they appear (one or two levels deep). */
export const PERSONAL_KEYS = [
  'phone', 'from', 'to', 'From', 'To', 'Body', 'body', 'text', 'name', 'email', 'address',
  'summary', 'message', 'transcript', 'displayName', 'userName',
];

// 10-15 digits, optionally + and single spaces/hyphens between them; not glued to a word or a
// hyphenated code, so case references (CMP-2026-000123) and ISO dates stay readable.
const PHONE_RE = /(?<![\w-])\+?\d(?:[\s-]?\d){9,14}(?![\w-])/g;
const EMAIL_RE = /[\w.+-]+@[\w-]+\.[\w.-]+/g;
/** UK postcodes ("SW1A 1AA", "m1 1ae"): part of an address. */
const POSTCODE_RE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}\b/gi;

/** Masks phone numbers, e-mail addresses and postcodes inside free text (log messages, error strings). */
export function maskPersonalText(text: string): string {
  return text.replace(EMAIL_RE, '[email]').replace(PHONE_RE, '[phone]').replace(POSTCODE_RE, '[postcode]');
}

const PERSONAL_KEY_SET = new Set(PERSONAL_KEYS);

/**
 * Redacts personal keys at any depth and masks phone numbers, e-mails and postcodes in every
 * string (error stacks included). The redact paths only reach two levels; a logged activity or
 * error nests deeper.
 */
export function redactDeep(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return maskPersonalText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8 || seen.has(value)) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1, seen));
  if (value instanceof Date) return value;
  const source = value instanceof Error ? { ...value, type: value.name, message: value.message, stack: value.stack } : (value as Record<string, unknown>);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(source)) out[k] = PERSONAL_KEY_SET.has(k) ? '[redacted]' : redactDeep(v, depth + 1, seen);
  return out;
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const verbose = level === 'debug' || level === 'trace';
  const paths = verbose ? [] : PERSONAL_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);
  return pino(
    {
      level,
      base: undefined,
      redact: { paths, censor: '[redacted]' },
      // pino rejects `hooks: undefined`/`formatters: undefined`, so these are added only when redacting.
      ...(verbose
        ? {}
        : {
            // An error's stack (which repeats its message) is kept for debugging, with personal data masked.
            formatters: { log: (obj: Record<string, unknown>) => redactDeep(obj) as Record<string, unknown> },
            hooks: {
              logMethod(args, method) {
                // Mask personal data that slipped into the message string itself.
                const masked = args.map((a) => (typeof a === 'string' ? maskPersonalText(a) : a)) as typeof args;
                return method.apply(this, masked);
              },
            },
          }),
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? pino.destination({ fd: 1, sync: false }),
  );
}

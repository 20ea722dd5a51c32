// pino JSON logs. Personal data (phone numbers, e-mail addresses, names, message bodies) is
// redacted unless LOG_LEVEL is debug/trace, so production logs can be shipped anywhere.
import pino, { Logger } from 'pino';

export type { Logger };

/** Keys whose values are personal data wherever they appear (one or two levels deep). */
export const PERSONAL_KEYS = [
  'phone', 'from', 'to', 'From', 'To', 'Body', 'body', 'text', 'name', 'email', 'address',
  'summary', 'message', 'transcript', 'displayName', 'userName',
];

const PHONE_RE = /\+?\d[\d\s-]{8,}\d/g;
const EMAIL_RE = /[\w.+-]+@[\w-]+\.[\w.-]+/g;

/** Masks phone numbers and e-mail addresses inside free text (log messages, error strings). */
export function maskPersonalText(text: string): string {
  return text.replace(EMAIL_RE, '[email]').replace(PHONE_RE, '[phone]');
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const verbose = level === 'debug' || level === 'trace';
  const paths = verbose ? [] : PERSONAL_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);
  return pino(
    {
      level,
      base: undefined,
      redact: { paths, censor: '[redacted]' },
      hooks: verbose
        ? undefined
        : {
            logMethod(args, method) {
              // Mask personal data that slipped into the message string itself.
              const masked = args.map((a) => (typeof a === 'string' ? maskPersonalText(a) : a)) as typeof args;
              return method.apply(this, masked);
            },
          },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? pino.destination({ fd: 1, sync: false }),
  );
}

// A real pino logger (the product's, with its redaction) writing into memory, so tests can
// check what a log line would have said.
import { createLogger, Logger } from '../../../services/logging/logger';

export interface CapturedLogger {
  logger: Logger;
  lines: () => Record<string, unknown>[];
  raw: () => string;
}

export function captureLogs(level = 'info'): CapturedLogger {
  const chunks: string[] = [];
  const logger = createLogger(level, { write: (msg: string) => void chunks.push(msg) });
  return {
    logger,
    raw: () => chunks.join(''),
    lines: () => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

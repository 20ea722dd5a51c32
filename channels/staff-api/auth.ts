// Bearer-token check for the staff API (tokens from STAFF_API_TOKENS). Constant-time compare on
// hashes so neither the token nor its length leaks through timing.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export interface StaffTokenCheck {
  ok: boolean;
  /** Short, non-secret id of the token used (for the audit trail): "api-token-<first 8 of its hash>". */
  tokenId?: string;
  reason?: string;
}

export function checkBearer(header: string | undefined, tokens: readonly string[]): StaffTokenCheck {
  if (tokens.length === 0) return { ok: false, reason: 'The staff API is disabled: no STAFF_API_TOKENS configured.' };
  if (!header) return { ok: false, reason: 'Missing Authorization: Bearer <staff token>.' };
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) return { ok: false, reason: 'Authorization must be "Bearer <staff token>".' };
  const given = digest(m[1]);
  let match: string | undefined;
  for (const t of tokens) if (timingSafeEqual(given, digest(t))) match = t;
  if (!match) return { ok: false, reason: 'Unknown staff token.' };
  return { ok: true, tokenId: `api-token-${digest(match).toString('hex').slice(0, 8)}` };
}

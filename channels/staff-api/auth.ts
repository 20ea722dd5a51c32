// Bearer-token check for the staff API (tokens from STAFF_API_TOKENS). Constant-time compare on
// hashes so neither the token nor its length leaks through timing. An entry "<token>:manager"
// is a manager's token (like STAFF_USERS in Teams): only managers may restrict a tenant's contact.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export interface StaffTokenCheck {
  ok: boolean;
  /** Short, non-secret id of the token used (for the audit trail): "api-token-<first 8 of its hash>". */
  tokenId?: string;
  /** `manager` for a token configured as "<token>:manager", else `handler`. */
  role?: 'handler' | 'manager';
  reason?: string;
}

const MANAGER_SUFFIX = /:manager$/i;

export function checkBearer(header: string | undefined, tokens: readonly string[]): StaffTokenCheck {
  if (tokens.length === 0) return { ok: false, reason: 'The staff API is disabled: no STAFF_API_TOKENS configured.' };
  if (!header) return { ok: false, reason: 'Missing Authorization: Bearer <staff token>.' };
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) return { ok: false, reason: 'Authorization must be "Bearer <staff token>".' };
  const given = digest(m[1]);
  let match: string | undefined;
  let role: 'handler' | 'manager' = 'handler';
  for (const entry of tokens) {
    const manager = MANAGER_SUFFIX.test(entry);
    const t = manager ? entry.replace(MANAGER_SUFFIX, '') : entry;
    if (timingSafeEqual(given, digest(t))) {
      match = t;
      role = manager ? 'manager' : 'handler';
    }
  }
  if (!match) return { ok: false, reason: 'Unknown staff token.' };
  return { ok: true, tokenId: `api-token-${digest(match).toString('hex').slice(0, 8)}`, role };
}

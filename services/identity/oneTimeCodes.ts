// One-time codes that prove a tenant holds the phone on record before they see a case found by
// reference. Only a salted hash is stored. A code works once, for the identity that asked, for a
// few attempts, until it expires. Attempts are unique inserts so racing guesses get no extras.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Model } from 'mongoose';
import type { OneTimeCodeAttemptDoc, OneTimeCodeDoc } from '../../models/otp';

export interface OneTimeCodes {
  /** Creates a new code for `purpose` (e.g. `case:CMP-2026-000123`) asked by `requester`; returns the code to send. */
  issue(purpose: string, requester: string): Promise<string>;
  /** True once for the latest unexpired code of this purpose and requester when `code` matches. */
  verify(purpose: string, requester: string, code: string): Promise<boolean>;
}

export interface OneTimeCodeOptions {
  codes: Model<OneTimeCodeDoc>;
  attempts: Model<OneTimeCodeAttemptDoc>;
  ttlMs?: number;
  maxAttempts?: number;
  clock?: () => Date;
}

function hashOf(code: string, salt: string): string {
  return createHash('sha256').update(`${salt}:${code}`).digest('hex');
}

export function createOneTimeCodes(options: OneTimeCodeOptions): OneTimeCodes {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const clock = options.clock ?? (() => new Date());

  return {
    async issue(purpose, requester) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const salt = randomBytes(8).toString('hex');
      const now = clock();
      await options.codes.create({
        _id: randomBytes(12).toString('hex'),
        purpose,
        requester,
        hash: hashOf(code, salt),
        salt,
        expiresAt: new Date(now.getTime() + ttlMs),
        createdAt: now,
      });
      return code;
    },

    async verify(purpose, requester, code) {
      const typed = code.replace(/\s+/g, '');
      if (!/^\d{6}$/.test(typed)) return false;
      const now = clock();
      const doc = await options.codes.findOne({ purpose, requester }).sort({ createdAt: -1 }).lean<OneTimeCodeDoc>();
      if (!doc || doc.usedAt || doc.expiresAt.getTime() < now.getTime()) return false;
      let claimed = false;
      for (let n = 1; n <= maxAttempts && !claimed; n++) {
        try {
          await options.attempts.create({ _id: `${doc._id}#${n}`, codeId: doc._id, at: now });
          claimed = true;
        } catch (err) {
          if ((err as { code?: number }).code !== 11000) throw err;
        }
      }
      if (!claimed) return false;
      if (hashOf(typed, doc.salt) !== doc.hash) return false;
      // Used once: a second use is refused by the unique "used" attempt.
      try {
        await options.attempts.create({ _id: `${doc._id}#used`, codeId: doc._id, at: now });
      } catch (err) {
        if ((err as { code?: number }).code === 11000) return false;
        throw err;
      }
      await options.codes.updateOne({ _id: doc._id }, { $set: { usedAt: now } });
      return true;
    },
  };
}

// Wraps one provider's raw HTTP call with what every provider needs: a time limit, "never
// throws" (the original text comes back marked as a fallback), logs without the message text,
// and a small bounded cache so a case viewed ten times is translated once.
import { createHash } from 'node:crypto';
import type { Logger } from '../logging/logger';
import type { TranslationResult, Translator } from './translator';
import { FallbackReason, TranslationFailure } from './failure';
import { baseLanguage } from './languages';

export interface ProviderAnswer {
  text: string;
  /** Source language the provider detected (when `from` was not given). */
  detectedLanguage?: string;
}

/** One provider's raw call: throws `TranslationFailure` (or anything) on error; honours `signal`. */
export type ProviderCall = (text: string, to: string, from: string | undefined, signal: AbortSignal) => Promise<ProviderAnswer>;

export interface GuardOptions {
  /** Machine name used in logs, e.g. "azure". */
  id: string;
  /** Name shown to staff next to a translation, e.g. "Azure AI Translator". */
  displayName: string;
  timeoutMs: number;
  /** Longer texts are not sent (providers cap request size; a complaint is rarely this long). */
  maxChars: number;
  /** Entries kept in the in-process cache; 0 turns it off. */
  cacheSize: number;
  logger: Logger;
}

export const DEFAULT_TIMEOUT_MS = 3000;
export const DEFAULT_MAX_CHARS = 10000;
export const DEFAULT_CACHE_SIZE = 500;

export function guardTranslator(call: ProviderCall, opts: GuardOptions): Translator {
  const cache = new BoundedCache<TranslationResult>(opts.cacheSize);

  return {
    name: opts.displayName,
    available: true,
    async translate(text: string, to: string, from?: string): Promise<TranslationResult> {
      const target = to.trim();
      const source = from?.trim() || undefined;
      const unchanged = (fromLang: string, reason?: FallbackReason): TranslationResult => ({
        text,
        from: fromLang,
        to: target,
        provider: opts.displayName,
        fallback: reason !== undefined,
        ...(reason ? { fallbackReason: reason } : {}),
      });

      if (text.trim() === '') return unchanged(source ? baseLanguage(source) : 'und');
      if (source && baseLanguage(source) === baseLanguage(target)) return unchanged(baseLanguage(source));
      if (text.length > opts.maxChars) {
        logFallback(opts, 'too_long', undefined, source, target, text.length, 0);
        return unchanged(source ? baseLanguage(source) : 'und', 'too_long');
      }

      const key = cacheKey(text, target, source);
      const cached = cache.get(key);
      if (cached) return cached;

      const started = Date.now();
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      // The race makes the limit hold even if a client library ignores the abort signal.
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new TranslationFailure('timeout'));
        }, opts.timeoutMs);
      });
      try {
        const answer = await Promise.race([call(text, target, source, controller.signal), timeout]);
        const result: TranslationResult = {
          text: answer.text,
          from: baseLanguage(answer.detectedLanguage ?? source ?? 'und'),
          to: target,
          provider: opts.displayName,
          fallback: false,
        };
        cache.set(key, result);
        opts.logger.debug(
          { translator: opts.id, sourceLang: result.from, targetLang: target, chars: text.length, ms: Date.now() - started },
          'machine translation done',
        );
        return result;
      } catch (err) {
        const failure = asFailure(err, controller.signal.aborted);
        logFallback(opts, failure.reason, failure.status, source, target, text.length, Date.now() - started);
        return unchanged(source ? baseLanguage(source) : 'und', failure.reason);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function asFailure(err: unknown, aborted: boolean): TranslationFailure {
  if (err instanceof TranslationFailure) return err;
  if (aborted) return new TranslationFailure('timeout');
  return new TranslationFailure('network_error');
}

function logFallback(
  opts: GuardOptions,
  reason: FallbackReason,
  status: number | undefined,
  source: string | undefined,
  target: string,
  chars: number,
  ms: number,
): void {
  // Never the text itself: it is the tenant's words. Keys avoid "from"/"to", which the logger redacts.
  opts.logger.warn(
    { translator: opts.id, reason, status, sourceLang: source ?? 'auto', targetLang: target, chars, ms },
    'machine translation unavailable; original text kept',
  );
}

function cacheKey(text: string, to: string, from: string | undefined): string {
  return createHash('sha256').update(`${from ?? 'auto'}\u0000${to}\u0000${text}`).digest('base64url');
}

/** Least-recently-used map with a fixed number of entries (Map keeps insertion order). */
class BoundedCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    if (this.limit <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}

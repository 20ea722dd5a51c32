// Why a translation did not happen. Reasons are short stable codes: they go into logs, onto
// the case next to the original text, and into the note staff see.
export type FallbackReason =
  | 'no_provider'
  | 'timeout'
  | 'unauthorized'
  | 'rate_limited'
  | 'rejected'
  | 'provider_error'
  | 'bad_response'
  | 'network_error'
  | 'too_long';

export class TranslationFailure extends Error {
  constructor(
    readonly reason: FallbackReason,
    /** HTTP status from the provider, when there was one. */
    readonly status?: number,
  ) {
    super(status ? `${reason} (HTTP ${status})` : reason);
    this.name = 'TranslationFailure';
  }
}

/** Maps a provider's HTTP error status to a reason. */
export function reasonForStatus(status: number): FallbackReason {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 429) return 'rate_limited';
  if (status >= 400 && status < 500) return 'rejected';
  return 'provider_error';
}

/** Words staff read next to the original when a translation is missing. */
export const FALLBACK_EXPLANATIONS: Record<FallbackReason, string> = {
  no_provider: 'No machine translation configured — original shown',
  timeout: 'Machine translation timed out — original shown',
  unauthorized: 'Machine translation refused our credentials — original shown',
  rate_limited: 'Machine translation is over its limit — original shown',
  rejected: 'Machine translation could not handle this language or text — original shown',
  provider_error: 'Machine translation failed — original shown',
  bad_response: 'Machine translation answered something unreadable — original shown',
  network_error: 'Machine translation could not be reached — original shown',
  too_long: 'Message too long for machine translation — original shown',
};

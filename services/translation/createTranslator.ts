// Chooses the translation provider from configuration (TRANSLATOR_PROVIDER and friends, see
// DESIGN.md). A provider named but not usable (no key, no endpoint) stops start-up with the reason
// rather than silently running without translation.
import type { Logger } from '../logging/logger';
import type { Translator } from './translator';
import { createNoneTranslator } from './noneTranslator';
import { guardTranslator, DEFAULT_CACHE_SIZE, DEFAULT_MAX_CHARS, DEFAULT_TIMEOUT_MS } from './guardedTranslator';
import { azureCall, AZURE_DISPLAY_NAME } from './azureTranslator';
import { libreCall, LIBRE_DISPLAY_NAME } from './libreTranslator';

export const TRANSLATOR_PROVIDERS = ['none', 'azure', 'libretranslate'] as const;
export type TranslatorProvider = (typeof TRANSLATOR_PROVIDERS)[number];

export interface TranslatorConfig {
  TRANSLATOR_PROVIDER?: string;
  TRANSLATOR_KEY?: string;
  TRANSLATOR_ENDPOINT?: string;
  TRANSLATOR_REGION?: string;
}

export interface TranslatorTuning {
  timeoutMs?: number;
  maxChars?: number;
  cacheSize?: number;
}

export class TranslatorConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TranslatorConfigError';
  }
}

export function createTranslator(config: TranslatorConfig, logger: Logger, tuning: TranslatorTuning = {}): Translator {
  const provider = (config.TRANSLATOR_PROVIDER ?? 'none').trim().toLowerCase() || 'none';
  const guard = {
    timeoutMs: tuning.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxChars: tuning.maxChars ?? DEFAULT_MAX_CHARS,
    cacheSize: tuning.cacheSize ?? DEFAULT_CACHE_SIZE,
    logger,
  };

  switch (provider) {
    case 'none':
      return createNoneTranslator();
    case 'azure': {
      if (!config.TRANSLATOR_KEY) throw new TranslatorConfigError('TRANSLATOR_PROVIDER=azure needs TRANSLATOR_KEY (the Translator resource key)');
      const endpoint = config.TRANSLATOR_ENDPOINT ? checkedUrl(config.TRANSLATOR_ENDPOINT) : undefined;
      // The key travels in a header: never in clear text beyond this machine.
      if (endpoint && endpoint.startsWith('http:') && !isLoopback(endpoint)) {
        throw new TranslatorConfigError('TRANSLATOR_ENDPOINT for azure must be https (http is accepted only for 127.0.0.1/localhost)');
      }
      const call = azureCall({ key: config.TRANSLATOR_KEY, region: config.TRANSLATOR_REGION, endpoint }, guard.timeoutMs);
      return guardTranslator(call, { ...guard, id: 'azure', displayName: AZURE_DISPLAY_NAME });
    }
    case 'libretranslate': {
      if (!config.TRANSLATOR_ENDPOINT) {
        throw new TranslatorConfigError('TRANSLATOR_PROVIDER=libretranslate needs TRANSLATOR_ENDPOINT (e.g. http://translate.internal:5000)');
      }
      const call = libreCall({ endpoint: checkedUrl(config.TRANSLATOR_ENDPOINT), key: config.TRANSLATOR_KEY });
      return guardTranslator(call, { ...guard, id: 'libretranslate', displayName: LIBRE_DISPLAY_NAME });
    }
    default:
      throw new TranslatorConfigError(
        `TRANSLATOR_PROVIDER "${provider}" is not known; use one of: ${TRANSLATOR_PROVIDERS.join(', ')}`,
      );
  }
}

function checkedUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TranslatorConfigError(`TRANSLATOR_ENDPOINT "${value}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TranslatorConfigError(`TRANSLATOR_ENDPOINT must be http(s), got ${url.protocol}`);
  }
  return value.replace(/\/+$/, '');
}

function isLoopback(endpoint: string): boolean {
  const host = new URL(endpoint).hostname;
  return host === 'localhost' || host === '[::1]' || host.startsWith('127.');
}

// Sends staff words (a reply, a stage response, an update) to a tenant in the tenant's language,
// through whichever channel the tenant uses. Returns what was sent and the English, so the
// caller can keep the English on the case and record how it went out.
import type { TenantAddress, TenantMessenger } from '../notifications/tenantMessenger';
import type { Translator } from './translator';
import { forTenant, TenantTranslation } from './tenantTranslation';

export interface TenantDeliveryDeps {
  messenger: Pick<TenantMessenger, 'send'>;
  translator: Translator;
  /** The policy pack's interpreter text, keyed by language. */
  interpreterNotices?: Readonly<Record<string, string>>;
}

export async function sendToTenantInTheirLanguage(
  deps: TenantDeliveryDeps,
  address: TenantAddress,
  englishText: string,
  tenantLang: string | undefined,
): Promise<TenantTranslation> {
  const out = await forTenant(deps.translator, englishText, tenantLang, { interpreterNotices: deps.interpreterNotices });
  await deps.messenger.send(address, out.text);
  return out;
}

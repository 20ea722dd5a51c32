// Public surface of the translation service (see README "Translation").
export type { Translator, TranslationResult } from './translator';
export { createTranslator, TranslatorConfigError, TRANSLATOR_PROVIDERS } from './createTranslator';
export type { TranslatorConfig, TranslatorTuning, TranslatorProvider } from './createTranslator';
export { forStaff, staffTranslationText } from './staffTranslation';
export type { StaffTranslation } from './staffTranslation';
export { forTenant } from './tenantTranslation';
export type { TenantTranslation, TenantTranslationOptions } from './tenantTranslation';
export { interpreterNotice, DEFAULT_INTERPRETER_NOTICES } from './interpreterNotice';
export { textDirection, isRightToLeft, baseLanguage } from './languages';
export { FALLBACK_EXPLANATIONS } from './failure';
export type { FallbackReason } from './failure';
export { sendToTenantInTheirLanguage } from './tenantDelivery';
export type { TenantDeliveryDeps } from './tenantDelivery';

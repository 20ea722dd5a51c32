// Prompt catalogs (locales/<lang>/tenant.json) through i18next. Every tenant-facing sentence comes
// from a catalog; English is the fallback for a language we have no catalog for.
import fs from 'node:fs';
import path from 'node:path';
import i18next, { i18n as I18n } from 'i18next';
import { findProjectRoot } from '../config';

export const NAMESPACE = 'tenant';

export interface Catalogs {
  /** Languages with a complete catalog. */
  languages: string[];
  t(lang: string, key: string, vars?: Record<string, string | number>): string;
  /** A `|`-separated word list (e.g. `words.yes`) in `lang`, always with the English words too. */
  words(lang: string, key: string): string[];
  has(lang: string, key: string): boolean;
}

export function localesDirectory(): string {
  return path.join(findProjectRoot(__dirname), 'locales');
}

export function readCatalog(lang: string, dir = localesDirectory()): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(dir, lang, `${NAMESPACE}.json`), 'utf8')) as Record<string, unknown>;
}

export function listCatalogLanguages(dir = localesDirectory()): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, `${NAMESPACE}.json`)))
    .map((d) => d.name)
    .sort();
}

export function createCatalogs(dir = localesDirectory()): Catalogs {
  const languages = listCatalogLanguages(dir);
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const lang of languages) resources[lang] = { [NAMESPACE]: readCatalog(lang, dir) };
  const instance: I18n = i18next.createInstance();
  void instance.init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    ns: [NAMESPACE],
    defaultNS: NAMESPACE,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  });
  const pick = (lang: string) => (languages.includes(lang) ? lang : 'en');
  const t = (lang: string, key: string, vars: Record<string, string | number> = {}) => instance.t(key, { ...vars, lng: pick(lang) });
  return {
    languages,
    t,
    has: (lang, key) => instance.exists(key, { lng: lang, fallbackLng: false }),
    words(lang, key) {
      const own = t(lang, key).split('|');
      const english = lang === 'en' ? [] : t('en', key).split('|');
      return [...own, ...english].map((w) => normalise(w)).filter(Boolean);
    },
  };
}

/** Lower case, no accents or punctuation at the ends: how tenants type on a phone. */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // Full stops of Arabic-script (۔), Bengali and Gurmukhi (। ॥) writing count as punctuation too.
    .replace(/[\s.,!?;:'"()؟،۔।॥]+/gu, ' ')
    .trim();
}

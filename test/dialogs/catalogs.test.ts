// Prompt catalogs: complete in every language, the same placeholders as English, every key the
// code uses present, and every English prompt fits in two SMS segments with typical values.
import fs from 'node:fs';
import path from 'node:path';
import { createCatalogs, listCatalogLanguages, localesDirectory, readCatalog } from '../../dialogs/i18n';
import { countSegments } from '../../services/notifications/smsSegments';
import { SUPPORTED_LANGUAGES } from '../../services/detection';
import { PAGE_LANGUAGES } from '../../channels/webchat/page';

function flatten(obj: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out[key] = v;
    else if (v && typeof v === 'object') Object.assign(out, flatten(v as Record<string, unknown>, key));
  }
  return out;
}

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();
// Each catalog's language check names its own language in its own words, so needs no {{name}}.
const OWN_WORDING = new Set(['language.confirm']);

const english = flatten(readCatalog('en'));
const languages = listCatalogLanguages();

describe('locale catalogs', () => {
  it('ships English and at least cy, pl, ro, ar, ur, bn, pa and so', () => {
    expect(languages).toEqual(expect.arrayContaining(['en', 'cy', 'pl', 'ro', 'ar', 'ur', 'bn', 'pa', 'so']));
  });

  it.each(languages.filter((l) => l !== 'en'))('%s has every English key, no extra keys and the same placeholders', (lang) => {
    const catalog = flatten(readCatalog(lang));
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(english)) {
      if (key.startsWith('words.') || OWN_WORDING.has(key)) continue;
      expect({ key, placeholders: placeholders(catalog[key]) }).toEqual({ key, placeholders: placeholders(text) });
      expect(catalog[key].trim()).not.toBe('');
    }
  });

  it('has every key the dialogs use', () => {
    const dirs = [path.join(__dirname, '../../dialogs'), path.join(__dirname, '../../bots')];
    const files = dirs.flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.ts')).map((f) => path.join(d, f)));
    const used = new Set<string>();
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      for (const m of source.matchAll(/(?:key: |send\(\w+(?:\.context)?, |say\(\w+(?:\.context)?, |t\(\w+, |t\('en', )'([a-z][\w]*(?:\.[\w]+)*)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(40);
    const missing = [...used].filter((k) => !(k in english));
    expect(missing).toEqual([]);
    // Keys built from case fields.
    for (const stage of ['quick', 'stage1', 'stage2', 'service_request', 'feedback']) {
      expect(english[`stage.${stage}`]).toBeDefined();
      expect(english[`role.${stage}`]).toBeDefined();
    }
    for (const status of ['open', 'acknowledged', 'on_hold', 'responded', 'escalated', 'not_accepted', 'withdrawn', 'closed']) {
      expect(english[`statusName.${status}`]).toBeDefined();
      expect(english[`status.next.${status}`]).toBeDefined();
    }
  });

  it('renders every English prompt in at most two SMS segments with typical values', () => {
    const catalogs = createCatalogs(localesDirectory());
    const typical = {
      landlord: 'Riverside Homes',
      reference: 'CMP-2026-000123',
      references: 'CMP-2026-000123, CMP-2026-000124',
      date: '23 November 2026',
      acknowledgeBy: '30 November 2026',
      respondBy: '14 December 2026',
      months: 12,
      max: 3,
      count: 2,
      name: 'Housing Ombudsman Service',
      phone: '0300 111 3000',
      website: 'https://www.housing-ombudsman.org.uk',
      gas: '0800 111 999',
      danger: '999',
      code: '123456',
      summary: 'the boiler has been broken for three weeks and nobody came',
      what: 'The boiler has been broken for three weeks and nobody ca...',
      when: 'since 2 November',
      where: '12 Oak Road, kitchen',
      outcome: 'Fix the boiler this week and say sorry',
      stage: 'Stage 1 complaint',
      status: 'acknowledged',
      role: 'our complaints team',
    };
    const tooLong: string[] = [];
    for (const key of Object.keys(english)) {
      if (key.startsWith('words.')) continue;
      const text = catalogs.t('en', key, typical);
      const segments = countSegments(text);
      if (segments.encoding !== 'GSM-7' || segments.segments > 2) tooLong.push(`${key} (${segments.encoding}, ${segments.segments} segments): ${text}`);
    }
    expect(tooLong).toEqual([]);
  });

  it('has a catalog for every language detection can name and every language the Web Chat page offers', () => {
    expect(SUPPORTED_LANGUAGES.filter((l) => !languages.includes(l))).toEqual([]);
    expect(PAGE_LANGUAGES.map((l) => l.code).filter((l) => !languages.includes(l))).toEqual([]);
  });

  it('falls back to English for a language without a catalog', () => {
    const catalogs = createCatalogs();
    expect(catalogs.t('xx', 'survey.thanks')).toBe(catalogs.t('en', 'survey.thanks'));
    expect(catalogs.t('pl', 'survey.thanks')).not.toBe(catalogs.t('en', 'survey.thanks'));
  });
});

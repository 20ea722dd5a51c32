// SMS length of every prompt in every catalog, rendered with typical values in that language.
// Non-Latin scripts (and Latin letters outside GSM 03.38, e.g. Polish ł, Romanian ș) go as UCS-2:
// 70 UTF-16 units in one SMS, 67 per segment when cut, so they cost two to three times English.
// The limits are what the catalogs meet today, to stop them growing: English and other GSM-7
// text at most 2 segments, UCS-2 at most 4. The longest prompts per language are written to
// test-output/sms-segments.txt for translators to shorten.
import fs from 'node:fs';
import { createCatalogs, listCatalogLanguages, readCatalog } from '../../dialogs/i18n';
import { formatDate } from '../../dialogs/format';
import { countSegments, SegmentCount } from '../../services/notifications/smsSegments';
import { testOutputPath } from '../helpers/browser';

function flatten(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') return [key];
    return v && typeof v === 'object' ? flatten(v as Record<string, unknown>, key) : [];
  });
}

const catalogs = createCatalogs();
const languages = listCatalogLanguages();
// `words.*` are answer vocabularies and `page.*` the webchat page's own text: neither is ever texted.
const keys = flatten(readCatalog('en')).filter((k) => !k.startsWith('words.') && !k.startsWith('page.'));

/** Typical values; dates, stage, status and role in the tenant's language as the dialogs render them. */
function typicalValues(lang: string): Record<string, string | number> {
  const day = (iso: string) => formatDate(new Date(iso), lang);
  return {
    landlord: 'Riverside Homes',
    reference: 'CMP-2026-000123',
    references: 'CMP-2026-000123, CMP-2026-000124',
    date: day('2026-11-23T12:00:00Z'),
    acknowledgeBy: day('2026-11-30T12:00:00Z'),
    respondBy: day('2026-12-14T12:00:00Z'),
    months: 12,
    max: 3,
    count: 2,
    name: 'Housing Ombudsman Service',
    phone: '0300 111 3000',
    website: 'https://www.housing-ombudsman.org.uk',
    gas: '0800 111 999',
    danger: '999',
    code: '123456',
    // The tenant's own words, clipped to 60 characters as the dialogs do.
    summary: 'x'.repeat(60),
    what: 'x'.repeat(60),
    when: 'x'.repeat(20),
    where: 'x'.repeat(20),
    outcome: 'x'.repeat(40),
    stage: catalogs.t(lang, 'stage.stage1'),
    status: catalogs.t(lang, 'statusName.acknowledged'),
    role: catalogs.t(lang, 'role.stage1'),
  };
}

interface Measured extends SegmentCount {
  key: string;
}

function measure(lang: string): Measured[] {
  const values = typicalValues(lang);
  return keys.map((key) => ({ key, ...countSegments(catalogs.t(lang, key, values)) })).sort((a, b) => b.units - a.units);
}

const LIMITS = { 'GSM-7': 2, 'UCS-2': 4 } as const;

describe('SMS length of prompts in every language', () => {
  const report: string[] = [];
  afterAll(() => {
    fs.writeFileSync(testOutputPath('sms-segments.txt'), `${report.join('\n')}\n`);
  });

  it.each(languages)('%s: every prompt fits in 2 SMS segments as GSM-7 or 4 as UCS-2', (lang) => {
    const measured = measure(lang);
    const worst = measured.slice(0, 3).map((m) => `${m.key} ${m.encoding} ${m.units} units, ${m.segments} segments`);
    const over2 = measured.filter((m) => m.segments > 2).length;
    report.push(`${lang}: ${measured.length} prompts, ${over2} over 2 segments; longest: ${worst.join('; ')}`);
    const tooLong = measured.filter((m) => m.segments > LIMITS[m.encoding]).map((m) => `${m.key} (${m.encoding}, ${m.units} units, ${m.segments} segments)`);
    expect(tooLong).toEqual([]);
  });

  it('counts Gurmukhi as UCS-2, 67 units per segment once cut', () => {
    expect(countSegments('ਸ'.repeat(70))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(countSegments('ਸ'.repeat(71))).toEqual({ encoding: 'UCS-2', units: 71, segments: 2 });
    expect(countSegments('ਸ'.repeat(135))).toEqual({ encoding: 'UCS-2', units: 135, segments: 3 });
  });
});

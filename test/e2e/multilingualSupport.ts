// Shared pieces of the multilingual end-to-end tests: the tenant's answers in each test
// language, a check that a bot reply came from that language's prompt catalog, a driver that
// answers the intake questions until a case reference is given, and the staff API calls.
import { readCatalog } from '../../dialogs/i18n';
import type { TestLanguage } from '../fakes/translators/phrasebook';

export const STAFF_TOKEN = 'e2e-staff-token';
export const PUBLIC_BASE_URL = 'https://complaints.example-landlord.org.uk';

/** A tenant's short answers to the intake questions, written as a tenant would, in each language. */
export const ANSWERS: Record<TestLanguage, { outcome: string; when: string; where: string; contact: string }> = {
  en: { outcome: 'Repair it quickly, please.', when: 'Three weeks ago', where: 'In the kitchen', contact: 'By text message' },
  ar: { outcome: 'أرجو إصلاحه بسرعة.', when: 'قبل ثلاثة أسابيع', where: 'في المطبخ', contact: 'برسالة نصية' },
  ur: { outcome: 'براہ کرم اسے جلدی ٹھیک کریں۔', when: 'تین ہفتے پہلے', where: 'باورچی خانے میں', contact: 'ٹیکسٹ میسج سے' },
  bn: { outcome: 'দয়া করে তাড়াতাড়ি মেরামত করুন।', when: 'তিন সপ্তাহ আগে', where: 'রান্নাঘরে', contact: 'টেক্সট মেসেজে' },
  pa: { outcome: 'ਕਿਰਪਾ ਕਰਕੇ ਇਸਨੂੰ ਜਲਦੀ ਠੀਕ ਕਰੋ।', when: 'ਤਿੰਨ ਹਫ਼ਤੇ ਪਹਿਲਾਂ', where: 'ਰਸੋਈ ਵਿੱਚ', contact: 'ਟੈਕਸਟ ਮੈਸੇਜ ਰਾਹੀਂ' },
  pl: { outcome: 'Proszę szybko to naprawić.', when: 'Trzy tygodnie temu', where: 'W kuchni', contact: 'SMS-em' },
  cy: { outcome: "Trwsiwch e'n gyflym, os gwelwch yn dda.", when: 'Tair wythnos yn ôl', where: 'Yn y gegin', contact: 'Drwy neges destun' },
  ro: { outcome: 'Vă rog să o reparați repede.', when: 'Acum trei săptămâni', where: 'În bucătărie', contact: 'Prin SMS' },
  so: { outcome: 'Fadlan si dhakhso ah u hagaaji.', when: 'Saddex toddobaad ka hor', where: 'Jikada', contact: 'Fariin qoraal ah' },
};

/** Letters of each non-Latin script (a reply "in Urdu" is mostly Arabic-script letters). */
const SCRIPTS: Partial<Record<TestLanguage, RegExp>> = {
  ar: /[\u0600-\u06FF]/gu,
  ur: /[\u0600-\u06FF]/gu,
  bn: /[\u0980-\u09FF]/gu,
  pa: /[\u0A00-\u0A7F]/gu,
};

/** Share of letters in `text` written in the language's own script (1 for Latin-script languages). */
export function scriptShare(text: string, lang: TestLanguage): number {
  const script = SCRIPTS[lang];
  if (!script) return 1;
  // Case references, dates, phone numbers and URLs are Latin in every language: leave them out.
  const letters = text.replace(/CMP-\d{4}-\d{6}|https?:\/\/\S+|www\.\S+|\S+@\S+/g, '').match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 0;
  return letters.filter((l) => new RegExp(script.source, 'u').test(l)).length / letters.length;
}

interface Template {
  key: string;
  literalLength: number;
  pattern: RegExp;
}

const templateCache = new Map<string, Template[]>();

function flatten(prefix: string, value: unknown, out: Record<string, string>): void {
  if (typeof value === 'string') out[prefix] = value;
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(prefix ? `${prefix}.${k}` : k, v, out);
}

/** Every prompt of a language's catalog as a pattern ({{vars}} match anything). */
export function catalogTemplates(lang: string): Template[] {
  const cached = templateCache.get(lang);
  if (cached) return cached;
  const flat: Record<string, string> = {};
  flatten('', readCatalog(lang), flat);
  const templates = Object.entries(flat)
    .filter(([key]) => !key.startsWith('words.'))
    .map(([key, text]) => {
      const literal = text.split(/\{\{\s*\w+\s*\}\}/g);
      const parts = literal.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      return { key, literalLength: literal.join('').trim().length, pattern: new RegExp(`^${parts.join('[\\s\\S]*?')}$`, 'u') };
    })
    // Templates that are almost all placeholders ("{{reference}}: {{stage}}, {{status}}.") would
    // match any text; they are not intake prompts.
    .filter((t) => t.literalLength >= 8)
    // Longer templates first, so "status.next.open" does not shadow a longer prompt.
    .sort((a, b) => b.pattern.source.length - a.pattern.source.length);
  templateCache.set(lang, templates);
  return templates;
}

/** The catalog key a reply was rendered from, in `lang`, if any. */
export function promptKey(reply: string, lang: string): string | undefined {
  // Web Chat's markdown turns straight quotes into typographic ones.
  const text = reply.trim().replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
  return catalogTemplates(lang).find((t) => t.pattern.test(text))?.key;
}

/**
 * Splits what a channel delivered into the bot's separate messages. SMS joins a turn's messages
 * with blank lines and cuts long texts into several SMS at spaces, so the pieces are joined back
 * and cut at blank lines, then neighbouring parts are merged only when a part alone is no prompt.
 */
export function separateReplies(delivered: string[], lang: string, joiner: string): string[] {
  const parts = delivered.join(joiner).split(/\n\n/);
  const out: string[] = [];
  for (let i = 0; i < parts.length; ) {
    let matched = false;
    for (let j = i; j < parts.length; j++) {
      const candidate = parts.slice(i, j + 1).join('\n\n');
      if (promptKey(candidate, lang)) {
        out.push(candidate);
        i = j + 1;
        matched = true;
        break;
      }
    }
    if (!matched) out.push(parts[i++]);
  }
  return out;
}

/** The first word of a catalog word list (`words.yes`) in `lang`. */
export function word(lang: string, key: 'yes' | 'no' | 'skip'): string {
  const flat: Record<string, string> = {};
  flatten('', readCatalog(lang), flat);
  return flat[`words.${key}`].split('|')[0];
}

export interface IntakeResult {
  reference: string;
  /** Every bot reply of the conversation, in order. */
  replies: string[];
  /** The catalog key of each reply (undefined when a reply matched no prompt of the language). */
  keys: (string | undefined)[];
}

/**
 * Tells the bot `complaint` and answers each question in `lang` until the complaint is logged.
 * `turn` sends one tenant message and resolves with the bot's replies to it.
 */
export async function driveComplaintIntake(turn: (text: string) => Promise<string[]>, lang: TestLanguage, complaint: string): Promise<IntakeResult> {
  const replies: string[] = [];
  const keys: (string | undefined)[] = [];
  const answers = ANSWERS[lang];
  let said = await turn(complaint);
  for (let step = 0; step < 20; step++) {
    replies.push(...said);
    const saidKeys = said.map((r) => promptKey(r, lang));
    keys.push(...saidKeys);
    const created = said.find((_, i) => saidKeys[i] === 'stage1.created');
    if (created) {
      const reference = /CMP-\d{4}-\d{6}/.exec(created)?.[0];
      if (!reference) throw new Error(`stage1.created without a reference: ${created}`);
      return { reference, replies, keys };
    }
    const asked = [...saidKeys].reverse().find((k) => k !== undefined);
    const answer: Record<string, string> = {
      'complaint.reflect': word(lang, 'yes'),
      'complaint.exclusions': word(lang, 'no'),
      'complaint.exclusionsNoLimit': word(lang, 'no'),
      'complaint.outcome': answers.outcome,
      'quick.offer': '2',
      'stage1.when': answers.when,
      'stage1.where': answers.where,
      'stage1.contactPref': answers.contact,
      'stage1.adjustments': word(lang, 'skip'),
      'stage1.actingFor': word(lang, 'no'),
      'stage1.evidence': word(lang, 'skip'),
      'stage1.readBack': word(lang, 'yes'),
    };
    const next = asked ? answer[asked] : undefined;
    if (!next) throw new Error(`unexpected bot reply in ${lang} (key ${asked ?? 'none'}): ${JSON.stringify(said)}`);
    said = await turn(next);
  }
  throw new Error(`no case reference after 20 turns in ${lang}: ${JSON.stringify(replies)}`);
}

export interface StaffCaseJson {
  reference: string;
  language: string;
  channel: string;
  summary: string;
  originalText: string | null;
  originalView?: { original: string; language: string; translation?: { text: string; provider: string }; note?: string };
  responses: { reasons: string; decision: string }[];
  history: { action: string }[];
}

export async function staffGetCase(appUrl: string, reference: string): Promise<StaffCaseJson> {
  const res = await fetch(`${appUrl}/api/staff/cases/${reference}`, { headers: { Authorization: `Bearer ${STAFF_TOKEN}` } });
  if (res.status !== 200) throw new Error(`GET case ${reference} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as StaffCaseJson;
}

export async function staffAction(appUrl: string, reference: string, body: Record<string, unknown>): Promise<{ tenantNotified: boolean; case: StaffCaseJson }> {
  const res = await fetch(`${appUrl}/api/staff/cases/${reference}/actions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${STAFF_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`${String(body.action)} on ${reference} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { tenantNotified: boolean; case: StaffCaseJson };
}

/**
 * Polls `read` until it returns something, or fails after `timeoutMs`. Generous by default: on a
 * loaded 2-core machine one SMS send can time out and wait for the outbox's retry back-off.
 */
export async function eventually<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 40000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// A tenant whose language the detector knows but that has no prompt catalog (Somali here, by
// loading the catalogs without locales/so) or who names such a language (Turkish): the language
// is kept on the contact and the case, so staff get translations and replies in it, while the
// questions come in English after a plain notice and the interpreter text.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTenantBot } from '../../bots/tenantBot';
import { createCatalogs, listCatalogLanguages, localesDirectory } from '../../dialogs/i18n';
import { interpreterNotice } from '../../services/translation';
import { Harness, joined, startHarness } from '../bots/tenantHarness';

let h: Harness;
let catalogDir: string;

beforeAll(async () => {
  h = await startHarness({ pack: 'hoc-2024', now: new Date('2026-03-02T10:00:00Z') });
  catalogDir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogs-without-so-'));
  for (const lang of listCatalogLanguages().filter((l) => l !== 'so')) {
    fs.cpSync(path.join(localesDirectory(), lang), path.join(catalogDir, lang), { recursive: true });
  }
  h.bot = createTenantBot({ ...h.deps, catalogs: createCatalogs(catalogDir) });
});
afterAll(async () => {
  fs.rmSync(catalogDir, { recursive: true, force: true });
  await h.close();
});

const SOMALI_COMPLAINT = 'Kulaylaha gurigayga wuu jabay saddex toddobaad, qofna ma iman.';

describe('a language without a prompt catalog', () => {
  it('keeps Somali on the contact and the case while asking in English, after saying so and how to get an interpreter', async () => {
    expect(createCatalogs(catalogDir).languages).not.toContain('so');
    const chat = h.chat('sms', '+447700900901');
    const first = await chat.say(SOMALI_COMPLAINT);
    expect(first[0]).toBe("Sorry, I can't write in Somali yet, so my questions will be in English. I've noted Somali as your language for our staff.");
    // hoc-2024 has no Somali text: our default, then the pack's English with the landlord's words.
    expect(first[1]).toBe(interpreterNotice('so', h.deps.pack.interpreterNotices));
    expect(first[1]).toContain(h.deps.pack.interpreterNotices.en);
    expect(joined(first.slice(2))).toMatch(/I'm sorry about this\. So I understand you're unhappy/);

    const contact = await h.deps.contacts.findByIdentity({ channel: 'sms', id: '+447700900901' });
    expect(contact?.preferredLanguage).toBe('so');

    // English answers to English questions; the notice is not repeated.
    const replies: string[] = [];
    for (const answer of ['yes', 'no', 'Repair the heating', 'Three weeks ago', '4 Elm Court', 'text', 'no', 'no', 'skip', 'yes']) {
      const said = await chat.say(answer);
      replies.push(...said);
    }
    expect(replies.join('\n')).not.toMatch(/can't write in Somali/);
    const created = replies.find((r) => /Your complaint is logged\. Reference CMP-/.test(r));
    expect(created).toBeDefined();
    // Dates are written in English too, since the sentence is English.
    expect(created).toMatch(/by \d{1,2} [A-Z][a-z]+ \d{4} and send our answer by \d{1,2} [A-Z][a-z]+ \d{4}\./);
    const reference = /CMP-\d{4}-\d{6}/.exec(created ?? '')?.[0] ?? '';
    const record = await h.deps.cases.get(reference);
    expect(record).toMatchObject({ language: 'so', originalText: SOMALI_COMPLAINT });
    // Asking for a review too early: the answer's due date is English as well.
    expect(joined(await chat.say('REVIEW'))).toMatch(new RegExp(`Stage 1 answer to ${reference} yet\\. It's due by \\d{1,2} [A-Z][a-z]+ \\d{4}\\.`));
  });

  it('tells a Somali tenant again in a new conversation, once', async () => {
    const first = await h.chat('sms', '+447700900902', 'conv-a').say(SOMALI_COMPLAINT);
    expect(joined(first)).toMatch(/can't write in Somali yet/);
    const again = await h.chat('sms', '+447700900902', 'conv-b').say('Waxaan rabaa inaan ogaado xaaladda cabashadayda, fadlan.');
    expect(again.filter((r) => /can't write in Somali yet/.test(r))).toHaveLength(1);
    const contact = await h.deps.contacts.findByIdentity({ channel: 'sms', id: '+447700900902' });
    expect(contact?.preferredLanguage).toBe('so');
  });

  it('a tenant who names Turkish has it stored and is told in English, with the interpreter text in Turkish', async () => {
    const chat = h.chat('webchat', 'user-tr-1');
    const replies = await chat.say('Turkish');
    expect(replies[0]).toBe("Sorry, I can't write in Turkish yet, so my questions will be in English. I've noted Turkish as your language for our staff.");
    expect(replies[1]).toContain('Otomatik çeviri etkin olmadığı için');
    const contact = await h.deps.contacts.findByIdentity({ channel: 'webchat', id: 'user-tr-1' });
    expect(contact?.preferredLanguage).toBe('tr');
    // The conversation carries on in English.
    expect(joined(await chat.say('The repair still has not been done and nobody rang me back'))).toMatch(/So I understand you're unhappy/);
  });

  it('does not take a short message in a language without a catalog as the tenant language', async () => {
    const chat = h.chat('sms', '+447700900903');
    const replies = await chat.say('haa');
    expect(joined(replies)).not.toMatch(/can't write in/);
    const contact = await h.deps.contacts.findByIdentity({ channel: 'sms', id: '+447700900903' });
    expect(contact?.preferredLanguage ?? 'en').toBe('en');
  });
});

// Bengali and Punjabi tenants answering the way they type on a phone: with the script's own full
// stop (।), or a polite "ਹਾਂ ਜੀ", or romanised ("haan"). Transcripts against the real catalogs.
import { createCatalogs } from '../../dialogs/i18n';
import { Harness, startHarness } from '../bots/tenantHarness';

let h: Harness;
let phone = 0;
const catalogs = createCatalogs();

beforeAll(async () => {
  h = await startHarness({ pack: 'hoc-2024', now: new Date('2026-03-02T10:00:00Z') });
});
afterAll(async () => h.close());

const BENGALI_COMPLAINT = 'আমার বয়লার তিন সপ্তাহ ধরে নষ্ট এবং কেউ আসেনি।';
const PUNJABI_COMPLAINT = 'ਮੇਰਾ ਬਾਇਲਰ ਤਿੰਨ ਹਫ਼ਤਿਆਂ ਤੋਂ ਖ਼ਰਾਬ ਹੈ ਅਤੇ ਕੋਈ ਨਹੀਂ ਆਇਆ।';
/** The fixed opening of a prompt (before its first placeholder), to recognise it in a reply. */
const opening = (lang: string, key: string) => catalogs.t(lang, key, {}).split('{{')[0].slice(0, 25);

describe('yes and no in Indic scripts', () => {
  it.each([
    ['bn', 'হ্যাঁ।', BENGALI_COMPLAINT],
    ['bn', 'haan', BENGALI_COMPLAINT],
    ['pa', 'ਹਾਂ ਜੀ।', PUNJABI_COMPLAINT],
    ['pa', 'ਹਾਂਜੀ', PUNJABI_COMPLAINT],
  ])('a %s tenant confirming the reflection with "%s" goes on to the next question', async (lang, yes, complaint) => {
    const chat = h.chat('sms', `+4477009020${String(++phone).padStart(2, '0')}`);
    const first = (await chat.say(complaint)).join('\n');
    expect(first).toContain(opening(lang, 'complaint.reflect'));
    const next = (await chat.say(yes)).join('\n');
    expect(next).not.toContain(opening(lang, 'retry.yesNo'));
    expect(next).toContain(opening(lang, 'complaint.exclusionsNoLimit').slice(0, 12));
  });

  it('a Bengali tenant saying no with the full stop is asked to tell it again', async () => {
    const chat = h.chat('sms', '+447700903001');
    await chat.say(BENGALI_COMPLAINT);
    expect((await chat.say('না।')).join('\n')).toContain(opening('bn', 'complaint.retell'));
  });
});

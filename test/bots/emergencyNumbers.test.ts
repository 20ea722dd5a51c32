// The emergency line in Arabic and Urdu: in Web Chat the phone numbers are wrapped in
// left-to-right isolates so "0800 111 999" is not drawn as "999 111 0800" inside right-to-left
// text; SMS gets the bare digits (the marks are outside the GSM alphabet and show as boxes on
// older phones).
import { EMERGENCY } from '../../bots/tenantBot';
import { ltrIsolate } from '../../dialogs/format';
import { Harness, startHarness } from './tenantHarness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ pack: 'hoc-2024' });
});
afterAll(async () => h.close());

const LRI = '\u2066';
const PDI = '\u2069';
const GAS_ARABIC = 'أشم رائحة غاز قوية في المطبخ الآن';
const GAS_URDU = 'مجھے کچن میں گیس کی بہت تیز بو آ رہی ہے';

const COMPLAINT_ARABIC = 'لقد اتصلت ثلاث مرات بخصوص السخان ولم يأت أحد. أنا غاضب جدا';

describe('emergency numbers in right-to-left languages', () => {
  it('keeps both numbers left to right in an Arabic webchat reply', async () => {
    const replies = await h.chat('webchat', 'wc-ar-gas').say(GAS_ARABIC);
    expect(replies[0]).toMatch(/خط طوارئ الغاز/);
    expect(replies[0]).toContain(ltrIsolate(EMERGENCY.gas));
    expect(replies[0]).toContain(ltrIsolate(EMERGENCY.danger));
  });

  it('keeps the gas line left to right in an Urdu webchat reply', async () => {
    const replies = await h.chat('webchat', 'wc-ur-gas').say(GAS_URDU);
    expect(replies[0]).toContain(ltrIsolate(EMERGENCY.gas));
    expect(replies[0]).not.toMatch(/[A-Za-z]{4,}/); // Urdu prompt, not the English fallback
  });

  it('sends the bare numbers by SMS, with no isolate marks', async () => {
    const replies = await h.chat('sms', '+447700900731').say(GAS_ARABIC);
    expect(replies[0]).toMatch(/خط طوارئ الغاز/);
    expect(replies[0]).toContain(EMERGENCY.gas);
    expect(replies[0]).not.toContain(LRI);
    expect(replies[0]).not.toContain(PDI);
  });

  it('keeps the Ombudsman number left to right in Arabic webchat, bare in Arabic SMS', async () => {
    const ombudsman = h.deps.pack.signposting.ombudsman.phone;
    const web = h.chat('webchat', 'wc-ar-legal');
    await web.sayAll([COMPLAINT_ARABIC, 'نعم']);
    const webReply = (await web.say('1')).join('\n');
    expect(webReply).toContain(ltrIsolate(ombudsman));

    const sms = h.chat('sms', '+447700900732');
    await sms.sayAll([COMPLAINT_ARABIC, 'نعم']);
    const smsReply = (await sms.say('1')).join('\n');
    expect(smsReply).toContain(ombudsman);
    expect(smsReply).not.toContain(LRI);
  });
});

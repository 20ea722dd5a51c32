// Not-complaints logged and answered; emergencies; interruptions at any step; language choice.
import { Harness, joined, startHarness } from '../bots/tenantHarness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ pack: 'hoc-2024', now: new Date('2026-03-02T10:00:00Z') });
});
afterAll(async () => h.close());

async function casesOf(channel: 'sms' | 'webchat', id: string) {
  const contact = await h.deps.contacts.findByIdentity({ channel, id });
  return contact ? h.deps.cases.listForContact(contact.id) : [];
}

describe('feedback and other routes', () => {
  it.each([
    ['compliment', '+447700900511', 'The plumber was lovely, thank you so much for the quick repair', /Thank you, that's kind/],
    ['comment', '+447700900512', 'You should put more bins near block B', /Thank you for your suggestion/],
    ['data_request', '+447700900513', 'I want a copy of all the personal data you hold about me', /request for your personal data/],
    ['asb_report', '+447700900514', 'My neighbour plays loud music every night', /anti-social behaviour team/],
  ])('logs a %s as a feedback case and acknowledges it with a reference', async (kind, phone, text, reply) => {
    const replies = joined(await h.chat('sms', phone).say(text));
    expect(replies).toMatch(reply);
    expect(replies).toMatch(/CMP-\d{4}-\d{6}/);
    const [record] = await casesOf('sms', phone);
    expect(record).toMatchObject({ stage: 'feedback', feedbackKind: kind, originalText: text });
  });

  it('logs a first-time repair request as a service request and says how to complain', async () => {
    const phone = '+447700900520';
    const reply = joined(await h.chat('sms', phone).say('My boiler is not working, can someone come and look at it?'));
    expect(reply).toMatch(/logged this as a repair or service request/);
    expect(reply).toMatch(/help you make a complaint/);
    expect((await casesOf('sms', phone))[0]).toMatchObject({ stage: 'service_request' });
  });

  it('asks when to call for "speak to someone" and logs a callback case', async () => {
    const phone = '+447700900521';
    const chat = h.chat('sms', phone);
    expect(joined(await chat.say('Can I speak to a person please'))).toMatch(/When is a good time to call you/);
    expect(joined(await chat.say('After 5pm on this number'))).toMatch(/A member of staff will contact you/);
    expect((await casesOf('sms', phone))[0]).toMatchObject({ stage: 'feedback', feedbackKind: 'callback' });
  });

  it('gives gas emergency instructions at once, before anything else', async () => {
    const replies = await h.chat('sms', '+447700900522').say('I can smell gas in the kitchen');
    expect(replies[0]).toMatch(/National Gas Emergency line now on 0800 111 999/);
    expect(replies[0]).toMatch(/call 999/);
  });

  it('warns calmly about abuse, flags it, and the complaint still goes ahead', async () => {
    const phone = '+447700900523';
    const chat = h.chat('sms', phone);
    const first = await chat.say('You useless idiots, the damp is still there after 3 months');
    expect(first[0]).toMatch(/Please keep messages free of abuse/);
    expect(joined(first)).toMatch(/So I understand you're unhappy/);
    await chat.sayAll(['yes', 'no', 'Treat the damp', 'March', 'Flat 2', 'text', 'no', 'no', 'skip']);
    expect(joined(await chat.say('yes'))).toMatch(/Your complaint is logged/);
    expect((await casesOf('sms', phone))[0]).toMatchObject({ stage: 'stage1' });
    expect((await casesOf('sms', phone))[0].flags).toContain('abusive');
  });
});

describe('interruptions at any step', () => {
  it('help explains the options and asks the same question again', async () => {
    const chat = h.chat('webchat', 'dl-601');
    await chat.sayAll(['The repair still has not been done and nobody rang me back', 'yes', 'no']);
    const replies = await chat.say('help');
    expect(replies[0]).toMatch(/Reply STATUS to check a case/);
    expect(replies[1]).toMatch(/What would you like us to do/);
    expect(joined(await chat.say('Fix it'))).toMatch(/When did this happen/);
  });

  it('cancel stops the dialog and nothing is opened', async () => {
    const chat = h.chat('webchat', 'dl-602');
    await chat.sayAll(['The repair still has not been done and nobody rang me back', 'yes']);
    expect(joined(await chat.say('cancel'))).toMatch(/I've stopped/);
    expect(await casesOf('webchat', 'dl-602')).toHaveLength(0);
    // The next message starts afresh.
    expect(joined(await chat.say('hello'))).toMatch(/complaints helper|I can help with complaints/);
  });

  it('start again goes back to the beginning', async () => {
    const chat = h.chat('webchat', 'dl-603');
    await chat.sayAll(['The repair still has not been done and nobody rang me back', 'yes', 'no']);
    expect(joined(await chat.say('start again'))).toMatch(/let's start again/);
    expect(joined(await chat.say('The repair still has not been done and nobody rang me back'))).toMatch(/So I understand/);
  });

  it('speak to someone mid-complaint switches to a call back', async () => {
    const chat = h.chat('webchat', 'dl-604');
    await chat.sayAll(['The repair still has not been done and nobody rang me back', 'yes']);
    expect(joined(await chat.say('speak to someone'))).toMatch(/When is a good time to call you/);
    await chat.say('Tomorrow morning, 07700 900604');
    expect((await casesOf('webchat', 'dl-604'))[0]).toMatchObject({ feedbackKind: 'callback' });
  });

  it('naming a language mid-dialog switches, stores it on the contact and re-asks in that language', async () => {
    const chat = h.chat('webchat', 'dl-605');
    await chat.sayAll(['The repair still has not been done and nobody rang me back', 'yes', 'no']);
    const replies = await chat.say('polski');
    expect(replies[0]).toBe('Dobrze, od teraz piszę po polsku.');
    expect(replies[1]).toBe('Co możemy zrobić, aby to naprawić?');
    expect((await h.deps.contacts.findByIdentity({ channel: 'webchat', id: 'dl-605' }))?.preferredLanguage).toBe('pl');
    expect(joined(await chat.say('Naprawić okno'))).toMatch(/Kiedy to się stało/);
    expect(joined(await chat.say('in Welsh'))).toMatch(/ysgrifennu yn Gymraeg/);
  });
});

describe('language', () => {
  it('uses the language of a clear first message without asking', async () => {
    const replies = joined(await h.chat('sms', '+447700900701').say('Już trzeci raz dzwonię w sprawie bojlera i nikt nie przyszedł. Mam dość.'));
    expect(replies).toMatch(/Rozumiem, że jesteś niezadowolony/);
  });

  it('asks to confirm a language guessed from a short first message, in both languages', async () => {
    const chat = h.chat('sms', '+447700900702');
    const ask = joined(await chat.say('Dzień dobry'));
    expect(ask).toMatch(/Czy mam odpowiadać po polsku\? \(tak\/nie\)/);
    expect(ask).toMatch(/It looks like you wrote in Polski/);
    const yes = joined(await chat.say('tak'));
    expect(yes).toMatch(/od teraz piszę po polsku/);
    expect(yes).toMatch(/asystentem skarg/);
  });

  it('goes back to English when the tenant says no to the guessed language', async () => {
    const chat = h.chat('sms', '+447700900703');
    await chat.say('Dzień dobry');
    expect(joined(await chat.say('no'))).toMatch(/I'll write in English/);
  });
});

describe('more languages', () => {
  it.each([
    ['español', 'De acuerdo, a partir de ahora escribiré en español.', 'es'],
    ['en français', "D'accord, j'écrirai en français à partir de maintenant.", 'fr'],
    ['Português', 'Está bem, a partir de agora escrevo em português.', 'pt'],
    ['Română', 'Bine, de acum vă scriu în română.', 'ro'],
    ['اردو', 'ٹھیک ہے، اب سے میں اردو میں لکھوں گا۔', 'ur'],
    ['বাংলায়', 'ঠিক আছে, এখন থেকে আমি বাংলায় লিখব।', 'bn'],
    ['ਪੰਜਾਬੀ ਵਿੱਚ', 'ਠੀਕ ਹੈ, ਹੁਣ ਤੋਂ ਮੈਂ ਪੰਜਾਬੀ ਵਿੱਚ ਲਿਖਾਂਗਾ।', 'pa'],
    ['Af Soomaali fadlan', 'Hagaag, hadda wixii ka dambeeya waxaan ku qori doonaa Af Soomaali.', 'so'],
  ])('switches to %s when the tenant names it', async (name, reply, lang) => {
    const id = `dl-lang-${lang}`;
    expect(await h.chat('webchat', id).say(name)).toEqual([reply]);
    expect((await h.deps.contacts.findByIdentity({ channel: 'webchat', id }))?.preferredLanguage).toBe(lang);
  });
});

// Intake → Stage 1 under hoc-2024 (no separate early stage), in English and Polish.
import { Harness, joined, startHarness } from '../bots/tenantHarness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ pack: 'hoc-2024', now: new Date('2026-03-02T10:00:00Z') });
});
afterAll(async () => h.close());

describe('Stage 1 complaint (hoc-2024)', () => {
  it('reflects back, checks exclusions, captures Stage 1, reads back and opens a case with reference, dates and the Ombudsman', async () => {
    const chat = h.chat('sms', '+447700900101');
    const first = joined(await chat.say("Third time I've rung about the boiler and nobody has come. Really fed up."));
    expect(first).toMatch(/So I understand you're unhappy that/);
    expect(first).toMatch(/boiler/);
    expect(joined(await chat.say('yes'))).toMatch(/has legal action started/);
    expect(joined(await chat.say('no'))).toMatch(/What would you like us to do/);
    // hoc-2024 has no separate early stage: straight to Stage 1 questions.
    expect(joined(await chat.say('Fix the boiler this week'))).toMatch(/When did this happen/);
    expect(joined(await chat.say('Since 20 February'))).toMatch(/Where is the problem/);
    expect(joined(await chat.say('12 Oak Road, kitchen'))).toMatch(/How would you like us to contact you/);
    expect(joined(await chat.say('text please'))).toMatch(/easier for you/);
    expect(joined(await chat.say('no'))).toMatch(/for someone else/);
    expect(joined(await chat.say('no'))).toMatch(/photos or documents/);
    const readBack = joined(await chat.say('skip'));
    expect(readBack).toMatch(/What: Third time/);
    expect(readBack).toMatch(/Where: 12 Oak Road, kitchen/);
    expect(readBack).toMatch(/You'd like: Fix the boiler this week/);
    const done = joined(await chat.say('yes'));
    const ref = /CMP-\d{4}-\d{6}/.exec(done)?.[0];
    expect(ref).toBeDefined();
    // hoc-2024: acknowledge within 5 WD of 2 March 2026 = 9 March; respond 10 WD after that = 23 March.
    expect(done).toMatch(/acknowledge it by 9 March 2026/);
    expect(done).toMatch(/answer by 23 March 2026/);
    expect(done).toMatch(/Housing Ombudsman Service: 0300 111 3000/);
    const record = await h.deps.cases.get(ref!);
    expect(record).toMatchObject({ stage: 'stage1', status: 'open', channel: 'sms', language: 'en', location: '12 Oak Road, kitchen', desiredOutcome: 'Fix the boiler this week' });
    expect(record?.whenHappened).toBe('Since 20 February');
  });
});

describe('intake branches', () => {
  const start = async (phone: string) => {
    const chat = h.chat('sms', phone);
    await chat.say('The repair still has not been done and nobody rang me back');
    return chat;
  };

  it('asks the tenant to retell it when the reflection is wrong', async () => {
    const chat = await start('+447700900111');
    expect(joined(await chat.say('no'))).toMatch(/Please tell me in a few words what went wrong/);
    expect(joined(await chat.say('The contractor left a hole in my ceiling'))).toMatch(/has legal action started/);
    await chat.sayAll(['no', 'Repair the ceiling', 'Monday', 'Flat 4', 'phone', 'no', 'no']);
    expect(joined(await chat.say('skip'))).toMatch(/What: The contractor left a hole in my ceiling/);
  });

  it('does not open a complaint once legal action has started, and gives the Ombudsman', async () => {
    const chat = await start('+447700900112');
    await chat.say('yes');
    const reply = joined(await chat.say('1'));
    expect(reply).toMatch(/As legal action has started, we can't deal with this as a complaint/);
    expect(reply).toMatch(/Housing Ombudsman Service on 0300 111 3000/);
    const contact = await h.deps.contacts.findByIdentity({ channel: 'sms', id: '+447700900112' });
    expect(await h.deps.cases.listForContact(contact!.id)).toHaveLength(0);
  });

  it('routes insurance, injury and compensation claims to the claims process', async () => {
    const chat = await start('+447700900113');
    await chat.say('yes');
    expect(joined(await chat.say('2'))).toMatch(/claims process, not complaints/);
  });

  it('logs an older matter for a manager to decide where the pack allows discretion (hoc-2024: 12 months)', async () => {
    const chat = await start('+447700900114');
    await chat.say('yes');
    const reply = joined(await chat.say('3'));
    expect(reply).toMatch(/over 12 months ago, a manager will decide/);
    expect(reply).toMatch(/What would you like us to do/);
    await chat.sayAll(['An apology', '2024', 'Flat 9', 'text', 'no', 'no', 'skip']);
    const done = joined(await chat.say('yes'));
    const ref = /CMP-\d{4}-\d{6}/.exec(done)![0];
    expect((await h.deps.cases.get(ref))?.flags).toContain('older_than_time_limit');
  });

  it('asks again when an exclusion answer is not understood', async () => {
    const chat = await start('+447700900115');
    await chat.say('yes');
    expect(joined(await chat.say('maybe'))).toMatch(/reply with a number from 1 to 3, or NO/);
  });

  it('records someone acting for another person, without consent, and evidence sent as attachments', async () => {
    const chat = await start('+447700900116');
    await chat.sayAll(['yes', 'no', 'Fix the lift', 'Since Friday', 'Block C', 'email', 'I need large print']);
    expect(joined(await chat.say('yes'))).toMatch(/What is their name/);
    expect(joined(await chat.say('Mary Jones, my mother'))).toMatch(/Have they agreed/);
    const noConsent = joined(await chat.say('no'));
    expect(noConsent).toMatch(/only share their details with you once they agree/);
    expect(noConsent).toMatch(/photos or documents/);
    const att = await chat.say('', [{ contentType: 'image/jpeg', contentUrl: 'https://api.twilio.test/Media/ME1', name: 'lift.jpg' }]);
    expect(joined(att)).toMatch(/I've added 1 file/);
    const done = joined(await chat.say('yes'));
    const record = await h.deps.cases.get(/CMP-\d{4}-\d{6}/.exec(done)![0]);
    expect(record).toMatchObject({
      reasonableAdjustments: 'I need large print',
      contactPreference: 'email',
      representative: { name: 'Mary Jones, my mother', consent: false },
    });
    expect(record?.evidence).toEqual([expect.objectContaining({ kind: 'photo', url: 'https://api.twilio.test/Media/ME1', contentType: 'image/jpeg' })]);
  });

  it('starts the questions again when the read-back is not right', async () => {
    const chat = await start('+447700900117');
    await chat.sayAll(['yes', 'no', 'Fix it', 'today', 'here', 'text', 'no', 'no']);
    await chat.say('skip');
    const again = joined(await chat.say('no'));
    expect(again).toMatch(/Let's go through it again/);
    expect(again).toMatch(/So I understand you're unhappy/);
  });
});

describe('in other languages', () => {
  it('runs a whole Stage 1 complaint in Polish with Polish dates', async () => {
    const chat = h.chat('webchat', 'dl-pl-1');
    expect(joined(await chat.say('Już trzeci raz dzwonię w sprawie bojlera i nikt nie przyszedł. Mam dość.'))).toMatch(/Czy dobrze rozumiem\? \(tak\/nie\)/);
    expect(joined(await chat.say('tak'))).toMatch(/postępowanie sądowe/);
    expect(joined(await chat.say('nie'))).toMatch(/Co możemy zrobić/);
    await chat.sayAll(['Naprawić bojler', 'Od lutego', 'ul. Dębowa 12', 'SMS', 'nie', 'nie']);
    expect(joined(await chat.say('pomiń'))).toMatch(/Czy wysłać to jako skargę\?/);
    const done = joined(await chat.say('tak'));
    expect(done).toMatch(/Skarga zapisana\. Numer CMP-/);
    expect(done).toMatch(/do 9 marca 2026/);
    const ref = /CMP-\d{4}-\d{6}/.exec(done)![0];
    expect(await h.deps.cases.get(ref)).toMatchObject({ language: 'pl', originalText: 'Już trzeci raz dzwonię w sprawie bojlera i nikt nie przyszedł. Mam dość.' });
  });

  it('runs a whole Stage 1 complaint in Arabic (right to left) with Arabic dates', async () => {
    const chat = h.chat('webchat', 'dl-ar-1');
    expect(joined(await chat.say('لقد اتصلت ثلاث مرات بخصوص السخان ولم يأت أحد. أنا غاضب جدا'))).toMatch(/هل هذا صحيح؟/);
    expect(joined(await chat.say('نعم'))).toMatch(/إجراءات قانونية/);
    expect(joined(await chat.say('لا'))).toMatch(/ماذا تريد منا/);
    await chat.sayAll(['إصلاح السخان', 'منذ أسبوع', 'شقة 5', 'رسالة نصية', 'لا', 'لا']);
    expect(joined(await chat.say('تخطي'))).toMatch(/هل أرسل هذا كشكواك؟/);
    const done = joined(await chat.say('نعم'));
    expect(done).toMatch(/سُجلت شكواك/);
    expect(done).toMatch(/مارس 2026/);
    const ref = /CMP-\d{4}-\d{6}/.exec(done)![0];
    expect((await h.deps.cases.get(ref))?.language).toBe('ar');
  });

  it('runs the start of a complaint in Welsh', async () => {
    const chat = h.chat('sms', '+447700900130');
    expect(joined(await chat.say("Dw i wedi ffonio dair gwaith am y boeler a does neb wedi dod. Dw i'n flin iawn."))).toMatch(/Ydy hynny'n iawn\? \(ie\/na\)/);
    expect(joined(await chat.say('ie'))).toMatch(/camau cyfreithiol/);
    expect(joined(await chat.say('na'))).toMatch(/Beth hoffech chi i ni ei wneud/);
  });
});

import { createDetector } from '../../../services/detection/detector';
import { DetectionCase as Case, expectDetection, sharedDetector } from './helpers';

const detector = sharedDetector();


describe('the DESIGN.md taxonomy examples', () => {
  it.each<Case>([
    { text: "third time I've rung about the boiler and nobody's come", intent: 'complaint', dissatisfied: true },
    { text: 'waited in all day, no show, no call', intent: 'complaint', dissatisfied: true },
    { text: 'great, another week without heating', intent: 'complaint', dissatisfied: true },
    { text: "my boiler isn't working, can someone come?", intent: 'service_request', dissatisfied: false },
    { text: "I'm not unhappy, just reporting a leak", intent: 'service_request', dissatisfied: false },
    { text: 'any update on the repair I reported last week?', intent: 'enquiry', dissatisfied: false },
    { text: 'neighbour plays loud music every night', intent: 'asb_report', dissatisfied: false },
    { text: "I've reported my neighbour five times and you've done nothing", intent: 'complaint', dissatisfied: true },
    { text: 'the plumber was lovely but the office never rang back', intent: 'complaint', dissatisfied: true },
    {
      text: 'not happy with the response to my complaint, I want it reviewed',
      intent: 'stage2_request',
      dissatisfied: true,
    },
    { text: 'can I speak to a person', intent: 'human', dissatisfied: false },
  ])('reads "$text" as $intent (dissatisfied: $dissatisfied)', expectDetection);
});

describe('dissatisfaction without the word "complaint"', () => {
  it.each<Case>([
    {
      text: 'Booked the day off for the electrician and he never showed up, not even a text',
      intent: 'complaint',
      dissatisfied: true,
    },
    {
      text: 'Six weeks now with a tarp over the roof, nobody tells me anything',
      intent: 'complaint',
      dissatisfied: true,
    },
    {
      text: 'I am so sorry to keep bothering you but the damp is still there after two visits',
      intent: 'complaint',
      dissatisfied: true,
    },
    { text: 'how many times must I ring before someone fixes the lock', intent: 'complaint', dissatisfied: true },
  ])('counts "$text" as a complaint', expectDetection);

  it('reads sarcasm as dissatisfaction', () => {
    expectDetection({
      text: 'oh fantastic, another month with a broken shower',
      intent: 'complaint',
      dissatisfied: true,
    });
  });

  it('keeps negated dissatisfaction neutral', () => {
    expectDetection({
      text: 'not complaining at all, but the bathroom fan has stopped, could someone look',
      intent: 'service_request',
      dissatisfied: false,
    });
  });

  it('treats praise followed by a criticism as a complaint', () => {
    expectDetection({
      text: 'the gardener was very friendly but nobody came back to finish the hedge',
      intent: 'complaint',
      dissatisfied: true,
    });
  });

  it('keeps pure praise as a compliment', () => {
    expectDetection({
      text: 'the joiner who fitted our door was fantastic, thank you so much',
      intent: 'compliment',
      dissatisfied: false,
    });
  });
});

describe('chasers, status checks and stage 2', () => {
  it('treats a first polite chaser as an enquiry', () => {
    expectDetection({
      text: 'just wondering if the window repair has a date yet?',
      intent: 'enquiry',
      dissatisfied: false,
    });
  });

  it('treats a chaser that complains about the wait as a complaint', () => {
    expectDetection({
      text: 'still no date for the window repair after a month and nobody answers the phone',
      intent: 'complaint',
      dissatisfied: true,
    });
  });

  it('recognises a status check on an existing complaint', () => {
    expectDetection({ text: 'any news on my complaint CMP-2026-000555?', intent: 'status_check', dissatisfied: false });
  });

  it('recognises a request to escalate to stage 2', () => {
    expectDetection({
      text: 'I disagree with the outcome of my complaint and want it escalated',
      intent: 'stage2_request',
      dissatisfied: true,
    });
  });
});

describe('ASB reports versus complaints about ASB handling', () => {
  it('routes a report about a neighbour to ASB', () => {
    expectDetection({
      text: 'the flat opposite has people shouting and fighting on the landing most weekends',
      intent: 'asb_report',
      dissatisfied: false,
    });
  });

  it('keeps a report about a neighbour as ASB even when it uses the word complain', () => {
    expectDetection({
      text: 'I wish to complain about the dog next door howling all day',
      intent: 'asb_report',
      dissatisfied: false,
    });
  });

  it('tells a rude neighbour (ASB) from a rude member of staff (complaint)', () => {
    expectDetection({
      text: 'the woman downstairs is really rude and aggressive to my kids',
      intent: 'asb_report',
      dissatisfied: false,
    });
    expectDetection({
      text: 'your caretaker was really rude and aggressive to my kids',
      intent: 'complaint',
      dissatisfied: true,
    });
  });

  it('does not mistake a noisy boiler for a noisy neighbour', () => {
    expectDetection({
      text: 'the boiler is making a horrible banging noise when it fires up',
      intent: 'service_request',
      dissatisfied: false,
    });
  });

  it('treats criticism of how ASB was handled as a complaint', () => {
    expectDetection({
      text: 'I gave your ASB officer a noise diary in March and nothing has been done since',
      intent: 'complaint',
      dissatisfied: true,
    });
  });
});

describe('other intents', () => {
  it.each<Case>([
    { text: 'please send me a copy of all personal data you hold on me', intent: 'data_request', dissatisfied: false },
    { text: 'could I talk to a real person about my tenancy', intent: 'human', dissatisfied: false },
    { text: 'it would be handy if you published the caretaker rota', intent: 'comment', dissatisfied: false },
    { text: 'what documents do I need for a mutual exchange?', intent: 'enquiry', dissatisfied: false },
  ])('reads "$text" as $intent', expectDetection);
});

describe('flags', () => {
  it('flags abuse without losing the complaint', () => {
    const result = detector.detect('you useless idiots, the boiler has been broken for three weeks');
    expect(result.intent).toBe('complaint');
    expect(result.flags).toContain('abusive');
  });

  it('flags a legal threat', () => {
    expect(
      detector.detect('my solicitor will be in touch about the disrepair, nothing has been done for months').flags,
    ).toContain('legal');
  });

  it('flags an explicit complaint', () => {
    expect(detector.detect('I want to make a formal complaint about the contractor').flags).toContain(
      'explicit_complaint',
    );
  });

  it('does not flag urgent safety on an ordinary repair', () => {
    expect(detector.detect('the kitchen cupboard hinge is loose').flags).not.toContain('urgent_safety');
  });
});

describe('urgent safety is never missed', () => {
  it.each([
    ['en', 'really strong smell of gas on the stairs'],
    ['en', 'the carbon monoxide detector is screaming'],
    ['en', 'water pouring out of the light fitting in the hall'],
    ['en', 'the socket behind the fridge is sparking and smells of burning'],
    ['en', 'no heating and my newborn is only 3 weeks old'],
    ['cy', 'Mae arogl nwy yn y cyntedd'],
    ['pl', 'W łazience czuć gaz'],
    ['ro', 'Miroase a gaz pe scară'],
    ['lt', 'Virtuvėje kvepia dujomis'],
    ['pt', 'Cheira a gás no prédio'],
    ['es', 'Huele mucho a gas en la cocina'],
    ['fr', 'Odeur de gaz dans la cuisine'],
    ['so', 'Ur gaas ayaa qolka ka imanaya'],
    ['ar', 'هناك رائحة غاز في الحمام'],
    ['ur', 'سیڑھیوں پر گیس کی بو ہے'],
    ['pa', 'ਪੌੜੀਆਂ ਵਿੱਚ ਗੈਸ ਦੀ ਬੋ ਹੈ'],
    ['bn', 'সিঁড়িতে গ্যাসের গন্ধ'],
  ])('flags urgent_safety in %s: %s', (_language, text) => {
    expect(detector.detect(text).flags).toContain('urgent_safety');
  });

  it('flags urgent safety on a complaint too, keeping the complaint', () => {
    const result = detector.detect('third time telling you, the gas smell by the meter is back and nobody came');
    expect(result.flags).toContain('urgent_safety');
    expect(result.dissatisfied).toBe(true);
  });
});

describe('languages other than English', () => {
  it.each<[string, Case]>([
    ['pl', { text: 'Od miesiąca czekam na fachowca, nikt nie oddzwania', intent: 'complaint', dissatisfied: true }],
    [
      'es',
      {
        text: 'Nadie ha venido a arreglar la puerta y ya he llamado cuatro veces',
        intent: 'complaint',
        dissatisfied: true,
      },
    ],
    [
      'fr',
      {
        text: "Ça fait trois semaines que j'attends le plombier, personne ne rappelle",
        intent: 'complaint',
        dissatisfied: true,
      },
    ],
    ['ro', { text: 'Mulțumesc mult pentru reparația rapidă', intent: 'compliment', dissatisfied: false }],
    ['ar', { text: 'الحنفية في المطبخ مكسورة، أرجو إرسال سباك', intent: 'service_request', dissatisfied: false }],
    ['ur', { text: 'تین ہفتوں سے انتظار کر رہا ہوں، کوئی نہیں آیا', intent: 'complaint', dissatisfied: true }],
    ['pl', { text: 'Chciałbym wiedzieć, co się dzieje z moją skargą', intent: 'status_check', dissatisfied: false }],
    ['es', { text: 'Quisiera saber en qué estado está mi reclamación', intent: 'status_check', dissatisfied: false }],
    [
      'ro',
      {
        text: 'Nu sunt mulțumit de răspunsul la plângere, vreau să fie revizuit',
        intent: 'stage2_request',
        dissatisfied: true,
      },
    ],
    ['ar', { text: 'هل يمكن أن يتصل بي أحد الموظفين؟', intent: 'human', dissatisfied: false }],
    [
      'fr',
      {
        text: 'Je voudrais une copie de toutes les données que vous avez sur moi',
        intent: 'data_request',
        dissatisfied: false,
      },
    ],
  ])('detects %s: "%s"', (_language, c) => expectDetection(c));
});

describe('contract', () => {
  it('is deterministic: the same text always gives the same answer', () => {
    const text = 'the lads next door were at it again till 4am and your ASB team never rang me back';
    const first = detector.detect(text);
    for (let i = 0; i < 5; i++) expect(detector.detect(text)).toEqual(first);
    expect(sharedDetector().detect(text)).toEqual(first);
  });

  it('gives the same answers from every detector built on the same corpus', () => {
    const other = createDetector();
    for (const text of ['my boiler is broken', 'third time asking, nobody came', 'Huele a gas', 'thank you so much']) {
      expect(other.detect(text)).toEqual(detector.detect(text));
    }
  });

  it('returns a confidence between 0 and 1 and an ISO 639-1 language', () => {
    const result = detector.detect('the radiator in the hall is stone cold');
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
    expect(result.language).toBe('en');
  });

  it('lets the caller force the language with hints.language', () => {
    expect(detector.detect('ok', { language: 'pl' }).language).toBe('pl');
    expect(detector.detect('Mae angen trwsio’r tap', { language: 'cy' }).language).toBe('cy');
  });

  it('accepts a regional language tag as a hint', () => {
    expect(detector.detect('ok', { language: 'pl-PL' }).language).toBe('pl');
  });

  it('ignores an unsupported language hint and identifies the language itself', () => {
    expect(detector.detect('Huele a gas en la escalera', { language: 'xx' }).language).toBe('es');
  });

  it('copes with empty and emoji-only messages', () => {
    expect(detector.detect('').intent).toBe('other');
    expect(detector.detect('👍').intent).toBe('other');
  });
});

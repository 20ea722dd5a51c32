// "When did this happen?" answered with a date or "about N weeks/months ago" (in the tenant's
// language) becomes the case's incidentDate, which the case service checks against the pack's
// time limit to raise a complaint (hoc-2024: 12 months, a manager may still consider older ones).
import { parseIncidentDate } from '../../dialogs/incidentDate';
import { Harness, joined, startHarness } from '../bots/tenantHarness';

const NOW = new Date('2026-03-02T10:00:00Z');
const day = (answer: string, now = NOW) => parseIncidentDate(answer, now)?.toISOString().slice(0, 10);

describe('reading the day from a "when" answer (London calendar)', () => {
  it.each([
    ['about 3 months ago', '2025-12-02'],
    ['2 weeks ago', '2026-02-16'],
    ['a week ago', '2026-02-23'],
    ['Since 20 February', '2026-02-20'],
    ['Dec 25', '2025-12-25'],
    ['14/11/2025', '2025-11-14'],
    ['on 3.1.26', '2026-01-03'],
    ['2025-12-25', '2025-12-25'],
    ['jakieś 3 miesiące temu', '2025-12-02'],
    ['منذ ٣ أشهر', '2025-12-02'],
    ['2 ہفتے پہلے', '2026-02-16'],
    ['tua 5 mis yn ôl', '2025-10-02'],
    ['2 ਹਫ਼ਤੇ ਪਹਿਲਾਂ', '2026-02-16'],
    ['hace 2 años', '2024-03-02'],
    ['the 3rd of January', '2026-01-03'],
    ['Feb 14th 2025', '2025-02-14'],
    ['14 de febrero', '2026-02-14'],
    ['desde el 5 de diciembre de 2025', '2025-12-05'],
    ['od 14 lutego', '2026-02-14'],
    ['20 grudnia 2025', '2025-12-20'],
    ['le 1er février', '2026-02-01'],
    ['pe 10 ianuarie', '2026-01-10'],
    ['2025 m. gruodžio 24 d.', '2025-12-24'],
    ['vasario 3', '2026-02-03'],
    ['10 de janeiro', '2026-01-10'],
    ['ers 8 Chwefror', '2026-02-08'],
    ['12 Desembar 2025', '2025-12-12'],
    ['منذ ١٤ يناير', '2026-01-14'],
    ['١٠ شباط', '2026-02-10'],
    ['5 كانون الثاني', '2026-01-05'],
    ['15 جنوری سے', '2026-01-15'],
    ['১০ ফেব্রুয়ারি থেকে', '2026-02-10'],
    ['20 ਜਨਵਰੀ ਤੋਂ', '2026-01-20'],
    ['15 march', '2025-03-15'],
  ])('"%s" is %s', (answer, expected) => {
    expect(day(answer)).toBe(expected);
  });

  it.each(['Monday', 'a while back', '12 Oak Road', 'Od lutego', '25/12/2026', '31/02/2026', '', 'oni maja 3 dzieci', "dwi'n meddwl mai 3", '31 lutego', 'since March'])('"%s" gives no date', (answer) => {
    expect(day(answer)).toBeUndefined();
  });

  it('counts from the London day, not the UTC one (00:30 BST on 1 July is already July)', () => {
    expect(day('yesterday', new Date('2026-06-30T23:30:00Z'))).toBe('2026-06-30');
  });
});

describe('the intake passes the date to the case (hoc-2024)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ pack: 'hoc-2024', now: NOW });
  });
  afterAll(async () => h.close());

  async function complain(chat: ReturnType<Harness['chat']>, lines: { opening: string; yes: string; no: string; outcome: string; when: string; where: string; skip: string }) {
    await chat.say(lines.opening);
    await chat.say(lines.yes);
    await chat.say(lines.no);
    await chat.say(lines.outcome);
    const afterWhen = joined(await chat.say(lines.when));
    await chat.sayAll([lines.where, 'SMS', lines.no, lines.no, lines.skip]);
    const done = joined(await chat.say(lines.yes));
    const ref = /CMP-\d{4}-\d{6}/.exec(done)?.[0];
    expect(ref).toBeDefined();
    return { afterWhen, record: (await h.deps.cases.get(ref!))! };
  }

  const english = { opening: "Third time I've rung about the boiler and nobody has come. Really fed up.", yes: 'yes', no: 'no', outcome: 'Fix the boiler', where: '12 Oak Road', skip: 'skip' };

  it('records "about 3 months ago" as 2 December 2025, inside the limit, with no flag', async () => {
    const { afterWhen, record } = await complain(h.chat('sms', '+447700900751'), { ...english, when: 'about 3 months ago' });
    expect(afterWhen).not.toMatch(/a manager will decide/);
    expect(record.incidentDate?.toISOString().slice(0, 10)).toBe('2025-12-02');
    expect(record.whenHappened).toBe('about 3 months ago');
    expect(record.flags).not.toContain('older_than_time_limit');
  });

  it('tells the tenant a manager decides when the date is over 12 months old, and flags the case', async () => {
    const { afterWhen, record } = await complain(h.chat('sms', '+447700900752'), { ...english, when: 'It started 14/01/2025' });
    expect(afterWhen).toMatch(/As this happened over 12 months ago, a manager will decide/);
    expect(afterWhen).toMatch(/Where is the problem/);
    expect(record.incidentDate?.toISOString().slice(0, 10)).toBe('2025-01-14');
    expect(record.flags).toContain('older_than_time_limit');
  });

  it('understands a Polish "2 weeks ago"', async () => {
    const { record } = await complain(h.chat('webchat', 'dl-pl-when'), {
      opening: 'Już trzeci raz dzwonię w sprawie bojlera i nikt nie przyszedł. Mam dość.',
      yes: 'tak',
      no: 'nie',
      outcome: 'Naprawić bojler',
      when: 'jakieś 2 tygodnie temu',
      where: 'ul. Dębowa 12',
      skip: 'pomiń',
    });
    expect(record.language).toBe('pl');
    expect(record.incidentDate?.toISOString().slice(0, 10)).toBe('2026-02-16');
  });
});

describe('an old start date under a pack with no discretion (SLH: 6 months, no exceptions)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ pack: 'slh', now: NOW });
  });
  afterAll(async () => h.close());

  it('still logs the complaint the tenant said is not older (an ongoing problem), leaving the judgement to staff', async () => {
    const chat = h.chat('sms', '+447700900761');
    await chat.sayAll(["Third time I've rung about the damp and nobody has come. Really fed up.", 'yes', 'no', 'Treat the damp']);
    expect(joined(await chat.say('2'))).toMatch(/When did this happen/);
    const afterWhen = joined(await chat.say('The damp started 2 years ago and is still there'));
    expect(afterWhen).toMatch(/Where is the problem/);
    expect(afterWhen).not.toMatch(/can't normally accept/);
    await chat.sayAll(['Flat 9', 'SMS', 'no', 'no', 'skip']);
    const ref = /CMP-\d{4}-\d{6}/.exec(joined(await chat.say('yes')))?.[0];
    expect(ref).toBeDefined();
    const record = (await h.deps.cases.get(ref!))!;
    expect(record.whenHappened).toBe('The damp started 2 years ago and is still there');
    expect(record.incidentDate).toBeUndefined();
  });
});

import { createCalendar, endOfLondonDay, londonDate, startOfLondonDay } from '../../../services/policy/calendar';

describe('working-day calendar', () => {
  const eng = createCalendar('ENG');
  const sct = createCalendar('SCT');
  const wls = createCalendar('WLS');
  const nir = createCalendar('NIR');

  it('treats weekends as non-working and ordinary weekdays as working', () => {
    expect(eng.isWorkingDay('2026-11-21')).toBe(false); // Saturday
    expect(eng.isWorkingDay('2026-11-22')).toBe(false); // Sunday
    expect(eng.isWorkingDay('2026-11-23')).toBe(true);
  });

  it('counts day 0 as the start date and the n-th working day after it', () => {
    expect(eng.addWorkingDays('2026-11-23', 0)).toBe('2026-11-23');
    expect(eng.addWorkingDays('2026-11-23', 1)).toBe('2026-11-24');
    expect(eng.addWorkingDays('2026-11-23', 5)).toBe('2026-11-30');
    // received on a Saturday: day 0 is the Saturday, day 1 the Monday
    expect(eng.addWorkingDays('2026-11-21', 1)).toBe('2026-11-23');
  });

  it('skips Good Friday and Easter Monday in England and Wales but not Easter Monday in Scotland', () => {
    // Thu 2 Apr 2026 + 1 WD: Good Friday 3rd, weekend, Easter Monday 6th → Tue 7th
    expect(eng.addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(wls.addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(nir.addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(sct.addWorkingDays('2026-04-02', 1)).toBe('2026-04-06');
  });

  it('skips Christmas, Boxing Day and the substitute day', () => {
    expect(eng.publicHoliday('2026-12-28')).toMatch(/substitute/i);
    // Thu 24 Dec 2026 + 1 WD: 25 Fri, 26-27 weekend, 28 Mon substitute → Tue 29
    expect(eng.addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    // 2027: Christmas on Saturday → substitutes Mon 27 and Tue 28
    expect(eng.addWorkingDays('2027-12-24', 1)).toBe('2027-12-29');
    // across the year end: 2 Jan is a holiday only in Scotland
    expect(eng.addWorkingDays('2025-12-31', 2)).toBe('2026-01-05');
    expect(sct.addWorkingDays('2025-12-31', 1)).toBe('2026-01-05');
  });

  it("knows Scotland's 2 January (with its substitute day) and St Andrew's Day", () => {
    expect(sct.isWorkingDay('2026-01-02')).toBe(false);
    expect(eng.isWorkingDay('2026-01-02')).toBe(true);
    expect(sct.isWorkingDay('2027-01-04')).toBe(false); // 2 Jan 2027 is a Saturday
    expect(eng.isWorkingDay('2027-01-04')).toBe(true);
    expect(sct.isWorkingDay('2026-11-30')).toBe(false);
    expect(eng.isWorkingDay('2026-11-30')).toBe(true);
    expect(sct.addWorkingDays('2026-11-27', 1)).toBe('2026-12-01');
  });

  it("knows Northern Ireland's St Patrick's Day and the Twelfth with its substitute", () => {
    expect(nir.isWorkingDay('2026-03-17')).toBe(false);
    expect(eng.isWorkingDay('2026-03-17')).toBe(true);
    expect(nir.isWorkingDay('2026-07-13')).toBe(false);
    expect(eng.isWorkingDay('2026-07-13')).toBe(true);
  });

  it('counts only public holidays, not observances such as Mother’s Day', () => {
    const names = eng.holidaysIn(2026).map((h) => h.name);
    expect(names).not.toContain("Mother's Day");
    expect(eng.holidaysIn(2026).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-26',
      '2026-12-28',
    ]);
  });

  it('includes one-off bank holidays such as the 2023 coronation', () => {
    expect(eng.isWorkingDay('2023-05-08')).toBe(false);
  });

  it('workingDaysBetween is the inverse of addWorkingDays', () => {
    for (const [start, n] of [
      ['2026-04-01', 10],
      ['2026-12-20', 7],
      ['2026-11-21', 20],
    ] as const) {
      expect(eng.workingDaysBetween(start, eng.addWorkingDays(start, n))).toBe(n);
    }
    expect(eng.workingDaysBetween('2026-11-30', '2026-11-23')).toBe(-5);
  });

  it('adds plain calendar days for windows stated in days', () => {
    expect(eng.addCalendarDays('2026-12-20', 15)).toBe('2027-01-04');
  });

  it('uses the Europe/London date of an instant, across the clock change', () => {
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01'); // BST
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31'); // GMT
    expect(eng.addWorkingDays(new Date('2026-04-02T23:30:00Z'), 1)).toBe('2026-04-07'); // 00:30 BST Good Friday
    expect(endOfLondonDay('2026-07-01').toISOString()).toBe('2026-07-01T22:59:59.999Z');
    expect(endOfLondonDay('2026-12-01').toISOString()).toBe('2026-12-01T23:59:59.999Z');
    expect(startOfLondonDay('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfLondonDay('2026-03-30').toISOString()).toBe('2026-03-29T23:00:00.000Z');
  });

  it('refuses malformed dates, negative counts and unknown regions with a clear error', () => {
    expect(() => eng.addWorkingDays('2026-02-30', 1)).toThrow(/YYYY-MM-DD/);
    expect(() => eng.addWorkingDays('2026-02-01', -1)).toThrow(/≥ 0/);
    expect(() => createCalendar('XYZ' as never)).toThrow(/ENG, SCT, WLS, NIR/);
  });
});

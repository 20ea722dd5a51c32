import { countSegments, splitForSms } from '../../../services/notifications/smsSegments';

describe('SMS segment counting', () => {
  it('fits 160 GSM-7 characters in one segment and needs two for 161', () => {
    expect(countSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(countSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('counts GSM extension characters (€ [ ] { }) as two septets', () => {
    expect(countSegments('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSegments('€'.repeat(81)).segments).toBe(2);
  });

  it('switches to UCS-2 for Polish, Arabic, Welsh ŵ or emoji: 70 per single message, 67 per segment', () => {
    expect(countSegments('Dzień dobry').encoding).toBe('UCS-2');
    expect(countSegments('مرحبا').encoding).toBe('UCS-2');
    expect(countSegments('ŵ'.repeat(70))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(countSegments('ŵ'.repeat(71)).segments).toBe(2);
    expect(countSegments('😀'.repeat(35))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
  });
});

describe('splitting replies for SMS', () => {
  it('keeps a short reply whole and turns curly quotes into GSM ones', () => {
    expect(splitForSms('We’re sorry – we’ll look into it.')).toEqual(["We're sorry - we'll look into it."]);
  });

  it('splits at word boundaries into messages of at most the segment limit', () => {
    const text = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
    const parts = splitForSms(text, { maxSegmentsPerMessage: 2, maxMessages: 10 });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(countSegments(p).segments).toBeLessThanOrEqual(2);
    expect(parts.join(' ')).toBe(text);
  });

  it('caps the number of messages and marks the cut with "..." in GSM-7', () => {
    const parts = splitForSms('x '.repeat(2000), { maxSegmentsPerMessage: 1, maxMessages: 2 });
    expect(parts).toHaveLength(2);
    expect(parts[1].endsWith('...')).toBe(true);
    expect(countSegments(parts[1])).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('returns nothing for an empty reply', () => {
    expect(splitForSms('  \n ')).toEqual([]);
  });
});

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

// A staff member who has taken a conversation over writes in English. With no translator set up,
// the tenant gets the English plus how to get an interpreter: the landlord's own text from the
// policy pack (as in stage responses and closes), not only the product's default wording.
import { createHandoffService, HandoffService } from '../../services/handoff/handoffService';
import { DEFAULT_INTERPRETER_NOTICES } from '../../services/translation/interpreterNotice';
import { Harness, startHarness } from './tenantHarness';

let h: Harness;
let handoffs: HandoffService;
beforeAll(async () => {
  h = await startHarness({ pack: 'brighter-places' });
  // Built as index.ts builds it; the harness translator is the offline default (no machine translation).
  handoffs = createHandoffService(h.db.models.Handoff, h.deps.messenger, h.deps.translator, h.deps.pack);
});
afterAll(async () => h.close());

const packNotices = () => h.deps.pack.interpreterNotices;

async function replyAs(language: string, phone: string, english: string): Promise<string> {
  const handoff = await handoffs.start({ tenant: { channel: 'sms', id: phone }, language, staffId: 'officer-1', staffConversationId: 'teams-1' });
  h.sent.length = 0;
  const returned = await handoffs.replyToTenant(handoff, english);
  const delivered = h.sent.filter((s) => s.address.id === phone).map((s) => s.text);
  expect(delivered).toEqual([returned]);
  return returned;
}

describe('staff replies during a take-over, without a translator', () => {
  it('gives a Polish tenant the interpreter text in Polish and the landlord’s own English text', async () => {
    const text = await replyAs('pl', '+447700900741', 'The surveyor will visit on Tuesday morning.');
    expect(text.startsWith('The surveyor will visit on Tuesday morning.')).toBe(true);
    expect(text).toContain(DEFAULT_INTERPRETER_NOTICES.pl);
    expect(text).toContain(packNotices().en);
  });

  it('gives a Welsh tenant the landlord’s Welsh text from the pack', async () => {
    const text = await replyAs('cy', '+447700900742', 'We have booked the repair.');
    expect(text).toContain(packNotices().cy);
    expect(text).not.toContain(DEFAULT_INTERPRETER_NOTICES.cy);
  });

  it('sends an English-speaking tenant just the words', async () => {
    expect(await replyAs('en', '+447700900743', 'Thanks, we will call you.')).toBe('Thanks, we will call you.');
  });
});

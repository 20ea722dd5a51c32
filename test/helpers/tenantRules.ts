// A simulated tenant for end-to-end tests: "when the bot's last reply matches X, answer Y".
// Rules (not a fixed script) keep tests about the channel working while dialog wording moves.
export interface TenantRule {
  when: RegExp;
  send: string;
}

/** `CMP-2026-000123` style references (DESIGN.md). */
export const CASE_REFERENCE = /\b[A-Z]{2,5}-\d{4}-\d{3,}\b/;

/** Answers a Stage 1 intake in plain words, as a tenant would. */
export const STAGE1_ANSWERS: TenantRule[] = [
  { when: /shall I send|send this as your complaint/i, send: 'yes' },
  { when: /is that right|is this right|did I get|have I got|check (the|these) details|correct\?/i, send: 'yes' },
  { when: /legal action|insurance|injury|over \d+ months|reply NO/i, send: 'no' },
  { when: /quick|informally|formal complaint/i, send: '2' },
  { when: /what would you like|put (this|it|things) right|outcome/i, send: 'Fix the leak this week please' },
  { when: /\bwhen\b/i, send: 'It started in early September' },
  { when: /\bwhere\b|address|which part/i, send: 'Kitchen, 12 Elm Road, Leeds LS1 1AA' },
  { when: /how would you like us to contact|contact you/i, send: 'text' },
  { when: /adjustment|support|accessib/i, send: 'no' },
  { when: /on behalf|someone else|for another/i, send: 'no' },
  { when: /photo|picture|evidence|document|upload|attach/i, send: 'no' },
];

export function answerFor(rules: TenantRule[], botText: string, fallback = 'yes'): string {
  return rules.find((r) => r.when.test(botText))?.send ?? fallback;
}

/**
 * Drives a conversation: sends `opening`, then answers each bot reply by the rules until a reply
 * matches `done` or `maxTurns` runs out. `ask` sends one message and returns the bot's reply text.
 */
export async function converse(ask: (text: string) => Promise<string>, opening: string, rules: TenantRule[], done: RegExp = CASE_REFERENCE, maxTurns = 20): Promise<{ transcript: string[]; final: string }> {
  const transcript: string[] = [];
  let message = opening;
  for (let turn = 0; turn < maxTurns; turn++) {
    const reply = await ask(message);
    transcript.push(`tenant: ${message}`, `bot: ${reply}`);
    if (done.test(reply)) return { transcript, final: reply };
    message = answerFor(rules, reply);
  }
  throw new Error(`conversation did not finish in ${maxTurns} turns:\n${transcript.join('\n')}`);
}

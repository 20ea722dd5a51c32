// What a simulated tenant says. A scenario is an opening message plus rules "when the bot's last
// reply matches X, send Y", tried in order, until the bot gives a case reference. Rules rather than
// a fixed list keep the harness working while the dialogs' wording and step order change; a
// conversation that never reaches a reference within `maxTurns` counts as lost.
import type { BotReply } from './tenantClients';

export interface ScenarioRule {
  /** Matched against the bot's last reply to the previous message. */
  when: RegExp;
  send: string;
}

export interface Scenario {
  name: string;
  opening: string;
  rules: ScenarioRule[];
  /** Sent when no rule matches. */
  fallback: string;
  /** The conversation is complete once a reply matches (a case reference). */
  done: RegExp;
  maxTurns: number;
}

/** `CMP-2026-000123` style references (DESIGN.md). */
export const CASE_REFERENCE = /\b[A-Z]{2,5}-\d{4}-\d{3,}\b/;

// Modelled on the tenant bot's intake (dialogs/complaintDialog.ts, locales/en/tenant.json): reflect
// back, exclusions, outcome wanted, quick fix or formal (formal: the longer path), when, where,
// contact preference, adjustments, acting for someone, evidence, read-back, reference. Rules are
// tried in order against the bot's last reply; the more specific questions come first.
export const STAGE1_COMPLAINT: Scenario = {
  name: 'stage 1 complaint',
  opening: "This is the third time I've rung about the boiler and nobody has come. We've had no heating for two weeks and I'm fed up.",
  rules: [
    { when: /send this as your complaint|did I get (that|this|it) right|is that right/i, send: 'yes' },
    { when: /legal action|insurance, injury|compensation claim/i, send: 'no' },
    { when: /quick fix or 2 for a formal|quick fix.*formal/i, send: '2' },
    { when: /what would you like us to do|put this right\?/i, send: 'Fix the boiler this week and some compensation for the cold days' },
    { when: /when did this happen|when did it start/i, send: 'It started on 1 November and it is still going on' },
    { when: /where is the problem/i, send: 'The kitchen at 12 Elm Road, Leeds LS1 1AA' },
    { when: /how would you like us to contact you/i, send: 'Text me please' },
    { when: /easier for you|large print|interpreter/i, send: 'no' },
    { when: /for someone else|on behalf/i, send: 'no' },
    { when: /photos or documents|reply SKIP/i, send: 'skip' },
    { when: /tell me (in a few words )?what went wrong|in your own words/i, send: 'The boiler keeps cutting out and the engineer never turned up on the day we were given' },
  ],
  fallback: 'yes',
  done: CASE_REFERENCE,
  maxTurns: 16,
};

/** The answer to the bot's last question (its last reply of the turn; earlier ones are notices). */
export function nextMessage(scenario: Scenario, lastReplies: BotReply[]): string {
  const text = lastReplies.length ? lastReplies[lastReplies.length - 1].text : '';
  return scenario.rules.find((rule) => rule.when.test(text))?.send ?? scenario.fallback;
}

export function referenceIn(scenario: Scenario, replies: BotReply[]): string | undefined {
  for (const reply of replies) {
    const match = scenario.done.exec(reply.text);
    if (match) return match[0];
  }
  return undefined;
}

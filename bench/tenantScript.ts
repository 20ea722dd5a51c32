// What a simulated tenant says. A scenario is an opening message plus rules "when the bot's last
// reply matches X, send Y", tried in order, until the bot gives a case reference. Rules rather than
// a fixed list keep the harness working while the dialogs' wording and step order change; a
// conversation that never reaches a reference within `maxTurns` counts as lost.
import type { BotReply } from './tenantClients';

export interface ScenarioRule {
  /** Matched against the bot's replies to the previous message (all texts joined). */
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

// Modelled on the tenant bot's intake (dialogs/complaintDialog.ts): reflect back, exclusions,
// outcome wanted, quick fix or formal (formal taken, the longer path), when, where, contact
// preference, adjustments, acting for someone, evidence, read-back, reference.
export const STAGE1_COMPLAINT: Scenario = {
  name: 'stage 1 complaint',
  opening: "This is the third time I've rung about the boiler and nobody has come. We've had no heating for two weeks and I'm fed up.",
  rules: [
    { when: /did I get (that|this|it) right|is (that|this) (right|correct)|have I got|read.?back|check (the|these) details/i, send: 'yes' },
    { when: /quick|put (it|things) right (quickly|informally)|formal complaint/i, send: '2' },
    { when: /apply to you|any of these|court|insurance|legal|claim|more than \d+ months/i, send: 'no' },
    { when: /what would|put (it|things) right|outcome|like us to do|resolve/i, send: 'Fix the boiler this week and some compensation for the cold days' },
    { when: /\bwhen\b/i, send: 'It started on 1 November and it is still going on' },
    { when: /\bwhere\b|address|which (room|home)/i, send: 'The kitchen at 12 Elm Road, Leeds LS1 1AA' },
    { when: /contact|reach you|get in touch|prefer/i, send: 'Text me please, after 5pm' },
    { when: /adjustment|support|accessib|need(s)? help/i, send: 'no' },
    { when: /on behalf|someone else|for another/i, send: 'no' },
    { when: /photo|picture|evidence|document|upload|attach/i, send: 'skip' },
    { when: /tell me more|what happened|in your own words|describe/i, send: 'The boiler keeps cutting out and the engineer never turned up on the day we were given' },
  ],
  fallback: 'yes',
  done: CASE_REFERENCE,
  maxTurns: 16,
};

export function nextMessage(scenario: Scenario, lastReplies: BotReply[]): string {
  const text = lastReplies.map((r) => r.text).join('\n');
  return scenario.rules.find((rule) => rule.when.test(text))?.send ?? scenario.fallback;
}

export function referenceIn(scenario: Scenario, replies: BotReply[]): string | undefined {
  for (const reply of replies) {
    const match = scenario.done.exec(reply.text);
    if (match) return match[0];
  }
  return undefined;
}

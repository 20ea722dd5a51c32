// Template expansion shared by the corpus builders: slot filling with a seeded generator and
// the SMS register (lower case, dropped punctuation, typos, emoji). The templates and slot
// vocabularies live apart, in train/ and eval/, and never import each other.
import type { Intent } from '../../services/detection/types';

export interface TemplateGroup {
  intent: Intent;
  dissatisfied: boolean;
  flags?: string[];
  templates: string[];
}

export interface LanguagePack {
  language: string;
  /** Latin-script packs get case and typo noise; other scripts only punctuation noise. */
  latin: boolean;
  slots: Record<string, string[]>;
  groups: TemplateGroup[];
}

export interface GeneratedLine {
  id: string;
  text: string;
  intent: Intent;
  dissatisfied: boolean;
  language: string;
  flags: string[];
}

/** mulberry32: small, fast, deterministic. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

function fill(template: string, slots: Record<string, string[]>, rand: () => number): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const options = slots[name];
    if (!options) throw new Error(`template uses unknown slot {${name}}: ${template}`);
    return pick(rand, options);
  });
}

const EMOJI_ANGRY = ['😡', '🤬', '😤', '😠', '🙄', '😩'];
const EMOJI_KIND = ['🙏', '😊', '👍', '🙂'];

function swapTypo(word: string, rand: () => number): string {
  if (word.length < 5) return word;
  const i = 1 + Math.floor(rand() * (word.length - 3));
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

/** The SMS register: most tenants type fast on a phone. */
export function smsRegister(text: string, latin: boolean, dissatisfied: boolean, rand: () => number): string {
  let out = text;
  if (rand() < 0.5) out = out.replace(/[.!?]+$/u, '');
  if (latin) {
    const r = rand();
    if (r < 0.45) out = out.toLowerCase();
    else if (r < 0.5) out = out.toUpperCase();
    if (rand() < 0.3) out = out.replace(/'/g, '');
    if (rand() < 0.15) {
      const words = out.split(' ');
      const i = Math.floor(rand() * words.length);
      words[i] = swapTypo(words[i], rand);
      out = words.join(' ');
    }
    if (rand() < 0.1) out = out.replace(/,/g, '');
  }
  if (rand() < 0.12) out = `${out} ${pick(rand, dissatisfied ? EMOJI_ANGRY : EMOJI_KIND)}`;
  return out;
}

/** Expands every template `variants` times with different slot fills; duplicates are dropped. */
export function expand(
  pack: LanguagePack,
  options: { variants: number; seed: number; idPrefix: string },
): GeneratedLine[] {
  const rand = seededRandom(options.seed);
  const seen = new Set<string>();
  const out: GeneratedLine[] = [];
  for (const group of pack.groups) {
    for (const template of group.templates) {
      const variants = /\{\w+\}/.test(template) ? options.variants : 1;
      for (let v = 0; v < variants; v++) {
        const base = fill(template, pack.slots, rand);
        const text = smsRegister(base, pack.latin, group.dissatisfied, rand);
        const key = text.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          id: `${options.idPrefix}-${pack.language}-${String(out.length + 1).padStart(4, '0')}`,
          text,
          intent: group.intent,
          dissatisfied: group.dissatisfied,
          language: pack.language,
          flags: group.flags ?? [],
        });
      }
    }
  }
  return out;
}

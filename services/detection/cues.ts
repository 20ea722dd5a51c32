// Compiles the per-language cue lexicons into one regular expression per cue kind and
// language, so matching a message costs a few dozen regex scans.
import { CUE_KINDS, CueKind, Lexicon } from './lexicons/types';
import { LEXICONS } from './lexicons';
import { foldText } from './text';

type CompiledLexicon = Array<[CueKind, RegExp]>;

// Messages are matched as " token token token ": words are separated by exactly one space,
// so a space is a word boundary and `[^ ]*` is "the rest of this word". Plain (non-unicode)
// regular expressions over that shape are several times faster than \p{L} lookarounds.
function compileEntry(entry: string, wordBoundaries: boolean): string {
  // Lexicons without word boundaries may mark one with explicit spaces, so keep those.
  let body = wordBoundaries ? foldText(entry).trim() : foldText(entry);
  const anchored = body.startsWith('^');
  if (anchored) body = body.replace(/^\^ \?/, '').replace(/^\^/, '');
  body = body
    .replace(/ \$$/, '(?: emo[a-z]+)*(?= $)')
    .replace(/ \.\. /g, '(?: [^ ]+){0,3} ')
    .replace(/~/g, '[^ ]*');
  if (!wordBoundaries) return anchored ? `^ ?${body}` : body;
  return anchored ? `(?<=^ )${body}` : body;
}

function compileKind(entries: string[], wordBoundaries: boolean): RegExp {
  if (!wordBoundaries) return new RegExp(`(?:${entries.map((e) => compileEntry(e, false)).join('|')})`);
  // Entries anchored at the start ("^ok thanks") go in a branch tried once, at the start, instead of
  // a lookbehind tried after every space: the same matches, less work per message.
  const atStart = entries.filter((e) => foldText(e).trim().startsWith('^'));
  const anywhere = entries.filter((e) => !atStart.includes(e));
  const branch = (list: string[]) => list.map((e) => compileEntry(e, true)).join('|');
  const startBranch = atStart.map((e) => compileEntry(e, true).replace(/^\(\?<=\^ \)/, '')).join('|');
  const branches: string[] = [];
  if (atStart.length > 0) branches.push(`^ (?:${startBranch})(?=[ '])`);
  if (anywhere.length > 0) branches.push(` (?:${branch(anywhere)})(?=[ '])`);
  // An apostrophe also ends a word: Welsh "drwy'r", French "n'est".
  return new RegExp(branches.join('|'));
}

function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const compiled: CompiledLexicon = [];
  for (const kind of CUE_KINDS) {
    const entries = lexicon.cues[kind];
    if (!entries || entries.length === 0 || kind === 'negated_dissatisfaction') continue;
    compiled.push([kind, compileKind(entries, lexicon.wordBoundaries)]);
  }
  return compiled;
}

// Safety cues of every Latin-script language are always checked: a short message can be
// misidentified ("gas" is a word in several languages), and a gas leak must never be missed.
// (Vulnerability words are not shared: Lithuanian "liga" (illness) is Portuguese "calls".)
const SAFETY_KINDS: CueKind[] = ['hazard_gas', 'hazard_co', 'hazard_flood', 'hazard_electric', 'no_heat_water'];
const SAFETY_ANY: CompiledLexicon = SAFETY_KINDS.map((kind) => {
  const entries = Object.values(LEXICONS)
    .filter((l) => l.wordBoundaries)
    .flatMap((l) => l.cues[kind] ?? []);
  return [kind, compileKind(entries, true)];
});

/**
 * Phrases taken out of a message before matching. `present` tells whether `all` would replace
 * anything; it has no lookbehind, so it is a quick scan from space to space (most messages have
 * none of these phrases).
 */
interface Removal {
  present: RegExp;
  all: RegExp;
}

function removal(entries: string[], wordBoundaries: boolean): Removal {
  const body = entries.map((e) => compileEntry(e, wordBoundaries)).join('|');
  if (!wordBoundaries) return { present: new RegExp(`(?:${body})`), all: new RegExp(`(?:${body})`, 'g') };
  // The replaced match keeps its leading space out of the replacement so neighbours stay separated.
  return { present: new RegExp(` (?:${body})(?= )`), all: new RegExp(`(?<= )(?:${body})(?= )`, 'g') };
}

const COMPILED = new Map<string, CompiledLexicon>();
const NEGATIONS = new Map<string, Removal>();
const IGNORED = new Map<string, Removal>();
for (const lexicon of Object.values(LEXICONS)) {
  COMPILED.set(lexicon.language, compileLexicon(lexicon));
  if (lexicon.ignore?.length) IGNORED.set(lexicon.language, removal(lexicon.ignore, lexicon.wordBoundaries));
  const negations = lexicon.cues.negated_dissatisfaction;
  if (negations?.length) NEGATIONS.set(lexicon.language, removal(negations, lexicon.wordBoundaries));
}

// English words tenants mix into other languages ("complaint", "solicitor", swear words). Only
// these English cues apply to other languages: stems such as "drug~" would match Polish "drugi".
const ENGLISH_EVERYWHERE = new Set<CueKind>(['explicit_complaint', 'complaint_ref', 'legal', 'abusive']);
// Requests tenants make in English inside Urdu, Punjabi, Bengali, Arabic or Somali ("manager se baat
// karni hai", "dobara review karein", "file ki copy"). Not for the European languages, whose words
// clash with English cues (Portuguese "foi" is not a freedom-of-information request).
const CODE_SWITCHED = new Set<CueKind>(['human', 'stage2', 'data_request']);
const CODE_SWITCHING_LANGUAGES = new Set(['ur', 'pa', 'bn', 'ar', 'so']);

const LATIN_LETTER = /[a-z]/;

function englishApplies(kind: CueKind, language: string): boolean {
  return ENGLISH_EVERYWHERE.has(kind) || (CODE_SWITCHED.has(kind) && CODE_SWITCHING_LANGUAGES.has(language));
}

/**
 * Cue kinds found in `text` (folded, tokens joined by single spaces, padded with spaces),
 * using the lexicon of `language` (and, for other languages, a few English cues). "not
 * unhappy" and the like are taken out first so the words inside them do not count.
 */
export function matchCues(text: string, language: string): Set<CueKind> {
  // Every English cue needs a Latin letter, so an all-Arabic, Bengali or Gurmukhi message skips them.
  const languages = language === 'en' ? ['en'] : LATIN_LETTER.test(text) ? [language, 'en'] : [language];
  const found = new Set<CueKind>();
  let cleaned = text;
  for (const language of languages) {
    const negation = NEGATIONS.get(language);
    if (negation?.present.test(cleaned)) {
      found.add('negated_dissatisfaction');
      cleaned = cleaned.replace(negation.all, ';');
    }
  }
  // An age ("a 6 week old") is taken out for the waiting cue only: it still names a baby.
  let withoutAges = cleaned;
  for (const language of languages) {
    const ignored = IGNORED.get(language);
    if (ignored?.present.test(withoutAges)) withoutAges = withoutAges.replace(ignored.all, ';');
  }
  for (const lexiconLanguage of languages) {
    const compiled = COMPILED.get(lexiconLanguage);
    if (!compiled) continue;
    for (const [kind, pattern] of compiled) {
      if (found.has(kind)) continue;
      if (language !== 'en' && lexiconLanguage === 'en' && !englishApplies(kind, language)) continue;
      if (pattern.test(kind === 'waiting' ? withoutAges : cleaned)) found.add(kind);
    }
  }
  for (const [kind, pattern] of SAFETY_ANY) if (!found.has(kind) && pattern.test(cleaned)) found.add(kind);
  return found;
}

/** Where the lexicon of a language lives, for tests and the README. */
export function lexiconLanguages(): string[] {
  return [...COMPILED.keys()];
}

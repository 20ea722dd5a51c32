// Cue lexicons: per language, the phrases that carry meaning in housing complaints.
// Entries are regular-expression fragments matched against folded text (lower case, no
// diacritics, single spaces, SMS abbreviations expanded). Shorthands:
//   `~`  the rest of a word (stems: `promis~` matches promise, promised, promising)
//   ` .. ` up to three words in between (`nobody .. came` matches "nobody has ever came")
export const CUE_KINDS = [
  // dissatisfaction
  'explicit_complaint',
  'negative_emotion',
  'strong_negative',
  'repetition_strong',
  'repetition_weak',
  'waiting',
  'broken_promise',
  'inaction',
  'staff_conduct',
  'sarcasm',
  'contrast',
  'negated_dissatisfaction',
  // intent evidence
  'compliment',
  'politeness',
  'suggestion',
  'question',
  'chaser',
  'complaint_ref',
  // "how do I make a complaint?": a question about the process, not a grievance
  'complaint_process',
  'stage2',
  'response_ref',
  'landlord_agent',
  'data_request',
  'human',
  'asb',
  'repair',
  'request',
  'greeting',
  // flags
  'legal',
  'abusive',
  'hazard_gas',
  'hazard_co',
  'hazard_flood',
  'hazard_electric',
  'no_heat_water',
  'vulnerable',
] as const;
export type CueKind = (typeof CUE_KINDS)[number];

export interface Lexicon {
  language: string;
  /**
   * Latin-script lexicons match whole words. Arabic-script, Bengali and Gurmukhi lexicons
   * match substrings, because particles and case endings attach to the word.
   */
  wordBoundaries: boolean;
  cues: Partial<Record<CueKind, string[]>>;
  /**
   * Phrases taken out before the waiting cue is matched: "my baby is three weeks old" states
   * an age, not a wait.
   */
  ignore?: string[];
}

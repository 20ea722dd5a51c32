import type { Lexicon } from './types';
import { en } from './en';
import { cy } from './cy';
import { pl } from './pl';
import { ro } from './ro';
import { lt } from './lt';
import { pt } from './pt';
import { es } from './es';
import { fr } from './fr';
import { so } from './so';
import { ar } from './ar';
import { ur } from './ur';
import { pa } from './pa';
import { bn } from './bn';

export const LEXICONS: Record<string, Lexicon> = { en, cy, pl, ro, lt, pt, es, fr, so, ar, ur, pa, bn };
export type { Lexicon, CueKind } from './types';

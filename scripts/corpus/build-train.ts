// Writes data/detection/train.jsonl from the training templates in ./train (never from ./eval).
// Run: npm run corpus:train
import fs from 'node:fs';
import path from 'node:path';
import { loadCorpus, projectRoot, TRAINING_CORPUS } from '../../services/detection/corpus';
import { expand, GeneratedLine, LanguagePack } from './generate';
import { en } from './train/en';
import { cy } from './train/cy';
import { pl } from './train/pl';
import { ro } from './train/ro';
import { lt } from './train/lt';
import { pt } from './train/pt';
import { es } from './train/es';
import { fr } from './train/fr';
import { so } from './train/so';
import { ar } from './train/ar';
import { ur } from './train/ur';
import { pa } from './train/pa';
import { bn } from './train/bn';

const PACKS: Array<[LanguagePack, number]> = [
  [en, 6],
  [cy, 8],
  [pl, 8],
  [ro, 8],
  [lt, 8],
  [pt, 8],
  [es, 8],
  [fr, 8],
  [so, 8],
  [ar, 8],
  [ur, 8],
  [pa, 8],
  [bn, 8],
];

/**
 * Hand-written training files, appended verbatim in name order: scripts/corpus/train/handwritten-*.jsonl.
 * The first (2026-11-23) was written after the first run on the held-out set of that date, never copied
 * from it: registers the templates lack, such as polite dissatisfaction, distress about a first-time
 * fault, sarcasm, and safety phrasings like "rotten eggs". Later files add further registers; each says
 * how it was written in README "Detection".
 */
export const HANDWRITTEN_DIR = path.join('scripts', 'corpus', 'train');

export function handwrittenTrainingFiles(root: string = projectRoot()): string[] {
  return fs
    .readdirSync(path.join(root, HANDWRITTEN_DIR))
    .filter((name) => /^handwritten-.*\.jsonl$/.test(name))
    .sort()
    .map((name) => path.join(HANDWRITTEN_DIR, name));
}

export function buildTrainingCorpus(): GeneratedLine[] {
  const generated = PACKS.flatMap(([pack, variants], i) => expand(pack, { variants, seed: 1000 + i, idPrefix: 'tr' }));
  return [...generated, ...handwrittenTrainingFiles().flatMap((file) => loadCorpus(file))];
}

if (require.main === module) {
  const lines = buildTrainingCorpus();
  const file = path.join(projectRoot(), TRAINING_CORPUS);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const byLang = new Map<string, number>();
  for (const l of lines) byLang.set(l.language, (byLang.get(l.language) ?? 0) + 1);
  process.stderr.write(
    `wrote ${lines.length} lines to ${file}: ${[...byLang].map(([k, v]) => `${k}=${v}`).join(' ')}\n`,
  );
}

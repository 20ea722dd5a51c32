// Writes data/detection/eval.jsonl from the evaluation templates in ./eval (never from ./train).
// The evaluation set is read only by `npm run eval:detect`; no training step opens it.
// Run: npm run corpus:eval
import fs from 'node:fs';
import path from 'node:path';
import { EVALUATION_CORPUS, projectRoot } from '../../services/detection/corpus';
import { expand, GeneratedLine, LanguagePack } from './generate';
import { en } from './eval/en';
import { cy } from './eval/cy';
import { pl } from './eval/pl';
import { ro } from './eval/ro';
import { lt } from './eval/lt';
import { pt } from './eval/pt';
import { es } from './eval/es';
import { fr } from './eval/fr';
import { so } from './eval/so';
import { ar } from './eval/ar';
import { ur } from './eval/ur';
import { pa } from './eval/pa';
import { bn } from './eval/bn';

const PACKS: LanguagePack[] = [en, cy, pl, ro, lt, pt, es, fr, so, ar, ur, pa, bn];

export function buildEvaluationCorpus(): GeneratedLine[] {
  return PACKS.flatMap((pack, i) =>
    expand(pack, { variants: pack.language === 'en' ? 2 : 1, seed: 9000 + i, idPrefix: 'ev' }),
  );
}

if (require.main === module) {
  const lines = buildEvaluationCorpus();
  const file = path.join(projectRoot(), EVALUATION_CORPUS);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const byLang = new Map<string, number>();
  for (const l of lines) byLang.set(l.language, (byLang.get(l.language) ?? 0) + 1);
  process.stderr.write(
    `wrote ${lines.length} lines to ${file}: ${[...byLang].map(([k, v]) => `${k}=${v}`).join(' ')}\n`,
  );
}

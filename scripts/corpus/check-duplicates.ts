// Checks new hand-written lines for exact and near duplicates (token Jaccard >= 0.7) against every
// evaluation set, the training corpus and themselves, before they are trained on.
// Run: node dist/scripts/corpus/check-duplicates.js <new.jsonl> [--threshold 0.7]
// It prints the new line and only the id of the line it matches: the evaluation sets must not be
// read line by line while training lines are written, so their text is never shown.
import fs from 'node:fs';
import path from 'node:path';
import { loadCorpus, projectRoot, TRAINING_CORPUS } from '../../services/detection/corpus';

export function tokenSet(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((token) => token.length > 0),
  );
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared++;
  return shared / (a.size + b.size - shared);
}

export interface DuplicateMatch {
  newId: string;
  newText: string;
  set: string;
  matchedId: string;
  similarity: number;
}

interface Reference {
  set: string;
  id: string;
  tokens: Set<string>;
}

export function findNearDuplicates(
  candidates: ReadonlyArray<{ id: string; text: string }>,
  references: ReadonlyArray<Reference>,
  threshold = 0.7,
): DuplicateMatch[] {
  const matches: DuplicateMatch[] = [];
  const own = candidates.map((c) => ({ set: 'itself', id: c.id, tokens: tokenSet(c.text) }));
  candidates.forEach((candidate, i) => {
    const tokens = own[i].tokens;
    // Within the new file, compare each pair once.
    const pool = [...references, ...own.slice(i + 1)];
    for (const reference of pool) {
      if (reference.id === candidate.id) continue;
      const similarity = jaccard(tokens, reference.tokens);
      if (similarity >= threshold) {
        matches.push({ newId: candidate.id, newText: candidate.text, set: reference.set, matchedId: reference.id, similarity });
      }
    }
  });
  return matches;
}

/** Every labelled set in data/detection except sets still being written for a later blind run. */
function referenceFiles(root: string): string[] {
  const dir = path.join(root, 'data', 'detection');
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl') && !name.startsWith('holdout-e'))
    .map((name) => path.join('data', 'detection', name));
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  const thresholdArg = args.indexOf('--threshold');
  const threshold = thresholdArg >= 0 ? Number(args[thresholdArg + 1]) : 0.7;
  if (!file) {
    process.stderr.write('usage: check-duplicates <new.jsonl> [--threshold 0.7]\n');
    process.exit(2);
  }
  const root = projectRoot();
  const candidates = loadCorpus(path.resolve(file));
  const newIds = new Set(candidates.map((c) => c.id));
  const references: Reference[] = [];
  for (const set of referenceFiles(root)) {
    for (const line of loadCorpus(set)) {
      // The training corpus already holds the new file once it has been built.
      if (set === TRAINING_CORPUS && newIds.has(line.id)) continue;
      references.push({ set, id: line.id, tokens: tokenSet(line.text) });
    }
  }
  const matches = findNearDuplicates(candidates, references, threshold);
  for (const m of matches) process.stdout.write(JSON.stringify(m) + '\n');
  process.stderr.write(`${candidates.length} lines checked against ${references.length}: ${matches.length} matches\n`);
  process.exit(matches.length > 0 ? 1 : 0);
}

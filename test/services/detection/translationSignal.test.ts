import { detectWithTranslation, mergeDetections } from '../../../services/detection/translationSignal';
import type { Translator, TranslationResult } from '../../../services/translation/translator';
import type { Detection, Detector } from '../../../services/detection/types';
import { sharedDetector } from './helpers';

// A test double of the Translator interface: a fixed phrasebook, and a record of what was asked.
function phrasebookTranslator(phrases: Record<string, string>, available = true): Translator & { calls: string[] } {
  const calls: string[] = [];
  return {
    name: 'test phrasebook',
    available,
    calls,
    async translate(text: string, to: string, from?: string): Promise<TranslationResult> {
      calls.push(text);
      const translated = phrases[text];
      if (!translated)
        return {
          text,
          from: from ?? 'und',
          to,
          provider: 'test phrasebook',
          fallback: true,
          fallbackReason: 'unknown phrase',
        };
      return { text: translated, from: from ?? 'und', to, provider: 'test phrasebook', fallback: false };
    },
  };
}

// An offline reading we can control, so the "unsure" branch is exercised deterministically.
function fixedDetector(offline: Detection, real: Detector): Detector {
  return { detect: (text, hints) => (hints?.language === 'en' ? real.detect(text, hints) : offline) };
}

describe('detectWithTranslation', () => {
  const real = sharedDetector();
  const unsureSomali: Detection = { intent: 'other', dissatisfied: false, confidence: 0.3, language: 'so', flags: [] };

  it('detects again on the English translation when the offline reading is unsure, and merges', async () => {
    const text = 'Saddex toddobaad ayaan sugayay farsamoyaqaan, qofna ma iman';
    const translator = phrasebookTranslator({ [text]: 'I have waited three weeks for the repairman and nobody came' });
    const result = await detectWithTranslation(fixedDetector(unsureSomali, real), translator, text);
    expect(translator.calls).toEqual([text]);
    expect(result.intent).toBe('complaint');
    expect(result.dissatisfied).toBe(true);
    expect(result.language).toBe('so');
    expect(result.flags).toContain('translation_checked');
  });

  it('keeps safety flags from the offline reading even when the translation says otherwise', async () => {
    const offline: Detection = {
      intent: 'service_request',
      dissatisfied: false,
      confidence: 0.4,
      language: 'so',
      flags: ['urgent_safety'],
    };
    const translator = phrasebookTranslator({ x: 'hello' });
    const result = await detectWithTranslation(fixedDetector(offline, real), translator, 'x');
    expect(result.flags).toContain('urgent_safety');
  });

  it('does not call the translator for English, for confident readings, or when none is configured', async () => {
    const translator = phrasebookTranslator({});
    await detectWithTranslation(
      real,
      translator,
      'third time I have asked for the gutter to be cleared and nobody came',
    );
    const confident: Detection = { ...unsureSomali, confidence: 0.95 };
    await detectWithTranslation(fixedDetector(confident, real), translator, 'anything');
    expect(translator.calls).toEqual([]);

    const offlineOnly = phrasebookTranslator({ y: 'nobody came' }, false);
    const result = await detectWithTranslation(fixedDetector(unsureSomali, real), offlineOnly, 'y');
    expect(offlineOnly.calls).toEqual([]);
    expect(result).toEqual(unsureSomali);
  });

  it('returns the offline reading when the translation falls back', async () => {
    const translator = phrasebookTranslator({});
    const result = await detectWithTranslation(fixedDetector(unsureSomali, real), translator, 'not in the phrasebook');
    expect(translator.calls).toHaveLength(1);
    expect(result).toEqual(unsureSomali);
  });
});

describe('mergeDetections', () => {
  it('lets the more confident reading decide and raises confidence when both agree', () => {
    const a: Detection = {
      intent: 'complaint',
      dissatisfied: true,
      confidence: 0.5,
      language: 'pl',
      flags: ['repeat_contact'],
    };
    const b: Detection = {
      intent: 'complaint',
      dissatisfied: true,
      confidence: 0.8,
      language: 'en',
      flags: ['broken_promise'],
    };
    const merged = mergeDetections(a, b);
    expect(merged.intent).toBe('complaint');
    expect(merged.language).toBe('pl');
    expect(merged.confidence).toBeGreaterThan(0.8);
    expect(merged.flags).toEqual(expect.arrayContaining(['repeat_contact', 'broken_promise']));
  });
});

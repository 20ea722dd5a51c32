// When a translator is configured, a second opinion on non-English messages the offline
// detector is unsure about: detect again on the English translation and merge.
import type { Translator } from '../translation/translator';
import type { Detection, DetectionFlag, Detector } from './types';

/** Below this confidence the offline result is "unsure" and worth a second opinion. */
export const UNSURE_CONFIDENCE = 0.6;

export async function detectWithTranslation(
  detector: Detector,
  translator: Translator,
  text: string,
): Promise<Detection> {
  const offline = detector.detect(text);
  if (!translator.available || offline.language === 'en' || offline.confidence >= UNSURE_CONFIDENCE) return offline;

  const translation = await translator.translate(text, 'en', offline.language);
  if (translation.fallback || !translation.text.trim()) return offline;
  const english = detector.detect(translation.text, { language: 'en' });
  return mergeDetections(offline, english);
}

/**
 * The more confident reading decides intent and dissatisfaction; safety and other flags
 * from either reading are kept, because missing one costs more than an extra check.
 */
export function mergeDetections(offline: Detection, english: Detection): Detection {
  const winner = english.confidence > offline.confidence ? english : offline;
  const agree = english.intent === offline.intent && english.dissatisfied === offline.dissatisfied;
  const flags = new Set<DetectionFlag>([...offline.flags, ...english.flags, 'translation_checked']);
  return {
    intent: winner.intent,
    dissatisfied: winner.dissatisfied,
    confidence:
      Math.round(
        Math.min(0.99, agree ? Math.max(offline.confidence, english.confidence) + 0.1 : winner.confidence * 0.9) * 100,
      ) / 100,
    language: offline.language,
    flags: [...flags],
  };
}

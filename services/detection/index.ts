// Public surface of the detection service.
export { createDetector } from './detector';
export type { DetectorOptions, DetailedDetection, HybridDetector } from './detector';
export { identifyLanguage, SUPPORTED_LANGUAGES, isSupportedLanguage } from './languageId';
export { detectWithTranslation } from './translationSignal';
export { measureDetectionSpeed } from './benchmark';
export { loadCorpus, TRAINING_CORPUS, EVALUATION_CORPUS } from './corpus';
export type { LabelledMessage } from './corpus';
export * from './types';

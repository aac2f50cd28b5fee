/**
 * The clinic's recognizer, built from knowledge/: loads the trained model file, or trains and
 * saves it when it is missing or was trained from different knowledge files.
 */
import { Knowledge, questionIntents } from '../knowledge/types';
import { IntentModel, readIntentModel, saveIntentModel, trainIntentModel, Calibration, DEFAULT_CALIBRATION } from './model';
import { DEFAULT_SCORING, ScoringOptions } from './naiveBayes';
import { aliasVocabulary, buildMatchers, IntentRecognizer } from './recognizer';
import { words } from './normalize';
import { stem } from './stem';

export const DEFAULT_MAX_CHARS = 1000;

/**
 * Additive smoothing for natural's BayesClassifier. Chosen by 5-fold cross-validation on the training
 * utterances: words only, 1 (natural's default) 76.9%, 0.3 79.5%, 0.1 80.3%, 0.01 81.4%; with character
 * n-grams and the wider out_of_scope examples, 0.3 78.9%, 0.1 79.9%, 0.03 80.0%, 0.01 82.1%, 0.003 82.3% (tie, kept 0.01).
 */
export const CLINIC_SMOOTHING = 0.01;

export function trainClinicModel(
  knowledge: Knowledge,
  calibration: Calibration = DEFAULT_CALIBRATION,
  overrides: { smoothing?: number; scoring?: ScoringOptions } = {},
): IntentModel {
  return trainIntentModel(knowledge.training, {
    matchers: buildMatchers(knowledge),
    extraVocabulary: aliasVocabulary(knowledge),
    sourceHash: knowledge.hash,
    calibration,
    smoothing: overrides.smoothing ?? CLINIC_SMOOTHING,
    scoring: overrides.scoring ?? DEFAULT_SCORING,
  });
}

export interface LoadedModel {
  model: IntentModel;
  /** True when the model file was missing or stale and was retrained now. */
  retrained: boolean;
}

export function loadOrTrainClinicModel(knowledge: Knowledge, modelPath: string): LoadedModel {
  const saved = readIntentModel(modelPath);
  if (saved && saved.sourceHash === knowledge.hash) return { model: saved, retrained: false };
  const model = trainClinicModel(knowledge);
  saveIntentModel(model, modelPath);
  return { model, retrained: true };
}

export function createClinicRecognizer(knowledge: Knowledge, model: IntentModel, maxChars = DEFAULT_MAX_CHARS): IntentRecognizer {
  return new IntentRecognizer(model, buildMatchers(knowledge), {
    maxChars,
    // Intents the bot may offer as "did you mean…" buttons.
    clarifiable: questionIntents(knowledge),
    conditionIntent: 'condition_query',
    usesIntent: 'uses',
    conceptIntent: 'how_it_works',
    // The article's own words ("internal", "mental", "physical") are never an unknown condition asked about.
    articleStems: new Set(words(knowledge.article).map(stem)),
  });
}

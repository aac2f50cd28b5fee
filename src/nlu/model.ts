/**
 * The intent model: training (from utterances) and the model file that start-up loads.
 * One pipeline for the clinic bot and for `npm run evaluate` on public corpora.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { analyse, EntityMatchers } from './analyse';
import { DEFAULT_FEATURE_OPTIONS, extractFeatures, FeatureOptions, FUNCTION_WORDS } from './features';
import { DEFAULT_SCORING, NaiveBayesModel, ScoringOptions } from './naiveBayes';
import { stem } from './stem';

export const MODEL_FORMAT = 5;

export interface Calibration {
  /** Softmax temperature applied to log scores (naive Bayes is over-confident; > 1 softens). */
  temperature: number;
  /** Below this probability the top intent is not trusted and the bot falls back. */
  threshold: number;
  /** When the top two are closer than this, the bot asks which one was meant. */
  clarifyMargin: number;
  /**
   * Decline a message whose content words are all foreign to the in-scope training examples
   * (reason no_domain_words). On unless false; cross-validation decides it for a public corpus.
   */
  domainRule?: boolean;
  /**
   * With the domain rule on: the share of content words that must be foreign for a message without a
   * named treatment or condition to be declined. 1 (the default) declines only when all of them are.
   */
  foreignShare?: number;
  /**
   * Added to the out-of-scope class's log score before the softmax (in nats; 0 when absent): above 0 the
   * model declines more readily, below 0 less. Tuned on CLINC150 oos_val for the clinic (docs/recognizer.md, "What was tried").
   */
  outOfScopeBias?: number;
}

export const DEFAULT_CALIBRATION: Calibration = { temperature: 2, threshold: 0.3, clarifyMargin: 0.1, foreignShare: 0.5, outOfScopeBias: -7 };

export interface IntentModel {
  format: number;
  /** Hash of the knowledge files the model was trained from; a mismatch means retrain. */
  sourceHash: string;
  trainedAt: string;
  outOfScopeIntent: string;
  featureOptions: FeatureOptions;
  /** How natural's counts are scored (NaiveBayesModel, ScoringOptions). */
  scoring: ScoringOptions;
  calibration: Calibration;
  /** Words seen in training (and entity aliases) with counts: the typo corrector's dictionary. */
  vocabulary: Array<[string, number]>;
  /** Stems of content words seen in in-scope training: a message with none of them is out of scope. */
  domainStems: string[];
  bayes: NaiveBayesModel;
}

export { FUNCTION_WORDS };

/** A word that can say what a message is about: not a function word, and not a bare number. */
export function isContentWord(word: string): boolean {
  return !FUNCTION_WORDS.has(word) && /\p{L}/u.test(word);
}

export interface TrainOptions {
  matchers: EntityMatchers;
  /** Extra words the corrector may correct towards, e.g. entity aliases. */
  extraVocabulary?: string[];
  outOfScopeIntent?: string;
  featureOptions?: FeatureOptions;
  calibration?: Calibration;
  sourceHash?: string;
  smoothing?: number;
  /** How natural's counts are scored (DEFAULT_SCORING when absent). */
  scoring?: ScoringOptions;
  /** Repeat examples of smaller intents so every intent has as many as the largest (default on). */
  balance?: boolean;
}

/**
 * natural scores an unseen word by smoothing / (examples in the class + 1): the more examples an
 * intent has, the harder every unfamiliar word counts against it. Giving every intent the same
 * number of examples (repeating the smaller ones round-robin) removes that bias and equalises priors.
 */
export function balanceClasses<T extends { label: string }>(examples: T[]): T[] {
  const byLabel = new Map<string, T[]>();
  for (const ex of examples) byLabel.set(ex.label, [...(byLabel.get(ex.label) ?? []), ex]);
  const target = Math.max(...[...byLabel.values()].map((g) => g.length));
  return [...byLabel.values()].flatMap((group) => Array.from({ length: target }, (_, i) => group[i % group.length]));
}

export function trainIntentModel(examples: Array<{ text: string; intent: string }>, options: TrainOptions): IntentModel {
  const outOfScopeIntent = options.outOfScopeIntent ?? 'out_of_scope';
  const featureOptions = options.featureOptions ?? DEFAULT_FEATURE_OPTIONS;
  const vocabulary = new Map<string, number>();
  const domain = new Set<string>();
  const prepared = examples.map((ex) => {
    const a = analyse(ex.text, options.matchers);
    for (const w of a.words) {
      if (w.startsWith('<')) continue;
      vocabulary.set(w, (vocabulary.get(w) ?? 0) + 1);
      if (ex.intent !== outOfScopeIntent && isContentWord(w)) domain.add(stem(w));
    }
    return { features: extractFeatures(a.words, featureOptions), label: ex.intent };
  });
  for (const w of options.extraVocabulary ?? []) if (!vocabulary.has(w)) vocabulary.set(w, 1);
  return {
    format: MODEL_FORMAT,
    sourceHash: options.sourceHash ?? '',
    trainedAt: new Date().toISOString(),
    outOfScopeIntent,
    featureOptions,
    scoring: options.scoring ?? DEFAULT_SCORING,
    calibration: options.calibration ?? DEFAULT_CALIBRATION,
    vocabulary: [...vocabulary.entries()],
    domainStems: [...domain].sort(),
    bayes: NaiveBayesModel.train(
      options.balance === false ? prepared : balanceClasses(prepared),
      options.smoothing ?? 1,
      options.scoring ?? DEFAULT_SCORING,
    ),
  };
}

export function saveIntentModel(model: IntentModel, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ ...model, bayes: model.bayes.toJSON() }));
  renameSync(tmp, path); // atomic: a crash mid-write never leaves a half model for the next start
}

/** The saved model, or undefined when there is none or it was made by another pipeline version. */
export function readIntentModel(path: string): IntentModel | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8'));
    if (raw.format !== MODEL_FORMAT) return undefined;
    return { ...raw, bayes: NaiveBayesModel.fromJSON(raw.bayes, raw.scoring) };
  } catch {
    return undefined;
  }
}

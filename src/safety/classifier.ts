/**
 * The second net: a naive Bayes classifier (natural's, through NaiveBayesModel as the intent model uses)
 * over the stems of a message, trained on the safety examples in knowledge/safety/examples/ (many lay
 * wordings per theme, and benign messages that only mention scary words). It catches wordings the
 * patterns have not seen; its threshold is chosen for recall (docs/safety.md), and what it alone catches
 * gets guidance first and then the answer, never guidance alone.
 */
import { NaiveBayesModel } from '../nlu/naiveBayes';
import type { Tier } from './types';

export type SafetyLabel = Tier | 'none';

/** Features: stems, negation-marked ("!breath" after "not"), and neighbouring pairs. */
export function safetyFeatures(stems: string[][]): string[] {
  const out: string[] = [];
  for (const clause of stems) {
    let negated = 0;
    let prev = '';
    for (const marked of clause) {
      // (the classifier reads "using" as the patterns did before stems that are other short words were marked: "us")
      const s = marked.endsWith('_') ? marked.slice(0, -1) : marked;
      if (s === 'no' || s === 'not' || s === 'never' || s === 'without') {
        negated = 3;
        prev = s;
        continue;
      }
      const f = negated > 0 ? '!' + s : s;
      if (negated > 0) negated--;
      out.push('w:' + f);
      if (prev) out.push('b:' + prev + '_' + s);
      prev = s;
    }
  }
  return out;
}

export class SafetyClassifier {
  private constructor(private readonly model: NaiveBayesModel) {}

  static train(examples: Array<{ stems: string[][]; label: SafetyLabel }>, smoothing = 0.1): SafetyClassifier {
    return new SafetyClassifier(
      NaiveBayesModel.train(
        examples.map((e) => ({ features: safetyFeatures(e.stems), label: e.label })),
        smoothing,
        // Boolean multinomial: natural's own per-feature estimate lets every word the large "none" class
        // rarely has pull towards the small safety classes (5-fold CV on the examples: 36% of benign flagged).
        { estimate: 'multinomial', blockWeights: { b: 0.5 } },
      ),
    );
  }

  /**
   * The most likely tier and its probability. (Not 1 - P(none): that summed the tiers, so "this will be my last
   * session" was flagged as a crisis because urgent care and the clinic shared the probability the session words gave.)
   */
  score(stems: string[][]): { risk: number; tier?: Tier } {
    const features = safetyFeatures(stems);
    if (features.length === 0) return { risk: 0 };
    const ranked = this.model.classify(features, TEMPERATURE);
    const top = ranked.find((r) => r.intent !== 'none');
    return { risk: top?.score ?? 0, tier: top?.intent as Tier | undefined };
  }
}

/** Softmax temperature of the log scores (1: the model's own probabilities; the threshold does the tuning). */
export const TEMPERATURE = 1;

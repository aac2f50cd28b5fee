/**
 * Answers the sentence that answers: within a topic, the article passage (knowledge/answers.json "passages")
 * whose cues the question names, e.g. "when was dry needling invented" gets "developed in the 1980s" rather
 * than the whole definition. Passages carry their article sources like every answer.
 */
import type { Passage } from '../knowledge/types';
import type { TreatmentId } from './analyse';
import { PhraseMatcher, phraseEntries } from './entities';
import { words } from './normalize';
import { stem } from './stem';

export class PassagePicker {
  private readonly cues: PhraseMatcher<Passage>;

  constructor(passages: Passage[]) {
    this.cues = new PhraseMatcher(passages.flatMap((p) => phraseEntries(p, p.cues)));
  }

  /**
   * The passage that best answers the question about a treatment (or either treatment when undefined), if any:
   * the one with the most cue words in the question, longer cues counting more; ties go to the first in the file.
   */
  pick(text: string, treatment: TreatmentId | 'both' | undefined): Passage | undefined {
    const tokens = words(text);
    const scores = new Map<Passage, number>();
    for (const m of this.cues.match(tokens, tokens.map(stem))) {
      const p = m.value;
      if (treatment && treatment !== 'both' && p.treatment !== treatment && p.treatment !== 'both') continue;
      scores.set(p, (scores.get(p) ?? 0) + (m.to - m.from));
    }
    let best: Passage | undefined;
    for (const [p, score] of scores) if (!best || score > scores.get(best)!) best = p;
    return best;
  }
}

const pickers = new WeakMap<Passage[], PassagePicker>();

/** One picker per knowledge's passages list. */
export function passagePicker(passages: Passage[]): PassagePicker {
  let picker = pickers.get(passages);
  if (!picker) {
    picker = new PassagePicker(passages);
    pickers.set(passages, picker);
  }
  return picker;
}

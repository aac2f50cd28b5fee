/**
 * Answers the sentence that answers: within a topic, the article passage (knowledge/answers.json "passages")
 * whose cues the question names, e.g. "when was dry needling invented" gets "developed in the 1980s" rather
 * than the whole definition. Passages carry their article sources like every answer.
 */
import { namesArticleConcept } from './clinicQuestions';
import type { Passage } from '../knowledge/types';
import type { TreatmentId } from './analyse';
import { PhraseMatcher, phraseEntries } from './entities';
import { words } from './normalize';
import { stem } from './stem';

const QUESTION_WORDS = new Set(['who', 'when', 'where', 'what', 'how', 'why', 'which']);
/** The word after a "when" that starts a clause of its own ("when you do it", "when the needle goes in"). */
const JOINING_WHEN_NEXT = new Set([
  'you',
  'u',
  'they',
  'i',
  'we',
  'he',
  'she',
  'it',
  'its',
  'the',
  'my',
  'your',
  'a',
  'someone',
  'needles',
  'needling',
]);
/** Words before "year" that make it how often or which year, never how old ("every year", "last year"). */
const HOW_OFTEN_BEFORE = new Set(['every', 'each', 'per', 'a', 'all', 'this', 'last', 'next', 'twice', 'once', 'times']);
/** "the old one", "the Chinese kind", "the newer treatment": a treatment pointed to, whose words ask nothing of it. */
const POINTS_TO_ONE =
  /\bthe (old|older|oldest|ancient|traditional|chinese|eastern|new|newer|newest|modern|western)( \w+)? (one|ones|kind|type|treatment|practice|therapy|approach)\b/gi;

/** "I'm new to all this", "new here", "a new patient": the writer is new, which asks nothing about which treatment is. */
const NEW_TO_IT =
  /\b(new|brand new|fairly new|totally new|completely new) (to (all )?(this|it|that|these|acupuncture|needling|dry needling|needles|the clinic|the area)( stuff| business| world)?|here|patient|client|at this)\b/gi;

/** "… or just the knots?": the baseline a question sets its point against, at the end ("or only", "or merely"). */
const OR_JUST = /\bor (just|only|merely|simply) (the |my |those |these |a )?[\w'’]+( [\w'’]+)?\s*[?!.]*\s*$/i;

export class PassagePicker {
  private readonly cues: PhraseMatcher<Passage>;

  private readonly covers: PhraseMatcher<Passage>;

  private readonly byTreatment = new Map<TreatmentId, PhraseMatcher<Passage>>();

  constructor(private readonly passages: Passage[]) {
    this.cues = new PhraseMatcher(passages.flatMap((p) => phraseEntries(p, p.cues)));
    this.covers = new PhraseMatcher(passages.flatMap((p) => phraseEntries(p, p.covers ?? [])));
  }

  /**
   * The passage that speaks to something not on the list of conditions ("bad posture", "cramps", "recovery after a
   * marathon"), for that treatment (or either), if the message names one of its `covers`: the longest match wins.
   */
  covering(text: string, treatment: TreatmentId | 'both' | undefined): { passage: Passage; said: string } | undefined {
    const tokens = words(text);
    const found = this.covers
      .match(tokens, tokens.map(stem))
      .filter((m) => !treatment || treatment === 'both' || m.value.treatment === treatment || m.value.treatment === 'both')
      .sort((a, b) => b.to - b.from - (a.to - a.from));
    return found[0] ? { passage: found[0].value, said: tokens.slice(found[0].from, found[0].to).join(' ') } : undefined;
  }

  /**
   * The passage that best answers the question about a treatment (or either treatment when undefined), if any:
   * the one with the most cue words in the question, longer cues counting more and bare question words less; ties go
   * to the first in the file.
   */
  pick(text: string, treatment: TreatmentId | 'both' | undefined): Passage | undefined {
    return this.scored(text, treatment)?.passage;
  }

  /**
   * The passage whose cues weigh at least two words in the question ("where do the needles go in dry needling": the
   * knots; "are the needles thick": thin needles), for a question the classifier took for something the article does
   * not cover. One word is not enough: "my 6 year old" is not a question about how old acupuncture is.
   */
  pickClearly(text: string, treatment: TreatmentId | 'both' | undefined): Passage | undefined {
    const found = this.scored(text, treatment);
    return found && found.score >= 2 ? found.passage : undefined;
  }

  /**
   * Whether one treatment's passage has cues in the question weighing at least two words ("everything you treat"):
   * it answers without asking which treatment. (Points about both are better answered by the comparison itself when the
   * question compares; "how thick are the needles?" gets the point about both.)
   */
  answersClearly(text: string, intent?: string): boolean {
    const found = this.scored(text, undefined);
    return found !== undefined && found.score >= 2 && (found.passage.treatment !== 'both' || (intent !== 'difference' && intent !== 'similarity'));
  }

  /**
   * The passage that best answers the question among one treatment's own passages only, for when `pick` found none: a
   * cue of the other treatment's passage no longer takes the words first ("where did the other one come from?" after dry
   * needling: dry needling's "come from" left acupuncture's origin nothing to match).
   */
  pickOwn(text: string, treatment: TreatmentId): Passage | undefined {
    let own = this.byTreatment.get(treatment);
    if (!own) {
      own = new PhraseMatcher(
        this.passages.filter((p) => p.treatment === treatment || p.treatment === 'both').flatMap((p) => phraseEntries(p, p.cues)),
      );
      this.byTreatment.set(treatment, own);
    }
    // (a cue of two words or more: "where" alone is no question about where it came from)
    const found = this.scored(text, treatment, own);
    return found && found.score >= 2 ? found.passage : undefined;
  }

  /** Whether a cue's words are one of the article's explanation words, worked out once per cue said. */
  private readonly concepts = new Map<string, boolean>();
  private isConcept(said: string): boolean {
    let known = this.concepts.get(said);
    if (known === undefined) {
      // (typed words vary with typos: the memo is kept small)
      if (this.concepts.size >= 1000) this.concepts.clear();
      this.concepts.set(said, (known = namesArticleConcept(said)));
    }
    return known;
  }

  private scored(
    text: string,
    treatment: TreatmentId | 'both' | undefined,
    cues: PhraseMatcher<Passage> = this.cues,
  ): { passage: Passage; score: number } | undefined {
    // ("would it help the posture side of things or just the knots?": what is asked comes before "or just"; "do myos do dn
    // or just physios?" has nothing before it that a passage answers, and is read whole)
    const before = text.replace(OR_JUST, ' ');
    return (before !== text ? this.scoredWhole(before, treatment, cues) : undefined) ?? this.scoredWhole(text, treatment, cues);
  }

  private scoredWhole(
    text: string,
    treatment: TreatmentId | 'both' | undefined,
    cues: PhraseMatcher<Passage>,
  ): { passage: Passage; score: number } | undefined {
    // ("has anyone proven the old one works, or is it just tradition?": research asked, not how old it is; "which is the
    // ancient one?" asks what the words point to)
    const tokens = words((/\bwhich\b/i.test(text) ? text : text.replace(POINTS_TO_ONE, ' ')).replace(NEW_TO_IT, ' '));
    const scores = new Map<Passage, number>();
    // How much each passage is what is asked: an explanation's own word ("magnesium", "meridians") says more than a
    // common one ("release", "go in"). It ranks the passages; how clearly one answers is the score without it.
    const ranks = new Map<Passage, number>();
    for (const m of cues.match(tokens, tokens.map(stem))) {
      const p = m.value;
      if (treatment && treatment !== 'both' && p.treatment !== treatment && p.treatment !== 'both') continue;
      // A bare question word ("who", "when") says less than a content word ("invented", "physios"); a "when" that joins
      // a clause ("what happens in the muscle when you do it?") asks no time at all.
      if (m.to - m.from === 1 && tokens[m.from] === 'when' && JOINING_WHEN_NEXT.has(tokens[m.from + 1] ?? '')) continue;
      // ("flares up every year after shearing": how often, not how old)
      if (m.to - m.from === 1 && /^years?$/.test(tokens[m.from]) && HOW_OFTEN_BEFORE.has(tokens[m.from - 1] ?? '')) continue;
      // ("how old does my daughter need to be to have dry needling?": an age the patient must be, not how old it is)
      if (tokens.slice(m.from, m.to).join(' ') === 'how old' && /^(do|does|should|must|would|will|can|need|have)$/.test(tokens[m.to] ?? '')) continue;
      const weight = m.to - m.from === 1 && QUESTION_WORDS.has(tokens[m.from]) ? 0.5 : m.to - m.from;
      scores.set(p, (scores.get(p) ?? 0) + weight);
      ranks.set(p, (ranks.get(p) ?? 0) + weight + (this.isConcept(tokens.slice(m.from, m.to).join(' ')) ? 1 : 0));
    }
    let best: Passage | undefined;
    const order = (p: Passage) => this.passages.indexOf(p);
    for (const [p, rank] of ranks) {
      const top = best ? ranks.get(best)! : -1;
      if (!best || rank > top || (rank === top && order(p) < order(best))) best = p;
    }
    return best ? { passage: best, score: scores.get(best)! } : undefined;
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

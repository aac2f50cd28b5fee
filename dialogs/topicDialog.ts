/**
 * Questions about one treatment ("what is it", "how does it work", "what is it used for"). When the
 * message names no treatment and the conversation has none yet, asks which one was meant.
 */
import { TurnContext } from 'botbuilder';
import {
  ChoiceFactory,
  DialogContext,
  DialogTurnResult,
  FoundChoice,
  ListStyle,
  PromptValidatorContext,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import {
  conceptOwnerText,
  meaningNotExplainedText,
  relatedPassageText,
  topicText,
  TREATMENT_NAMES,
  TREATMENT_PROMPT,
  TREATMENT_RETRY,
} from '../src/bot/replies';
import { meaningAsked, quotedIn } from '../src/nlu/meaningAsked';
import { stem } from '../src/nlu/stem';
import { plainForm } from '../src/nlu/normalize';
import { asksAboutStaff, asksWhichOfAFact, SESSION_DETAIL, TREATMENT_WORD } from '../src/nlu/clinicQuestions';
import { reply, say } from '../src/bot/reply';
import { Suggestion, SUGGESTIONS } from '../src/bot/suggestions';
import type { TurnUnderstanding } from '../src/bot/turnRecognizer';
import type { TreatmentChoice } from '../src/nlu/context';
import type { TreatmentId } from '../src/nlu/analyse';
import type { Passage } from '../src/knowledge/types';
import { hasRole, passageWithRole } from '../src/knowledge/roles';
import { thingsAfterFor } from '../src/nlu/askedAbout';
import { ClinicChoicePrompt } from './clinicChoicePrompt';
import { turnedDown } from './whichTreatmentDialog';
import { DialogDependencies } from './dependencies';
import { TOPIC_DIALOG } from './ids';
import { InterruptibleDialog, pickedChoice } from './interruptibleDialog';
import { passagePicker } from '../src/nlu/passages';
import { SUITS_WHOM } from '../src/nlu/choiceFrames';
import { sentencesOf, taskAsked } from '../src/nlu/recognizer';

const TREATMENT_PROMPT_ID = 'treatmentPrompt';
const WATERFALL = 'topicWaterfall';

export type TreatmentTopic = 'what_is' | 'how_it_works' | 'uses';

export interface TopicDialogOptions {
  topic: TreatmentTopic;
}

const CHOICES: Array<{ value: TreatmentChoice; title: string; synonyms: string[] }> = [
  // (typed answers as patients give them: "the chinese one", "the western one", "the muscle one", "whichever")
  { value: 'acupuncture', title: 'Acupuncture', synonyms: ['acupuncture', 'acupunture', 'the first', 'chinese', 'eastern', 'traditional'] },
  {
    value: 'dryNeedling',
    title: 'Dry needling',
    synonyms: ['dry needling', 'dry needle', 'needling', 'dry neddling', 'the second', 'western', 'muscle', 'muscles', 'trigger points'],
  },
  {
    value: 'both',
    title: 'Both',
    synonyms: ['both', 'both of them', 'either', 'each', 'whichever', 'either one', 'dont mind', 'don’t mind', 'do not mind', 'not sure', 'no idea'],
  },
];

function followUps(topic: TreatmentTopic, treatment: TreatmentChoice): Suggestion[] {
  if (topic === 'what_is') {
    return treatment === 'acupuncture'
      ? [SUGGESTIONS.howItWorks, SUGGESTIONS.difference, SUGGESTIONS.whichSuits]
      : [SUGGESTIONS.howItWorks, SUGGESTIONS.dryNeedlingUses, SUGGESTIONS.difference];
  }
  if (topic === 'how_it_works') return [SUGGESTIONS.difference, SUGGESTIONS.dryNeedlingUses, SUGGESTIONS.book];
  return [SUGGESTIONS.whichSuits, SUGGESTIONS.book, SUGGESTIONS.difference];
}

/**
 * When one passage of the article answers the question ("when was it developed", "what has lactic acid got to do
 * with it"), sends that passage and returns true.
 */
const COMPARING_INTENTS = new Set(['similarity', 'difference']);

export async function sendPassageAnswer(
  context: TurnContext,
  deps: DialogDependencies,
  topic: TreatmentTopic,
  treatment: TreatmentChoice | undefined,
): Promise<boolean> {
  const { recognition } = await deps.turns.understand(context);
  const picker = passagePicker(deps.knowledge.passages);
  const asked = askedSentences(recognition.text);
  const pickFrom = (text: string) =>
    picker.pick(text, treatment) ?? (treatment && treatment !== 'both' ? picker.pickOwn(text, treatment) : undefined);
  // ("is he right?" after what the article says of research: the passage that spoke to it, again)
  // ("Someone told me the needle 'releases' something from the knot. What actually gets released?": the question's own
  // words, when one passage clearly answers them, outweigh the story's)
  const questionsOnly = questionSentences(recognition.text);
  let passage =
    (recognition.sameAnswer ? await lastPassageOf(context, deps) : undefined) ??
    (questionsOnly ? picker.pickClearly(questionsOnly, treatment) : undefined) ??
    pickFrom(asked);
  if (!passage && recognition.elliptical) {
    // "and acupuncture?" after a passage: the same point for the other treatment, when the article makes it.
    // A point the article makes of both ("both use thin needles") answers the other treatment as it stands.
    const last = await lastPassageOf(context, deps);
    passage =
      deps.knowledge.passages.find((p) => p.id === last?.counterpart && (p.treatment === treatment || !treatment)) ??
      (last?.treatment === 'both' ? last : undefined);
  }
  if (!passage) return false;
  // ("are the chinese needles and the muscle needles the same thing?": one treatment's passage is no comparison of the two)
  // (one that tells of both, "dry needling is grounded in Western medicine … whereas acupuncture is …", compares them)
  const tellsOfBoth = /acupuncture/i.test(passage.text) && /dry needling/i.test(passage.text);
  if (treatment === 'both' && passage.treatment !== 'both' && !tellsOfBoth && COMPARING_INTENTS.has(recognition.intent)) return false;
  const about: TreatmentChoice = passage.treatment === 'both' ? (treatment ?? 'both') : passage.treatment;
  // (the evidence asked for a thing not on the list: the passage, then that it is not on the list)
  const forThing = hasRole(passage, 'research') ? unlistedAskedFor(recognition, asked) : undefined;
  const text = forThing ? relatedPassageText(passage, forThing) : passage.text;
  await say(context, 'answered', text, { intent: topic, suggestions: followUps(topic, about) });
  await deps.turns.remember(context, topic, { treatment: about }, passage.id);
  return true;
}

/**
 * "is dry needling actually proven for gout?": the thing the evidence is asked for, when it is no listed condition nor a
 * place of one, so the reply says honestly that it is not on the list; the evidence alone would read as a yes.
 */
export function unlistedAskedFor(recognition: TurnUnderstanding['recognition'], text: string): string | undefined {
  if (recognition.conditions.length > 0 || recognition.placeOnly) return undefined;
  return recognition.unlistedText ?? thingsAfterFor(text)[0];
}

/** Words that point back to what a message told before its question. */
const POINTS_BACK = /\b(that|this|it|those|them|these|there|one|ones|such)\b/i;

/**
 * The sentences a message asks in, when it also tells ("What is dry needling exactly? My physio mentioned it.": the
 * physio told is no question of who practises it); the whole message when every sentence asks or none does.
 */
function askedSentences(text: string): string {
  return asked(text).replace(PREMISE, ', ');
}
/**
 * A reason given inside a question, between commas ("…, since they both use needles, aren't acupuncture and dry needling
 * basically the same thing?"): the writer's premise, not what is asked.
 */
const PREMISE =
  /,\s*(?:since|seeing as|seeing that|given that|because|considering) (?:they|it|both|the two|we|i|you|acupuncture|dry needling)\b[^,?.!]*,\s*/gi;

/** A message's sentences and its questions among them, when it both asks and tells; undefined otherwise. */
function askedAndTold(text: string): { sentences: string[]; questions: string[] } | undefined {
  const sentences = sentencesOf(text);
  const questions = sentences.filter((p) => /\?\s*$/.test(p));
  return questions.length > 0 && questions.length < sentences.length ? { sentences, questions } : undefined;
}

function asked(text: string): string {
  const both = askedAndTold(text);
  if (!both) return text;
  // ("Can someone explain what the needle actually does once it's in the muscle? My physio just dug her thumb into the
  // sore spot…": asked first, then the story; the physio told after is no question of who practises it)
  return askedOnly(text) || asksFirst(both.sentences, both.questions) ? both.questions.join(' ') : text;
}

/**
 * Whether a message's questions stand alone beside what it tells: only a question that names the treatment and points
 * back to nothing ("Is dry needling useful for that?" asks of what was told, "Can you explain?" of all of it).
 */
function askedOnly(text: string): boolean {
  return askedAndTold(text)?.questions.every((q) => TREATMENT_WORD.test(q) && !POINTS_BACK.test(q)) ?? false;
}

/** A message's questions, when it also tells something; undefined when every sentence asks or none does. */
function questionSentences(text: string): string | undefined {
  return askedAndTold(text)?.questions.join(' ');
}

/** Whether every question comes before anything told: asked first, the story after. */
function asksFirst(sentences: string[], questions: string[]): boolean {
  const firstTold = sentences.findIndex((x) => !questions.includes(x));
  return firstTold > 0 && sentences.slice(firstTold).every((x) => !questions.includes(x));
}

/** The passage the last answer gave, if it gave one. */
async function lastPassageOf(context: TurnContext, deps: DialogDependencies): Promise<Passage | undefined> {
  const lastId = (await deps.turns.context(context)).lastPassage;
  return deps.knowledge.passages.find((p) => p.id === lastId);
}

/**
 * What a treatment is used for, asked outright ("which problems does dry needling usually aim to help?", the recognizer's
 * own decision): the list itself, never a passage that shares a cue word ("aim").
 */
export function asksUsesOutright(r: TurnUnderstanding['recognition']): boolean {
  return r.intent === 'uses' && r.reason === 'entity';
}

/** "…too?", "…as well?": whether the treatment named also does it. */
const ALSO = /\b(too|as well|also|either)\b/;

/** "does dry needling use them as well?", "is acupuncture based on that too?": the concept just answered, asked of a treatment. */
// ("Does the same apply to dry needling?", "Does acupuncture go for the same spots then?", "does it happen with the
// acupuncture also?": what was just said, asked of the other treatment)
const SAME_OF =
  /\bsame (spots?|points?|places?|idea|thing|things|way|theory|principle|mechanism|stuff)\b(?! as\b)|\bthe same (apply|applies|go|goes|hold|holds|work|works|happen|happens|be true|true)\b|\b(happen|happens|apply|applies|work|works|hold|holds) (with|to|for|in) (the )?(acupuncture|dry needling|acu|dn|needling)\b/;
const USES_THOSE = new RegExp(
  `\\b(use|uses|using|work with|works with|involve|involves|based on|go by|goes by|follow|follows|target|targets|work on|works on) (them|those|these|that|it|the same)\\b|${SAME_OF.source}`,
);

/**
 * The passage just answered about one treatment's concept, when the message asks whether the other treatment, named,
 * uses it too ("What's a meridian?" … "Does dry needling use them as well?").
 */
async function conceptPointedBack(context: TurnContext, deps: DialogDependencies, r: TurnUnderstanding['recognition']) {
  if (r.conditions.length > 0 || r.treatments.length !== 1 || !USES_THOSE.test(plainForm(r.text))) return undefined;
  const passage = await lastPassageOf(context, deps);
  return passage && passage.treatment !== 'both' && passage.treatment !== r.treatments[0] ? passage : undefined;
}

/**
 * "Does acupuncture go for the same spots then?" right after a topic answer about dry needling that gave no single
 * passage: what was said is the article's about the other treatment, and what it says of how the one asked about works.
 */
export async function sendSameOfOther(context: TurnContext, deps: DialogDependencies): Promise<boolean> {
  const { recognition: r } = await deps.turns.understand(context);
  if (r.conditions.length > 0 || r.treatments.length !== 1 || (r.implied?.length ?? 0) > 0 || !SAME_OF.test(plainForm(r.text))) return false;
  const ctx = await deps.turns.context(context);
  const asked = r.treatments[0];
  if (ctx.lastPassage || !ctx.lastTreatment || ctx.lastTreatment === asked || !SAME_OF_TOPICS.has(ctx.lastIntent ?? '')) return false;
  const text = `Our article says that of ${TREATMENT_NAMES[ctx.lastTreatment]}, not ${TREATMENT_NAMES[asked]}. ${topicText(deps.knowledge, 'how_it_works', asked)}`;
  await say(context, 'answered', text, { intent: 'how_it_works', suggestions: followUps('how_it_works', asked) });
  await deps.turns.remember(context, 'how_it_works', { treatment: asked });
  return true;
}
/** Answers about how one treatment works or what it is, which "the same" may point back to. */
const SAME_OF_TOPICS = new Set(['how_it_works', 'what_is']);

/**
 * A question whose concept belongs to the other treatment ("is dry needling based on meridians?") or that asks which
 * treatment a concept belongs to ("which one is the treatment with meridians?"): the owner, then its passage.
 * Returns false when the message is not such a question.
 */
export async function sendConceptOwner(context: TurnContext, deps: DialogDependencies): Promise<boolean> {
  const { recognition: r } = await deps.turns.understand(context);
  const implied = r.implied ?? [];
  const pointed = implied.length === 0 ? await conceptPointedBack(context, deps, r) : undefined;
  if (!pointed && (implied.length !== 1 || r.conditions.length > 0)) return false;
  const owner = pointed && pointed.treatment !== 'both' ? pointed.treatment : implied[0];
  // "is it part of Chinese medicine too?" right after dry needling: "it" is the treatment just talked about.
  const last = (await deps.turns.context(context)).lastTreatment;
  const itIsTheLast =
    !pointed &&
    r.treatments.every((t) => t === owner) &&
    last !== undefined &&
    last !== owner &&
    CONCEPT_TOPICS.has(r.intent) &&
    IT.test(plainForm(r.text));
  const named = itIsTheLast && last ? [last] : r.treatments.filter((t) => t !== owner);
  const crossed = itIsTheLast || (named.length === 1 && r.treatments.length === 1 && (CONCEPT_TOPICS.has(r.intent) || pointed !== undefined));
  // ("…some mineral in the muscles. Which one is it?": which mineral, not which treatment)
  // (nor the one whose idea is turned down: "I don't buy the energy and meridian stuff. which one should I get?")
  const asksWhich =
    !pointed &&
    r.treatments.length <= 1 &&
    r.treatments.every((t) => t === owner) &&
    WHICH_ONE.test(plainForm(r.text)) &&
    !asksWhichOfAFact(r.text) &&
    turnedDown(r.text) === undefined &&
    // ("I'd like something more traditional that looks at my overall balance… Which of the two would suit me?": the
    // choice asked for oneself, which the recommendation answers from what was told, not "That is acupuncture")
    !sentencesOf(r.text).some((x) => SUITS_WHOM.test(plainForm(x)));
  if (!crossed && !asksWhich) return false;
  // (for "is it part of Chinese medicine too?" the passage of whose tradition it is, when no passage is picked by the words)
  const origin = itIsTheLast ? passageWithRole(deps.knowledge, 'origin', owner) : undefined;
  const passage = pointed ?? passagePicker(deps.knowledge.passages).pick(r.text, owner) ?? origin;
  if (!passage) return false;
  // "Is dry needling based on Chinese medicine?": whose concept it is, and what the article says of the one asked about.
  // (not when the passage already says it: "…whereas acupuncture is an ancient Chinese medicine practice")
  const counterpart = crossed
    ? deps.knowledge.passages.find((p) => p.id === passage.counterpart && p.treatment === named[0] && !saysAlready(passage.text, p.text))
    : undefined;
  // ("Does the same apply to dry needling?" after acupuncture's research: the article makes no such point of dry needling,
  // so what it says of how that one works)
  const ownWorking = pointed && crossed && !counterpart ? `\n\n${topicText(deps.knowledge, 'how_it_works', named[0])}` : '';
  const text = conceptOwnerText(passage, owner, crossed ? named[0] : undefined) + (counterpart ? ` ${counterpart.text}` : '') + ownWorking;
  await say(context, 'answered', text, { intent: 'how_it_works', suggestions: followUps('how_it_works', owner) });
  // ("Does dry needling use meridians too?", "does dry needling use them?": the answer is about the treatment asked of, and
  // its own point comes last; "is dry needling based on meridians?" is about whose concept it is)
  if (crossed && (pointed || ALSO.test(plainForm(r.text))))
    await deps.turns.remember(context, 'how_it_works', { treatment: named[0] }, counterpart?.id ?? passage.id);
  else await deps.turns.remember(context, 'how_it_works', { treatment: owner }, passage.id);
  return true;
}

/** "Are trigger points and acupoints the same thing?", "is chi just blood flow?": two treatments' concepts set side by side. */
const COMPARES_CONCEPTS = /\b(same|different|difference|differ|vs|versus|compare|compared|like|related|connected|basically)\b/;

/**
 * Concepts of both treatments asked about together, with no treatment named ("is chi basically blood flow?"): they
 * belong to different treatments in the article, and what it says of each.
 */
export async function sendConceptsCompared(context: TurnContext, deps: DialogDependencies): Promise<boolean> {
  const { recognition: r } = await deps.turns.understand(context);
  const implied = r.implied ?? [];
  if (implied.length === 1 && (await sendConceptComparedToLast(context, deps, r.text, implied[0]))) return true;
  if (implied.length !== 2 || r.conditions.length > 0 || !COMPARES_CONCEPTS.test(plainForm(r.text))) return false;
  // (a treatment named outright is a comparison of the treatments, answered as one)
  if (r.treatments.some((t) => !implied.includes(t)) || TREATMENT_WORD.test(r.text)) return false;
  const picker = passagePicker(deps.knowledge.passages);
  const acupuncture = picker.pick(r.text, 'acupuncture');
  const dryNeedling = picker.pick(r.text, 'dryNeedling');
  if (!acupuncture || !dryNeedling || acupuncture.treatment === 'both' || dryNeedling.treatment === 'both') return false;
  const text = `In our article these belong to different treatments. ${acupuncture.text}\n\n${dryNeedling.text}`;
  await say(context, 'answered', text, { intent: 'difference', suggestions: followUps('how_it_works', 'both') });
  await deps.turns.remember(context, 'difference', {});
  return true;
}

/** "is that the same thing as an acupoint?": what was just answered, compared with a concept of the other treatment. */
const SAME_AS_THAT = /\b(is|are|was|isnt|s) (that|it|this|they|those|these|them) (the same|similar|like|related|connected|basically|just)\b/;

/**
 * A concept of one treatment compared with the passage just answered about the other ("What's a trigger point?" … "Is
 * that the same thing as an acupoint?"): both passages, said to belong to different treatments.
 */
async function sendConceptComparedToLast(context: TurnContext, deps: DialogDependencies, text: string, implied: TreatmentId): Promise<boolean> {
  if (!SAME_AS_THAT.test(plainForm(text)) || TREATMENT_WORD.test(text)) return false;
  const last = await lastPassageOf(context, deps);
  if (!last || last.treatment === 'both' || last.treatment === implied) return false;
  const now = passagePicker(deps.knowledge.passages).pick(text, implied);
  if (!now || now.treatment !== implied) return false;
  const answer = `In our article these belong to different treatments. ${now.text}\n\n${last.text}`;
  await say(context, 'answered', answer, { intent: 'difference', suggestions: followUps('how_it_works', 'both') });
  await deps.turns.remember(context, 'difference', {});
  return true;
}

/**
 * A question the classifier took for one the article does not cover (or for another subject) that a passage answers
 * clearly ("where do the needles go in dry needling?": the knots; "are the needles thick?": thin needles): the
 * passage. Needs a treatment named, or needles, so that "where do I park" is never answered from the article.
 */
export async function sendPassageInstead(context: TurnContext, deps: DialogDependencies): Promise<boolean> {
  const { recognition: r } = await deps.turns.understand(context);
  if (r.notCovered || r.conditions.length > 0) return false;
  const treatment = r.treatments.length === 1 ? r.treatments[0] : undefined;
  // ("what's the name of the practitioner who does the needling?": the clinic's own people, whom no passage names)
  // ("how many needles do you usually use?": a session detail, however its words lean on "commonly used in Myotherapy")
  // ("can u write me 500 words on the history of chinese medicine for my assignment": a task, not a question)
  if (
    (!treatment && !NEEDLES.test(r.text)) ||
    NOT_IN_ARTICLE.test(r.text) ||
    SESSION_DETAIL.test(r.text.toLowerCase()) ||
    asksAboutStaff(r.text) ||
    taskAsked(r.text)
  )
    return false;
  const passage = passagePicker(deps.knowledge.passages).pickClearly(r.text, treatment);
  if (!passage) return false;
  await say(context, 'answered', passage.text, { intent: 'how_it_works', suggestions: followUps('how_it_works', treatment ?? 'both') });
  await deps.turns.remember(context, 'how_it_works', { treatment: passage.treatment === 'both' ? treatment : passage.treatment }, passage.id);
  return true;
}
const NEEDLES = /\bneedles?\b/i;
/** What the article says nothing about, whatever passage words come with it: does it hurt, is it safe, prices, children. */
const NOT_IN_ARTICLE =
  /\b(hurt|hurts|painful|sting|stings|safe|safety|risk|risks|side effects?|cost|costs|price|how much|pregnan\w*|kids?|child|children|year old|yo|bleed\w*|bruis\w*)\b/i;

/** Whether `text` already says what `other` says (its words after "According to our article,", without the full stop). */
function saysAlready(text: string, other: string): boolean {
  const core = other
    .replace(/^According to our article,\s*/i, '')
    .replace(/[.\s]+$/, '')
    .toLowerCase();
  return core.length > 0 && text.toLowerCase().includes(core);
}

/** "is it…", "does that one…": the treatment talked about, asked of. */
const IT = /\b(is|does|did|was|has) (it|that|this|that one|this one)\b/;

/** Questions about how a treatment works or what it is, where a concept of the other treatment is a misunderstanding. */
const CONCEPT_TOPICS = new Set(['what_is', 'how_it_works', 'uses', 'similarity', 'difference']);
/** "Which one is the treatment with meridians?", "which treatment is that?". */
const WHICH_ONE =
  /\b(which|what) (one|1|treatment|of the two|of them|kind|type)\b|\bwhich is (that|it)\b|\bwhich (of yours|of your (two|2|treatments|needles|options|needlings))\b/;

/** Sends the article's answer for one treatment, or for each of the two; or the passage that answers the question. */
export async function sendTopicAnswer(
  context: TurnContext,
  deps: DialogDependencies,
  topic: TreatmentTopic,
  treatment: TreatmentChoice,
): Promise<void> {
  const { recognition } = await deps.turns.understand(context);
  if (!(topic === 'uses' && asksUsesOutright(recognition)) && (await sendPassageAnswer(context, deps, topic, treatment))) return;
  const parts: Array<'acupuncture' | 'dryNeedling'> = treatment === 'both' ? ['acupuncture', 'dryNeedling'] : [treatment];
  for (let i = 0; i < parts.length; i++) {
    const last = i === parts.length - 1;
    await say(context, 'answered', topicText(deps.knowledge, topic, parts[i]), {
      intent: topic,
      suggestions: last ? followUps(topic, treatment) : [],
    });
  }
  await deps.turns.remember(context, topic, { treatment });
}

export class TopicDialog extends InterruptibleDialog {
  constructor(deps: DialogDependencies) {
    // A new question of the same topic ("what is it exactly?") also starts over, so no intent of its own.
    super(TOPIC_DIALOG, deps);
    const prompt = new ClinicChoicePrompt(TREATMENT_PROMPT_ID, (p) => this.validate(p));
    prompt.style = ListStyle.auto;
    this.addDialog(prompt);
    this.addDialog(new WaterfallDialog(WATERFALL, [(s) => this.askStep(s), (s) => this.answerStep(s)]));
    this.initialDialogId = WATERFALL;
  }

  /** A treatment picked, or named ("the dry needling one"). */
  protected answers(dc: DialogContext, { recognition }: TurnUnderstanding): boolean {
    return pickedChoice(dc) !== undefined || recognition.treatments.length > 0;
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(TREATMENT_PROMPT_ID, {
      prompt: reply(step.context, 'clarify', TREATMENT_PROMPT, { intent: (step.options as TopicDialogOptions).topic }),
      retryPrompt: reply(step.context, undefined, TREATMENT_RETRY),
      // The title is the value: Teams' hero card buttons show the value.
      choices: ChoiceFactory.toChoices(CHOICES.map((c) => ({ value: c.title, synonyms: c.synonyms }))),
    });
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { topic } = step.options as TopicDialogOptions;
    const choice = step.result as FoundChoice | undefined;
    let treatment = CHOICES.find((c) => c.title === choice?.value)?.value;
    if (!treatment) {
      const { question } = await this.deps.turns.understand(step.context);
      treatment = question.treatmentFromContext ? undefined : question.treatment;
    }
    if (!treatment) return step.endDialog({ interrupted: true });
    await sendTopicAnswer(step.context, this.deps, topic, treatment);
    return step.endDialog();
  }

  private async validate(prompt: PromptValidatorContext<FoundChoice>): Promise<boolean> {
    if (prompt.recognized.succeeded) return true;
    const { recognition } = await this.deps.turns.understand(prompt.context);
    return recognition.treatments.length > 0;
  }
}

/** The two treatments, each with its own topic answers. */
const TREATMENTS: TreatmentId[] = ['acupuncture', 'dryNeedling'];

/** Each treatment's topic answers, where a quote is looked for. */
function topicAnswers(deps: DialogDependencies): Array<{ text: string; topic: TreatmentTopic; treatment: TreatmentId }> {
  const topics: TreatmentTopic[] = ['what_is', 'how_it_works', 'uses'];
  return topics.flatMap((topic) => TREATMENTS.map((treatment) => ({ text: topicText(deps.knowledge, topic, treatment), topic, treatment })));
}

/** Whether a quote is (part of) a listed condition's name ("'plantar' on your list"): the condition's to answer. */
function namesACondition(deps: DialogDependencies, quote: string): boolean {
  return deps.knowledge.conditions.some((c) => [c.name, ...c.aliases].some((n) => ` ${plainForm(n)} `.includes(` ${quote} `)));
}

/** Words that carry nothing of a term ("the meaning of", "in plain English"). */
const NOT_OF_A_TERM = new Set(
  'the a an of in on to by for and or my your his her their our this that it is are be me you plain english simple terms words actually even really exactly'.split(
    ' ',
  ),
);
/** The stems of every word the article's passages, answers, conditions and treatment words use. */
const articleStemsOf = new WeakMap<object, Set<string>>();
function articleStems(deps: DialogDependencies): Set<string> {
  let stems = articleStemsOf.get(deps.knowledge);
  if (!stems) {
    const texts = [
      deps.knowledge.article,
      ...deps.knowledge.passages.map((p) => p.text),
      ...topicAnswers(deps).map((a) => a.text),
      ...deps.knowledge.conditions.flatMap((c) => [c.name, ...c.aliases]),
      ...Object.values(deps.knowledge.treatments).flatMap((t) => [...t.aliases, ...t.concepts]),
    ];
    stems = new Set(texts.flatMap((t) => plainForm(t).split(' ')).map(stem));
    articleStemsOf.set(deps.knowledge, stems);
  }
  return stems;
}
/**
 * Whether the article holds these words: most words of them that carry meaning are words of the article's, in any form
 * ("myofascial trigger point", "balancing your chi", a phrase of the article's half remembered); "referred pain" and
 * "mechanical" are not.
 */
function articleHolds(deps: DialogDependencies, words: string): boolean {
  const plain = plainForm(words);
  if (TREATMENT_WORD.test(plain)) return true;
  const own = plain.split(' ').filter((w) => w && !NOT_OF_A_TERM.has(w));
  const stems = articleStems(deps);
  return own.length === 0 || own.filter((w) => stems.has(stem(w))).length * 2 > own.length;
}

/**
 * Words asked to be explained that the article does not hold ("what does 'referred pain' mean?", "My GP said I've got
 * 'mechanical' back pain. What does that actually mean?"): said honestly, with who can explain them. Words the article
 * holds ("what does myofascial mean?") are routed as usual; false then.
 */
export async function sendMeaningNotExplained(context: TurnContext, deps: DialogDependencies): Promise<boolean> {
  // (only words quoted, as a label is told or read: "what does the whole balancing energy idea mean?" is the routes' below)
  // (the quoted words decide: "What does the word 'myofascial' mean?" is the article's; the label told is what is named)
  const text = context.activity.text ?? '';
  const asked = meaningAsked(text);
  if (!asked) return false;
  const { words, quoted } = asked;
  if (!quoted || plainForm(words) === '' || articleHolds(deps, quoted)) return false;
  const named = ` ${plainForm(words)} `.includes(` ${plainForm(quoted)} `) ? words : quoted;
  await say(context, 'fallback', meaningNotExplainedText(deps.knowledge, named), {
    intent: 'not_covered',
    suggestions: [SUGGESTIONS.person, SUGGESTIONS.whatIsDryNeedling],
  });
  await deps.turns.remember(context, 'not_covered', {});
  return true;
}

/**
 * The article's words quoted back and asked about, words no passage holds ("'increasingly' used for two things"): the
 * topic answer that holds them (the shortest), when one does and the quote names no treatment or listed condition. A
 * quote a passage holds ("'metabolic byproducts'") is the passage picker's, which weighs the whole question; otherwise
 * false, routed as usual.
 */
export async function sendQuotedAnswer(context: TurnContext, deps: DialogDependencies): Promise<boolean> {
  const quotes = quotedIn(context.activity.text ?? '')
    .map((q) => plainForm(q))
    .filter((q) => q !== '' && !TREATMENT_WORD.test(q) && !namesACondition(deps, q));
  if (quotes.length === 0) return false;
  const holds = (text: string) => quotes.some((q) => ` ${plainForm(text)} `.includes(` ${q} `));
  if (deps.knowledge.passages.some((p) => holds(p.text))) return false;
  const [best] = topicAnswers(deps)
    .filter((a) => holds(a.text))
    .sort((a, b) => a.text.length - b.text.length);
  if (!best) return false;
  await say(context, 'answered', best.text, { intent: best.topic, suggestions: followUps(best.topic, best.treatment) });
  await deps.turns.remember(context, best.topic, { treatment: best.treatment });
  return true;
}

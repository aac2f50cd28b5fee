/**
 * "Which treatment suits me?": two questions, then which of the two the article points to and why
 * (recommend() in src/knowledge/claims.ts, in the article's words).
 */
import {
  Choice,
  ChoiceFactory,
  DialogContext,
  DialogTurnResult,
  FoundChoice,
  ListStyle,
  PromptOptions,
  PromptValidatorContext,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { Approach, Area, claimText, recommend } from '../src/knowledge/claims';
import {
  affirmedConditions,
  CONCERN_WORDS,
  Concerns,
  leadingArea,
  mentionsConcerns,
  toldConcerns,
  toldWords,
  withoutTreatmentsByWhatTheyDo,
} from '../src/nlu/concerns';
import { betterFitAsked } from '../src/nlu/choiceFrames';
import { type Recognition } from '../src/nlu/recognizer';
import type { ConditionRef } from '../src/nlu/analyse';
import { plainForm } from '../src/nlu/normalize';
import {
  APPROACH_EXPLAINED,
  APPROACH_PROMPT,
  AREA_EXPLAINED,
  CHRONIC_APPROACH_PROMPT,
  AREA_PROMPT,
  suitsAgainText,
  suitsText,
  twoWaysPrompt,
} from '../src/bot/replies';
import { questionCount } from '../src/nlu/multiQuestion';
import { reply, say } from '../src/bot/reply';
import { SUGGESTIONS } from '../src/bot/suggestions';
import { ClinicChoicePrompt } from './clinicChoicePrompt';
import { DialogDependencies } from './dependencies';
import type { TurnUnderstanding } from '../src/bot/turnRecognizer';
import { WHICH_TREATMENT_DIALOG } from './ids';
import { setOutcome } from '../src/turn/record';
import { InterruptibleDialog } from './interruptibleDialog';

const INTENT = 'which_suits';
const AREA_PROMPT_ID = 'areaPrompt';
const APPROACH_PROMPT_ID = 'approachPrompt';
const WATERFALL = 'whichTreatmentWaterfall';

/** The prompt's options; typed answers are read by toldConcerns (src/nlu/concerns.ts), buttons by these titles. */
const AREAS: Array<{ value: Area; title: string; synonyms: string[] }> = [
  { value: 'muscles', title: 'Muscles or joints', synonyms: CONCERN_WORDS.muscles },
  { value: 'posture', title: 'Posture', synonyms: CONCERN_WORDS.posture },
  { value: 'internal', title: 'Digestion/sleep', synonyms: CONCERN_WORDS.internal },
  { value: 'chronic', title: 'Ongoing pain', synonyms: ['chronic', 'chronic pain', 'long term pain', 'ongoing', 'pain'] },
  {
    value: 'unsure',
    title: 'Not sure',
    synonyms: [
      'not sure',
      'dont know',
      "don't know",
      'unsure',
      'no idea',
      // ("I don't have anything specific, just curious": nothing to help with yet, so both are told apart)
      'nothing specific',
      'anything specific',
      'nothing in particular',
      'anything in particular',
      'just curious',
      'only curious',
      'just wondering',
      'just asking',
      'in general',
      'generally',
    ],
  },
];

const APPROACHES: Array<{ value: Approach; title: string; synonyms: string[] }> = [
  {
    value: 'western',
    title: 'Western medicine',
    synonyms: ['western', 'trigger points', 'science', 'modern', 'scientific', 'evidence based', 'clinical'],
  },
  {
    value: 'chinese',
    title: 'Chinese medicine',
    // (the article's words for what acupuncture does: "balance a person's chi, the flow of energy or life force")
    synonyms: [
      'chinese',
      'traditional',
      'meridians',
      'meridian',
      'chi',
      'qi',
      'ancient',
      'eastern',
      'holistic',
      'spiritual',
      'energy',
      'life force',
      'balance',
      'rebalance',
      'balanced',
      // ("something that treats the whole person", "something with a long history behind it")
      'whole person',
      'whole body',
      'long history',
      'centuries',
      'thousands of years',
      'time tested',
    ],
  },
  { value: 'none', title: 'No preference', synonyms: ['none', 'no preference', 'either', 'dont mind', "don't mind", 'not sure', 'whatever'] },
];

/** The option whose synonyms the text names (whole words), if exactly one kind is named. */
function matchSynonyms<T extends string>(options: Array<{ value: T; synonyms: string[] }>, text: string): T | undefined {
  const form = ` ${plainForm(text)} `;
  const found = options.filter((o) => o.synonyms.some((s) => form.includes(` ${plainForm(s)} `)));
  return found.length === 1 ? found[0].value : undefined;
}

type Told = Pick<Recognition, 'text' | 'conditions' | 'treatments'>;

/** Conditions named on each side: acupuncture's internal ailments, and dry needling's list; undefined unless both. */
function splitByList(k: DialogDependencies['knowledge'], r: Told): { internal: string[]; body: string[] } | undefined {
  // (not one denied: "not the stomach, not the sleep"; a broader word such as "digestive issues" for IBS still counts)
  const affirmed = affirmedConditions(
    r.text,
    r.conditions.map((c) => ({ ...c, value: { ...c.value, partial: false } })),
  ).map((c) => c.name);
  const named = [...new Set(affirmed)].map((n) => k.conditions.find((c) => c.name === n)).filter((c) => c !== undefined);
  const internal = named.filter((c) => c.list === 'acupuncture' && !c.alsoDryNeedling).map((c) => c.name);
  const body = named.filter((c) => c.list === 'dryNeedling').map((c) => c.name);
  return internal.length > 0 && body.length > 0 ? { internal, body } : undefined;
}

/** What an internal-area word is about, as the reply names it. */
function internalTopic(word: string): string {
  if (/sleep|insomnia|switch off|wired|racing|races|overthinking/.test(word)) return 'sleep';
  if (/digest|gut|stomach|tummy|bowel|reflux|bloat|nausea/.test(word)) return 'digestion';
  if (/stress|anxi|burn|low mood|worn out|fatigue/.test(word)) return 'stress';
  return 'internal ailments';
}

/**
 * A problem on each side told in everyday words, with no condition named ("tight muscles from work and I'm not
 * sleeping well"): the article's words for each side, then which matters most (as for conditions on both lists).
 */
function toldBothWays(text: string): { internal: string[]; body: string[] } | undefined {
  const told = toldWords(text);
  // (words that can tell one problem from both sides are left out: "stomach cramps", "tension from stress", "inflamed joints")
  const inside = (told.internal ?? []).filter((w) => !EITHER_SIDE.has(w));
  const muscles = (told.muscles ?? []).filter((w) => !EITHER_SIDE.has(w));
  if (inside.length === 0 || (muscles.length === 0 && !told.posture)) return undefined;
  const internal = [...new Set(inside.map(internalTopic))];
  const body = [...(muscles.length ? ['tight or sore muscles'] : []), ...(told.posture ? ['posture'] : [])];
  return { internal, body };
}
const EITHER_SIDE = new Set(['joint', 'joints', 'cramp', 'cramps', 'tension', 'tense', 'inflammation', 'inflamed', 'balance', 'balanced']);

/**
 * Where a pain is, told in general words ("chronic pain in my joints and muscles", "aches all over my body"): the place of
 * an ongoing pain, which both treatments can be used for, not a muscle problem that points to dry needling.
 */
const PAIN_PLACE =
  /\b(pain|pains|ache|aches|aching) (in|all over|throughout|through|across) (my|the|his|her|all my|all of my) (muscles?|joints?|body|bones)( and (my )?(muscles?|joints?|bones))?\b/gi;

/** The area this message tells (what it says outweighs what it denies or sets aside), if it clearly tells one. */
function toldArea(r: Told): Area | undefined {
  const chronic = r.conditions.some((c) => c.value.name === 'chronic pain');
  // (with chronic pain named, where it is told in general words tells no area: "chronic pain in my joints and muscles …
  // which of the two would be the one for chronic pain?" is asked about ongoing pain)
  const told = leadingArea(toldConcerns(chronic ? r.text.replace(PAIN_PLACE, '$1') : r.text, r.conditions));
  return told ?? (chronic ? 'chronic' : undefined);
}

/** "I don't want anything spiritual", "nothing too scientific", "I don't trust all this modern stuff", "I don't buy the energy and meridian stuff", "I don't care about energy or chi", "I dont want any of the chi energy stuff", "my grandmother doesn't want anything 'Western'": one approach turned down, so the other is the one. */
const TURNS_DOWN =
  /\b(dont|do not|doesnt|does not|wont|will not|wouldnt|would not|not|no|nothing|never|rather not|rather than|instead of|as opposed to|not into|not keen on|not a fan of|against) (really |actually |much |fully |totally )?(want |like |need |into |keen on |believe in |believe |trust |care for |care about |care much for |care much about |bother with |go for |go in for |buy |buy into |hold with |subscribe to |rate )?((?:any|all|none) of (?:the|that|this|those|your) |anything |any |something |too |that |the |so |very |overly |all this |all that |all the |this )?(\w+ )?(\w+)\b/;

/** "the energy and meridian stuff doesn't sit right with me", "the chi side is not my thing": turned down after it is named. */
const TURNS_DOWN_AFTER =
  /((?:\w+ ){1,4})(?:(?:doesnt|does not|dont|do not|wont|will not) (?:really |quite )?(?:sit (?:right|well)|appeal|resonate|do it for me|interest me|float my boat|work for me|gel with me)|(?:is|s|are|re) (?:not|just not|really not) (?:for me|my thing|my cup of tea|my kind of thing)|(?:puts?|turns?) me off)\b/;

export function turnedDown(text: string): Approach | undefined {
  const form = plainForm(text);
  const m = TURNS_DOWN.exec(form);
  const before = TURNS_DOWN_AFTER.exec(form);
  const turned =
    (m ? matchSynonyms(APPROACHES.slice(0, 2), [m[5], m[6]].filter(Boolean).join(' ')) : undefined) ??
    (before ? matchSynonyms(APPROACHES.slice(0, 2), before[1]) : undefined);
  return turned === 'western' ? 'chinese' : turned === 'chinese' ? 'western' : undefined;
}

/** "whichever you think", "I don't mind either": the choice between the two left to the bot. */
const EITHER_WILL_DO = /\b(whichever|either (one|is fine|way|will do)|up to you|you (choose|pick|decide)|(dont|do not) mind (either|which))\b/;

/**
 * Whether a message tells a preference between the approaches, or leaves the choice to the bot ("I don't mind either");
 * right after a recommendation (`afterChoice`) any way of leaving it counts ("dunno", "that's all").
 */
export function tellsApproach(text: string, afterChoice: boolean): boolean {
  const form = plainForm(text);
  return turnedDown(text) !== undefined || matchSynonyms(APPROACHES, text) !== undefined || (afterChoice ? LEAVES_IT : EITHER_WILL_DO).test(form);
}

/** The approach a message tells: named outright, by naming a treatment ("so acupuncture is the one?"), or by its area. */
function toldApproach(r: Told): Approach | undefined {
  const down = turnedDown(r.text);
  if (down) return down;
  // ("which is better for me, the chinese one or the muscle one?": both named by what they are, no preference told)
  // ("I had acupuncture elsewhere, they talked a lot about energy … would dry needling be a better fit?": the one asked
  // about as the better fit, whatever words of the other's approach tell the story)
  const fit = betterFitAsked(r.text);
  if (fit) return fit === 'acupuncture' ? 'chinese' : 'western';
  const named = matchSynonyms(APPROACHES, withoutTreatmentsByWhatTheyDo(r.text));
  if (named) return named;
  if (r.treatments.length === 1) return r.treatments[0] === 'acupuncture' ? 'chinese' : 'western';
  // (chronic pain tells no approach: the article says both can be used for it; "you prefer Western medicine" was untrue)
  const area = toldArea(r);
  return area === 'internal' ? 'chinese' : area && DECIDES.has(area) ? 'western' : undefined;
}

/** A question about the question ("what do you need to know?", "why does that matter?", "like what?"): it is asked again, explained. */
const ABOUT_THE_QUESTION =
  /\b(what do (you|u) (need|want) to know|what (do|should) i (say|tell you|answer)|why (do|does|would) (you|u|it|that) (need|want|ask|matter)|why (do|would) (you|u) (need|want) (that|to know)|why does (it|that) matter|what do (you|u) mean|(can|could) (you|u) ask me|ask me (some )?questions|what (are|r) (the|my) (options|choices)|depends on what|like what|such as what|what kind of (thing|things|problem|problems)|not sure what (you|u) mean|what does that mean)\b/;

/** Whether a prompt's choices are the area question's. */
const isArea = (choices: Array<string | Choice>) => choices.some((c) => (typeof c === 'string' ? c : c.value) === AREAS[0].title);

/** Areas that decide the recommendation on their own; for ongoing pain or "not sure" the approach decides. */
const DECIDES = new Set<Area>(['muscles', 'posture', 'internal']);

/** "So which one?", "you tell me", "dunno": the patient leaves the choice to the bot (not sure / no preference). */
const LEAVES_IT =
  /^(so |ok |okay |and |well )?which\s*$|\b(tell me which|which one|which should|which 1|what do you (think|reckon|suggest|recommend)|you (tell me|choose|pick|decide)|up to you|(just )?(pick|choose) (one|for me)|whichever|dunno|no idea|not sure|dont know|do not know|(id|i would|i d) rather not (say|tell|go into it|get into it)|prefer not to (say|tell)|not telling|dont mind|do not mind|doesnt matter|does not matter|no preference|nothing else|none else|nothing more|no more|thats it|that is it|thats all|that is all|thats about it|just that|only that)\b/;

/**
 * What a typed answer to one of the two questions means, if it means one of the options. An answer that leaves the
 * choice to the bot ("dunno, you pick") or only denies something ("no muscular problems") goes by what the
 * conversation has told so far.
 */
function typedAnswer(isAreaPrompt: boolean, r: Told, told?: Concerns): string | undefined {
  const leaves = LEAVES_IT.test(plainForm(r.text)) || mentionsConcerns(r.text, r.conditions);
  const sofar = leaves ? leadingArea(told) : undefined;
  // ("I'd like something to rebalance my energy": no area, but the approach told, which then decides; not a question)
  const approachOnly = questionCount(r.text) === 0 && (turnedDown(r.text) ?? matchSynonyms(APPROACHES.slice(0, 2), r.text)) !== undefined;
  if (isAreaPrompt)
    return toldArea(r) ?? matchSynonyms(AREAS.slice(3), r.text) ?? (leaves ? (sofar ?? 'unsure') : approachOnly ? 'unsure' : undefined);
  return toldApproach(r) ?? (sofar === 'internal' ? 'chinese' : sofar ? 'western' : leaves ? 'none' : undefined);
}

/** The area question (what the patient mainly wants help with), led by `text`, with the areas as choices. */
function askArea(step: WaterfallStepContext, outcome: 'answered' | 'clarify', text: string): Promise<DialogTurnResult> {
  return step.prompt(AREA_PROMPT_ID, {
    prompt: reply(step.context, outcome, text, { intent: INTENT }),
    retryPrompt: reply(step.context, undefined, AREA_EXPLAINED, { intent: INTENT }),
    choices: ChoiceFactory.toChoices(AREAS.map((a) => ({ value: a.title, synonyms: a.synonyms }))),
  });
}

export class WhichTreatmentDialog extends InterruptibleDialog {
  constructor(deps: DialogDependencies) {
    super(WHICH_TREATMENT_DIALOG, deps, INTENT);
    for (const id of [AREA_PROMPT_ID, APPROACH_PROMPT_ID]) {
      // Choice values are the button titles (Teams' hero card buttons show the value); steps map them back.
      const prompt = new ClinicChoicePrompt(id, (p) => this.validate(p));
      prompt.style = ListStyle.auto;
      this.addDialog(prompt);
    }
    this.addDialog(new WaterfallDialog(WATERFALL, [(s) => this.areaStep(s), (s) => this.approachStep(s), (s) => this.resultStep(s)]));
    this.initialDialogId = WATERFALL;
  }

  private async areaStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // What the patient already said decides the answer ("desk job, tight shoulders: which suits me?").
    const { recognition } = await this.deps.turns.understand(step.context);
    const before = await this.deps.turns.context(step.context);
    // "for someone who has both IBS and fibromyalgia": each problem's treatment, then which matters most (never one
    // treatment named beside the other's condition).
    const twoWays = splitByList(this.deps.knowledge, recognition);
    if (twoWays)
      // (it answers for each problem, and asks which matters most)
      return askArea(step, 'answered', twoWaysPrompt(twoWays.internal, twoWays.body));
    // ("tight muscles from work AND I'm not sleeping well": a problem for each, in words, not conditions)
    const bothWays = toldBothWays(recognition.text);
    if (bothWays) return askArea(step, 'answered', twoWaysPrompt(bothWays.internal, bothWays.body));
    const told = toldArea(recognition);
    if (told) return this.answer(step, told, toldApproach(recognition) ?? 'none');
    // What earlier messages told ("my forearms are tight from climbing" ... "so which one?").
    const earlier = leadingArea(before.told);
    if (earlier) return this.answer(step, earlier, toldApproach(recognition) ?? 'none');
    // "Which would you recommend for someone who'd like a more traditional, holistic approach?": the approach told
    // outright decides, as it does for ongoing pain.
    const approach = toldApproach(recognition);
    // (both named, "…centuries old. Acupuncture or dry needling?", is the choice between them too)
    // ("I'm not into the chi and energy stuff. Which one's for me?": the one whose words are turned down is no choice)
    // ("the needles can work on your energy flow. Which one of yours does that?": a treatment only implied by its words is none named)
    // ("…, my grandmother had acupuncture…, whereas my physio offered me dry needling. Which fits what I'm after?": both
    // named, one of them also by its words, is no one named)
    const namedOne = recognition.treatments.length === 1 && !recognition.implied?.includes(recognition.treatments[0]);
    if (approach && approach !== 'none' && (!namedOne || turnedDown(recognition.text) !== undefined)) return this.answer(step, 'unsure', approach);
    // "So which one?" right after a recommendation: say it again instead of asking the same questions again.
    if (before.lastIntent === INTENT && before.lastAnswered) {
      await this.deps.turns.remember(step.context, INTENT, { treatment: before.lastAnswered });
      await say(step.context, 'answered', suitsAgainText(before.lastAnswered), {
        intent: INTENT,
        suggestions: [SUGGESTIONS.book, SUGGESTIONS.difference, SUGGESTIONS.person],
      });
      return step.endDialog();
    }
    return askArea(step, 'clarify', AREA_PROMPT);
  }

  private async approachStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const area = AREAS.find((a) => a.title === (step.result as FoundChoice | undefined)?.value)?.value;
    if (!area) return step.endDialog({ interrupted: true });
    // ("I can't sleep AND my lower back aches" in answer to what they would like help with: each problem's treatment,
    // then which matters most, as when it is told first; not the approach question, which has no answer for both)
    const { recognition } = await this.deps.turns.understand(step.context);
    // (the questions start again from this message, which answers for each and asks which matters most)
    if (splitByList(this.deps.knowledge, recognition)) return step.replaceDialog(WATERFALL);
    if (DECIDES.has(area)) return this.answer(step, area, 'none');
    // ("I'd like something to rebalance me, my energy is off": the answer already tells the approach)
    const approach = toldApproach(recognition);
    if (approach && approach !== 'none') return this.answer(step, area, approach);
    (step.values as Record<string, unknown>).area = area;
    return step.prompt(APPROACH_PROMPT_ID, {
      prompt: reply(step.context, 'clarify', area === 'chronic' ? CHRONIC_APPROACH_PROMPT : APPROACH_PROMPT, { intent: INTENT }),
      retryPrompt: reply(step.context, undefined, APPROACH_EXPLAINED, { intent: INTENT }),
      choices: ChoiceFactory.toChoices(APPROACHES.map((a) => ({ value: a.title, synonyms: a.synonyms }))),
    });
  }

  private async resultStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const approach = APPROACHES.find((a) => a.title === (step.result as FoundChoice | undefined)?.value)?.value;
    if (!approach) return step.endDialog({ interrupted: true });
    return this.answer(step, (step.values as Record<string, unknown>).area as Area, approach);
  }

  private async answer(step: WaterfallStepContext, area: Area, approach: Approach): Promise<DialogTurnResult> {
    const { knowledge } = this.deps;
    const { treatment, why } = recommend(knowledge, area, approach);
    const { question, recognition } = await this.deps.turns.understand(step.context);
    // The condition this message names (unless it denies it: "no sleep troubles"), else the one told earlier in the
    // conversation ("Sore Achilles for 3 months" … "just the tendon, which?").
    const toldBefore = (await this.deps.turns.context(step.context)).toldCondition;
    // (a narrower thing the list covers by a broader name, "since my hip replacement", is affirmed or denied like any other)
    const asTold = question.condition ? [{ ...question.condition, value: { ...question.condition.value, partial: false } }] : [];
    const affirmed = affirmedConditions(recognition.text, asTold).length > 0;
    // (an earlier one listed for the other treatment is left out: "poor sleep and a sore back" … "the back is what bothers
    // me most" is not "our article lists insomnia (for acupuncture)" before recommending dry needling)
    const agrees = (c: ConditionRef) => treatment === 'both' || c.list === treatment;
    const earlier = toldBefore && agrees(toldBefore) ? { value: toldBefore, text: toldBefore.name } : undefined;
    const condition = question.condition && affirmed ? question.condition : earlier;
    await this.deps.turns.remember(step.context, INTENT, { treatment, ...(condition ? { condition } : {}) });
    const lists = condition?.value.list === 'acupuncture' ? 'acupuncture' : 'dry needling';
    // ("since my hip replacement": the closest listed condition, Post-surgical pain; a broader word of acupuncture's,
    // "digestive issues" for IBS, is no listed condition and is not named here)
    const closest = condition?.value.partial && condition.value.list === 'dryNeedling';
    const listed =
      condition && (!condition.value.partial || closest)
        ? `${claimText(knowledge, condition.value.described || closest ? 'suitsDescribed' : 'suitsListed', { name: condition.value.name, lists })} `
        : '';
    await say(step.context, 'answered', listed + suitsText(treatment, why), {
      intent: INTENT,
      suggestions: [SUGGESTIONS.book, SUGGESTIONS.difference, SUGGESTIONS.person],
    });
    return step.endDialog();
  }

  /**
   * A question of its own that picks no option ("does it hurt?", asked at either question) ends the questions so the
   * main dialog answers it, however unsure the classifier is: every other message is taken as an answer (see validate).
   */
  protected interrupts(r: Recognition): boolean {
    if (ABOUT_THE_QUESTION.test(plainForm(r.text))) return false;
    const picksNothing = typedAnswer(true, r) === undefined && typedAnswer(false, r) === undefined;
    // ("what would you mainly like help with?" … "Asthma."): a condition the lists do not name is said to be unlisted, not
    // taken for "not sure".
    const namesUnlisted = r.intent === 'condition_query' && r.conditions.length === 0 && r.unlistedMention && r.reason === 'classified';
    return super.interrupts(r) || (picksNothing && (questionCount(r.text) > 0 || namesUnlisted));
  }

  /**
   * A described problem ("it's my lower back mostly") answers "what would you like help with?", and "so which one?"
   * leaves the choice to the bot: neither interrupts the questions as a new question.
   */
  protected answers(innerDc: DialogContext, understanding: TurnUnderstanding): boolean {
    if (super.answers(innerDc, understanding)) return true;
    const choices = (innerDc.activeDialog?.state as { options?: PromptOptions } | undefined)?.options?.choices;
    if (!choices?.length) return false;
    return typedAnswer(isArea(choices), understanding.recognition) !== undefined;
  }

  private async validate(prompt: PromptValidatorContext<FoundChoice>): Promise<boolean> {
    // A tapped button is the option itself.
    const tapped = prompt.options.choices?.some((c) => (typeof c === 'string' ? c : c.value) === prompt.context.activity.text?.trim());
    if (prompt.recognized.succeeded && tapped) return true;
    // Typed answers in the patient's words ("mostly my gut and sleep", "no muscle pain, it's all internal", "dunno, you
    // pick") are read as a whole: the choice recognizer alone would take any one word ("pain") for its option.
    const { recognition } = await this.deps.turns.understand(prompt.context);
    const isAreaPrompt = isArea(prompt.options.choices ?? []);
    const typed = typedAnswer(isAreaPrompt, recognition, (await this.deps.turns.context(prompt.context)).told);
    // "what do you need to know?": the question again, with why it is asked (the retry prompt)
    if (typed === undefined && ABOUT_THE_QUESTION.test(plainForm(recognition.text))) {
      setOutcome(prompt.context, 'clarify', INTENT);
      return false;
    }
    const options: Array<{ value: string; title: string }> = isAreaPrompt ? AREAS : APPROACHES;
    if (typed === undefined && prompt.recognized.succeeded) return true;
    // An answer that picks no option ("the back is what bothers me most" when asked about approaches, "i just feel
    // rubbish") is taken as "not sure" / "no preference": the patient gets the article's recommendation for what they
    // told, never the same question again ("please choose one of the options" read as a refusal).
    const title = options.find((o) => o.value === (typed ?? (isAreaPrompt ? 'unsure' : 'none')))?.title;
    prompt.recognized.value = { value: title ?? options[0].title, index: 0, score: 1 };
    return true;
  }
}

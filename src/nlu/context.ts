/**
 * Conversation context: follow-ups resolve against the treatment and condition talked about last.
 * "what about golfer's elbow?" keeps the treatment; "does it help sciatica?" after dry needling
 * means dry needling; "can it help with that?" after "I have plantar fasciitis" means plantar fasciitis.
 */
import type { ConditionRef, FoundEntity, TreatmentId } from './analyse';
import { mentionsConcerns, type Concerns } from './concerns';
import type { Recognition } from './recognizer';
import { plainForm, withoutLeadingFiller } from './normalize';

/** The other treatment asked of the condition just answered ("would acupuncture be any different for it?"). */
const OTHER_FOR_IT =
  /^(?!.*\b(better|best|worse|than|or)\b).*(\b(any different|different|work|help|do anything|also|too|as well)\b.*\b(for|with|on) (it|that|this|them)\b|\b(for|with|on) (it|that|this|them) (too|as well|instead)\b)/;

/** "is that with the acupuncture or the dry needling?", "is that the acupuncture or the dry needling?", "is that the needles in the muscles one or the chinese one?" right after a condition: which treatment lists it. */
const WHICH_ONE_FOR_IT =
  /\b(is|was|would|will|do|does) (that|it|this|they|you) (be )?((with|by|using|done with|done by|treated with|for|use|do) )?(the )?(acupuncture|acu|dry needling|dn|needling) or (the )?(acupuncture|acu|dry needling|dn|other one|other treatment|other kind)\b(?! (that|which|who)\b)|\bwhich (one|treatment|of the two|of them)( is| would be| do you use| would you use)? (for )?(that|it|this)\b|\bwhich (one|1|treatment|of the two|of them) (is|was|would|will) (that|it|this)( be)?\b(?! (for|like|about|when|if)\b)|\b(is|was|would|will) (that|it|this) (be )?(with |for |done with )?the( \w+){1,5} (one|kind|type) or the( \w+){1,4} (one|kind|type)\b/;

/** A message as the follow-up patterns read it: lower case, apostrophes and hyphens as spaces ("the needles-in-the-knots one"). */
const saidForm = (text: string) => text.toLowerCase().replace(/[’'-]/g, ' ');

/** What the conversation is about, kept in conversation state between turns. */
export interface ClinicContext {
  lastTreatment?: TreatmentId;
  lastCondition?: ConditionRef;
  lastIntent?: string;
  /** The article passage answered last, so "and acupuncture?" can answer the same point for the other treatment. */
  lastPassage?: string;
  /** The treatment the last answer was about, "both" included (a recommendation of either), for "so which one?". */
  lastAnswered?: TreatmentId | 'both';
  /** What the patient has told about their problem so far (muscles, posture, internal), for "which suits me?". */
  told?: Concerns;
  /** The listed condition the patient last named or described and did not deny, for the recommendation to name. */
  toldCondition?: ConditionRef;
  /** The body part of a complaint told only by where it is ("my wrist"), asked about more right after. */
  lastPlace?: string;
  /** The thing not on the lists that the last answer was about ("gout"), for "does it count under osteoarthritis?". */
  lastUnlisted?: string;
}

/** Intents a short follow-up naming only a treatment ("and acupuncture?", "what about the other one?") repeats. */
// ("how much is acupuncture?" … "what about dry needling then?": what the article does not cover, for the other one too)
const REPEATABLE = new Set(['what_is', 'how_it_works', 'uses', 'condition_query', 'not_covered']);
/** Intents that a short message still means on its own, whatever was asked before. */
const OWN_MEANING = new Set(['booking', 'contact', 'human', 'not_covered', 'thanks', 'greeting', 'help', 'difference', 'similarity', 'which_suits']);
// ("what is dry needling based on?" … "what about the other one?" … "and how long has the first one been around?": the one
// talked about before the last, which of two is the other)
const OTHER_ONE = /\bother (one|treatment|kind|type|thing)\b|\bthe other\b|\bthe (first|former|earlier|previous|original) (one|1|treatment)\b/;
const MAX_ELLIPSIS_WORDS = 6;
/** "and how old is the other one?": a follow-up about "the other one" may be a little longer. */
const MAX_OTHER_ONE_WORDS = 10;
/** Words that compare the two treatments ("is the other one better?", "what's the difference"). */
const COMPARING = /\b(difference|different|differ|same|similar|compare|compared|comparison|vs|versus|better|worse|than|between|both)\b/;
const ELLIPSIS_START =
  /^(and|what about|how about|same for|same with|but|or|also|ok and|ok what about|so|i meant|i mean|meant|sorry i meant|no i meant|oops i meant)\b/;
/** Chat fillers around an elliptical follow-up ("lol", "pls", "i meant"), not counted as its words. */
const ELLIPSIS_FILLERS =
  /^((sorry|oops|no|nah|oh)[,!.]? )*(i meant|i mean|meant)\b|[\s,.!?]+(lol|haha|hehe|pls|please|plz|thanks|ta|mate|sorry)[\s.!?]*$/gi;

/**
 * An elliptical follow-up: a short message naming only a treatment, or "the other one", after an answer about a
 * treatment, asks the same question about that treatment ("and acupuncture?", "what about the other one?",
 * "would it do my knee too?" is handled by the condition and "it" already). Returns the recognition to route.
 */
/** "the headaches that come with it", "I also get…": a complaint said to go with the one talked about. */
const WITH_IT = /\b(with it|with that|with them|come with|comes with|came with|that go with|goes with|along with|as well|also|too)\b/;

/**
 * "I also get headaches that come with it" after neck pain: the listed condition that is the one talked about and
 * names the new complaint too (Neck pain and tension headaches), rather than another that names it (Migraine and
 * tension-type headaches).
 */
function sameConditionGoingWith(r: Recognition, ctx: ClinicContext): Recognition {
  const last = ctx.lastCondition;
  const now = r.conditions[0];
  if (!last || !now || r.conditions.length !== 1 || now.value.name === last.name || !WITH_IT.test(r.text.toLowerCase())) return r;
  const said = now.text.toLowerCase().replace(/s$/, '');
  if (said.length < 4 || !last.name.toLowerCase().includes(said)) return r;
  return { ...r, conditions: [{ ...now, value: last }] };
}

/** "would acupuncture work too?", "…for that as well?": the same thing asked of another treatment. */
const ALSO_FOR_IT = /\b(too|also|as well|instead|either|for (it|that|this|them|mine|me))\b/;

/** "so is that on your list then?", "is there anything on your list for me?": the complaint talked about, asked of the list. */
const ON_LIST_FOR_IT =
  /\b(that|it|this|mine|me|anything|something)\b.*\b(on|in) (the|your|ur|that) list\b|\b(on|in) (the|your|ur|that) list (for|that (suits|fits|covers|helps)) (me|mine|that|it|this)\b/;

/**
 * "ok cool, is that the one from the 1980s?", "does it use meridians then?" right after an answer about one treatment:
 * "that" is the treatment just answered about (a recommendation included).
 */
const THAT_ONE_ASKED =
  /^((ok|okay|cool|right|great|thanks|thank you|ta|so|and|oh|ah|hmm)[,.!]* )*((is|was) (that|it|this) (the )?(\w+ )?(one|treatment|kind)|(is|was|does|did|has|would|will) (that|this) (one|treatment))\b/;
/** Intents a question about "that one" is not, whatever the model made of its other words. */
const NOT_A_QUESTION = new Set(['thanks', 'greeting', 'None', 'out_of_scope']);

function aboutThatOne(r: Recognition, ctx: ClinicContext): Recognition {
  // ("acupuncture or dry needling for my shoulder?" … "is that the newer one?": the list the condition answered is on)
  const last =
    ctx.lastAnswered && ctx.lastAnswered !== 'both' ? ctx.lastAnswered : ctx.lastIntent === 'condition_query' ? ctx.lastCondition?.list : undefined;
  // ("is that the one from China?" after dry needling: the other one's concept, which says whose it is)
  if (!last || r.treatments.length > 0 || (r.implied?.length ?? 0) > 0 || r.conditions.length > 0 || r.unlistedText || r.notCovered) return r;
  // ("so is that the chinese one?": whose tradition it is, which the topic answers say)
  const said = withoutLeadingFiller(r.text.toLowerCase().trim());
  if (!THAT_ONE_ASKED.test(said) || /\b(chinese|china|western|eastern|asian|ancient|traditional)\b/.test(said)) return r;
  return {
    ...r,
    treatments: [last],
    refersBack: true,
    ...(NOT_A_QUESTION.has(r.intent) ? { intent: 'how_it_works', reason: 'classified' as const, score: 1 } : {}),
  };
}

/** "why do they hurt so much?", "what's in them?" right after a passage about trigger points: "they" are what the passage was about. */
// ("and whats in them that makes them so sore?", "what causes them?": what they hold or what makes them so, asked too)
const WHY_THEY =
  /^((and|so|but|ok|okay|hmm)[,]? )?((why|how) (do|does|did|would|can|could|is|are)|what( i|)s (in|inside)|what (is|are) (in|inside)|whats (in|inside)|what (makes|causes|made|caused)) (they|it|them|those|these|that)\b/;
const MAX_WHY_THEY_WORDS = 10;

function whyAfterPassage(r: Recognition, ctx: ClinicContext): Recognition {
  if (!ctx.lastPassage || !ctx.lastTreatment || r.treatments.length > 0 || r.conditions.length > 0 || r.unlistedText) return r;
  const said = r.text.toLowerCase().trim();
  if (said.split(/\s+/).length > MAX_WHY_THEY_WORDS || !WHY_THEY.test(said)) return r;
  return { ...r, intent: 'how_it_works', reason: 'classified', score: 1, treatments: [ctx.lastTreatment], refersBack: true };
}

/**
 * "yeah is needling any good for it, or should I just keep going with the stretching and my orthotics?": whether needling
 * helps "it" (the condition talked about), then what else the patient could keep doing instead: the question is of "it".
 */
const FOR_IT_OR_ELSE =
  /^((yeah|yes|yep|ok|okay|so|and|but|right|hmm|um) )*(is|are|would|will|does|do|can|could) (the )?(needling|needles|dry needling|acupuncture|acu|dn|it|that|this|you|u)( \w+)? (any good|any use|good|worth it|worth trying|worth a go|help|helpful|work|useful|do anything)( at all)? (for|with|on) (it|that|this|them)( at all| though| tho)?[,.]? or (should|do|would|could|shall|can|is it better( to| if)?) (i|we)?\b/;

/**
 * A question of the condition just answered that names none: "is that on your list?", "is that with the acupuncture or
 * the dry needling?", and "would acupuncture be any different for it?" (the other treatment asked of it).
 */
function asksOfLastCondition(r: Recognition, ctx: ClinicContext): boolean {
  if (!ctx.lastCondition || r.conditions.length > 0 || r.unlistedText) return false;
  const said = saidForm(r.text);
  return (
    (r.treatments.length <= 1 && ON_LIST_FOR_IT.test(r.text.toLowerCase())) ||
    WHICH_ONE_FOR_IT.test(said) ||
    (ctx.lastIntent === 'condition_query' && r.treatments.length === 1 && !r.unlistedMention && OTHER_FOR_IT.test(said)) ||
    // ("What's myofascial pain syndrome?" then "do you needle it?": whether the clinic treats it)
    // ("ye so can you needle it": after the fillers it opens with)
    (ctx.lastIntent === 'condition_query' && TREATS_IT.test(withoutLeadingFiller(said.replace(/\s+/g, ' ').trim())))
  );
}

/** "the other one, on the inside of the elbow": the other one placed on the body. */
const OTHER_PLACED =
  /\bthe other (one|1)\b[, ]+(on|at|in|round|around|down) (the )?(inside|outside|other side|inner|outer|front|back|top|bottom|underside)\b/;

/** "is it Chinese like acupuncture then?": "it" asked of, the treatment named only to compare with. */
const IT_LIKE_THE_OTHER =
  /\b(is|was|does|did|isn t|wasn t) (it|that|this|that one|this one) (\w+ ){0,4}(like|as|same as|similar to|just like) (acupuncture|dry needling|acu|dn)\b/;

/** A question of "it" that names the other treatment only to compare: about the treatment talked about last. */
function itLikeTheOther(r: Recognition, ctx: ClinicContext): Recognition {
  if (!ctx.lastTreatment || r.treatments.length !== 1 || r.treatments[0] === ctx.lastTreatment) return r;
  return IT_LIKE_THE_OTHER.test(saidForm(r.text)) ? { ...r, treatments: [ctx.lastTreatment] } : r;
}

/** "the Chinese one", "the newer one": a treatment pointed to by what it is. */
const ACUPUNCTURE_BY_KIND = /\bthe (chinese|eastern|ancient|traditional|older|oldest) (one|1|kind|type|treatment|practice)\b/;
const DRY_NEEDLING_BY_KIND = /\bthe (western|modern|newer|newest|more recent) (one|1|kind|type|treatment|practice)\b/;

/**
 * "the Chinese one, is that one much older?" after the difference: the treatment the words point to, when the message
 * names no treatment and points to only one of the two.
 */
function pointedByKind(r: Recognition): Recognition {
  if (r.treatments.length > 0 || (r.implied?.length ?? 0) > 0) return r;
  const said = saidForm(r.text);
  // ("is that the chinese one?" asks whether what was talked about is it: the answer says whose it is)
  // ("which one was the chinese one again?" asks which it is: the answer names it)
  if (
    /\b(is|was|isn t|isnt|wasn t) (that|it|this|that one|this one|dry needling|acupuncture|dn|acu)( (also|really|then|actually))? the\b/.test(said) ||
    /\bwhich( one| 1| treatment| of them| of the two)? (is|was|s|would be)( \w+)? the\b/.test(said)
  )
    return r;
  const acu = ACUPUNCTURE_BY_KIND.test(said);
  const dn = DRY_NEEDLING_BY_KIND.test(said);
  if (acu === dn) return r;
  return { ...r, treatments: [acu ? 'acupuncture' : 'dryNeedling'] };
}

export function followUp(r: Recognition, ctx: ClinicContext): Recognition {
  r = whyAfterPassage(aboutThatOne(sameConditionGoingWith(itLikeTheOther(pointedByKind(r), ctx), ctx), ctx), ctx);
  // (whatever else is named after the "or", a thing not covered or not listed: "…, or should I stick with my insoles?")
  const forItOrElse = !!ctx.lastCondition && r.conditions.length === 0 && FOR_IT_OR_ELSE.test(saidForm(r.text).replace(/\s+/g, ' ').trim());
  if (forItOrElse || asksOfLastCondition(r, ctx))
    return {
      ...r,
      intent: 'condition_query',
      reason: 'classified',
      score: 1,
      refersBack: true,
      ...(forItOrElse ? { unlistedMention: false, unlistedText: undefined, notCovered: undefined } : {}),
      ...(WHICH_ONE_FOR_IT.test(saidForm(r.text)) ? { whichListAsked: true } : {}),
    };
  // "I have fibromyalgia" … (dry needling recommended) … "would acupuncture also work?": a condition question naming the
  // other treatment and no condition, right after a recommendation for a condition, is about that condition.
  if (
    ctx.lastIntent === 'which_suits' &&
    ctx.lastCondition &&
    (r.intent === 'condition_query' || (r.intent === 'uses' && ALSO_FOR_IT.test(r.text.toLowerCase()))) &&
    r.conditions.length === 0 &&
    r.treatments.length === 1 &&
    !r.unlistedMention &&
    !r.unlistedText
  )
    return { ...r, intent: 'condition_query', refersBack: true };
  // "what about the other treatment, does that help digestion?": whatever its length, "the other one" is the treatment
  // not talked about last.
  // "and how old is the other one?" reads like a comparison to the model; with no comparing word it asks about the other.
  // ("is the other one better for what?" asks what it is for: no comparison)
  // ("And the other one you mentioned, how does that one work? Is it the same idea?": how the other works, asked; whether
  // it is the same idea is what the answer shows)
  const comparing = COMPARING.test(
    saidForm(r.text)
      .replace(/\b(better|good|best) for (what|wat|which)\b/, ' ')
      .replace(/\b(is it|is that|it s|its) (the same|a similar) (idea|way|principle|theory|thing|concept)\b/, ' '),
  );
  // ("what about the other one, on the inside of the elbow?" after tennis elbow: the other condition, placed, not the other treatment)
  // ("what about the other one, where it hurts on the inside of the elbow instead?": after a condition's answer, a
  // message naming another condition by where it hurts is about that condition, whatever its wording)
  // ("would the other treatment help with that?": the other treatment, said so)
  const otherTreatmentSaid =
    /\bother (treatment|therapy|needling|option|method|technique|practice|approach|kind of needling|type of needling)\b/.test(r.text.toLowerCase());
  const otherCondition =
    ctx.lastIntent === 'condition_query' &&
    ctx.lastCondition !== undefined &&
    r.conditions.length > 0 &&
    r.treatments.length === 0 &&
    r.conditions.every((c) => c.value.name !== ctx.lastCondition?.name);
  const otherPlace = r.conditions.length > 0 && (OTHER_PLACED.test(r.text.toLowerCase()) || (otherCondition && !otherTreatmentSaid));
  if (otherCondition && OTHER_ONE.test(r.text.toLowerCase()) && !comparing && !otherTreatmentSaid)
    return { ...r, intent: 'condition_query', reason: 'classified', score: 1 };
  // ("does the other treatment work on the chi as well?" after acupuncture: the treatment the concept points to is the one
  // answered last; the other one, said so, is asked about)
  const onlyImplied = r.treatments.length > 0 && r.treatments.every((t) => r.implied?.includes(t));
  if (ctx.lastTreatment && (r.treatments.length === 0 || onlyImplied) && OTHER_ONE.test(r.text.toLowerCase()) && !comparing && !otherPlace) {
    // ("which one's for muscles then" … "and the other one is better for what?": what the other one is for)
    const about =
      r.intent === 'difference' || r.intent === 'similarity'
        ? ctx.lastIntent && REPEATABLE.has(ctx.lastIntent)
          ? ctx.lastIntent
          : 'what_is'
        : r.intent === 'which_suits' && ctx.lastIntent === 'which_suits'
          ? 'uses'
          : r.intent;
    r = { ...r, intent: about, treatments: [ctx.lastTreatment === 'acupuncture' ? 'dryNeedling' : 'acupuncture'] };
  }
  if (!ctx.lastIntent || !REPEATABLE.has(ctx.lastIntent) || r.conditions.length > 0) return r;
  // ("the dry one lol", "i meant dry needling", "acupuncture pls": chat fillers around the treatment named add nothing)
  const wordCount = r.text.trim().replace(ELLIPSIS_FILLERS, '').trim().split(/\s+/).length;
  if (wordCount > (OTHER_ONE.test(r.text.toLowerCase()) ? MAX_OTHER_ONE_WORDS : MAX_ELLIPSIS_WORDS)) return r;
  // Elliptical: "and acupuncture?", "what about dry needling", "acupuncture?" or "the other one"; a full question
  // naming a treatment ("what conditions can dry needling treat?") is not.
  if (wordCount > 3 && !ELLIPSIS_START.test(r.text.trim().toLowerCase()) && !OTHER_ONE.test(r.text.toLowerCase())) return r;
  const other: TreatmentId | undefined =
    OTHER_ONE.test(r.text.toLowerCase()) && ctx.lastTreatment ? (ctx.lastTreatment === 'acupuncture' ? 'dryNeedling' : 'acupuncture') : undefined;
  // "the other one" reads like a comparison to the model, but after an answer about one treatment it means the other.
  if (
    r.reason === 'classified' &&
    OWN_MEANING.has(r.intent) &&
    r.score >= 0.8 &&
    !(other && (r.intent === 'difference' || r.intent === 'similarity')) &&
    // ("and the dry needling one?" after how long acupuncture has been around: one treatment named, nothing compared)
    !(
      r.treatments.length === 1 &&
      (r.intent === 'difference' || r.intent === 'similarity') &&
      // (after an unlisted condition there is no condition to carry: "what about acupuncture then?" after asthma)
      !(ctx.lastIntent === 'condition_query' && !ctx.lastCondition) &&
      !COMPARING.test(r.text.toLowerCase()) &&
      ELLIPSIS_START.test(r.text.trim().toLowerCase())
    )
  )
    return r;
  const treatments = other ? [other] : r.treatments;
  if (treatments.length !== 1) return r;
  return {
    ...r,
    intent: ctx.lastIntent,
    treatments,
    reason: 'classified',
    elliptical: true,
    refersBack: r.refersBack || ctx.lastIntent === 'condition_query',
  };
}

export type TreatmentChoice = TreatmentId | 'both';

export interface ResolvedQuestion {
  treatment?: TreatmentChoice;
  condition?: FoundEntity<ConditionRef>;
  treatmentFromContext: boolean;
  conditionFromContext: boolean;
}

/** "I've also got hay fever…", "she has asthma too": another problem told, which "that" then points to. */
const TELLS_ANOTHER =
  /\b(also|as well|too|another)\b.*\b(got|have|has|suffer|suffers|get|gets)\b|\b(got|have|has|suffer|suffers|get|gets)\b.*\b(also|as well|too)\b/i;

/** The needles named in general ("the needles", "needling"), no treatment by name. */
const NEEDLES_SAID = /\b(needles?|needling)\b/;

export function resolveQuestion(r: Recognition, ctx: ClinicContext): ResolvedQuestion {
  let treatment: TreatmentChoice | undefined;
  let treatmentFromContext = false;
  if (r.treatments.length > 1) treatment = 'both';
  else if (r.treatments.length === 1) treatment = r.treatments[0];
  else if (ctx.lastTreatment) {
    treatment = ctx.lastTreatment;
    treatmentFromContext = true;
  }

  let condition: FoundEntity<ConditionRef> | undefined = r.conditions[0];
  let conditionFromContext = false;
  // ("would it do my asthma as well?": "it" is the treatment; asthma, named and unknown, is what is asked about)
  // ("I've also got hay fever, would it help that?": "that" is the new thing told, which is not on the list)
  // ("would it do my wrist too?" after tennis elbow: the place named is what is asked about, not the condition before)
  if (!condition && r.refersBack && ctx.lastCondition && !r.unlistedText && !r.placeOnly && !(r.unlistedMention && TELLS_ANOTHER.test(r.text))) {
    // (a broader word answered before, "wake at 3am" for insomnia, is carried as the listed one: the words it was said in
    // are gone, and "does not mention “insomnia” specifically" would be nonsense)
    const { partial: _partial, ...carried } = ctx.lastCondition;
    condition = { value: carried, text: ctx.lastCondition.name };
    conditionFromContext = true;
  }
  // ("Also she is very stressed for the exams. The needles can help that too?" after dry needling for her neck): the
  // needles in general, asked of what only acupuncture's list names, are acupuncture's, as a general word is (analyse).
  if (
    treatmentFromContext &&
    treatment === 'dryNeedling' &&
    condition &&
    !conditionFromContext &&
    condition.value.list === 'acupuncture' &&
    NEEDLES_SAID.test(r.text.toLowerCase())
  )
    treatment = 'acupuncture';
  return { treatment, condition, treatmentFromContext, conditionFromContext };
}

/** The context after answering: what the user just named becomes "it" and "that" for the next turn. */
export function remember(
  ctx: ClinicContext,
  intent: string,
  q: Partial<ResolvedQuestion>,
  passage?: string,
  place?: string,
  unlisted?: string,
): ClinicContext {
  const next: ClinicContext = {
    ...ctx,
    lastIntent: intent,
    lastPassage: passage,
    lastAnswered: q.treatment,
    lastPlace: place,
    lastUnlisted: unlisted,
  };
  if (q.treatment && q.treatment !== 'both') next.lastTreatment = q.treatment;
  if (q.condition) next.lastCondition = q.condition.value;
  // (a thing not on the lists was talked about last, not the listed condition before it)
  else if (unlisted) next.lastCondition = undefined;
  return next;
}

const QUESTION_WORD = /^(what|whats|what's|why|how|which|who|when|where|does|do|is|are|can|could|would|will|should)\b/i;

function asksSomething(text: string): boolean {
  return /\?\s*$/.test(text) || QUESTION_WORD.test(withoutLeadingFiller(text.trim()));
}

/** Intents that say the message was not understood as a question of the clinic's. */
const NOT_UNDERSTOOD = new Set(['None', 'out_of_scope']);

/** Whether the recognizer did not understand the message as a question of the clinic's. */
export function notUnderstood(r: Pick<Recognition, 'intent'>): boolean {
  return NOT_UNDERSTOOD.has(r.intent);
}
/** "it", "that", "this": the thing talked about last. */
const POINTS_BACK = /\b(it|that|this)\b/i;

/** Whether a message points back to one thing with "it", "that" or "this" ("when was it invented?"). */
export function pointsBack(text: string): boolean {
  return POINTS_BACK.test(text);
}
/** Every word that points back, plural and possessive too ("they", "those", "its"): `POINTS_BACK` and more. */
const POINTS_AT_LAST = /\b(it|its|they|them|their|theyre|that|this|those|these)\b/i;

/**
 * Whether a message points back at what was talked about last in any number ("where are they found?" after trigger
 * points). Wider than `pointsBack`, whose one thing can stand in for the word; this only says the message refers back.
 */
export function pointsAtLast(text: string): boolean {
  return POINTS_AT_LAST.test(text);
}
/** "have it", "try it", "get it done": the treatment is what a patient has, tries or gets. */
const TREATMENT_HAD = /\b(have|having|get|getting|try|trying|start|starting|book|booking|undergo|receive) (it|that|this)\b/;
const MAX_POINTING_WORDS = 16;
const TREATMENT_NAMES: Record<TreatmentId, string> = { acupuncture: 'acupuncture', dryNeedling: 'dry needling' };

/**
 * A follow-up that is not understood on its own but points back ("what is it exactly though?" after a question about
 * dry needling's price, "what's the proper medical name for it?" after golfer's elbow): the message with its first
 * "it", "that" or "this" read as what was talked about last (the condition after a condition question, else the
 * treatment). Undefined when the message does not point back or there is nothing to point to.
 */
export function pointedBack(text: string, r: Recognition, ctx: ClinicContext): string | undefined {
  if (!NOT_UNDERSTOOD.has(r.intent) || r.conditions.length > 0 || r.treatments.length > 0) return undefined;
  if (text.trim().split(/\s+/).length > MAX_POINTING_WORDS || !POINTS_BACK.test(text)) return undefined;
  // A question ("so what is it exactly?"), not more told about the problem ("yes it is definitely muscular"), which the
  // recommendation's questions read.
  if (ctx.lastIntent === 'which_suits' || !asksSomething(text)) return undefined;
  // ("He's 15, is he old enough to have it?" after sports injuries: what is had, got or tried is the treatment)
  const treatmentHad = TREATMENT_HAD.test(saidForm(text)) && ctx.lastTreatment;
  const topic =
    ctx.lastIntent === 'condition_query' && ctx.lastCondition && !treatmentHad
      ? ctx.lastCondition.name
      : ctx.lastTreatment
        ? TREATMENT_NAMES[ctx.lastTreatment]
        : undefined;
  return topic ? text.replace(POINTS_BACK, topic) : undefined;
}

/**
 * "is that on the acupuncture list or the dry needling one?", "which list is it on?" after a condition was answered:
 * which list the condition talked about last is on, asked with "that" or "it". The message with the condition's name
 * for it; undefined when it asks no such thing, names another condition, or no condition was talked about.
 */
export function listAskedOfLast(text: string, r: Recognition, ctx: ClinicContext): string | undefined {
  const last = ctx.lastCondition;
  if (!last || ctx.lastIntent !== 'condition_query' || r.conditions.some((c) => c.value.name !== last.name)) return undefined;
  const said = saidForm(text);
  if (!LIST_OF_IT.test(said)) return undefined;
  return said.replace(POINTS_BACK, last.name.toLowerCase());
}
// ("is that a dry needling thing?": a thing of one treatment's, its list)
const LIST_OF_IT =
  /\b(is|s|isnt|is it|are) (that|it|this|they|those) (on|in|under|listed (on|in|under)|part of) (the|your|ur) (acupuncture|acu|dry needling|dn|needling) (list|one|side)\b|\b(is|s|isnt) (that|it|this) (a|an) (acupuncture|acu|dry needling|dn|needling) (thing|one|condition)\b|\bwhich list (is|s|are) (that|it|this|they) (on|in|under)\b|\b(on|in|under) which list\b/;

/** Which part or problem matters most ("the hip's the main thing", "focus on the knee", "way worse"). */
const MATTERS_MOST =
  'focus on|main (thing|one|problem|issue)|bothers me (most|more)|way worse|(the|my|top) priority|matters most|most important|(biggest|bigger) (issue|problem|thing|deal)';

/**
 * More told about the condition just talked about, in a message that asks nothing new: how long ("it's been like this
 * for 10 years", "comes and goes"), where ("mine's mostly in my fingers"), how it came about ("got it playing cricket if
 * that changes anything"), or which part matters most ("the leg pain is way worse"). Such a message is not a new
 * question the bot cannot answer: it carries the condition conversation on.
 */
const TELLS_DETAIL = new RegExp(
  [
    // how long, how often
    '\\b(for|about|over|nearly|almost|around|like|past|last)? ?(\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|few|a few|couple of|a couple of|several|many) (days?|weeks?|months?|years?|yrs?|decades?)\\b',
    '\\bfor (ages|years|months|weeks|decades|a while|a long time|ever)\\b',
    '\\b(since|ever since|comes and goes|on and off|flares? up|been like (this|that)|going on|keeps coming back|every (winter|summer|morning|night|day|week))\\b',
    // where
    '\\b(mine|mines|mine is|its|it is|it s) (is )?(mostly|mainly|more|only|just|all|right|worse|worst)\\b',
    '\\b(mostly|mainly|only|just) (in|on|at|around|down|up) (my|the)\\b',
    // how it came about
    '\\b(got it|did it|hurt it|injured it|started|happened) (from|playing|doing|at|during|after|when)\\b',
    '\\b(from|playing|after) (running|cricket|footy|football|soccer|netball|tennis|golf|the gym|gym|training|work|gardening|lifting|surgery|an operation|a fall|falling)\\b',
    // which part, a correction
    `\\b(i meant|meant my|not my|the worst|${MATTERS_MOST})\\b`,
    '\\b(if that|does that|would that) (changes?|matters?|makes? a difference|helps?)\\b',
    // what the patient does all day ("I sit all day, I'm a truck driver", "I run trails most weekends")
    '^(well |yeah |yes |oh |and |also |but )?(i|we) (sit|stand|run|walk|lift|type|drive|work|train|play|swim|cycle|ride|garden|climb|dance|surf|hike|carry|do a lot of|spend)\\b',
    '\\b(i m|im|i am) (a|an) (?!(bit|little|lot|few)\\b)\\w+( \\w+)?( by trade)?( and| so| who|$)',
  ].join('|'),
);
/** Intents the message still means on its own, whatever was said before (a booking, a price, a person). */
const OWN_BUSINESS = new Set(['booking', 'contact', 'human', 'not_covered', 'thanks', 'greeting', 'help']);
const MAX_DETAIL_WORDS = 20;

export function tellsMoreAboutCondition(r: Recognition, ctx: ClinicContext): boolean {
  if (ctx.lastIntent !== 'condition_query' || !ctx.lastCondition) return false;
  // ("the back is the bigger problem to be honest": a statement the model took for something not covered tells more)
  const toldNotAsked = r.intent === 'not_covered' && !r.notCovered && !r.text.includes('?') && !asksSomething(r.text);
  // (a price, an age or the clinic's staff asked, which the recognizer's own rules decided: "she's 80. Any age limits?")
  if (OWN_BUSINESS.has(r.intent) && (r.reason === 'classified' || r.reason === 'entity') && !toldNotAsked) return false;
  if (r.notCovered || r.treatments.length > 0 || r.unlistedText) return false;
  const understood = r.reason === 'classified' && !NOT_UNDERSTOOD.has(r.intent) && r.intent !== 'condition_query';
  // (a statement asks no question of the article, whatever the model made of it: "been like this for about 2 years now")
  if (understood && r.score >= 0.8 && (r.text.includes('?') || asksSomething(r.text))) return false;
  return tellsDetail(r.text);
}

/** "do you needle it?", "can you treat that too?": whether the clinic treats the thing just talked about. */
const TREATS_IT =
  /^(so |and |but |ok |okay |right |hmm )?(do|does|can|could|would|will|is|are) (you|u|ya|yous|you guys|your (team|practitioners?|physios?|therapists?)|the (needles|needling|clinic)|needling|acupuncture|dry needling|acu|dn)( guys| all)? (treat|needle|do|help( with)?|work (on|for)|fix|target|deal with|handle|use needles (on|for)|use (acupuncture|dry needling|needling) (on|for)|use (it|them) (on|for)|do anything (for|about))( it| that| this| them| those)( too| as well| at all| then| much| there)?\s*\??$/;

/**
 * "I sit all day, I'm a truck driver" right after a recommendation: more about the patient for the same choice, which
 * the model alone reads as off-topic.
 */
export function tellsMoreForChoice(r: Recognition, ctx: ClinicContext): boolean {
  if (ctx.lastIntent !== 'which_suits' || r.notCovered || r.treatments.length > 0) return false;
  // "the jaw is the worst of it", "the leg pain is way worse, let's focus on that": which of the problems told decides,
  // whatever the model made of the sentence.
  if (PRIORITY.test(saidForm(r.text)) && !(OWN_BUSINESS.has(r.intent) && r.reason === 'classified') && !asksSomething(r.text)) return true;
  // ("it's been going on for over a year, muscles feel really tight": told, not asked, though the model read an article
  // question into "for over a year")
  return (notUnderstood(r) || (TOLD_NOT_ASKED.has(r.intent) && !asksSomething(r.text))) && tellsDetail(r.text);
}

/** "and for internal stuff?", "what if it was more of a muscle thing?": the same choice put for another kind of problem. */
const CHOICE_PUT_AGAIN = /^(and|but|or|so|ok|okay)?\s*(what|how)? ?(about|for|if|abt)\b/;

/**
 * Right after a recommendation, the choice asked again for another kind of problem ("and for internal stuff?", "And if
 * it was more of an internal thing, like digestion?"): the recommendation for what this message tells, not a condition
 * question about the words.
 */
export function putsChoiceAgain(r: Recognition, ctx: ClinicContext): boolean {
  if (ctx.lastIntent !== 'which_suits' || r.treatments.length > 0 || r.notCovered) return false;
  const plain = saidForm(r.text).replace(/\s+/g, ' ').trim();
  return plain.split(' ').length <= 14 && CHOICE_PUT_AGAIN.test(plain) && mentionsConcerns(r.text, r.conditions);
}

/** Intents of questions about the article, which a message that asks nothing cannot be. */
export const TOLD_NOT_ASKED: ReadonlySet<string> = new Set(['how_it_works', 'what_is', 'uses', 'difference', 'similarity']);

/** "so you'd go with dry needling then?", "so it's acupuncture?": the pick said back, to be confirmed. */
const CONFIRMS_PICK =
  /^(ok |okay |right |and )?(so )?((you d|youd|you would|would you|you) (go with|go for|pick|choose|recommend|suggest|say)\b|(it s|its|it is|that s|thats|that is) (dry needling|acupuncture|dn|acu|the needling)( then| for me| for that| for it| you d recommend)?\s*\??$|(dry needling|acupuncture|dn|acu) (then|it is|for me|is the one|is better|would be better|is best)\s*\??$|(dry needling|acupuncture|dn|acu) or (dry needling|acupuncture|dn|acu)( then| for me| for that| for it| for this)?\s*\??$|which (one|1|treatment) (then|for me then)\s*\??$)/;

/**
 * The pick said back after a recommendation or a condition answer ("so you'd go with dry needling then?"): asks for the
 * recommendation again, not for a comparison or a clarification.
 */
export function confirmsPick(text: string, ctx: ClinicContext): boolean {
  if (ctx.lastIntent !== 'which_suits' && !(ctx.lastIntent === 'condition_query' && ctx.lastCondition)) return false;
  const plain = saidForm(text).replace(/\s+/g, ' ').trim();
  return plain.split(' ').length <= 10 && CONFIRMS_PICK.test(plain);
}

/** What the bot would decline a message as: not understood, not covered, or a condition question that names none. */
function wouldDecline(r: Recognition): boolean {
  return (
    notUnderstood(r) ||
    (r.intent === 'not_covered' && !r.notCovered) ||
    (r.intent === 'condition_query' && r.conditions.length === 0 && !r.unlistedText)
  );
}

/**
 * A statement right after a recommendation that names nothing new and that the bot would otherwise decline ("I'm sitting
 * at a desk about nine hours a day", "Couple of months now, no fall, just wear from the job"): more about the patient for
 * the same choice. It asks nothing, names no treatment, condition or unlisted thing, and is about the patient (I, my) or
 * tells a detail (how long, how it came about, which part matters most).
 */
export function addsToChoice(r: Recognition, ctx: ClinicContext): boolean {
  // (the condition of the recommendation, remembered, is nothing new)
  const newCondition = r.conditions.some((c) => c.value.name !== ctx.lastCondition?.name);
  if (ctx.lastIntent !== 'which_suits' || r.treatments.length > 0 || newCondition || r.unlistedText) return false;
  if (r.text.includes('?') || asksSomething(r.text) || !wouldDecline(r)) return false;
  return (
    /\b(i|im|i m|ive|my|me|mine)\b/i.test(r.text.replace(/[’']/g, ' ')) ||
    tellsDetail(r.text) ||
    PRIORITY.test(r.text.toLowerCase()) ||
    (r.text.trim().split(/\s+/).length <= MAX_DETAIL_WORDS && HOW_IT_FEELS.test(r.text.toLowerCase()) && !ASKING_WORD.test(r.text.toLowerCase()))
  );
}

/** A word that asks ("whats best", "which one"): such a message is a question, not more told. */
const ASKING_WORD = /\b(what|whats|which|how|why|who|should|best|better|recommend|suggest)\b/;

/** How the problem feels or when it comes ("No numbness, just aching.", "overhead mostly, feels like a pinch"). */
const HOW_IT_FEELS =
  /\b(ach\w*|pain\w*|sore\w*|hurts?|hurting|pinch\w*|numb\w*|tingl\w*|stiff\w*|tight\w*|throb\w*|sharp|dull|burn\w*|click\w*|swell\w*|swollen|weak\w*|cramp\w*|spasm\w*|overhead|at night|in the morning|when i)\b/;

/** Which of several problems matters most ("the hip's the main thing", "the jaw is the worst of it"). */
const PRIORITY = new RegExp(`\\b(worst|much worse|more of a problem|${MATTERS_MOST})\\b`);

/** "for the same thing?", "what about dry needling for that same problem?" */
const SAME_THING = /\b(for|with|on|about) (the same|that same|this same) (thing|problem|issue|condition|one|pain|complaint)\b/;

/** "and dry needling for the same thing?" right after a condition question: that condition, of the treatment named now. */
export function asksSameThing(text: string, r: Recognition, ctx: ClinicContext): boolean {
  return SAME_THING.test(text.toLowerCase()) && ctx.lastIntent === 'condition_query' && ctx.lastCondition !== undefined && r.conditions.length === 0;
}

/** "is that acupuncture or the other one?", "acupuncture or dry needling for that?": which treatment was meant. */
const WHICH_WAS_IT =
  /\b(is|was|s) (that|it|this|that one|the one) (with |for |about |using )?(acupuncture|acu|dry needling|dn|needling|the other one)( again)? or (the other( one)?|dry needling|acupuncture|dn|acu)\b|\b(acupuncture|acu|dry needling|dn) or (dry needling|acupuncture|dn|acu|the other( one)?) for (that|it|this|those|them)\b/;

/** "and is that the dry needle thing?", "is that acupuncture?": one treatment guessed as the one the last answer was about. */
const THAT_ONE_GUESSED =
  /^(and |so |ok |okay |oh |ah |right |sorry |wait )*(is|was|s) (that|it|this) (with |done with |using |by |for |about )?(the )?(acupuncture|acu|dry needling|dry needle|dn|needling|needle|chinese|western)( one| thing| kind| type| treatment| therapy| stuff)?( then| again)?$/;

/** Which treatment the last answer (about a condition or a recommendation) was about, asked again. */
export function asksWhichWasIt(text: string, ctx: ClinicContext): boolean {
  const said = text.toLowerCase().replace(/[’']/g, '');
  return guessesWhichItWas(text, ctx) || (WHICH_WAS_IT.test(said) && (ctx.lastIntent === 'condition_query' || ctx.lastIntent === 'which_suits'));
}

/** A guess of one treatment right after a condition's answer ("and is that the dry needle thing?" after insomnia). */
export function guessesWhichItWas(text: string, ctx: ClinicContext): boolean {
  return ctx.lastIntent === 'condition_query' && ctx.lastCondition !== undefined && THAT_ONE_GUESSED.test(plainForm(text));
}

/** Whether a short message tells how long, where, how it came about or which part matters most (TELLS_DETAIL). */
export function tellsDetail(text: string): boolean {
  return text.trim().split(/\s+/).length <= MAX_DETAIL_WORDS && TELLS_DETAIL.test(saidForm(text));
}

/** "how?", "why?", "how so?", "in what way?": asked right after an answer about one treatment, about that one. */
const BARE_HOW =
  /^\s*(ok\s+|okay\s+|but\s+|and\s+|so\s+)?(how|why|how so|how come|in what way|how exactly|how does that work|how does it work|why is that|how would that work|how would it work)\s*\??\s*$/i;

export function bareHowAbout(text: string, ctx: ClinicContext): TreatmentId | undefined {
  return BARE_HOW.test(text) && ctx.lastTreatment && ctx.lastIntent !== 'which_suits' ? ctx.lastTreatment : undefined;
}

/** "and for restless legs?", "what about gout?": the thing asked about in a short follow-up, if the message is only that. */
const ELLIPTICAL_THING =
  /^\s*(?:ok\s+|okay\s+)?(?:and|what about|how about|and what about|and how about)\s+(?:for\s+|with\s+)?(?:my\s+|a\s+|an\s+)?([^?.,!]{3,40}?)\s*\??\s*$/i;

export function ellipticalThing(text: string, ctx: ClinicContext): string | undefined {
  if (ctx.lastIntent !== 'condition_query') return undefined;
  return ELLIPTICAL_THING.exec(text)?.[1];
}

/**
 * "so that's a no then", "so it won't help?", "is that a yes or a no?" right after a condition answer: that answer,
 * asked to be said plainly. Answered with the same honest answer again (listed: which list; not listed: that the article
 * does not list it), never a new topic.
 */
const VERDICT_ASKED =
  /^(ok |okay |right |hmm |so |and |but )*((that is|thats|that s|is that|its|it s|it is|so thats) (a )?(no|yes|nope|yep|yeah|not a yes|not a no|a maybe|maybe)( then| or (a )?(no|yes)| or not)?|(no|yes|nope)( then)|(it|that|acupuncture|dry needling|needling|the needles|they|you) (will not|wont|would not|wouldnt|can not|cant|does not|doesnt|do not|dont|might not) (help|work|do anything|fix it|be any good|treat (it|that))( (then|for (it|that|me)|me))*|(you|u) (can not|cant|could not|couldnt) (help|say|tell)( (me|then|with (it|that)|either way))*|(is|so) (it|that) (a )?(yes|no)( or (a )?(no|yes))?|(so )?(can|will|would|does) (it|that|acupuncture|dry needling|needling) (help|work)( (or not|then|or no))+)$/;

/** "just give me a straight answer", "yes or no?": the verdict demanded, beside or instead of asked. */
const STRAIGHT_ANSWER =
  /^(ok |okay |so |and |but |please |pls |just |come on )*(((just |please )?(give|tell) me (a |the )?(straight|simple|direct|honest|clear|plain) (answer|yes or no|yes or no answer))|(a |just a )?(simple |straight )?yes or no( answer)?|(straight|simple|direct) answer)( please| pls| then| mate| thanks)*$/;

export function verdictAsked(text: string, ctx: ClinicContext): boolean {
  if (ctx.lastIntent !== 'condition_query') return false;
  // ("So is that a no? Just give me a straight answer.": each sentence asks for the verdict)
  const sentences = text
    .split(/(?<=[.?!])\s+/)
    .map(plainForm)
    .filter(Boolean);
  return sentences.length > 0 && sentences.every((x) => VERDICT_ASKED.test(x) || STRAIGHT_ANSWER.test(x));
}

/** Days and times of the week ("and weekends?", "what about saturdays", "evenings too?"). */
const WHEN_OPEN_AGAIN =
  /^(ok |okay |and |what about |how about |also |plus |so |then |but )*(on )?(the )?(weekends?|saturdays?|sundays?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|sat|sun|public holidays?|holidays|evenings?|nights?|mornings?|lunchtimes?|after hours|after work|late nights?|early mornings?)( too| as well| then)?$/;

/** "and weekends?" right after an opening-hours question: the same clinic detail, asked of other days. */
export function hoursAskedAgain(text: string, ctx: ClinicContext): boolean {
  return ctx.lastIntent === 'contact' && WHEN_OPEN_AGAIN.test(plainForm(text));
}

/**
 * "can u say that simpler pls", "sorry, in plain English?", "I don't get it", "pls keep it short lol": the last answer,
 * asked again in other words.
 */
const SAY_IT_AGAIN =
  /^(sorry |ok |okay |hmm |um |so |but )*((can|could|would) (you|u) (please |pls )?(say|explain|put|word|write) (that|it|this)( again)? (simpler|more simply|in simpler (words|terms)|in plain (english|words|language)|in english|in normal words|for a dummy|like im five|like i am five)|((in )?(simpler|plain|normal) (english|words|terms|language))|(i (do not|dont|did not|didnt) (understand|get|follow)( (that|it|any of that|what you said))?)|(what does (that|it) (mean|even mean))|(huh|eh|come again|say again|pardon)|((can|could|would) (you|u) )?(please |pls |plz )?(keep|make) (it|that) (short|shorter|brief|quick|simple)|(the )?(short|shorter|quick) version|tl ?dr|(in a nutshell|in (a|one) (sentence|line))|(sum|summ?ed) (it|that) up|summ?ari[sz]e( (it|that))?)( please| pls| plz| sorry| lol| haha| thanks| ta)*$/;

export function sayItAgainAsked(text: string, ctx: ClinicContext): boolean {
  return ctx.lastIntent !== undefined && SAY_IT_AGAIN.test(plainForm(text));
}

/** "is he right? 😂", "is that true?", "so is my mum wrong then": what someone told, which the last answer spoke to, checked. */
const CLAIM_CHECKED =
  /^(ok |okay |so |and |but |hmm |wait )*(is|was|are) (he|she|they|that|it|this|my \w+|the \w+) (right|correct|true|wrong|accurate|onto something)( (then|or not|or wrong|or what|about (that|it|this)))*( lol| haha| lmao)*$/;

/** Intents whose answer speaks to no claim about the treatments. */
const NO_CLAIM_ANSWERED = new Set(['greeting', 'thanks', 'help', 'None', 'out_of_scope']);

export function claimChecked(text: string, ctx: ClinicContext): boolean {
  return ctx.lastIntent !== undefined && !NO_CLAIM_ANSWERED.has(ctx.lastIntent) && CLAIM_CHECKED.test(plainForm(text));
}

/**
 * The recognition that asks the last answer's question again (`sayItAgainAsked`, `verdictAsked`, `claimChecked`): its
 * intent, the treatment and the condition talked about, or the thing not on the lists when that was the answer.
 */
export function lastAnswerAgain(r: Recognition, ctx: ClinicContext): Recognition {
  const aboutCondition = ctx.lastIntent === 'condition_query';
  const last = aboutCondition ? ctx.lastCondition : undefined;
  return {
    ...r,
    intent: ctx.lastIntent ?? r.intent,
    reason: 'classified',
    score: 1,
    treatments: ctx.lastTreatment ? [ctx.lastTreatment] : [],
    conditions: last ? [{ value: last, text: last.name }] : [],
    refersBack: true,
    unlistedMention: aboutCondition && !last,
    ...(last || !ctx.lastUnlisted ? {} : { unlistedText: ctx.lastUnlisted }),
  };
}

/** "and if he wanted to try the chi one instead?": the other treatment, wanted instead of the one recommended. */
const TRIED_INSTEAD =
  /\b(try|trying|tried|have|having|go with|going with|give|giving|book|booking|do|doing)\b.{0,30}\b(instead|rather|as well|too)\b/;

export function otherWantedInstead(r: Recognition, ctx: ClinicContext): boolean {
  return ctx.lastIntent === 'which_suits' && r.treatments.length === 1 && r.conditions.length === 0 && TRIED_INSTEAD.test(saidForm(r.text));
}

/** Whom to ask, asked right after an answer ("hmm ok. so who do i ask then", "ok so who can I talk to about it?"). */
// ("ok fair enough, who could I ask about it then?")
const WHO_TO_ASK =
  /^(ok |okay |hmm |so |right |and |but |well |then |fair enough |alright |all right |oh |ah |i see |got it |no worries |thanks |cheers )*(who|whom) (do|should|can|could|would|else do|else should|else can|else could) (i|we) (ask|talk to|speak to|speak with|talk with|chat to|chat with|contact|call|ring|email|message|go to|see|check with|get in touch with)( about (it|that|this|them|those))?( then| instead| now)?$/;
/** The next step checked back right after an answer ("so if mine isnt on there i should just ask?", "so I should call them then?"). */
const SHOULD_JUST_ASK =
  /\b(i|we) (should|could|can|would|will|ll|d better|better|need to|have to) (just )?(ask|call|ring|phone|contact|email|check with|speak to|talk to)( them| you| you guys| yous| the (practitioner|practitioners|clinic|team|staff|acupuncturist|physio)| one of (them|the practitioners|your practitioners|the team)| someone| somebody)?( then| first| instead| directly| about it| about that| about mine)?$/;

export function personAskedAfter(text: string, ctx: ClinicContext): boolean {
  const said = plainForm(text);
  return ctx.lastIntent !== undefined && (WHO_TO_ASK.test(said) || SHOULD_JUST_ASK.test(said));
}

/**
 * Several questions in one message, answered each in order: "can dry needling help my back and how much is a
 * session?" gets the back answer, then the honest "our team can tell you prices". Only questions answered in one
 * reply take part (a topic, a condition, the difference, something the article does not cover, contact details,
 * booking details); a message whose parts need a follow-up question, or that holds one question only, is left to
 * the main dialog's routing.
 */
import { TurnContext } from 'botbuilder';
import {
  bookingText,
  botIdentityText,
  clinicDetailsText,
  conditionsComparedText,
  conditionText,
  missingDetailText,
  notCoveredText,
  placeOnlyText,
  relatedPassageText,
  suitsText,
  topicText,
  unlistedConditionText,
} from '../src/bot/replies';
import { say } from '../src/bot/reply';
import type { Outcome } from '../src/turn/record';
import type { Knowledge, Passage, PassageRole } from '../src/knowledge/types';
import { passageWithRole, passagesWithRole } from '../src/knowledge/roles';
import type { TreatmentId } from '../src/nlu/analyse';
import {
  askedDetail,
  asksAboutStaff,
  asksHowItFeels,
  asksIfBot,
  asksWhatEachIsFor,
  asksWhichDecade,
  asksWhichIsOlder,
  asksWhichIsScientific,
  namesArticleConcept,
  SESSION_DETAIL,
  socialOnly,
  TIMING_ASKED,
  TREATMENT_WORD,
} from '../src/nlu/clinicQuestions';
import { recommend } from '../src/knowledge/claims';
import { leadingArea, toldConcerns } from '../src/nlu/concerns';
import { ResolvedQuestion, resolveQuestion, TOLD_NOT_ASKED, TreatmentChoice } from '../src/nlu/context';
import { beliefsTold, questionCount, questionParts, setAsideAfter, TELLS_WHAT } from '../src/nlu/multiQuestion';
import { cleanText, plainForm, words } from '../src/nlu/normalize';
import { nameTold } from '../src/nlu/askedAbout';
import { passagePicker } from '../src/nlu/passages';
import { HAD_IT_AT, HISTORY_TOLD, MEDICINE_FOR_COMPLAINT, SEEN_TOLD, TRIED_FOR_IT } from '../src/nlu/toldParts';
import { BARE_CHOICE, CHOICE_ASKED, IF_I_WANTED_WHICH, SUITS_WHOM } from '../src/nlu/choiceFrames';
import { asksSafeWhile, treatmentTurnedDown, understandingChecked, type Recognition } from '../src/nlu/recognizer';
import { unlistedOutcome } from './conditionDialog';
import { DialogDependencies } from './dependencies';

interface PartAnswer {
  intent: string;
  text: string;
  outcome: Outcome;
  question: Partial<ResolvedQuestion>;
  /** A part we could not answer, said so in its place. */
  unanswered?: boolean;
  /** The reply says something is not on the list of conditions. */
  unlisted?: boolean;
  /** A part about what another part told, answered there: it counts as a part but is not said. */
  unsaid?: boolean;
}

const TOPICS = new Set(['what_is', 'how_it_works', 'uses']);
/** "are sports injuries on it?", "is TMD listed?": a condition asked about the list. */
const ASKS_ON_LIST = /\b(on (it|the list|your list|ur list|there|that list|this list)|listed|included|in (it|there|the list))\b/i;
/** A part that is a question of its own ("do you take credit cards"), not a remark. */
/** A question about how or why something works ("what does lactic acid do…", "why do knots…"). */
// ("If I've got a knot, is it the trapped lactic acid that makes it hurt?": the question after a lead-in clause)
// ("…anyway so whats magnesium got to do with the needles", "…or something whats that about": a spoken question after
// what was told, its joint a word rather than a comma)
export const CONCEPT_QUESTION =
  /(^\s*|([,;:.?!\u2013\u2014]|\s-)\s*|\b(so|anyway|but|something|or)\s+)(what|whats|what's|why|how|does|do|where|is it|is that|is this|are they|is the|are the)\b/i;
// ("have had a bad back…", the rest of "I am 78 and have had…", tells: "have" asks only before whom it asks of)
// ("Did my back in at work.": an injury told, "did … in", not a question)
/** A question told as not understood or wondered about ("I don't really understand what…", "I'm not sure how…"), or asked for another ("My wife ask also if Medicare is paying for it."). */
const EMBEDDED_LEAD =
  /^\s*(and |but |so |honestly |sorry |also )?(i (do not|dont|don t) (really |quite |fully |totally |even )?(understand|know|get|follow)|i m not (really |quite |totally )?sure|im not (really |quite |totally )?sure|i am not (really |quite |totally )?sure|i (was |am |m )?(just )?wondering|i have no idea|no idea|(my \w+|he|she|they|we|mum|dad|my \w+ and i)( also| too)? (ask|asks|asked|is asking|was asking|are asking|want to know|wants to know|wanted to know|would like to know|wonders|wondered|is wondering|was wondering)( also| too| as well)?)\s+(?=(what|how|why|who|which|when|where|whether|if)\b)/i;
/** The part as the question it tells, a "?" added; the part itself when it tells none. */
function embeddedQuestion(part: string): string {
  const plain = part.replace(/[’']/g, ' ').replace(/\s+/g, ' ');
  if (part.includes('?') || !EMBEDDED_LEAD.test(plain)) return part;
  return `${plain.replace(EMBEDDED_LEAD, '').replace(/[.!\s]+$/, '')}?`;
}

/** A dose asked ("how many can I take", "How many I can take", "how much should she have"). */
const DOSE_ASKED =
  /\bhow (many|much)( \w+)?( (can|should|may|could|do) (i|she|he|we|they) | (i|she|he|we|they) (can|should|may|could) )(take|have|use|swallow)\b/i;

/** Intents whose answer is a topic's blurb, which a part that only tells (a treatment named in passing) does not ask for. */
const TOLD_TOPICS = new Set(['what_is', 'how_it_works', 'uses']);
/** "both of those", "they both", "all of them": things pointed at, named by no word of their own. */
const POINTERS_ONLY = /^((both|all|each|either|any) (of )?)?(them|those|these|they|it|that|this)( both| all)?$/i;

const ASKS =
  /^\s*((do|does)(?! (nothing|zip|zilch|nada|squat|bugger all|sweet (all|fa|nothing))\b)|did(?! (my|his|her|their|me|him|them) (\w+ ){0,2}(in|over)\b| (nothing|zip|zilch|nada|squat|bugger all|sweet (all|fa|nothing))\b)|can|could|should|shall|may|is|are|am|will|would|how|what|whats|when|where|who|why|which|(have|has) (you|u|i|we|they|he|she|it|there|anyone|anybody|any|people|patients)|wud|cud|shud|wat|wot|wats|hw|cn|wen|r (u|ya|you|they|there))\b(?!['’]t\b| not\b)|\?\s*$/i;

/** The passage that gives one treatment's age ("is acupuncture a modern treatment?", "when did dry needling start?"). */
export function agePassage(k: Knowledge, treatment: TreatmentId): Passage | undefined {
  return passageWithRole(k, 'age', treatment);
}

/** The two treatments' ages (and, for "which is more scientific", the research passages), as the article gives them. */
export function agesText(k: Knowledge, more: PassageRole[] = [], first: PassageRole[] = []): string | undefined {
  const ages = passagesWithRole(k, 'age');
  if (ages.length < 2) return undefined;
  return [...first.flatMap((role) => passagesWithRole(k, role)), ...ages, ...more.flatMap((role) => passagesWithRole(k, role))]
    .map((p) => p.text)
    .join('\n\n');
}

/**
 * "which is more legit?", "which one is backed by science?": the article ranks neither, so its answer is that the two
 * rest on different theories (the needles passage), then each one's age and what the research shows.
 */
export function scienceText(k: Knowledge): string | undefined {
  return agesText(k, ['research'], ['needles']);
}

function answerPart(k: Knowledge, r: Recognition, q: ResolvedQuestion, whole: ResolvedQuestion): PartAnswer | undefined {
  // ("Are you a real person? And what is dry needling anyway?": the truth about the bot, then the rest)
  if (asksIfBot(r.text)) return { intent: 'bot_identity', text: botIdentityText(k), outcome: 'answered', question: {} };
  // ("…? And is there a myotherapist at your clinic?": the clinic's own people, which the article does not name)
  if (asksAboutStaff(r.text)) return { intent: 'not_covered', text: notCoveredText(k), outcome: 'fallback', question: {} };
  // "…, and which is newer?": the two ages, whatever the classifier made of the part.
  const ages = asksWhichIsOlder(r.text) ? agesText(k) : asksWhichIsScientific(r.text) ? scienceText(k) : undefined;
  if (ages) return { intent: 'difference', text: ages, outcome: 'answered', question: {} };
  // ("What does each treatment focus on, and which would you suggest for my neck?": what each is for)
  const eachFor = asksWhatEachIsFor(r.text) && r.conditions.length === 0 ? passageWithRole(k, 'each_is_for') : undefined;
  if (eachFor) return { intent: 'difference', text: eachFor.text, outcome: 'answered', question: {} };
  const treatment: TreatmentChoice | undefined = q.treatment ?? whole.treatment;
  // ("Is dry needling grounded in Western medicine? And roughly when did it start?": that one's age)
  const age = asksWhichDecade(r.text) && treatment && treatment !== 'both' ? agePassage(k, treatment) : undefined;
  if (age) return { intent: 'what_is', text: age.text, outcome: 'answered', question: { treatment } };
  // ("isn't dry needling just acupuncture with a new name? when was it invented?": "it" could be either, so both ages)
  const bothAges = asksWhichDecade(r.text) && treatment === 'both' && r.treatments.length !== 1 ? agesText(k) : undefined;
  if (bothAges) return { intent: 'difference', text: bothAges, outcome: 'answered', question: {} };
  // ("Is your list of conditions complete?": no treatment named, but one passage clearly answers it)
  const picker = passagePicker(k.passages);
  const passage = treatment || r.treatments.length ? picker.pick(r.text, treatment) : picker.pickClearly(r.text, undefined);
  // ("Is myofascial pain syndrome on the list, and…": a listed condition asked about the list is no topic question)
  const listAsked = q.condition !== undefined && !q.conditionFromContext && !q.condition.value.partial && ASKS_ON_LIST.test(r.text);
  // ("…, and is it an old practice?": taken for something the article does not cover, but a passage answers it clearly)
  const clearly =
    passage !== undefined &&
    (r.intent === 'not_covered' || r.intent === 'out_of_scope') &&
    !r.notCovered &&
    // ("…? And does it hurt much when the needle goes in?": how it feels, which no passage says)
    !asksHowItFeels(r.text) &&
    // ("…? and how many needles do you use?": a session's details, which no passage says, whatever words they share)
    !SESSION_DETAIL.test(r.text.toLowerCase()) &&
    // ("My extras cover physio and chiro but I'm not sure about acupuncture…": a part that only tells asks for no passage)
    ASKS.test(r.text) &&
    treatment &&
    picker.pickClearly(r.text, treatment);
  // ("What are metabolic byproducts, and…": an explanation's own word asked about, whatever the classifier made of it)
  // ("what builds up in those muscle knots? is it toxic": a concept's question that one passage clearly answers, though
  // "muscle knots" also names a condition)
  const concept =
    passage !== undefined &&
    ((namesArticleConcept(r.text) && ASKS.test(r.text)) ||
      ((r.implied?.length ?? 0) > 0 && CONCEPT_QUESTION.test(r.text) && picker.answersClearly(r.text, r.intent)));
  if (passage && !listAsked && (TOPICS.has(r.intent) || r.intent === 'difference' || r.intent === 'similarity' || clearly || concept)) {
    return {
      intent: r.intent,
      text: passage.text,
      outcome: 'answered',
      question: { treatment: passage.treatment === 'both' ? treatment : passage.treatment },
    };
  }
  // A named condition turns a topic question, or one the model was unsure of, into a condition question ("Achilles problems?").
  // ("…complete? And are sports injuries on it?": a listed condition asked about the list is a condition question)
  // ("What do you know about dry needling for golfer's elbow, and…": the help menu is no answer to a part naming a condition)
  const aboutCondition =
    q.condition && !q.conditionFromContext && (TOPICS.has(r.intent) || r.intent === 'help' || r.reason === 'ambiguous' || ASKS_ON_LIST.test(r.text));
  // ("Which one is for muscles? And which one is for internal stuff like digestion?": each part's own problem, not the
  // condition the whole message names)
  const ownArea = r.intent === 'which_suits' && !q.condition ? leadingArea(toldConcerns(r.text, r.conditions)) : undefined;
  if (r.intent === 'condition_query' || aboutCondition || (r.intent === 'which_suits' && !ownArea && (q.condition ?? whole.condition))) {
    // A part that names something unlisted ("shin splints?") is about that, not the message's first condition.
    // ("does it help tinnitus? what about my achilles": "it" is the treatment; tinnitus, named, is what the part asks about)
    const condition = q.condition ?? (r.unlistedMention && (!r.refersBack || r.unlistedText) ? undefined : whole.condition);
    if (condition) {
      return {
        intent: r.intent,
        text: conditionText(k, condition.value, treatment, { said: condition.text, promise: r.promise }),
        outcome: 'answered',
        question: { condition, treatment: treatment ?? condition.value.list },
      };
    }
    // ("Can acupuncture help with general low energy and feeling out of balance? I just feel off.": what the article says
    // of balance, and the thing named said to be unlisted in the patient's words)
    const related = passagePicker(k.passages).covering(r.text, treatment);
    if (related)
      return { intent: r.intent, text: relatedPassageText(related.passage, r.unlistedText ?? related.said), outcome: 'answered', question: {} };
    // ("…my wrist has been sore lately, can needles help?": the listed conditions of that place, and a question for more)
    if (r.placeOnly) return { intent: r.intent, text: placeOnlyText(k, r.placeOnly), outcome: 'clarify', question: {} };
    return r.unlistedMention
      ? {
          intent: r.intent,
          text: unlistedConditionText(k, treatment, r.unlistedText, r.listedAlso, r.text),
          outcome: unlistedOutcome(r),
          question: {},
          unlisted: true,
        }
      : undefined;
  }
  if (TOPICS.has(r.intent) && treatment)
    return { intent: r.intent, text: topicText(k, r.intent, treatment), outcome: 'answered', question: { treatment } };
  if (r.intent === 'difference' || r.intent === 'similarity')
    return { intent: r.intent, text: topicText(k, r.intent, 'both'), outcome: 'answered', question: {} };
  // "...and which is better for tight muscles?": the recommendation for the problem the part tells.
  const area = r.intent === 'which_suits' ? leadingArea(toldConcerns(r.text, r.conditions)) : undefined;
  if (area) {
    const { treatment: suits, why } = recommend(k, area, 'none');
    return { intent: r.intent, text: suitsText(suits, why), outcome: 'answered', question: { treatment: suits } };
  }
  if (r.intent === 'not_covered') return { intent: r.intent, text: notCoveredText(k, r.notCovered, r), outcome: 'fallback', question: {} };
  if (r.intent === 'contact') {
    const detail = askedDetail(r.text);
    const missing = detail ? missingDetailText(k, detail) : undefined;
    return { intent: r.intent, text: missing ?? clinicDetailsText(k.clinic), outcome: missing ? 'fallback' : 'answered', question: {} };
  }
  if (r.intent === 'booking') return { intent: r.intent, text: bookingText(k), outcome: 'handoff', question: {} };
  return undefined;
}

const sentences = (text: string) => text.split(/(?<=[.!?]) +/);

/**
 * Sentences several answers share ("A practitioner can assess whether it suits you.") are said once, in the last
 * answer that has them, so that three conditions read as three answers and not three copies of the same advice.
 */
function withoutRepeats(answers: PartAnswer[]): PartAnswer[] {
  return answers.map((a, i) => {
    const laterTexts = answers.slice(i + 1).map((b) => b.text);
    const later = new Set(laterTexts.flatMap((b) => sentences(b)));
    // (a block of lines a later answer gives too, the clinic's contact details, is given once, there)
    const blocks = a.text.split('\n\n');
    const ownBlocks = blocks.filter((b, j) => j === 0 || !laterTexts.some((t) => t.split('\n\n').includes(b)));
    const text = ownBlocks.length < blocks.length ? ownBlocks.join('\n\n').replace(/:\s*$/, '.') : a.text;
    const kept = sentences(text).filter((x) => !later.has(x) || x.split(' ').length < 4);
    return kept.length > 0 ? { ...a, text: kept.join(' ') } : a;
  });
}

/** The different conditions a message names, in order ("my hip hurts and my knee hurts: are both on your list?"). */
function distinctConditions(r: Recognition): Recognition['conditions'] {
  const named = r.conditions.filter((c) => !c.value.excluded);
  return named.filter((c, i) => named.findIndex((d) => d.value.name === c.value.name) === i);
}

/** Whether a complaint is told as another one ("and also bad reflux", "plus really bad sleep"), not in passing. */
function toldAsAnother(text: string, said: string, afterAnd: boolean): boolean {
  const at = text.toLowerCase().indexOf(said.toLowerCase());
  if (at <= 0) return false;
  const before = text.slice(0, at).toLowerCase();
  // ("Do you treat Achilles problems and shin splints?": named right after "and", a second thing asked about)
  return (
    /\b(also|plus|as well as|and i (have|get)|and ive got|and i've got)( \w+){0,3} $/.test(before) ||
    (afterAnd && /\b(and|or|&)( my| also| some| bad| really bad)? $/.test(before))
  );
}

/**
 * "anxious and wound up, jaw clenched, can't switch off. Would acupuncture calm me down?": the broader word is the only
 * one on the list of the treatment asked about, the rest only described from symptoms and listed for the other; it is
 * what is asked, not found in passing.
 */
function fitsTreatmentAsked(asked: Recognition['treatments'], c: Recognition['conditions'][number], all: Recognition['conditions']): boolean {
  if (asked.length !== 1 || c.value.list !== asked[0]) return false;
  return all.every((d) => d.value.partial || (d.value.described && d.value.list !== asked[0]));
}

/**
 * A part naming several conditions is one condition question per condition, in the order they were named: one
 * recognition per condition a message asks about (`asked`: the treatments the whole message asks about).
 */
function perCondition(r: Recognition, asked: Recognition['treatments'] = r.treatments): Recognition[] {
  // A broader word found in passing ("sleep" in "my hip hurts when I sleep on it") is not a second question.
  // ("plantar fasciitis and also bad reflux": one said as another complaint is a second question)
  const conditions = distinctConditions(r).filter(
    // (only in a question that names both: "inflammation issues and some gut trouble. What would you recommend for her?" is
    // one recommendation asked for)
    (c, _, all) =>
      !c.value.partial ||
      all.every((d) => d.value.partial) ||
      toldAsAnother(r.text, c.text, r.intent !== 'which_suits' && questionCount(r.text) > 0) ||
      fitsTreatmentAsked(asked, c, all),
  );
  // ("fibromyalgia, migraines, or asthma?": asthma, unknown, is said to be unlisted after the listed ones)
  const unknown = conditions.length ? (r.unlistedItems ?? []) : [];
  if (conditions.length + unknown.length < 2) return [r];
  return [
    ...conditions.map((c) => ({ ...r, intent: 'condition_query', reason: 'entity' as const, conditions: [c], unlistedItems: undefined })),
    ...unknown.map((text) => ({
      ...r,
      intent: 'condition_query',
      reason: 'entity' as const,
      conditions: [],
      unlistedMention: true,
      unlistedText: text,
      refersBack: false,
    })),
  ];
}

/**
 * Adds an answer unless the same text is there already, or it says something is unlisted and an earlier one did ("I get
 * cluster headaches… does that cover cluster ones?": one thing said to be unlisted once).
 */
function addAnswer(answers: PartAnswer[], answer: PartAnswer): void {
  if (answer.unlisted && answers.some((a) => a.unlisted)) return;
  // ("I take a blood thinning tablet … should I stop taking my blood thinner?": one medicine said once, not per name)
  if (answer.intent === 'not_covered' && answers.some((a) => a.intent === 'not_covered' && firstSaid(a.text) === firstSaid(answer.text))) return;
  if (!answers.some((a) => a.text === answer.text)) answers.push(answer);
}

/** The first sentence of an answer, with what it quotes left out. */
const firstSaid = (text: string) => text.replace(/“[^”]*”/g, '“”').split(/(?<=[.!?:])\s/)[0];

/** Words of a listed name that say which one it is (not "pain", "chronic", "syndrome"). */
const GENERIC_NAME_WORDS = new Set(['pain', 'chronic', 'including', 'syndrome', 'disorder', 'issues', 'management']);

/** Whether the message itself names a listed condition it sets beside the unlisted one ("I see osteoarthritis mentioned"). */
function namesListedToo(r: { text: string; listedAlso?: string[] }): boolean {
  const said = r.text.toLowerCase();
  return (r.listedAlso ?? []).some((name) =>
    name
      .toLowerCase()
      .split(/[^a-z]+/)
      .some((w) => w.length >= 4 && !GENERIC_NAME_WORDS.has(w) && said.includes(w)),
  );
}

/** "I know osteoarthritis is on your list, but…": the listed one named only as known, not asked about. */
const ACKNOWLEDGES_LISTED =
  /\b(i|we) (know|see|saw|noticed|can see|read|realise|realize|understand)( that)? ([\w'’-]+ ){1,5}(is|are) (on|in|one of) (your|the|ur)( \w+)? list\b/i;

/** Coming in, or bringing someone in, for a named condition. */
const COMES_FOR = /\b(come|comes|coming|bring|bringing|pop|popping|book|booking)\b.{0,30}\bfor\b/i;

/** A part that asks only what helps with what was told: "Which treatment targets that?", "what would you use for those?". */
// ("… around the scar is still tender. Does that count?": whether the complaint told counts, asked of it)
const POINTS_BACK =
  /\b(help|helps|treat|treats|target|targets|fix|fixes|good for|better for|best for|suit|suits|work for|works for|work on|do for|for|with|deal with|deals with)\s+(that|this|them|those|these)\s*[?.!]*$|^(and )?(does|would|will|do) (that|this|it|they|those) (count|qualify|fit|apply|come under (that|it|the list))( too| as well)?\s*[?.!]*$|^(is|would) (that|this|it) (count|qualify)\s*[?.!]*$/i;

/**
 * Where a second complaint begins after a first ("…, and separately the outside of my elbow…", "…; also my knee…",
 * "my heel hurts first thing and I get tension headaches").
 */
const NEXT_COMPLAINT =
  /\s*(?:;\s*(?:and\s+)?|,?\s+and\s+(?:separately\s+|also\s+|then\s+|plus\s+)?|,\s*(?:separately|also|plus|on top of that),?\s+)(?=(?:the|my|her|his|their)\s|i\s+(?:also\s+)?(?:get|have|got|suffer|ve\s+got|m\s+getting|keep\s+getting)\b)/i;

/**
 * A part that tells two complaints, each describing a different listed condition, split in two; undefined when it
 * does not (one complaint told across a comma stays whole).
 */
function twoComplaints(part: string, recognize: (p: string) => Recognition): string[] | undefined {
  // (a question listing things stays whole: "Can dry needling help my plantar fasciitis, my husband's carpal tunnel, and
  // my daughter's asthma?")
  if (ASKS.test(part.trim())) return undefined;
  // ("I have carpal tunnel and also tinnitus": the second complaint told as what the writer also has)
  const also = ALSO_HAVE.exec(part.trim());
  const m = also ? undefined : NEXT_COMPLAINT.exec(part);
  if (!also && (!m || m.index === 0)) return undefined;
  const first = also ? `${also[1]} ${also[2]}` : part.slice(0, m!.index);
  const second = also ? `${also[1]} ${also[3]}` : part.slice(m!.index + m![0].length);
  // (listed conditions, not broader words: "trouble sleeping and my digestion's all over the place" is one choice to make)
  const listed = (r: Recognition) => r.conditions.filter((c) => !c.value.excluded && !c.value.partial);
  // (or one listed and one the list does not name: "I have asthma and my wife has a stiff neck")
  // (told, "I have tinnitus", it is asked about as "what about tinnitus?")
  const asAsked = (told: string) => {
    const thing = told.trim().replace(HAS_LEAD, '').trim();
    if (thing === told.trim() || !thing) return undefined;
    const r = recognize(`what about ${thing}?`);
    return r.conditions.length === 0 && r.unlistedText && !POINTERS_ONLY.test(r.unlistedText.trim()) ? `what about ${thing}?` : undefined;
  };
  const [a, b] = [recognize(first), recognize(second)];
  const one = listed(a);
  const two = listed(b);
  if (one.length === 1 && two.length === 1 && one[0].value.name !== two[0].value.name) return [first, second];
  const otherB = one.length === 1 && b.conditions.length === 0 ? asAsked(second) : undefined;
  if (otherB) return [first, otherB];
  const otherA = two.length === 1 && a.conditions.length === 0 ? asAsked(first) : undefined;
  if (otherA) return [otherA, second];
  return undefined;
}
/** Who has a complaint, told before it ("I have", "my wife has", "he gets"). */
const HAS_LEAD =
  /^(?:(?:i|we|he|she|they)|(?:my|our) \w+)(?: also)? (?:have|has|get|gets|got|ve got|have got|has got|s got|suffer from|suffers from|suffer with|suffers with)\s+/i;
/** "I have X and also Y": two complaints of the writer's own, the verb said once. */
const ALSO_HAVE =
  /^((?:i|we)(?: also)? (?:have|get|got|ve got|have got|suffer from|suffer with))\s+(.+?),?\s+and\s+also\s+(?:have\s+|get\s+|got\s+)?(.+)$/i;

/** A question about a person and nothing else ("what about my wife?", "and my son?"). */
const ABOUT_PERSON =
  /^(and |so |but |ok |okay )?((what|how) about|and) (for )?(my|his|her|our|the) (wife|husband|partner|hubby|missus|mum|mom|mother|dad|father|son|daughter|kids?|child|children|baby|teenager|brother|sister|friend|mate|nan|nana|grandma|gran|grandad|grandpa|boss|girlfriend|boyfriend)( too| as well| then)?\s*[?.!]*$/i;

/** A part that only asks for the advice the parts before it ask for ("What do you advise?", "what would you suggest?"). */
const ADVICE_ONLY =
  /^(so |and |but |or )?(what|which) (do|would|should|could|will) (you|u|ya) (advise|suggest|recommend|think|say)( i do| i should do| is best)?\s*[?.!]*$/i;

/** "is it only acupuncturists?", "just physios?", "or do chiros do it too?": one profession set against who practises it. */
const PROFESSION_ONLY =
  /^(and |or |so |but )?((is it|are they|is that|does it have to be|has it got to be|do you have to be|can) )?(only|just|all|mainly|mostly|also|any) (\w+ )?(acupuncturists?|physios?|physiotherapists?|myotherapists?|chiros?|chiropractors?|osteos?|osteopaths?|massage therapists?|doctors?|gps?)( (do it|do that|too|as well|then|or (\w+ ){1,3}))?\s*[?.!]*$/i;

/** "would acupuncture calm me down?", "could it settle that?": what a treatment would do for what was told. */
const ASKS_EFFECT_ON_TOLD =
  /\b(calm|settle|relax|soothe|chill|ease|fix|sort|help|sort out|do anything for|do something for|work for|work on)( \w+)? (me|it|that|this|them|those|things)\b/i;

/** ", can she come in the same appointment?", ", could we book together": a booking asked after a condition told. */
const BOOKING_AFTER_COMMA =
  /,\s*(and |so )?(can|could|may|would it be possible for|is it possible for) (she|he|we|i|they|my \w+|both of us|us) (to )?(come in|come along|come too|book|be booked|be seen|get an appointment|have an appointment|join|share|tag along)\b/i;

/** What only the clinic can say (prices, hours, policies, bookings): parts the article's answer to the rest never covers. */
const CLINIC_PART_INTENTS = new Set(['contact', 'not_covered', 'booking', 'out_of_scope']);
const NOTHING_ASKED: ResolvedQuestion = { treatmentFromContext: false, conditionFromContext: false };

/**
 * "Which of the two is better for stress, and what hours are you open on weekdays?": when the rest of a message goes to
 * a dialog of its own (a recommendation's questions, one condition), its parts that only the clinic can answer (hours,
 * prices, a cancellation policy) are said first, so that no question is silently dropped. Says nothing for a message
 * of one part, or one that is itself such a question. Returns whether it said anything.
 */
/** "When I roll over in bed the room spins.": a clause of when something happens, told, not asked (without a "?"). */
const TIME_CLAUSE = /^\s*(when|whenever|where|wherever)\s+(i|im|i'm|i’m|my|we|he|she|they|it|its|it's|the|our|his|her|their)\b/i;

export async function sayClinicPartsFirst(context: TurnContext, deps: DialogDependencies): Promise<boolean> {
  // ("I know you list osteoarthritis but what about gout?": what the writer knows of the list, told beside a question,
  // asks nothing of its own)
  const parts = questionParts(context.activity.text ?? '');
  if (parts.length < 2) return false;
  const { recognition } = await deps.turns.understand(context);
  const text = context.activity.text ?? '';
  // (what the writer understood of the two, put up to be checked, has no clinic parts of its own: "… have i got that right lol")
  if (recognition.treatments.length === 2 && understandingChecked(text)) return false;
  const asked = parts
    .filter((part) => part.includes('?') || text.includes(`${part}?`) || (ASKS.test(part) && !TIME_CLAUSE.test(part)))
    .map((part) => deps.turns.recognizePart(part));
  const clinics = (r: Recognition) => CLINIC_PART_INTENTS.has(r.intent) && r.conditions.length === 0 && !namesTreatment(r);
  // ("I get migraines. Which of the two do you use for those, and how many sessions would I need?": the whole reads as
  // a price question, but the recommendation asked is routed; the sessions part is still said)
  if (CLINIC_PART_INTENTS.has(recognition.intent) && asked.every(clinics)) return false;
  const unlisted = recognition.unlistedText?.toLowerCase();
  const texts: string[] = [];
  for (const r of asked) {
    if (!clinics(r)) continue;
    // (an unlisted thing asked about is the rest's to answer; a price, an hour or a policy is the clinic's)
    if (r.intent === 'out_of_scope' && r.reason !== 'no_domain_words' && r.reason !== 'out_of_scope') continue;
    // ("… Is that something your clinic offers for hair loss?": the unlisted thing the message asks about is in it)
    if (unlisted && r.text.toLowerCase().includes(unlisted)) continue;
    const text =
      r.intent === 'out_of_scope' || (r.intent === 'not_covered' && !r.notCovered)
        ? notCoveredText(deps.knowledge)
        : answerPart(deps.knowledge, r, NOTHING_ASKED, NOTHING_ASKED)?.text;
    if (text && !texts.includes(text)) texts.push(text);
  }
  for (const text of texts) await say(context, undefined, text, { intent: 'not_covered' });
  return texts.length > 0;
}

/** What someone else said of the complaint ("They said it is a pinched nerve", "my GP reckons it's wear and tear"). */
const REPORTED =
  /^(and |but |so )?(they|he|she|the (doctor|doc|gp|physio|specialist|surgeon|chiro|podiatrist|radiologist)|my (doctor|doc|gp|physio|specialist|surgeon|chiro|podiatrist|wife|husband|partner|mum|dad|friend|mate)|i was|i ve been|ive been|i’ve been|i've been) (said|says|told|reckons?|thinks?|mentioned|called it|diagnosed)\b/i;

/** Who recommended it, told and nothing more ("My husband's mate recommended it", "a friend swears by you guys"). */
const RECOMMENDATION_TOLD =
  /^(and |but |so |oh and )?((my|his|her|their|our|a|one of my) ([\w'’]+ ){0,2}|(he|she|they|someone|people|everyone) )(recommended|recommends|suggested|suggests|raves about|raved about|swears by|swore by|told me about|put me onto|mentioned)( it| this| them| you| you guys| your clinic| the clinic| it to me| you to me)?[.!]*$/i;

const BOOKING_WORDS = /\b(book|booking|appointment|appt|slot|available|availability)s?\b/i;
/** "do u do something for this", "can you help with that?": a question about the complaint told. */
const REFERS_BACK = /\b(for|with|about|fix|help|treat) (this|that|it|them|those)\b/i;

/** How few words a question may have to ask only of the condition told beside it ("same list?", "on the list too?"). */
const SHORT_ASK_WORDS = 4;
/** "same list?", "on your list too?", "that one as well?": whether the condition told is listed, asked in a few words. */
const SAME_LIST_ASKED =
  /\b(same list|on (the|your|ur|that) list|listed|that one too|that one as well|on it too|covered too|on there|one of them|one of those|one you (treat|do|cover|list))\b/i;

/** A question asked inside a part ("… - can you treat both in one session", "…, is that something you treat"). */
const ASKED_INSIDE =
  /\b(can|could|would|will|do|does|is|are) (you|u|ya|it|they|that|this|there|dry needling|acupuncture|needling|the needles)\b|\b(you|u) (treat|do|help|cover)\b/i;
/** Paying for it, by name ("can I put it through WorkCover?", "a Medicare rebate"): not "is that covered by what you do?". */
const PAYING =
  /\b(claim|claimable|rebate|rebates|insurance|insurer|health fund|private health|extras|medicare|workcover|work cover|pay|paid|pays|cost|costs|price|prices|fee|fees|discount|discounts|concession|concessions|bulk bill|how much)\b/i;
/** A referral asked about ("do I need a referral from my doctor first?"). */
const REFERRAL = /\b(referral|referrals|referred|care plan|epc)\b/i;
/** Who treats, asked of the clinic ("is the practitioner a woman?", "can I see a male physio?", "are they registered?"). */
const WHO_TREATS =
  /\b(practitioners?|physios?|acupuncturists?|therapists?|staff|someone|anyone|they|he|she)\b.{0,30}\b(woman|women|female|females|lady|ladies|man|men|male|males|gender|registered|qualified|speaks?|speak)\b|\b(a|an) (female|male|woman|lady|man) (practitioner|physio|acupuncturist|therapist)\b/i;
/** Which practitioner suits someone ("which practitioner at your clinic is best for pregnant women"): the clinic's to say. */
const WHICH_PRACTITIONER =
  /\b(which|what|who|any) (practitioner|practitioners|physio|physios|acupuncturist|acupuncturists|therapist|therapists|one of your (staff|practitioners|team))\b/i;
/** A question about paying or cover ("is this covered by WorkCover?", "can I claim it?"): never a condition. */
const ABOUT_PAYING = new RegExp(`${PAYING.source}|\\b(covered|cover|fund)\\b`, 'i');

/**
 * Whether the unlisted thing of a message is a complaint by name: one the clinic's data knows as another kind of
 * complaint or diagnosis ("hair loss", "bursitis"), or the name someone gave it ("the hearing man says it is
 * tinnitus"); not any words that happened to follow "for" ("used for some newer things lately").
 */
function namedComplaint(knowledge: Knowledge, thing: string, text: string): boolean {
  const lower = thing.toLowerCase();
  const { otherComplaints, diagnoses } = knowledge.descriptions;
  return otherComplaints.includes(lower) || diagnoses.includes(lower) || nameTold(cleanText(text))?.toLowerCase() === lower;
}

/** "whether it comes from China like acupuncture": the one treatment named only after "like", "unlike" or "as", with "it" asked about. */
const LIKENED = /\b(like|unlike|as|than|same as|similar to) (the |with )?(acupuncture|acu|dry needling|dn)\b/i;
function likenedOnly(r: Recognition, before: TreatmentChoice | undefined): TreatmentId | undefined {
  if (r.treatments.length !== 1 || !before || before === 'both' || before === r.treatments[0]) return undefined;
  const said = r.text.toLowerCase();
  const named = said.match(/\b(acupuncture|acu|dry needling|dn)\b/g) ?? [];
  // (not a comparison asked: "is that the same idea as acupuncture?" asks about acupuncture too)
  const compares = /\b(same|similar|different|differ|difference|compare|compared|better|worse)\b/.test(said);
  return named.length === 1 && !compares && LIKENED.test(said) && /\b(it|that|this|they)\b/.test(said) ? before : undefined;
}

/** Whether a recognition names a treatment, outright or by one of its concepts. */
function namesTreatment(r: Recognition): boolean {
  return r.treatments.length > 0 || (r.implied?.length ?? 0) > 0;
}

/** A function of a part remembered for the message, so that each part is recognised once. */
function onceEach<T>(f: (part: string) => T): (part: string) => T {
  const seen = new Map<string, T>();
  return (part) => {
    if (!seen.has(part)) seen.set(part, f(part));
    return seen.get(part)!;
  };
}

/** A change to a medicine asked ("can I stop taking my pain medication?", "could I cut down my tablets?"), not its use beside a treatment. */
const MEDICINE_CHANGED =
  /\b(stop|stopping|quit|quitting|come off|coming off|go off|get off|getting off|reduce|reducing|cut down|cut back|cutting down|wean|weaning|lower|lowering|skip|skipping|drop|dropping)( taking| using)?( on| down| back| off)?( my| the| his| her| their| these| those| it| them)?\b/;

/** A wish to try a treatment, told ("she's been wanting to try acupuncture", "I've always been keen to give dry needling a go"). */
const WISH_TO_TRY =
  /\b(wanting|wanted|want|wants|keen|meaning|meant|dying|hoping|hoped|interested|curious|thinking about|thinking of|would like|d like|love) (to )?(try|trying|give|giving|have|having|get|getting)\b/;

/** Whether every question asked is the clinic's own (no condition, treatment or concept in it) and the parts that only tell name no treatment. */
function onlyClinicAsked(recognize: (part: string) => Recognition, parts: string[], questions: string[]): boolean {
  const clinicOnly = (p: string) => {
    const r = recognize(p);
    // (a booking only in its own words: "anything u can do?" after a complaint asks whether it helps)
    // ("I hurt my back at work. Can I put my treatment through WorkCover?": paying for it is the clinic's to say)
    // ("Do you accept WorkCover, and do I need a referral from my doctor first?": a referral asked beside paying is the
    // clinic's to say too)
    const price = r.intent === 'not_covered' && (PAYING.test(p) || (REFERRAL.test(p) && questions.some((q) => q !== p && PAYING.test(q))));
    // ("I'm 14 weeks pregnant … my lower back is killing me. Is dry needling safe during pregnancy?": safety in pregnancy,
    // which the article does not speak to, is the clinic's to say; the back told is the reason)
    const safeWhile = r.intent === 'not_covered' && asksSafeWhile(p);
    // ("Can you recommend a good podiatrist? My feet need more than needles": another service; "Is the practitioner a
    // woman? I'd feel more comfortable for my hip": who treats)
    // ("I sprained my wrist last night. Should I be icing it, and is it OK to take ibuprofen?": self-care or a medicine,
    // advice the article does not give, is the clinic's to say too; the sprain told is the reason, no question about it)
    const clinicsOwn =
      (r.intent === 'not_covered' && (r.notCovered?.kind === 'service' || r.notCovered?.kind === 'selfcare' || r.notCovered?.kind === 'medicine')) ||
      (['not_covered', 'None', 'out_of_scope'].includes(r.intent) && (WHO_TREATS.test(p) || WHICH_PRACTITIONER.test(p))) ||
      // ("How many I can take on the day of the needle treatment?" after the tablets told: a dose asked, a medicine's)
      (r.intent === 'not_covered' && DOSE_ASKED.test(p));
    const clinics = r.intent === 'contact' || (r.intent === 'booking' && BOOKING_WORDS.test(p)) || price || clinicsOwn || safeWhile;
    // ("how much is the first appointment for acupuncture?": the treatment priced is still the clinic's question)
    // ("If I start acupuncture, can I stop taking my pain medication?": the medicine is the question, the treatment when)
    const advice = (r.notCovered?.kind === 'medicine' && MEDICINE_CHANGED.test(plainForm(p))) || r.notCovered?.kind === 'selfcare';
    return (
      clinics &&
      !REFERS_BACK.test(p) &&
      r.conditions.length === 0 &&
      (!namesTreatment(r) || ((price || safeWhile) && r.treatments.length > 0) || advice)
    );
  };
  const told = parts.filter((p) => !questions.includes(p));
  // (a price beside a part that asks inside it, "I have TMD and neck tension - can you treat both in one session": not
  // only a reason told, whatever the split made of it)
  const paying = questions.some((p) => recognize(p).intent === 'not_covered');
  // ("Firstly, is this something you treat, and secondly, would I be able to claim…": whether it is treated, asked too)
  const treatAsked = questions.some((p) => /\b(you|u) (treat|help with|work on)\b/i.test(p));
  return (
    questions.every(clinicOnly) &&
    // ("mum's 70th is coming up and she's been wanting to try acupuncture": a wish to try it, told, asks nothing of it)
    // ("… My shoulders and lower back are always knotted.": a complaint told, its treatment only implied by its list or
    // its knots, names no treatment; "hi what is chi exactly", a concept asked however it was split, still does)
    told.every(
      (p) =>
        !namesTreatment(recognize(p)) ||
        (recognize(p).conditions.length > 0 && !TREATMENT_WORD.test(p)) ||
        (WISH_TO_TRY.test(plainForm(p)) && recognize(p).conditions.length === 0),
    ) &&
    !(paying && (treatAsked || told.some((p) => ASKED_INSIDE.test(p)))) &&
    // ("my jaw clicks and I get migraines do you treat them and what are your hours": the complaints asked of inside
    // their own part, unpunctuated, are a question too, not only the reason for the clinic's)
    !told.some((p) => ASKED_INSIDE.test(p) && recognize(p).conditions.length > 0)
  );
}

/** Words that set two things side by side to tell them apart ("the difference between", "the same as", "vs"). */
const TELLS_APART = /\b(difference|differ|differs|different|diff|the same (thing )?as|same thing|vs|versus)\b/;

/**
 * The listed dry needling conditions a message sets side by side to tell apart (none when it compares treatments); two of
 * them are answered together ("both"), more are answered one by one.
 */
function conditionsCompared(r: Recognition): Recognition['conditions'] {
  if (r.treatments.length > 1 || !TELLS_APART.test(plainForm(r.text))) return [];
  const seen = new Set<string>();
  return r.conditions.filter((c) => {
    if (c.value.partial || c.value.excluded || c.value.described || c.value.list !== 'dryNeedling' || seen.has(c.value.name)) return false;
    seen.add(c.value.name);
    return true;
  });
}

/** A question that takes up, as "it", a medicine the sentence before named ("Should I stop taking it if I start acupuncture?"). */
const MEDICINE_TAKEN_UP =
  /\b(take|taking|stop|stopping|keep|keeping|come off|coming off|go off|going off|skip|skipping|quit|quitting)( taking| using)? (it|them|these|those)\b/;

/** Answers each question of a message that holds several, in order, and returns true; false leaves the message to routing. */
export async function answerSeveral(context: TurnContext, deps: DialogDependencies, whole: ResolvedQuestion): Promise<boolean> {
  // ("I know you list osteoarthritis but what about gout?": what the writer knows of the list, told beside a question,
  // asks nothing of its own)
  // ("I don't really understand what kinds of therapists use dry needling. Is it only doctors?": a question told as not
  // understood is asked all the same)
  const parts = questionParts(context.activity.text ?? '').map(embeddedQuestion);
  // (each part recognised once, however many of the rules below look at it)
  const recognize = onceEach((part: string) => deps.turns.recognizePart(part));
  const { recognition } = await deps.turns.understand(context);
  if (parts.length < 2 && perCondition(recognition).length < 2) return false;
  // ("would the needles mess with my replaced hip?": one question the recognizer decided is not the article's, harm to a
  // replaced joint or a device, is routed whole whatever conditions it names, never a "Yes." for each)
  if (parts.length < 2 && recognition.intent === 'not_covered' && recognition.reason === 'entity') return false;
  // ("what's the difference between tennis elbow and golfer's elbow?", "is sciatica the same thing as lower back pain?":
  // two listed conditions set side by side are one question, never a "Yes." for each)
  const compared = conditionsCompared(recognition);
  if (compared.length === 2) {
    await say(
      context,
      'answered',
      conditionsComparedText(
        deps.knowledge,
        compared.map((c) => c.value.name),
      ),
      { intent: 'condition_query' },
    );
    await deps.turns.remember(context, 'condition_query', { condition: compared[0], treatment: 'dryNeedling' });
    return true;
  }
  // (a long story summed up in one question is that question: the story's parts are no questions of their own)
  if (recognition.summedUp) return false;
  // ("is there parking out the front or do I have to find street parking cause I've got a dodgy hip": the complaint is
  // only why getting there matters, no question of its own)
  if (recognition.hindranceOnly) return false;
  // ("ok so dn = trigger points n acu = chi?? have i got that right lol": what the writer understood of the two, checked)
  if (recognition.treatments.length === 2 && understandingChecked(context.activity.text ?? '')) return false;
  // "they said Bell's palsy. Is acupuncture used for it?": one question about the unlisted condition the message names,
  // told first; the message is that question, routed as a whole.
  // ("I see osteoarthritis mentioned but is RA covered too?": with the listed one named too, each part is answered)
  // ("…, but what I've actually got is rheumatoid arthritis." tells, it does not ask)
  const questions = parts.filter((p) => p.includes('?') || (ASKS.test(p) && !TELLS_WHAT.test(p.trim())));
  // ("sore back from digging AND i dont sleep well. which one should i do": problems told, then the one choice asked;
  // the which-suits questions weigh the two, not an answer per condition)
  if (
    recognition.intent === 'which_suits' &&
    questions.length === 1 &&
    parts.length > 1 &&
    ((questions[0] === parts.at(-1) &&
      (CHOICE_ASKED.test(plainForm(questions[0])) || IF_I_WANTED_WHICH.test(plainForm(questions[0])) || SUITS_WHOM.test(plainForm(questions[0])))) ||
      // ("so which then. mine's mostly stress and not sleeping": the choice asked in a word or two, the problems told after)
      (questions[0] === parts[0] && BARE_CHOICE.test(plainForm(questions[0]))))
  )
    return false;
  // ("My GP put me on amitriptyline for nerve pain. Should I stop taking it if I start acupuncture?": one question about the
  // medicine the sentence before names; the message is that question, routed as a whole)
  if (
    recognition.intent === 'not_covered' &&
    recognition.notCovered?.kind === 'medicine' &&
    questions.length === 1 &&
    MEDICINE_TAKEN_UP.test(plainForm(questions[0]))
  )
    return false;
  if (
    recognition.intent === 'condition_query' &&
    recognition.unlistedText &&
    recognition.conditions.length === 0 &&
    questions.length === 1 &&
    (recognition.listedAlso?.length ?? 0) > 0 &&
    (!namesListedToo(recognition) || ACKNOWLEDGES_LISTED.test(recognition.text))
  )
    return false;
  // ("The hearing man says it is tinnitus. … Could your clinic help with the ringing?": the one question asks of the
  // complaint the message names, which no part names on its own terms; the message is that question, routed as a whole)
  if (
    recognition.intent === 'condition_query' &&
    recognition.unlistedText !== undefined &&
    namedComplaint(deps.knowledge, recognition.unlistedText, recognition.text) &&
    recognition.conditions.length === 0 &&
    questions.length === 1 &&
    parts.every((p) => recognize(p).conditions.length === 0 && !recognize(p).unlistedText)
  )
    return false;
  // ("I'm 20 weeks pregnant with a sore lower back. Is it safe for me to have dry needling while pregnant?", "I rolled it at
  // netball and it's still puffy. Is it too soon to have needling on it?": whether or when it may be had is the question,
  // the rest its circumstances; routed as a whole, the clinic's to say, never a condition's "yes" beside it)
  // ("Can dry needling help after surgery? And how soon after the operation can I start?": two questions, each answered)
  const timing = parts.filter((p) => TIMING_ASKED.test(plainForm(p)));
  const text = context.activity.text ?? '';
  // (a part asked with a "?", which the split drops: "post-surgical pain: yes or no? and how soon…")
  const askedWithMark = (p: string) => text.includes(`${p}?`) || p.includes('?');
  if (timing.length > 0 && parts.every((p) => timing.includes(p) || !(askedWithMark(p) || ASKS.test(p)))) return false;
  // ("what about my wife? her problem is the tendon at the back of the heel… sore when she runs": the only question asks
  // about a person, the rest tells her problem; the message is one question about it, routed as a whole)
  if (questions.length > 0 && questions.every((p) => ABOUT_PERSON.test(p.trim()))) return false;
  // ("Is there parking near the clinic? I have a bad hip and can't walk far.": the only questions are the clinic's own
  // (parking, hours, prices), the rest their reason, naming no treatment: only the questions are answered (routed as a
  // whole, the condition told would be answered), never a condition's "yes" to a question not asked)
  const asked = parts.filter((p) => askedWithMark(p) || ASKS.test(p));
  // ("It's not my upper back, it's right down low just above my belt. Been aching for two years, worse after sitting. Is
  // that something dry needling is used for?": a complaint told across sentences, which only the whole describes, and
  // one question about it: the message is that question, routed as a whole)
  if (
    asked.length === 1 &&
    recognition.conditions.some((c) => c.value.described && !c.value.excluded) &&
    parts.every((p) => recognize(p).conditions.length === 0)
  )
    return false;
  // ("my wife's physio reckons hers is more of a piriformis thing, deep in the hip. same list?": a condition told, then a
  // few words asking of it: one question about that condition)
  const short = asked.length === 1 && words(asked[0]).length <= SHORT_ASK_WORDS && SAME_LIST_ASKED.test(asked[0]) ? recognize(asked[0]) : undefined;
  if (
    short &&
    !short.unlistedText &&
    !short.unlistedMention &&
    short.conditions.length === 0 &&
    short.treatments.length === 0 &&
    !CLINIC_PART_INTENTS.has(short.intent) &&
    recognition.conditions.some((c) => !c.value.excluded && !c.value.partial)
  )
    return false;
  const reasonsTold = asked.length > 0 && asked.length < parts.length && onlyClinicAsked(recognize, parts, asked);
  const ctx = await deps.turns.context(context);
  // More told after a recommendation, asking nothing ("Few months now. No injury or anything, just from work."), holds no
  // questions to answer one by one: it carries the recommendation on, routed as a whole.
  const asksNothing = !(context.activity.text ?? '').includes('?') && !parts.some((p) => ASKS.test(p));
  if (asksNothing && ctx.lastIntent === 'which_suits' && perCondition(recognition).length < 2) return false;
  const answers: PartAnswer[] = [];
  let previous = whole;
  // Conditions already answered as a partial match ("bursitis on my hip… does that count under hip pain?"): the honest
  // partial answer stands for a later part that refers back to it by the listed condition's name, never a "yes" after it.
  const partly = new Set<string>();
  // ("wake at 4 every morning and can't get back off": the same broader word answered again is answered once)
  const answeredPartly = new Set<string>();
  // ("When was dry needling first developed? I'd assumed it was centuries old like acupuncture.": what the writer
  // believed, told beside a question, asks nothing of its own: the other treatment named in it is not asked about)
  // (only a belief that names the other treatment and nothing else, beside a question naming its own: "I thought lactic
  // acid was just a gym thing. Why does it matter for knots?" tells what "it" is)
  const ownTreatment = (p: string) => {
    const r = recognize(p);
    return r.treatments.length === 1 && r.conditions.length === 0 && (r.implied?.length ?? 0) === 0 && !r.unlistedText ? r.treatments[0] : undefined;
  };
  const owns = new Map(parts.map((p) => [p, ownTreatment(p)]));
  const believed = beliefsTold(text, parts).filter((b) => {
    const named = owns.get(b);
    return named !== undefined && parts.some((p) => p !== b && owns.get(p) !== undefined && owns.get(p) !== named);
  });
  const beliefsAside = believed.length > 0 && believed.length < parts.length;
  const setAside = new Set(
    parts.filter((p) => {
      const r = recognize(p);
      return parts.length > 1 && r.conditions.length > 0 && r.conditions.every((c) => setAsideAfter(p, c.text));
    }),
  );
  const recognized = parts
    .filter((p) => !reasonsTold || asked.includes(p))
    .filter((p) => !beliefsAside || !believed.includes(p))
    // ("I also get a stiff neck but the ringing is what I want to ask about": a complaint the writer sets aside is no part)
    .filter((p) => !setAside.has(p))
    // ("My wrist tingles and goes numb at night, and separately the outside of my elbow aches when I lift the kettle": two
    // complaints told in one sentence, each a listed condition of its own)
    .flatMap((part) => twoComplaints(part, recognize) ?? [part])
    .flatMap((part) => perCondition(recognize(part), recognition.treatments));
  // A listed condition named in another sentence ("I have RA. I see osteoarthritis on your list…") is still named beside it.
  const listedAlso = [...new Set([...(recognition.listedAlso ?? []), ...recognized.flatMap((r) => r.listedAlso ?? [])])];
  for (const one of recognized) {
    // ("…and could my husband come in for his tennis elbow while we're at it?": whether it is treated is what is asked)
    // ("my husband has osteoarthritis in his hips, could he come in with me?": the condition told, and the booking asked)
    const comesFor =
      one.intent === 'booking' && one.conditions.some((c) => !c.value.excluded) && (COMES_FOR.test(one.text) || BOOKING_AFTER_COMMA.test(one.text));
    // ("I'm 20 weeks pregnant and my lower back is killing me. Is it safe for me to have dry needling?": a promise or an
    // assurance asked anywhere is asked of every part; no part opens with "Yes")
    // ("…whether dry needling is used for osteoarthritis, whether it originally comes from China like acupuncture…": the
    // treatment named only as what "it" is likened to is not the one asked about; "it" is the one named before)
    const likened = likenedOnly(one, previous.treatment);
    const r = {
      ...one,
      listedAlso,
      promise: one.promise || recognition.promise,
      ...(comesFor ? { intent: 'condition_query' } : {}),
      ...(likened ? { treatments: [likened] } : {}),
    };
    const part = r.text;
    const refersBack = /\b(that|it|this|those|them)\b/i.test(part);
    if (refersBack && r.conditions.length === 1 && !r.conditions[0].value.partial && partly.has(r.conditions[0].value.name)) continue;
    // ("My lower back's only been sore since last weekend. Is that the chronic lower back pain on your list?": the
    // honest "sounds recent rather than chronic" stands for the part that refers back to it)
    for (const c of r.conditions) if (c.value.partial || c.value.recent) partly.add(c.value.name);
    if (r.reason === 'ambiguous' && r.conditions.length === 0) {
      // ("…, does it help with recovery, and…": the model unsure, but one passage of the treatment asked about says it)
      const about = previous.treatment ?? r.treatments[0];
      const clear =
        about && about !== 'both' && ASKS.test(part) && !asksHowItFeels(part) ? passagePicker(deps.knowledge.passages).pick(part, about) : undefined;
      if (clear) addAnswer(answers, { intent: 'how_it_works', text: clear.text, outcome: 'answered', question: {} });
      continue;
    }
    if (r.intent === 'greeting' || r.intent === 'thanks') continue;
    // ("Sorry if this is a dumb question. … Can acupuncture improve your eyesight?": a social sentence beside the question
    // asks nothing; never the topic's blurb)
    if (asked.length > 0 && !askedWithMark(part) && !ASKS.test(part) && socialOnly(part)) continue;
    // ("Do you also do cupping? My last acupuncturist did it with the needles.", "I'm 71 and have never had acupuncture or
    // the other one."): a treatment named in a part that tells, beside a part that asks, is no question about it
    // ("I take a magnesium supplement because my naturopath told me to… Does the needling put magnesium into you?": a
    // medicine told, beside a question about something else, asks no advice about it)
    const toldOnly = asked.length > 0 && !askedWithMark(part) && !ASKS.test(part);
    if (toldOnly && toldBesideQuestion(r, plainForm(part), recognition, recognized, one)) continue;
    // ("…for which problems the acupuncture is used. I want to know the list, not the dry needle one.": the treatment
    // turned down beside the one asked about is not asked about)
    if (recognized.length > 1 && treatmentTurnedDown(part) && r.conditions.length === 0) continue;
    // ("…lumps in my shoulders that feel like marbles. Would dry needling get rid of those lumps?": "those lumps" are the
    // ones told before, already answered, no unlisted thing of their own)
    // ("I have a sore knee and my wife has a stiff neck. Are both of those on your list?": the things the other parts name,
    // pointed at, answered there; never "“both of those” isn’t on the list")
    if (r.unlistedText && POINTERS_ONLY.test(r.unlistedText.trim()) && recognized.some((o) => o !== one && o.conditions.length > 0)) continue;
    const pointedAt = /^(those|these|that|this|the same) (.+)$/i.exec(r.unlistedText ?? '')?.[2]?.toLowerCase();
    if (pointedAt && answers.length > 0 && parts.some((p) => p !== part && p.toLowerCase().includes(pointedAt))) continue;
    // ("Should I stop it before coming, or reduce the dose? What do you advise?": the advice asked for is the part before's)
    if (answers.length > 0 && ADVICE_ONLY.test(part.trim())) continue;
    // ("What kind of practitioners use dry needling? Is it only acupuncturists?": who practises it, asked again of one
    // profession; the part before answered it, and the profession is no treatment asked about)
    if (answers.length > 0 && PROFESSION_ONLY.test(part.trim()) && r.conditions.length === 0) continue;
    // ("Hi, my husband had a stroke in May. Do you use dry needling for stroke recovery?": the first part tells, it asks
    // for no booking)
    if (r.intent === 'booking' && !part.includes('?') && !ASKS.test(part) && !/\b(book|booking|appointment|appt|session|slot)s?\b/i.test(part))
      continue;
    // ("My muscles feel tight and knotted. Which treatment targets that?": a part that only points back at the condition
    // another part names is that part's question, answered there; never a second answer about a condition called "that")
    if (
      (r.intent === 'None' || r.intent === 'out_of_scope') &&
      POINTS_BACK.test(part.trim()) &&
      r.conditions.length === 0 &&
      !r.unlistedText &&
      whole.condition &&
      recognized.some((o) => o !== one && o.conditions.length > 0)
    )
      continue;
    // ("…anxious and wound up, can't switch off. Would acupuncture calm me down at all?": a condition question naming no
    // condition, beside a part that names one, asks about what that part told; answered there, never "that condition
    // isn't on the list" for a condition nobody named)
    // (counted as a part, so that the message is still answered part by part, but not said)
    const aboutTheTold =
      r.intent === 'condition_query' &&
      r.conditions.length === 0 &&
      r.unlistedMention &&
      !r.unlistedText &&
      r.treatments.length > 0 &&
      ASKS_EFFECT_ON_TOLD.test(part) &&
      recognized.some((o) => o !== one && o.conditions.some((c) => !c.value.excluded));
    // ("Neck pain with pins and needles… They said it is a pinched nerve in the neck.": a part that tells, asking nothing
    // and naming nothing, is no question about the article, whatever the model read into it)
    // ("Not sure if you do cupping as well? My husband's mate recommended it.": who recommended it, told)
    if (
      TOLD_NOT_ASKED.has(r.intent) &&
      (REPORTED.test(part.trim()) || RECOMMENDATION_TOLD.test(part.trim())) &&
      !part.includes('?') &&
      !ASKS.test(part) &&
      r.conditions.length === 0 &&
      r.treatments.length === 0 &&
      (r.implied?.length ?? 0) === 0
    )
      continue;
    if ((r.intent === 'None' || r.intent === 'out_of_scope') && !asksWhichIsOlder(part) && !asksWhichDecade(part) && !asksWhatEachIsFor(part)) {
      // A question of its own we cannot answer ("do you take credit cards", "what about restless legs?") is said so,
      // in its place, not dropped.
      if (ASKS.test(part)) {
        // ("…, and when did it start being used?": a passage answers it clearly; "…would dry needling speed up the
        // recovery?": a passage of the article speaks to it)
        const picker = passagePicker(deps.knowledge.passages);
        const about = previous.treatment ?? r.treatments[0];
        const clear = r.conditions.length === 0 && about && about !== 'both' && !asksHowItFeels(part) ? picker.pickClearly(part, about) : undefined;
        if (clear) {
          addAnswer(answers, { intent: 'how_it_works', text: clear.text, outcome: 'answered', question: {} });
          continue;
        }
        const related = r.conditions.length === 0 ? picker.covering(part, about) : undefined;
        if (related) {
          addAnswer(answers, { intent: r.intent, text: relatedPassageText(related.passage, related.said), outcome: 'answered', question: {} });
          continue;
        }
        // ("is this covered by WorkCover?": a rare word in a question about paying is no condition)
        // ("…, and do you have anyone who speaks Mandarin?", "What do you advise?": a rare word with no condition named
        // in it is no condition to call unlisted; "that condition isn't on the list" would answer nothing asked)
        const unlisted = r.unlistedMention && !ABOUT_PAYING.test(part) && r.unlistedText !== undefined;
        const text = unlisted
          ? unlistedConditionText(deps.knowledge, previous.treatment, r.unlistedText, r.listedAlso, r.text)
          : notCoveredText(deps.knowledge);
        addAnswer(answers, { intent: 'not_covered', text, outcome: 'fallback', question: {}, unanswered: true, unlisted });
      }
      continue;
    }
    const q = resolveQuestion(r, ctx);
    const answer = answerPart(
      deps.knowledge,
      r,
      { ...q, treatment: q.treatmentFromContext ? (previous.treatment ?? q.treatment) : q.treatment },
      previous,
    );
    // A part that needs a follow-up question (which suits me, a person): routing handles the message as a whole.
    // ("What's the actual difference between the two, and would either one help with fertility? We've been trying for a
    // while.": a sentence that only tells, with nothing of its own to answer, is passed over while questions are answered)
    const toldNothing = one.intent === 'condition_query' && one.conditions.length === 0 && !one.unlistedText;
    if (!answer && toldNothing && !askedWithMark(one.text) && !ASKS.test(one.text) && questions.length > 0) continue;
    if (!answer) return false;
    const about = answer.question.condition;
    if (about?.value.partial && answeredPartly.has(about.value.name)) continue;
    addAnswer(answers, aboutTheTold && answer.unlisted ? { ...answer, unsaid: true } : answer);
    // ("my mum has osteoarthritis in her knees, can she come in the same appointment as me?": the condition told, then a
    // booking asked after the comma; both answered)
    if (r.intent === 'condition_query' && BOOKING_AFTER_COMMA.test(part))
      addAnswer(answers, { intent: 'booking', text: bookingText(deps.knowledge), outcome: 'handoff', question: {} });
    if (about?.value.partial) answeredPartly.add(about.value.name);
    if (q.treatment && !q.treatmentFromContext) previous = { ...previous, treatment: q.treatment };
  }
  // Two answers (two conditions, two topics, a topic and a price) are two questions; one is left to routing, and so
  // is a message none of whose parts we could answer.
  // (a question answered with the reasons or the beliefs told beside it set aside is said as it is)
  // (one answer left once a complaint is set aside is the answer: "…I'm not worried about that. Is tinnitus something you
  // treat?" is asked of tinnitus alone)
  if ((answers.length < 2 && !reasonsTold && !beliefsAside && setAside.size === 0) || answers.length === 0 || answers.every((a) => a.unanswered))
    return false;
  const outcome: Outcome = answers.some((a) => a.outcome === 'answered')
    ? 'answered'
    : answers.some((a) => a.outcome === 'handoff')
      ? 'handoff'
      : 'fallback';
  const said = answers.some((a) => !a.unsaid) ? answers.filter((a) => !a.unsaid) : answers;
  for (const [i, a] of withoutRepeats(said).entries()) {
    // The turn's outcome: answered when any part was (the first call sets it).
    await say(context, i === 0 ? outcome : undefined, a.text, { intent: answers[0].intent });
    if (a.question.treatment || a.question.condition) await deps.turns.remember(context, a.intent, a.question);
  }
  return true;
}

/**
 * A part that tells, beside a part that asks, and asks nothing of its own: a past treatment or where the writer had it,
 * a medicine told, a complaint told as what a medicine is for, where the writer thinks they read of something, or the
 * message's own complaint told with what was tried for it. `plain` is the part's plain form.
 */
function toldBesideQuestion(r: Recognition, plain: string, recognition: Recognition, recognized: Recognition[], one: Recognition): boolean {
  return (
    (TOLD_TOPICS.has(r.intent) &&
      HISTORY_TOLD.test(plain) &&
      r.conditions.length === 0 &&
      !r.unlistedText &&
      // (a concept named where the writer had it told, "Had it at a Chinese medicine place", tells too)
      (!(r.implied?.length ?? 0) || HAD_IT_AT.test(plain))) ||
    (r.intent === 'not_covered' && r.notCovered?.kind === 'medicine' && !r.notCovered.dose && r.conditions.length === 0) ||
    // ("My doctor give me the tablets for back pain, Panadeine Forte. How many I can take…?": the complaint told only as
    // what a medicine is for, beside a question about the medicine, is not asked about)
    MEDICINE_FOR_COMPLAINT.test(plain) ||
    // ("Do you do cupping as well? thought I saw it mentioned somewhere with the chi stuff": where the writer thinks
    // they read of it, told beside the question, whatever idea of the article it names)
    (SEEN_TOLD.test(plain) && r.conditions.length === 0) ||
    // ("migraines 3x a wk 😫 tried pills, botox, chiro, everythin. wud dn help or nah": the message's own complaint told
    // with what was tried for it, beside the part that asks of it, is no question about the treatment's topic)
    (TOLD_TOPICS.has(r.intent) &&
      TRIED_FOR_IT.test(plain) &&
      r.conditions.length > 0 &&
      r.conditions.every((c) => recognition.conditions.some((w) => w.value.name === c.value.name)) &&
      recognized.some((o) => o !== one && o.intent === 'condition_query' && o.conditions.length === 0))
  );
}

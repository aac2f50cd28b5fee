/**
 * The clinic recognizer: intent, calibrated confidence, entities, and the decision whether the
 * message is answerable, ambiguous or out of scope. Stateless: conversation context is applied
 * afterwards (context.ts) so that this stays a pure function of the text.
 */
import type { Knowledge } from '../knowledge/types';
import { mentionsConcerns } from './concerns';
import { DescriptionMatcher, negatedBefore } from './descriptions';
import { askedAbout, askedList, nameTold, thingPhrases, thingsAfterFor } from './askedAbout';
import {
  asksAboutStaff,
  asksClinicMatter,
  asksHowItFeels,
  asksWhatItFeelsLike,
  asksWhichOfAFact,
  asksWhichStaffIsBest,
  socialOnly,
  TREATMENT_WORD,
  SESSION_DETAIL,
  TIMING_ASKED,
} from './clinicQuestions';
import {
  asksIfOneSuits,
  BARE_CHOICE,
  BETTER_FIT,
  CHOICE_ASKED,
  IF_I_WANTED_WHICH,
  unsureWhatNeeded,
  WHICH_FITS,
  WHICH_FOR_THAT,
  WHICH_ONE_FOR_THAT,
} from './choiceFrames';
import { ON_BEHALF_ONLY } from './toldParts';
import { Analysis, analyse, BACK_REFERENCES, ConditionRef, consonants, EntityMatchers, FoundEntity, SpokenName, TreatmentId } from './analyse';
import { PhraseEntry, PhraseMatcher, phraseEntries } from './entities';
import { extractFeatures, featureStem, featureWeights, FUNCTION_WORDS } from './features';
import { IntentScore } from './naiveBayes';
import { IntentModel, isContentWord } from './model';
import { cleanText, plainForm, tokenize, withoutLeadingFiller, words } from './normalize';
import { KIN_AND_FRIENDS } from './otherPeople';
import { SpellCorrector } from './spelling';
import { soundOf, stem } from './stem';
import { lemma, namesAState, onlyVerb, otherKindCompounds, synsets } from './wordnet';

export const NONE_INTENT = 'None';

/** Words seen fewer times than this in training are "rare": likely the name of something specific. */
const RARE_WORD_COUNT = 3;

/** Why the recognizer decided what it did; staff review and tests read it. */
/** Words that make an age question one about the clinic's treatments ("…do you treat", "can kids have it"). */
const OF_THE_CLINIC =
  /\b(treat|treats|treated|treating|treatment|treatments|needle|needles|needling|needled|session|sessions|clinic|patients|have it|do it|try it|get it|it be ok|it be okay|it be safe|it ok|it okay|it safe)\b/;

/** A question about who may be treated by age, which the article does not cover. */
const AGE_ASKED =
  /\b(what|which|any) (ages?|age groups?|age range|age limit)\b|\b(minimum|youngest|oldest|lowest) age\b|\bhow (old|young) (do|does|must|should|can|is too)\b|\btoo (old|young) (for|to)\b|\b(is|are|am|s) (he|she|they|i|my \w+) (old|young) enough\b|\bage (limit|limits|restriction|restrictions)\b|\b(kids|children|child|teenagers|teens|teenager|babies|baby|toddlers|toddler|under 18s?|minors)\b.{0,30}\b(treat|see|have it|have acupuncture|have dry needling|ok|okay|safe|allowed|suitable)\b|\b(she|he|they|mum|mums|mom|moms|dad|dads|nan|nans|nana|gran|grans|grandma|grandmas|grandpa|grandpas|mother|father|son|sons|daughter|daughters|husband|husbands|wife|wifes|partner|partners) (s |is |are )?(only |nearly |almost |just |turning )?\d\d?\b.{0,30}\b(ok|okay|safe|allowed|fine|too young|too old|suitable|(have|get) (it|this|that|acupuncture|dry needling|needling)|be (treated|needled|seen))\b|\b(done on|used on|do (it|this|that|dry needling|acupuncture|needling) on|safe (for|on)|ok for|okay for|suitable for|allowed for|needle|treat) (kids|children|child|teenagers|teens|a teenager|a teen|a child|babies|toddlers|minors|under 18s?)\b/;
/** An age limit asked outright ("any age limits?", "what's the minimum age?"): the clinic's, whatever else is said. */
// ("is needling ok for a 12 year old?", "is he too old for it?": whether an age may have it, the clinic's to say)
const AGE_LIMIT_ASKED =
  /\b(age (limit|limits|restriction|restrictions|requirement|requirements|cut ?off)|minimum age|maximum age|(is there|are there) (an? )?(upper |lower )?age|(ok|okay|safe|suitable|alright|fine|too young|allowed) for (a|an|my) (\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen) (year|yr) old|how old (do|does|should|must|would|will) (i|you|u|he|she|they|we|my \w+|your \w+|kids|children|teens|teenagers|a child|a kid|a person|someone|patients|people) (need to|have to|got to|gotta)? ?be\b|(is|am|are) (he|she|i|they|my \w+) too (old|young) for|(is|are) (\d{1,2}|(a|an) \d{1,2} (year|yr) old|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen) too (old|young)|too (young|old) (for (it|this|that|acupuncture|dry needling|needling|needles|treatment|the treatment|a session)|to (have|try|get|do) (it|this|that|acupuncture|dry needling|needling|needles|treatment)))\b/;

/**
 * Money asked about: a price, a fee, a rebate, a fund or WorkCover ("how much does dry needling cost compared to
 * acupuncture?", "can I put it through WorkCover?"). The article has no prices; whatever else the sentence looks like, the
 * clinic's team answers it.
 */
const MONEY_ASKED =
  /\b((you|u|yous|ya)( guys)? (charge|charging)|cost|costs|costing|price|prices|pricing|priced|fee|fees|discounts?|concessions?|concession rates?|expensive|pricey|cheap|cheaper|afford|affordable|out of pocket|gap (payment|fee)|bulk bill\w*|rebates?|claimable|can i claim|claim (it|this|that|them|on|through|back)|workcover|work cover|medicare|health fund|private health|(health )?insurance|hicaps|how much (money |dollars )?(is|are|for|per|do|does|would|will) (a|an|one|the|it|each|your|ur|initial|first|they|them|those|these|that|this|both|both of us|the two|two|us) ?(session|sessions|appointment|appointments|appt|treatment|treatments|visit|consult|consultation)?|how much (is|are|does|do|would|will) (acupuncture|dry needling|acu|dn|needling)( cost| costs| set me back| be)?)\b/;

/** Words that make a price the clinic's: a session, a treatment, a fund, "your fees", "do you charge", "what you charge". */
// ("how much would a course of that cost me?": a course of treatment; never "of course")
const OF_OUR_CARE =
  /\b((?<!\bof )courses?|discounts?|concessions?|gift vouchers?|vouchers?|gift cards?|gift certificates?|packages?|session|sessions|appointment|appointments|appt|treatment|treatments|visit|visits|consult|consultation|clinic|acupuncture|acu|dry needling|needling|dn|needles|practitioner|practitioners|acupuncturist|myo|physio|workcover|work cover|medicare|health fund|private health|hicaps|rebates?|bulk bill\w*|(your|ur) (price|prices|pricing|fee|fees|rates|costs?|charges)|(do|does|will|would) (you|u|yous) (charge|bulk bill|take|accept|cost)|what (you|u|yous)( guys)? charge|(to|for) (treat|treating|needle|needling) (it|this|that|them|both|each|my|his|her|the|those|these|us|me))\b/;
/** "is it expensive?", "how much is that?", "how much for both?": a short question about a price is the clinic's ("it" is what was talked about). */
const SHORT_PRICE = /\b(it|its|this|that|them|they|both)\b/;

/** A question after an acknowledgement ("ok fair enough, what do you know about then?"). */
const QUESTION_AFTER_FILLER = /^\s*(what|whats|how|who|which|where|when|why|can|could|do|does|is|are)\b/i;
/** The fewest words a question after fillers has to be read on its own ("can you needle it"). */
const MIN_ASKED_AFTER_FILLER = 3;

/** Whether the question asked is about money: in the sentence that asks (with "?"), or anywhere when none has one. */
function moneyAsked(text: string): boolean {
  const sentences = text.split(/(?<=[.!?])\s+|\n+/);
  const asking = sentences.filter((x) => x.includes('?') || /^\s*(how|what|can|could|do|does|is|are|will|would)\b/i.test(x));
  // ("price for acu": a short message asks however it is written; "my insurance won't cover chiro" tells, it does not ask)
  const asks = asking.length
    ? asking
    : words(text).length <= 6 || /\b(how much|wondering|want to know|wanted to know|tell me|any idea)\b/i.test(text)
      ? [text]
      : [];
  // (of the clinic's care: "how much is a coffee" is no question for the clinic)
  return asks.some((x) => {
    const plain = plainForm(x);
    // ("how much does it cost tho, broke student here": the asking clause is short, whatever follows it)
    const clause = x.split(/,|;|\s-\s/)[0];
    return (
      MONEY_ASKED.test(plain) &&
      (OF_OUR_CARE.test(plain) ||
        (words(x).length <= 6 && SHORT_PRICE.test(plain)) ||
        (words(clause).length <= 6 && SHORT_PRICE.test(plainForm(clause))))
    );
  });
}

export type RecognitionReason = 'classified' | 'empty' | 'too_long' | 'no_domain_words' | 'out_of_scope' | 'low_confidence' | 'ambiguous' | 'entity';

export interface Recognition {
  text: string;
  /** The decided intent, or "None" when the message was not understood. */
  intent: string;
  score: number;
  /** The classifier's best guesses, highest first (at most 3). */
  alternatives: IntentScore[];
  conditions: FoundEntity<ConditionRef>[];
  treatments: TreatmentId[];
  /** Treatments the article's own concepts in the message belong to ("meridians": acupuncture), named or not. */
  implied?: TreatmentId[];
  /** The message points back at something said before ("it", "that"). */
  refersBack: boolean;
  /** A long message came to this question ("… long story short would the needles help my neck"): `text` is the question. */
  summedUp?: boolean;
  /** Which of the two lists the condition talked about is on, asked ("is that the acupuncture or the other one?"). */
  whichListAsked?: boolean;
  /** A clinic matter asked, with a complaint told only as why it matters ("is there parking, I've a dodgy hip and can't walk far"). */
  hindranceOnly?: boolean;
  /**
   * The message names something we do not recognise as a listed condition: an excluded phrase
   * ("rheumatoid arthritis") or words that are rare or unknown in the training data ("asthma").
   */
  unlistedMention: boolean;
  /** The words of an unlisted thing the message names, when known ("upper back", "rheumatoid arthritis"). */
  unlistedText?: string;
  /** Listed conditions the message names beside the unlisted one it asks about, for the reply to mention. */
  listedAlso?: string[];
  /**
   * A complaint told only by where it is ("my hand has been playing up", "sore wrist lately"): the body part and the
   * listed conditions that cover it, none of whose other signs were told, for the reply to name instead of "that
   * condition isn't on the list".
   */
  placeOnly?: { part: string; conditions: string[] };
  /** A complaint of the writer's own told in words the model does not know ("sore between my shoulder blades from hunching"). */
  complaintTold?: boolean;
  /** Unknown things asked about in one list with listed conditions ("fibromyalgia, migraines, or asthma": asthma). */
  unlistedItems?: string[];
  /**
   * A question about a treatment (or needles) with a thing in it we do not know ("is there acupuncture for dry eye?"):
   * when nothing else answers it, it is said to be unlisted rather than declined as off-topic. `for`: the thing is what
   * the treatment is asked to be for ("suitable for bedwetting"), so no passage of the article answers it either.
   */
  unknownAsked?: 'for' | 'in';
  /**
   * The one word of the clinic's in the message is used in another sense ("the prime meridian", "the stress test on a
   * home loan"): off-topic, and no passage of the article is to answer it.
   */
  otherSense?: boolean;
  /** The question asks for a promise ("will it fix", "cure", "get rid of"): never answered with a yes. */
  promise: boolean;
  /** Another therapy ("cupping") or a medicine ("ibuprofen") the message asks about: the article covers neither. */
  /** (`dose`: how much of a medicine to take was asked, which no passage of the article answers) */
  notCovered?: { kind: 'service' | 'medicine' | 'selfcare' | 'ownDoctor'; text: string; dose?: boolean };
  /** Set by conversation context: a short follow-up repeating the last question for another treatment. */
  elliptical?: boolean;
  /** Set by conversation context: the last answer asked for again ("is he right?", "pls keep it short"): its passage again. */
  sameAnswer?: boolean;
  reason: RecognitionReason;
  /** When ambiguous: the two intents to ask about. */
  candidates?: [string, string];
}

/** What the entity matchers are built from (knowledge/conditions.json and treatments.json). */
export type MatcherKnowledge = Pick<Knowledge, 'conditions' | 'treatments' | 'descriptions'> & Partial<Pick<Knowledge, 'notCovered'>>;

const TREATMENT_IDS: TreatmentId[] = ['acupuncture', 'dryNeedling'];

/** The intent for what the article does not cover (knowledge/intents/not_covered.txt). */
const NOT_COVERED_INTENT = 'not_covered';
/** A text's normalised words and their stems, as the description matcher reads them. */
function wordsOf(text: string): { tokens: string[]; stems: string[] } {
  const tokens = tokenize(cleanText(text)).map((t) => t.norm);
  return { tokens, stems: tokens.map(stem) };
}

/** What a bare complaint of a listed condition's place is misread as, when the model leans away from the condition question. */
const BARE_COMPLAINT_MISREAD = new Set([NOT_COVERED_INTENT, NONE_INTENT, 'out_of_scope']);
/** The choice between the two treatments ("which suits me?"). */
const WHICH_SUITS_INTENT = 'which_suits';

/** The sentence naming another therapy asks about it ("do you do cupping?", "is massage better"), not "I'm a yoga teacher". */
function asksAboutService(cleaned: string, service: string): boolean {
  const sentence = cleaned
    .toLowerCase()
    .split(/(?<=[.!?])\s+|\n+/)
    .find((x) =>
      x
        .replace(/[^\p{L}\p{N}\s]/gu, ' ')
        .replace(/\s+/g, ' ')
        .includes(service),
    );
  return sentence !== undefined && (sentence.includes('?') || SERVICE_ASK.test(sentence));
}

/**
 * Whether self-care named in a message is asked about: in a message of several sentences, the sentence naming it must
 * ask ("GP twice, told 'stretch and buy better shoes', spent a fortune on shoes, still dying. Is this something your
 * needles can do anything about??" tells what the GP said; the needles are asked about).
 */
function selfCareAsked(cleaned: string, care: RegExp): boolean {
  const sentences = linesAndSentencesOf(cleaned);
  if (sentences.length <= 1) return true;
  return sentences.some((x) => care.test(words(x).join(' ')) && (x.includes('?') || SERVICE_ASK.test(x.toLowerCase())));
}

/** A complaint told as what makes getting somewhere hard ("my knee's too sore to walk far", "I can't manage stairs with my hip"). */
const HINDRANCE =
  /\b(too (sore|painful|stiff|bad|weak|swollen|wobbly|dodgy|crook) (to|for) (walk|walking|drive|driving|climb|climbing|stairs|steps|catch|get|manage|stand)|(cant|can not|cannot|struggle to|hard to|not able to|unable to) (walk|drive|climb|manage|do|handle|get up) (far|much|long|the |stairs|steps|a lot|very)|(struggle|struggles|struggling) (with|on) (the )?(stairs|steps|walking|hills))\b/;
/** A thing named after a service word that makes it a device ("massage gun", "massage chair"), not the service. */
const DEVICE =
  /^(gun|guns|chair|chairs|ball|balls|roller|rollers|pillow|pillows|tool|tools|device|devices|cushion|mat|mats|stick|machine|oil|oils|cream|candle|candles)$/;
/** The writer's own tries told before a service ("I've tried a foam roller and a massage", "been using a chiro"). */
const TRIED_BEFORE = /\b(tried|tryed|trying|used|using|been to|been seeing|seen|done|did|had|have had|ve had|bought|buy|own)\b/;
/** The service itself asked about, after it was told as tried ("…tried massage, do you do it?", "is it like massage?"). */
const ASKED_OF_IT =
  /\b(do|does|can|could) (you|u|ya|yous|the clinic) (also )?(do|offer|have|provide) (it|that|them|this|one|those)\b|\b(is|are) (it|that|this|they|dry needling|acupuncture) (like|the same as|similar to)\b/;

// ("whats the difference between acupuncture and cupping": set against ours, asked without a "?")
// ("Not sure if you do cupping as well": asked indirectly)
const SERVICE_ASK =
  /^\s*(do|does|can|could|is|are|would|should|what|whats|what's|what’s|wats|which|how|hows|how's|any|have)\b|\b(offer|offers|provide|provides|better than|instead|versus|vs|recommend|rather|or|difference|different|differ|compare|compared|same as|similar to)\b|\b(not sure|wondering|wonder|curious|do you know|dont know|don't know|unsure) (if|whether)\b/;

/**
 * Asking for self-care advice the article does not give: "what's a good stretch for a tight lower back", "which
 * exercises should I do for my knee", "should I use ice or heat", "could you email me a few exercises"; or for a product
 * to buy ("which mattress is best for a bad back?", "what shoes would you recommend for heel pain?"). (Telling it, "I
 * stretch every day", is no question.)
 */
const SELF_CARE =
  /\b(what|whats|which|any|good|best|recommend|suggest|suggestions|buy|send|email|give|show|teach|share|should i (do|try|use|put|apply|get|buy|be using|be doing|be))\b(?: \S+){0,4}? (icing|ice it|heat it|use heat|using heat|ice packs?|cold packs?|hot packs?|wheat bags?|wheat packs?|hot water bottle|stretch|stretches|stretching|exercise|exercises|home exercises|rehab exercises|ice or heat|heat or ice|ice|heat pack|heat packs|foam roller|foam rolling|strengthening|pillow|pillows|mattress|mattresses|shoes|shoe|sneakers|insoles|orthotics|knee brace|wrist brace|back brace|brace|braces|office chair|desk chair|ergonomic chair|massage gun|tens machine|kinesio tape|strapping tape|monitor|monitors|screen height|desk height|desk setup|desk set up|workstation|work station|wfh setup|wfh set up|home office setup|standing desk|sit stand desk|laptop stand|ergonomic setup|ergonomics)\b/;

/**
 * The self-care asked about, by the name the replies know it by: "icing it", "using heat" are ice or heat; "a wheat
 * bag", "a hot water bottle" a hot pack; "cold packs" an ice pack; anything else as said.
 */
function careNamed(said: string): string {
  if (/^(icing|ice it|heat it|use heat|using heat)$/.test(said)) return 'ice';
  if (/^(ice|cold) packs?$/.test(said)) return 'ice pack';
  if (/^(hot packs?|wheat bags?|wheat packs?|hot water bottle)$/.test(said)) return 'hot pack';
  // ("what height should my monitor be?": how a desk is set up)
  if (
    /^(monitors?|screen height|desk height|desk set ?up|work ?station|wfh set ?up|home office setup|standing desk|sit stand desk|laptop stand|ergonomic setup|ergonomics)$/.test(
      said,
    )
  )
    return 'desk setup';
  return said;
}

/** "should I ice my knee or use heat?", "ice it or heat it": ice or heat asked about, the verb the object too. */
const ICE_OR_HEAT =
  /\b(should|do|can|could|would|shall) (i|we|he|she|you|u)( be)? (ice|icing|heat|heating)\b|\b(ice|icing) (it|them|(my|the|his|her) \w+ )?(or|and) (heat|heating|use heat|using heat|a heat pack|heat packs?|heat it|heat them)\b/;

/** Something that began just now or days ago ("hurt it yesterday", "since this morning", "tweaked it on the weekend"). */
const RECENT_ONSET =
  /\b(yesterday|this morning|last night|today|just now|earlier today|on the weekend|at the weekend|(a|two|three|2|3|few|couple of) days ago|(a|one|two|2|few|couple of) weeks? ago|this week|last week|last weekend|last weekends|since (the weekend|last (week|weekend|weekends))|since (last )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)|only (been|started) (sore|hurting|aching|painful|playing up|a few days|a week|since))\b/;
/** A complaint that has lasted: "for months", "for years", "always", "on and off". */
const LONG_STANDING =
  /\b(for (months|years|ages|a long time)|(months|years) now|always|on and off|chronic|every (day|week|morning)|keeps coming back|again)\b/;

/** Words that carry the tone of a message, not what it asks ("though", "tho", "anyway"). */
/** The treatments' own words, never the name of a complaint. */
const NEEDLING_WORD = /^(dry|needling|needled|needles?|acupuncture|acu|dn|treatment|treatments|session|sessions)$/;
/** A condition named by its knots ("muscle knots", "knotted muscles", "trigger points"). */
const KNOT_WORDS = /\b(knots?|knotted|knotty|trigger points?)\b/i;
/** "what do knots trap?", "what causes muscle knots?", "why do knots hurt?", "what's inside a knot?": the knots asked about. */
const KNOTS_ASKED_ABOUT =
  /^(?:.*\b)?(what|whats|why|how)\b( (do|does|is|are|s|makes?|causes?|happens|goes on|exactly|actually))*( (inside|in))?( (a|the|my|your|these|those|muscle|muscles))* (knots?|trigger points?)\b( (actually|even|exactly|really))? (trap|traps|hold|holds|contain|contains|do|made of|come from|form|hurt|hurts|happen|made|caused|cause|so painful|painful|sore)\b|^(?:.*\b)?(what|whats|what s) (causes?|inside|in|is (in|inside)|s (in|inside)|makes|forms|happens (in|inside)|goes on (in|inside)|is trapped in|gets trapped in|is stuck in)( (a|the|my|your|these|those|muscle|muscles))* (knots?|trigger points?)\b/;
const DISCOURSE = new Set([
  'righto',
  // ("wud dn help or nah": the tag of a yes-or-no question, no thing named)
  'nah',
  'naw',
  'nope',
  'though',
  'tho',
  'although',
  'anyway',
  'anyways',
  'btw',
  'tbh',
  'tbf',
  'ngl',
  'imo',
  'imho',
  'um',
  'umm',
  'hmm',
  'eh',
  'chance',
  'chances',
]);
/** "what does it aim to treat?", "what is acupuncture good for?", "what do you use dry needling for?" */
const USES_ASKED =
  /^((ok|okay|right|alright|hmm|well) )?(and |so |also )?(((what|which) ((kinds?|sorts?|types?) of )?(things|conditions|problems|ailments|illnesses|issues)|what|which)( else)? (does|do|can|is|are|would)|what'?s( else)?|what’s( else)?) (it|they|that|this|that one|this one|acupuncture|dry needling|needling|acu|dn|you|u)( (use|using) (it|acupuncture|dry needling|needling|them))? ?((mainly|usually|normally|actually|mostly|generally|typically|commonly|traditionally|increasingly|now) )?(being )?(aim to |aims to |meant to |supposed to |designed to |said to )?(treat|help( with)?|alleviate|fix|used for|good for|for)(,? according to (your|the) (website|site|page|article))?( (then|though|tho|anyway|anyways|exactly|really|actually|again|lol|haha|tbh|tbf|ngl|honestly|seriously|imo|btw|mate|pls|please))*\s*\??$|^(please )?(name|list|tell me|give me) (the|all the|some of the|some|a few of the)? ?(ailments|conditions|things|problems|issues)( that)? (acupuncture|dry needling|needling|it|they) (is|are)? ?(meant to|supposed to|said to|aims to|used to)? ?(help|treat|alleviate|fix|for)\b/;

/** "And acupuncture is more geared towards what?", "what is dry needling mainly aimed at?": what one treatment is for. */
const GEARED_TO_WHAT =
  /\b(geared|aimed|suited|targeted|designed|meant|intended|directed|focused|focussed|better|best|good) (more )?(towards?|at|to|for|on) what\b|^(so |and )?what\b.*\b(is|s|are|has|have) (\w+ )?(increasingly |mainly |mostly |usually |commonly |traditionally |more and more )?(been )?used for( in recent (times|years)| these days| nowadays| lately| more and more| more often| now)?\s*$|\bwhat (is|s) (it|acupuncture|dry needling|acu|dn) (mainly |mostly |more |usually )?(geared|aimed|suited|targeted|designed|meant|intended|focused|focussed) (towards?|at|to|for|on)\s*$/;

/** A word that reports what someone said ("my yoga teacher said…"). */
const REPORTING = /^(said|says|told|tells|reckons|reckoned|thinks|thought|recommended|recommends|suggested|suggests|mentioned|mentions|swears)$/;
/** What the article leaves out, asked in so many words (side effects, safety, how many sessions, how long, aftercare). */
const NOT_COVERED_ASKED =
  /\b(side effects?|safe|safety|risks?|how many|how long|how often|how much|cost|price|session|sessions|appointment|after ?care|before|afterwards|pregnan\w*|medication|medicine|blood thinners?|warfarin|(is|are) (that|it|this|they) (ok|okay|alright|fine|a problem))\b/;

/** "which needles are meant for me?", "which type would suit me?", "which is the right one for my son?" */
const WHICH_FOR_ME =
  /^(so |and |ok |okay |hi |hey )?which (one|ones|needles|needling|treatment|treatments|type|kind|sort|option|of the two|of them|of those)( of (needling|treatment|the two))? (is|are|s|would be|will be|do i need|should i (get|have|try|book|choose|pick|go for)|suits?|would suit|works? best) (meant |right |best |better |good |suited |suitable |ideal )?(for|4) (me|my|him|her|us)\b|^(so |and |ok |okay |hi |hey )?which ones (meant |right |best |better |good |suited |suitable |ideal )?(for|4) (me|him|her|us)\b|\b(like|want|need|get|after|looking for|have) (a |some |your )?(recommendation|suggestion)\b|\bwhich (one|of your two|of the two|of them|of those|treatment)( of yours)? (would|will|might|could) (suit|be best for|be better for|be right for|be best suited to|be more suited to) (me|my|him|her|us)\b|\b(do not|dont|don't) know (anything|much|a thing) about (either|both|them|these|the two)\b|\bwhere (do|should) i (start|begin)\b/;

/** "is there one that's more scientific / western?", "which one is the more natural option?": the choice asked by an approach wanted. */
const ONE_OF_AN_APPROACH =
  /\b(is there|theres|there is|which|what|got|have you got|do you have|do you (do|offer)) (one|1|treatment|option|kind|type|sort|needling)( of (them|the two|yours|those|these))? (that is|thats|that s|which is|is|s|thats a bit|that is a bit)( a bit| a little| much)? (more|the more|most) (scientific|western|evidence based|science based|medical|mainstream|researched|proven|modern|clinical|traditional|natural|holistic|eastern|chinese|spiritual|alternative)\b/;

/** Words after which a long message comes to its question ("so basically", "long story short", "my question is"). */
const SUMMED_UP =
  /(.*\b(?:so basically|basically|long story short|to cut a long story short|my question is|my real question is|the question is|tl ?dr|in short|so anyway|anyway|anyways|(?:so )?i (?:thought|think) i(?:'d|’d| would| will|'ll|’ll| should| better) (?:just )?ask|(?:so )?i (?:just )?(?:want|wanted|would like|wish) to ask)\b[\s,:;.!-]*)(?=(?:what|whats|what's|which|how|is|are|can|could|do|does|would|will|should|why|when|where|who)\b)/i;
const SUMMED_UP_MIN_WORDS = 30;
const SUMMED_UP_SURE = 0.9;
/** The questions a summing-up can be: the article's topics, not a condition (the story's own complaint stays the question). */
const TWO_COMPARED = new Set(['difference', 'similarity']);
const SUMMED_UP_INTENTS = new Set(['difference', 'similarity', 'what_is', 'how_it_works', 'which_suits', 'uses']);

/** "can u needle it?", "could you needle that for me": whether the thing told is needled. */
const NEEDLED_ASKED =
  /\b(can|could|would|will|do|does|should)( you| u| ya| yous| they| someone| one of you| your (physios|practitioners|staff))? (needle|dry needle|needles) (it|that|this|them|those|my|his|her|the|there)\b/;

/**
 * "which one is more for…", "which of the two is mainly about…": the two told apart by what each is for, asked at the
 * start (clinicQuestions' asksWhichIsFor matches anywhere and more loosely; using it here moved three read cases).
 */
const WHICH_MORE_FOR =
  /^(so |and |ok |okay |hi |hey )?which (one |ones |of the two |of them |of those |of your two |treatment |needling |one of (your|the) (two|2) (treatments |options |kinds |types )?|of (your|the) (two|2) (treatments |options |kinds |types ))?(is|s|are|would be|tends to be|leans) (more|mainly|mostly|better|best|aimed|geared|meant|targeted|designed|focused|used more) (for|about|at|towards|toward|to|on|with)\b/;

/** A dose asked about ("how many milligrams of magnesium should I take", "what dose of fish oil is safe"). */
const DOSE_UNIT = '(?:mg|mgs|milligrams?|grams?|mcg|micrograms?|ml|mls|tablets?|pills?|capsules?|caps|drops|units|doses?|teaspoons?|spoonfuls?)';
const NOT_DOSED = /^(sessions?|treatments?|appointments?|visits?|needles?|weeks?|times?|days?|months?|hours?|minutes?|money|it|that|this)$/;
const DOSE_ASKED = new RegExp(
  [
    `\\bhow (?:much|many) ${DOSE_UNIT} of (?:the |my |a |your )?([a-z]+(?: [a-z]+)?)`,
    `\\bhow (?:much|many) ([a-z]+(?: [a-z]+)?) ${DOSE_UNIT}\\b`,
    `\\bhow (?:much|many) ${DOSE_UNIT} (?:should|do|can|could|would|must|is it ok to|is it safe to) (?:i|we|he|she|they)? ?(?:take|have|be taking)\\b`,
    `\\bhow (?:much|many) (?:of )?(?:the |my )?([a-z]+(?: [a-z]+)?) (?:should|do|can|could|would|must) (?:i|we|he|she|they) (?:take|be taking)\\b`,
    `\\b(?:what|right|correct|safe|max|maximum|recommended|usual|normal) (?:dose|dosage) (?:of |for )?(?:the |my )?([a-z]+(?: [a-z]+)?)?`,
    // ("should I stop it before coming for needling, or reduce the dose?": a dose to change, whatever the medicine)
    `\\b(?:reduce|lower|change|adjust|halve|double|increase|cut down|cut back|drop) (?:the |my |its |their )?(?:dose|dosage|doses)\\b`,
    `\\b(?:stop|pause|skip|hold off|come off|go off) (?:taking )?(?:it|them|my (?:tablets|pills|meds|medication|medicine|medications)) (?:before|for|around|on the day of) (?:coming|my|the|a|each|every|your)\\b`,
  ].join('|'),
);

/** The thing a dose is asked of, or undefined when what is counted is no medicine ("how many sessions should I take"). */
function doseAsked(norm: string): string | undefined {
  const m = DOSE_ASKED.exec(norm);
  if (!m) return undefined;
  const thing = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '')
    .replace(/ (should|do|can|could|would|must|is|are|for|to|a|per|each|every|in|i|at|before|after|with|when|if|while|daily|a day)\b.*$/, '')
    .replace(/^(should|do|can|could|would|must|is|are|for|before|after)\b.*$/, '');
  if (thing && NOT_DOSED.test(thing.split(' ')[0])) return undefined;
  return thing || 'medicines';
}

/** One treatment said to be the other under a new name ("just acupuncture with a new name", "basically acupuncture rebranded"). */
// ("My sister-in-law insists dry needling is just acupuncture that physios do … Who's right?": the claim, told, asks it too)
const ONE_BY_ANOTHER_NAME =
  /\b(just|basically|really|simply|merely|only|nothing but)\b.*\b(with a (new|different|fancy|fancier|modern|western|posher|trendier|newer|nicer|better) (name|label|title)|renamed|rebranded|rebadged|by (another|a different) name|under (another|a different|a new) name|dressed up|in disguise|relabelled|relabeled)\b|\b(is|isnt|isn t|isn’t) (dry needling|dn|acupuncture|acu) (just|basically|really|simply|merely) (dry needling|dn|acupuncture|acu)\b|\b(dry needling|dn|acupuncture|acu) (is|s) (just|basically|really|simply|merely|only|nothing but|literally|actually) (dry needling|dn|acupuncture|acu)\b/;

/** "would that include my period cramps?", "does it cover my tinnitus": whether something takes in the writer's complaint. */
const TAKES_IN_MINE =
  /\b(would|does|do|will|could|can|is|are) (that|it|this|those|these|they|that list|the list|your list|acupuncture|dry needling) (also |then |still |maybe )?(include|cover|count|extend to|take in|apply to|stretch to) (my|his|her|our|their|my \w+ s|a|an)\b/;

/** A service named by its practitioner ("naturopath", "chiro", "osteopath", "massage therapist"). */
const PRACTITIONER_SAID = /(path|paths|ist|ists|chiro|chiros|osteo|osteos|physio|physios|therapist|therapists|doctor|doctors|doc|gp)$/;
/** Someone who practises or teaches a service ("yoga teacher", "massage therapist"). */
const TRADE = /^(teacher|teachers|instructor|instructors|coach|therapist|therapists|practitioner|student|students|trainer)$/;
/** The words before a trade that make it the writer's own ("I'm a", "as a", "I work as a"). */
const OWN_TRADE_BEFORE = /\b(i m|im|i am|as|being|work as|worked as|i was|i ve been|ive been|i have been) (a|an)$/;

/** The listed condition that an operation points to. */
const POST_SURGICAL = 'Post-surgical pain';
/** An operation still to come ("before my operation in October", "surgery booked for March", "waiting for a new hip"). */
const SURGERY_AHEAD =
  /\b(before|ahead of|prior to|until|till|waiting (for|on)|in the lead up to|preparing for|getting ready for) (my |the |his |her |an |a |their )?(upcoming |coming |next |big )?(operation|op|surgery)\b|\b(operation|op|surgery) (is |s )?(booked|scheduled|coming up|planned|due|next (week|month|year|monday|tuesday|wednesday|thursday|friday))\b|\b(upcoming|future|planned|scheduled) (operation|op|surgery)\b|\b(having|getting|going in for|booked in for|booked for|due for|will need|going to need|gonna need|waiting for|on the list for|on the waiting list for) (an? |my |the )?(\w+ ){0,2}(operation|op|surgery|replacement)\b/;
/**
 * An operation had ("had surgery", "since my op", "after the operation", "my new knee"), or the pain after one asked about
 * ("could it help with the pain afterwards while I recover?"): pain after it may be the listed one.
 */
const SURGERY_BEHIND =
  /\b(had|since|after|post|recovering from|following|from) (my |the |his |her |an |a |their |that |this )?(\w+ ){0,3}(operation|op|surgery|surgeries|replacement)\b|\b(replaced|reconstructed|operated on|taken out|removed|scar|scars|stitches|incision|wound|cuts|post op|post-op|afterwards|after it|after that|while i recover|recovery|recover|recovering)\b/;
/** The listed condition's own name or an alias that says "after" ("post-surgical pain", "pain after my operation"). */
const ALIAS_AFTER_SURGERY = /\b(post|after|since)\b/;

/** Whether it is safe in pregnancy or while breastfeeding ("is dry needling safe during pregnancy", "ok while im pregnant"). */
const SAFE_WHILE =
  /\b(is|would|will|are|s)( (it|acupuncture|acu|dry needling|dn|needling|the needling|needles|the needles|this|that|either|they|either one|either of them))? (be |still |even |actually |really |completely |totally )?(ok|okay|alright|all right|fine|safe|risky|dangerous|unsafe) (to (have|do|try|get|use) )?(during|in|while|when|with|for) (pregnancy|my pregnancy|early pregnancy|the pregnancy|pregnant (women|people|ladies|mums)|breastfeeding|(i m|im|i am|you re|youre|you are|someone is|someones|a woman is|she is|shes) (pregnant|breastfeeding|expecting))\b/;
/** Whether the text asks if it is safe in pregnancy or while breastfeeding. */
export function asksSafeWhile(text: string): boolean {
  return SAFE_WHILE.test(plainForm(text));
}
/** The message's every question (a sentence with "?") asks only that. */
function safeWhileOnlyAsked(text: string): boolean {
  const asked = sentencesOf(text).filter((x) => x.includes('?'));
  return asked.length > 0 && asked.every((x) => SAFE_WHILE.test(plainForm(x)));
}

/**
 * The service's word names a person, not the service asked about: who said something ("My yoga teacher said
 * acupuncture is used more and more…", "my chiro reckons dn would help") or the writer's own trade ("I'm a yoga teacher,
 * and I'm curious what acupuncture is meant to do").
 */
function servicePersonOnly(norm: string[], found: { from: number; to: number }, joined: string): boolean {
  const after = norm[found.to] ?? '';
  // (the yoga teacher who said it)
  if (/^(teacher|teachers|instructor|instructors|coach|friend|friends|mate|buddy)$/.test(after) && REPORTING.test(norm[found.to + 1] ?? ''))
    return true;
  // (the practitioner who said it, told, not their service asked about: "My mum's naturopath said…")
  if (
    PRACTITIONER_SAID.test(norm.slice(found.from, found.to).join(' ')) &&
    REPORTING.test(after) &&
    !ASKED_OF_IT.test(joined) &&
    !norm.slice(found.to).includes(norm[found.to - 1])
  )
    return true;
  // (the writer's own trade)
  return TRADE.test(after) && OWN_TRADE_BEFORE.test(norm.slice(Math.max(0, found.from - 4), found.from).join(' '));
}

/** Who practises a treatment, asked ("who does it", "is it a physio thing", "do chiros do it"). */
const WHO_PRACTISES =
  /\b(who (actually |usually |normally |mostly |typically )?(does|do|uses|use|performs|perform|practises|practices|offers|offer)|(is|was) (it|that|this|dry needling|acupuncture|needling) (just |more )?(a|an|more of a|like a) (\w+ )?thing( or| and|$)|(do|does|can|are|would) ((massage|remedial|sports|personal|myo|therapists?|masseurs?|masseuses?|chiros?|chiropractors?|osteos?|osteopaths?|naturopaths?|trainers?|pts?|physios?|and|or|also) ){1,6}(also |even |actually |usually )?(do|use|practise|practice|offer|perform|trained|allowed|qualified|able)\b)/;

/**
 * A writing task asked of the bot: translating, a poem or story written, someone's assignment done ("500 words on…"), or
 * a programme of exercises or a diet drawn up ("write me a four week stretching program"), which only a practitioner can.
 */
const TASK_ASKED =
  /\b(translate|translating|translation of|say (this|that|it) in (french|spanish|chinese|mandarin|italian|german|greek|arabic|hindi|vietnamese|japanese|korean))\b|\b(write|compose|make up) (me )?(a|an) (poem|song|story|essay|haiku|limerick|joke|rap)\b|\b(write|do|draft|finish) (me |my )?(a |an |my )?(\d+|a few|a couple of|some|two|three|five)? ?(words|paragraphs?|pages?|essays?|assignments?|reports?|homework|summary|summaries|assessment)\b|\b(for|with) my (assignment|essay|homework|uni|school|assessment) (due|please|pls|lol)?\b|\b(write|make|give|design|put together|create|draw up|plan|send) (me |us )?(a |an |my |some )?(\w+ ){0,3}(program|programme|routine|regime|regimen|diet|meal plan|workout|exercise plan|rehab plan|stretching plan|training plan)\b/;

/** Whether the message asks the bot to do a writing task (a translation, a poem, an assignment), which no passage answers. */
export function taskAsked(text: string): boolean {
  return TASK_ASKED.test(plainForm(text));
}

/** Whether a referral (or a doctor's letter) is needed, asked. */
const REFERRAL_ASKED =
  /\b(do|would|will|does|should) (i|we|he|she|they|you|my \w+) (need|have to get|have to have|require|want|needs) (a |an |any )?(gp |doctors |doctor s |surgeons |specialist |medical )?(referral|referal|refferal|letter|doctors note|doctors letter|note from)\b|\b(is|do you need|you need) (a )?(referral|referal) (needed|required|necessary)?\b/;

/** Intents that decline a message: a question inside it may still be the clinic's. */
const DECLINED = new Set(['out_of_scope', 'None']);

/** Asking whether the list has it: "is osteoarthritis covered?", "do you cover sciatica". */
const COVERED =
  /\b(covered|cover|covers|listed|included|include|includes|on (the|your|ur) list|(the|your|ur) list (have|has|mention|mentions|name|names))\b/;
/** A health fund or Medicare, for which "covered" is about paying. */
const FUNDS =
  'medicare|health fund|health insurance|insurance|private health|extras|rebate|bulk bill|bulk billing|hicaps|workcover|work cover|workers comp|workers compensation|workers compo|employer|employers|dva|gold card|white card|veterans card|ndis|bupa|medibank|hcf|nib|ahm';
const FUND = new RegExp(`\\b(${FUNDS}|claim)\\b`);
/** A fund or card named ("claim" alone is not one: "how do I claim a tax deduction"). */
const FUND_NAMED = new RegExp(`\\b(${FUNDS})\\b`);
/** A fund asked to pay ("is it covered on my DVA gold card?", "can I claim it on my extras"). */
const FUND_ASKED = /\b(covered|cover|covers|claim|claimable|rebate|rebates|pay for|pays for|paid for|accept|accepted|take|use)\b/;

/** A profession said to practise a treatment ("would a physical therapist do dry needling", "do physios use it"). */
const PRACTISES =
  /\b(therapists?|physios?|physiotherapists?|practitioners?|myotherapists?|myos?|chiros?|chiropractors?|osteos?|osteopaths?) (do|does|use|uses|perform|performs|practise|practises|practice|practices|offer|offers|need)\b/;

/** This clinic set against another practitioner or place ("what's different about coming to you?", "why choose you lot?"). */
const CLINIC_SET_AGAINST =
  /\b(what('?s| is) (so )?(different|special|better|unique)|what makes (you|your clinic|your place|yous|you guys) (different|special|better)) (about )?(coming to |seeing |going to |booking with |using )?(you|your clinic|your place|your practice|yous|you guys|you lot|this clinic|your team)\b|\bwhy (not just|should i|would i|not|do i need to|bother) (see|go to|come to|choose|pick|use|book with) (a |my |the |an? )?(\w+ )?(instead of|rather than|over) (you|your clinic|yous|you lot|you guys|this clinic)\b|\bwhy (should i |would i |do i )?(choose|pick|come to|go with|book with) (you|your clinic|yous|you lot|you guys|this clinic)( (instead|over|rather))?\b|\b(instead of|rather than) (coming to )?(you|your clinic|yous|you lot|you guys)\b/;

/** Words that name no thing of their own ("musculoskeletal stuff", "gut things"): never what makes a thing unknown. */
const VAGUE_NOUNS = new Set(['stuff', 'things', 'thing', 'issues', 'problems', 'bits', 'kinds', 'sorts', 'types', 'etc', 'whatnot']);

/** What the writer understood, put up to be checked ("have i got that right", "is that right?", "correct me if I'm wrong"). */
// ("My aunt reckons acupuncture is more for organ stuff and dry needling is more for muscles. Is she right or is that an old
// wives' tale?": what someone else told, checked the same way)
const UNDERSTANDING_CHECKED =
  /\b(have i got (that|it|this) right|did i get (that|it|this) right|(is|was) (that|this) (right|correct|true)|am i right|correct me if|have i understood|did i understand|got that right|(is|are) (she|he|they|my \w+) (right|correct|wrong|on the money)|(is|was) (that|this|it) (just )?(a myth|an old wives'? tale|an urban myth|rubbish|nonsense|made up)|old wives'? tales?|fact or (fiction|myth)|right\?\s*$|(is|was) (that|this) (how (you|u|ya) (see|read|understand|explain|describe) it|accurate|fair|the case|about right|a fair (summary|description|way to put it))|(would|do) (you|u) agree|(does|do) (that|this) sound (right|correct|about right)|is (he|she|my \w+) on the (money|mark))/;

/** Said as what sets a complaint off ("flares up when im stressed", "worse when I'm run down"). */
const TRIGGER_BEFORE =
  /\b(when|whenever|if|every time) (i am|im|i m|i get|i feel|i have been|i ve been|ive been|she is|he is|shes|hes|she gets|he gets|they are|they get)( really| very| a bit| super| so| more| extra)?\s*$/;
/** The message before what was said ("psoriasis on my elbows and scalp, flares up" before "stressed"). */
function before(lower: string, said: string): string {
  const at = lower.indexOf(said.toLowerCase());
  return at > 0 ? lower.slice(0, at) : '';
}
/** How far back the trigger's words are looked for ("flares up when im stressed"). */
const TRIGGER_REACH = 40;
/** Whether the text before an ailment ends in the words that make it a trigger ("…flares up when im"). */
function endsAsTrigger(told: string): boolean {
  return TRIGGER_BEFORE.test(told.slice(-TRIGGER_REACH).replace(/[’']/g, ' '));
}

/** Whether the message puts what the writer understood up to be checked ("have I got that right?"). */
export function understandingChecked(text: string): boolean {
  return UNDERSTANDING_CHECKED.test(text.toLowerCase());
}

/** What the needles do inside, asked plainly ("what is it actually doing inside there?"). */
const WHAT_IT_DOES =
  /\bwhat( is|s|'s| are|re|'re)? (it|they|the needles?|the needling|that|those needles) (is |are )?(actually |really |even |exactly )?(doing|do|does) (inside|in there|in me|under the skin)\b|\bwhat (does|do) (it|they|the needles?|the needling) (actually |really |even |exactly )?do (inside|in there|in me|under the skin)\b/;
/** "can I talk to the actual acupuncturist", "could we speak with someone": a person of the clinic asked for. */
const PERSON_ASKED_FOR =
  /\b(can|could|may) (i|we) (please )?(talk|speak|chat|have a (chat|word)) (to|with) ((the|a|an|one of the|one of your|your) )?((actual|real|live) )?(acupuncturists?|practitioners?|physios?|therapists?|person|human|someone|somebody|staff( member)?|team|receptionist|owner)\b/;
/** A medicine, a device or a state that makes someone ask whether needling is safe for them ("I'm on warfarin"). */
const MEDICAL_TOLD =
  /\b(warfarin|blood thinners?|thinners|anticoagulants?|eliquis|xarelto|apixaban|rivaroxaban|clopidogrel|plavix|aspirin|pacemaker|defibrillator|pregnan\w*|diabet\w*|epilep\w*|seizures?|cancer|chemo\w*|radiotherapy|haemophilia|hemophilia|bleeding disorder|heart condition|heart problems?|immunosuppress\w*|steroids?|prednisone|lymphoedema|lymphedema|implants?|clots?|dvt|breastfeeding|ivf)\b/;
/** A replaced joint, an implant or a device in the body, which needling might be asked to keep clear of. */
const DEVICE_IN_BODY =
  '(new|artificial|replaced|replacement|metal|titanium|bionic) (hip|knee|joint|shoulder|hips|knees)|(hip|knee|shoulder|joint) replacement|implants?|plates?|screws?|rods?|pins? in (my|his|her) \\w+|pacemaker|defibrillator|stents?|prosthesis|prosthetic|mesh|port|shunt|cochlear implant|breast implants?|spinal cord stimulator';
/** "would the needles mess with the new hip?", "could dry needling damage my implant?": harm to it, asked. */
const HARM_TO_DEVICE = new RegExp(
  `\\b(mess (with|up)|muck (with|up)|interfere with|damage|harm|affect|dislodge|loosen|disturb|be (bad|a problem|an issue|dangerous|safe|ok|okay) (for|with|near|around)|cause (problems|issues|damage|trouble) (with|to|for)|go near|near)\\b.{0,25}\\b(the |my |his |her |a |an )?(${DEVICE_IN_BODY})\\b`,
);
/** "should i ask my surgeon first?", "do I need to check with my GP before?": one's own doctor, asked about first. */
const OWN_DOCTOR_FIRST =
  /\b(should|do|would|shall|must) (i|we|he|she|they) (need to |have to |better )?(ask|check with|talk to|speak to|speak with|talk with|see|run it (past|by)|clear it with|get (the )?(ok|okay|all clear|clearance|approval) from) (my|his|her|their|our|the|a) (?<who>surgeon|doctor|gp|dr|specialist|cardiologist|oncologist|obstetrician|midwife|obgyn|physician|consultant|physio|physiotherapist)( first| before( (it|that|this|then|starting|booking|i book|we book))?)?\b/;

/** "is dry needling ok for me?", "would acupuncture be alright with my pacemaker": whether it is safe for someone. */
const OK_FOR_ME =
  /\b(is|would|will|s)( (it|acupuncture|acu|dry needling|dn|needling|the needling|needles|the needles|this|that))? (be |still |even |actually |really )?(ok|okay|alright|all right|fine|suitable|safe|a good idea) (to (have|do|try|get|use) )?(for|with) (me|him|her|them|my \w+|someone like me|people like me)\b/;

/**
 * "and why would poking it help?", "how would sticking needles in a knot help?", "why does that even work": why needling
 * helps, asked with nothing named to help (how it works), never "which condition?"
 */
const WHY_IT_HELPS =
  /^((and|but|so|ok|okay|right|hmm|um|sorry|yeah|sure) )*(why (would|does|do|could|can|will|should|is|are) ((poking|needling|pricking|jabbing|stabbing|sticking (a )?needles? in(to)?|putting (a )?needles? in(to)?|a needle in|needles in) )?|how (would|does|do|could|can|will|is|are) (poking|needling|pricking|jabbing|stabbing|sticking (a )?needles? in(to)?|putting (a )?needles? in(to)?|a needle in|needles in) )((it|that|them|this|those|a knot|the knot|the knots|knots|a trigger point|trigger points|the trigger points?|the muscle|a muscle|me) )?(actually |really |even |ever |supposed to |meant to )?(help|work|do anything|make a difference|make any difference)( at all| though| tho| then)?$/;

/** The professions acupuncturists are set beside ("physios, or only acupuncturists?"). */
const OTHER_PROFESSIONS =
  'physios?|physiotherapists?|physical therapists?|myotherapists?|myos|chiros?|chiropractors?|osteos?|osteopaths?|doctors?|gps|nurses?|massage therapists?|remedial therapists?';
const OTHER_PROFESSION = new RegExp(`\\b(${OTHER_PROFESSIONS})\\b`);
/** Acupuncturists as the other one who might do it ("…, or only acupuncturists?", "acupuncturists or physios"). */
const ACUPUNCTURISTS_AS_ALTERNATIVE = new RegExp(
  `\\b(or|only|just|as well as|not just|instead of|rather than) (an? |the |by )?acupuncturists?\\b|\\bacupuncturists? (or|and|as well as) (an? |the )?(${OTHER_PROFESSIONS})\\b`,
);
/** Whom to see or whether the two are the same, asked beside the professions: no question of who practises it. */
const OTHER_QUESTION_OF_PROFESSIONS =
  /\b(same|different|difference|differ|two names|vs|versus|should i|who should|which should|should be seeing|see for|seeing for|better for)\b/;
/** Acupuncturists set beside another profession, with acupuncture itself not named ("physios, or only acupuncturists?"). */
function professionsSetSideBySide(lower: string): boolean {
  return (
    ACUPUNCTURISTS_AS_ALTERNATIVE.test(lower) &&
    OTHER_PROFESSION.test(lower) &&
    !/\b(acupuncture|acu)\b/.test(lower) &&
    !OTHER_QUESTION_OF_PROFESSIONS.test(lower)
  );
}

/** "my kelpie has a sore hip": the patient is the writer's animal. */
const MY_ANIMAL =
  /\b(my|our|his|her) (old |young |little )?(dogs?|puppy|cats?|kitten|horses?|mare|gelding|pony|labrador|greyhound|kelpie|border collie|pets?|rabbit)\b/;
/** Intents about reaching people rather than the article. */
/** The clinic's contact details, and what they do not hold (knowledge/intents/contact.txt). */
const CONTACT_INTENT = 'contact';
const PEOPLE_INTENTS = new Set(['human', 'booking', CONTACT_INTENT]);
/** A message this short that names a listed condition is about it, whatever else its words are. */
const SHORT_MENTION_WORDS = 6;
/** Social intents, and the words that make a message one. */
const SOCIAL_INTENTS = new Set(['thanks', 'greeting']);
const SOCIAL_WORDS =
  /\b(thanks|thank|thankyou|thanx|thx|ty|ta|cheers|appreciate|hi|hello|hey|hiya|gday|morning|afternoon|evening|bye|goodbye|cya|great|awesome|perfect|lovely)\b/;
/** An apology for the question before it ("Sorry if this is a silly question but", "apologies if this is a dumb one."). */
const APOLOGY_LEAD =
  /^\s*(sorry|apologies|forgive me|excuse me|pardon me)( in advance)?( if| for)?( this| it| that| my)?( is| s|'s|’s| sounds| was)?( a| such a| an)? (silly|dumb|stupid|daft|basic|obvious|naive|weird|strange|odd|random|ignorant)( question| one| q| query)?\s*(but\b|[,.!:;…-])*\s*/i;
/**
 * An apology for the words the writer will use ("sorry if I get the names wrong", "excuse my spelling"), not one for a word
 * not known ("Sorry, I am German, I don't know the English word" beside a question is part of the question).
 */
const WORDING_APOLOGY =
  /^(so |oh |hi |hey |hello |ok |okay )?(sorry|apologies|excuse|pardon|forgive|bear with me)\b.{0,40}\b(if i|in advance|for my|my|(im|i am) (terrible|hopeless|bad|useless|no good|not good|not great|rubbish) (with|at)|i (always|often|tend to|might|will|ll) (get|mix|muddle|mess|stuff|use))\b.{0,40}\b(words?|names?|terms?|terminology|spelling|spell|wording|jargon|lingo)\b/;
/** "sorry about the spelling, I'm using the voice thing on my phone": an apology for how the messages will read. */
const SPELLING_APOLOGY =
  /^(so |oh |hi |hey |hello |ok |okay )?(sorry|apologies|excuse|pardon|forgive|bear with me)( me)?( about| for| in advance for)? (the|my|all the|any|all my) (spelling|typos?|typing|grammar|english|wording|autocorrect|auto correct|mistakes|errors)\b/;
/** What, after an apology for the spelling, asks or tells something of its own ("sorry my english, my back hurts", "…, can I speak to someone"). */
const ASKS_AFTER_APOLOGY =
  /\b(acupuncture|acu|needl\w*|dry|dn|treat\w*|help|pain|sore|ache\w*|aching|hurt\w*|book\w*|price|cost|how|what|why|when|where|which|who|can|could|does|do|will|would|should|is it|are you|my (back|neck|knee|shoulder|hip|leg|arm|foot|head)|(talk|speak|chat) (to|with)|call me|ring me|contact|someone|somebody|person|human|staff|receptionist|appointment|please)\b/;
/** A short message, asking nothing, that only apologises for its wording. */
function wordingApologyOnly(text: string): boolean {
  const plain = plainForm(text);
  if (text.includes('?') || plain.split(' ').length > 20) return false;
  if (WORDING_APOLOGY.test(plain)) return true;
  // ("sorry about the spelling, I'm using the voice thing on my phone": the reason for it told, nothing else)
  const spelling = SPELLING_APOLOGY.exec(plain);
  return spelling !== null && !ASKS_AFTER_APOLOGY.test(plain.slice(spelling[0].length));
}

/**
 * Another person's story ("my aunty used to get…", "my brother-in-law had the needles for…", "mate at work said get…"):
 * a relative, friend or workmate who had, got, said or reckons something.
 */
const OTHERS_STORY = new RegExp(
  String.raw`^(so |and |well |ok |okay |hi |hello |hey )*(my |our |a |one of the |one of my |the )?(\w+ ){0,2}(${KIN_AND_FRIENDS}|wife|husband|partner)s?( at work| from work| at the gym| from footy| next door)?( \w+){0,3} (had|has had|got|gets|used to get|used to have|has|was|went|goes|swears|swore|reckons|reckoned|said|says|tried|did|does|put|puts|is)\b`,
);
/** The writer in a sentence, in the first person ("I've got", "mine's", "for me"). */
const WRITER_IN_IT = /\b(i|im|ive|id|me|mine|mines|myself)\b/;
/** A treatment named in so many words. */
const NAMED_TREATMENT = /\b(acupuncture|acu|dry needling|dn|acupuncturist)\b/;
/** Thanks as the last words of a message, a sign-off ("… y/n cheers", "… thanks heaps"). */
const SIGN_OFF = /\b(cheers|thanks|thx|ty|ta|thank you|thankyou)( (mate|heaps|a lot|so much|in advance|muchly))?\s*[.!x]*\s*$/;
/** A message that opens with a greeting ("hi there!", "good evening,"). */
const GREETING_OPENS = /^\s*(hi+|hello+|hey+|hiya|heya|g ?day|gday|good (morning|afternoon|evening|day)|morning|evening)\b/;
/** Whether anyone is answering: the whole message ("are you there?", "is this thing even working", "anyone home?"). */
const PRESENCE_CHECK =
  /^((hello|hi|hey|um|uh|so|ok|okay|helo|hellooo|yo) )*(is (this|it|the chat|this thing|this chat|anyone|anybody|someone|somebody) (even |still |actually |really )?(working|on|live|there|here|awake)( or not)?|are (you|u|ya) (still |even |actually |really )?(there|here|awake|working|online)( or not)?|(is )?(anyone|anybody|someone|somebody|any one|any body) (still )?(there|here|home|around|about|reading this|on|awake|up)( at this hour| this late| at this time of night| tonight)?( or am i (yelling|shouting|talking|typing|screaming|speaking|writing) (into|to) (the void|myself|nobody|no one|a wall|the abyss))?|testing( testing)*( one two three| 1 2 3| 123)?|test)( (mate|please|pls|hello|hi))*$/;
/**
 * Leave to ask, and nothing asked yet: the message's last words ("I want ask question ok?", "may I ask you something
 * please", "can I ask a couple of things first").
 */
// ("quick ones", "got a couple of quick qs": questions announced, still to come)
const LEAVE_TO_ASK =
  /^((i ve |ive |i have |i got |got |just )?(a |some )?((few|couple( of)?|two|2|three|3) )?(quick|small|little|short) (ones?|questions?|qs?)|(i ve |ive |i have |i got |got )?(a )?(few|couple( of)?) (questions?|qs?))( (for (you|u)|please|pls|first|then|ok|okay))*$|\b(want|wanna|would like|d like|like|need|have|got|can|could|may|let me|allowed)( to)? (ask|asking)( you| u)?( (a|one|some|few|small|quick|little|couple|of|two|2|more|the))*( questions?| qs?| something| some thing| things?)?( (ok|okay|please|pls|plz|first|now|yes|if (that s|thats|that is|it s|its) (ok|okay|alright)|is (that|it) (ok|okay|alright)))*$/;
/** Words of a choice or a recommendation asked for ("which one", "would you suggest", "better"). */
const CHOICE_WORDS = /\b(which|suit|suits|suited|suitable|recommend|recommended|suggest|suggested|advise|better|best|prefer|choose|pick|either)\b/;
/** Another visit asked for ("can I come back for my other knee", "book me in again for my neck", "rebook"). */
const REBOOKING =
  /\b(can|could|may|do) (i|we|he|she) (come back|pop back|come back in|pop back in|book again|book in again|rebook|re book|book another|get another|have another)\b(?! if\b)|\b(book|booking) (me |us )?(in )?(again|another (one|session|appointment|appt))\b|\bi(d| would)? (like|want|need) (to book )?another (session|appointment|appt|treatment|visit)\b/;
/** How to book, asked as the message opens ("ok how do i book", "great, where can I make an appointment"). */
const BOOKING_OPENS =
  /^((ok|okay|right|great|cool|alright|sounds good|yep|yes|yeah|thanks|cheers|perfect|lovely|awesome|so)\s+)*(so\s+)?(how|where) (do|can|would|could|should) (i|we) (go about )?(book|booking|make (a|an) (booking|appointment|appt)|get (a|an) (booking|appointment|appt)|book (in|an appointment|a session|an appt))\b/;
/** A question asked anywhere ("…?", "…, do you…", "can I…"). */
const ASKS_ANYTHING =
  /\?|(^|[.!,;]\s*|\b(and|but|so) )(do|does|did|can|could|is|are|will|would|should|how|what|whats|when|where|who|why|which|may|am)\b|\b(advice|advise|wondering|wonder|question|questions|know|help|recommend|suggest|tell me|which|whether|info|information|book|appointment)\b/;
/** Words that ask for a person, a booking or contact details. */
const ASKS_PEOPLE =
  /\b(person|human|someone|somebody|staff|manager|real|talk|speak|chat|call|ring|phone|number|contact|email|address|book|booking|appointment|appt|available|availability|slot|slots|open|hours|when can|come in|see someone|practitioner|therapist)\b/;

/**
 * An animal as the patient: the animal is the one to be treated ("do you treat dogs?", "acupuncture for my cat", "my labrador has arthritis",
 * "our horse is lame"), not part of the patient's day ("walking the dog on the sand every morning").
 */
const ANIMAL_WORDS =
  '(dogs?|puppy|pupp(y|ies)|cats?|kitten|horses?|mare|gelding|pony|ponies|pets?|labrador|greyhound|kelpie|border collie|animals?|cattle|cow|cows|sheep|rabbit|bunny)';
/** An animal, or the vet, named anywhere in a message. */
/** What one does with an animal ("throw the ball for the dog", "walking the dog"): the animal is where it hurts, not who. */
const WITH_AN_ANIMAL = new RegExp(
  `\\b(throw|throws|throwing|threw|walk|walks|walking|walked|feed|feeding|fed|bath|bathing|wash|washing|play|playing|played|lift|lifting|lifted|pick up|picking up|picked up|chase|chasing|pat|patting|brush|brushing|train|training|carry|carrying|ride|riding|rode|muck out|mucking out) (\\w+ ){0,4}(for |with |after )?(my |our |the |a |his |her )?(old |young |little |new )?${ANIMAL_WORDS}\\b`,
);

/** The writer's own complaint told with an animal in passing: a condition of "my" body and something done with the animal. */
function animalInPassing(lower: string, conditions: Array<{ text: string }>): boolean {
  if (!WITH_AN_ANIMAL.test(lower)) return false;
  return conditions.some((c) => {
    const at = lower.indexOf(c.text.toLowerCase());
    return at >= 0 && lower.slice(0, at).split(/\s+/).filter(Boolean).slice(-3).includes('my');
  });
}

/** Animals in figures of speech ("scaredy-cats", "sick as a dog", "a cat nap", "guinea pig"). */
const ANIMAL_IDIOMS =
  /\b(scaredy[- ]?cats?|fraidy[- ]?cats?|copy ?cats?|fat cats?|cool cats?|cat ?naps?|dog tired|dogs breakfast|dog s breakfast|sick as a dog|hair of the dog|work(ing|ed)? like a dog|dog days|horse around|hungry as a horse|eat a horse|night owls?|early birds?|busy bees?|guinea pigs?|social butterfly|chicken out|chickened out|wimp|sloth|like a bull|like a bear|bear with me)\b/g;
const ANIMAL = new RegExp(`\\b(${ANIMAL_WORDS.slice(1, -1)}|my vet|vets)\\b`);
const ANIMAL_PATIENT = [
  new RegExp(
    `\\b(treat|treats|treating|treated|needle|needles|needling|needled|help|helps|work on|works on|do|see|sees|acupuncture|dry needling|for|on|vet|vets|veterinary) (my |our |a |the |your |his |her |their )?(old |young |little |elderly |senior )?${ANIMAL_WORDS}\\b`,
  ),
  new RegExp(
    `\\b${ANIMAL_WORDS} ?(s|has|have|had|is|was|with|suffers|gets|got|keeps|limps|limping|hobbling|lame|stiff|arthritis|hips?|back|legs?|joints?|knees?|pain|too|as well)\\b`,
  ),
  /\b(my|the|our) vet\b/,
];

/** Another therapy compared, even with a condition named ("is chiro better than dry needling for my back?"). */
const COMPARES = /\b(better|best|versus|vs|than|instead|compared|compare)\b/;
/** "is cupping good for back pain?", "do you do cupping for it": the therapy is what the question is about. */
// ("Can you write me a medical certificate for work, I've done my back": asked for, with the complaint as the reason)
const askedOf = (norm: string[], from: number) =>
  norm.slice(Math.max(0, from - 2), from).some((w) => ASK_VERBS.has(w)) || ASKED_FOR_BEFORE.test(norm.slice(Math.max(0, from - 6), from).join(' '));
/** A thing asked for just before it ("can you write me a", "could I get a", "do you do"). */
const ASKED_FOR_BEFORE =
  /\b(can|could|would|will) (you|u|ya|someone|i|we) (please )?(write|give|provide|issue|do|get|send|sign|fill out|fill in)( me| us| him| her)?( a| an| the| some)?( \w+){0,2}$/;
const ASK_VERBS = new Set(['is', 'are', 'does', 'do', 'can', 'could', 'would', 'will', 'should']);
/** "a chiro or a physio", "physio or dry needling": "or" right beside the therapy named. */
const orBeside = (norm: string[], from: number, to: number) => norm.slice(Math.max(0, from - 3), to + 3).includes('or');

/** A medicine asked about in so many words, even with a condition named ("… needling instead of taking my ibuprofen?"). */
const MEDICINE_ASKED =
  /\b(recommend|suggest|which|best|strongest|good|better|should i (be )?(take|taking|use|using|stop|stopping|keep|keeping)|can i (take|use|stop|keep)|(ok|okay|fine|alright) to (keep )?(take|taking|stop|stopping)|safe to (keep )?(take|taking|stop|stopping)|(instead of|rather than) (taking|using|having|being on|going on))\b/;

/** A sentence that speaks of taking a medicine ("should I stop taking my blood thinner"), not of a treatment being better. */
const MEDICINE_WORDED =
  /\b(take|taking|took|stop|stopping|keep|keeping|come off|go off|skip|pause|tablets?|pills?|medication|medications|meds|medicine|thinners?|dose|doses)\b/;

/**
 * "Should I keep training on it with tape or rest it completely?", "should I rest it or keep walking on it": whether to
 * rest an injury or stay active, self-care the article does not give.
 */
const REST_OR_ACTIVE =
  /\bshould (i|he|she|we) (keep|continue|carry on|stop|rest|tape|strap|train|play|run|walk|go back|be resting|be training|just rest|totally rest)\b(?: \S+){0,8} (or|vs|versus) (just |completely |totally )?(rest|resting|stop|stopping|keep|keeping|tape|taping|strap|strapping|train|training|play|playing|run|running|walk|walking|carry on|push through)\b|\bshould (i|he|she|we) (rest|tape|strap|train on|walk on|run on|play on|keep training on|keep playing on|keep running on|keep walking on|push through) (it|them|my \w+|his \w+|her \w+)\b/;

/** The medicine named in one sentence, then taken up as "it" by the next ("… Should I stop taking it?"). */
const TAKEN_UP =
  /\b(take|taking|stop|stopping|keep|keeping|use|using|come off|coming off|go off|going off|skip|skipping|quit|quitting)( taking| using)? (it|them|this|that|these|those)\b/;
function askedOfItAfter(previous: string, named: string, said: string): boolean {
  return ` ${previous} `.includes(` ${named} `) && TAKEN_UP.test(said);
}

/** A sentence put as a question: a question mark, or a question's opening word (", is that ok to keep taking" too). */
const ASKED_SENTENCE = /\?\s*$|(^|[,;:]\s*|\b(and|but|so) )(can|could|should|would|will|is|are|do|does|which|what|whats|how|any)\b/i;
/** Asking advice about a medicine: whether to take it, stop it, which one, with or around a session. */
const MEDICINE_ADVICE =
  /\b(should|shall|can|could|do|does|is it|ok to|okay to|safe to|recommend|suggest|which|what|best|better than|stop|stopping|take|taking|before|after|instead|or)\b/;

/** Words of how one wants to feel or be helped, never a thing asked about ("feel more balanced overall", "holistic"). */
const HOW_ONE_FEELS = new Set([
  'overall',
  'generally',
  'holistic',
  'holistically',
  'wholistic',
  'balanced',
  'calmer',
  'healthier',
  'happier',
  'gentler',
  'lighter',
  'looser',
]);

/** A phrase whose last word matches only as written ("fire cupping", not "fire cup"). */
function exactWords<T>(e: PhraseEntry<T>): PhraseEntry<T> {
  return { ...e, stems: e.stems.map((s, i) => (i === e.stems.length - 1 ? '\u0000' + e.words[i] : s)) };
}

function exactSingleWord<T>(e: PhraseEntry<T>): PhraseEntry<T> {
  return e.words.length === 1 ? exactWords(e) : e;
}

/** How long a name's word must be to be completed from its beginning ("piri-something" is piriformis; "back" is whole). */
const HALF_NAME_WORD = 7;

/** A word as it begins a name, possessive and plural aside ("golfer’s", "golfers" and "golfer" alike). */
function nameStartKey(word: string): string {
  return word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/s$/, '');
}

/** Words that begin a name only to say how long or how bad ("chronic?" asks about chronic cases, not lower back pain). */
const QUALIFIERS = new Set(['chronic', 'acute', 'severe']);

/**
 * The first word of each listed condition's names of two words or more, where that word is one of the condition's own
 * name ("golfers" of Golfer’s elbow, "plantar", "carpal", "medial" of "medial epicondylitis"), kept only where it is a
 * word of one condition's names: never "sprain" (Ankle sprains; Muscle strains and sprains) nor an alias' everyday word
 * ("tight").
 */
function nameStarts(conditions: MatcherKnowledge['conditions']): Map<string, string> {
  const begun = new Map<string, Set<string>>();
  for (const c of conditions) {
    const own = new Set(words(c.name.toLowerCase()).map(nameStartKey));
    for (const n of [c.name, ...c.aliases]) {
      const ws = words(n.toLowerCase());
      const key = ws.length >= 2 ? nameStartKey(ws[0]) : '';
      if (own.has(key) && !QUALIFIERS.has(key)) begun.set(key, (begun.get(key) ?? new Set()).add(c.name));
    }
  }
  // ("sprain" begins "sprained ankle" but is a word of "Muscle strains and sprains" too)
  for (const c of conditions) for (const w of words(c.name.toLowerCase())) begun.get(nameStartKey(w))?.add(c.name);
  return new Map([...begun].filter(([, names]) => names.size === 1).map(([w, names]) => [w, [...names][0]]));
}
/** Words of a listed name that are no name of their own ("Knee pain, including patellofemoral pain syndrome"). */
const NOT_NAME_WORDS = new Set(['including']);
/**
 * The listed names' words of five letters and more ("fibromyalgia", "elbow") and adjacent word pairs ("plantar fasciitis"), and the
 * treatments' names ("acupuncture"), as voice typing may split them.
 */
function spokenNames(names: string[]): SpokenName[] {
  const out: string[][] = [];
  for (const name of names) {
    const ws = words(name.toLowerCase()).filter((w) => /^[a-z]+$/.test(w));
    for (let i = 0; i < ws.length; i++) {
      // (five letters and more: "el bow" is put back only as exactly "elbow")
      if (ws[i].length >= 5 && !NOT_NAME_WORDS.has(ws[i])) out.push([ws[i]]);
      if (i + 1 < ws.length && ws[i].length + ws[i + 1].length >= 12) out.push([ws[i], ws[i + 1]]);
    }
  }
  return out
    .filter((n, i) => out.findIndex((m) => m.join(' ') === n.join(' ')) === i)
    .map((n) => ({ words: n, joined: n.join(''), sound: consonants(n.join('')), key: soundOf(n.join('')) }));
}

export function buildMatchers(k: MatcherKnowledge): EntityMatchers {
  // Excluded phrases first: at equal length "upper back pain" must win over "back pain" (the matcher's sort is stable).
  const conditionEntries = [
    ...k.conditions.flatMap((c) => phraseEntries<ConditionRef>({ name: c.name, list: c.list, excluded: true, notThis: true }, c.excludes)),
    // Body areas no listed condition covers, named with a qualifier ("upper back"), are never read as a listed one ("back ache").
    ...k.descriptions.unlistedBodyParts
      .filter((p) => words(p).length > 1)
      .flatMap((p) => phraseEntries<ConditionRef>({ name: p, list: 'dryNeedling', excluded: true }, [p])),
    ...k.conditions.flatMap((c) => [
      ...phraseEntries<ConditionRef>({ name: c.name, list: c.list }, c.aliases),
      ...phraseEntries<ConditionRef>({ name: c.name, list: c.list, partial: true }, c.narrower),
      ...phraseEntries<ConditionRef>({ name: c.name, list: c.list, broader: true }, c.broader),
    ]),
  ];
  const nameWords = [...new Set(k.conditions.flatMap((c) => words(c.name.toLowerCase())).filter((w) => w.length >= HALF_NAME_WORD))];
  return {
    conditions: new PhraseMatcher(conditionEntries, true),
    // One-word names match as written or misspelt, not by stem: "needles" is not "needling".
    treatments: new PhraseMatcher(
      TREATMENT_IDS.flatMap((t) => phraseEntries(t, [...k.treatments[t].aliases, ...k.treatments[t].weakAliases]).map(exactSingleWord)),
    ),
    weakTreatmentWords: TREATMENT_IDS.flatMap((t) => k.treatments[t].weakAliases.flatMap((w) => words(w))),
    nameWords,
    nameStems: new Set(nameWords.map(stem)),
    nameStarts: nameStarts(k.conditions),
    spokenNames: spokenNames([...k.conditions.map((c) => c.name), ...TREATMENT_IDS.map((t) => k.treatments[t].aliases[0])]),
    // Concepts too match as written or misspelt: "organs" must not be "organize".
    concepts: new PhraseMatcher(TREATMENT_IDS.flatMap((t) => phraseEntries(t, k.treatments[t].concepts).map(exactSingleWord))),
    descriptions: new DescriptionMatcher(k.conditions, k.descriptions),
    // ("tendonitis" as written: its stem is "tendon", which names a body part, not a diagnosis)
    diagnoses: new PhraseMatcher(
      phraseEntries<true>(true, k.descriptions.diagnoses).map((e) => (e.words[0].endsWith('itis') ? exactSingleWord(e) : e)),
    ),
    otherComplaints: new PhraseMatcher(phraseEntries<true>(true, k.descriptions.otherComplaints).map(exactSingleWord)),
    notCovered: new PhraseMatcher([
      // ("cupping" as written, or "cups": its stem is "cup", and "my coffee cup" names no therapy)
      ...phraseEntries<'service' | 'medicine'>('service', k.notCovered?.otherServices ?? []).map((e) =>
        e.words[e.words.length - 1].endsWith('ing') && stem(e.words[e.words.length - 1]).length <= 3 ? exactWords(e) : e,
      ),
      // ("medication" as written: its stem is also "medical"'s)
      ...phraseEntries<'service' | 'medicine'>('medicine', k.notCovered?.medicines ?? []).map((e) =>
        e.words[0].startsWith('medic') ? exactSingleWord(e) : e,
      ),
    ]),
  };
}

/** Words of every alias, so the typo corrector can also correct towards them. */
export function aliasVocabulary(k: MatcherKnowledge): string[] {
  const all = [
    ...k.conditions.flatMap((c) => [...c.aliases, ...c.narrower, ...c.broader, ...c.bodyParts]),
    ...TREATMENT_IDS.flatMap((t) => [...k.treatments[t].aliases, ...k.treatments[t].weakAliases, ...k.treatments[t].concepts]),
  ];
  return [...new Set(all.flatMap((a) => words(a)))];
}

export interface RecognizerOptions {
  /** Longer messages are not classified at all (the bot asks for a shorter question). */
  maxChars: number;
  /** Intents that may be offered as a choice when the model cannot tell them apart. */
  clarifiable: ReadonlySet<string>;
  /** Intent to assume when the sentence is unclear but names a condition. */
  conditionIntent?: string;
  /** The intent for "what is it used for?" ("uses"), when the model has one. */
  usesIntent?: string;
  /** Intent to assume when the sentence is unclear but names one of the article's concepts of a treatment. */
  conceptIntent?: string;
  /** Stems of the article's words: a thing asked about in them is no unknown condition ("internal problems"). */
  articleStems?: ReadonlySet<string>;
}

/** A recognition that understood nothing, for turns that are not classified (attachments, red flags, failures). */
export function unclassified(text: string, fields: Partial<Recognition> = {}): Recognition {
  return {
    text,
    intent: NONE_INTENT,
    score: 0,
    alternatives: [],
    conditions: [],
    treatments: [],
    refersBack: false,
    unlistedMention: false,
    promise: false,
    reason: 'empty',
    ...fields,
  };
}

/** "I'd like to ask about my shoulder", "a question regarding my knee". */
const ASK_ABOUT_MY = /\b(ask|asking|enquire|enquiring|inquire|inquiring|question|questions|query|chat) (about|regarding|re|on) (my|his|her|our) \w+/;
/** "is there anything you can do for dry eyes?": what the clinic can do for something, asked. */
const ANYTHING_FOR = /\b(anything|something) (you|u|you guys) (can|could) do (for|about)\b/;
/** The message ends by setting the two side by side ("… Acupuncture or dry needling?"). */
const EITHER_ASKED = /\b(acupuncture|dry needling|acu|dn) or (acupuncture|dry needling|acu|dn)\s*$/;
/** Where one sentence ends and the next begins (see sentencesOf). */
const SENTENCE_BREAK =
  /(?<=[.!?])\s+|\s+[-–—]+\s+(?=(?:what|whats|what's|what’s|how|hows|why|when|where|who|which|can|could|would|does|do|is|are|will|should|any)\b)/i;
/**
 * A message's sentences, split after . ! and ?, and at a spaced dash before a question ("…for certain things lately - what's
 * it increasingly used for?": the dash ends what was told).
 */
export function sentencesOf(text: string): string[] {
  return text.split(SENTENCE_BREAK).filter((p) => p.trim().length > 0);
}
/** A message's sentences and lines (a line break ends a sentence too, as in a message typed without full stops). */
function linesAndSentencesOf(text: string): string[] {
  return sentencesOf(text).flatMap((s) => s.split(/\n+/).filter((x) => x.trim()));
}
/** The last sentence of a message ("… Which one's for me?"). */
function lastSentence(text: string): string {
  return sentencesOf(text).at(-1) ?? text;
}
/** What someone wants or prefers, told. */
const WANTED = 'want|wants|wanted|prefer|prefers|after|looking for|like the idea|likes the idea|keen on|into';
const WANTS = new RegExp(`\\b(${WANTED})\\b`);
/** What someone wants, or turns down ("I don't buy the energy stuff", "not into anything spiritual"), told. */
const WANTS_OR_REFUSES = new RegExp(`\\b(${WANTED}|(dont|do not|doesnt|does not|never) (really )?(buy|believe|trust|like|want|rate|go for))\\b`);
/** "can acupuncture stop…", "would dry needling fix…": what a treatment does, asked. */
const TREATMENT_DOES =
  /\b(can|could|would|will|does|do|might) (acupuncture|dry needling|needling|acu|dn|it|the needles|needles) (stop|help|fix|cure|ease|treat|get rid of|sort out|sort|reduce|relieve|calm|settle)\b/;
const BOOKING_WORD = /\b(book|booking|bookings|appointment|appointments|appt|slot|slots|available|availability|reschedule|cancel)\b/;
/** A plea for help ("pls help", "any advice"). */
const PLEA = /\b(help|advice|advise)\b/;
/** A message this short that names a listed condition and a treatment asks about them. */
const SHORT_ASKED_WORDS = 10;
// ("could the needles stimulate regrowth?": a good effect asked for by its own verb)
const HELPS =
  /\b(help|helps|helped|(stimulate|promote|encourage|kickstart|kick start|trigger)s? (regrowth|growth|healing|repair|recovery|hair|the body|my body)|regrow|grow back|grow (it|them|my \w+|hair) back|speed (it|that|this|things|them) up|speed up|fast track|make (it|that|this) (go|happen) (faster|quicker)|treat|treats|treated|treating|fix|fixes|cure|cures|work on|works on|good for|do anything for|does anything for|did anything for|do much for|does much for|do something for|does something for|something for|get rid of|bring down|bring (it|them|this|that|the \w+|my \w+) down|take (it|them|the \w+) down|clear it up|for that|used for|(settle|clear|improve|ease|calm|reduce|relieve|stop|straighten|boost|heal|slow|prevent|reverse|unblock|shift|stimulate)s? (it|them|this|that|my|her|his|the|down)|(acupuncture|needling|needles?|treatment|therapy) (to|for) (it|them|this|that|quit|stop|lose|my|her|his)|(something|anything) (you|u|yous|your clinic|the clinic) (offer|offers|do|does|provide|provides) for|(something|anything) (people|patients|folks|they|you|u|yous|most people|many people|anyone) (would |d |normally |usually |often |commonly |ever )?(use|get|try|have) (it |them |acupuncture |needling |dry needling |acu |dn )?for|(you|u|yous|your clinic|the clinic) (offer|offers|provide|provides) (\w+ )?for|worth (it|trying|a go|a try|a shot|giving|having|doing)|(be|do) any (good|use)|any point|make a difference|do (any|much) good|a thing you (guys )?(offer|do)|of (any |some )?use|assist|assistance|benefit|(an|a good|a real|any|the best) option|options for|suitable for|appropriate for|recommended for|(can|could) do for)\b/;
/** "is there acupuncture for acne?", "any kind of needling for hair loss", "do you do dn for …": a treatment offered for something, asked. */
const OFFERED_FOR =
  /\b(is there|are there|do you do|do you have|do u do|any|got any) (the |any |some |a )?((kind|type|sort|form|style)s? of )?(acupuncture|dry needling|needling|acu|dn|needle treatments?|needling treatments?) (for|to)\b/;
/** Whether the words ask if a treatment helps with something (or is offered for it). */
const asksIfHelps = (x: string) => HELPS.test(x) || OFFERED_FOR.test(x);
/** A search-box query is this short at most ("gout big toe needles"). */
const KEYWORD_QUERY_WORDS = 5;
/** States a search-box query asks about rather than wants treated ("acupuncture safety", "dry needling pregnancy"). */
const ASKED_STATES = new Set(['safety', 'pregnancy', 'health', 'wellness', 'wellbeing', 'fitness', 'comfort', 'age']);
/** Words that make a few words a sentence of their own, a question ("what", "how", "can") or about someone ("my", "you"), not a search. */
const QUESTION_WORDS = new Set([
  'what',
  'whats',
  'how',
  'why',
  'when',
  'where',
  'who',
  'which',
  'is',
  'are',
  'does',
  'do',
  'can',
  'could',
  'will',
  'would',
  'should',
  'i',
  'me',
  'my',
  'you',
  'your',
]);
/** A few words and no question word or pronoun: typed as into a search box ("acu migraines", "gout big toe needles"). */
const typedAsSearch = (plain: string[]) => plain.length <= KEYWORD_QUERY_WORDS && !plain.some((w) => QUESTION_WORDS.has(w));
/** Whether a message asks if something is on the article's list ("is tinnitus on the list", "is MS on your list of conditions"). */
// ("Is tinnitus one of them?" after the list: the list asked about too)
const ON_THE_LIST =
  /\b(on|in) (the|your|ur|youre|you re|that|this) (list|lists)\b|\b(is|are|s) (\w+ ){1,3}(one of (them|those|these|the ones)|among (them|those|these))\b/;
/** "is that on there?", "is mine on your list?": whether the list has the condition just named. */
const ON_THERE =
  /\b(is|are|s) (that|it|this|mine|hers|his|they|those|\w+)( one| ones)? (also |too |even )?on (there|the list|your list|ur list|that list|it)\b/;
/** Needles said for the treatment ("would needles settle them down"): enough to make "helps" a question about one. */
// (or "it" after an answer: "would it help my rheumatoid arthritis specifically?")
// (the clinic's treatments said without a name: "is that something your treatments are used for?", "anything you can do for dry eyes?")
const NEEDLES =
  /\b(needles?|needling)\b|\b(your|ur) (treatments?|therapies|services)\b|\banything (you|u|you guys) (can|could) do\b|^(and |so |but )?(would|could|can|will|does|might|may) (it|they) (really |actually |also |even )?(help|work|do)\b|^(and |so |but )?(is|are) (it|they) (any|much) (good|use)\b|^(and |so |but )?(any|much) (good|use) (for|4)\b/;
/** "how does acupuncture help with tinnitus": how it works, asked about something. */
const HELPS_WITH = /\b(help|helps|work|works|good) (with|for)\b/;
/** "how does sticking a needle in it help?": how it works, not whether it helps something. */
const MECHANISM = /\b(how|why) (does|do|would|can|could|is|are|will)\b/;
/** The patient speaking of their own complaint (also without "I": "throbbing headaches, have to lie down"). */
const OWN =
  /\b(my|mine|mines|i have|i ve|ive|i get|i got|ive got|i suffer|i am|im|i keep|i\s+\w+\s+from|been|needles?|needling|have to (lie|stay|go|take|stop|sit)|(the|main|real) (problem|issue|trouble|complaint) (is|was|s)|wakes? me|keeps? me|gives? me|giving me|makes? me|leaves? me|for me|i also|me too|too|as well|also get|throbbing|pounding|stabbing|shooting|aching|burning|killing me|i feel|i m feeling|im feeling|(come|comes|coming|go) (to )?(you|u|your clinic) for|(that|this) (sort|kind|type) of (thing|stuff))\b/;
/** Someone's own ("his", "her", "our"), told: a body or a complaint of a person, not a word in another sense. */
const KIN = /\b(his|her|hers|our|their|your|ur|yours)\b/;
/** The writer, the clinic or the two treatments spoken of ("do you treat bloating? it's worse when I eat bread", "can either of them help"). */
const PERSON_ASKED = /\b(i|me|you|u|ya|either|both)\b/;
/** A bare "which ones?" or "like what?" closing a message. */
const WHICH_OF_THEM =
  /^(so |and |ok |okay |but )?((which|what) ones|which|like what|such as what|what are they|what things|what problems|what conditions)( exactly| then)?$/;
/** What a treatment is used for, told ("used more and more for certain problems", "helps with some conditions"). */
const USED_FOR_THINGS =
  /\b(used|use|using|helps?|good|treats?|works?) (\w+ ){0,4}(for|with|on) (certain|some|a few|many|lots of|all sorts of|different|modern|other|particular|specific)( \w+)? (problems|conditions|things|issues|ailments|complaints|illnesses|diseases)\b/;
/** "address" as a verb of treating: a condition the clinic addresses, whether it addresses one. */
const ADDRESSES_IT =
  /\b(condition|conditions|problem|problems|issue|issues|thing|things|something|anything|complaint|complaints) (that |which )?(you|your clinic|the clinic|your practitioners|you guys|your practice|acupuncture|dry needling) (address|addresses|treat|treats)\b|\b(do|does|can|could|would|will) (you|your clinic|the clinic|you guys|your practitioners|your practice|acupuncture|dry needling|it|needling) (address|help address)\b/;
/** A question: a question mark, or a question word opening a sentence. */
const ASKS = /\?|(^|[.!]\s+)(is|are|does|do|can|could|would|will|what|whats|which|how|why|who)\b/;
/** The two treatments set side by side ("what's the difference between acupuncture and dry needling?"). */
const TWO_SET_SIDE_BY_SIDE =
  /\b(difference|differences|different|differ|compare|compared|comparison|same as|same thing|vs|versus)\b.*\b(acupuncture|acu)\b.*\b(dry needling|dn)\b|\b(difference|differences|different|differ|compare|compared|comparison|same as|same thing|vs|versus)\b.*\b(dry needling|dn)\b.*\b(acupuncture|acu)\b|\b(acupuncture|acu|dry needling|dn)\b.*\b(and|or|vs|versus)\b.*\b(acupuncture|acu|dry needling|dn)\b.*\b(difference|different|differ|same)\b/i;
/** The treatment words a question about an unknown thing asks of: a named treatment, or needling in so many words. */
const TREATMENT_ASKED_OF = /\b(acupuncture|acupuncturist|acu|dry needling|dry needle|dn|needles?|needling|treatments?|therapies|services)\b/i;
/** Whether some sentence that asks names the treatment (or "it" when one is named): the treatment and the question in one sentence. */
function treatmentAskedOf(cleaned: string, named: boolean): boolean {
  return askingSentences(cleaned).some((x) => TREATMENT_ASKED_OF.test(x) || (named && /\b(it|this|that|they|them)\b/i.test(x)));
}
/** The sentences that ask (a "?" or a question word first); every sentence when there is one, or none of them asks. */
function askingSentences(cleaned: string): string[] {
  const sentences = sentencesOf(cleaned);
  const asking = sentences.filter((x) => x.includes('?') || /^(is|are|does|do|can|could|would|will|what|whats|which|how|why|who)\b/i.test(x.trim()));
  return sentences.length < 2 || asking.length === 0 ? [cleaned] : asking;
}
/** Intents about a treatment in general, which a question about helping with something unknown is not. */
const TOPIC_INTENTS = new Set(['what_is', 'how_it_works']);
/**
 * Intents the classifier also gives a question whether a treatment is for something we do not know ("used for PCOS",
 * "recommended for that"): such a question is about that thing when the thing follows "for" or "with".
 */
const UNKNOWN_FOR_INTENTS = new Set(['uses', 'which_suits']);
/** Intents a question naming one listed condition is easily taken for: the general list, choosing, comparing. */
const CONDITION_NEIGHBOURS = new Set(['uses', 'which_suits', 'difference']);
/** Words that really compare the two treatments ("which is better for my back", "acupuncture vs dry needling"). */
const COMPARING_WORDS = /\b(which|better|best|vs|versus|or|compare|compared|difference|differ)\b/;
/** The intent that lists the conditions (knowledge/intents/uses.txt). */
const LIST_INTENT = 'uses';

/** Words asking for a promise of a result ("will it fix", "cure", "get rid of", "guarantee") or of safety ("is it safe"). */
const PROMISE_WORDS = new Set([
  'fix',
  'fixes',
  'fixed',
  'cure',
  'cures',
  'cured',
  'guarantee',
  'guaranteed',
  'permanently',
  'definitely',
  'heal',
  'heals',
  // ("Is it safe for me to have dry needling while pregnant?": an assurance of safety, which a "yes" about the list
  // would seem to give)
  'safe',
  'safely',
  'unsafe',
  'dangerous',
  'harmful',
  'risky',
  // ("is dry needling proven for tennis elbow?": evidence asked of a condition, which a "yes" about the list would seem to give)
  'proven',
  'proof',
  'evidence',
]);
const PROMISE_PHRASES = [
  ['get', 'rid'],
  ['sort', 'it', 'out'],
  ['for', 'good'],
  ['will', 'it', 'work'],
  ['make', 'it', 'go', 'away'],
  // "would dry needling speed things up?": a promise about recovery
  ['speed', 'things', 'up'],
  ['speed', 'it', 'up'],
  ['speed', 'up'],
  ['heal', 'faster'],
  ['recover', 'faster'],
  ['get', 'better', 'faster'],
];

export function asksForPromise(tokens: string[]): boolean {
  if (tokens.some((t) => PROMISE_WORDS.has(t))) return true;
  return PROMISE_PHRASES.some((p) => tokens.some((_, i) => p.every((w, j) => tokens[i + j] === w)));
}

/**
 * "My aunty said acupuncture is getting more popular. What's it used for?": what it is used for, asked in the last
 * sentence after sentences that only tell (no question mark among them).
 */
function usesAskedLast(lower: string): boolean {
  const sentences = sentencesOf(lower);
  if (sentences.length < 2 && !sentences[0]?.includes(',')) return false;
  // (the one question, wherever it is: "…newsletter. What kinds of ailments does acupuncture aim to help with? Just after
  // the general list.")
  const asked = sentences.filter((x) => x.includes('?'));
  if (asked.length > 1) return false;
  const question = (asked[0] ?? sentences[sentences.length - 1]).trim();
  // (its last clause too: "I'm curious what acupuncture is meant to do for the body, like what kinds of things is it for?")
  const lastClause = question
    .split(/,\s*/)
    .pop()!
    .replace(/^(like|and|so|but|i mean|basically|ie|i e)\s+/, '');
  return [question, lastClause].some((q) => USES_ASKED.test(withoutReportFrame(withoutLeadingFiller(q))));
}

/** "what does the article say it's used for?" asked as "what is it used for?". */
function withoutReportFrame(lower: string): string {
  return lower.replace(
    /^(what|which) (does|do) (the|your|ur|this) (article|website|site|page|blog|info) (say|says|reckon|mention) (it s|it[’']s|its|it is|they re|they[’']re|they are|acupuncture is|dry needling is)\b/,
    (_m, _w, _d, _t, _a, _s, subject: string) => `what is ${/^(acupuncture|dry needling)/.test(subject) ? subject.replace(/ is$/, '') : 'it'}`,
  );
}

/**
 * "Where does an acupuncturist decide to put the needles?", "where do the needles go in dry needling": where one
 * treatment's needles go, which its theory answers (meridian lines and acupoints; trigger points). Not how deep, nor
 * where to buy them.
 */
/** A needle far from the complaint, asked how it reaches it ("a needle in my foot for a tummy problem", "how is that meant to reach my gut"). */
const NEEDLE_FAR_FROM_IT =
  /\b(needle|needles|pin|pins) (in|into) (my|the|your|his|her|someones|someone s|a) (foot|feet|hand|hands|ear|ears|leg|legs|arm|arms|ankle|ankles|wrist|wrists|toe|toes|finger|fingers|thumb|shin|knee|head|scalp)\b.{0,40}\b(for|help|helps|fix|fixes|treat|treats|reach|reaches|affect|affects) (a |my |the |your |his |her )?(tummy|stomach|gut|bowel|bowels|digestion|digestive|liver|kidney|kidneys|organ|organs|insides|headache|headaches|sleep|insomnia|anxiety|stress)\b|\bhow (is|does|would|can|could|do) (that|it|a needle|the needle|needles|the needles|they) (even |actually |really |possibly )?(be meant to |supposed to |meant to |going to )?(reach|get to|affect|work on|connect to|do anything (for|to)) (my|the|your|his|her|an|a|other) (gut|stomach|tummy|organ|organs|insides|bowel|bowels|liver|kidneys?|digestion)\b/;
const WHERE_NEEDLES_GO =
  /\b(where|which (spots|points|places|parts)|what (spots|points|places|parts)) (do|does|did|will|would|are|is|on the body|in the body|abouts)?\b.{0,40}\bneedles? (go|goes|going|get|gets|are (put|placed|inserted|stuck)|is (put|placed|inserted)|placed|put|inserted|stuck|in)\b|\bwhere\b.{0,40}\b(put|place|insert|stick|position) (the |their |them |those |all the )?needles?\b|\b(where|how) (to|they|he|she|you|the \w+|an? \w+) (decide|decides|choose|chooses|pick|picks|know|knows) (where|which (spots|points|places))\b/;

/** One of the two treatments turned down ("not the dry needle one", "rather than acupuncture"). */
const TREATMENT_TURNED_DOWN =
  /\b(not|rather than|instead of|except|but not|apart from|other than)\s+(the\s+)?(dry needl\w*|dry needle|dn|acupuncture|acu)(\s+(one|list|kind|side|please))?\s*[.!]*$/;

/** Whether a message ends by turning one treatment down ("…, not the dry needle one"). */
export function treatmentTurnedDown(text: string): boolean {
  return TREATMENT_TURNED_DOWN.test(text.toLowerCase());
}

/** The writer's own complaint told ("I have PCOS", "I've got gout", "I was diagnosed with lupus"), and its words. */
const HAS_TOLD =
  /\b(i have|i've got|i’ve got|ive got|i have got|i suffer from|i was diagnosed with|i live with)\s+(?:a |an )?([a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?)(?=\s+(?:and|but|so|which|that|too)\b|\s*[.,!?;]|$)/i;

/** "the same thing with two different names", "needles are needles", "just a rebrand": the two doubted to be two. */
// ("aren't these both just sticking needles in people?", "isn't it all just needles?")
const SAME_DOUBTED =
  /\b(the )?same (thing|treatment|stuff|needles|deal) (with|under|by|but with|just with) (two |a |2 )?(different|another|new|fancy|fancier) (names?|label|labels|badge|branding)\b|\bneedles are needles\b|\b(are not|arent|aren t|isnt|isn t|is not) (these|they|those|the two|them|it all|this all|both)( both| two)? (just|only|simply|basically|really) ((about )?(sticking|putting|poking|inserting|jabbing|shoving) )?(needles|pins)\b|\b(just |basically |really )?(a |the same )?(rebrand|rebranding|rebadge|rebadged|rebranded)\b/;

/** "how can they be completely different?", "why are they even different?": the difference asked in doubt. */
const DIFFERENCE_DOUBTED =
  /\b(how|why) (can|could|are|is|would|do|does) (they|the two|both|these|those|them|the 2)( (really|even|possibly|actually|be|both|then))* (so |completely |totally |really |that |any |at all )?(different|not the same|any different)\b/;

/**
 * One treatment had already, the other asked after ("my physio does dry needling already, would acupuncture add
 * anything?", "I've had dry needling before, is acupuncture worth trying as well?"): what the other one is, beside it.
 */
const ONE_ALREADY_HAD =
  /\b(already (get|gets|getting|have|having|had|do|doing|done|tried|use|using)|(i ve|ive|i have|i d|i) (had|tried|done|been having|been getting|been doing|get|have) (a bit of |some |lots of |plenty of |heaps of )?(acupuncture|dry needling)|(my|our|the|a) (physio|physiotherapist|chiro|chiropractor|osteo|osteopath|myo|myotherapist|massage therapist|remedial therapist|gp|doctor|dr|sports doctor|trainer)( \w+)? (does|do|did|has done|has been doing|gives|gave|uses|used|offers|offered|tried))\b/;
const OTHER_ONE_ASKED =
  /\b(add anything|add much|add to it|(worth|worthwhile) (trying|a go|a try|a shot|adding|it|doing)|any (different|better|more)|differ|different|(be|do|work) (any )?(better|more)|on top|as well|too|instead|switch|swap|change (to|over)|also)\b/;

/** What the article's "internal ailments" are, asked. */
const INTERNAL_ASKED =
  /\b(what|which)( sorts?| kinds?| types?)?( of)?( \w+)? (count|counts|would count|are|is|would be|qualify|qualifies) (as )?(an |the |these |those )?internal\b|\binternal (ailments?|stuff|problems|issues|things|conditions)( \w+){0,3} (mean|meaning|means|meant|definition|explained|like what|such as what|for example|examples?)\b|\bwhat (do|does) (you|the article|it|they) mean by internal\b|\b(what|which) (sorts?|kinds?|types?) of internal (ailments?|things|stuff|problems|issues|conditions)\b/;

/** Doubt that the treatment works at all ("is it legit?", "is it just woo woo?", "is dry needling a scam?"). */
const DOUBTS_IT_WORKS =
  /\b(is|isn t|isnt|are|s) (acupuncture|acu|dry needling|dn|needling|it|that|this|they)( (all|just|really|actually|even|a bit|basically|only))* (legit|legitimate|a scam|a con|bogus|woo|woo woo|hocus pocus|mumbo jumbo|snake oil|quackery|quack|pseudoscience|pseudo science|a load of rubbish|rubbish|nonsense|hogwash|bs|bull|placebo|just placebo|made up|a myth)\b|\b(does|do) (acupuncture|acu|dry needling|dn|needling|it|this|that|they) (actually|really|even|truly) work\b|\b(is|isn t|isnt|s) (acupuncture|acu|dry needling|dn|needling|it|that|this) (actually |really |even |all |just )?(proper |real |actual |legit |hard |based on )?(science|scientific|evidence based|proven|backed by (science|research|evidence))\b|\b(has|have|was|were|is) (acupuncture|acu|dry needling|dn|needling|it|that|this|they|any of (it|that|this|them))( (actually|really|ever|even|properly|scientifically))*( been)?( (actually|really|ever|even|properly|scientifically))* (proven|tested|studied|researched|backed up|shown to work)\b|\b(or|just) (hippie|hippy|new age|airy fairy) (stuff|nonsense|rubbish|crap|thing|things)\b/;

/** Whether it helps with something named ("does acupuncture help hay fever", "is dry needling good for shin splints"). */
const HELPS_WITH_ASKED =
  /\b(does|do|can|could|will|would|is|are) (acupuncture|acu|dry needling|dn|needling|it|they) (actually |really |even )?(help|helps|work for|works for|work on|good for|treat|fix|cure) (with |for )?(my |the |a |his |her |their )?(?!(it|that|this|anything|anyone|people|you|me|much|at all|or)\b)[a-z]+/;

/** "would gout fall under…", "does that count as…": what is asked to count as something else. */
const COUNTED_AS =
  /\b(?:does|do|would|will|could|can|is|are|might|should)\s+(?:my |his |her |their |the |a |an )?([a-z][a-z'-]*(?: [a-z][a-z'-]*){0,2}?)\s+(?:count|counts|be counted|fall|falls|come|comes|qualify|qualifies|be classed|be classified|be considered|go|goes|sit|sits|belong|belongs)\s+(?:as|under|in|into|with|among)\b/;

/** "does it count under osteoarthritis?", "would that fall under knee pain?": something said before asked to count as one. */
// ("not even under the osteoarthritis one?", "what about under knee pain?": the same, elliptical)
export function asksIfItCounts(text: string): boolean {
  const lower = text.toLowerCase().trim();
  const m = COUNTED_AS.exec(lower);
  return (m !== null && POINTING_WORD.test(m[1])) || UNDER_ANOTHER.test(lower);
}
/** What "counts as" is asked of when it only points back ("does it count…", "would that fall under…"). */
const POINTING_WORD = /^(it|that|this|mine|his|hers|theirs|them|those|these)$/;
const UNDER_ANOTHER = /^(and |but |so |ok |okay )?(not |what about |how about )?(even )?(under|as part of|part of|in with) (the|your|ur) /;

/** A question this short about how it feels asks nothing else ("does that hurt much when they do it?"). */
const FEELS_ASKED_WORDS = 10;
/** "what does it feel like…" says what it asks in so many words: up to this many. */
const FEELS_LIKE_ASKED_WORDS = 20;

const THANKS_INTENT = 'thanks';
const YES_NO_OPENING = /^(is|are|does|do|can|could|will|would|should|did|was|were|has|have)$/;
const THANKS_WORDS = new Set(['thanks', 'thank', 'thankyou', 'thx', 'ta', 'cheers', 'appreciate', 'appreciated']);
/** A yes-no question further on ("ok I'll tell my husband, can he come too?"): asked, whatever the words before it. */
const ASKS_FURTHER_ON = /\b(can|could|may|should|will|would) (he|she|they|we|i|my \w+|our \w+) (come|join|bring|sit|be|have|get|stay|watch|wait)\b/;

/** Thanks or praise a question may open with ("great, how do I book?", "ta for that. how do i book", "sounds good, where…"). */
const COURTESY_OPENING =
  /^((thanks|thank you|thankyou|ta|cheers|great|cool|sounds good|sounds great|perfect|lovely|awesome|ok|okay|brilliant|excellent|nice|sweet|fab|fantastic|wonderful|right|alright|beaut|legend|gotcha|noted|understood|good)( (so much|heaps|a lot|very much|mate|for (that|this|the info|the information|your help|the help|explaining|letting me know)))* )+/;
const QUESTION_OPENING = /^(how|what|whats|why|when|where|who|which|is|are|do|does|can|could|would|will|should|may)\b/;

/**
 * The words the classifier reads: a question's own, without the thanks or praise it opens with ("great, how do I
 * book?" is asked as "how do I book"; those words alone tipped short questions to out of scope). Words that are all
 * courtesy, or that go on with anything but a question, are read whole.
 */
function withoutCourtesy(words: string[]): string[] {
  const said = words.join(' ');
  const opening = COURTESY_OPENING.exec(said + ' ');
  if (!opening) return words;
  const rest = words.slice(opening[0].trim().split(' ').length);
  // ("ok what about dry needling then?": a follow-up keeps its opening, the conversation reads it)
  return rest.length >= 2 && QUESTION_OPENING.test(rest[0]) && !/^(what|how) about$/.test(rest.slice(0, 2).join(' ')) ? rest : words;
}

/** The modal a question puts first ("would acupuncture do…"). */
const MODALS = new Set(['would', 'will', 'can', 'could', 'should', 'might']);
/**
 * "does that mean acupuncture would do the ringing in my ears?" is asked as "would acupuncture do the ringing in my ears":
 * what was read, checked, frames the question; the classifier reads the question.
 */
function withoutMeaningFrame(words: string[]): string[] {
  const start = words[0] === 'so' ? 1 : 0;
  if (!/^(does|do)$/.test(words[start] ?? '') || !/^(that|this|it)$/.test(words[start + 1] ?? '') || words[start + 2] !== 'mean') return words;
  const from = words[start + 3] === 'that' ? start + 4 : start + 3;
  const modal = words.slice(from, from + 4).findIndex((w) => MODALS.has(w));
  if (modal < 1) return words;
  return [words[from + modal], ...words.slice(from, from + modal), ...words.slice(from + modal + 1)];
}

/** Polite hedges that ask nothing ("are you open Sunday by any chance?", "…, if possible"), word runs as tokenised. */
const HEDGES = [
  ['by', 'any', 'chance'],
  ['by', 'chance'],
  ['if', 'possible'],
  ['if', 'you', 'do', 'not', 'mind'],
  ['if', 'you', 'dont', 'mind'],
];

/** The words without the hedges ("by any chance" leaned short questions to out of scope). */
function withoutHedges(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    const hedge = HEDGES.find((h) => h.every((w, j) => words[i + j] === w));
    if (hedge) i += hedge.length;
    else out.push(words[i++]);
  }
  return out.length > 0 ? out : words;
}

/**
 * "What does acupuncture balance, according to the practitioners?": whose view is asked for is how the question is put,
 * not what it asks ("practitioners" otherwise leans to questions about the clinic's staff).
 */
function withoutAttribution(words: string[]): string[] {
  const at = words.findIndex((w, i) => w === 'according' && words[i + 1] === 'to');
  if (at < 0) return words;
  let end = at + 2;
  if (/^(the|your|our|their|most|some)$/.test(words[end] ?? '')) end++;
  // (only the treatment's own authorities: "according to my naturopath" tells what the patient was told)
  if (!/^(practitioners?|acupuncturists?|article|website|site|theory|tradition|experts?|you|them|it|research|science)$/.test(words[end] ?? ''))
    return words;
  end++;
  const rest = [...words.slice(0, at), ...words.slice(end)];
  return rest.length >= 3 ? rest : words;
}

export class IntentRecognizer {
  private readonly speller: SpellCorrector;
  private readonly domain: Set<string>;
  private readonly counts: Map<string, number>;
  /** How often each stem is in training: "trying" is as common as "try" (rare words are things the model never saw). */
  private readonly stemCounts = new Map<string, number>();

  constructor(
    readonly model: IntentModel,
    private readonly matchers: EntityMatchers,
    private readonly options: RecognizerOptions,
  ) {
    this.counts = new Map(model.vocabulary);
    // An inflection of a known word ("choosing": choose) is no typo, whatever word it is a letter or two from ("shooting").
    for (const [w, n] of this.counts) this.stemCounts.set(stem(w), (this.stemCounts.get(stem(w)) ?? 0) + n);
    const knownStems = new Set(this.stemCounts.keys());
    // ("does it hurt though": a discourse word is no typo of a word the model knows, "through")
    // (nor is a word of the article's own: "internal ailments" is not "internet")
    this.speller = new SpellCorrector(this.counts, (w) => knownStems.has(stem(w)) || DISCOURSE.has(w) || !!options.articleStems?.has(stem(w)));
    this.domain = new Set(model.domainStems);
  }

  /**
   * "Do you also do cupping?", "is remedial massage better than dry needling?", "should I take ibuprofen before
   * needling?": another therapy, or advice about a medicine. Not when the message names a listed condition ("I take
   * Panadol for my back, can dry needling help?" is a question about the back).
   */
  private notCoveredAsked(a: ReturnType<typeof analyse>): Recognition['notCovered'] {
    const norm = a.tokens.map((t) => t.norm);
    const joined = norm.join(' ');
    const care = SELF_CARE.exec(joined);
    if (care && selfCareAsked(a.cleaned, SELF_CARE)) return { kind: 'selfcare', text: careNamed(care[3]) };
    if (ICE_OR_HEAT.test(joined) && selfCareAsked(a.cleaned, ICE_OR_HEAT)) return { kind: 'selfcare', text: 'ice' };
    if (REST_OR_ACTIVE.test(joined) && selfCareAsked(a.cleaned, REST_OR_ACTIVE)) return { kind: 'selfcare', text: 'rest' };
    // "How many milligrams of magnesium should I take for cramps?": a dose is advice about a medicine, whatever the
    // article says of the thing dosed.
    const dose = doseAsked(joined);
    if (dose) return { kind: 'medicine', text: dose, dose: true };
    if (!this.matchers.notCovered) return undefined;
    const found = this.matchers.notCovered.match(norm, norm.map(stem))[0];
    if (!found) return undefined;
    // ("or only the osteo kind?": a kind of arthritis, not the osteopath)
    if (/^(one|ones|kind|type|sort|variety|version)$/.test(norm[found.to] ?? '')) return undefined;
    // ("she's got osteo in her hands": the word is inside a condition's own words, osteoarthritis, not the osteopath)
    const serviceSaid = norm.slice(found.from, found.to).join(' ');
    if (a.conditions.some((c) => ` ${words(c.text).join(' ')} `.includes(` ${serviceSaid} `))) return undefined;
    if (servicePersonOnly(norm, found, joined)) return undefined;
    // ("who uses dry needling, is it a physio thing or a massage thing?", "do massage therapists do dry needling?": who
    // practises the treatment, asked by trades, the other service's among them)
    if (a.treatments.length > 0 && WHO_PRACTISES.test(joined)) return undefined;
    // A medicine asked about directly ("can you recommend a painkiller for my headaches?") whatever else is named.
    // ("Is it better than a cortisone shot for shoulder impingement?": a listed condition set beside a medicine is asked
    // about; the answer says what the article says of it, and compares nothing)
    if (found.value === 'medicine' && a.conditions.some((c) => !c.value.partial && !c.value.excluded) && /\bbetter than\b/.test(joined))
      return undefined;
    if (found.value === 'medicine') {
      // ("I've tried the creams and the fish oil, some good, some not so much … is dry needling any use for
      // osteoarthritis?": with a condition named, the medicine's own sentence must ask about it)
      const named = norm.slice(found.from, found.to).join(' ');
      // ("My GP put me on amitriptyline for nerve pain. Should I stop taking it if I start acupuncture?": the next
      // sentence asks of it) ("shud i take nurofen or panadol for my back": asked in SMS spelling, read as the words say)
      const sentences = sentencesOf(a.cleaned).map((x) => ({ x, said: words(x).join(' ') }));
      const own = sentences.filter((o, i) => ` ${o.said} `.includes(` ${named} `) || (i > 0 && askedOfItAfter(sentences[i - 1].said, named, o.said)));
      const asked =
        own.length === 0
          ? MEDICINE_ASKED.test(joined)
          : own.some((o) => MEDICINE_ASKED.test(o.said) && (ASKED_SENTENCE.test(o.x.trim()) || ASKED_SENTENCE.test(o.said)));
      // ("Dermatologist has been giving me cortisone injections… Does acupuncture help hair grow back?", "I take a magnesium
      // supplement… Does the needling put magnesium into you?": a medicine told in a sentence of its own, and a question
      // about something else; in a message of several sentences the medicine's own sentence must ask about it too)
      // ("I take a blood thinning tablet every day… should I stop taking my blood thinner beforehand?": asked of in other words)
      const several = sentences.length > 1;
      const askedAnyway =
        several &&
        sentences.some(
          (o) => MEDICINE_ASKED.test(o.said) && MEDICINE_WORDED.test(o.said) && (ASKED_SENTENCE.test(o.x.trim()) || ASKED_SENTENCE.test(o.said)),
        );
      if (!MEDICINE_ADVICE.test(joined) || ((a.conditions.length > 0 || several) && !asked && !askedAnyway)) return undefined;
    } else if (
      // ("a massage gun", "tried a foam roller and a massage gun… which would suit me better?": a device, or a service told
      // as already tried while something else is asked)
      DEVICE.test(norm[found.to] ?? '') ||
      // (never when it is named again, asked: "I've had remedial massage for years, is dry needling better than massage?")
      (TRIED_BEFORE.test(norm.slice(Math.max(0, found.from - 6), found.from).join(' ')) &&
        !ASKED_OF_IT.test(joined) &&
        !norm.slice(found.to).includes(norm[found.to - 1])) ||
      (a.conditions.length > 0 && !(COMPARES.test(joined) || orBeside(norm, found.from, found.to) || askedOf(norm, found.from))) ||
      !asksAboutService(a.cleaned, norm.slice(found.from, found.to).join(' '))
    )
      return undefined;
    return { kind: found.value, text: norm.slice(found.from, found.to).join(' ') };
  }

  /** Whether a thing asked about names a treatment or one of the article's concepts ("dry needling", "a knot"). */
  private namesTreatment(thing: string): boolean {
    const raw = words(thing);
    const stems = raw.map(stem);
    return (this.matchers.treatments?.match(raw, stems).length ?? 0) > 0 || (this.matchers.concepts?.match(raw, stems).length ?? 0) > 0;
  }

  /** Whether a word's stem is rare in training ("trying" counts as "try", "tries" and "tried"). */
  private rare(word: string): boolean {
    return (this.stemCounts.get(stem(word)) ?? 0) < RARE_WORD_COUNT;
  }

  /**
   * Whether a word as the patient wrote it may name a thing the training does not know: rare, and not a word WordNet
   * knows only as a verb ("which treatment do u reckon?" names no unlisted "reckon"). (A typo's correction may be a
   * verb, "sinus" read as "sings": only the written word is judged so.)
   */
  private unknownWord(word: string): boolean {
    return this.rare(word) && !onlyVerb(word) && !HOW_ONE_FEELS.has(word);
  }

  /** Whether some word of a thing asked about is rare in training and not one of the article's ("tinnitus", "floaters"). */
  private unknownThing(text: string): boolean {
    return words(text).some(
      (w) => isContentWord(w) && w.length > 2 && !VAGUE_NOUNS.has(w) && this.unknownWord(w) && !this.options.articleStems?.has(stem(w)),
    );
  }

  /**
   * "dry needling tinnitus?", "scoliosis needling", "gout big toe needles": a few words typed as into a search box, a
   * treatment and a complaint, no question word and nothing else, ask whether the treatment is for it. The complaint:
   * one the knowledge names, or the unknown word that names a state; undefined when the words are no such query.
   */
  private keywordThing(a: Analysis, plain: string[]): string | undefined {
    const said = plain.filter((w) => !FUNCTION_WORDS.has(w));
    if (said.length === 0 || !typedAsSearch(plain)) return undefined;
    // (a complaint: one the knowledge names, or an unknown word WordNet calls a state, as diseases are: "gout", not
    // "aftercare" or "vouchers", nor a state asked about rather than treated: "safety", "pregnancy")
    return a.otherComplaint ?? said.find((w) => !ASKED_STATES.has(w) && this.unknownThing(w) && namesAState(w));
  }

  /** "used for PCOS at all?", "I have an underactive thyroid. Is acupuncture recommended for that?": a thing we do not know after "for". */
  private asksForUnknown(text: string): boolean {
    return thingsAfterFor(text).some((t) => this.unknownThing(t));
  }

  /**
   * The words of an unknown thing asked about ("for PCOS at all" -> "PCOS", "I have gout." -> "gout", "hiccups acu??" ->
   * "hiccups"): the first of the phrases `thingPhrases` finds that names no treatment and has a word we do not know.
   */
  private unknownPhrase(text: string): string | undefined {
    return thingPhrases(text).find((thing) => !this.namesTreatment(thing) && this.unknownThing(thing));
  }

  /** The unknown thing the writer says they have ("I have PCOS and…" -> "PCOS"), if any. */
  private toldUnknown(text: string): string | undefined {
    const m = HAS_TOLD.exec(text);
    const thing = m?.[2]?.trim();
    return thing && !this.namesTreatment(thing) && this.unknownThing(thing) ? thing : undefined;
  }

  /** What a message asks to count as a listed condition it names, when the article does not name it ("gout" of "would gout fall under osteoarthritis?"). */
  private countedAs(a: ReturnType<typeof analyse>): string | undefined {
    if (a.conditions.length === 0) return undefined;
    const m = COUNTED_AS.exec(a.cleaned.toLowerCase());
    if (!m) return undefined;
    // ("I have gout in my knee, does that count as knee pain?": "that" is the thing told before it)
    const toldBefore = () =>
      /\b(?:have|has|got|get|with)\s+(?:a |an |some |bad |the |really bad )?([a-z][a-z'-]+)/.exec(m.input.slice(0, m.index))?.[1];
    const pointed = POINTING_WORD.test(m[1]);
    const told = pointed ? (a.excluded[0]?.text ?? this.unknownPhrase(a.cleaned) ?? toldBefore()) : m[1];
    // ("gout in my knee": the thing, not where it is)
    const said = told?.replace(/\s+(in|on|at|of|around|near)\s.*$/, '');
    if (!said || !this.unknownThing(said)) return undefined;
    const lower = said.toLowerCase();
    return a.conditions.some((c) => lower.includes(c.text.toLowerCase()) || c.text.toLowerCase().includes(lower)) ? undefined : said;
  }

  /** `hint.patientsOwn`: the conversation is about the patient's complaint (a follow-up describes it without "my"). */
  /** The body part of the named condition the text mentions ("my knuckles" of osteoarthritis), if any. */
  placeOf(text: string, conditionName: string): string | undefined {
    const tokens = tokenize(cleanText(text)).map((t) => t.norm);
    return this.matchers.descriptions?.partOf(tokens, tokens.map(stem), conditionName);
  }

  /** The listed condition whose name a lone word begins ("golfers?" of Golfer’s elbow), if it begins one condition's only. */
  nameBegunBy(word: string): string | undefined {
    return this.matchers.nameStarts?.get(nameStartKey(word.trim()));
  }

  /** The named condition's cues the text tells ("the one-sided throbbing ones" of migraine). */
  cuesOf(text: string, conditionName: string): string[] {
    const tokens = tokenize(cleanText(text)).map((t) => t.norm);
    const found = this.matchers.descriptions?.cuesOf(conditionName, tokens, tokens.map(stem)) ?? [];
    return found.filter((m) => !negatedBefore(tokens, m.from)).map((m) => tokens.slice(m.from, m.to).join(' '));
  }

  recognize(text: string, hint: { patientsOwn?: boolean } = {}): Recognition {
    // ("Sorry if this is a silly question but what is acupuncture mainly used for?": the apology before it asks nothing)
    const apology = APOLOGY_LEAD.exec(text);
    if (apology && text.slice(apology[0].length).trim().split(/\s+/).length >= 3)
      return { ...this.recognize(text.slice(apology[0].length), hint), text };
    // ("acu 4 anxiety?? askin 4 my mum x": on whose behalf it is asked is no part of the question; "…what does that
    // actually mean? Sorry, I'm probably overthinking the wording.": nor is an apology after it; the text is kept whole)
    const sentences = sentencesOf(text);
    const last = sentences.at(-1)?.trim() ?? '';
    if (sentences.length > 1 && (ON_BEHALF_ONLY.test(last) || (!last.includes('?') && socialOnly(last) !== undefined))) {
      const rest = sentences.slice(0, -1).join(' ');
      if (rest.trim().split(/\s+/).length >= 2) return { ...this.recognize(rest, hint), text };
    }
    const whole = this.withUnknownDiagnosis(this.withPlaceOnly(this.recognizeText(text, hint)));
    // ("Sorry if I get the names wrong, I always muddle up the medical words": an apology for the wording that asks and
    // names nothing is met with what can be asked)
    if (wordingApologyOnly(text) && whole.conditions.length === 0 && whole.treatments.length === 0)
      return { ...whole, intent: 'help', score: 1, reason: 'entity' };
    const own = this.withoutOthersStory(text, hint, whole);
    if (own) return own;
    // (not when the message asks about something the knowledge does not know: "…your eyesight at all? My glasses…")
    const declined = DECLINED.has(whole.intent) && !whole.unknownAsked && !whole.unlistedText;
    return this.summedUp(text, hint) ?? (declined ? (this.oneQuestionAsked(text, hint) ?? this.askedAfterFiller(text, hint)) : undefined) ?? whole;
  }

  /**
   * "My aunty used to get numb fingers from all her sewing and she said the needles helped. I've got tingling in my thumb
   * and first two fingers, worse at night…": a sentence that tells another person's treatment or complaint, with nothing
   * of the writer's in it, beside the writer's own complaint told in the first person. The writer's own words decide the
   * condition: when the whole message found no listed condition and the rest finds one, the rest is what is asked (the
   * text kept as written).
   */
  private withoutOthersStory(text: string, hint: { patientsOwn?: boolean }, whole: Recognition): Recognition | undefined {
    if (whole.conditions.length > 0) return undefined;
    const sentences = sentencesOf(text).map((said) => ({ said, plain: plainForm(said) }));
    if (sentences.length < 2) return undefined;
    const isStory = (x: { plain: string }) => OTHERS_STORY.test(x.plain) && !WRITER_IN_IT.test(x.plain);
    const story = sentences.filter(isStory);
    const rest = sentences.filter((x) => !isStory(x));
    if (story.length === 0 || rest.length === 0 || !rest.some((x) => WRITER_IN_IT.test(x.plain))) return undefined;
    // (a treatment named only in the story stays the one asked about: not dropped with it)
    if (story.some((x) => NAMED_TREATMENT.test(x.plain)) && !rest.some((x) => NAMED_TREATMENT.test(x.plain))) return undefined;
    const again = this.withUnknownDiagnosis(this.withPlaceOnly(this.recognizeText(rest.map((x) => x.said).join(' '), hint)));
    // (a listed condition found in the writer's own words; not a broader word for what they described)
    return again.conditions.length > 0 && again.conditions.every((c) => !c.value.described || !c.value.partial) ? { ...again, text } : undefined;
  }

  /**
   * "ye so can you needle it", "ok righto, does it hurt much?": a message the model declines as a whole whose question,
   * after the fillers it opens with, is one it understands; that question is what is asked (the text kept as written, for
   * the follow-up rules that read its opening).
   */
  private askedAfterFiller(text: string, hint: { patientsOwn?: boolean }): Recognition | undefined {
    const asked = withoutLeadingFiller(text.trim());
    if (asked === text.trim() || !QUESTION_AFTER_FILLER.test(asked) || asked.split(/\s+/).length < MIN_ASKED_AFTER_FILLER) return undefined;
    const again = this.withUnknownDiagnosis(this.withPlaceOnly(this.recognizeText(asked, hint)));
    return DECLINED.has(again.intent) ? undefined : { ...again, text };
  }

  /**
   * "What's the difference between acupuncture and dry needling? Sorry, I know it's probably the most asked question in
   * the world, I just get so confused…": a message the model declines as a whole, whose one asking sentence is a question
   * of the clinic's on its own; that question is what is asked (as `summedUp`: the told sentences are no parts of it).
   */
  private oneQuestionAsked(text: string, hint: { patientsOwn?: boolean }): Recognition | undefined {
    const sentences = sentencesOf(text).filter((x) => x.trim());
    if (sentences.length < 2) return undefined;
    const asking = sentences.filter((x) => x.includes('?'));
    if (asking.length !== 1) return undefined;
    const asked = asking[0].trim();
    // (a question that points back into what was told leans on it: "Shin splints from netball. Are they counted…?")
    // (except a choice between the two treatments, which reads the story for what it is for: "…my muscles have 'learnt' to
    // hold me wrong. Which treatment is aimed at that sort of thing?")
    if (/\b(that|this|it|these|those|them|they|he|she|his|her|hers|mine|its)\b/i.test(asked)) return this.choiceAskedOfStory(text, asked, hint);
    return this.summedUpAs(asked, hint);
  }

  /** The story's one question, a choice between the two treatments that points back at what was told: that choice, the story kept. */
  private choiceAskedOfStory(text: string, asked: string, hint: { patientsOwn?: boolean }): Recognition | undefined {
    // (a choice asked in so many words: "would either treatment help with those?" asks of the thing told, no choice)
    if (!/\bwhich\b/i.test(asked)) return undefined;
    const r = this.recognizeText(asked, hint);
    return r.intent === 'which_suits' && r.score >= SUMMED_UP_SURE && r.conditions.length === 0 ? { ...r, text } : undefined;
  }

  /**
   * "…my husband says they're totally different and now we're arguing about it lol so basically what's the difference
   * between acupuncture and dry needling??": a long story, then the question it comes to after "so basically", "long
   * story short", "my question is": that question is what is asked, when it is a question of the clinic's on its own.
   */
  private summedUp(text: string, hint: { patientsOwn?: boolean }): Recognition | undefined {
    if (text.split(/\s+/).length < SUMMED_UP_MIN_WORDS) return undefined;
    const m = SUMMED_UP.exec(text);
    if (!m) return undefined;
    const asked = text.slice(m.index + m[1].length).trim();
    // (a question mark is often left off: "long story short would the needles help my neck and the headaches")
    if (asked.split(/\s+/).length < 4) return undefined;
    // ("Anyway long story short, would dry needling be suitable for that?": the question points back into the story)
    if (/\b(that|this|it|these|those|them|all that|any of it)\b/i.test(asked)) return undefined;
    return this.summedUpAs(asked, hint);
  }

  /** The question `asked`, recognised alone, when it names what it asks of and the model is sure of it; else undefined. */
  private summedUpAs(asked: string, hint: { patientsOwn?: boolean }): Recognition | undefined {
    const r = this.withUnknownDiagnosis(this.withPlaceOnly(this.recognizeText(asked, hint)));
    // (only a question that names what it asks of: "so basically, can you help?" leans on the story, which stays)
    // ("how are the two different??": the two are the treatments, named or not)
    const names = r.treatments.length > 0 || r.conditions.length > 0 || (r.implied?.length ?? 0) > 0 || TWO_COMPARED.has(r.intent);
    // (the same intent too: the story's complaints are no part of the question, "so basically how are the two different??")
    // (a condition question too, when the question names its own: "long story short would the needles help my neck and the
    // headaches", not the mate's back told in the story)
    const ownCondition = r.intent === this.options.conditionIntent && r.conditions.length > 0;
    if (!names || !((SUMMED_UP_INTENTS.has(r.intent) && r.score >= SUMMED_UP_SURE) || ownCondition)) return undefined;
    return { ...r, text: asked, summedUp: true };
  }

  /**
   * "I have chondromalacia in my knee", "my son has Osgood-Schlatter in his knee": a thing the model has never seen, told
   * as what someone has in the body part of a listed condition, is a diagnosis the list does not name: the listed one
   * partly, with theirs said, never "Yes" to it.
   */
  private withUnknownDiagnosis(r: Recognition): Recognition {
    if (r.intent !== this.options.conditionIntent || r.conditions.length !== 1) return r;
    const c = r.conditions[0];
    if (c.value.partial || c.value.excluded || !/^[a-z ]+$/i.test(c.text)) return r;
    const part = c.text.toLowerCase();
    const m = new RegExp(
      `\\b(?:have|has|got|with|diagnosed with|called)\\s+(?:an?\\s+)?([a-z][a-z'’-]+(?:\\s+[a-z][a-z'’-]+)?)\\s+(?:in|of|on)\\s+(?:my|his|her|their|the|both|your|our)\\s+(?:(?:left|right|both)\\s+)?${part}\\b`,
    ).exec(r.text.toLowerCase());
    if (!m) return r;
    const { tokens, stems } = wordsOf(m[1]);
    const named = tokens.filter(isContentWord);
    const d = this.matchers.descriptions;
    const unknown =
      named.length > 0 &&
      named.every((w) => w.length > 3 && this.unknownWord(w) && !this.options.articleStems?.has(stem(w))) &&
      !(d?.hasSymptom(tokens, stems) ?? false);
    // (said as written: "Osgood-Schlatter")
    const from = m.index + m[0].indexOf(m[1]);
    const said = r.text.length === r.text.toLowerCase().length ? r.text.slice(from, from + m[1].length) : m[1];
    return unknown ? { ...r, conditions: [{ value: { ...c.value, partial: true }, text: said }], unlistedMention: true } : r;
  }

  /** Whether the text tells a symptom of a body part that listed conditions cover ("my wrists are sore"). */
  private placeTold(text: string): boolean {
    const d = this.matchers.descriptions;
    if (!d) return false;
    const { tokens, stems } = wordsOf(text);
    return d.hasSymptom(tokens, stems) && d.placeOwners(tokens, stems) !== undefined;
  }

  /**
   * Whether the text tells the writer's own complaint: a symptom word and a body part, listed or not ("sore between my
   * shoulder blades from hunching at the laptop", "my thumb joint aches when I open jars").
   */
  private ownComplaintTold(text: string, norm: string): boolean {
    const d = this.matchers.descriptions;
    if (!d || !OWN.test(norm)) return false;
    const { tokens, stems } = wordsOf(text);
    // (not when it names a diagnosis, "podiatrist said Morton's neuroma": that is what the message is about)
    return d.hasSymptom(tokens, stems) && d.namesBodyPart(tokens, stems) && d.complaintWords(tokens, stems).size > 0;
  }

  /** Whether the text is only a complaint of such a place, nothing else said ("my wrists are sore", "sore hands"). */
  private bareComplaint(text: string): boolean {
    const d = this.matchers.descriptions;
    if (!d) return false;
    const { tokens, stems } = wordsOf(text);
    if (!d.hasSymptom(tokens, stems) || d.placeOwners(tokens, stems) === undefined) return false;
    const covered = d.complaintWords(tokens, stems);
    return tokens.every((w, i) => covered.has(i) || !isContentWord(w));
  }

  /**
   * "my hand has been playing up lately, can the needles help?": a condition question naming no condition and no
   * unknown thing, but a body part several listed conditions cover and a symptom word; the place and its conditions.
   */
  private withPlaceOnly(r: Recognition): Recognition {
    // ("my wrists are sore": a complaint told and nothing else is a question about it, whatever the model leans to)
    if (
      this.options.conditionIntent &&
      BARE_COMPLAINT_MISREAD.has(r.intent) &&
      r.conditions.length === 0 &&
      r.treatments.length === 0 &&
      !r.unlistedText &&
      this.bareComplaint(r.text)
    )
      r = { ...r, intent: this.options.conditionIntent, reason: 'entity' };
    // ("do you treat achy wrists?", "sore wrist, can you help?": what it treats, asked of a place the list covers)
    if (
      this.options.conditionIntent &&
      r.intent === this.options.usesIntent &&
      r.conditions.length === 0 &&
      r.treatments.length === 0 &&
      !r.unlistedText &&
      this.placeTold(r.text)
    )
      r = { ...r, intent: this.options.conditionIntent };
    // (a complaint told in words the model does not know, marked for the dialog, gets its place too)
    if ((r.intent !== this.options.conditionIntent && !r.complaintTold) || r.conditions.length > 0 || !this.matchers.descriptions) return r;
    const { tokens, stems } = wordsOf(r.text);
    const place = this.matchers.descriptions.placeOwners(tokens, stems);
    if (!place) return r;
    // ("can dry needling help my wrist?", "would it do my wrist too?": the place alone, asked about, is that place's
    // listed conditions, never "“wrist” isn't on the list")
    const placeWords = new Set(place.part.split(' '));
    const onlyThePlace = r.unlistedText !== undefined && r.unlistedText.split(' ').every((w) => placeWords.has(w));
    if (r.unlistedText && !onlyThePlace) return r;
    if (!onlyThePlace && !this.matchers.descriptions.hasSymptom(tokens, stems)) return r;
    // ("a bunion on my big toe", "gout in my big toe", "psoriasis on my elbows": a thing named there, not only the place)
    // (the complaint's own words, "achy wrists", name nothing more)
    const complaint = this.matchers.descriptions.complaintWords(tokens, stems);
    const named = tokens.filter(
      (w, i) => !complaint.has(i) && isContentWord(w) && w.length > 2 && !placeWords.has(w) && !NEEDLING_WORD.test(w) && this.unknownWord(w),
    );
    return named.length === 0 ? { ...r, placeOnly: place, ...(onlyThePlace ? { unlistedText: undefined } : {}) } : r;
  }

  /**
   * Whether the one condition or concept a message names is a word of the clinic's used in another sense: a word of
   * several senses, nothing else of the clinic's said (no treatment, needles, body told as someone's), and beside it
   * more foreign words than the clinic's, at least two, or one alone when the classifier is sure it is off-topic.
   */
  private otherSense(a: ReturnType<typeof analyse>, content: string[], said: string, top: { intent: string; score: number }): boolean {
    if (a.treatments.length > 0 || NEEDLES.test(said) || OWN.test(said) || KIN.test(said) || PERSON_ASKED.test(said)) return false;
    const found = [...a.conditions, ...a.excluded];
    if (found.some((c) => c.value.described)) return false;
    const raw = a.tokens.map((t) => t.norm);
    const rawStems = raw.map(stem);
    const concepts = this.matchers.concepts?.match(raw, rawStems) ?? [];
    if (found.length + concepts.length !== 1) return false;
    // ("what is the stress test on a home loan", "where is the prime meridian": every word of the clinic's inside a
    // compound WordNet lists as a thing of another kind)
    // (not a compound the knowledge itself names whole: "gut issues" is a complaint, whatever WordNet says of "gut issue")
    const spoken = new Set([...found.flatMap((c) => words(c.text)), ...concepts.flatMap((m) => raw.slice(m.from, m.to))]);
    const compounds = otherKindCompounds(raw).filter((c) => raw.slice(c.from, c.to).some((w) => !spoken.has(w)));
    if (compounds.length > 0) {
      const inCompound = new Set(compounds.flatMap((c) => raw.slice(c.from, c.to)));
      if (spoken.size > 0 && [...spoken].every((w) => inCompound.has(w))) return true;
    }
    // (otherwise the classifier must be sure it is off-topic: a patient's own words are often foreign too, "knees are
    // shot from years of netball", "mainly stress really, work's intense")
    if (top.intent !== this.model.outOfScopeIntent || top.score < 0.95) return false;
    const named = found.length === 1 ? words(found[0].text) : raw.slice(concepts[0].from, concepts[0].to);
    // (one word with more than one sense in WordNet: "hip", "stress", "knot", "meridian"; never "sciatica" or "lactic acid")
    if (named.length !== 1 || synsets(named[0], 99).length < 2) return false;
    // (nor a body part or a symptom anywhere: "knees are shot from years of kneeling", "the sleep and the stomach"; the
    // word itself aside, as "strain", "injury" and "digestive" are symptom words too)
    const namedStem = stem(named[0]);
    const restAt = raw.flatMap((_, i) => (rawStems[i] === namedStem ? [] : [i]));
    const rest = restAt.map((i) => raw[i]);
    if (
      this.matchers.descriptions?.placeOwners(raw, rawStems) ||
      this.matchers.descriptions?.hasSymptom(
        rest,
        restAt.map((i) => rawStems[i]),
      )
    )
      return false;
    const others = content.filter((w) => stem(w) !== namedStem);
    // (a foreign word is one WordNet knows: "mortgage", "biscuits"; not a typo or a shorthand, "tgr pts = knots?")
    const foreign = others.filter((w) => !this.clinicWord(w) && lemma(w) !== undefined).length;
    // (more foreign words than the clinic's beside it: "how to strain homemade stock without a muslin cloth")
    return (foreign >= 2 && foreign > others.length - foreign) || (others.length === 1 && foreign === 1);
  }

  /**
   * A word of the clinic's: in its questions or the article, and not one the model, given the word alone, puts among the
   * off-topic ones ("good", "time", "old" are in both).
   */
  private clinicWord(w: string): boolean {
    if (!this.domain.has(stem(w)) && !this.options.articleStems?.has(stem(w))) return false;
    const feature = 'w:' + featureStem(w, this.model.featureOptions);
    if (!this.model.bayes.knows(feature)) return true;
    return this.model.bayes.classify([feature])[0]?.intent !== this.model.outOfScopeIntent;
  }

  private recognizeText(text: string, hint: { patientsOwn?: boolean } = {}): Recognition {
    const base = { text, alternatives: [], conditions: [], treatments: [], refersBack: false, unlistedMention: false, promise: false };
    if (text.length > this.options.maxChars) return unclassified(text, { reason: 'too_long' });
    const a = analyse(text, this.matchers, this.model.featureOptions.typoCorrection === false ? undefined : this.speller, hint.patientsOwn);
    // ("does it hurt though", "is it painful tho lol": a discourse word is no evidence of what is asked; left out when more is said)
    const told = a.words.filter((w) => !DISCOURSE.has(w));
    if (told.length > 0) a.words = told;
    const plain = a.words.filter((w) => !w.startsWith('<'));
    const writtenWords = new Set(a.tokens.map((t) => t.norm));
    const result = {
      ...base,
      // A broader word found in passing ("queasy" with a migraine) comes after the conditions named or described.
      conditions: [...a.conditions].sort((x, y) => Number(x.value.partial === true) - Number(y.value.partial === true)),
      // Named treatments win; otherwise the article's concepts say which one ("acupoints": acupuncture).
      treatments: a.treatments.length ? [...new Set(a.treatments.map((t) => t.value))] : a.impliedTreatments,
      implied: a.impliedTreatments,
      refersBack: plain.some((w) => BACK_REFERENCES.has(w)),
      unlistedMention:
        a.excluded.length > 0 ||
        a.otherComplaint !== undefined ||
        plain.some((w) => isContentWord(w) && w.length > 2 && (writtenWords.has(w) ? this.unknownWord(w) : this.rare(w))),
      ...(a.excluded.length ? { unlistedText: a.excluded[0].text } : {}),
      ...(a.listedAlso.length ? { listedAlso: a.listedAlso } : {}),
      promise: asksForPromise(a.tokens.map((t) => t.norm)),
    };
    // "hurt my lower back yesterday lifting a crate": the listed condition is a chronic one; what is told is new.
    const lower = a.cleaned.toLowerCase();
    // ("…since last weekend. Is that the chronic lower back pain on your list?": the listed name asked about says nothing of how long)
    if (RECENT_ONSET.test(lower) && !LONG_STANDING.test(lower.replace(/\bchronic (lower |low )?back pain\b/g, ' ')))
      result.conditions = result.conditions.map((c) =>
        c.value.list === 'dryNeedling' && /^chronic\b/i.test(c.value.name) ? { ...c, value: { ...c.value, recent: true } } : c,
      );
    // ("My doctor says I have to give up before my operation in October": an operation still to come leaves no pain after it)
    if (SURGERY_AHEAD.test(lower) && !SURGERY_BEHIND.test(lower))
      result.conditions = result.conditions.filter((c) => c.value.name !== POST_SURGICAL || ALIAS_AFTER_SURGERY.test(c.text.toLowerCase()));
    if (a.words.length === 0) return { ...result, intent: NONE_INTENT, score: 0, reason: 'empty' };
    // ("psoriasis on my elbows and scalp, flares up when im stressed. worth trying acupuncture?"): an ailment of acupuncture's
    // list told only as what sets off the complaint asked about, which the knowledge does not know, is no question of its own
    if (
      result.unlistedMention &&
      result.conditions.length > 0 &&
      result.conditions.every((c) => {
        const told = before(lower, c.text);
        return c.value.list === 'acupuncture' && endsAsTrigger(told) && this.unknownThing(told);
      })
    )
      result.conditions = [];
    // ("My jaw clicks and sort of locks when I yawn, and I clench when I'm stressed … Dentist said TMJ. Can you help with
    // that?": an ailment of acupuncture's list told only as what sets off a listed complaint is no question of its own)
    const triggers = result.conditions.filter((c) => c.value.list === 'acupuncture' && endsAsTrigger(before(lower, c.text)));
    if (triggers.length > 0 && result.conditions.some((c) => !triggers.includes(c) && !c.value.partial && !c.value.excluded))
      result.conditions = result.conditions.filter((c) => !triggers.includes(c));
    // ("…for which problems the acupuncture is used. I want to know the list, not the dry needle one.": of the two named,
    // the one turned down is not asked about)
    if (result.treatments.length === 2) {
      const down = TREATMENT_TURNED_DOWN.exec(lower);
      if (down) result.treatments = [/^(dry|dn|needl)/.test(down[3]) ? 'acupuncture' : 'dryNeedling'];
    }
    // ("Do physios do dry needling, or only acupuncturists?", "is dry needling done by physios or acupuncturists?"): who
    // practises dry needling, the acupuncturists one profession set beside another, no second treatment asked about
    if (result.treatments.length === 2 && professionsSetSideBySide(lower)) result.treatments = ['dryNeedling'];
    // ("would gout fall under osteoarthritis?", "I have gout in my knee, does that count as knee pain?": whether something
    // the article does not name counts as a listed one, which the article does not say: the honest partial answer,
    // never "Yes. Osteoarthritis is on the list")
    const counted = this.countedAs(a);
    if (counted) result.conditions = result.conditions.map((c) => ({ value: { ...c.value, partial: true }, text: counted }));
    // "fibromyalgia, migraines, or asthma?": the listed ones are answered, and the unknown one is named back, not dropped.
    if (a.conditions.length > 0 && result.unlistedMention) {
      const named = a.conditions.map((c) => c.text.toLowerCase());
      const items = askedList(a.cleaned).filter((x) => !named.some((n) => x.toLowerCase().includes(n) || n.includes(x.toLowerCase())));
      const unknown = items.filter((x) => this.unknownThing(x));
      if (unknown.length) Object.assign(result, { unlistedItems: unknown });
    }
    // "what ages do you treat?", "can kids have it?", "she's 15, is that ok?": the article says nothing of ages.
    // (an age limit asked outright is the clinic's, with a condition named or carried over too: "she has it in both hands,
    // she's 80. Any age limits?")
    const plainCleaned = plainForm(a.cleaned);
    if (
      AGE_LIMIT_ASKED.test(plainCleaned) ||
      TIMING_ASKED.test(plainCleaned) ||
      (a.conditions.length === 0 && AGE_ASKED.test(plainCleaned) && (a.treatments.length > 0 || OF_THE_CLINIC.test(plainCleaned)))
    )
      return { ...result, intent: NOT_COVERED_INTENT, score: 1, reason: 'entity' };
    // ("how much does dry needling cost compared to acupuncture?": the price, not the comparison)
    // (with a condition named too, the classifier and the several-questions split decide: "(a) is it suitable for
    // osteoarthritis and (b) is it covered by Medicare?")
    if (a.conditions.length === 0 && moneyAsked(a.cleaned)) return { ...result, intent: NOT_COVERED_INTENT, score: 1, reason: 'entity' };
    // ("good, is it covered on my DVA gold card?": a fund or card asked to cover it, whatever the words the model lacks)
    if (a.conditions.length === 0 && FUND_NAMED.test(plainCleaned) && FUND_ASKED.test(plainCleaned))
      return { ...result, intent: NOT_COVERED_INTENT, score: 1, reason: 'entity' };
    // "what's the name of the practitioner who does the needling?": the clinic's own people, whom the article does not name.
    // ("which of your physios is best for sciatica?": which of them is best, whatever it is for)
    if ((a.conditions.length === 0 && asksAboutStaff(a.cleaned)) || asksWhichStaffIsBest(a.cleaned))
      return { ...result, intent: NOT_COVERED_INTENT, score: 1, reason: 'entity' };
    // ("Does that hurt?" after trigger points, "will it sting?": how the treatment feels, which the article does not say)
    if (
      a.conditions.length === 0 &&
      a.impliedTreatments.length === 0 &&
      a.treatments.length <= 1 &&
      ((words(a.cleaned).length <= FEELS_ASKED_WORDS && asksHowItFeels(a.cleaned)) ||
        (words(a.cleaned).length <= FEELS_LIKE_ASKED_WORDS && asksWhatItFeelsLike(a.cleaned)))
    )
      return { ...result, intent: NOT_COVERED_INTENT, score: 1, reason: 'entity' };
    // ("would the needles mess with the new hip?", "could dry needling damage my implant?": harm to a replaced joint or a
    // device asked about, which the article does not speak to; never "Yes, hip pain is on our list")
    const lowerSaid = a.cleaned.toLowerCase().replace(/[’']/g, '');
    if (HARM_TO_DEVICE.test(lowerSaid)) return { ...result, intent: NOT_COVERED_INTENT, score: 1, reason: 'entity' };
    // ("should i ask my surgeon first?"): whether to ask one's own doctor before treatment
    const ownDoctor = OWN_DOCTOR_FIRST.exec(lowerSaid)?.groups?.who;
    if (ownDoctor)
      return {
        ...result,
        notCovered: { kind: 'ownDoctor', text: ownDoctor },
        intent: NOT_COVERED_INTENT,
        score: 1,
        reason: 'entity',
      };
    const other = this.notCoveredAsked(a);
    if (other) return { ...result, notCovered: other, intent: NOT_COVERED_INTENT, score: 1, reason: 'entity' };
    // ("do you guys do home visits?", "do u do gift vouchers", "can I pay with afterpay?": how the clinic runs, which its
    // details do not hold: the contact reply says so and gives the phone, never a treatment's uses or an unlisted thing)
    // ("is there parking near the clinic or do I need to catch the train my knee's too sore to walk far": a complaint told
    // only as why getting there is hard is no question about it)
    const hindranceOnly = a.conditions.length > 0 && HINDRANCE.test(lowerSaid);
    if ((a.conditions.length === 0 || hindranceOnly) && a.excluded.length === 0 && result.treatments.length === 0 && asksClinicMatter(a.cleaned))
      return {
        ...result,
        conditions: [],
        unlistedMention: false,
        intent: CONTACT_INTENT,
        score: 1,
        reason: 'entity',
        ...(hindranceOnly ? { hindranceOnly } : {}),
      };
    // "and what does it aim to treat?", "what's acupuncture good for?": what the treatment is used for, whatever the words.
    if (
      this.options.usesIntent &&
      a.conditions.length === 0 &&
      (USES_ASKED.test(withoutReportFrame(withoutLeadingFiller(lower.trim()))) ||
        // (as texted: "wat is acu actually good 4 tbh")
        USES_ASKED.test(withoutLeadingFiller(a.tokens.map((t) => t.norm).join(' '))) ||
        usesAskedLast(lower) ||
        (a.treatments.length === 1 && GEARED_TO_WHAT.test(plainCleaned)))
    )
      return { ...result, intent: this.options.usesIntent, score: 1, reason: 'entity' };
    // ("is acupuncture legit or woo woo?", "does dry needling actually work or is it a scam?": whether it is more than
    // belief, which the article's research and theory answer)
    // ("If they both just put thin needles in you, how can they be completely different things? Seems like splitting
    // hairs": the difference asked in doubt, whatever the rest leans on)
    if (a.conditions.length === 0 && a.treatments.length !== 1 && DIFFERENCE_DOUBTED.test(plainCleaned))
      return { ...result, intent: 'difference', score: 1, reason: 'entity' };
    // ("aren't these just the same thing with two different names so clinics can charge more? Needles are needles."):
    // whether they are one thing, doubted; the article says how they are alike and how they differ)
    if (a.conditions.length === 0 && SAME_DOUBTED.test(plainCleaned)) return { ...result, intent: 'similarity', score: 1, reason: 'entity' };
    // ("my physio said something about postural re-something, I hunch… which needle therapy fits that?": the choice)
    // ("I'd like a more traditional approach. My grandmother had acupuncture…, whereas my physio offered me dry needling.
    // Which fits what I'm after?": both told as others' ways, the choice asked last in words of its own)
    const lastAsked = lastSentence(a.cleaned);
    if (
      (result.treatments.length === 0 || (sentencesOf(a.cleaned).length > 1 && !TREATMENT_WORD.test(lastAsked))) &&
      WHICH_FITS.test(result.treatments.length === 0 ? plainCleaned : plainForm(lastAsked))
    )
      return { ...result, intent: WHICH_SUITS_INTENT, score: 1, reason: 'entity' };
    // ("honestly don't know what I need, just want to feel less wrecked after work": the choice, asked unsure)
    if (a.conditions.length === 0 && result.treatments.length === 0 && unsureWhatNeeded(plainCleaned))
      return { ...result, intent: WHICH_SUITS_INTENT, score: 1, reason: 'entity' };
    // ("is that for acupuncture or just dn?": which of the two the thing before is for, never whether one is "just" the other)
    if (a.conditions.length === 0 && result.treatments.length === 2 && WHICH_ONE_FOR_THAT.test(plainCleaned))
      return { ...result, intent: WHICH_SUITS_INTENT, score: 1, reason: 'entity' };
    // ("…acupuncture didn't do much. Would dry needling be a better fit for tight muscles like mine?": which suits, asked of one)
    if (BETTER_FIT.test(plainCleaned) && a.treatments.length > 0) return { ...result, intent: WHICH_SUITS_INTENT, score: 1, reason: 'entity' };
    // ("If I wanted the option grounded in Western medicine for my tight, knotted lower back, which one would that be?":
    // the choice asked with what the writer wants)
    if (a.treatments.length === 0 && IF_I_WANTED_WHICH.test(plainCleaned))
      return { ...result, intent: WHICH_SUITS_INTENT, score: 1, reason: 'entity' };
    // ("what do muscle knots trap?", "what causes muscle knots?", "why do muscle knots hurt?": the knots themselves asked
    // about, the article's idea of them, not whether the condition they name is on the list)
    if (
      this.options.conceptIntent &&
      a.conditions.length > 0 &&
      a.conditions.every((c) => KNOT_WORDS.test(c.text)) &&
      a.treatments.length === 0 &&
      KNOTS_ASKED_ABOUT.test(plainCleaned) &&
      !asksIfHelps(plainCleaned)
    )
      return { ...result, conditions: [], intent: this.options.conceptIntent, score: 1, reason: 'entity' };
    // ("why would they put a needle in my foot or hand for a tummy problem?? … how is that meant to reach my gut": how a
    // needle far from the complaint reaches an organ, which the article's meridians and nerve signalling answer; the
    // complaint named is the example, not the question)
    if (this.options.conceptIntent && a.treatments.length <= 1 && NEEDLE_FAR_FROM_IT.test(plainCleaned))
      return {
        ...result,
        conditions: [],
        treatments: result.treatments.length ? result.treatments : ['acupuncture'],
        intent: this.options.conceptIntent,
        score: 1,
        reason: 'entity',
      };
    if (
      this.options.conceptIntent &&
      a.conditions.length === 0 &&
      a.treatments.length + a.impliedTreatments.length === 1 &&
      WHERE_NEEDLES_GO.test(plainCleaned) &&
      !/\b(buy|purchase|order|get some|dispose|bin)\b/.test(plainCleaned)
    )
      return { ...result, intent: this.options.conceptIntent, score: 1, reason: 'entity' };
    if (a.conditions.length === 0 && result.treatments.length === 2 && ONE_ALREADY_HAD.test(plainCleaned) && OTHER_ONE_ASKED.test(plainCleaned))
      return { ...result, intent: 'difference', score: 1, reason: 'entity' };
    // ("Saw an ad for acupuncture for weight loss - is that legit?": doubt about it for a complaint of another kind is a
    // question about that complaint)
    // (not the two told side by side and checked: "acupuncture is more for the insides and dry needling more for muscles.
    // Is he right or is that a myth?" is how they differ, below)
    if (
      this.options.conceptIntent &&
      a.conditions.length === 0 &&
      a.otherComplaint === undefined &&
      DOUBTS_IT_WORKS.test(plainCleaned) &&
      // ("does acupuncture help hay fever or is that a myth": a complaint asked of, whatever the doubt after it)
      !HELPS_WITH_ASKED.test(plainCleaned) &&
      !(result.treatments.length === 2 && understandingChecked(plainCleaned))
    )
      return { ...result, intent: this.options.conceptIntent, score: 1, reason: 'entity' };
    // ("what sorts of things count as internal?", "what counts as an internal ailment": what acupuncture is used for, the
    // article's examples of the internal ailments it leans towards)
    if (this.options.usesIntent && a.conditions.length === 0 && a.treatments.length <= 1 && INTERNAL_ASKED.test(plainCleaned))
      return {
        ...result,
        treatments: a.treatments.length ? result.treatments : ['acupuncture'],
        intent: this.options.usesIntent,
        score: 1,
        reason: 'entity',
      };
    // "do you treat dogs? my old labrador has arthritis": the article and the clinic are about people.
    // ("we're total scaredy-cats", "sick as a dog": an animal in a figure of speech is no patient)
    if (
      ANIMAL.test(a.cleaned.toLowerCase().replace(ANIMAL_IDIOMS, ' ')) &&
      (asksIfHelps(plain.join(' ')) || a.treatments.length > 0 || NEEDLES.test(plain.join(' ')) || MY_ANIMAL.test(a.cleaned.toLowerCase())) &&
      ANIMAL_PATIENT.some((re) => re.test(plainCleaned)) &&
      !animalInPassing(a.cleaned.toLowerCase(), a.conditions)
    )
      return { ...result, conditions: [], intent: this.model.outOfScopeIntent, score: 1, reason: 'entity' };
    // "can acupuncture help with eye floaters", "do you treat vertigo": a thing asked about that is no condition we know
    // is said to be unlisted, in the patient's words, whatever the sentence looks like to the classifier.
    // Asked outright ("is stroke recovery on your list?", "restless legs… is that a thing you treat"): unlisted whatever its
    // words, unless they are a treatment or one of the article's concepts ("is a knot something you treat?").
    // "they said Bell's palsy. Is acupuncture used for it?": a condition named that is not a listed one, asked about.
    if (a.conditions.length === 0 && a.excluded.some((c) => c.value.notThis) && this.options.conditionIntent && askedAbout(a.cleaned))
      return { ...result, unlistedMention: true, intent: this.options.conditionIntent, score: 1, reason: 'entity' };
    // "Could you translate this sentence into French for me: 'my back hurts'?", "write me a poem about needles": a task for
    // words, not a question about them (the clinic's answers are the article's, in English).
    if (TASK_ASKED.test(plainCleaned)) return { ...result, conditions: [], intent: this.model.outOfScopeIntent, score: 1, reason: 'out_of_scope' };
    // ("Would I need a referral from my surgeon first?", "do i need a gp referral for my back?": whether a referral is
    // needed is the clinic's to say, whatever condition the referral is for)
    if (this.options.conditionIntent && REFERRAL_ASKED.test(plainCleaned))
      return { ...result, intent: NOT_COVERED_INTENT, score: 1, reason: 'entity' };
    const asked = a.conditions.length === 0 && a.excluded.length === 0 ? askedAbout(a.cleaned) : undefined;
    const explicitly = asked?.explicit === true && !this.namesTreatment(asked.text);
    // ("The hearing man says it is tinnitus. Could your clinic help with the ringing?": asked of by a lay word, named
    // by someone else; the name is what is unlisted)
    const named = asked && !asked.explicit && this.options.conditionIntent && a.impliedTreatments.length === 0 ? nameTold(a.cleaned) : undefined;
    if (named && !this.namesTreatment(named) && this.unknownThing(named))
      return { ...result, unlistedMention: true, unlistedText: named, intent: this.options.conditionIntent!, score: 1, reason: 'entity' };
    // ("sore wrist, can you help?": the place of listed conditions, told, is theirs to ask about, never an unlisted thing)
    if (
      asked &&
      this.options.conditionIntent &&
      (explicitly || (a.impliedTreatments.length === 0 && this.unknownThing(asked.text))) &&
      !this.bareComplaint(asked.text)
    ) {
      return { ...result, unlistedMention: true, unlistedText: asked.text, intent: this.options.conditionIntent, score: 1, reason: 'entity' };
    }

    const { calibration, outOfScopeIntent } = this.model;
    const bias = calibration.outOfScopeBias ? { [outOfScopeIntent]: calibration.outOfScopeBias } : undefined;
    const options = this.model.featureOptions;
    const asking = withoutHedges(withoutAttribution(withoutMeaningFrame(withoutCourtesy(a.words))));
    const scored = this.model.bayes.classify(extractFeatures(asking, options), calibration.temperature, bias, featureWeights(asking, options));
    // ("is the website easy to use?": a yes-no question is no praise, however much it sounds like "nice website, easy to read")
    const ranked =
      scored[0]?.intent === THANKS_INTENT &&
      (YES_NO_OPENING.test(asking[0] ?? '') || (ASKS_FURTHER_ON.test(asking.join(' ')) && /\?\s*$/.test(text))) &&
      !asking.some((w) => THANKS_WORDS.has(w))
        ? scored.slice(1)
        : scored;
    const alternatives = ranked.slice(0, 3);
    const [top, second] = ranked;
    const withScores = { ...result, alternatives };
    // ("are you there?", "is this thing even working", "hello? anyone there?": whether anyone is answering, greeted)
    const clinic = this.options.conditionIntent !== undefined;
    const said = plain.join(' ');
    if (clinic && PRESENCE_CHECK.test(said)) return { ...withScores, intent: 'greeting', score: top.score, reason: 'entity' };
    // ("Can I talk to the actual acupuncturist about my situation before I book? I've got questions a website can't
    // answer.": a person asked for, whatever else the message says)
    if (clinic && PERSON_ASKED_FOR.test(plainCleaned)) return { ...withScores, intent: 'human', score: 1, reason: 'entity' };
    // ("I'm on warfarin, is dry needling ok for me?", "i have a pacemaker, is acupuncture alright for me?": whether it is
    // safe for someone, told why they ask; the article does not say, the team does. Not "which suits me?")
    const okForMe = OK_FOR_ME.exec(said);
    if (clinic && okForMe && a.conditions.length === 0 && MEDICAL_TOLD.test(said.slice(0, okForMe.index)))
      return { ...withScores, intent: NOT_COVERED_INTENT, score: 1, reason: 'entity' };
    // ("I'm 14 weeks pregnant … my lower back is killing me. Is dry needling safe during pregnancy?": whether it is safe in
    // pregnancy, which the article does not say, is all that is asked; the complaint told before it is the reason)
    if (clinic && safeWhileOnlyAsked(a.cleaned)) return { ...withScores, intent: NOT_COVERED_INTENT, score: 1, reason: 'entity' };
    // ("good morning sorry my english not so good I am from Vietnam, I want ask question ok?": leave to ask, greeted, the
    // question still to come; never "not something I can help with")
    if (clinic && a.conditions.length + a.treatments.length + a.impliedTreatments.length === 0 && LEAVE_TO_ASK.test(plainCleaned))
      return { ...withScores, intent: 'greeting', score: top.score, reason: 'entity' };
    // ("it helped heaps last time, can I book again for my neck?", "can I come back for my other knee?": a returning
    // patient asks for another visit; the condition is what it is for)
    if (clinic && REBOOKING.test(said)) return { ...withScores, intent: 'booking', score: top.score, reason: 'entity' };
    // ("ok how do i book, im nervous but ill do it": how to book, asked first; the feelings after it ask nothing)
    if (clinic && BOOKING_OPENS.test(plainCleaned)) return { ...withScores, intent: 'booking', score: 1, reason: 'entity' };
    // ("My physio already does dry needling. What's different about coming to you?", "why not just see a physio instead of
    // you lot?"): this clinic set against another, which the article does not speak to: the clinic's team answers
    if (clinic && CLINIC_SET_AGAINST.test(lower)) return { ...withScores, intent: NOT_COVERED_INTENT, score: 1, reason: 'entity' };
    // ("ok so dn = trigger points n acu = chi?? have i got that right lol"): the two told side by side, checked: how they differ
    // (a claim that one is the other, checked, asks whether they are one thing: "…insists dry needling is just acupuncture
    // that physios do… Who's right?")
    if (clinic && result.treatments.length === 2 && a.conditions.length === 0 && understandingChecked(lower))
      return { ...withScores, intent: ONE_BY_ANOTHER_NAME.test(plainCleaned) ? 'similarity' : 'difference', score: 1, reason: 'entity' };
    // ("What it is actually doing inside there?", "what are the needles actually doing in me?"): how it works, asked plainly
    if (clinic && (WHAT_IT_DOES.test(lower) || WHY_IT_HELPS.test(said.trim())) && a.conditions.length === 0)
      return { ...withScores, intent: 'how_it_works', score: top.score, reason: 'classified' };
    // ("Is this a condition your clinic addresses?", "does your clinic address sciatica": "address" as what a clinic
    // treats, not where it is)
    if (clinic && top.intent === CONTACT_INTENT && ADDRESSES_IT.test(said))
      return {
        ...withScores,
        intent: a.conditions.length > 0 ? this.options.conditionIntent! : (this.options.usesIntent ?? top.intent),
        score: top.score,
        reason: 'entity',
      };
    // ("is acupuncture suitable for tension headaches?", "whether dry needling would be suitable for my sciatica": one
    // treatment asked of a named condition is a question about that condition, not a choice between the two)
    if (clinic && top.intent === 'which_suits' && a.treatments.length === 1 && a.conditions.length > 0 && asksIfOneSuits(a.cleaned))
      return { ...withScores, intent: this.options.conditionIntent!, score: top.score, reason: 'entity' };

    // Out of scope is decided not by the classifier alone: with no word it knows, natural's scores
    // tie and the first class wins; and a message whose content words are all foreign to the clinic's
    // questions ("what's the capital of peru") is out of scope whatever the classifier prefers.
    const hasEntity = a.conditions.length > 0 || a.treatments.length > 0 || a.impliedTreatments.length > 0;
    // A named or described condition (listed or not) makes a message the clinic would otherwise decline a question about it.
    // "does acupuncture help with weight loss": asking whether it helps something we do not know is a condition question.
    // (the words as written too: typo correction may turn a word the training lacks into one it has, "clear it up")
    const written = plainCleaned;
    const ofTreatment = a.treatments.length > 0 || NEEDLES.test(said) || NEEDLES.test(written);
    // ("are there acupuncture points that help you lose weight?": the article's acupoints, asked to help with a complaint
    // of another kind that the knowledge names)
    // (not what the classifier is sure asks for a booking or a person: "any spots free tmrw for dry needling?")
    const keywordThing = ofTreatment && !PEOPLE_INTENTS.has(top.intent) ? this.keywordThing(a, plain) : undefined;
    const keywordQuery = keywordThing !== undefined;
    const asksAboutUnknown =
      result.unlistedMention &&
      (a.impliedTreatments.length === 0 || (a.otherComplaint !== undefined && a.conditions.length === 0)) &&
      ((ofTreatment && (asksIfHelps(said) || asksIfHelps(written) || keywordQuery) && !(MECHANISM.test(said) && !HELPS_WITH.test(said))) ||
        ON_THE_LIST.test(said));
    // "Is there acupuncture for dry eye?", "Can I lose weight with acupuncture?": a question about a treatment and a thing
    // we do not know; if nothing else answers it, it is said to be unlisted, never "not something I can help with".
    const unknownAsked =
      result.unlistedMention &&
      a.impliedTreatments.length === 0 &&
      a.conditions.length === 0 &&
      ofTreatment &&
      ASKS.test(a.cleaned.toLowerCase()) &&
      // ("Will I have to take my clothes off? Sorry, that's been worrying me more than the needles.": the needles told in
      // a sentence that asks nothing are no treatment the question asks of)
      treatmentAskedOf(a.cleaned, a.treatments.length > 0) &&
      // ("What's the difference between acupuncture and dry needling? Sorry, … I'm going for my first appointment soon.":
      // the two set side by side are what is asked, whatever unknown words are told beside them)
      !askingSentences(a.cleaned).every((x) => TWO_SET_SIDE_BY_SIDE.test(x)) &&
      this.unknownThing(a.cleaned) &&
      !FUND.test(said) &&
      !moneyAsked(a.cleaned);
    // (asked once: "for" decides both how an unknown thing is answered and whether a uses or which-suits question is about it)
    let forUnknown: boolean | undefined;
    const asksFor = () => (forUnknown ??= this.asksForUnknown(a.cleaned));
    if (unknownAsked) Object.assign(withScores, { unknownAsked: asksFor() ? 'for' : 'in' });
    // ("is acupuncture used for PCOS at all?": the thing named back in the patient's words, when they can be told apart)
    const thing =
      (unknownAsked || asksAboutUnknown) && !result.unlistedText && a.conditions.length === 0
        ? (this.unknownPhrase(a.cleaned) ?? keywordThing)
        : undefined;
    if (thing && !this.bareComplaint(thing)) Object.assign(withScores, { unlistedText: thing });
    // ("can acupuncture help me get pregnant?": a complaint of another kind that the knowledge names, when no thing asked
    // about is told apart, is what is not on the list)
    else if (!result.unlistedText && a.otherComplaint && a.conditions.length === 0) Object.assign(withScores, { unlistedText: a.otherComplaint });
    // A named condition makes an otherwise off-topic-looking message a question about it when it is about a treatment
    // or about the patient ("my IBS", "I have insomnia"), or was described; "tips to ease stress" stays off-topic.
    const aboutPatient =
      hint.patientsOwn === true ||
      a.treatments.length > 0 ||
      a.impliedTreatments.length > 0 ||
      a.conditions.some((c) => c.value.described) ||
      OWN.test(a.tokens.map((t) => t.norm).join(' ')) ||
      // "is golfer's elbow the medial one?", "your list has knee pain, does it name a kind?": a question about a listed one.
      (a.conditions.some((c) => !c.value.partial && !c.value.excluded) && ASKS.test(a.cleaned.toLowerCase())) ||
      // "lower back + sciatica combo most arvos": a few words that name a listed condition are about it.
      (a.conditions.some((c) => !c.value.partial && !c.value.excluded) && plain.length <= SHORT_MENTION_WORDS) ||
      // ("does bursitis count under hip pain?": whether it counts as a listed one, asked)
      (a.conditions.length > 0 && COUNTED_AS.test(lower)) ||
      // "pls help hip pain deep in bum when i sit 2 long": help asked for with a listed condition.
      // ("it takes me hours to fall asleep. Can you help with that?": a complaint the list covers by a broader word too)
      (a.conditions.some((c) => !c.value.excluded) && PLEA.test(said));
    const conditionIntent =
      ((a.conditions.length > 0 || a.excluded.length > 0) && aboutPatient) || asksAboutUnknown ? this.options.conditionIntent : undefined;
    // ("ok fair enough, what do you know about then?": the acknowledgement before the question is no foreign content)
    // (only before a question: "thanks heaps, that's cleared it up" is thanks, whose words are the social ones)
    const afterFiller = withoutLeadingFiller(a.cleaned);
    const filler = QUESTION_AFTER_FILLER.test(afterFiller) ? words(a.cleaned).length - words(afterFiller).length : 0;
    const content = plain.slice(filler > 0 && filler < plain.length ? filler : 0).filter(isContentWord);
    const knowsAny = plain.some((w) => this.model.bayes.knows('w:' + featureStem(w, this.model.featureOptions)));
    // (the article's own words are the domain too: "which is more about internal ailments?")
    const domainContent = content.filter((w) => this.domain.has(stem(w)) || this.options.articleStems?.has(stem(w)));
    // foreignShare (default 1: all of them) is how much of the content must be foreign to decline.
    const share = calibration.foreignShare ?? 1;
    const foreign = calibration.domainRule !== false && content.length > 0 && content.length - domainContent.length >= share * content.length - 1e-9;
    // The article's own concepts ("what are metabolic byproducts") are a question about how the treatment works.
    const conceptIntent = a.impliedTreatments.length > 0 && a.treatments.length === 0 && !conditionIntent ? this.options.conceptIntent : undefined;
    // ("Restless legs drive me mad every evening. Is that treatable with your needles?": an unlisted condition named as
    // the patient's own is a question about it, whatever its other words)
    const namedUnlisted = conditionIntent !== undefined && a.excluded.some((c) => c.value.notThis);
    // ("my wrists are sore": a body part the listed conditions cover and a symptom word are the clinic's domain too)
    // ("sore between my shoulder blades from hunching at the laptop": the writer's own complaint, told without a question,
    // is a question about it, never "not something I can help with")
    // (worked out only where a message would otherwise be declined: it tokenises the text again)
    const ownComplaint = () => clinic && this.ownComplaintTold(a.cleaned, a.tokens.map((t) => t.norm).join(' '));
    // ("what is the stress test on a home loan", "how to strain homemade stock without a muslin cloth": one word of the
    // clinic's in another sense, among words that are none of the clinic's)
    // (the word names nothing of the clinic's then: no condition, treatment or concept for the dialogs to answer)
    if (clinic && !hint.patientsOwn && this.otherSense(a, content, `${said} ${written}`, top))
      return {
        ...withScores,
        conditions: [],
        treatments: [],
        implied: [],
        unlistedMention: false,
        otherSense: true,
        intent: outOfScopeIntent,
        score: top.score,
        reason: 'out_of_scope',
      };
    // ("how much does it cost tho, broke student here": a price asked, whatever else is said, is the clinic's to answer)
    if (!hasEntity && !asksAboutUnknown && !namedUnlisted && (!knowsAny || foreign) && !this.placeTold(a.cleaned) && !moneyAsked(a.cleaned)) {
      // Foreign words that the classifier also puts in the out-of-scope class ("what's the weather in Paris"):
      // an off-topic question, declined as such; otherwise the message was not understood.
      const intent = knowsAny && top.intent === outOfScopeIntent ? outOfScopeIntent : NONE_INTENT;
      // (the writer's own complaint told is marked, for the dialog to answer as one if nothing else takes the message)
      return { ...withScores, intent, score: top.score, reason: 'no_domain_words', ...(ownComplaint() ? { complaintTold: true } : {}) };
    }
    // "do the meridians each stand for a different organ?": the article's own concept is what the article covers.
    if (top.intent === NOT_COVERED_INTENT && conceptIntent) return { ...withScores, intent: conceptIntent, score: top.score, reason: 'entity' };
    // "is osteoarthritis covered?": a listed condition asked about is covered by the article's list, not a health fund.
    if (top.intent === NOT_COVERED_INTENT && conditionIntent && a.conditions.some((c) => !c.value.partial) && COVERED.test(said) && !FUND.test(said))
      return { ...withScores, intent: conditionIntent, score: top.score, reason: 'entity' };
    // "always bloated after I eat… would needles do anything for that": a complaint the article covers by a broader word,
    // asked whether a treatment helps, is a question about that word, not something the article leaves out.
    if (
      (top.intent === NOT_COVERED_INTENT || top.intent === outOfScopeIntent) &&
      conditionIntent &&
      a.conditions.length > 0 &&
      (a.treatments.length > 0 || NEEDLES.test(said)) &&
      asksIfHelps(said) &&
      !FUND.test(said) &&
      !moneyAsked(a.cleaned) &&
      // ("how many needling sessions until my back is fixed?": how many, which the article does not say)
      !SESSION_DETAIL.test(said)
    )
      return { ...withScores, intent: conditionIntent, score: top.score, reason: 'entity' };
    // ("specifically it hurts around the kneecap when I go down stairs": a complaint described, whatever the sentence looks like)
    if (
      top.intent === NOT_COVERED_INTENT &&
      conditionIntent &&
      a.conditions.some((c) => c.value.described && !c.value.partial) &&
      !FUND.test(said) &&
      !moneyAsked(a.cleaned) &&
      !NOT_COVERED_ASKED.test(said) &&
      // ("would the needles near the scar hurt much?": how the treatment feels, which the article does not say)
      !asksHowItFeels(said)
    )
      return { ...withScores, intent: conditionIntent, score: top.score, reason: 'entity' };
    // ("Hi, I'd like to ask about my shoulder.": a question about the patient's own complaint to come, not a booking)
    // ("Can acupuncture stop my husband from snoring?": what a treatment can do for someone, not booking them in)
    if (
      top.intent === 'booking' &&
      this.options.conditionIntent &&
      (ASK_ABOUT_MY.test(written) || ANYTHING_FOR.test(written) || (a.treatments.length > 0 && TREATMENT_DOES.test(written))) &&
      !BOOKING_WORD.test(written)
    )
      return { ...withScores, intent: this.options.conditionIntent, score: top.score, reason: 'entity' };
    // ("golfers elbow inner side from the gym. dn?": a listed condition and a treatment, said in a few words, asked about)
    if (
      top.intent === NOT_COVERED_INTENT &&
      conditionIntent &&
      a.treatments.length > 0 &&
      a.conditions.some((c) => !c.value.partial && !c.value.excluded) &&
      plain.length <= SHORT_ASKED_WORDS &&
      !FUND.test(said) &&
      !moneyAsked(a.cleaned) &&
      !NOT_COVERED_ASKED.test(said) &&
      !SESSION_DETAIL.test(said)
    )
      return { ...withScores, intent: conditionIntent, score: top.score, reason: 'entity' };
    // (the last sentence's plain form, read by the choice rules below)
    const lastPlain = plainForm(lastSentence(text));
    // "Which needles are meant for me?": a choice between the two asked for, whatever the classifier made of "needles".
    // ("My nan wants a traditional approach, something that's been around for centuries. Acupuncture or dry needling?":
    // what is wanted, then the two put side by side, is the choice)
    if (a.treatments.length === 2 && EITHER_ASKED.test(written) && WANTS.test(written) && !conditionIntent)
      return { ...withScores, intent: WHICH_SUITS_INTENT, score: top.score, reason: 'entity' };
    // ("I read that acupuncture is being used more and more for certain modern problems. Which ones?": the things one
    // treatment is used for, asked after what was read, not a choice between the two)
    if (
      top.intent === WHICH_SUITS_INTENT &&
      this.options.usesIntent &&
      new Set(a.treatments.map((t) => t.value)).size === 1 &&
      WHICH_OF_THEM.test(lastPlain) &&
      USED_FOR_THINGS.test(written)
    )
      return { ...withScores, intent: this.options.usesIntent, score: top.score, reason: 'entity' };
    // ("is there one that's more scientific / western? I don't really buy into meridians")
    if (ONE_OF_AN_APPROACH.test(said) && !conditionIntent) return { ...withScores, intent: WHICH_SUITS_INTENT, score: top.score, reason: 'entity' };
    // ("golfers elbow from the gym 💪 inside of elbow. can u needle it": a listed condition, and whether it is needled)
    if (
      this.options.conditionIntent &&
      a.conditions.some((c) => !c.value.excluded && !c.value.partial) &&
      NEEDLED_ASKED.test(written) &&
      top.intent !== this.options.conditionIntent
    )
      return { ...withScores, intent: this.options.conditionIntent, score: top.score, reason: 'entity' };
    // ("My wife keeps telling me to try needles. Which kind would be for me?": the choice asked in a last sentence of its own)
    if (
      ((WHICH_FOR_ME.test(said) && ranked.some((r) => r.intent === WHICH_SUITS_INTENT)) ||
        (sentencesOf(text).length > 1 && WHICH_FOR_ME.test(lastPlain))) &&
      !conditionIntent
    )
      return { ...withScores, intent: WHICH_SUITS_INTENT, score: top.score, reason: 'entity' };
    // ("I don't buy the energy and meridian stuff, I want something based on Western medicine. Which one's for me?": what is
    // wanted or turned down, then the choice asked in a sentence of its own)
    if (WANTS_OR_REFUSES.test(written) && WHICH_FOR_ME.test(lastPlain))
      return { ...withScores, intent: WHICH_SUITS_INTENT, score: top.score, reason: 'entity' };
    // ("sore back from digging AND i dont sleep well. which one should i do": problems told, then the choice asked in a
    // sentence of its own)
    // ("so which then. mine's mostly stress and not sleeping, not really muscles": the choice asked first, in a few words)
    if (
      (CHOICE_ASKED.test(lastPlain) || WHICH_FOR_THAT.test(lastPlain) || sentencesOf(text).some((x) => BARE_CHOICE.test(plainForm(x)))) &&
      sentencesOf(text).length > 1 &&
      mentionsConcerns(text, a.conditions)
    )
      return { ...withScores, intent: WHICH_SUITS_INTENT, score: top.score, reason: 'entity' };
    // "Isn't dry needling just acupuncture with a new name so other therapists can do it?": whether the two are one thing,
    // however much "therapists" leans on who practises it.
    if (new Set(a.treatments.map((t) => t.value)).size === 2 && ONE_BY_ANOTHER_NAME.test(said))
      return { ...withScores, intent: 'similarity', score: top.score, reason: 'entity' };
    // "Which is more about internal ailments?", "which of the two is more for muscles?": the article's own way of telling
    // the two apart (muscles and posture, internal ailments), asked as a choice, whatever other words lean on a passage.
    // ("dry needling helps with some mineral in the muscles. Which one is it?": a fact of the article asked, no choice)
    if (asksWhichOfAFact(said) && this.options.conceptIntent)
      return { ...withScores, intent: this.options.conceptIntent, score: top.score, reason: 'entity' };
    if (WHICH_MORE_FOR.test(said) && mentionsConcerns(said) && !conditionIntent)
      return { ...withScores, intent: WHICH_SUITS_INTENT, score: top.score, reason: 'entity' };
    // "how many needles do you usually use in a session?", "can I bring my 8 year old in for acupuncture?": the session
    // itself asked about (how many, how long, how often, who may come), which the article leaves out, however much its
    // words lean on a passage ("use" is not "commonly used in Myotherapy").
    // ("how many treatments would I need for sciatica?": how many, whatever it is for)
    if (!PEOPLE_INTENTS.has(top.intent) && top.intent !== NOT_COVERED_INTENT && SESSION_DETAIL.test(said))
      return { ...withScores, intent: NOT_COVERED_INTENT, score: top.score, reason: 'entity' };
    // ("so would that include my period cramps?", "does it cover my husband's gout?": whether what was said takes in the
    // writer's own complaint, a question about that complaint)
    if (this.options.conditionIntent && top.intent !== this.options.conditionIntent && !PEOPLE_INTENTS.has(top.intent) && TAKES_IN_MINE.test(said))
      return { ...withScores, intent: this.options.conditionIntent, score: top.score, reason: 'entity' };
    if (top.intent === outOfScopeIntent) {
      if (conceptIntent) return { ...withScores, intent: conceptIntent, score: top.score, reason: 'entity' };
      // ("lumps that feel like marbles. Would dry needling get rid of those lumps?": the article's concept, with its treatment named)
      if (this.options.conceptIntent && a.impliedTreatments.length > 0 && a.treatments.length > 0 && !conditionIntent)
        return { ...withScores, intent: this.options.conceptIntent, score: top.score, reason: 'entity' };
      if (conditionIntent) return { ...withScores, intent: conditionIntent, score: top.score, reason: 'entity' };
      // ("I have PCOS and my periods are all over the place. Can acupuncture regulate my cycle?": a thing we do not know,
      // told as the writer's, and a treatment asked about: that thing, unlisted, never "not something I can help with"; not
      // when the choice between the two is what is asked: "I've got some left… Which one should I pick?")
      const toldUnknown =
        this.options.conditionIntent && a.treatments.length > 0 && a.conditions.length === 0 && !CHOICE_WORDS.test(a.cleaned.toLowerCase())
          ? this.toldUnknown(a.cleaned)
          : undefined;
      if (toldUnknown) return { ...withScores, intent: this.options.conditionIntent!, score: top.score, reason: 'entity', unlistedText: toldUnknown };
      // ("Hi there! Hope your day's going well. Just having a cuppa on my lunch break…": a greeting and small talk, asking
      // nothing and naming nothing of ours, is greeted, not turned away)
      if (GREETING_OPENS.test(said) && !ASKS_ANYTHING.test(a.cleaned.toLowerCase()) && a.conditions.length === 0 && a.treatments.length === 0)
        return { ...withScores, intent: 'greeting', score: top.score, reason: 'entity' };
      // (the writer's own complaint told is marked, for the dialog to answer as one if nothing else takes the message;
      // not when a choice or a recommendation is asked: "…which would you suggest?" is the choice's)
      const marked = !CHOICE_WORDS.test(a.cleaned.toLowerCase()) && ownComplaint() ? { complaintTold: true } : {};
      return { ...withScores, intent: outOfScopeIntent, score: top.score, reason: 'out_of_scope', ...marked };
    }
    // "do you treat tennis elbow", "dn 4 tennis elbow?": a listed condition named with one treatment or none is a
    // question about it, however close the general list or a comparison came.
    const namesListed = a.conditions.some((c) => !c.value.partial && !c.value.excluded) && a.treatments.length <= 1;
    const askedCondition = this.options.conditionIntent;
    // "ACUPUNCTURE FOR SCIATICA?? PLEASE REPLY", "dn 4 tennis elbow pls": a listed condition asked about, not a request for
    // a person or a booking, when the message asks for neither in so many words.
    if (askedCondition && namesListed && PEOPLE_INTENTS.has(top.intent) && !ASKS_PEOPLE.test(said))
      return { ...withScores, intent: askedCondition, score: top.score, reason: 'entity' };
    // ("acupuncture sciatica", "acu anxiety": one treatment and a condition, typed as into a search box, asks whether it is
    // for that condition, not which of the two suits)
    if (
      askedCondition &&
      top.intent === WHICH_SUITS_INTENT &&
      a.treatments.length === 1 &&
      a.conditions.some((c) => !c.value.excluded) &&
      typedAsSearch(plain) &&
      !CHOICE_WORDS.test(said)
    )
      return { ...withScores, intent: askedCondition, score: top.score, reason: 'entity' };
    // "neck + headache combo evry arvo": a listed condition told with no word of thanks or greeting is no thanks.
    // ("golfers elbow dn y/n cheers": the thanks a sign-off after a listed condition and a treatment, asked)
    if (
      askedCondition &&
      namesListed &&
      SOCIAL_INTENTS.has(top.intent) &&
      (!SOCIAL_WORDS.test(said) || (a.treatments.length > 0 && !SOCIAL_WORDS.test(said.replace(SIGN_OFF, ''))))
    )
      return { ...withScores, intent: askedCondition, score: top.score, reason: 'entity' };
    // "golfers elbo from 2 much golf haha dn y/n": a listed condition with one treatment and no comparing word is asked
    // about, not a comparison of the two.
    if (
      askedCondition &&
      namesListed &&
      a.treatments.length <= 1 &&
      (top.intent === 'difference' || top.intent === 'similarity') &&
      !COMPARING_WORDS.test(said)
    )
      return { ...withScores, intent: askedCondition, score: top.score, reason: 'entity' };
    // "Can that be dry needled?": a treatment named and no word asking for a person is no request for one.
    // ("would a physical therapist do dry needling?": who practises it, not a request for a person)
    if (
      top.intent === 'human' &&
      // ("Is that the one myotherapists use?" after an answer about dry needling: who practises it)
      (a.treatments.length > 0 || (result.refersBack && PRACTISES.test(said))) &&
      (!ASKS_PEOPLE.test(said) || PRACTISES.test(said)) &&
      second &&
      !PEOPLE_INTENTS.has(second.intent)
    )
      return { ...withScores, intent: second.intent, score: second.score, reason: 'classified' };
    if (
      askedCondition &&
      namesListed &&
      second &&
      top.score - second.score < calibration.clarifyMargin &&
      [top.intent, second.intent].every((i) => i === askedCondition || CONDITION_NEIGHBOURS.has(i)) &&
      !COMPARING_WORDS.test(said)
    ) {
      return { ...withScores, intent: askedCondition, score: top.score, reason: 'entity' };
    }
    // ("my chiro said mine might actually be piriformis. is that on there?": a listed condition named, and whether the list
    // has it asked, whatever the classifier made of the chiro)
    if (conditionIntent && a.conditions.some((c) => !c.value.excluded) && ON_THERE.test(said))
      return { ...withScores, intent: conditionIntent, score: top.score, reason: 'entity' };
    // "is tinnitus on the list": the list asked about for one thing, which is not on it.
    // ("Is acupuncture used for PCOS at all?", "I have an underactive thyroid. Is acupuncture recommended for that?")
    // ("Is tinnitus one of them?" after the list, whatever the classifier made of "one of them")
    const listAsked =
      (top.intent === LIST_INTENT || (!PEOPLE_INTENTS.has(top.intent) && top.intent !== NOT_COVERED_INTENT)) && ON_THE_LIST.test(said);
    // ("is there acupuncture for acne?": a treatment offered for the thing, asked, however much it sounded like booking)
    // ("dry needling tinnitus?", "needles for gout?": typed as into a search box, whatever the classifier made of it)
    const unknownTopic =
      TOPIC_INTENTS.has(top.intent) || ((UNKNOWN_FOR_INTENTS.has(top.intent) || OFFERED_FOR.test(written)) && asksFor()) || keywordQuery;
    if (asksAboutUnknown && a.conditions.length === 0 && (unknownTopic || listAsked) && conditionIntent) {
      return { ...withScores, intent: conditionIntent, score: top.score, reason: 'entity' };
    }
    // ("Feeling completely burnt out and drained. Is there anything in acupuncture for that?": a condition the article
    // covers by a broader word, asked about, is the honest partial answer, not "which of these did you mean?")
    if (
      askedCondition &&
      top.intent === askedCondition &&
      second &&
      top.score - second.score < calibration.clarifyMargin &&
      a.conditions.some((c) => c.value.partial && !c.value.excluded)
    )
      return { ...withScores, intent: askedCondition, score: top.score, reason: 'entity' };
    if (
      second &&
      top.score - second.score < calibration.clarifyMargin &&
      this.options.clarifiable.has(top.intent) &&
      this.options.clarifiable.has(second.intent)
    ) {
      return { ...withScores, intent: top.intent, score: top.score, reason: 'ambiguous', candidates: [top.intent, second.intent] };
    }
    if (top.score < calibration.threshold) {
      // A named condition with an unclear sentence ("knee??", "golfers elbow pls") is still a question about it.
      if (conditionIntent) {
        return { ...withScores, intent: conditionIntent, score: top.score, reason: 'entity' };
      }
      if (conceptIntent) return { ...withScores, intent: conceptIntent, score: top.score, reason: 'entity' };
      return { ...withScores, intent: NONE_INTENT, score: top.score, reason: 'low_confidence' };
    }
    return { ...withScores, intent: top.intent, score: top.score, reason: 'classified' };
  }
}

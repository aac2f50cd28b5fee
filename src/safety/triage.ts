/**
 * Safety triage of one message, before anything else reads it. Two nets:
 *  1. sign patterns (signs.json, over normalised words and the lexicon's lay synonyms), each mention
 *     placed in context: negated, history, someone else's, hypothetical, or happening now;
 *  2. a naive Bayes classifier trained on safety examples, for wordings the patterns miss, over what is
 *     left once negated, past and hypothetical mentions are set aside.
 * The result says how the bot should act (docs/safety.md has the rules and the reasons).
 */
import { complainsAboutAnswer, greetsOnly, socialKind, socialOnly, wishesWell } from '../nlu/clinicQuestions';
import { KIN_AND_FRIENDS } from '../nlu/otherPeople';
import { SafetyClassifier, SafetyLabel } from './classifier';
import {
  datedToday,
  isHypothetical,
  riskAsked,
  isNegated,
  isOther,
  longAgo,
  longBefore,
  DEATH_TOLD,
  NOW_NOT_DURATION,
  STRONG_NOW,
  TimeCue,
  timeCues,
  whenOf,
  foretold,
  likenedToAThing,
} from './context';
import { NormalClause, SafetyNormaliser } from './normalise';
import { safetyVocabulary } from './load';
import { MentionContext, SafetyKnowledge, SafetyMode, Sign, SignMention, Tier, Triage } from './types';

/**
 * The most likely tier's probability at or above which a message the patterns did not catch still gets
 * guidance first (then the answer). Chosen for recall: see docs/safety.md and `npm run evaluate:safety`.
 */
export const DEFAULT_THRESHOLD = 0.45;

/**
 * A message of this many content words or fewer (function words left out) gives the classifier little evidence, and
 * naive Bayes is then confidently wrong as often as right ("Right arm. I'm a carpenter.", "hmm hard to say really",
 * "i dont know which to book"): its catch alone needs SHORT_THRESHOLD. Measured over every read held-out text
 * (about 20,000): every right catch this short scored 1.00, every wrong one 0.58-0.98 (docs/safety.md).
 */
const SHORT_CONTENT_WORDS = 3;
const SHORT_THRESHOLD = 0.99;

const MODE_RANK: Record<SafetyMode, number> = { none: 0, note: 1, first: 2, alone: 3 };
const TIER_RANK: Record<Tier, number> = { crisis: 4, emergency: 3, urgent: 2, clinic: 1 };
/** A crisis match that only fears death ("think I'm going to die"), and one that wants it. */
const FEARS_DYING = /\b(going to|gonna|will|might|could|about to|am|is) (die|dying)\b/;
const WANTS_TO = /\b(want|wanna|wish|wishing|plan|planning|hope|hoping|ready|decided|better off|end)\b/;

/** Named events ("had a stroke"): in the past tense they are history, not something happening now. */
/** A long time said outright in another sentence ("that's been going on for months", "18 months of it"). */
const LONG_FOR =
  /\b(for (months|a long time|as long as)|(\d+|a few|few|several|many|a couple of|couple of|two|three|four|five|six|eight|ten|twelve) (months?|years?) (ago|of|later|on|now)|last (year|month))\b/;
const EVENT =
  /\b(stroke|strokes|heart attack|heart attacks|attack|seizure|seizures|fit|fits|epileptic|anaphylaxis|anaphylactic|pneumothorax|collapsed lung|tia|cardiac arrest|epilepsy|clot|clots|bypass|stent|stents)\b/;

/**
 * A sign told as over and seen to ("he came round straight away and he's fine", "all sorted now", "the GP checked her
 * over", "he's fine, just soft"): a past mention is then history, not in doubt. Not when someone only says so ("he says he's fine").
 */
const RESOLVED =
  /(?<!\b(says|said|saying|reckons|insists|insisted|claims|claimed|keeps saying|swears|thinks)( that)? )\b((came|come|comes) (round|around|to) (straight away|right away|quickly|fast|within (a|seconds|a minute|minutes))|(all|fully|completely) (sorted|fine|good|recovered|better|cleared up)( now)?|(gp|doctor|dr|hospital|ambos|paramedics|ed|emergency|nurse) (checked|looked|saw|cleared|assessed|examined) (him|her|them|me|it|us) (over|out)?|(he is|hes|she is|shes|they are|theyre|i am|im) (totally |completely |perfectly |absolutely )?(fine|ok|okay|all good|good as gold|right as rain) (now|since|again|these days|after that)|(he is|hes|she is|shes|they are|theyre) (totally |completely |perfectly |absolutely )?fine($| (just|thank god|thankfully|luckily|lol|haha|really|honestly|all good))|(he|she|they|i) (has |have |is |s )?been (totally |completely |perfectly |absolutely )?(fine|ok|okay|all good|good as gold|right as rain|well|great) (since|ever since|after that)|(investigated|checked out|tested|looked into) (and|but) (was |were )?(found|turned out|shown|came back)|(have had|had|has had|been) (none|no more|nothing) since|none since)\b/;

/**
 * Someone else's dark time told as over ("she went through a dark patch last year … she's much better now and sees a
 * counsellor"): their history, cared for, not a crisis now.
 */
const OTHERS_RECOVERED =
  /\b(she is|shes|he is|hes|they are|theyre) (now |since |these days )?(much |so much |a lot |heaps |way |loads |doing (much |so much |a lot |heaps |really )?)(better|well|good|great)\b|\b(she is|shes|he is|hes|they are|theyre) (now )?(in a (much )?(good|better|great|healthy) place)\b/;

/** Someone else said to be fine now ("he's fine now", "she's totally ok now", "now he's all good"). */
const OTHER_FINE_NOW =
  /\b((he|she|they)( is| s|['’]s| are| re|['’]re| seems| seem| looks| look) (totally |completely |absolutely |perfectly |all |back to |)(fine|ok|okay|good|alright|all right|normal|all good|back to normal) now|now (he|she|they)( is| s|['’]s| are| re|['’]re) (totally |completely |perfectly |all |)(fine|ok|okay|good|alright|all right|normal|all good|back to normal)|(hes|shes|theyre) (totally |completely |absolutely |perfectly |all |back to |)(fine|ok|okay|good|alright|all right|normal|all good|back to normal) now)\b/;
const QUESTION =
  /\?|^\s*(can|could|should|shall|is|are|does|do|did|will|would|what|whats|how|when|why|where|which|who|am|may|any|anything)\b|\b(wondering|curious (how|what|when|whether|if|why|about)|how (long|soon|often) (does|do|will|would|should|is|are|till|until|before)|how long (it|they|the \w+|that|this) (lasts?|takes?|stays?)|wants? to know|wanted to ask|question|book|booking|appointment|reschedule|cancel|price|cost|still (come|have|go|get|do))\b|\b(is|are|can|could|does|do|will|would|should) (needling|dry needling|acupuncture|the needling|the needles|needles|treatment|a session) (safe|ok|okay|alright|normal|better|worse|good|bad|help|work|suitable|fine|risky|dangerous)\b/i;

/** A complaint that has lasted ("always", "for months"; not "for ages", which is also said of ten minutes' bleeding). */
const LONG_STANDING =
  /\b((once|twice|a few times|a couple of times|couple of times|few times|\d+ times) (a|per|every) (week|month|year|fortnight)|always|all the time|for (weeks|months|years|a few weeks|a few months|a couple of (weeks|months|years))|(weeks|months|years) now|on and off|chronic|every (day|night|morning|week|month)|most (days|nights|mornings)|since (last (year|month|summer|winter)|i was)|every single (day|night|morning|week)|(will not|wont|never) (go away|clear up|clear|shift|budge|heal)|(has|have|with|got|diagnosed with) (parkinsons|parkinson s|parkinson|multiple sclerosis|ms|essential tremor|rheumatoid arthritis|psoriatic arthritis|fibromyalgia)|(for|been|had it|past|last|over|about|around|nearly|almost|maybe|like) (about |around |maybe |nearly |almost |over |like |roughly |the )?(a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d+|few|couple|couple of|several|many) (months|years|month|year))\b/;

/** Something new and sudden: never softened as long-standing, whatever else the message says. */
const SUDDEN = /\b(sudden|suddenly|all of a sudden|out of nowhere|out of the blue|just now|right now|this minute|getting worse fast)\b/;

/**
 * Words that say nothing about risk, left out when the classifier is asked about the rest of a message: in a boolean
 * multinomial model the large benign class spreads its mass over more words, so each of "my", "and", "been" leans a
 * little towards a safety class, and a message with little else in it reads as risky.
 */
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but so if then than to of in on at by for from with about as into over up out off i me my im ive id ' +
    'you your it its is was were be been am are has have had do does did this that there here what which who when how just ' +
    'also very realli too some ani all most mostli honestli actual actualli basic basicali like well still even again ok yeah ' +
    'yes no not feel get got bit lot thing thi becaus through ' +
    // fillers that say nothing either ("weather's awful today hey"), and the stems of was, has, does
    'hei lol haha hahaha wa ha doe'
  ).split(' '),
);

/**
 * Hedges and modal verbs (stems): in a short question they only soften what is asked ("I thought acupuncture might be
 * gentler though?"), yet crisis examples are full of them ("I think I might…"), so they are left out with the function
 * words when a short question is judged (shortQuestionOfFunctionWords), and nowhere else.
 */
const HEDGES = new Set('think thought might mayb may would could should though tho guess wonder perhap probabl suppos'.split(' '));

/** A question this short is judged without its function words when only the classifier worried (see shortQuestionOfFunctionWords). */
const SHORT_QUESTION_WORDS = 12;

/**
 * "can you needle me into not wanting to die", "help me not want to be here": a wish to be rid of the crisis, so the
 * crisis is there now (the "not" is not a denial).
 */
const STOP_WANTING = /\b(into|help (me|him|her|us)|make (me|him|her)|get (me|him|her)|so (that )?(i|he|she) (do|does|will|would|can|could)?) ?not$/;
function asksToStopWanting(words: string[], start: number): boolean {
  return STOP_WANTING.test(words.slice(Math.max(0, start - 5), start).join(' '));
}

/** When to come back, asked ("when can she rebook", "can I book in again next week"). */
const COMING_BACK =
  /\b((when|how soon|can|could|should) (can |could |should )?(i|she|he|we|they|my \w+)|(when|whether|if) (i|she|he|we|they|my \w+) (can|could|should)) (rebook|re book|book (in )?again|book (in )?another|book (the )?next|come back|come in again|make (another|the next) (appointment|booking))\b|\b(wants?|wanted|wanna|keen|like|love|going|hoping|hopes)( to)? (keep (going|coming)|rebook|re book|book (in )?(another|anotha|again)|come back)\b|\bregular (\w+ )?(booking|appointment)s?\b/;
/**
 * An everyday reason for a last visit or for being away, which a farewell does not give; or someone else's coming
 * along ("maybe he shouldn't come to my acupuncture appointment"): who comes with the patient, not a goodbye; or
 * undressing for a session ("I'm going to die of embarrassment if I have to take my shirt off"): a patient's shyness.
 */
const EVERYDAY_REASON =
  /\b(bring|bringing|brought|take|taking) (him|her|them|my (son|daughter|kids|baby|bub|husband|wife|partner|mum|mom|dad)|the (kids|baby|bub)) (along|with me|in with me)\b|\b(he|she|they|my (husband|wife|partner|mum|mom|dad|son|daughter|friend|sister|brother|boyfriend|girlfriend|hubby|kids)) (should not|shouldnt|should|can not|cant|could not|will not|wont|might not|may not|does not need to|doesnt need to|need not) (come|come along|come in|tag along|be there|sit in|join) (to|with|in|into|along|for|on)\b|\b(take|taking|took) (my|his|her|their|your|me) (shirt|top|t shirt|tshirt|clothes|pants|trousers|jeans|jumper|bra|dress|singlet|socks|shoes|kit) off\b|\b(get|getting|got) (undressed|changed|my kit off)\b|\bstrip (down|off) to\b/;
/** An everyday reason for being away ("before the holidays", "for the baby", "after my surgery"). */
// ("I won't be needing next month's appointment, my knee is heaps better thanks": the complaint mended is a reason too)
const REASON_AWAY =
  /\b(on|for|a|the|before|over|during|after|these|school) (holiday|holidays|hols|vacation|trip|christmas|xmas|easter|break|move|surgery|operation|op|baby|wedding|exams)\b|\bmy (\w+ )?(is|s|feels|has been|are|re) (heaps |much |so much |a lot |way |loads |miles |all )?(better|fixed|sorted|healed|good as new|back to normal)\b/;
/**
 * Being away or a last visit, told ("my last session before the holidays", "won't be in for a while after the baby"):
 * only then does an everyday reason explain a goodbye ("the baby doesn't sleep … everyone would be better off if I
 * wasn't here" gives no reason for being away).
 */
const AWAY_TOLD =
  /\b(last|final) (session|appointment|appt|visit|one|time)\b|\b(be|been|going|gone|head|heading|off) (away|overseas|interstate)\b|\b(not|wont|will not|won t) be (back|coming|in|around|able to come|booking|needing)\b|\bcancel\w*|\b(pause|take a break|taking a break|have a break|stop coming|see you (after|when|in|next)|back (after|in|when|next))\b/;
/** A farewell that says the writer will be back ("bye for now", "I'll have more questions later", "I'll sleep on it"). */
const BACK_LATER =
  /\b(bye|goodbye|ta ta|cheers|thanks) for now\b|\b(i ll|ill|i will) be back\b|\b(more|other|some more|a few more) questions (later|tomorrow|soon)\b|\b(speak|chat|talk) (again )?(soon|tomorrow)\b|\b(sleep on it|think it over|think things over|have a think|mull it over)\b/;
/** What a last goodbye says that a see-you-later does not ("won't need the appointments anymore", "for good", "thanks for everything"). */
const FOR_GOOD =
  /\b(anymore|any more|for good|forever|for ever|no longer|wont need|will not need|won t need|not need|thanks for everything|thank you for everything|everything you have done|everything youve done|take care of (my|the|him|her)|look after (my|the|him|her)|last time|final|goodbye forever|never)\b/;
/** A clause that opens as a what-if ("if I were to…", "what if…", "say I…"), not a wish ("easier on everyone if I…"). */
const WHAT_IF_OPENING = /^(and |but |so )?(if|what if|say|suppose|supposing|in case|hypothetically|what happens if|what would happen if)\b/;
/**
 * A what-if put to the clinic ("if I were to bleed more than usual, would you be able to stop it?", "would that be
 * ok?"): a question about the treatment, which the classifier's crisis words do not make a crisis.
 */
const ASKS_THE_CLINIC =
  /\b(would|will|could|can) (you|ya|your (staff|practitioner|practitioners|team)|the (practitioner|clinic|staff)) (be able|still|stop|handle|cope|deal|do)\b|\b(will|would|does|should) (it|that|this) (stop|settle|go away|ease|heal|clear up|pass|calm down) (on its own|by itself|naturally|without)\b|\bwould (that|this|it) be (ok|okay|fine|alright|a problem|an issue)\b|\bwhat (then|happens then|would you do|do you do)\b/;

/** A session still to come ("worth getting needled?", "should I get acupuncture"), which the stems read as "got". */
const SESSION_TO_COME =
  /\b(before|ahead of|prior to) (i |we )?(get|getting|have|having|go|going|come|coming) (in |for )?(needled|needling|dry needling|acupuncture|the needles|needles|treated|treatment|my (first|next))\b|\b(worth|should i|could i|can i|would i|do i|thinking of|thinking about|keen to|want to|wanna|going to|gonna|planning to|plan to|might|before i|about to|yet to|never) (get|getting|have|having|try|trying|book|booking|go|going)\b|\b(never|not|not yet|not ever) (had|tried|done|been for|been to) (any |a |an )?(acupuncture|needling|dry needling|session|sessions|treatment|needles|it done)\b|\b(would|could|can|will|might) (dry needling|acupuncture|needling|needles|a session|sessions) (be|help|work|suit|fix|sort|treat|do)\b|\b(can|could|would|will) (you|u|ya|yous|someone) (needle|dry needle|treat|do|look at|work on) (it|this|that|them|my|me)\b/;

/**
 * What casts doubt on an emergency sign being here now: long ago, "not me", ruled out, elsewhere, a risk, the dentist's
 * work ("face swollen from the dentist"), a diagnosis given that explains a weak face ("told it was Bell's palsy"; not "could it be Bell's palsy?"). Not laughter or "nothing serious": people joke and play down a real emergency.
 */
const DOUBT =
  /\b(years ago|last year|in (19|20)\d\d|when i was|used to|ages ago|in my (teens|twenties|thirties|forties|fifties|20s|30s|40s|50s))\b|\b(i (do not|dont|don't|don’t) (have|get))\b|\b(ruled out|checked by|cleared by|all clear)\b|\b(another|other|a different) (place|clinic|practitioner|physio)\b|\b(risk|risks|rare|rarely)\b|\b(dentist|dental|wisdom teeth|tooth out|teeth out|a filling|extraction|root canal)\b|\b(diagnosed with|told (me )?(it was|it is|its|i have|i had)|said (it was|it is|its)|i (have|had|got)|ive (got|had)|after|since|from) (a |my )?(bell'?s|bells|bell’s|facial) palsy\b/;

/** The writer's own spell told beside a risk asked ("is shortness of breath normal? had it 3 hrs ago and it's getting worse"). */
const TOLD_HAD =
  /\b(had it|have it|got it|having it|i have|ive got|i ve got|i got|getting worse|worse|since|still|ago|right now|at the moment|started|keeps|keep|wont stop|will not stop)\b/;
/** A diagnosis of a palsy held by the writer or someone named ("my husband has Bell's palsy", "diagnosed with facial palsy"). */
const PALSY_HELD =
  /\b(has|have|had|got|with|diagnosed with|its|it is|it was|was told|told (me |him |her )?(it is|its|it was)|from|since|after) (a |the |my |his |her )?(bell s|bells|bell|facial) palsy\b(?! or\b)/;
/** Words that make a sign new, whatever was held before ("had Bell's palsy years ago, now my face is drooping"). */
const NEW_NOW = /\b(now|suddenly|sudden|just|all of a sudden|this morning|tonight|today|an hour ago|minutes ago|worse|more)\b/;
/** A stroke sign told of the face alone, nothing of an arm, speech or sight anywhere in the message. */
const FACE_ONLY =
  /^(?!.*\b(arm|arms|hand|hands|leg|legs|speech|speak|talk|talking|words|slur|slurring|slurred|confused|vision|sight|blind|blurry|blurred|double)\b|.*\b(cant|can not|cannot|couldnt) see\b).*\b(face|mouth|smile|lip|lips|eye|eyelid|cheek)\b/;

/**
 * A long-term breathing condition asked about as what needling might treat ("can you use acupuncture for asthma? I'm on
 * two puffers and still wheezy"): a wheeze told beside it is in doubt (guidance first, then the answer); anything more
 * than a wheeze ("wheezing so badly I can't talk", "puffer not working") keeps the guidance alone.
 */
const BREATHING_CONDITION_ASKED =
  /\b(acupuncture|needling|dry needling|needles|acu) (any |ever |really |actually |also |be |do )?(for|4|with|help|helps|help with|treat|treats|good for|work for|works for|used for|anything for) (my |his |her |their )?(asthma|copd|emphysema|bronchitis)\b/;
const MORE_THAN_A_WHEEZE =
  /\b(can ?not|cant|can'?t|can’t|unable to|struggling to|hard to|trouble) (\w+ )?(talk|speak|finish|breathe|breath|catch|get air|get my breath)|\b(not|isn'?t|isn’t|is not|wont|won'?t|won’t|doesn'?t|doesn’t|does not) (\w+ )?(working|work|helping|help)|\b(blue|grey|gray|gasping|attack|worse|worsening|ambulance|000|hospital|emergency|badly|so bad|so hard|really bad|struggling|tight chest|chest tight)\b/;
const ONLY_A_WHEEZE = /^(a bit |bit |still |quite |slightly |a little )?(wheezy|wheezing|wheeze|wheezes)$/;
/** How a long-standing asthma is told: its puffers, its habits, its flares, its years. */
const WHEEZE_LONG_STANDING =
  /\b(puffers?|inhalers?|preventers?|ventolin|every (cold |winter |single )?(morning|night|winter|time|run|season)|flares? up|always|for years|since (i was|he was|she was|they were) (a kid|a child|little|small|young|a baby)|since childhood|most (days|mornings|nights))\b/;

/** Numbness or swelling explained by dental work just done ("numb from the dentist", "had a filling this morning"). */
const DENTAL_CAUSE =
  /\b(from|after|at) (the |my |a )?(dentist|dentists|dental|filling|fillings|wisdom teeth|root canal|extraction|tooth out|teeth out|local anaesthetic|local anesthetic|numbing injection)\b|\b(had|got|getting) (a |my |two |some )?(filling|fillings|root canal|wisdom teeth out|tooth out|teeth out|tooth pulled|extraction)\b/;

/** What dental work leaves for a while (numbness, swelling), and what it must not be waved through with (a bleed, breath). */
const DENTAL_EFFECT = /\b(numb|numbness|tingly|tingling|swollen|swelling|puffy|fat|lopsided|droopy|dribbling|can not feel)\b/;
const NOT_DENTAL_ONLY = /\b(blood|bleed|bleeding|bled|breath|breathe|breathing|swallow|swallowing|throat|tongue swelling|chest)\b/;

/** Reflux or indigestion named as the cause of a burning, and the habit it keeps (after meals, most nights, "I get heartburn", eased by an antacid). */
const REFLUX_TOLD = /\b(reflux|heartburn|heart burn|indigestion|acid|gerd|gord)\b/;
const REFLUX_HABIT =
  /\b((most|every|some|many) (nights?|evenings?|days?|mornings?|times)|after (dinner|meals?|eating|food|tea|lunch|breakfast|a big meal)|after (a |my )?(big|heavy|spicy|rich|large|greasy|fatty|late|hot) \w+|when i (lie|lay) down|at night|i (always |often |usually |sometimes |tend to |normally |still )?get (heartburn|heart burn|reflux|indigestion)|(goes|go|went|settles|settled|eases|eased|clears|cleared|fixed|fixes|helped|helps)( away| off| down)? (with|after|by) (a |an |some )?(gaviscon|mylanta|quick ?eze|rennie|tums|antacids?|nexium|somac|pariet|losec|zantac|glass of milk))\b/;
/** Reflux told with its habit, and nothing of a heart attack's alarm in what is not denied. */
function refluxTold(said: string, undenied: string): boolean {
  return REFLUX_TOLD.test(said) && REFLUX_HABIT.test(said) && !REFLUX_ALARM.test(undenied);
}
/** What a heart attack adds to a burning chest (CHEST_ALARM without the needling words, which here ask, not tell). */
const REFLUX_ALARM =
  /\b(sweat\w*|clammy|breathless\w*|short of breath|puffed|arm|jaw|crushing|pressure|squeez\w*|heavy|faint\w*|dizzy|vomit\w*|grey|pale|collaps\w*|spreading|radiating|worst ever|sudden\w*)\b/;

/** Praise of a session, and the words that would turn it into a complaint after all. */
const PRAISE =
  /\b(great|amazing|awesome|fantastic|brilliant|excellent|wonderful|loved|love|lovely|good|helped|helping|better|best|relaxing|relaxed|magic|ripper|unreal|perfect|thanks|thank you)\b/;
const CONTRAST = /\b(but|though|although|however|except|apart from|still|now|until|since then|ever since)\b/;

/** Words that only say a session happened (stems), left out to see what else worried the classifier. */
const SESSION_WORDS = new Set([
  'session',
  'appoint',
  'appointment',
  'appt',
  'treatment',
  'treat',
  'acupunctur',
  'acupuncture',
  'dry',
  'needl',
  'needling',
  'visit',
  'last',
  'first',
  'time',
]);

/**
 * A negation in a courtesy ("hope I'm not bothering you", "not very good with computers", "English is not my first
 * language"), which negates no feeling.
 */
const POLITE_NOT =
  /\bnot (bothering|disturbing|interrupting|too late|too early|(very |that |too )?(good|great|flash) with (computers|technology|tech|phones|these|this|chat)|a problem|(my )?(first|native|main) language)\b|\benglish (is |isn't |isnt )?not (very |that |so )?(good|great|the best|perfect)\b/g;

/** A courtesy after a greeting ("Good evening, I hope I'm not bothering you at this hour"), which says nothing more. */
const COURTESY =
  /[\s,.!]*\b((i )?hope (i'?m |i am |im )?not (bothering|disturbing|interrupting) (you|u)|sorry (to|for) (bother|bothering|disturb|disturbing|interrupt|interrupting) (you|u))( at this (hour|time)| so late| this late| on a (weekend|sunday|saturday))?\b/gi;

/** Words of urgent care's signs: infection, a fragment left in, a nerve (docs/safety.md tiers). */
const URGENT_CARE_WORDS =
  /\b(fever\w*|temperature|temp|chill\w*|shiver\w*|sweat\w*|hot|warm|red\w*|swell\w*|swollen|puff\w*|pus|ooz\w*|weep\w*|discharg\w*|yellow|green|smell\w*|spread\w*|streak\w*|infect\w*|numb\w*|numm\w*|tingl\w*|weak\w*|floppy|limp|feel (my|it)|cant feel|can't feel|can not feel|pins and needles|dead|drop\w*|grip|piece|bit of|tip|stuck|left in|still in|inside|broke\w*|snap\w*|sliver|splinter|metal|lump|burn\w*|electric|shoot\w*|zap\w*|nerve\w*|worse|spreading|bigger|hard)\b/;

/**
 * A cue that says how long something has lasted ("for years") or what sets it off ("when I get upset"): for a crisis,
 * not when it was (self-harm "when I get upset" is going on).
 */
const FOR_HOW_LONG = 'for (years|decades|most of my life|as long as)';
const HOW_LONG = new RegExp(`^(${FOR_HOW_LONG}|when (i am|i get|i feel|im) )`);
/** A death told ("my late husband", "since dad passed away"): why a crisis is felt, never when (see withoutDeathTold). */
const DEATH_WORDS = new Set(['died', 'deceased', 'rip']);
const LATE_OWNER = new Set(['my', 'his', 'her', 'our', 'their']);

/**
 * A sentence's words with a death told blanked out (one for one, so positions stay), to date a crisis sign; the same
 * array when it tells none, so that its time cues need not be found again.
 */
function withoutDeathTold(words: string[]): string[] {
  const told = (w: string, i: number) =>
    DEATH_WORDS.has(w) || (w === 'late' && LATE_OWNER.has(words[i - 1] ?? '')) || (w === 'passed' && words[i + 1] === 'away');
  if (!words.some(told)) return words;
  // ("Since Bill died last spring I don't see the point of carrying on": when the death was dates the death, not the
  // crisis, which has lasted since; the time words right after it are blanked too)
  const blank = new Set<number>();
  words.forEach((w, i) => {
    if (!told(w, i)) return;
    blank.add(i);
    // (only a death the crisis is told as lasting since: "had thoughts of ending it back then, after he died two years
    // ago" is dated by it)
    if (!words.slice(Math.max(0, i - 4), i).includes('since')) return;
    for (let j = i + 1; j < words.length && j <= i + 5 && (DEATH_TIME.test(words[j]) || words[j] === 'away'); j++) blank.add(j);
  });
  return words.map((w, i) => (blank.has(i) ? '' : w));
}
/** Words of when a death was ("last spring", "in march 2019", "two years ago"). */
const DEATH_TIME =
  /^(last|this|in|on|at|ago|back|the|a|an|few|couple|of|over|nearly|almost|about|just|year|years|month|months|week|weeks|spring|summer|winter|autumn|fall|christmas|easter|january|february|march|april|may|june|july|august|september|october|november|december|one|two|three|four|five|six|seven|eight|nine|ten|\d+)$/;
const HOW_LONG_ANYWHERE = new RegExp(`\\b${FOR_HOW_LONG}\\b`, 'g');
const DEATH_TOLD_ALL = new RegExp(DEATH_TOLD.source, 'g');
/** A goodbye said in so many words ("consider this my goodbye", "my final message"). */
const GOODBYE_SAID = /\b(goodbye|good bye|farewell|(final|last) (message|words|note|letter))\b/;

/** "thanks, I'm not ok": a social message with a negation is not only social. */
const NEGATION = /\b(not|no|never|nothing|dont|don't|don’t|cant|can't|can’t|wont|won't|won’t)\b/;

/** "cramps so bad I can't get off the couch": stuck at home, not getting off a treatment couch (the stems make get = got). */
const CANNOT_GET_UP =
  /\b(can not|cannot|cant|could not|couldnt|unable to|struggle to|struggling to|hard to|barely|too sore to|too stiff to) (get|getting) (up )?(off|out of|up from|up off)\b/;

/** "are there side effects after dry needling?": what can follow a session, asked in general, tells no session. */
const ASKS_AFTERWARDS =
  /\b(side effects?|risks?|complications?|after ?effects?|aftercare|what (to|should i|do i|can i|will i) expect)\b[^.?!]{0,30}\b(after|afterwards|following|post)\b/;

/** Someone else's sign told with "felt" ("she felt faint"): over, as told. */
const FELT = /\b(felt|was feeling)\b/;

/**
 * "my flatmate did dry needling and loved it", "my neighbour had your dry needling for her shoulder and she was very
 * happy": someone's good experience, told as a reason to ask, not a session of the writer's.
 */
const RECOMMENDED =
  /\b(loved it|loves it|swears by|swear by|swore by|sworn by|recommended|recommends|raves about|rave about|raved about|worked wonders|works wonders|said it helped|says it helped|told me to|highly recommend|rated it|rates it)\b|\b(she|he|they) (was|were|is|are) (very |really |so |super |ever so |more than )?(happy|pleased|impressed|rapt|stoked|thrilled|delighted)\b|\b(it|that|the needling|the acupuncture) (really )?(helped|fixed|sorted) (her|him|them)\b|\b(said|says|reckons|reckoned|thought|thinks) (it|that it|that) (was|is|did|does|worked|works) (wonderful|great|amazing|brilliant|fantastic|excellent|really good|so good|good|life changing|a game changer|magic|a miracle|wonders)\b/;

/**
 * "is that one you treat?", "is tennis elbow one of the things dry needling is used for?": what the clinic treats, in the
 * present tense, which the stems read as "the one you treated".
 */
const ASKS_WHAT_YOU_TREAT =
  /\b(one|ones|thing|things|something|anything|what|which|conditions?|stuff) (of the things )?(that )?(you|u|ya|you guys|yous|your (practitioners|physios|team)|dry needling|acupuncture|needling|it) (treat|treats|do|does|needle|needles|work on|works on|help with|helps with|see|sees|is used for|are used for|can treat|can help|could help|fix|fixes|can fix|could fix|would fix|would help|helps|sorts out|can sort out)\b/;

/** Clauses whose session words tell no session of the writer's (the words, not the stems, tell these apart). */
/** "got any appointments this week?": the clinic's free times asked for, not a session of the writer's. */
const ASKS_FREE_TIMES =
  /\b(got|have|are there|is there|you have|u have) any (appointments?|appts?|spots?|openings?|slots?|availability|times?|sessions?)\b|\b(any|an|a) (appointments?|appts?|spots?|openings?|slots?) (free|available|left|open)\b/;

/** "some of the other runners get dry needling for their calves": what other people usually have done, not a session of the writer's. */
const OTHERS_HAVE_IT =
  /\b(other|some|lots of|a lot of|many|most|heaps of|plenty of|half|a few|few|several|loads of|a couple)( of)?( the| my| our)?( other)?( club| gym| work| running| footy| netball| tennis| golf| team| uni| school| old)? (runners|players|people|patients|athletes|guys|girls|blokes|mates|friends|members|teammates|team mates|clients|swimmers|cyclists|lifters|footballers|dancers|workers|colleagues|nurses) (\w+ ){0,3}(get|do|have|use|swear by|go for|try|are getting|are having)\b/;

/**
 * "my hands ache after long practice sessions", "sore after gym sessions": sessions of another kind (playing, training,
 * sitting at work), in a clause that names no needling.
 */
const OTHER_KIND_OF_SESSION =
  /^(?!.*\b(needl\w*|acupuncture|acu|dn|dry needling|treatment|treatments|appointment|appt|clinic|physio)\b).*\b(long|longer|practice|practise|practicing|practising|gym|training|study|studying|gaming|rehearsal|recording|yoga|pilates|work|writing|typing|piano|guitar|violin|cello|playing|sitting|coding|drumming|singing|band|jam|surf|surfing|climbing|spin|cycling|running|weights|lifting|workout|cardio|footy|tennis|golf|swim|swimming|music|computer|desk|editing|marking|study|revision|teaching|lesson|lessons|gardening|painting|sewing|knitting|shearing|long haul|driving|boxing|crossfit|netball|soccer|basketball|squash|rowing|paddling|dance|dancing|ballet) sessions?\b/;

/**
 * A clause that gives a symptom its everyday cause ("sore from running", "aching because of work", "woozy at blood
 * tests") and names no needling.
 */
const OWN_CAUSE =
  /^(?!.*\b(needl\w*|acupuncture|acu|dn|dry needling|treatment|treatments|appointment|appt|session|clinic)\b).*(\b(from|because of|due to|thanks to) (all (the|that|this) |my |the |too much |heaps of |lots of |a lot of |so much |years of |long )?(running|run|runs|work|working|gardening|typing|sport|footy|football|netball|soccer|tennis|golf|training|gym|lifting|cycling|sitting|the desk|my desk|computer|standing|walking|hiking|dancing|playing|carrying|swimming|surfing|climbing|cricket|basketball|rugby|weights|the kids|shearing|painting|driving)\b|\b(at|during|having|getting|with|for) (a |the |my )?(blood tests?|blood draws?|blood taken|pathology|injections?|jabs?|vaccinations?|vaccines?|dentist|the sight of blood|shots|flu shots?)\b)/;

/**
 * "had needling in my calves at a physio a few years back and it was good": a session dated years ago, told as over (not
 * "since"), which nothing felt now comes after.
 */
const SESSION_LONG_AGO =
  /^(?!.*\b(since|still|ever since|never been the same)\b).*\b((\w+ )?(years|yrs) (back|ago)|last year|ages ago|a (long|good) (while|time) (ago|back)|in (19|20)\d\d)\b/;

/**
 * "I've got a wrist splint from the physio", "the exercises from my chiro": a thing given by a practitioner, in a clause
 * that names no needling and no time since: no session that a symptom followed.
 */
const GIVEN_BY =
  /^(?!.*\b(needl\w*|acupuncture|acu|dn|dry needling|session|sessions|since|after|ever since)\b).*\b(splints?|braces?|supports?|exercises?|stretches|programs?|programmes?|sheets?|referrals?|letters?|tape|taping|strapping|orthotics|insoles|advice|bands?|pillows?|ice packs?|heat packs?|scripts?|reports?|scans?|x rays?|cream|gel) (i got |i was given |we got |he got |she got |given |that i got |they gave me )?(from|by) (the|my|our|a|his|her) (physio|physiotherapist|chiro|chiropractor|osteo|osteopath|gp|doctor|practitioner|therapist|myotherapist|podiatrist|specialist)\b/;

/** "after Saturday parkrun", "since Monday's training": a day's activity, not a session of needling the day names. */
const DAY_OF_ACTIVITY =
  /^(?!.*\b(needl\w*|acupuncture|acu|dn|dry needling|treatment|appointment|appt|session|clinic|physio)\b).*\b(after|since|from) (monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|yday|the weekend)s? (parkrun|park run|run|runs|footy|training|game|match|gym|netball|soccer|tennis|golf|ride|swim|hike|walk|shift|class|yoga|pilates|cricket|basketball|touch|league|rugby|comp|race|long run)\b/;

/** "my mum back in Korea always had acupuncture for it": someone else's habit of it, a reason to ask, not a session. */
const OTHERS_HABIT =
  /\b(my |his |her |their |our )?(mum|mom|mother|dad|father|nan|nana|grandma|grandmother|grandpa|grandfather|aunt|auntie|uncle|sister|brother|friend|mate|wife|husband|partner|family|parents)\b.{0,30}\b(always|used to|would always|would) (had|have|get|got|go for|went for|swear by|swore by) (acupuncture|needling|dry needling|acu|needles)\b/;

/** "my club mates have all had dry needling", "my friends swear by acupuncture": others' sessions, not the writer's. */
const OTHERS_HAD_IT =
  /\b(my|our) (\w+ )?(friends|mates|colleagues|teammates|clubmates|workmates|buddies|sisters|brothers|parents|kids|family|relatives|neighbours|neighbors|team|club|squad) (\w+ ){0,2}(have had|had|have all had|all had|have tried|tried|have been having|get|swear by|go for|rave about|love|use) (\w+ ){0,2}(acupuncture|needling|dry needling|acu|needles|it done)\b(?! (with|alongside|same time as) (me|us|mine))/;

/**
 * "My brother-in-law had the needles for a sore heel and reckons…", "my workmate had needling for his neck and now he
 * won't shut up about it", "one of the other blokes said his physio put needles in his": one other person's treatment,
 * told with what it was for or what they say of it, as the reason to ask; nothing of today in the clause, nor what it
 * left them with now ("my mate had needling for his tennis elbow and now it's more achy"). Counted only
 * beside the writer's own complaint in another clause (OWN_TOLD): "my wife had acupuncture for her back, her arm is numb"
 * keeps its session.
 */
const OTHERS_TREATED = new RegExp(
  String.raw`^(?!.*\bnow (it|its|has|have|there|the|his|her|theyre|they have|shes|hes|she has|he has|she is|he is)\b)(?!.*\b(today|yesterday|yday|this morning|this arvo|this afternoon|this evening|last night|tonight|hours? ago|an hour ago|since|just had|just got)\b).*\b(my|our|a|one of the|the|his|her)( \w+){0,2} (${KIN_AND_FRIENDS}|blokes|guys|woman|girl|physio)\b.{0,60}\b(had|got|gets|has had|was getting|has been getting|has been going|goes|went|tried|put|puts)( \w+){0,4} (needles|needled|needling|dry needling|acupuncture|acu)\b(?=.*\b(for (his|her|their|a|an|the|some|same)|in (his|her|theirs|hers)|(said|says|reckons|reckoned|swears|swore|tells|told|wont shut up|will not shut up|raves|raved))\b|.*\b(said|says|reckons|reckoned|swears|swore)\b)`,
);
/** The writer's own complaint or question, told in the first person ("I've got", "mine's"; not "he asked me to check"). */
const OWN_TOLD = /\b(i|im|ive|id|mine)\b/;

/**
 * "is it weird to fall asleep on the table?", "is it normal to nod off during a session?": whether sleeping through one is
 * usual, asked in general, tells no session that happened.
 */
const ASLEEP_ASKED =
  /\b(is it|would it be|is that|its) (weird|strange|odd|normal|common|usual|ok|okay|fine|rude|embarrassing|bad|funny) (to|if (i|you|people|someone|patients)) (\w+ )?(fall|falls|falling|nod|nods|nodding|doze|dozes|dozing|drift|drifts|drifting|go|goes|going) (asleep|off|to sleep)\b/;

const NO_SESSION_OF_MINE = [
  ASLEEP_ASKED,
  OTHERS_HAD_IT,
  RECOMMENDED,
  DAY_OF_ACTIVITY,
  OTHERS_HABIT,
  SESSION_TO_COME,
  ASKS_WHAT_YOU_TREAT,
  CANNOT_GET_UP,
  ASKS_AFTERWARDS,
  ASKS_FREE_TIMES,
  OTHERS_HAVE_IT,
  OTHER_KIND_OF_SESSION,
  SESSION_LONG_AGO,
  GIVEN_BY,
];
const noSessionOfMine = (words: string) => NO_SESSION_OF_MINE.some((re) => re.test(words));

/** A good experience that turned ("…and loved it, but now her arm is numb"): what came after it is told. */
const TURNED_AFTER =
  /\bbut (now|since|then|today|tonight|this (morning|arvo|afternoon|evening)|afterwards|after that|later|overnight|the next day|next day)\b|\bsince then\b/;

/** Surgery named: "had my hip done" is then the operation, not a session. */
const SURGERY = /\b(surgery|surgical|surgeon|operation|op|replacement|replaced|reconstruction|arthroscopy|keyhole|hospital)\b/;
const HAD_IT_DONE = /\b(had|got|get|getting|having) (my|his|her|their) (\w+ ){1,2}done\b/;

/** "came in for a sore back and left with a bruise": the visit, told by what it left. */
const LEFT_WITH = /\b(came|popped|went) in for (a|an|my|the|some|his|her) [^.?!]{0,40}\b(left|walked out|went home|came out|come out) with\b/;
/**
 * A visit told in the past tense, read from the words as written (the stems make "came" and "come" one word, and "can I
 * come in Saturday?" is no visit): "I came in Monday for the tennis elbow", "saw you last week".
 */
// ("Took my 15 year old for dry needling for her netball injury": a child's or partner's session, brought in)
const VISITED =
  /\b(i|we|he|she) (came|popped|dropped) in (on )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|wed|thurs|fri|sat|the other day)\b|\b(i|we|he|she) (saw|visited|went to) (you|ya|you guys|your clinic|the clinic|the acupuncturist|the practitioner|the therapist|the physio) (on|last|yesterday|this morning|this week|earlier|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the other day)\b|\b(took|taken|brought) (my|our|her|his|their|the) (\w+ ){0,3}(to|for|in for) (her |his |their |a |an |the |my |our )?(first |last |second )?(dry needling|acupuncture|needling|session|appointment|appt|acu|physio|treatment|needles)\b/;

/**
 * Which patterns can start at a word, for every sign at once: a word's starts are looked up once per clause (not once
 * per sign), so a sign none of whose patterns can start anywhere in a clause costs nothing there. The triage's cost is
 * mostly the sign expressions; this keeps them to the places they can match.
 */
/** More than any sign's patterns: a start's position and pattern packed in one number. */
const PATTERNS = 4096;

class StartTable {
  private readonly exact = new Map<string, Array<[number, number]>>();
  private readonly prefixes: Array<[string, Array<[number, number]>]> = [];
  /** A word's starts, remembered (words repeat from message to message); bounded so odd words cannot grow it for ever. */
  private readonly memo = new Map<string, Array<[number, number]>>();

  constructor(readonly signs: Sign[]) {
    const most = Math.max(0, ...signs.map((sign) => sign.patterns.length));
    if (most >= PATTERNS) throw new Error(`a sign has ${most} patterns; the start table packs at most ${PATTERNS - 1}`);
    const byPrefix = new Map<string, Array<[number, number]>>();
    signs.forEach((sign, s) =>
      sign.firstWords.forEach((f, p) => {
        // (every pattern names its first words today; one that could start anywhere is tried at every word)
        const words = f ? [...f.exact] : [''];
        for (const w of words) this.exact.set(w, [...(this.exact.get(w) ?? []), [s, p]]);
        for (const x of f?.prefixes ?? []) byPrefix.set(x, [...(byPrefix.get(x) ?? []), [s, p]]);
      }),
    );
    this.prefixes = [...byPrefix];
  }

  /** The (sign, pattern) pairs that can start at a word, in sign then pattern order. */
  at(stem: string): Array<[number, number]> {
    let starts = this.memo.get(stem);
    if (starts) return starts;
    starts = [...(this.exact.get('') ?? []), ...(this.exact.get(stem) ?? [])];
    for (const [x, list] of this.prefixes) if (stem.startsWith(x)) starts.push(...list);
    starts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    if (this.memo.size > 20000) this.memo.clear();
    this.memo.set(stem, starts);
    return starts;
  }

  /** For one clause: per sign, the (word position, pattern) pairs to try, leftmost first; and each word's offset. */
  clause(stems: string[]): ClauseStarts {
    // (each start is one number, position * PATTERNS + pattern: no pair allocated per start, most of a clause's garbage)
    const bySign: Array<number[] | undefined> = new Array(this.signs.length);
    const offsets: number[] = [];
    let offset = 0;
    stems.forEach((stem, pos) => {
      offsets.push(offset);
      offset += stem.length + 1;
      for (const [s, p] of this.at(stem)) (bySign[s] ??= []).push(pos * PATTERNS + p);
    });
    return { bySign, offsets };
  }
}

interface ClauseStarts {
  bySign: Array<number[] | undefined>;
  offsets: number[];
}

/** Each pattern anchored where it is tried (sticky), so trying it at one word costs one attempt, not a scan. */
const anchored = new WeakMap<RegExp, RegExp>();

function stickyOf(pattern: RegExp): RegExp {
  let re = anchored.get(pattern);
  if (!re) anchored.set(pattern, (re = new RegExp(pattern.source, 'uy')));
  return re;
}

/**
 * The words between a mention told as over and the same sign said again: "now" says it is happening again, unless a
 * fear, a what-if or a lasting effect follows it ("now she's scared needles will make her faint").
 */
function saidAgainNow(between: string): boolean {
  return (
    /\b(now|right now|today|tonight|this morning|this arvo|this afternoon|this evening)\b/.test(between) &&
    !/\b(scared|afraid|worried|worry|nervous|fear|frightened|terrified|will|would|might|could|if|still|since)\b/.test(between)
  );
}

/**
 * The sign's leftmost match in a clause from word `from` on, as `sign.matcher` would find it (leftmost, then the first
 * pattern in the file), trying at each word only the patterns that can start with it. `rest` is the clause's stems
 * from `from` on, joined as the patterns expect.
 */
function firstMatch(sign: Sign, starts: number[] | undefined, offsets: number[], from: number, rest: string): RegExpExecArray | null {
  if (!starts) return null;
  for (const start of starts) {
    const pos = Math.floor(start / PATTERNS);
    const p = start % PATTERNS;
    if (pos < from) continue;
    const re = stickyOf(sign.patterns[p]);
    re.lastIndex = offsets[pos] - offsets[from];
    const m = re.exec(rest);
    if (m) return m;
  }
  return null;
}

/**
 * Whether an emergency sign is laughed off as it is told: words also used loosely followed at once by laughter. People joke and play
 * down a real emergency, so this never dismisses it (see DOUBT): in a message that asks something, it puts the sign in
 * doubt, guidance first and then the answer; any other sign told without a laugh keeps the guidance alone.
 */
function laughedOff(laughter: ReadonlySet<string>, said: string, words: string[], end: number): boolean {
  return laughter.has(words[end] ?? '') && SAID_LOOSELY.test(said);
}
/** The signs' words people also use loosely ("can't breathe", "pass out", "dying"), unlike a throat going tight. */
const SAID_LOOSELY =
  /^((i|he|she|we|they) )?(can not|could not|cannot) breathe$|^(pass|passed|passing) out$|^(black|blacked|blacking) out$|^(collapse|collapsed|collapsing)$|^(faint|fainted|fainting)$|^(dying|dead|died|die)$|^(a |having a |had a )?(heart attack|stroke)$/;

/** Whether the answer follows the guidance: never after guidance alone; after guidance first only for a question or in doubt. */
/** Words that turn a list from what is denied to what is told ("no chest pain but my arm is numb"). */
const TURNS = new Set(['but', 'though', 'tho', 'however', 'except', 'apart', 'just', 'only', 'still', 'although', 'yet', 'now']);

/** Whether the message gives the sign's words their everyday meaning: an 'unless' matched, and no 'despite' (stems, ' '-padded). */
function everydayMeaning(sign: Sign, stems: string[]): boolean {
  return !!sign.unless && stems.some((c) => sign.unless!.test(c)) && !(sign.despite && stems.some((c) => sign.despite!.test(c)));
}

function answered(best: Triage): Triage {
  best.answer = best.mode !== 'alone' && (best.mode !== 'first' || best.question || best.doubt);
  return best;
}

/** Words that put a case, so that a clause going on with "or" is that case too. */
/** "should I happen to get dizzy…", "should anything go wrong…": a case put with "should" first. */
const SHOULD_CASE =
  '(should|were) (anything|something|i|he|she|a patient|the patient|someone|somebody|anyone|my (son|daughter|child|kid|partner|husband|wife)) (ever )?(happen to|go wrong|start to|begin to)';
const PUTS_A_CASE = new RegExp(`\\b(if|incase|in case|suppose|supposing|imagine|hypothetically|theoretically|${SHOULD_CASE})\\b`);
/** A case put outright (not "not sure if it's serious, like my chest is crushing"), which examples may follow. */
const CASE_OUTRIGHT = new RegExp(
  `\\b(what if|if (something|anything|things|it all|stuff) (went|goes|go|happened|happens|were to)|hypothetically|theoretically|in case|incase|suppose|supposing|imagine|in the (unlikely )?event|(things|stuff|everything|what) (that )?(can|could|might|may) (go wrong|happen)|${SHOULD_CASE})\\b`,
);

/**
 * "if something went wrong like I started bleeding, or I felt really faint, or…": a clause that goes on with "or" after
 * one that put a case ("if", "in case", "what if") in the same sentence is that case too.
 */
// ("if something went wrong, like I had a panic attack or couldn't breathe": the examples of a case put outright)
const FOR_EXAMPLE = /^(like|such as|say|eg|e g|for example|for instance|for eg|including)\b/;

/** "how would you manage an allergic reaction, should one occur?": the clause after says the sign is a case put. */
const TRAILING_IF =
  /^(should|if|in case|in the event|in the event that|were) (one|it|that|this|such|such a thing|any|anything|something|a reaction|one ever|it ever|that ever|this ever) (\w+ )?(occur|occurs|occurred|happen|happens|happened|arise|arises|develop|develops|come up|comes up|ever happen|ever occur)\b/;
function followedByIf(clauses: NormalClause[], at: number): boolean {
  const next = clauses[at + 1];
  return next !== undefined && next.sentence === clauses[at].sentence && TRAILING_IF.test(next.words.join(' '));
}

/** "I've been reading online, which I know I shouldn't, about collapsed lungs": what was read, told a clause later. */
const READING = /\b(reading|read|heard|hearing|googling|googled|watching|watched|researching|researched|looking up|looked up|seen stuff|saw stuff)\b/;
function continuesReading(clauses: NormalClause[], at: number): boolean {
  if (!/^(about|on|regarding|re)$/.test(clauses[at].words[0] ?? '')) return false;
  for (let i = at - 1; i >= 0 && i >= at - 2 && clauses[i].sentence === clauses[at].sentence; i--)
    if (READING.test(clauses[i].words.join(' '))) return true;
  return false;
}

/** A clause that only says a case is being put ("Hypothetically, were a needle to puncture a lung…"). */
const CASE_OPENER = /^((purely|just|asking|speaking|so|but|and|ok|okay) )?(hypothetically|theoretically|in theory)( speaking)?$/;

/** "what if she's allergic to something in the needles": a case put, whose outcome may be asked next. */
const CASE_PUT = /\b(what if|what happens if|what would happen if)\b|^((and|but|so|ok|okay|or) )?(if|say|suppose|supposing|imagine)\b/;
/** "… would her throat swell up?": what would follow, asked (not "would my face be drooping from it, it is now"). */
const OUTCOME_ASKED =
  /^(then )?(would|will|could|might|can) (i|he|she|we|they|you|it|my|his|her|their|your|the)\b(?!.*\b(now|still|already|at the moment)\b)/;

function continuesIf(clauses: NormalClause[], at: number): boolean {
  const words = clauses[at].words;
  const before = clauses[at - 1];
  if (before !== undefined && before.sentence === clauses[at].sentence && CASE_OPENER.test(before.words.join(' '))) return true;
  // ("what if she's allergic to something in the needles, would her throat swell up?": the case's outcome, asked)
  if (
    before !== undefined &&
    before.sentence === clauses[at].sentence &&
    CASE_PUT.test(before.words.join(' ')) &&
    OUTCOME_ASKED.test(words.join(' '))
  )
    return true;
  const cue = words[0] === 'or' ? PUTS_A_CASE : FOR_EXAMPLE.test(words.join(' ')) ? CASE_OUTRIGHT : undefined;
  if (!cue) return false;
  for (let i = at - 1; i >= 0 && clauses[i].sentence === clauses[at].sentence; i--) if (cue.test(clauses[i].words.join(' '))) return true;
  return false;
}

/** Words that make a clause tell something more than a list of signs ("… since then", "… but I feel"). */
const TELLS_MORE = new Set(
  'is are was were am be been feel feels felt feeling got get have has had keep keeps started start now still but then just because though except apart'.split(
    ' ',
  ),
);
/** Who a clause is about, which a list of signs does not say outside the signs' own words ("since my last session"). */
const SOMEONE = new Set('i im ive me my he she his her they we it its'.split(' '));
/** Words a list of denied signs may hold besides the signs ("dizziness or chest discomfort", "and no rash either"). */
const LIST_WORDS = new Set(['or', 'nor', 'and', 'any', 'no', 'not', 'even', 'also', 'a', 'an', 'the', 'either', 'really', 'real', 'some', 'etc']);

/** A short clause that opens a list of denied signs with who has none ("I have no numbness", "she's had no fever"). */
const DENIAL_OPENING =
  /^(i|we|he|she|they) (have |had |has |got |have got |felt |feel |noticed |experienced )?(no|not any|never had any) (\w+ )?\w+$/;

/**
 * Whether a clause only goes on with a list of signs after one that ended on a denied sign, in the same sentence
 * ("no shortness of breath, dizziness or chest discomfort").
 */
function continuesDenial(mentions: Array<{ clause: number; context: string; span: [number, number] }>, clauses: NormalClause[], at: number): boolean {
  const before = clauses[at - 1];
  if (!before || before.sentence !== clauses[at].sentence) return false;
  // (only a list joined by "or": "no fever, chest pain and short of breath" may be telling what is there)
  // ("I did not pass out, collapse, or cry": a middle item, the list going on with "or" after it)
  const next = clauses[at + 1];
  const listGoesOn = next !== undefined && next.sentence === clauses[at].sentence && (next.words[0] === 'or' || next.words[0] === 'nor');
  if (!listGoesOn && !clauses[at].words.some((w) => w === 'or' || w === 'nor')) return false;
  // (the denial may start with a word no sign names: "no bruising, infection or lasting soreness")
  // ("I have no numbness, weakness or fever following my treatment": the denial opened by who has none)
  const shortDenial =
    (before.words.length <= 4 && ['no', 'nor', 'never', 'without'].includes(before.words[0]) && !before.words.some((w) => TELLS_MORE.has(w))) ||
    DENIAL_OPENING.test(before.words.join(' '));
  if (!shortDenial && !mentions.some((n) => n.clause === at - 1 && n.context === 'negated' && n.span[1] === before.words.length)) return false;
  const covered = new Set<number>();
  for (const n of mentions) if (n.clause === at) for (let i = n.span[0]; i < n.span[1]; i++) covered.add(i);
  // (a symptom no sign names may be in the list too: "dizziness or chest discomfort"; not a clause that tells more)
  const rest = clauses[at].words.filter((w, i) => !covered.has(i) && !LIST_WORDS.has(w));
  return rest.length <= 2 && !rest.some((w) => SOMEONE.has(w)) && !clauses[at].words.some((w) => TELLS_MORE.has(w));
}

/** Words that only join one sign to the next in a list ("a tight chest and wheeze", "dizzy or I get short of breath"). */
const SPELL_JOINS = new Set([
  'and',
  'or',
  'a',
  'an',
  'i',
  'get',
  'gets',
  'getting',
  'go',
  'goes',
  'feel',
  'feels',
  'bit',
  'little',
  'some',
  'then',
  'start',
  'starts',
  'also',
  'too',
  'abit',
  'kind',
  'of',
  'sort',
]);

/** Whether the words between two signs only join them (at least one "and" or "or"). */
function sameSpell(between: string[]): boolean {
  return between.some((w) => w === 'and' || w === 'or') && between.every((w) => SPELL_JOINS.has(w));
}

/** A sentence that tells its sign as going on ("are swelling up", "just ate", "right now"): no other sentence dates it. */
const GOING_ON_NOW =
  /\b(just|right now|currently|at the moment|as we speak|as i type|as i write)\b|\b(is|are|am|im|i m|s|re)( \w+)? \w+ing (up|out|over|now|badly|fast|quickly|more|worse)\b|\b(is|are|am|im|i m|s|re) (swelling|bleeding|shaking|fitting|gasping|choking|wheezing|struggling|turning|going|spreading|tightening|closing)\b/;

/**
 * This time told apart from the usual ("but this time it's different", "not like my normal ones", "worse than it's ever
 * been", "never had this before"): a long-standing condition told beside it does not date what is happening now.
 */
const NEW_THIS_TIME =
  /\b(it is|its|this is|thi is|this one is|this feels|it feels|this time (it is|its)) (different|not (the same|normal|right|my usual|like (my|the|his|her) (usual|normal)))\b(?! (from|to|than) (acupuncture|dry needling|needling|massage|physio|the other))|\bnot like (my|the|his|her|their) (usual|normal|normal ones|usual ones|other ones)\b|\b(different|worse) (this time|from (my|the|his|her) (usual|normal)|to (my|the|his|her) (usual|normal)|than (usual|normal|ever|it has ever been|its ever been))\b|\bnever (had|felt|seen|been) (this|anything like (this|it)|like this)\b/;

/** A spell of no stated length ("for ages", "for a while"). */
const VAGUE_SPELL = /\bfor (ages|a while|a bit|yonks)\b/;

/** Stroke signs, the words and the signs. */
const STROKE_SIGNS = new Set(['stroke', 'stroke_word']);
/** A deficit told as what a stroke left ("lost the sight in one eye after a stroke", "slurs a bit since her stroke"). */
const LEFT_BY_A_STROKE = /\b(after|since|from|following) (a|his|her|my|their|the|that|the big|a big|a small|a mild) stroke\b/;
/** Anything that makes a stroke today's ("this morning", "just", "an hour ago", "suddenly"). */
const STROKE_NOW =
  /\b(just|now|right now|today|tonight|this (morning|afternoon|arvo|evening)|last night|an hour|hours ago|minutes|mins|suddenly|all of a sudden|out of nowhere|started|starting|happening|call|ambulance)\b/;

/** Verbs of holding a condition ("has", "have got", "with"). */
const HOLDS = /^(has|have|had|got|gets|get|with|carries|carry)$/;
/** Words of a reaction going on now, which an allergy held never is ("lips swelling", "wheezing", "just ate"). */
const REACTION_NOW =
  /\b(swell\w*|swollen|hives|wheez\w*|throat|tongue|lips|can not breathe|struggling to breathe|short of breath|epipen|epi pen|ate|eaten|stung|bitten|just|now|reacting|reaction)\b/;
/**
 * "my twin has anaphylaxis to peanuts, i dont": anaphylaxis held as an allergy (had, got, with it, to an allergen), with
 * nothing of a reaction now, is a standing condition, its caution line, never the emergency.
 */
function allergyHeld(sign: string, words: string[], start: number, end: number, said: string): boolean {
  if (sign !== 'anaphylaxis') return false;
  // (the verb before the sign's words, or its first word: "has anaphylaxis", the sign matched as "have anaphylaxis")
  const held = HOLDS.test(words[start - 1] ?? '') || HOLDS.test(words[start] ?? '');
  return held && words[end] === 'to' && !REACTION_NOW.test(said);
}

/** The words with every vague spell blanked out (same length, so positions still hold). */
function withoutVagueSpell(words: string[]): string[] {
  const out = [...words];
  for (let i = 0; i < out.length - 1; i++) {
    if (out[i] !== 'for') continue;
    const n = out[i + 1] === 'ages' || out[i + 1] === 'yonks' ? 2 : out[i + 1] === 'a' && (out[i + 2] === 'while' || out[i + 2] === 'bit') ? 3 : 0;
    for (let k = 0; k < n; k++) out[i + k] = '_';
  }
  return out;
}

/** Whether a message asks something, besides whatever else it says. */
export function asksQuestion(text: string): boolean {
  return text.split(/[.!;\n,]+|\s(?:and|but|so)\s/).some((part) => QUESTION.test(part.trim()));
}

export interface TriageOptions {
  threshold?: number;
  /** Everyday and clinic words that are never typo-corrected into sign words. */
  commonWords?: Iterable<string>;
  /** Ordinary clinic questions (the intent training lines), as extra benign examples for the classifier. */
  benign?: string[];
  /** What an everyday complaint names: body parts and symptom words (conditions.json), and alarm areas (chest, throat) that keep it in doubt. */
  complaints?: { parts: string[]; symptoms: string[]; otherParts: string[]; ailments?: string[] };
}

/** Chest pain brought on by a movement or by touch: the chest wall, not the heart ("sore when I twist", "tender to touch"). */
// ("rounded shoulders, tight chest and upper back muscles from years of desk work": posture, the chest wall's muscles)
const MECHANICAL =
  /\b(when|if|every time|whenever) i (twist|rotate|turn (my body|around|to the side)|press on it|push on it|reach (up|over|across|back|behind)|roll over)\b|\b(tender|sore|hurts|painful) (to|when i) (the )?(touch|press|poke)\b|\b(pulled|strained|tweaked) (a|something|my) ?(muscle|rib|pec)?\b|\b(posture|postural|rounded shoulders|hunched|slouch\w*|desk work|desk job|chest muscles|pec muscles|pecs|tight pecs|chest and (upper )?back muscles)\b|\b(from|after) (the |all the |all that |my |so much |heaps of |weeks of |a |((a|one|two|three|four|five|six|a few|a couple of|\d+) )?(days?|weeks?|fortnights?|months?) of )?(cough|coughing|coughin|coughing fits?|sneezing|sneezes|chest infection|pneumonia|bronchitis)\b/;
/** What keeps a chest pain told beside worry an emergency: the alarms of a heart attack, not the worry's own signs. */
const CHEST_ALARM_NOW =
  /\b(crushing|sweat\w*|clammy|pressure|squeez\w*|heavy|arm|arms|jaw (pain|ache|aches|aching|hurts|hurting|sore|numb)|(to|into|up|in) (my|the|his|her) jaw|short of breath|breathless|can not breathe|cant breathe|faint\w*|nause\w*|vomit\w*|grey|gray|pale|collaps\w*|radiat\w*|spreading|elephant)\b/;
/** A heart attack's alarm told, not denied ("not short of breath") nor worry's own ("sweaty palms"). */
function chestAlarmSaid(said: string): boolean {
  return CHEST_ALARM_NOW.test(said.replace(/\b(no|not|never|without|nor)( \w+){1,3}/g, ' ').replace(/\bsweaty (palms|hands|feet)\b/g, ' '));
}
/** Signs of a faint, which people ask about as a risk once someone has had one. */
const FAINT_SIGNS = new Set(['collapse']);
/** How often something happens, or whether it will happen to the writer, asked ("does that happen a lot?", "is it common?"). */
const HOW_OFTEN_ASKED =
  /\b(does (that|this|it) (happen|occur) (a lot|often|much|commonly|regularly|to (many|lots of|a lot of) people)|how (common|often|likely|rare|usual) (is|are|does|do)|how (common|often|likely|rare|usual)\b.*\?|(is|s) (that|it|this|fainting|passing out|that sort of thing) (common|normal|usual|rare|a thing|likely|typical)|should i be (worried|concerned|scared)|(will|would|could|might|am|do) i (be )?(gonna |going to |likely to |also )?(faint|pass out|do (that|the same)|go down)|what (would|will) happen if|how do (you|yous|u) (handle|deal with|manage)|(is|are) (that|it|this) (something|anything) (to worry|that happens))\b/;
/** A tendency to bleed, told ("a bit of a bleeder", "I bruise and bleed easily", "I take aspirin daily", "on warfarin"). */
const BLEEDING_TENDENCY =
  /\b(bleeder|bleed (easily|a lot|heaps|more than most)|bruise (easily|and bleed)|bleed and bruise|paper cuts? take (ages|forever|a while)|cuts? take (ages|forever) to stop|(on|take|takes|taking|takin) (the |a |my |his |her )?(blood thinners?|blood thinning|blood thinner medicine|warfarin|aspirin|apixaban|eliquis|xarelto|rivaroxaban|clopidogrel|plavix|heparin|coumadin)|(blood thinners?|warfarin|aspirin|eliquis|xarelto) (daily|every day|each day|long time|for (my|his|her) heart))\b/;
/**
 * A medicine taken as prescribed ("only my usual prescribed dose", "as my GP said"), or a wish to rely on it less ("I
 * don't want to rely on them", "trying to come off the sleeping tablets"): why people ask about acupuncture, not a sign.
 * Set aside only when that calms the classifier (wellSaid), and never beside a dose told as too much (MORE_THAN_PRESCRIBED).
 */
const AS_PRESCRIBED =
  /\b((usual|normal|regular|prescribed|recommended|everyday|daily|standard|right|correct) (prescribed )?(dose|doses|dosage|amount)|as (prescribed|directed|the (doctor|gp|pharmacist|chemist|box|packet) (said|says)|my (doctor|gp|pharmacist) said))\b/;
const MEDICINE_RELUCTANCE =
  /\b((dont|do not|don t|would rather not|rather not|never|not) (want|like|wanna|keen|love) (to )?(rely|relying|depend|depending|be reliant|be dependent|keep taking|stay on|be on|get hooked|get addicted|be hooked|be addicted|live on)|(come|coming|get|getting|wean|weaning|weaned) (myself |her |him )?off (the |my |his |her |those |these )?(\w+ )?(pills|tablets|meds|medication|medications|medicine|antidepressants|painkillers|pain killers|sleepers|opioids|steroids|hrt))\b/;
/**
 * "I don't want to be gullible", "don't want to be a pain": not wanting to be some way with others, which crisis
 * examples' "don't want to be here" leans the classifier towards. Every such wish in the clause must name a way of being
 * that is no crisis's (BEING_GONE: here, alive, around, a burden…).
 */
const NOT_WANTING_TO_BE =
  /\b(?:do not|dont|don t|never|would not|wouldnt) (?:want|wanna|wish)(?: to)? be (?:a |an |the |that |too |so |seen as |taken as |one of those )?([a-z]+)/g;
const BEING_GONE =
  /^(here|alive|around|a|burden|on|in|living|awake|me|myself|anymore|any|left|saved|found|rescued|rescue|resuscitated|woken|born|seen|breathing|anywhere|gone|dead|forgotten|remembered|missed|hurt|hurting|alone|lonely|trapped|stuck|like|this|that|the|such|with|without|anyone|anybody|someone|somebody|no|nothing|nobody|loved|wanted|needed|sad|depressed|unhappy|miserable|numb|empty|tired|exhausted|afraid|scared|frightened|in pain)$/;
function notWantingToBeOnly(said: string): boolean {
  const ways = [...said.matchAll(NOT_WANTING_TO_BE)].map((m) => m[1]);
  return ways.length > 0 && ways.every((w) => !BEING_GONE.test(w));
}
/**
 * "I don't want to undo the good work", "don't wanna overdo it", "I don't want to waste the session": not wanting to
 * spoil the treatment's progress or a plan, which crisis examples' "I don't want to…" leans the classifier towards. Never
 * with life, living, waking or going on said in the clause.
 */
const NOT_WANTING_TO_SPOIL =
  /^(?!.*\b(any ?more|like this|life|living|alive|wake|waking|go on|here|exist|myself|be)\b).*\b(do not|dont|don t|never|would not|wouldnt|rather not) (want|wanna|wish)( to)? (undo|overdo|ruin|waste|wreck|spoil|jinx|mess (it|things|that|this) up|stuff (it|things|that|this) up|muck (it|things) up|set (myself|me|it|things) back|make (it|things|that) worse|aggravate|push (it|too hard)|lose (the|my|all the) (progress|gains|good work)|undo (the|my|all the|any) )/;

/** The session said to have been good ("just wanted to say it was actually good"): praise, which a last goodbye is not (FOR_GOOD). */
const SESSION_PRAISED =
  /\b(it|the session|my session|the needling|the treatment|acupuncture|dry needling|that|yesterday|today) (was|is|s|felt|has been) (actually |really |so |pretty |very |super |honestly |genuinely )?(good|great|amazing|awesome|fantastic|brilliant|excellent|wonderful|lovely|helpful|relaxing|ace|mint|unreal)\b/;
/**
 * Whether it is fine to go on with the treatment, asked ("her GP nurse asked me to check it's fine to carry on", "should I
 * keep going with the sessions?"): the treatment's going on, not the writer's. Set aside only when that calms the
 * classifier (wellSaid), whose crisis examples say "no reason to carry on". Never with life, living or "like this".
 */
const CARRY_ON_ASKED =
  /^(?!.*\b(like this|living|with (my )?life|any ?more|much longer|no (reason|point)|can not|cannot|cant|could not|do not know how)\b).*\b((fine|ok|okay|safe|alright|all right|good|right|sensible|wise) (for (her|him|me|them|us|mum|dad) )?to (carry on|keep going|continue|keep on|keep at it|go on)|(should|can|could|may|do) (i|she|he|we|they|mum|dad) (carry on|keep going|continue|keep on|go on) (with|having|doing|getting|coming)|(if|whether) (i|she|he|we|they|mum|dad) (can|could|should) (carry on|keep going|continue|keep on|go on) (with|having|doing|getting|coming)|(carry|carrying) on (with|having|getting|doing) (the|her|his|my|their|these|those)? ?(sessions?|treatments?|needling|acupuncture|dry needling|appointments?|course))\b/;
/** A medicine or chemical found untouched ("packet still sealed", "counted them, none missing", "lid was still on"). */
const NOTHING_TAKEN =
  /\b(still sealed|unopened|never opened|not (even )?opened|(all|every one) (of them )?(still )?there|none (are |were |is |was )?missing|nothing (is |was )?missing|(lid|cap|seal) (was |is )?still on|(lid|cap|seal) (was |is )?(still )?(on tight|intact|unbroken)|counted (them|the (tablets|pills|capsules))( and)? (all|none|every))\b/;
const MORE_THAN_PRESCRIBED =
  /\b(more than|too (many|much)|double|extra|twice|whole|all of|the lot|lots of|heaps of|handful|box|packet|bottle|tonight|end it|die|dead)\b/;
/** What a blood thinner is for, told on its own ("…, for his heart"). */
const WHAT_FOR =
  /^\s*(and )?(its |it is |thats |that is )?(for|because of) (my|his|her|their) (heart|ticker|af|afib|atrial fibrillation|valve|stent|stents|clot|clots|dvt)( condition| problem| problems)?\s*$/;
/** When a sign was, told as over: a first session or time, after someone's session, years ago, a blood test or a jab. */
const FAINT_DATED =
  /\b(after (her|his|their|my) (needling|session|acupuncture|dry needling|treatment|appointment)|first (session|time|dry needling|acupuncture|needling|appointment|appt|visit|treatment|go)|first (acupuncture|dry needling|needling) (session|appointment|appt|visit|treatment)|last (year|yeer|time|week|month|summer|winter)|(years?|yrs|ages|months?) (ago|back)|once|back (at|in|when)|when (i|he|she|they) (was|were)|(blood test|blood tests|giving blood|gave blood|vaccination|vaccine|injection)s?)\b/;
/** A sign told as over (dated, nothing of today) and asked about as a risk of the treatment. */
const askedAsRisk = (lower: string) => HOW_OFTEN_ASKED.test(lower) && FAINT_DATED.test(lower) && !TODAY_SAID.test(lower);
/** Today said, so a faint told in the past tense may be now. */
const TODAY_SAID =
  /\b(today|tonight|just now|right now|this (morning|afternoon|arvo|evening)|an hour ago|minutes ago|earlier today|still (woozy|dizzy|faint|out|down|unconscious|not))\b/;
/** A heart that races or a chest that goes tight with nerves, each time something brings them on ("every time I sit down to study", "before every meeting"). */
const NERVES_RACE = new RegExp(
  [
    String.raw`^(?=.*\b(nerves|nervous|anxious|anxiety|stress|stressed|panic|panicky|exams?|worry|worried|worrying)\b)`,
    String.raw`(?=.*\b(heart|chest) (races|racing|raced|pounds|pounding|thumps|thumping|flutters|fluttering|beats (really |so )?fast|goes tight|gets tight|tightens|tightens up|feels tight|goes all tight|gets all tight)\b)`,
    String.raw`(?=.*\b(every time|everytime|whenever|each time|before (every |each |an |a |my |big )?(exams?|tests?|presentations?|interviews?|work|shifts?|games?|matches|meetings?|calls?|performances?|speeches|flights?|appointments?|deadlines?)|when i (get|am|m|feel) (nervous|anxious|stressed|worked up))\b)`,
  ].join(''),
);
/**
 * A clause that says the alarm's own words are fine ("Breathing and everything else is fine", "heart is fine"), taken out
 * of what CHEST_ALARM reads: told as well, the breathing is no alarm beside a pec sore from the bench press.
 */
const TOLD_FINE =
  /(^|, )(but |and |so )?((my|the|his|her) )?(\w+ ){0,2}(and (everything|all|the rest)( else)? )?(is|are|s|feels?|seems?) (totally |perfectly |completely |all |absolutely )?(fine|ok|okay|normal|good|all good|alright|great)(?=,|$)/g;
/** A clause that asks about the treatment ("Can you dry needle chest muscles?"): its needling words tell no session. */
const ASKS_OF_TREATMENT = /^(can|could|do|does|would|will|is|are|should|how|what)\b/;
const notToldFine = (said: string) =>
  said
    .replace(TOLD_FINE, '$1')
    .split(', ')
    .map((clause) => (ASKS_OF_TREATMENT.test(clause) ? clause.replace(/\b(needl\w*|session|acupunct\w*)\b/g, '') : clause))
    .join(', ');
/**
 * "I had it done at a physio before and I was really sore for two days after", "last time I was bruised for a week": an
 * ordinary after-effect told as lasted and over (how long it lasted), not as going on.
 */
const REACTION_WORD =
  '(sore|bruised|achy|aching|stiff|tender|tired|wiped out|exhausted|drained|weepy|emotional|light headed|lightheaded|woozy|dizzy|sleepy)';
const REACTION_OVER = new RegExp(
  `\\b(was|were|felt|got|i was|he was|she was)( \\w+){0,2} ${REACTION_WORD}( and \\w+)?( \\w+){0,3} for (a|an|one|two|three|four|five|six|seven|a few|few|a couple of|couple of|several|\\d+) (hours?|hrs?|days?|weeks?)\\b`,
);
/** What says the after-effect is there now ("still sore", "since yesterday", "I'm bruised"). */
const AFTER_EFFECT_NOW = new RegExp(
  `\\b(still|now|currently|at the moment|atm|right now|today|tonight|this (morning|afternoon|arvo|evening)|yesterday|last night|since (my|the|then|yesterday|this|last)|(i am|im|it is|its|is|are|am) (still |really |so |very |quite |a bit |pretty )?${REACTION_WORD})\\b`,
);
const reactionOver = (lower: string) => {
  const said = lower.replace(/['’]/g, '');
  return REACTION_OVER.test(said) && !AFTER_EFFECT_NOW.test(said);
};

/** The chest's muscles named as such ("tight muscles in my chest", "my pecs", "chest muscles are sore from bench"). */
const CHEST_MUSCLES = /\b(muscles? (in|across|of) (my|the) chest|chest muscles?|pec muscles?|pecs|pectorals?)\b/;
/** What keeps chest pain an emergency whatever brings it on: sweating, breathlessness, the arm or jaw, pressure, fainting. */
const CHEST_ALARM =
  /\b(sweat\w*|clammy|breath\w*|short of|puffed|arm|jaw|crushing|pressure|squeez\w*|heavy|tight(ness)? (in|across) (my|the) chest|faint\w*|dizzy|nause\w*|sick|vomit\w*|grey|pale|collaps\w*|heart|needl\w*|session|acupunct\w*)\b/;

/**
 * Phrases as the patterns see them, normalised stems between spaces (" lower back "), with one expression that finds
 * or takes out any of them in a clause's " stem stem … " (hundreds of body parts: one pass, not one per phrase).
 */
class Phrases {
  private readonly any: RegExp;
  private readonly every: RegExp;

  constructor(readonly list: string[]) {
    const body = [...new Set(list.map((p) => p.trim()))]
      .sort((a, b) => b.length - a.length)
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|');
    this.any = body ? new RegExp(` (?:${body})(?= )`) : /(?!)/;
    this.every = new RegExp(this.any.source, 'g');
  }

  /** Whether " stem stem … " contains one of the phrases. */
  in(joined: string): boolean {
    return this.any.test(joined);
  }

  /** " stem stem … " without the phrases (" my lower back hurt " -> " my hurt "). */
  strip(joined: string): string {
    return joined.replace(this.every, '');
  }

  plus(other: Phrases): Phrases {
    return new Phrases([...this.list, ...other.list]);
  }
}

/**
 * How a question is put, for oneself or for someone else ("my friend wants to know if…", "would like to know", "quick
 * question"): words that say nothing of risk, yet crisis examples are full of "want", "know" and "friend". A message the
 * classifier worried about only for them is not its to flag (taken out with the function words; negations kept). Not
 * here: "just wanted to say" ("just wanted to say thanks, you won't hear from me again") and "wondering whether"
 * ("wondering whether I'll even make it to the appointment"), which real crisis messages use.
 */
const ASKERS = [
  'i',
  'she',
  'he',
  'they',
  'my friend',
  'my mate',
  'my mum',
  'my dad',
  'my husband',
  'my wife',
  'my partner',
  'my sister',
  'my brother',
  'my daughter',
  'my son',
];
/** What a patient may wonder is at the other end of the chat (ASKING_FRAMES). */
const READERS = ['robot', 'bot', 'chatbot', 'computer', 'machine', 'program', 'real person', 'person', 'human', 'real human'];
/** "Back" as a return, not a body part ("circling back", "get back to you", "be back after lunch"), in stems. */
const BACK_AS_RETURN = / (circl|get|got|come|came|be|go|went|head|pop|check|call|write|text|hear|run|ring|touch base) back /g;
/** At most this many other words beside the times, for a message whose times alone worried the classifier. */
const TIMES_ONLY_MAX_WORDS = 3;
/** The stems of times of day and spans ("after lunch", "a few mins", "this arvo"), as the normaliser gives them. */
const TIME_STEMS = new Set(
  'minut min hour hr second sec lunch lunchtim breakfast brekki dinner tea morn afternoon arvo night tonight todai yesterdai week weekend dai few coupl ago earlier later soon shortli while after befor'.split(
    ' ',
  ),
);

const ASKING_FRAMES = [
  ...ASKERS.flatMap((who) => [
    `${who} want to know`,
    `${who} wants to know`,
    `${who} just wants to know`,
    `${who} asked me to ask`,
    `${who} wants me to ask`,
  ]),
  'would like to know',
  // ("just want to know if i can have a beer tonight after my acupuncture": a question's frame, "just want" and "tonight"
  // notwithstanding)
  'just want to know',
  'just wanted to know',
  'just want to check',
  'just wanted to check',
  // what someone said could happen ("my friend told me that can happen"): hearsay behind a question about a risk
  'told me that can happen',
  'told me it can happen',
  'told me that could happen',
  'said that can happen',
  'heard that can happen',
  'read that can happen',
  'asked me to find out',
  'just checking',
  // a first visit's nerves, and the relief of an answer ("I've never done anything like this before", "you've put my
  // mind at ease"), and not knowing who is at the other end ("I don't know who I'm writing to")
  'never done anything like this',
  'never done this before',
  'never done it before',
  'never had anything like this done',
  // (the treatment as "the whole thing": "I was worried about the whole thing")
  ...['worried', 'nervous', 'anxious', 'scared', 'unsure', 'apprehensive'].flatMap((w) => [
    `${w} about the whole thing`,
    `${w} about the whole idea`,
  ]),
  ...['put', 'set'].flatMap((v) => [`${v} my mind at ease`, `${v} my mind at rest`]),
  ...['writing', 'talking', 'speaking', 'chatting'].map((v) => `who i am ${v} to`),
  'who is on the other end',
  // whether a machine is at the other end ("Is it a robot I am writing to? My daughter says these things are all robots
  // now."): the classifier's crisis examples share "writing to"; the rest of the message is still read ("are you a real
  // person, I just want to die" keeps its crisis)
  ...READERS.flatMap((who) => [
    ...['is it', 'is this', 'are you', 'am i talking to', 'am i writing to', 'am i chatting to', 'am i chatting with'].flatMap((q) => [
      `${q} a ${who}`,
      `${q} ${who}`,
    ]),
    ...['writing', 'talking', 'speaking', 'chatting', 'texting'].flatMap((v) => [`a ${who} i am ${v} to`, `${who} i am ${v} to`]),
  ]),
  // ("so now I'm second guessing myself": doubt about the treatment, not about oneself)
  'second guessing myself',
  'second guessing it',
  'second guessing the',
  'quick question',
  // how the asking is put ("Not sure if this is the right place to ask, but what are meridian lines?", "I didn't know
  // where else to ask"): a preface to a question, not a sign; whatever else the message tells is still read
  'right place to ask',
  'the right place for this',
  'in the right place',
  'where else to ask',
  'who else to ask',
  'how to put this',
  'how to word this',
  'how to phrase this',
  'been asked before',
  'waste your time',
  // ("… passed out during her first acupuncture, should I be worried?": a risk asked about)
  'should i be worried',
  'should i be concerned',
  'should i be scared',
  // ("my friend said she bled a bit after her needling, does that happen a lot?": how often, asked)
  'does that happen a lot',
  'does that happen often',
  'does it happen a lot',
  'does it happen often',
  'is that common',
  'is it common',
  'how common is that',
  'how common is it',
  // ("I'm curious what the practitioner meant about not going too deep there": what was said at a session, asked about)
  'i am curious',
  'just curious',
  ...['practitioner', 'physio', 'acupuncturist', 'therapist', 'she', 'he', 'they'].map(
    (who) => `what ${who === 'she' || who === 'he' || who === 'they' ? who : `the ${who}`} meant`,
  ),
  // ("I am simply asking about aftercare", "only enquiring")
  'simply asking',
  'just asking',
  'only asking',
  'simply enquiring',
  'just enquiring',
  'only enquiring',
  'asking about aftercare',
  'enquiring about aftercare',
  // a choice between the treatments asked for ("I don't know anything about either. Which do I pick?")
  'which do i pick',
  'which should i pick',
  'which do i choose',
  'which should i choose',
  'which one should i get',
  'which should i get',
  'which one do i',
  'which would you recommend',
  'which do you recommend',
  'which suits me',
  'which one suits me',
  'help me choose',
  'help me pick',
  'do not know anything about either',
  'do not know which',
  'not sure which',
  // a hope to need less medicine ("could it bring my blood pressure down so I don't need them?")
  'so i do not need them',
  'so i do not need it',
  'so i do not need my',
  'so i do not need to take',
  'so i do not have to take',
  'so i can stop taking',
  'so i can come off',
  'so i could come off',
  'so i could stop taking',
  'come off my tablets',
  'come off my medication',
  'get off my tablets',
  'get off my medication',
  'instead of tablets',
  'instead of my tablets',
  'instead of medication',
  'rather than tablets',
  // a wish for the overall wellbeing the article offers acupuncture for ("I'm not really sore anywhere, I just want to
  // feel better overall"): "better" and "just want" lean on crisis examples; said with "overall" or "in myself" it is
  // the article's wellbeing ("tired of everything, I just want to feel better" stays the classifier's to judge)
  ...['better', 'good', 'healthier', 'more balanced', 'more relaxed', 'more energetic'].flatMap((how) => [
    `feel ${how} overall`,
    `feel ${how} in general`,
    `feel ${how} generally`,
    `feel ${how} in myself`,
  ]),
  'general wellbeing',
  'overall wellbeing',
  'general well being',
  'overall well being',
  'overall health',
  'general health',
];

/** No phrases: the classifier asked about a message without its function words only. */
const NO_PHRASES = new Phrases([]);

/** A clause that says a body area is fine or denies a sign in it ("my face is fine", "my arm is not weak", "no chest pain"). */
const SAID_FINE =
  /\b(is|are|feels|looks|seems) (fine|ok|okay|normal|good|all good|alright)\b|\b(is|are|am|was|were) not\b|^(no|not) |\bnot (weak|numb|drooping|droopy|tight|sore|painful|short)\b/;

/**
 * A whole clause that only says all is well ("my face is fine", "my chest is no pain", "my breathing is good", "I'm
 * fine"): the classifier does not read it, since its alarm words are the ones it denies.
 */
const ALL_WELL =
  /^(but |and |so |honestly |really )?(today |now |since then |this morning |tonight |these days |by now )?((my|his|her|the) (\w+ ){0,2}(is|are|feels|feel|looks|seems|s) (totally |perfectly |completely |all |absolutely )?(fine|ok|okay|normal|good|all good|alright|great|perfect|no pain|not (sore|painful|hurting|weak|numb|tight|a problem))|(i am|im|i feel|i m|i am feeling|i am totally|i am perfectly|i am all) (totally |perfectly |completely |absolutely )?(fine|ok|okay|good|all good|alright|great|well)|(he is|she is|they are|hes|shes|theyre|we are|everyone is|he seems|she seems|he feels|she feels) (totally |perfectly |completely |absolutely |all )?(fine|ok|okay|good|all good|alright|great|well)( now| after (his|her|their|my|the) \w+( \w+)?| afterwards| since)?|(nothing|nothing is|nothings) (wrong|the matter|to worry about)( at all| here)?|(all|everything|everything is|everythings) (good|fine|ok|okay|great|sweet)|(it is |its |this is |this |it )?(not|no) (an )?(emergency|urgent|drama)( at all)?|(nobody|no one|noone|no body) (is |was |got |s )?(hurt|injured|sick|unwell|in danger))$/;

/**
 * A whole clause that only says why the writer asks for someone else ("he won't ring up himself", "she's too shy to
 * call", "he hates phoning"): a reason for asking, not a sign; the classifier reads the rest.
 */
const WHY_I_ASK_FOR_THEM =
  /^(and |but |so |because |cos |as )?(he|she|they|hes|shes|theyre|he is|she is|they are|my \w+|my \w+ is|my \w+ s) (will not|wont|would not|refuses to|refuse to|does not|doesnt|do not|never|is too \w+ to|are too \w+ to|too \w+ to|hates|hate|can not be bothered to|is not good at|is no good at|is hopeless at) (ring|call|phone|book|email|message|text|ringing|calling|phoning|booking|emailing|messaging|texting|make the call|make calls|do it|do the booking)( up| in| you| you guys| the clinic| anyone)?( himself| herself| themselves| for (himself|herself|themselves))?$/;

/**
 * A whole clause that only says someone is worried ("my mum was worried", "I'm 80 and worried", "so I'm a bit nervous"):
 * worry is why people ask, not a sign; the classifier reads the rest.
 */
const ONLY_WORRIED =
  /^(and |but |so |which is why |that is why )?(now )?((i am|im|i m|i was|i feel|i felt|i get|i got|i am getting|(my|our) \w+ (is|was|are|were|gets|got|s)|he is|she is|he was|she was|they are|they were|we were|we are|everyone is|everyone was)( \d+ and| old and| pregnant and)? )?(a bit |a little |quite |very |really |so |bit |pretty |kind of |kinda |slightly |just |a tad |super |extremely |understandably |naturally |bit of a )?(worried|worrier|anxious|nervous|scared|concerned|apprehensive|freaked out|panicky|worried sick|a worrier|a nervous wreck|nervy|jittery|on edge|uneasy|a bit worried|freaking out|freaking|stressing out|stressing|panicking|terrified|petrified|dreading it)( about it| about that| about this| about needles| about needling| about the needles| about that happening| about (my|the|this|our|his|her) (booking|appointment|appt|session|visit|first session|first visit|first appointment)( next week| tomorrow| today| this week| on \w+)?| now| too| as well)?$/;

/**
 * A whole clause that tells a fear of needles ("I am very afraid of the needle since child", "I am very scared from the big
 * needle like in the hospital", "always been terrified of injections"): why people ask what a session is like, not a sign.
 * Set aside only when that calms the classifier (wellSaid), whose emergency examples share "hospital" and "needle".
 */
const NEEDLE_FEAR =
  /^(and |but |so |honestly |to be honest )?((i am|im|i m|i was|i have been|i have always been|i ve always been|always been|i get|i feel|i have|i ve got|i got|she is|he is|she has|he has|my \w+ is|my \w+ has) )?(very |really |so |a bit |a little |quite |super |terribly |extremely |always |bit |kind of |kinda |deathly |totally )?(afraid|scared|frightened|terrified|petrified|fearful|nervous|anxious|worried|phobic|freaked out|a fear|a phobia|a big fear)( of| from| about| with| for)( the| a| big| long| those| these| all| any| thick| sharp)* (needle|needles|needling|injection|injections|shot|shots|jab|jabs)\b( \w+){0,6}$/;

/** Stems that say what is denied: no, not, never, without (and nothing, as in "nothing sore"). */
const DENIALS = new Set(['no', 'not', 'never', 'without', 'noth']);

/** A clause's stems without the three that follow a denial ("no sore" keeps "no"). */
function undenied(stems: string[]): string[] {
  let denied = 0;
  return stems.filter((w) => {
    if (DENIALS.has(w)) {
      denied = 3;
      return true;
    }
    return denied-- <= 0;
  });
}

export class SafetyTriage {
  readonly normaliser: SafetyNormaliser;
  readonly threshold: number;
  private trained?: SafetyClassifier;
  /** Signs by id, for the signs that require another one ("bleeding_on_thinners" requires "blood_thinners"). */
  private readonly signsById: Map<string, Sign>;
  private readonly signIndex: Map<Sign, number>;
  /** Each clause's start table, built once per clause however many checks ask (the clauses of one message). */
  private readonly clauseStarts = new WeakMap<NormalClause, ClauseStarts>();
  /** Which sign patterns can start at which words. */
  private readonly starts: StartTable;
  /** Symptom and after-effect phrases that say something ("feel" alone does not), for namesSymptom. */
  private readonly symptomPhrases: Phrases;
  /** A complaint's body parts and symptom words together. */
  private readonly complaintWords: Phrases;
  private readonly askingFrames: Phrases;
  /** Laughter written straight after a sign ("can't breathe 😂, my mate sent me a video of me flinching"): lexicon "laugh". */
  private readonly laughter: ReadonlySet<string>;
  private readonly complaint?: { parts: Phrases; symptoms: Phrases; otherParts: Phrases; ailments: Phrases };

  constructor(
    readonly knowledge: SafetyKnowledge,
    private readonly options: TriageOptions = {},
  ) {
    const vocabulary = safetyVocabulary(
      knowledge.lexicon,
      knowledge.signs.map((s) => ({ patterns: s.sources })),
      knowledge.examples,
    );
    this.normaliser = new SafetyNormaliser(knowledge.lexicon, vocabulary, options.commonWords ?? []);
    this.signsById = new Map(knowledge.signs.map((s) => [s.id, s]));
    this.signIndex = new Map(knowledge.signs.map((s, i) => [s, i]));
    this.starts = new StartTable(knowledge.signs);
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    const phrases = (list: string[]): Phrases =>
      new Phrases(
        list
          .map(
            (p) =>
              ' ' +
              this.normaliser
                .clauses(p)
                .flatMap((c) => c.stems)
                .join(' ') +
              ' ',
          )
          .filter((p) => p.trim()),
      );
    if (options.complaints) {
      const { parts, symptoms, otherParts, ailments } = options.complaints;
      this.complaint = { parts: phrases(parts), symptoms: phrases(symptoms), otherParts: phrases(otherParts), ailments: phrases(ailments ?? []) };
    }
    // With the after-effects in the clinic tier's own words (lexicon "clinicword": sore, bruised, teary, woozy...).
    this.symptomPhrases = new Phrases(
      [...(this.complaint?.symptoms.list ?? []), ...phrases(knowledge.lexicon.concepts.get('clinicword') ?? []).list].filter(
        (p) => !FUNCTION_WORDS.has(p.trim()),
      ),
    );
    this.complaintWords = this.complaint ? this.complaint.parts.plus(this.complaint.symptoms) : new Phrases([]);
    this.askingFrames = phrases(ASKING_FRAMES);
    this.laughter = new Set(knowledge.lexicon.concepts.get('laugh') ?? []);
  }

  /**
   * Whether the message describes an everyday complaint, and how: a body part with a symptom word ("my heel aches",
   * "stabbing pain in my shoulder blade"), anything long-standing ("always", "for months"), or one of the ailments the
   * article lists for acupuncture ("my sleep and my gut"); never with an alarm area (chest, throat, face, eyes: those
   * stay in doubt) or something sudden.
   */
  describesComplaint(clauses: NormalClause[]): 'part' | 'long' | 'ailment' | undefined {
    const c = this.complaint;
    if (!c) return undefined;
    // An alarm word inside an everyday area's name ("behind my eyes" for a headache) is not the alarm area itself.
    let all = ' ' + clauses.flatMap((x) => x.stems).join(' ') + ' ';
    all = c.parts.strip(all);
    // An alarm area the message says is fine ("my face is fine", "my arm's not weak") is no alarm.
    let alarm =
      ' ' +
      clauses
        .filter((x) => !SAID_FINE.test(x.words.join(' ')))
        .flatMap((x) => x.stems)
        .join(' ') +
      ' ';
    alarm = c.parts.strip(alarm);
    if (c.otherParts.in(alarm)) return undefined;
    const joined = clauses.flatMap((x) => x.words).join(' ');
    if (SUDDEN.test(joined)) return undefined;
    // "my gut is always off", "bloated for months": long-standing, not an emergency, wherever it is (but the alarm areas).
    if (LONG_STANDING.test(joined)) return 'long';
    const part = clauses.some((x) => {
      const stems = ' ' + x.stems.join(' ') + ' ';
      return c.parts.in(stems) && c.symptoms.in(stems);
    });
    if (part) return 'part';
    return c.ailments.in(all) ? 'ailment' : undefined;
  }

  /** Whether every clause asks about what might happen ("what if…", "could it…"), with nothing said to be happening now. */
  private onlyHypothetical(clauses: NormalClause[]): boolean {
    if (clauses.length === 0 || STRONG_NOW.test(clauses.flatMap((c) => c.words).join(' '))) return false;
    return clauses.every((c) => isHypothetical(c.words, c.words.length));
  }

  /** Whether the classifier's worry comes from how a question is put alone (ASKING_FRAMES). */
  private worriedByAskingOnly(clauses: Array<{ stems: string[] }>): boolean {
    const all = clauses.map((c) => ' ' + c.stems.join(' ') + ' ');
    return all.some((c) => this.askingFrames.in(c)) && this.calmWithout(clauses, this.askingFrames, true);
  }

  /**
   * Whether times of day and spans alone worried the classifier ("just circling back after lunch, got a few mins"):
   * emergencies are told with when they began ("a few minutes ago", "after lunch"), so those words lean towards them
   * whatever else is said.
   */
  private worriedByTimesOnly(clauses: Array<{ stems: string[] }>): boolean {
    // ("lunch break", "smoko break": a break as a time, not a bone)
    const stems = clauses.map((c) => ({
      stems: c.stems.filter((w, i, ws) => !(w === 'break' && (TIME_STEMS.has(ws[i - 1]) || ws[i - 1] === 'smoko'))),
    }));
    const all = stems.flatMap((c) => c.stems);
    if (!all.some((w) => TIME_STEMS.has(w))) return false;
    // (only a message that says little else, no symptom and no body part: "took a few more of my oxy … breathing feels
    // kinda slow" is the classifier's to flag, whatever its times)
    const rest = all.filter((w) => w !== '' && !FUNCTION_WORDS.has(w) && !TIME_STEMS.has(w));
    // ("circling back", "get back to you": back as where to, not a body part)
    const said = (' ' + all.join(' ') + ' ').replace(BACK_AS_RETURN, ' $1 ');
    return (
      rest.length <= TIMES_ONLY_MAX_WORDS &&
      !this.namesSymptom(clauses) &&
      !this.complaintWords.in(said) &&
      this.calmWithout(stems, NO_PHRASES, true, TIME_STEMS)
    );
  }

  /**
   * Whether the session words alone worried the classifier ("my session was great"): every urgent-care and clinic
   * example follows a session, so "session", "appointment" and "treatment" lean towards them whatever else is said.
   */
  private worriedBySessionWordsOnly(stems: string[][]): boolean {
    const rest = stems.map((c) => c.filter((w) => !SESSION_WORDS.has(w))).filter((c) => c.length > 0);
    return this.classifier.score(rest).risk < this.threshold;
  }

  /** Whether the message names a symptom (conditions.json's words: sore, ache, stiff, numb; and the after-effects: teary, woozy). */
  private namesSymptom(clauses: Array<{ stems: string[] }>): boolean {
    // ("no soreness, no bruising, nothing at all": a symptom denied is not named; the three words after a denial, as
    // the classifier reads them)
    const all = ' ' + clauses.flatMap((x) => undenied(x.stems)).join(' ') + ' ';
    return this.symptomPhrases.in(all);
  }

  /**
   * Whether a message names body parts and nothing else ("my upper back too? between the shoulder blades"): a place
   * asked about, no sign and no symptom, which the classifier's pneumothorax examples lean on ("upper back", "shoulder
   * blades"). Only the listed conditions' body parts, never the chest or the head (complaints' otherParts).
   */
  private onlyBodyParts(clauses: Array<{ stems: string[] }>): boolean {
    const c = this.complaint;
    if (!c) return false;
    let named = false;
    for (const clause of clauses) {
      const all = ' ' + clause.stems.join(' ') + ' ';
      if (c.otherParts.in(all)) return false;
      const rest = c.parts.strip(all);
      if (rest !== all) named = true;
      if (rest.split(' ').some((w) => w !== '' && !FUNCTION_WORDS.has(w))) return false;
    }
    return named;
  }

  /** Whether the message names one of the acupuncture ailments. */
  private hasAilment(clauses: Array<{ stems: string[] }>): boolean {
    const all = ' ' + clauses.flatMap((x) => x.stems).join(' ') + ' ';
    return this.complaint?.ailments.in(all) ?? false;
  }

  /**
   * Whether the classifier's worry comes from the ailment words alone: without them ("sleeping", "stressed", "gut")
   * the rest of the message is below the threshold. "Took my husband's sleeping tablets and feel drowsy" is not.
   */
  private worriedByAilmentsOnly(clauses: Array<{ stems: string[] }>): boolean {
    // (a negation stays: "low mood, and it'd be easier to just not exist" without its "not" is calm)
    return this.calmWithout(clauses, this.complaint?.ailments ?? new Phrases([]), true);
  }

  /** Whether the classifier's worry comes from the complaint's body part and symptom words alone ("sore", "back"). */
  private worriedByComplaintOnly(clauses: Array<{ stems: string[] }>): boolean {
    return this.calmWithout(clauses, this.complaintWords);
  }

  /**
   * "so it will cure it?", "And asthma?", "would it be dangerous if I have a pacemaker?": a short question whose worry
   * came from its function words alone ("so", "it", "will", "and"), which lean a little towards the safety classes in a
   * boolean multinomial model. Without them the classifier is calm. (Long messages are not judged this way: an indirect
   * farewell lives in its function words, "by the time you read this I will no longer be here".)
   */
  private shortQuestionOfFunctionWords(text: string, clauses: NormalClause[], setAside: Set<number>): boolean {
    // (what the patterns set aside, a denial or a what-if, is not counted: "no bruising, infection or soreness from my
    // last session. I'd like to book my next appointment" is a short question after a denial)
    const kept = clauses.filter((_, i) => !setAside.has(i));
    const words = kept.reduce((n, c) => n + c.words.length, 0);
    return (
      words <= SHORT_QUESTION_WORDS &&
      asksQuestion(text) &&
      // (hedges as a second try only: without "would" a question can read as riskier, "needling near my chest be risky")
      (this.calmWithout(kept, NO_PHRASES, true) || this.calmWithout(kept, NO_PHRASES, true, HEDGES))
    );
  }

  /** Whether the classifier is below its threshold once these phrases (and function words, and `also` words) are taken out. */
  private calmWithout(clauses: Array<{ stems: string[] }>, phrases: Phrases, keepNegation = false, also?: Set<string>): boolean {
    const kept = (w: string) => w !== '' && (!(FUNCTION_WORDS.has(w) || also?.has(w)) || (keepNegation && (w === 'not' || w === 'no')));
    const rest = clauses.map((c) =>
      phrases
        .strip(' ' + c.stems.join(' ') + ' ')
        .split(' ')
        .filter(kept),
    );
    return this.classifier.score(rest.filter((r) => r.length > 0)).risk < this.threshold;
  }

  /** The second net, trained on first use (about half a second: every example is normalised); triageFor() trains it at once. */
  get classifier(): SafetyClassifier {
    this.trained ??= this.train();
    return this.trained;
  }

  private train(): SafetyClassifier {
    const { knowledge, options } = this;
    const stems = (t: string) => this.normaliser.clauses(t).map((c) => c.stems);
    return SafetyClassifier.train([
      // Clinic-tier reactions are a class too: without them, soreness after a session read as urgent care, the only
      // class whose examples all follow a session. A clinic or urgent catch needs a session in the message (below).
      ...knowledge.examples.map((e) => ({ stems: stems(e.text), label: e.label as SafetyLabel })),
      ...(options.benign ?? []).map((t) => ({ stems: stems(t), label: 'none' as SafetyLabel })),
    ]);
  }

  /** Whether the message says a session happened ("since the needling", "where the needle went in"). */
  sessionHappened(clauses: NormalClause[], text = ''): boolean {
    // ("Is post surgical pain on your list? I had my hip done in June": "had my hip done" is the operation)
    const operationDone = (said: string) => HAD_IT_DONE.test(said) && clauses.some((o) => SURGERY.test(o.words.join(' ')));
    // ("Came in for a sore neck, left with a sore neck AND a sore shoulder": a visit told across a comma)
    const whole = clauses.map((c) => c.words.join(' ')).join(' ');
    if (LEFT_WITH.test(whole) && !noSessionOfMine(whole)) return true;
    // ("my wife had dry needling yesterday and loved it but now her arm is numb": the good experience turned, so the
    // session is the one whatever came after it followed)
    const turned = TURNED_AFTER.test(text.toLowerCase());
    const onlyPraised = (said: string) => RECOMMENDED.test(said) && !NO_SESSION_OF_MINE.some((re) => re !== RECOMMENDED && re.test(said));
    const othersOnly = (c: NormalClause, said: string) =>
      OTHERS_TREATED.test(said) && clauses.some((o) => o !== c && !OTHERS_TREATED.test(o.words.join(' ')) && OWN_TOLD.test(o.words.join(' ')));
    return clauses.some((c) => {
      if (c.stems.length === 0) return false;
      const said = c.words.join(' ');
      return (
        (this.knowledge.sessionLink.test(' ' + c.stems.join(' ') + ' ') || VISITED.test(said)) &&
        (!noSessionOfMine(said) || (turned && onlyPraised(said))) &&
        !othersOnly(c, said) &&
        !operationDone(said)
      );
    });
  }

  /**
   * Tiers whose signs a message words in their everyday meaning: a sign matched, and so did its 'unless' ("I won't be
   * around next week, I'm on holiday"). The classifier's catch of the same tier is that meaning too.
   */
  private everydayTiers(clauses: NormalClause[]): Set<Tier> {
    const out = new Set<Tier>();
    const all = clauses.filter((c) => c.stems.length > 0).map((c) => ' ' + c.stems.join(' ') + ' ');
    for (const sign of this.knowledge.signs) {
      if (!sign.unless || !sign.tier || out.has(sign.tier)) continue;
      if (this.signIn(sign, clauses) && everydayMeaning(sign, all)) out.add(sign.tier);
    }
    return out;
  }

  /** The clause's start table (which patterns can start at each of its words), built once per clause. */
  private startsOf(clause: NormalClause): ClauseStarts {
    let starts = this.clauseStarts.get(clause);
    if (!starts) this.clauseStarts.set(clause, (starts = this.starts.clause(clause.stems)));
    return starts;
  }

  /** Whether any clause mentions the sign (its patterns; as `sign.matcher` would say, trying only the patterns that can start at a word). */
  private signIn(sign: Sign, clauses: NormalClause[]): boolean {
    const s = this.signIndex.get(sign)!;
    return clauses.some((c) => {
      if (c.stems.length === 0) return false;
      const starts = this.startsOf(c);
      return firstMatch(sign, starts.bySign[s], starts.offsets, 0, ' ' + c.stems.join(' ') + ' ') !== null;
    });
  }

  /** Every sign mentioned, with its context. */
  mentions(
    clauses: NormalClause[],
    linked = this.sessionHappened(clauses),
  ): Array<SignMention & { clause: number; signRef: Sign; longAgo: boolean; span: [number, number]; undated: boolean }> {
    const out: Array<SignMention & { clause: number; signRef: Sign; longAgo: boolean; span: [number, number]; undated: boolean }> = [];
    const sentences = new Map<number, { words: string[]; offsets: number[]; cues?: TimeCue[]; joined?: string }>();
    clauses.forEach((c, i) => {
      const s = sentences.get(c.sentence) ?? { words: [], offsets: [] };
      s.offsets[i] = s.words.length;
      s.words.push(...c.words);
      sentences.set(c.sentence, s);
    });
    const allWords = clauses.flatMap((c) => c.words);
    const said = allWords.join(' ');
    let saidNoDeath: string | undefined;
    const strongNow = STRONG_NOW.test(said);
    // (a crisis sign keeps the plain "now": "saving up my meds for a while now, just in case" is not a what-if)
    const nowSaid = NOW_NOT_DURATION.test(said);
    let messageWhen: string | undefined;
    const allStems = clauses.filter((c) => c.stems.length > 0).map((c) => ' ' + c.stems.join(' ') + ' ');
    const byId = this.signsById;
    const presence = new Map<string, boolean>();
    const present = (id: string) => {
      let p = presence.get(id);
      if (p === undefined) {
        const other = byId.get(id);
        // (a required sign's own 'unless' holds too: "if the needle hits a nerve" hurts no one's body on purpose)
        presence.set(id, (p = other ? this.signIn(other, clauses) && !everydayMeaning(other, allStems) : false));
      }
      return p;
    };
    clauses.forEach((clause, ci) => {
      if (clause.stems.length === 0) return;
      const joined = ' ' + clause.stems.join(' ') + ' ';
      const sentence = sentences.get(clause.sentence)!;
      const offset = sentence.offsets[ci];
      const starts = this.startsOf(clause);
      // ("my achilles has been sore for a few weeks from running, I had dry needling before for my hamstrings": a
      // symptom whose own clause gives its everyday cause is not read as an after-effect of the session told elsewhere)
      let ownCause: boolean | undefined;
      const sessionLinked = () => linked && !(ownCause ??= OWN_CAUSE.test(clause.words.join(' ')));
      this.knowledge.signs.forEach((sign, s) => {
        // (a sign with neither tier nor caution is only another sign's condition: "medicine_named")
        if (!sign.tier && !sign.caution) return;
        // (no pattern of the sign can start at any word of the clause: nothing to try)
        if (!starts.bySign[s] && !(linked && sign.sessionMatcher)) return;
        const afterSession = sign.sessionMatcher && sessionLinked() ? sign.sessionMatcher : undefined;
        const matchFrom = (from: number, rest: string) =>
          firstMatch(sign, starts.bySign[s], starts.offsets, from, rest) ?? (afterSession ? afterSession.exec(rest) : null);
        let rest = joined;
        let m = matchFrom(0, rest);
        // (the sign it requires, and the unless patterns over the whole message, only for a sign that matched: they are
        // the costlier tests)
        if (!m || (sign.requires && !present(sign.requires)) || everydayMeaning(sign, allStems)) return;
        // "not suicidal exactly, just wouldn't mind if a truck hit me": after a negated mention (or a what-if), the sign
        // may still be said further on in the clause.
        // (where the last mention ended when it was told as over: a later one must be said to be now)
        let overAt = -1;
        for (let from = 0, tries = 0; m && tries < 3; tries++) {
          const start =
            from +
            rest
              .slice(0, m.index + 1)
              .split(' ')
              .filter(Boolean).length;
          const end = start + m[0].trim().split(' ').length;
          const words = clause.words.slice(start, end).join(' ');
          let context: MentionContext;
          sentence.cues ??= timeCues(sentence.words);
          // A habit or a week ago makes an emergency sign history; thoughts of suicide "most days" are now, and so are
          // thoughts of joining someone who died ("my late husband's pills… thinking of taking them all").
          // (nor does how long a pain has lasted, or what sets it off: "my back's been bad for years … thinking about taking all the oxy")
          const dated = sign.tier === 'crisis' ? withoutDeathTold(sentence.words) : sentence.words;
          const cues =
            sign.tier === 'crisis'
              ? (dated === sentence.words ? sentence.cues : timeCues(dated)).filter(
                  (c) => c.kind !== 'habitual' && !HOW_LONG.test(dated.slice(c.first, c.last).join(' ')),
                )
              : sentence.cues;
          let when = whenOf(dated, offset + start, offset + end, cues);
          // "my chest has been hurting like a pressure thing for ages and my left arm feels heavy": "for ages" is any
          // time from an hour to years, so for an emergency sign it leaves the time in doubt (guidance first, then the answer).
          if (when === 'history' && sign.tier === 'emergency' && VAGUE_SPELL.test(sentence.words.join(' '))) {
            const without = withoutVagueSpell(sentence.words);
            if (whenOf(without, offset + start, offset + end) !== 'history') when = 'past';
          }
          // ("feeling really anxious with work, crushing chest pain and sweating": how worry shows makes a tight chest a
          // habit, never a chest pain with an alarm of its own beside it)
          if (when === 'history' && sign.id === 'chest_pain' && !cues.some((c) => c.kind === 'distant') && chestAlarmSaid(said)) when = 'now';
          // Nothing in the sentence says when: another sentence may ("That's been going on for years").
          // (only a long time said outright: "the physio said" about a daughter's ankle says nothing of a toddler's poisoning)
          // (not when the sign's own sentence says it is going on: "Been coming for my heel for months. Just ate a satay
          // skewer and my lips and tongue are swelling up": the months are the heel's)
          // (nor when the message tells this time apart from what the writer is used to: "I've got asthma so I'm used to
          // being a bit wheezy, but since the needles yesterday it's different. Stabbing pain on one side…")
          if (when === 'unknown' && !GOING_ON_NOW.test(sentence.words.join(' ')) && !NEW_THIS_TIME.test(said)) {
            messageWhen ??= longAgo(said) || LONG_FOR.test(said) ? whenOf(allWords, -1000, -1000) : 'unknown';
            // (a crisis only by a time said to be long ago, not by how long a pain has lasted)
            // (a death told is why one's own crisis is felt, not when: "given my late wife's jewellery to my granddaughter")
            const own = sign.tier === 'crisis' && !isOther(sentence.words, offset + start, offset + end);
            const dating = own ? (saidNoDeath ??= withoutDeathTold(allWords).join(' ')) : said;
            if (messageWhen === 'history' && (sign.tier !== 'crisis' || longBefore(dating.replace(HOW_LONG_ANYWHERE, ' ')))) when = 'history';
          }
          // ("my grandad lost the sight in one eye after a stroke. he wants acupuncture for his back": a deficit a stroke
          // left, told with nothing of today, is what the stroke left long since, not a stroke now)
          if (when === 'unknown' && STROKE_SIGNS.has(sign.id) && LEFT_BY_A_STROKE.test(said) && !STROKE_NOW.test(said)) when = 'history';
          // ("seizure-free since", "pain free now": the sign's word then "free" says it is not there)
          const freeOf = clause.words[end] === 'free';
          if (
            (isNegated(clause.words, start, sign.tier !== 'crisis') || freeOf) &&
            !(sign.tier === 'crisis' && asksToStopWanting(clause.words, start))
          )
            context = 'negated';
          else if (sign.tier !== 'crisis' && foretold(clause.words, start, end)) context = 'figure';
          // ("my lower back feels like there's a hot rope twisted through it": a feeling likened to a thing)
          else if (sign.tier === 'crisis' && likenedToAThing(clause.words, start)) context = 'figure';
          else if (
            (isHypothetical(clause.words, start, end) ||
              (riskAsked(clause.words, start, end) && !TOLD_HAD.test(said)) ||
              continuesIf(clauses, ci) ||
              followedByIf(clauses, ci) ||
              continuesReading(clauses, ci)) &&
            !(sign.tier === 'crisis' ? strongNow : nowSaid)
          )
            context = 'hypothetical';
          else if (!sign.tier || allergyHeld(sign.id, clause.words, start, end, said)) context = 'condition';
          else
            context =
              when === 'history'
                ? 'history'
                : when === 'past'
                  ? (EVENT.test(words) && !datedToday(sentence.words, offset + start, offset + end, cues)) ||
                    (sign.tier === 'emergency' && RESOLVED.test(said))
                    ? 'history'
                    : 'past'
                  : 'current';
          // ("my husband have Bell's palsy since 3 weeks, one side of his face is dropping": a weak face that a diagnosis held
          // explains is that condition, not a stroke now; not "could it be Bell's palsy?", nor an arm or speech beside it)
          if (
            (context === 'current' || context === 'past') &&
            sign.id === 'stroke' &&
            FACE_ONLY.test(said) &&
            PALSY_HELD.test(said) &&
            !NEW_NOW.test(said)
          )
            context = 'history';
          const other = isOther(sentence.words, offset + start, offset + end);
          // "my friend said she felt faint after her first session": someone else's, told as over, is in the past.
          if (context === 'current' && other && FELT.test(sentence.words.slice(Math.max(0, offset + start - 3), offset + start).join(' ')))
            context = 'past';
          // ("had a heart attack 2 years ago and now my chest feels crushed": said again, now; not "passed out last month
          // and now she's scared needles will make her faint again", a fear, nor "and I still get headaches")
          if (overAt >= 0 && !saidAgainNow(clause.words.slice(overAt, start).join(' '))) break;
          sentence.joined ??= sentence.words.join(' ');
          out.push({
            sign: sign.id,
            theme: sign.theme,
            tier: sign.tier,
            context,
            other,
            words,
            clause: ci,
            signRef: sign,
            longAgo: longAgo(sentence.joined),
            span: [start, end],
            undated: when === 'unknown',
          });
          // (after a what-if too: "needles make me faint and I just fainted in the car park" says it again, now)
          // (and after one told as over: "had a heart attack 2 years ago and my chest is crushing" says it again, now)
          if (context !== 'negated' && context !== 'hypothetical' && context !== 'figure' && context !== 'history' && context !== 'past') break;
          if (context === 'history' || context === 'past') overAt = end;
          from = end;
          rest = ' ' + clause.stems.slice(from).join(' ') + ' ';
          m = from < clause.stems.length ? matchFrom(from, rest) : null;
        }
      });
    });
    // One word inside a longer mention of another sign of the same tier is that sign's ("collapsed" in "a collapsed
    // lung" is the lung, not a faint); a sign in doubt never takes a word from a sure one.
    const within = (m: (typeof out)[number], n: (typeof out)[number]) =>
      n !== m &&
      n.sign !== m.sign &&
      n.tier === m.tier &&
      !n.signRef.inDoubt &&
      m.span[1] - m.span[0] === 1 &&
      n.clause === m.clause &&
      n.span[0] <= m.span[0] &&
      n.span[1] >= m.span[1] &&
      n.span[1] - n.span[0] > 1;
    for (let i = out.length - 1; i >= 0; i--) if (out.some((n) => within(out[i], n))) out.splice(i, 1);
    // A sign's words inside another sign's negated mention are negated too ("I don't want to hurt myself").
    for (const m of out) {
      const inside = (n: (typeof out)[number]) => n !== m && n.clause === m.clause && n.span[0] <= m.span[0] && n.span[1] >= m.span[1];
      if (m.context !== 'negated' && out.some((n) => n.context === 'negated' && inside(n))) m.context = 'negated';
    }
    // ("no chest pain or shortness of breath after my session": a mention that begins inside a denied one, its words
    // the denied list, is denied too, unless it turns ("no chest pain but my arm is numb since the session").)
    for (const m of out) {
      const from = (n: (typeof out)[number]) => n !== m && n.clause === m.clause && n.span[0] <= m.span[0] && m.span[0] < n.span[1];
      if (m.context === 'negated' || !out.some((n) => n.context === 'negated' && from(n))) continue;
      if (!clauses[m.clause].words.slice(m.span[0], m.span[1]).some((w) => TURNS.has(w))) m.context = 'negated';
    }
    // "not experiencing any shortness of breath, dizziness or chest discomfort": a list after a negated sign, split at
    // its commas, is negated too, when the clause holds nothing but signs and list words.
    for (const m of out) {
      if (m.context === 'negated' || !continuesDenial(out, clauses, m.clause)) continue;
      m.context = 'negated';
    }
    // ("every time I do my spin class I get a tight chest and wheeze": a sign that nothing dates, joined by "and" to
    // one the clause told as a habit or as history, is the same spell)
    for (const m of out) {
      if (m.context !== 'current' || !m.undated || m.tier !== 'emergency') continue;
      const joinedTo = out.find(
        (n) =>
          n.clause === m.clause &&
          n.context === 'history' &&
          n.span[1] <= m.span[0] &&
          sameSpell(clauses[m.clause].words.slice(n.span[1], m.span[0])),
      );
      if (joinedTo) m.context = 'history';
    }
    return out;
  }

  /** Every breathing mention is only a wheeze, beside a breathing condition asked about as what needling might treat. */
  private onlyAWheeze(mentions: Array<{ sign: string; context: string; words: string }>, text: string): boolean {
    const lower = text.toLowerCase();
    if (!BREATHING_CONDITION_ASKED.test(lower) || MORE_THAN_A_WHEEZE.test(lower)) return false;
    const emergencies = mentions.filter((n) => n.context === 'current' || n.context === 'past');
    return emergencies.every((n) => n.sign === 'breathing' && ONLY_A_WHEEZE.test(n.words));
  }

  triage(text: string): Triage {
    const clauses = this.normaliser.clauses(text.slice(0, 5000));
    // Each clause's words as one string, for the whole-clause checks below (all is well, what-ifs, denials).
    const saids = clauses.map((c) => c.words.join(' '));
    const lower = text.toLowerCase();
    const session = this.sessionHappened(clauses, text);
    const mentions = this.mentions(clauses, session);
    const question = asksQuestion(text);
    let best: Triage = {
      mode: 'none',
      score: 0,
      question,
      doubt: false,
      answer: true,
      mentions: mentions.map(({ clause: _c, signRef: _s, longAgo: _l, span: _p, undated: _u, ...m }) => m),
    };
    const consider = (candidate: Partial<Triage> & { mode: SafetyMode }) => {
      const better =
        MODE_RANK[candidate.mode] > MODE_RANK[best.mode] ||
        (MODE_RANK[candidate.mode] === MODE_RANK[best.mode] && candidate.tier && (!best.tier || TIER_RANK[candidate.tier] > TIER_RANK[best.tier]));
      if (better) best = { ...best, note: undefined, ...candidate };
    };
    // ("Not short of breath at all, my ribs just ache when I twist": a breath denied is no alarm beside the chest wall)
    let undeniedText: string | undefined;
    const undenied = () => (undeniedText ??= saids.filter((_, i) => !mentions.some((n) => n.clause === i && n.context === 'negated')).join(', '));
    const physicalNow = mentions.some((n) => n.context === 'current' && n.tier === 'emergency');
    // Clauses whose faint is told as over and asked about as a risk (see 'past' below).
    const toldAsRisk = new Set<number>();
    for (const m of mentions) {
      const sign = m.signRef;
      // ("I think I'm going to die from this chest pain": a fear of dying beside an emergency now is that emergency's)
      if (m.tier === 'crisis' && physicalNow && FEARS_DYING.test(m.words) && !WANTS_TO.test(m.words)) continue;
      const base = { sign: sign.id, theme: sign.theme, source: 'pattern' as const };
      const top = m.tier === 'emergency' || m.tier === 'crisis';
      const note = (text?: string) => text && consider({ ...base, mode: 'note', note: text });
      // ("I had it done at a physio before and I was really sore for two days after. Is that normal?": an ordinary
      // after-effect told as lasted and over, asked about: the answer, with the tier's "if it happens" line; its clause is
      // told as over, not the classifier's to read again)
      if (m.tier === 'clinic' && (m.context === 'current' || m.context === 'past') && question && reactionOver(lower)) {
        note(sign.caution ?? this.knowledge.tiers.clinic.ifItHappens);
        toldAsRisk.add(m.clause);
        continue;
      }
      switch (m.context) {
        case 'negated':
          break;
        case 'current':
          // ("had a pt today with the most dramatic LOC I've ever seen, went down like a sack of spuds 😂 he's fine now":
          // someone else's sign told as over, with that person fine now: the answer, with the sign's line after it)
          if (m.other && top && OTHER_FINE_NOW.test(lower) && !STRONG_NOW.test(lower.replace(OTHER_FINE_NOW, ' '))) {
            note(sign.caution);
            break;
          }
          // "had a stroke in 2018 … would acupuncture help my shoulder?", "my twin has anaphylaxis, i dont, lol": the
          // message itself casts doubt on the sign being here now and asks something: guidance first, then the answer.
          // "rib muscles sore when I twist, tender to touch": chest wall pain brought on by movement or touch is in doubt
          // (guidance first, then the answer), never the guidance alone; pain on breathing is not in this list.
          // "really tight muscles in my chest and neck from the desk": the chest's muscles named, tight or sore, with
          // nothing that keeps chest pain an emergency: the answer, with the tier's safety-net line.
          if (sign.id === 'chest_pain' && CHEST_MUSCLES.test(text.toLowerCase()) && !CHEST_ALARM.test(notToldFine(undenied()))) {
            note(this.knowledge.tiers.emergency.safetyNet);
            break;
          }
          // ("Every night after dinner I get this burning coming up behind my breastbone … does your article cover
          // reflux?": a burning told with its everyday cause and its habit, nothing of a heart attack's alarm)
          if (sign.id === 'chest_pain' && refluxTold(text.toLowerCase(), undenied())) {
            note(this.knowledge.tiers.emergency.safetyNet);
            break;
          }
          // ("Year 12 exams are coming up and my heart races and I feel sick with nerves every time I sit down to study. Is
          // acupuncture used for anxiety?"): a racing heart told as how nerves take someone, each time, with nothing of a
          // heart attack's alarm: the answer, with the tier's safety-net line.
          if (sign.id === 'chest_pain' && NERVES_RACE.test(lower) && !chestAlarmSaid(undenied())) {
            note(this.knowledge.tiers.emergency.safetyNet);
            break;
          }
          // ("Can you use acupuncture for asthma? I'm on two puffers and still wheezy", "asthma flares up every cold
          // morning at parkrun, wheezing by the 3k mark"): a wheeze that is how a long-standing asthma goes, asked about
          // as what needling might treat: the answer, with the tier's safety-net line.
          if (sign.id === 'breathing' && question && this.onlyAWheeze(mentions, text) && WHEEZE_LONG_STANDING.test(lower)) {
            note(this.knowledge.tiers.emergency.safetyNet);
            break;
          }
          if (
            sign.inDoubt ||
            (m.tier === 'emergency' && question && DOUBT.test(text.toLowerCase())) ||
            (m.tier === 'emergency' && question && laughedOff(this.laughter, m.words, clauses[m.clause].words, m.span[1])) ||
            (sign.id === 'breathing' && question && this.onlyAWheeze(mentions, text)) ||
            (sign.id === 'chest_pain' && MECHANICAL.test(text.toLowerCase()) && !CHEST_ALARM.test(undenied()))
          )
            consider({ ...base, mode: 'first', tier: m.tier, doubt: true });
          else consider({ ...base, mode: top ? 'alone' : 'first', tier: m.tier });
          break;
        case 'past':
          // ("my friend said she fainted at her first dry needling, does that happen a lot?", "i faintd at a blood test
          // last yeer, will i faint with the needels?"): a faint told as what happened once, asked about as a risk of the
          // treatment, with nothing that says it is happening today: the answer, with the sign's line after it.
          // (someone else's past emergency sign too: "my friend had a bad bleed after her needling, does that happen a lot?")
          if (m.tier === 'emergency' && (FAINT_SIGNS.has(sign.id) || m.other) && askedAsRisk(lower)) {
            note(sign.caution ?? (sign.tier ? this.knowledge.tiers[sign.tier].ifItHappens : undefined));
            // (its clause is told as over, as history's are: not the classifier's to read again)
            toldAsRisk.add(m.clause);
            break;
          }
          // "I cut myself last night" is a crisis now; "my dad collapsed" may be happening now: guidance first.
          if (m.tier === 'crisis' && !m.other) consider({ ...base, mode: 'alone', tier: m.tier });
          // ("my friend felt a bit light-headed getting off the table after her dry needling just now, … does that
          // happen a lot?": someone's after-effect told today is the clinic's to hear of, as the writer's own would be)
          else if (m.tier === 'clinic' && m.other && TODAY_SAID.test(lower)) consider({ ...base, mode: 'first', tier: m.tier });
          else if (top || !m.other) consider({ ...base, mode: 'first', tier: m.tier, doubt: true });
          else note(sign.caution);
          break;
        case 'history':
          if (m.tier === 'crisis' && !m.longAgo && !(m.other && OTHERS_RECOVERED.test(saids.join(' '))))
            consider({ ...base, mode: 'first', tier: m.tier, doubt: true });
          else note(sign.caution);
          break;
        case 'hypothetical':
          if (m.tier === 'crisis') consider({ ...base, mode: 'first', tier: m.tier, doubt: true });
          else note(sign.caution ?? (sign.tier ? this.knowledge.tiers[sign.tier].ifItHappens : undefined));
          break;
        case 'condition':
          note(sign.caution);
          break;
        case 'figure':
          break;
      }
    }
    // Second net, over the clauses no sign was set aside in: what the patterns did not catch.
    const setAside = new Set([...mentions.filter((m) => m.context !== 'current' && m.context !== 'past').map((m) => m.clause), ...toldAsRisk]);
    // ("he came round straight away and he's fine now": the words that told it over go with the sign they told over)
    if (mentions.some((m) => m.context === 'history'))
      clauses.forEach((c, i) => {
        if (RESOLVED.test(c.words.join(' '))) setAside.add(i);
      });
    // ("my face is fine", "my mum was worried": set aside only when that calms the classifier, never to alarm it)
    // ("wat if i bleed heaps? im a bit of a bleeder, paper cuts take ages", "…I ask because I take aspirin daily": beside a
    // bleed only wondered about, the writer's tendency to bleed is why they ask)
    const bleedWondered = mentions.some((m) => m.sign === 'bleeding' && m.context === 'hypothetical');
    // (praise of the session is set aside only when nothing is told happening now: "not bleeding, no bruise… it was
    // actually good", never "it was really relaxing … but yesterday I felt flat and teary")
    const signNow = mentions.some((m) => m.context === 'current');
    const wellSaid = new Set(
      saids.flatMap((said, i) =>
        !setAside.has(i) &&
        (ALL_WELL.test(said) ||
          ONLY_WORRIED.test(said) ||
          WHY_I_ASK_FOR_THEM.test(said) ||
          ((AS_PRESCRIBED.test(said) || MEDICINE_RELUCTANCE.test(said)) && !MORE_THAN_PRESCRIBED.test(said)) ||
          NOTHING_TAKEN.test(said) ||
          CARRY_ON_ASKED.test(said) ||
          NEEDLE_FEAR.test(said) ||
          notWantingToBeOnly(said) ||
          NOT_WANTING_TO_SPOIL.test(said) ||
          (SESSION_PRAISED.test(said) && !FOR_GOOD.test(said) && !signNow) ||
          (bleedWondered && (BLEEDING_TENDENCY.test(said) || WHAT_FOR.test(said))))
          ? [i]
          : [],
      ),
    );
    let rest = clauses.filter((_, i) => !setAside.has(i) && !wellSaid.has(i)).map((c) => c.stems);
    // Only needed when the patterns have not already asked for guidance.
    // (a clinic-tier reaction still lets the classifier look for more: "sore where you needled, and now I'm feverish")
    if ((MODE_RANK[best.mode] >= MODE_RANK.first && best.tier !== 'clinic') || rest.length === 0) {
      return answered(best);
    }
    let { risk, tier } = this.classifier.score(rest);
    if (wellSaid.size > 0) {
      const withWell = clauses.filter((_, i) => !setAside.has(i)).map((c) => c.stems);
      const plain = this.classifier.score(withWell);
      if (plain.risk < risk) {
        ({ risk, tier } = plain);
        rest = withWell;
      } else for (const i of wellSaid) setAside.add(i);
    }
    best.score = risk;
    const content = clauses.reduce((n, c) => n + c.stems.filter((w) => w !== '' && !FUNCTION_WORDS.has(w)).length, 0);
    const threshold = content <= SHORT_CONTENT_WORDS ? Math.max(this.threshold, SHORT_THRESHOLD) : this.threshold;
    // (below the threshold the checks that follow, some of them costly, could not change the outcome)
    if (risk < threshold || !tier) {
      return answered(best);
    }
    // A greeting ("Hi, I'm Sue"), thanks ("thanks, you've been great") or an "ok, fair enough" is not the classifier's
    // to flag: every word is a social one, and the classifier leaned on "I'm", "been" or "so" alone. A farewell still
    // goes to the classifier, a goodbye can be a crisis, unless it wishes the reader a good day ("bye, have a lovely day").
    // ("no numbness or tingling at all after my session, just wanted to say thanks, felt great": once the denied sign is
    // set aside, what is left is thanks)
    // ("nothing wrong, just wanna say thanks": an all-is-well clause is no complaint either)
    const kept =
      setAside.size === 0 && wellSaid.size === 0
        ? ''
        : clauses
            .filter((_, i) => !setAside.has(i) && !wellSaid.has(i))
            .map((c) => c.words.join(' '))
            .join(', ');
    const socialText = kept || text;
    const social = socialOnly(socialText);
    if (
      (social === 'greeting'
        ? greetsOnly(socialText.replace(COURTESY, ''))
        : social &&
          (socialKind(socialText) !== 'farewell' || wishesWell(socialText)) &&
          !NEGATION.test(socialText.toLowerCase().replace(POLITE_NOT, ' '))) ||
      // "this isn't answering my question": about the bot's answer, not the patient
      complainsAboutAnswer(text)
    ) {
      best.score = 0;
      return answered(best);
    }
    // A message that tells history ("in 2016", "years ago") and matched no sign now is not the classifier's to flag.
    // For a crisis only history said to be long ago counts: "At 83 I've had a good innings" is an age, not a date.
    const allWords = clauses.flatMap((c) => c.words);
    const allSaid = allWords.join(' ');
    // (how long a pain has lasted dates no crisis: "won't be needing em where i'm headed. back's been hell for years")
    // (nor does a death told beside a goodbye: "Please consider this my goodbye … Thank you for your kindness to my late
    // husband" is grief and a farewell, not a date; a death told alone still dates: "since dad died but she's doing ok")
    const grieving = GOODBYE_SAID.test(allSaid) ? allSaid.replace(DEATH_TOLD_ALL, ' ') : allSaid;
    const history = whenOf(allWords, -1000, -1000) === 'history' && (tier !== 'crisis' || longBefore(grieving.replace(HOW_LONG_ANYWHERE, ' ')));
    // Urgent care and the clinic are for problems after a session (infection, a fragment, a nerve, soreness): without
    // one, an ache is an ache.
    const unlinked = (tier === 'urgent' || tier === 'clinic') && !session;
    // "How soon will I feel better after the first treatment?": a question about a session that tells no complaint.
    // (a symptom denied or only wondered about is no complaint: "no bruising no bleeding nothing, feel great after
    // yesterday", "in case I get sore after my first session, heat or ice?")
    const denied = new Set(mentions.filter((m) => m.context === 'negated' || m.context === 'hypothetical').map((m) => m.clause));
    const told = clauses.filter((_, i) => !denied.has(i) && !ALL_WELL.test(saids[i]));
    const noComplaint =
      (tier === 'clinic' && asksQuestion(text) && !this.namesSymptom(told)) ||
      (tier !== 'crisis' && asksQuestion(text) && !this.namesSymptom(told) && this.onlyBodyParts(told));
    // "my session was great": praise with no "but" and no symptom is not a reaction to check.
    const sessionTalk =
      (tier === 'clinic' || tier === 'urgent') &&
      !this.namesSymptom(told) &&
      (this.worriedBySessionWordsOnly(rest) || (PRAISE.test(text.toLowerCase()) && !CONTRAST.test(text.toLowerCase())));
    // "What if I bleed a lot afterwards?": a question about what might happen is answered (the patterns add the tier's
    // "if it happens" line for a sign they know). Crisis is the exception: "what if I just didn't wake up" is a crisis,
    // unless the what-if is put to the clinic ("would you be able to stop it?").
    // "my last session before the holidays": an everyday reason for a last visit, not a farewell.
    // ("she just wanted me to ask when she can rebook": coming back asked about is no farewell)
    // (and a wish to rebook, whatever the classifier's tier: "she's fine after her needling, she just wants to rebook")
    // ("Okay I think that's everything… bye for now, thanks for putting up with my waffling": a farewell that says the
    // writer means to be back, with nothing of a last goodbye, FOR_GOOD)
    const spoken = `${text.toLowerCase()} ${allSaid}`;
    const everydayLeaving =
      (tier === 'crisis' && (EVERYDAY_REASON.test(spoken) || (REASON_AWAY.test(spoken) && AWAY_TOLD.test(spoken)))) ||
      COMING_BACK.test(text.toLowerCase()) ||
      (tier === 'crisis' && BACK_LATER.test(allSaid) && !FOR_GOOD.test(allSaid));
    // (for crisis, only a what-if put to the clinic: its question is the clinic's, and the rest must be what-ifs)
    const toClinic = tier === 'crisis' && ASKS_THE_CLINIC.test(allSaid);
    const whatIfs = clauses.filter((c, i) => !setAside.has(i) && c.words.length > 0 && (!toClinic || WHAT_IF_OPENING.test(saids[i])));
    const hypothetical = (tier !== 'crisis' || toClinic) && this.onlyHypothetical(whatIfs);
    // An ordinary after-effect the patterns placed with the clinic ("it has been stiff since") is raised to urgent care by
    // the classifier only when a word of urgent care's own is there too (fever, spreading redness, numbness, a piece left in).
    // (read in the normalised words, typos mended: "a numm patch", "feels week")
    const ordinaryOnly = tier === 'urgent' && best.tier === 'clinic' && !URGENT_CARE_WORDS.test(`${text.toLowerCase()} ${allSaid}`);
    // "my lip is just numb from the dentist, had a filling an hour ago": the numbness has its everyday cause, said; a
    // stroke the patterns would have caught in its own words (a drooping face, an arm that will not lift).
    const dentalWork = tier !== 'crisis' && DENTAL_CAUSE.test(allSaid) && DENTAL_EFFECT.test(allSaid) && !NOT_DENTAL_ONLY.test(allSaid);
    if (
      !ordinaryOnly &&
      !dentalWork &&
      !history &&
      !unlinked &&
      !noComplaint &&
      !sessionTalk &&
      !everydayLeaving &&
      !hypothetical &&
      !this.everydayTiers(clauses).has(tier) &&
      !this.shortQuestionOfFunctionWords(text, clauses, setAside) &&
      !this.worriedByAskingOnly(clauses.filter((_, i) => !setAside.has(i))) &&
      !(tier !== 'crisis' && this.worriedByTimesOnly(clauses))
    ) {
      // An everyday description of a listed condition that no sign matched ("side of my hip aches when I lie on it"),
      // with no session behind it: the answer, then the tier's safety-net line, not "this could be an emergency".
      // Crisis gets its guidance, unless the message only tells an ailment such as stress or poor sleep: then the
      // crisis line comes after the answer (tiers.json crisis safetyNet).
      const safetyNet = this.knowledge.tiers[tier].safetyNet;
      const kept = clauses.filter((_, i) => !setAside.has(i));
      const kind = safetyNet && !session ? this.describesComplaint(kept) : undefined;
      // A body part with a symptom, or something long-standing, is everyday for the emergency and urgent tiers; an
      // ailment (and, for crisis, any everyday complaint that names one) only when it alone is what worried the classifier.
      const needsAilmentCheck = kind === 'ailment' || tier === 'crisis';
      const namesAilment = kind === 'ailment' || (kind !== undefined && this.hasAilment(kept));
      // (crisis over a body part with a symptom, "bit of a sore back, nothing dramatic": everyday when the rest does not worry it)
      const everyday = needsAilmentCheck
        ? (namesAilment && this.worriedByAilmentsOnly(kept)) || (kind === 'part' && this.worriedByComplaintOnly(kept))
        : kind !== undefined;
      // ("most nights after dinner a burning comes up into my chest and throat, the chemist says it's reflux": a burning
      // with its everyday cause named and its habit told, nothing of a heart attack's alarm: the answer, then the line)
      const reflux = tier === 'emergency' && !session && refluxTold(allSaid, undenied());
      const reaction = MODE_RANK[best.mode] >= MODE_RANK.first;
      if (reflux && !reaction) {
        best = { ...best, mode: 'note', tier, sign: 'classifier', source: 'classifier', note: safetyNet, noteAfter: true };
        return answered(best);
      }
      if (everyday && !reaction) best = { ...best, mode: 'note', tier, sign: 'classifier', source: 'classifier', note: safetyNet, noteAfter: true };
      else if (!everyday)
        best = { ...best, mode: 'first', tier, sign: 'classifier', theme: undefined, source: 'classifier', doubt: true, note: undefined };
    }
    return answered(best);
  }
}

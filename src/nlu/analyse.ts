/**
 * The shared front half of the pipeline: clean, tokenise, find entities, correct typos,
 * replace entities by slots. Used identically for training examples and live messages.
 */
import type { DescriptionMatcher } from './descriptions';
import { negatedBefore, placedOn, rulesOut } from './descriptions';
import { CONDITION_SLOT, FUNCTION_WORDS, TREATMENT_SLOT } from './features';
import { EntityMatch, PhraseMatcher, quote } from './entities';
import { cleanText, Token, tokenize, words as wordsOf } from './normalize';
import { editDistance, SpellCorrector } from './spelling';
import { soundOf, stem } from './stem';
import { isEnglish } from './english';

export type TreatmentId = 'acupuncture' | 'dryNeedling';

export interface ConditionRef {
  /** Canonical name, exactly as the article lists it. */
  name: string;
  /** Which of the article's lists names it. */
  list: TreatmentId;
  /** Set when the phrase names a different condition on purpose ("rheumatoid arthritis"). */
  excluded?: boolean;
  /** An excluded phrase of a listed condition: `name` is the listed one it is not ("rheumatoid arthritis": Osteoarthritis). */
  notThis?: boolean;
  /** Recognised from a description (body part, symptom, context), not named. */
  described?: boolean;
  /** The patient named something narrower that the article covers only by this broader word ("IBS": digestive issues). */
  partial?: boolean;
  /** The patient's word is broader than the listed name ("headaches": migraine and tension-type headaches): never a plain yes. */
  broader?: boolean;
  /** A listed chronic condition told as something new ("hurt my lower back yesterday"): never a plain yes. */
  recent?: boolean;
}

/** Words that place a condition in a body part ("in my", "of the", "on both"). */
const PLACE_START = new Set(['in', 'of', 'on', 'around']);
const PLACE_WORDS = new Set([...PLACE_START, 'my', 'the', 'his', 'her', 'their', 'both', 'left', 'right']);

/**
 * "I've had neck pain for years": a longer phrase of the acupuncture list ("pain for years": chronic pain) that starts
 * inside a listed condition of a body part ("neck pain") yields to it; the body part named first says which pain it is.
 */
function bodyPartFirst(
  matcher: PhraseMatcher<ConditionRef>,
  raw: string[],
  stems: string[],
  found: EntityMatch<ConditionRef>[],
): EntityMatch<ConditionRef>[] {
  return found.map((m) => {
    if (m.value.list !== 'acupuncture' || m.from === 0) return m;
    const head = matcher
      .match(raw.slice(0, m.from + 1), stems.slice(0, m.from + 1))
      .find((x) => x.to === m.from + 1 && x.from < m.from && x.value.list === 'dryNeedling' && !x.value.excluded);
    return head ?? m;
  });
}

const LIMBS = new Set('hand hands arm arms foot feet leg legs finger fingers thumb thumbs toe toes'.split(' '));
const GOES = new Set('goes go went going gone falls fall fell falling keeps'.split(' '));

/** "my hand goes to sleep", "fingers fall asleep": a limb going numb, not sleep (a condition word at `from`). */
function limbAsleep(raw: string[], from: number): boolean {
  if (raw[from] !== 'sleep' && raw[from] !== 'asleep') return false;
  const verb = raw[from - 1] === 'to' ? from - 2 : from - 1;
  if (!GOES.has(raw[verb] ?? '')) return false;
  return raw.slice(Math.max(0, verb - 4), verb).some((w) => LIMBS.has(w));
}

/**
 * A body part alone that places something, with no symptom word in the message: "eczema behind her knees". ("in" and "at"
 * are left out: "Osgood-Schlatter in his knee" names a complaint of the knee.)
 */
const BARE_PART = new Set(
  'knee knees hip hips ankle ankles shoulder shoulders elbow elbows wrist wrists heel heels neck back jaw foot feet calf calves thigh thighs arches'.split(
    ' ',
  ),
);
const PLACING = new Set(['behind', 'on', 'around', 'round', 'under', 'above', 'below', 'near', 'between', 'across', 'over', 'along']);
const WHOSE = new Set(['my', 'her', 'his', 'their', 'the', 'both', 'your', 'our', 'its']);

/**
 * "stiff neck and headaches": a condition found by words that another found condition's name holds ("headaches" is in
 * "Neck pain and tension headaches") is that one's, not a second condition ("migraines" beside a stiff neck stays).
 */
function dropCoveredByName(conditions: Array<{ value: ConditionRef; text: string }>): void {
  const covered = conditions.filter((b) =>
    conditions.some(
      (a) =>
        a !== b &&
        a.value.name !== b.value.name &&
        !a.value.excluded &&
        !b.value.excluded &&
        saidWithinName(b.text, a.value.name) &&
        !saidWithinName(a.text, b.value.name),
    ),
  );
  for (const c of covered) conditions.splice(conditions.indexOf(c), 1);
}

/** Whether every word said is a word of a condition's name ("headaches" of "Neck pain and tension headaches"). */
export function saidWithinName(said: string, name: string): boolean {
  const words = wordsOf(said).map(stem);
  const named = new Set(wordsOf(name).map(stem));
  return words.length > 0 && words.every((w) => named.has(w));
}

/**
 * "eczema behind her knees", "a rash on my neck": a body part named only to say where something else is, in a message
 * with no symptom word, is not that body part's listed condition (the something else is what is asked about).
 */
function locatesSomethingElse(raw: string[], m: { from: number; to: number }): boolean {
  if (m.to - m.from !== 1 || !BARE_PART.has(raw[m.from])) return false;
  let i = m.from - 1;
  while (i >= 0 && WHOSE.has(raw[i])) i--;
  // ("eczema has spread to my knees and elbows": "to", and a second part joined to the first)
  return (i >= 0 && PLACING.has(raw[i])) || placedOn(raw, m.from);
}

/** "stiff from sleeping on it funny", "slept wrong on my neck": how an ache came about, not a sleep problem. */
export const SLEPT_ON =
  /^(on it|on (my|the|a|his|her|that|this|either|one|their) (left |right |bad |sore |good )?(side|sides|back|front|stomach|tummy|neck|shoulder|arm|hip|left|right|couch|sofa|floor|plane|flight|pillow)|funny|wrong|awkward|awkwardly|badly on|in (a|an) (weird|funny|bad|odd))\b/;
function sleptOnIt(raw: string[], m: { from: number; to: number }): boolean {
  if (!/^(sleep|sleeping|slept)$/.test(raw[m.to - 1] ?? '')) return false;
  return SLEPT_ON.test(raw.slice(m.to, m.to + 4).join(' '));
}

/** "I grind my teeth in my sleep", "talks in his sleep": when something happens, not a sleep problem. */
const IN_ONES_SLEEP = new Set(['my', 'his', 'her', 'their', 'your', 'our']);
function inOnesSleep(raw: string[], m: { from: number; to: number }): boolean {
  if (m.to - m.from !== 1 || raw[m.from] !== 'sleep') return false;
  return (raw[m.from - 2] === 'in' || raw[m.from - 2] === 'during') && IN_ONES_SLEEP.has(raw[m.from - 1] ?? '');
}

const DENIAL = new Set(['no', 'not', 'without', 'nor', 'never', 'none']);
/** "isn't that …", "is it not …", "wouldn't that be …": a question asking to confirm, around its "not". */
const ASKS_BACK_BEFORE = new Set(['is', 'are', 'was', 'were', 'would', 'could', 'does', 'do']);
const ASKS_BACK_AFTER = new Set(['that', 'it', 'this', 'those', 'these', 'they']);
/** Words that end a denial's reach: "I don't know if it's sciatica", "no pain but my back aches". */
const DENIAL_STOP = new Set(
  'but just only except its it is if sure know think what which because though actually mainly mostly rather instead apart besides i im ive id decide choose pick tell'.split(
    ' ',
  ),
);

/** What follows a part said to be well ("… between the shoulder blades is fine", "… is totally ok"). */
const FINE_AFTER =
  /^(?:(?!(?:but|and|though|or|acupuncture|needling|needle|needles|dry|it|that|this|treatment)\b)[\w'’]+ ){0,4}(is|are|feels|feel|seems) (totally |completely |perfectly |actually |all )?(fine|ok|okay|alright|all right|not the problem|not the issue)\b/;

/**
 * The condition matches a message denies: "no muscle knots or injuries", "no stomach or sleep issues, just the jaw",
 * "not my knee": a denial up to four words before, with no word between that ends its reach ("if", "but", "just", or
 * "my" not right after the denial: "not my knee, my hip" denies the knee only).
 */
function deniedConditions<T extends { from: number; to: number; value: { excluded?: boolean } }>(raw: string[], found: T[]): Set<T> {
  const out = new Set<T>();
  for (const m of found) {
    // ("new baby, no sleep", "can never get proper sleep": no sleep is the complaint; "no sleep issues" is denied)
    // ("no gut, sleep or stress issues" is a list of denied ones)
    if (/^(sleep|sleeping|slept)$/.test(raw[m.to - 1] ?? '') && !/^(or|and|nor|issues?|problems?|troubles?|worries)$/.test(raw[m.to] ?? '')) continue;
    // ("my UPPER back between the shoulder blades is fine": an unlisted part said to be well after it; a listed one said
    // fine still helps tell where the complaint is, "my lower back is fine, it's my buttock… down to my foot")
    if (m.value.excluded && FINE_AFTER.test(raw.slice(m.to, m.to + 7).join(' '))) {
      out.add(m);
      continue;
    }
    let reach = m.from - 4;
    for (let i = m.from - 1; i >= Math.max(0, reach); i--) {
      const w = raw[i];
      // ("not the upper back or between the shoulder blades": a denial goes on over "or")
      if (w === 'or' || w === 'nor') reach = Math.min(reach, i - 4);
      // ("isn't that a sports injury?", "is it not tennis elbow?": asked to be confirmed, not denied)
      if (w === 'not' && ASKS_BACK_BEFORE.has(raw[i - 1] ?? '') && ASKS_BACK_AFTER.has(raw[i + 1] ?? '')) break;
      // ("not even under the osteoarthritis one?", "not within knee pain?": asked back in doubt, not a denial)
      if (w === 'not' && /^(even|under|within)$/.test(raw[i + 1] ?? '')) break;
      // ("just yes or no: dry needling for tennis elbow?": the answer asked for, not a denial)
      if (w === 'no' && raw[i - 1] === 'or') break;
      // ("my GP ruled out arthritis")
      if (DENIAL.has(w) || rulesOut(raw, i)) {
        out.add(m);
        break;
      }
      if (DENIAL_STOP.has(w) || (w === 'my' && !DENIAL.has(raw[i - 1] ?? ''))) break;
    }
  }
  return out;
}

export interface FoundEntity<T> {
  value: T;
  /** What the user wrote. */
  text: string;
  /** A general word ("needling") that a more specific one in the same message may overrule. */
  weak?: boolean;
}

/** "if it's about inflammation and stuff, …", "since it's meant for stress, …": what the treatment is for, as a premise. */
const PREMISE_ABOUT =
  /^(so |ok |okay |and |but )*(if|since|seeing as|given|because) (it['’ ]?s|it is|it was|acupuncture is|acupuncture['’ ]?s|that['’ ]?s|this is) (all |mainly |mostly |really |meant to be |supposed to be |good |meant |supposed )?(about|for|good for|meant for|helps|helps with|used for) [^,?.!]{2,60}(,|\?|$)/;

export interface Analysis {
  cleaned: string;
  tokens: Token[];
  /** Words after typo correction, entities replaced by slots: the classifier's input. */
  words: string[];
  conditions: FoundEntity<ConditionRef>[];
  /** Phrases naming a condition that is deliberately not a listed one ("rheumatoid arthritis"). */
  excluded: FoundEntity<ConditionRef>[];
  /** A complaint of another kind the clinic's knowledge names, not on the list ("eczema", "getting pregnant"), as written. */
  otherComplaint?: string;
  /** Listed conditions named beside an unlisted one that is what the message asks about ("I see osteoarthritis on your list"). */
  listedAlso: string[];
  treatments: FoundEntity<TreatmentId>[];
  /** Treatments implied by the article's concepts named in the message. */
  impliedTreatments: TreatmentId[];
}

export interface EntityMatchers {
  conditions?: PhraseMatcher<ConditionRef>;
  treatments?: PhraseMatcher<TreatmentId>;
  /** The article's concepts that belong to one treatment ("acupoints", "lactic acid"): they imply it, taking no slot. */
  concepts?: PhraseMatcher<TreatmentId>;
  descriptions?: DescriptionMatcher;
  /** Specific diagnoses the list does not name ("bursitis", "frozen shoulder"). */
  diagnoses?: PhraseMatcher<true>;
  /** Complaints of another kind than the listed ones ("eczema"), which a body part told with them does not turn into a listed condition. */
  otherComplaints?: PhraseMatcher<true>;
  /** Other therapies and medicines the article does not cover (treatments.json). */
  notCovered?: PhraseMatcher<'service' | 'medicine'>;
  /** One-word treatment names that are general ("needling"). */
  weakTreatmentWords?: string[];
  /** The longer words of the listed conditions' names, for completing a half-remembered one ("piri-something"). */
  nameWords?: string[];
  /** A word that begins one listed condition's names only, to that condition ("golfers": Golfer’s elbow). */
  nameStarts?: Map<string, string>;
  /** Their stems, for telling a condition named from a place ("golfer's elbow" is no bare elbow). */
  nameStems?: Set<string>;
  /** The listed names' long words and adjacent word pairs ("plantar fasciitis"), for a name that voice typing split up. */
  spokenNames?: SpokenName[];
}

/** A listed name as voice typing may split it: its words, joined, and how the joined form sounds (`consonants`). */
export interface SpokenName {
  words: string[];
  joined: string;
  sound: string;
  /** How the joined form sounds by Double Metaphone (`soundOf`): "sigh attica" and "sciatica" both STK. */
  key: string;
}

/** "stomach in knots", "my guts are tied in knots": nerves, said of the belly. */
const TUMMY_KNOTS = /\b(stomach|stomachs|tummy|tummys|gut|guts|belly|insides|nerves)\b.*\b(in|into) (knots?|a knot)$/;

/** The acupuncture list's chronic pain (the article's own words). */
const CHRONIC_PAIN = 'chronic pain';
/** Broad ailments of the acupuncture list that also say how a described body part feels ("inflamed", "chronic"). */
const HOW_IT_FEELS = new Set(['inflammation', CHRONIC_PAIN]);
/** A description with this many of a condition's own cues outweighs a broader word told beside the body parts. */
const MANY_CUES = 2;
/** A complaint told as long-standing: "for three years", "over a year now", "for months", "ever since". */
const LONG_PAIN =
  /\b(for|over|more than|about|nearly|almost|coming up to|going on) (\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|many|a few|a couple of|couple of) (years?|yrs|months?)\b|\b(years|months) (now|of it)\b|\bfor (years|months|ages|a long time)\b|\bever since\b|\bchronic\b/;
const PAIN_WORD = /\b(pain|pains|painful|ache|aches|aching|achy|hurt|hurts|hurting|sore|burning|throbbing|stabbing)\b/;

/** Words that look for a thing already mentioned: "can it help with that?" */
export const BACK_REFERENCES = new Set(['it', 'that', 'this', 'them', 'those', 'these', 'one']);

/** Sports, training and chores whose "sessions" are the patient's own, not the clinic's. */
const ACTIVITY = new Set([
  'gym',
  'training',
  'footy',
  'football',
  'running',
  'sport',
  'sports',
  'workout',
  'practice',
  'netball',
  'tennis',
  'cycling',
  'boxing',
  'crossfit',
  'pilates',
  'yoga',
  'swim',
  'swimming',
  'weights',
  'lifting',
  'gardening',
  'cricket',
  'rugby',
  'soccer',
  'basketball',
  'hockey',
  'squash',
  'golf',
  'rowing',
  'climbing',
  'dance',
  'dancing',
  'study',
  'gaming',
  'spin',
  'hiit',
  'cardio',
  'track',
  'surf',
  'surfing',
]);
const ACTIVITY_SESSION = /^(session|sessions|sesh|seshes)$/;

/** After "no", words that make it "OK" ("no worries", "no probs", "no dramas"). */
/** Words that stand for the rest of a half-remembered name: "piri-something", "the fibro thingy". */
const HALF_NAME_TAIL = new Set(['something', 'somethin', 'sumthing', 'sumthin', 'thingy', 'thingo', 'whatsit', 'whatever', 'whatsitsname']);
const MIN_HALF_NAME = 4;

/** "is that the one with the funny name, piri-something?": a name's beginning, completed when one listed name's word begins so. */
function completeHalfNames(raw: string[], stems: string[], nameWords: string[] | undefined): void {
  if (!nameWords) return;
  for (let i = 0; i + 1 < raw.length; i++) {
    if (!HALF_NAME_TAIL.has(raw[i + 1]) || raw[i].length < MIN_HALF_NAME) continue;
    // ("the GP said osteoporosis. I saw osteo-something on your list": a name of the message begun so is compared, not completed)
    if (raw.some((w, j) => j !== i && w.startsWith(raw[i]))) continue;
    const begun = new Set(nameWords.filter((w) => w.startsWith(raw[i])));
    if (begun.size !== 1) continue;
    raw[i] = [...begun][0];
    stems[i] = stem(raw[i]);
  }
}

/** A word's consonants after its first letter, doubles collapsed ("fasciitis" -> fscts): how a name sounds, roughly. */
export const consonants = (w: string) => (w[0] + w.slice(1).replace(/[aeiouyh]/g, '')).replace(/(.)\1+/g, '$1');
const MIN_SPOKEN = 10;
const MAX_SPOKEN_EDITS = 3;

/** A name's word written in two pieces ("el bow") is put back from this many letters. */
const MIN_SPLIT_WORD = 5;
/** A name said in two ordinary words needs this many letters at least ("sigh attica" for sciatica). */
const MIN_SPOKEN_WORDS = 8;
/** …and this many to be taken from its letters alone, two edits apart ("acute puncture" for acupuncture). */
const MIN_SPOKEN_BY_LETTERS = 11;

/**
 * "does dry needling help with plant are fashy itis": a long name that voice typing wrote as several words is put back
 * when the words, joined, sound like it (the same first letter, consonants one edit apart) and none of them is the name's.
 */
function spokenAs(window: string[], names: SpokenName[]): SpokenName | undefined {
  const joined = window.join('');
  if (!/^[a-z]+$/.test(joined)) return undefined;
  const sound = consonants(joined);
  const near = (n: SpokenName, edits: number) =>
    n.joined[0] === joined[0] && Math.abs(n.joined.length - joined.length) <= edits && !window.some((w) => n.words.includes(w));
  // (one word at least that is no English word: "the outside of my hip" is no name split up)
  if (joined.length >= MIN_SPOKEN && window.some((w) => w.length >= 4 && !isEnglish(w))) {
    const name = names.find(
      (n) =>
        n.joined.length >= MIN_SPOKEN &&
        near(n, MAX_SPOKEN_EDITS) &&
        editDistance(joined, n.joined, MAX_SPOKEN_EDITS) <= Math.min(MAX_SPOKEN_EDITS, Math.floor(n.joined.length / 5)) &&
        editDistance(sound, n.sound, 1) <= 1,
    );
    if (name) return name;
  }
  // ("tennis el bow", "golfers el bow": a name's word written in two pieces that, joined, are that word exactly; not two
  // ordinary words of which one is a function word, "a cute")
  if (window.length === 2 && joined.length >= MIN_SPLIT_WORD) {
    const exact = names.find((n) => n.words.length === 1 && n.joined === joined && !window.includes(n.joined));
    const ordinaryWords = window.every((w) => isEnglish(w)) && window.some((w) => FUNCTION_WORDS.has(w));
    if (exact && !ordinaryWords) return exact;
  }
  // ("fiber my algae", "my of fascial pain": a long name a dictating phone heard as ordinary words, function words among
  // them, that sound exactly like it: the same consonants and the same Double Metaphone key)
  if (
    window.length <= 3 &&
    joined.length >= MIN_SPOKEN &&
    !FUNCTION_WORDS.has(window[window.length - 1]) &&
    window.some((w) => !FUNCTION_WORDS.has(w))
  ) {
    let key: string | undefined;
    const heard = names.find((n) => n.joined.length >= MIN_SPOKEN && near(n, 2) && n.sound === sound && (key ??= soundOf(joined)) === n.key);
    if (heard) return heard;
  }
  // ("sigh attica down my leg", "is acute puncture any good": two ordinary words that a dictating phone heard for one
  // long name, said the same way or two letters from it; never a function word, never a short one)
  if (window.length !== 2 || window.some((w) => w.length < 4 || FUNCTION_WORDS.has(w))) return undefined;
  // (how the pair sounds is worked out only when some name is near it: most word pairs of a message are near none)
  let key: string | undefined;
  return names.find(
    (n) =>
      n.words.length === 1 &&
      n.joined.length >= MIN_SPOKEN_WORDS &&
      near(n, 2) &&
      (((key ??= soundOf(joined)).length >= 3 && key === n.key) ||
        (n.joined.length >= MIN_SPOKEN_BY_LETTERS && editDistance(joined, n.joined, 2) <= 2 && editDistance(sound, n.sound, 1) <= 1)),
  );
}

/** Each window of two to four words that voice typing made of one listed name (`spokenAs`), put back as that name. */
function rejoinSpokenNames(raw: string[], stems: string[], names: SpokenName[] | undefined): void {
  if (!names) return;
  for (let i = 0; i < raw.length; i++) {
    for (let len = 4; len >= 2; len--) {
      const window = raw.slice(i, i + len);
      if (window.length < len) continue;
      const name = spokenAs(window, names);
      if (!name) continue;
      // (the name's words in the first places, the rest of the window left empty)
      window.forEach((_, k) => {
        raw[i + k] = name.words[k] ?? '';
        stems[i + k] = name.words[k] ? stem(name.words[k]) : '';
      });
      i += len - 1;
      break;
    }
  }
}

const OK_WORDS = new Set(['worries', 'worry', 'probs', 'prob', 'problem', 'problems', 'problemo', 'dramas', 'drama', 'stress']);

// Stops runaway work on pasted essays: classification needs the first sentences only.
export const MAX_TOKENS = 120;

/**
 * A concept the patient doubts ("a bit of a sceptic about energy and life force stuff", "not into the meridian side"):
 * no treatment of theirs to imply; what they want instead is.
 */
// ("a Western basis rather than the energy stuff": the concept set against, not asked about)
const DOUBTED =
  /\b(sceptic|skeptic|sceptical|skeptical|cynical|dubious|doubtful|wary|suspicious) (of|about|when it comes to)( (the|all|that|this|those))?( \w+){0,3}$|\b(do not|dont|don t) (believe in|buy|buy into|trust|go for|want|need)( (the|all|that|this|those|any|(any|all|none) of (the|that|this|those|your)))?( \w+)?$|\bnot (into|a fan of|keen on|sold on|big on)( (the|all|that|this|those))?( \w+)?$|\b(rather than|instead of|as opposed to|other than)( (the|all|that|this|those|any))?( \w+)?$/;

/** Words that join concepts said together ("the chi and energy stuff", "meridians or chi"). */
const CONCEPT_JOINERS = new Set(['and', 'or', 'n', '&', 'nor']);

/**
 * Whether a concept is one the patient doubts: told so just before it, or said together with one that is ("I don't want
 * any of the chi energy stuff": the energy is doubted with the chi).
 */
function doubtedConcept(raw: string[], found: EntityMatch<TreatmentId>[], m: EntityMatch<TreatmentId>): boolean {
  if (DOUBTED.test(raw.slice(Math.max(0, m.from - 6), m.from).join(' '))) return true;
  const before = found.filter((f) => f.to <= m.from && raw.slice(f.to, m.from).every((w) => CONCEPT_JOINERS.has(w) || w === ''));
  return before.some((f) => f !== m && doubtedConcept(raw, found, f));
}

/** Words that tell what follows as the cause of something ("because of stress in work", "brought on by poor sleep"). */
const TOLD_AS_CAUSE =
  /\b(because of|cause of|due to|caused by|brought on by|triggered by|made worse by|worse with|thanks to|stems from|comes from|from)( (the|my|all the|all this|too much|a lot of|lots of|so much|work|bad|poor|general))*\s*$/;

/** A feeling a first visit brings, said as one (not anxiety, the complaint): "anxious", "nervous", "scared". */
const NERVES_WORD = /^(anxious|nervous|scared|worried|apprehensive|jittery|uneasy|frightened|terrified|a bit anxious|a little anxious)$/;
/** What the feeling is about, when that is the visit ("anxious about being late", "nervous of the needles"), not exams or life at large. */
const NERVES_ABOUT =
  /^\s*(about|of|before|going into|going in|coming in)\b[^.?!,;]{0,30}\b(appointment|appointments|appt|session|sessions|visit|booking|needle|needles|needling|it|this|late|first|treatment|acupuncture|dry needling|the unknown|trying|what to expect|what happens|doing it|getting it)\b/;
/** Feeling less or more so ("I'd feel a lot less anxious"), unless it is treatment asked for ("help me feel less anxious"). */
const FEEL_LESS = /\b(feel|felt|be|am|im|i m)( a lot| much| so much| far| way)? (less|more)\s*$/;
/** A first-timer's reasons for nerves, said in the same sentence ("heard horror stories", "never had it"). */
const FIRST_TIMER = /\b(horror stories|first time|first timer|first-timer|never had|never tried|never been|new to (this|all this|it))\b/;
/** The feeling asked about as something to treat ("help with my nerves", "for anxiety", "calm me down"). */
const NERVES_TREATED = /\b(help|helps|helped|treat|treats|ease|calm|manage|reduce|settle|for|with)\b[^.?!]{0,20}$/;

/** Whether a stress word in the message is nerves about the visit: its object is the visit, or a first-timer's reason. */
function nervesAboutTheVisit(lower: string, said: string): boolean {
  if (!NERVES_WORD.test(said)) return false;
  const at = lower.indexOf(said);
  if (at < 0) return false;
  const start = Math.max(lower.lastIndexOf('.', at), lower.lastIndexOf('?', at), lower.lastIndexOf('!', at)) + 1;
  const endAt = lower.slice(at).search(/[.?!]/);
  const sentence = lower.slice(start, endAt < 0 ? undefined : at + endAt);
  const before = lower.slice(start, at);
  const after = lower.slice(at + said.length, endAt < 0 ? undefined : at + endAt);
  if (NERVES_TREATED.test(before.replace(FEEL_LESS, ' '))) return false;
  return NERVES_ABOUT.test(after) || FEEL_LESS.test(before) || FIRST_TIMER.test(sentence);
}

/** "a wellness allowance", "our wellbeing program": a workplace scheme named by the concept's word, not the concept. */
const SCHEME_AFTER = new Set(
  'allowance allowances program programs programme budget day days account benefit benefits rebate rebates scheme schemes centre center retreat voucher vouchers leave fund funds app apps week officer team'.split(
    ' ',
  ),
);
/** "I've tried magnesium", "magnesium tablets", "a magnesium spray": a supplement taken, not the article's concept. */
const TAKEN_BEFORE = new Set(['tried', 'try', 'trying', 'take', 'takes', 'taking', 'took', 'on', 'using', 'use', 'used', 'some', 'extra']);
const TAKEN_AFTER = new Set([
  'tablet',
  'tablets',
  'supplement',
  'supplements',
  'spray',
  'oil',
  'flakes',
  'salts',
  'bath',
  'baths',
  'pills',
  'powder',
  'capsules',
  'gummies',
  'cream',
]);
function remedyTaken(raw: string[], from: number, to: number): boolean {
  if (raw.slice(from, to).join(' ') !== 'magnesium') return false;
  return TAKEN_BEFORE.has(raw[from - 1] ?? '') || TAKEN_AFTER.has(raw[to] ?? '') || raw.slice(Math.max(0, from - 3), from).includes('tried');
}

const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
};
/**
 * A time of day said in words, as voice typing writes it ("three am", "four in the morning", "five o'clock at night");
 * "one" only after a word of time ("at one am"), never "which one am I on?".
 */
const SPOKEN_TIME =
  /\b((?<=\b(?:at|till|til|until|around|about|by|from|to|before|after) )one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?: ?o ?'?clock)?(?: (a\.? ?m\.?|p\.? ?m\.?)(?=[\s,.!?]|$)|(?= (?:in the (?:morning|night|afternoon|evening)|at night)\b))/gi;

/** "I wake up at three am": a time said in words, written in figures ("3am"), as the patients who type it write it. */
export function spokenTimes(text: string): string {
  return text.replace(
    SPOKEN_TIME,
    (_, n: string, half?: string) => NUMBER_WORDS[n.toLowerCase()] + (half ? half.replace(/[\s.]/g, '').toLowerCase() : ''),
  );
}

export function analyse(text: string, matchers: EntityMatchers, speller?: SpellCorrector, patientsOwn = false): Analysis {
  const cleaned = spokenTimes(cleanText(text));
  const tokens = tokenize(cleaned).slice(0, MAX_TOKENS);
  const raw = tokens.map((t) => t.norm);
  const stems = raw.map(stem);
  completeHalfNames(raw, stems, matchers.nameWords);
  rejoinSpokenNames(raw, stems, matchers.spokenNames);
  // ("that sort of long-running pain in the muscles and joints": long-standing, no running done)
  for (let i = 1; i < raw.length; i++)
    if (raw[i] === 'running' && raw[i - 1] === 'long') {
      raw[i] = 'standing';
      stems[i] = stem('standing');
    }
  const nameStems = matchers.nameStems ?? new Set<string>();
  const slots: Array<string | undefined> = new Array(raw.length).fill(undefined);

  const conditions: FoundEntity<ConditionRef>[] = [];
  const treatments: FoundEntity<TreatmentId>[] = [];
  const mark = <T>(matches: Array<EntityMatch<T> & { weak?: boolean }>, slot: string, into: FoundEntity<T>[]) => {
    for (const m of matches) {
      if (slots.slice(m.from, m.to).some((s) => s !== undefined)) continue;
      for (let i = m.from; i < m.to; i++) slots[i] = i === m.from ? slot : '';
      into.push({ value: m.value, text: quote(cleaned, tokens, m), ...(m.weak ? { weak: true } : {}) });
    }
  };
  // "No worries", "no probs": a way of saying OK, never a condition ("worries" is not stress to be treated).
  for (let i = 0; i + 1 < raw.length; i++) {
    if (raw[i] === 'no' && OK_WORDS.has(raw[i + 1])) slots[i] = slots[i + 1] = '';
  }
  // Treatments first: "dry needling" must not be read as part of a condition.
  if (matchers.treatments) {
    const weak = new Set(matchers.weakTreatmentWords ?? []);
    mark(
      matchers.treatments.match(raw, stems).map((m) => ({ ...m, weak: m.to - m.from === 1 && weak.has(raw[m.from]) })),
      TREATMENT_SLOT,
      treatments,
    );
  }
  if (matchers.conditions) {
    // "no stomach or sleep issues, just the jaw": a condition denied is not asked about; its words are used up.
    const noSymptom = matchers.descriptions ? !matchers.descriptions.hasSymptom(raw, stems) : false;
    const found = bodyPartFirst(matchers.conditions, raw, stems, matchers.conditions.match(raw, stems)).filter(
      (m) =>
        !limbAsleep(raw, m.from) &&
        !sleptOnIt(raw, m) &&
        !inOnesSleep(raw, m) &&
        !(noSymptom && locatesSomethingElse(raw, m)) &&
        // ("my GP wants me on anti-inflammatories", "anti-nausea tablets": a medicine against it, not the complaint)
        !(m.from > 0 && raw[m.from - 1] === 'anti'),
    );
    // "osteoarthritis in my hip": a body part that only places another condition just named is not one of its own.
    const placing = (m: (typeof found)[number]) =>
      m.to - m.from === 1 &&
      found.some(
        (n) =>
          n !== m &&
          n.value.name !== m.value.name &&
          // (of the same list: "growing pains in his knees" is no condition of the knee's list placed there)
          n.value.list === m.value.list &&
          n.to <= m.from &&
          m.from - n.to <= 3 &&
          PLACE_START.has(raw[n.to]) &&
          raw.slice(n.to, m.from).every((w) => PLACE_WORDS.has(w)),
      );
    const denied = deniedConditions(raw, found);
    for (const m of found.filter(placing)) denied.add(m);
    for (const m of found.filter((m) => denied.has(m))) for (let i = m.from; i < m.to; i++) slots[i] ??= '';
    mark(
      found.filter((m) => !denied.has(m)),
      CONDITION_SLOT,
      conditions,
    );
    dropCoveredByName(conditions);
  }
  // A phrase naming an unlisted condition ("rheumatoid arthritis") is what the patient has: no description or
  // broader word is read into the rest of the message.
  // "I see osteoarthritis on your list, but is RA covered?": the listed ones named beside it, for the reply to mention.
  const listedNamed = [...new Set(conditions.filter((c) => !c.value.excluded && !c.value.partial).map((c) => c.value.name))];
  const namedUnlisted = conditions.some((c) => c.value.excluded);
  // "rheumatoid arthritis", "cluster headaches": the listed condition it is not is named beside it.
  for (const c of conditions) if (c.value.notThis && !listedNamed.includes(c.value.name)) listedNamed.push(c.value.name);
  if (namedUnlisted) conditions.splice(0, conditions.length, ...conditions.filter((c) => c.value.excluded));
  // "knots through my upper back": an unlisted body part (not a diagnosis) yields to a cue that names a condition on any
  // body part (myofascial trigger points).
  if (matchers.descriptions && conditions.length > 0 && conditions.every((c) => c.value.excluded && !c.value.notThis)) {
    const found = matchers.descriptions.anyBodyPartCondition(raw, stems);
    if (found)
      conditions.splice(0, conditions.length, {
        value: { name: found.condition.name, list: found.condition.list, described: true },
        text: quote(cleaned, tokens, found),
      });
  }
  // "pain from my lower back down the back of my leg to my foot": a body-part alias ("lower back") yields to a
  // description whose context says more about another listed condition (sciatica).
  // ("hips and knees creak and ache … age-related wear of the joint surfaces": two body parts yield together)
  // ("I ache all over … tender spots on my shoulders, hips and knees, and I'm exhausted no matter how much I sleep":
  // three joints and a broader word beside a fuller description of another condition, which all yield to it)
  const bare = conditions.filter((c) => !c.value.excluded && !c.value.partial);
  const yieldable = conditions.every((c) => !c.value.excluded && (c.value.partial || c.text.split(/\s+/).length <= 2));
  if (matchers.descriptions && yieldable && bare.length >= 1 && bare.length <= 3) {
    const described = matchers.descriptions.match(
      raw,
      stems,
      slots.map((s) => s !== TREATMENT_SLOT),
    );
    const named = conditions.map((c) => c.value.name);
    const descriptions = matchers.descriptions;
    // ("had surgery on his hip 2 months ago, still pain there": the operation the pain follows is a second condition
    // beside the body part's, as "my hip replacement" names both)
    const afterOperation =
      described?.condition &&
      !described.viaPart &&
      descriptions.outranksBodyParts(described.condition.name) &&
      !named.includes(described.condition.name);
    if (afterOperation && described?.condition && conditions.length === 1)
      conditions.push({ value: described.condition, text: quote(cleaned, tokens, described) });
    else if (
      described?.condition &&
      described.viaPart &&
      !named.includes(described.condition.name) &&
      (described.cues ?? 0) > Math.max(...named.map((n) => descriptions.cuesOf(n, raw, stems).length))
    ) {
      const found = { value: described.condition, text: quote(cleaned, tokens, described) };
      // A named body part yields to the fuller description; a named condition that is no body part ("my heel hurts
      // every morning and I also get migraines") stays, and the described one is a second condition.
      const manyCues = (described.cues ?? 0) >= MANY_CUES;
      const bodyParts = (conditions.length === bare.length ? conditions : bare).every((c) => {
        const namedWords = wordsOf(c.text);
        const namedStems = namedWords.map(stem);
        // ("Does dry needling help golfer's elbow? I do a lot of pruning": a word of the condition's own name beside the
        // place is the condition named, not a place that a description can say more about)
        const place = descriptions.complaintWords(namedWords, namedStems);
        const nameBeside = namedStems.some((st, i) => !place.has(i) && nameStems.has(st));
        return descriptions.namesBodyPart(namedWords, namedStems) && !nameBeside;
      });
      // ("osteoarthritis in both knees … from kneeling": the place told is the named condition's own, no second condition)
      const placeOfDescribed = descriptions.partOf(raw, stems, described.condition.name);
      const namedPlace = named.some((n) => placeOfDescribed !== undefined && descriptions.partOf(raw, stems, n) === placeOfDescribed);
      if (bodyParts && (conditions.length === bare.length || manyCues)) conditions.splice(0, conditions.length, found);
      else if (conditions.length === 1 && !namedPlace) conditions.push(found);
    }
  }
  // "throbbing head behind one eye that makes me queasy": a broader word in passing ("queasy": digestive issues) does
  // not hide the listed condition the message describes; the description comes first.
  // ("inflamed tendon at the back of my heel": "inflamed" is how it feels; the heel's tendon is what is described)
  if (matchers.descriptions && conditions.length > 0 && conditions.every((c) => c.value.partial || HOW_IT_FEELS.has(c.value.name))) {
    const described = matchers.descriptions.match(
      raw,
      stems,
      slots.map((s) => s === undefined),
    );
    // ("the band of tissue under my foot is inflamed": the broader word is itself how the part feels)
    const feels = described?.symptom || conditions.some((c) => HOW_IT_FEELS.has(c.value.name));
    if (described?.condition && described.viaPart && feels)
      conditions.unshift({ value: described.condition, text: quote(cleaned, tokens, described) });
  }
  // "my eczema flares up on the inside of my elbows": a complaint of another kind, named, is what is asked about (an
  // unlisted thing, as any unknown one); the body part it is on describes no listed condition.
  // ("so if it's about inflammation and stuff, would it clear up my eczema?": the listed word is the premise of the
  // question; a complaint of another kind is what is asked about)
  // (a complaint of another kind named, found once for both uses below; null when none)
  let otherNamed: ReturnType<NonNullable<typeof matchers.otherComplaints>['match']>[number] | null | undefined;
  const premise = PREMISE_ABOUT.exec(cleaned.toLowerCase())?.[0];
  if (premise && conditions.length > 0 && conditions.every((c) => premise.includes(c.text.toLowerCase()))) {
    otherNamed ??= matchers.otherComplaints?.match(raw, stems).find((m) => !negatedBefore(raw, m.from)) ?? null;
    if (otherNamed && !premise.includes(quote(cleaned, tokens, otherNamed).toLowerCase())) conditions.length = 0;
  }
  const other =
    conditions.length === 0
      ? ((otherNamed ??= matchers.otherComplaints?.match(raw, stems).find((m) => !negatedBefore(raw, m.from)) ?? null) ?? undefined)
      : undefined;
  if (matchers.descriptions && conditions.length === 0 && !other) {
    const described = matchers.descriptions.match(
      raw,
      stems,
      slots.map((s) => s === undefined),
      patientsOwn,
    );
    if (described?.condition) mark([{ value: described.condition, from: described.from, to: described.to }], CONDITION_SLOT, conditions);
    else if (described?.unlistedPart) {
      // "doctor says I have frozen shoulder": the diagnosis, in their words, is what is not on the list; the listed
      // condition of that body part is named beside it.
      const diagnosis = described.notThis ? matchers.diagnoses?.match(raw, stems)[0] : undefined;
      const said = diagnosis ? quote(cleaned, tokens, diagnosis) : quote(cleaned, tokens, described);
      // ("my tailbone has hurt for three years", "burning pain along my ribs, over a year now": pain in a part no listed
      // condition covers, told as long-standing, is the acupuncture list's chronic pain, which does not name the part)
      const lower = cleaned.toLowerCase();
      if (!diagnosis && LONG_PAIN.test(lower) && PAIN_WORD.test(lower))
        conditions.push({ value: { name: CHRONIC_PAIN, list: 'acupuncture', partial: true }, text: said });
      else conditions.push({ value: { name: diagnosis ? said : described.unlistedPart, list: 'dryNeedling', excluded: true }, text: said });
      if (diagnosis && described.notThis && !listedNamed.includes(described.notThis)) listedNamed.push(described.notThis);
    }
  }
  // "bursitis on the outside of my hip", "I tore my meniscus": a diagnosis the list does not name, told with a listed
  // condition (named or described), is that condition only partly: the article's list does not name theirs.
  const sameName = conditions.length > 1 && conditions.every((c) => c.value.name === conditions[0].value.name && !c.value.excluded);
  const narrower = conditions.find((c) => c.value.partial && c.value.list === 'dryNeedling');
  // ("trochanteric bursitis… does that come under your hip pain one?": the narrower thing named is what they have)
  if (sameName && narrower) conditions.splice(0, conditions.length, narrower);
  const one = conditions.length > 0 && conditions.every((c) => c.value.name === conditions[0].value.name && !c.value.excluded && !c.value.partial);
  if (matchers.diagnoses && one) {
    // (a diagnosis word inside the condition's own name is that name: "achilles tendonitis")
    // ("frozen shoulder": a diagnosis longer than the body part matched in it is the diagnosis)
    const diagnosis = matchers.diagnoses.match(raw, stems).find((m) => {
      const taken = slots.slice(m.from, m.to);
      return (
        taken.every((s) => s === undefined) || (taken.some((s) => s === undefined) && taken.every((s) => s === undefined || s === CONDITION_SLOT))
      );
    });
    if (diagnosis)
      conditions.splice(0, conditions.length, {
        value: { ...conditions[0].value, partial: true, described: undefined },
        text: quote(cleaned, tokens, diagnosis),
      });
  }
  // ("My dentist tell me I grind the teeth at night because of stress in work … the needles for this problem of the jaw?":
  // a broader ailment of acupuncture's list told as the cause of a complaint of dry needling's is no second question)
  if (conditions.some((c) => !c.value.excluded && c.value.list === 'dryNeedling')) {
    const lower = cleaned.toLowerCase();
    const cause = conditions.filter((c) => {
      const at = lower.indexOf(c.text.toLowerCase());
      return !c.value.excluded && c.value.list === 'acupuncture' && at > 0 && TOLD_AS_CAUSE.test(lower.slice(Math.max(0, at - 40), at));
    });
    if (cause.length > 0) conditions.splice(0, conditions.length, ...conditions.filter((c) => !cause.includes(c)));
  }
  // ("My son sprained his ankle at basketball": "sprained" names Muscle strains and sprains, but the ankle told with it is
  // Ankle sprains, whose name says the same word of that place; the more particular listed condition is the one)
  const particular = conditions.filter((c) => !c.value.excluded && c.value.described);
  const general = conditions.filter(
    (c) =>
      !c.value.excluded &&
      !c.value.described &&
      c.text.split(/\s+/).length === 1 &&
      particular.some((p) => p.value.name !== c.value.name && wordsOf(p.value.name).map(stem).includes(stem(c.text.toLowerCase()))),
  );
  if (general.length > 0) conditions.splice(0, conditions.length, ...conditions.filter((c) => !general.includes(c)));
  // ("I always get to appointments early because I'm anxious about being late", "I'd feel a lot less anxious knowing
  // who does it", "I've heard horror stories and I'm anxious"): nerves about the visit, not a complaint to treat
  const visitNerves = conditions.filter((c) => !c.value.excluded && nervesAboutTheVisit(cleaned.toLowerCase(), c.text.toLowerCase()));
  if (visitNerves.length > 0) conditions.splice(0, conditions.length, ...conditions.filter((c) => !visitNerves.includes(c)));
  // "no muscle injuries or knots": a concept said not to apply implies nothing.
  // ("my stomach's constantly in knots": nerves, not a muscle's knot)
  // ("wat is a triger point": a concept typed with a slip that happens to be an English word elsewhere, found as the
  // speller reads it when the words as typed name none)
  const conceptsFound = matchers.concepts?.match(raw, stems) ?? [];
  const conceptsRead =
    conceptsFound.length > 0 || !speller || !matchers.concepts ? conceptsFound : conceptsAsCorrected(raw, speller, matchers.concepts);
  const impliedTreatments = [
    ...new Set(
      conceptsRead
        .filter(
          (m) =>
            !negatedBefore(raw, m.from) &&
            !TUMMY_KNOTS.test(raw.slice(Math.max(0, m.from - 5), m.to).join(' ')) &&
            !remedyTaken(raw, m.from, m.to) &&
            !SCHEME_AFTER.has(raw[m.to] ?? '') &&
            !doubtedConcept(raw, conceptsRead, m),
        )
        .map((m) => m.value),
    ),
  ];
  // "the Chinese medicine side of needling": a general word for needling yields to the concept's treatment.
  if (impliedTreatments.length === 1 && treatments.length > 0 && treatments.every((t) => t.weak)) treatments.splice(0, treatments.length);
  // ("I wake at 3am every night … is needling any use for that?", "can needling help my digestion"): a general word for
  // needling asked of what only acupuncture's list names (its ailments) is asked of acupuncture, the treatment that names it.
  const named = conditions.filter((c) => !c.value.excluded);
  if (treatments.length > 0 && treatments.every((t) => t.weak) && named.length > 0 && named.every((c) => c.value.list === 'acupuncture'))
    treatments.splice(0, treatments.length);

  const words: string[] = [];
  raw.forEach((w, i) => {
    const slot = slots[i];
    // ("tight and knotted after gym sessions": a session of a sport or a chore is no question about the clinic's sessions)
    if (slot === undefined && ACTIVITY_SESSION.test(w) && ACTIVITY.has(raw[i - 1] ?? '')) return;
    if (slot === undefined) words.push(speller ? speller.correct(w) : w);
    else if (slot) words.push(slot);
  });
  return {
    cleaned,
    tokens,
    words,
    conditions: conditions.filter((c) => !c.value.excluded),
    excluded: conditions.filter((c) => c.value.excluded),
    ...(other && conditions.length === 0 ? { otherComplaint: quote(cleaned, tokens, other) } : {}),
    listedAlso: conditions.some((c) => !c.value.excluded) ? [] : listedNamed,
    treatments,
    impliedTreatments,
  };
}

/** The concepts found in the words as the speller corrects them (same positions: one corrected word per typed word). */
function conceptsAsCorrected(raw: string[], speller: SpellCorrector, concepts: PhraseMatcher<TreatmentId>): EntityMatch<TreatmentId>[] {
  // (one slip only: "triger" is "trigger"; "weakness" is never "wellness")
  const corrected = raw.map((w) => {
    const fixed = speller.correct(w);
    return fixed !== w && editDistance(w, fixed, 1) <= 1 ? fixed : w;
  });
  if (corrected.every((w, i) => w === raw[i])) return [];
  return concepts.match(corrected, corrected.map(stem));
}

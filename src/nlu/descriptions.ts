/**
 * Conditions from descriptions in a patient's own words: "my arches kill me first thing in the morning" is
 * plantar fasciitis on the article's list, "a zap down the back of my leg" sciatica. A body part with a
 * symptom word (or a context cue) makes a candidate; context cues ("out of bed", "down the leg", "typing")
 * pick among the conditions of the same body part. Body parts no listed condition covers ("upper back")
 * make the description unlisted. All the words are data in knowledge/conditions.json.
 * Phrases are matched longest first, so "upper back" is never read as "back", nor "back of my heel" as "back".
 */
import type { Condition, DescriptionWords } from '../knowledge/types';
import type { ConditionRef } from './analyse';
import { PhraseMatcher, phraseEntries } from './entities';

const FIRST_PERSON = new Set(['i', 'my', 'me', 'im', 'ive', 'mine', 'mines', 'myself', 'id', 'ill']);

/** Someone else's body part, told by a parent or a partner ("her jaw", "his heel"). */
const THIRD_PERSON_POSSESSIVE = new Set(['his', 'her', 'their']);
/** What befell a body part ("tore his hamstring", "rolled her ankle", "did his knee"). */
const INJURED = new Set(
  'tore torn hurt injured sprained strained pulled rolled twisted tweaked jarred busted broke damaged wrecked did dislocated stuffed'.split(' '),
);
/** A verb after a body part that makes it what the sentence tells of ("her jaw has started clicking", "his heel aches"). */
const TELLS_OF_PART = new Set(
  'has have is are s keeps keep started starts gets get got aches ache hurts hurt clicks click locks pops feels feel goes go went gave gives swells swelled throbs burns tingles'.split(
    ' ',
  ),
);

/** Another person's possessive ("his elbow", "her heel", "the side closest to their body"), read as the data's "my". */
const OTHERS_POSSESSIVE = new Set(['his', 'her', 'their', 'your', 'ur', 'our']);

/**
 * The tokens (and stems) as the data words them: body parts and cues are written in the patient's own words ("inner
 * side of my elbow", "closest to my body"), and a partner or a parent asking for someone else writes "his" or "her".
 */
/** What follows "run" when it is no running: "a run of nights", "run down", "running late", "ran out of", "run errands". */
const NOT_A_RUN =
  /^(of|out|down$|down (and|at|lately|again|from|with|by|since|after|these)|late|errands|around after|a (business|shop|company|cafe|farm|household|house|team|store))\b/;

function asOwn(tokens: string[], stems: string[]): [string[], string[]] {
  if (!tokens.some((t) => OTHERS_POSSESSIVE.has(t))) return [tokens, stems];
  const own = (t: string) => (OTHERS_POSSESSIVE.has(t) ? 'my' : t);
  return [tokens.map(own), stems.map((st, i) => (OTHERS_POSSESSIVE.has(tokens[i]) ? 'my' : st))];
}

/** Someone named a diagnosis: "the doctor said", "physio called it", "diagnosed with". */
const DIAGNOSIS = /\b(said|says|mentioned|called|calls|diagnosed|diagnosis|told me i have)\b/;

/** A treatment advised ("my physio mentioned needling", "my friend says acupuncture"): advice, not a diagnosis. */
const ADVISED = new Set(['needling', 'needles', 'acupuncture', 'acu', 'dn', 'dry']);

/** Where the first word that names a diagnosis is ("said", "diagnosed"), or -1. */
const diagnosisAt = (tokens: string[]) => tokens.findIndex((t) => DIAGNOSIS.test(t));

/** "my mate said he had needles for something similar": what someone did, told, names no diagnosis. */
const TOLD_OWN_STORY = (tokens: string[], i: number) =>
  ['he', 'she', 'they', 'we'].includes(tokens[i + 1] ?? '') &&
  ['had', 'has', 'got', 'gets', 'tried', 'did', 'does', 'went', 'goes', 'used', 'uses'].includes(tokens[i + 2] ?? '');

/** "my wife says I should ask", "the physio told me to try needling": advice to do something, which names no diagnosis. */
const ADVICE_TO_DO = (tokens: string[], i: number) =>
  /^((i|you|we) (should|need|ought|must|might|could|can|better)|(me )?to [a-z]+)\b/.test(tokens.slice(i + 1, i + 4).join(' '));

/** "my neighbour says your clinic does the needles": what someone said of the clinic, which names no diagnosis. */
const OF_THE_CLINIC = (tokens: string[], i: number) => ['your', 'you', 'yous', 'u', 'ur'].includes(tokens[i + 1] ?? '');

/** "she says it is like a knife under the heel": how it feels, likened, which names no diagnosis. */
const FEELS_LIKE = (tokens: string[], i: number) =>
  /^(it is |its |it s |it feels |feels |it was |its like |it kind of feels )?(like|as if|as though)\b/.test(tokens.slice(i + 1, i + 5).join(' '));

/** "the chiro said it'd settle", "my GP said it was nothing serious": how it will go or how bad it is, which names nothing. */
const PROGNOSIS = (tokens: string[], i: number) =>
  /^(that )?(it|its|it s|itd|it d|itll|it ll|this|that)( (would|will|should|d|ll|might|was|is|s|wasnt|isnt|was not|is not))?( (just|probably|only))? (settle|settles|heal|heals|improve|improves|pass|passes|clear|clears|go away|goes away|get better|gets better|be fine|be ok|be okay|sort itself|fine|nothing|ok|okay|normal|not serious|nothing serious|wear off)\b/.test(
    tokens.slice(i + 1, i + 8).join(' '),
  );

/** "my husband says I'm being a sook", "she said I was overreacting": what someone thinks of the writer, which names nothing. */
const ABOUT_THE_WRITER = (tokens: string[], i: number) =>
  /^(that )?(i|im|i m|i am|i was|you|youre|you re|you are|me)( (am|m|was|is|re|are))? (being|just|such|too|so|a|an|overreacting|over reacting|dramatic|fine|soft|lazy|mad|crazy|silly|imagining|making)\b/.test(
    tokens.slice(i + 1, i + 6).join(' '),
  );

/** The owners a body part is said with ("my", "the", "her"): see withOwners. */
const OWNERS = ['my', 'the', 'his', 'her', 'their', 'your', 'our'];
/** Words that only say whose or which a body part is ("the", "her"), before the part itself. */
const WHOSE = new Set([...OWNERS, 'both', 'its', 'that', 'this']);

function diagnosed(tokens: string[], parts: Set<string> = new Set()): boolean {
  const at = tokens.findIndex(
    (t, i) =>
      DIAGNOSIS.test(t) &&
      !ADVISED.has(tokens[i + 1] ?? '') &&
      !TOLD_OWN_STORY(tokens, i) &&
      !ADVICE_TO_DO(tokens, i) &&
      !OF_THE_CLINIC(tokens, i) &&
      !FEELS_LIKE(tokens, i) &&
      !PROGNOSIS(tokens, i) &&
      !ABOUT_THE_WRITER(tokens, i),
  );
  if (at < 0) return false;
  // ("she says the bottom of her heel is agony for the first few steps": the body part told first, then how it is: a
  // complaint reported, not a name for it)
  const first = tokens
    .slice(at + 1, at + 6)
    .filter((t) => !WHOSE.has(t) && t !== 'of')
    .slice(0, 2);
  if (first.some((t) => parts.has(t) || parts.has(t.replace(/s$/, '')))) return false;
  // "diagnosed with that condition where you ache all over … starts with an F": the name is not given, it is described.
  if (describedNotNamed(tokens.slice(at + 1, at + 8))) return false;
  // "physio said a muscle in there is tight and pressing on a nerve": a lay account of what is wrong, not a name for it.
  const told = tokens.slice(at + 1, at + 11).filter((t) => t.length >= 4);
  // (the described condition's own body part is no name for what is wrong: "it's the band of tissue under the foot")
  // ("she says it aches in front of her ears": "ears" is the part's "ear")
  return !told.every((t) => LAY_ACCOUNT.has(t) || parts.has(t) || parts.has(t.replace(/s$/, '')));
}

/** A diagnosis described instead of named: "the condition where…", "that thing with…", "can't remember what it's called". */
const DESCRIBED =
  /\b(condition|thing|one|syndrome|disorder|disease|problem|illness) (where|when|with|that|which|were|whe)\b|\b(starts|starting|begins|beginning) with\b|\b(cant|cannot|dont|forget|forgot|forgotten) (remember|recall|know|the name|what)\b|\bwhat (its|it is|it was|they) called\b/;
function describedNotNamed(told: string[]): boolean {
  return DESCRIBED.test(told.join(' '));
}

/** Words of a lay account of a complaint, which name no diagnosis ("the tendon is getting squashed in there"). */
const LAY_ACCOUNT = new Set(
  (
    'muscle muscles tight tighter tendon tendons nerve nerves pressing presses pressed pinching pinched pinches squashed ' +
    'squashing squeezing squeezed squeezes catching caught catches getting gets there something thing stuff about that ' +
    'this they them have with from into maybe probably might could just really very bit little inflamed irritated ' +
    'sore tired overworked overused strained knotted joint joints bone bones spot area sitting rubbing rubs trapped stuck ' +
    'what which where when your mine their been being were will would should said says told mentioned reckons called ' +
    // (the question after it: "physio said a tendon is getting squashed. can dry needling help?")
    'needling needle needles acupuncture help helps treat does work ' +
    // ("my doctor said my pain is widespread - I ache pretty much everywhere, lots of tender spots": how it is, no name)
    'pain pains widespread ache aches aching everywhere pretty much lots tender spots over constant constantly exhausted ' +
    // ("Dr Google says it's the band of tissue along the sole", "the doctor called it wear and tear in the joint")
    'band tissue tissues along under underneath inside outside behind front back bottom sole soles google online wear tear ' +
    'lining sheath cartilage ligament ligaments fascia ' +
    // ("my GP says the joints in my fingers are wearing out with age": wear told in lay words)
    'wearing worn thinning ageing aging older degenerating creaky knobbly stiff fingers thumbs hands knees hips ' +
    // ("what about my jaw, it clicks as well and the ENT said the two might be linked": how two complaints relate, no name)
    'two both linked related connected connection same cause causing caused part'
  ).split(' '),
);

/** Words of four letters or more in phrases. */
const wordsOf = (names: string[], shortest = 4) =>
  names.flatMap((n) => n.toLowerCase().split(/[^a-z]+/)).filter((w) => w.length >= shortest && !PLACE_WORDS.has(w));
/** Words that place a body part ("where my leg meets my pelvis", "side of my bum"), which are no body part themselves. */
const PLACE_WORDS = new Set(
  'where meets meet joins join with from that this your their into onto when what side sides front under over between inside outside above below near around behind bottom middle deep upper lower bony point bits just area part parts edge'.split(
    ' ',
  ),
);

/** Words every kind of diagnosis uses, which name no condition in particular. */
const GENERIC = new Set(['syndrome', 'pain', 'including', 'chronic', 'injury', 'injuries', 'something', 'thing', 'about']);

/**
 * Whether what they were told names this condition in part: "podiatrist said it's the fascia thing" (plantar fascia),
 * "GP mentioned a nerve in the wrist" (carpal tunnel). A word after "said" that the condition's name or aliases have,
 * not one of the look-alikes it excludes ("tunnel" of cubital tunnel), and no body part that is not its own ("a pinched
 * nerve in the neck" is not carpal tunnel, whatever the fingers feel).
 */
function toldThisOne(tokens: string[], words: ConditionWords, allParts: Set<string>): boolean {
  const at = diagnosisAt(tokens);
  if (at < 0) return false;
  const told = tokens.slice(at + 1, at + 11);
  // (a word of its own name is no other body part: "teeth" of "teeth grinding" for TMD)
  if (told.some((t) => allParts.has(t) && !words.parts.has(t) && !words.own.has(t))) return false;
  return told.some((t) => words.own.has(t));
}

/** Verbs that "down" completes ("lie down", "sit down"), so that what follows is not "down my leg". */
const POSTURE_VERB = new Set([
  'lie',
  'lay',
  'lying',
  'laying',
  'sit',
  'sat',
  'sitting',
  'settle',
  'settling',
  'calm',
  'calming',
  'wind',
  'winding',
  'slow',
  'slowing',
  'cool',
  'cooling',
  'lies',
  'sits',
]);

/** Words of a sensation, which a condition's cue can be ("numb", "tingling", "asleep"): the complaint itself. */
const SENSATIONS = new Set([
  'numb',
  'numbness',
  'tingly',
  'tingling',
  'tingle',
  'tingles',
  'pins',
  'asleep',
  'sleep',
  'dead',
  'burning',
  'shooting',
  'electric',
  'zapping',
  'buzzing',
]);

/**
 * Whether what they were told is the condition's own description: "doctor says I've got tender spots in my muscles that
 * send pain to other places" (two of myofascial pain's cues after "says"). Two cues, so that "physio said it's the nerve,
 * numb fingers" does not stand for a named diagnosis the patient was given.
 */
function toldItsCues(tokens: string[], cueHits: Array<{ value: Condition[]; from: number }>, condition: Condition): boolean {
  const at = diagnosisAt(tokens);
  if (at < 0) return false;
  return cueHits.filter((h) => h.value.includes(condition) && h.from > at && h.from <= at + 12).length >= 2;
}

/** A condition's own body-part words, and the words of its name and aliases that can name it on their own. */
interface ConditionWords {
  parts: Set<string>;
  own: Set<string>;
}

function conditionWords(condition: Condition): ConditionWords {
  // (three-letter body parts too: "ear", "hip", "leg")
  const parts = new Set(wordsOf(condition.bodyParts, 3));
  const excluded = new Set(wordsOf(condition.excludes));
  // Its body part alone is not a name ("a bone spur in my ankle" does not name ankle sprains).
  const own = new Set(wordsOf([condition.name, ...condition.aliases]).filter((w) => !excluded.has(w) && !GENERIC.has(w) && !parts.has(w)));
  return { parts, own };
}

const NEGATIONS = new Set(['no', 'not', 'never', 'without', 'nothing', 'dont', 'doesnt', 'isnt', 'nor']);

/** Whether one of the four words before `from` negates it ("no nerve stuff down the leg", "not in my back"). */
export function negatedBefore(tokens: string[], from: number): boolean {
  let reach = from - 4;
  for (let i = from - 1; i >= Math.max(0, reach); i--) {
    // ("sorry no I meant my hip": the "no" takes back what was said before, the part after "meant" is affirmed)
    if (CORRECTS.has(tokens[i])) return false;
    // ("not depressed or anything, just drained", "not my back but my neck": what follows a contrast is affirmed; not
    // "not just one sore muscle", where the contrast word is the denial's own)
    if (CONTRASTS.has(tokens[i]) && !NEGATIONS.has(tokens[i - 1] ?? '')) return false;
    // ("my english not so good. my back low part is pain": "not so good" says how good, it denies nothing after it)
    // ("not the outside, the INSIDE of the elbow": a new phrase after the denied one is affirmed)
    if (NEGATIONS.has(tokens[i])) return !tokens.slice(i + 1, from).some((w) => QUALITY.has(w)) && !newPhraseAfter(tokens.slice(i + 1, from));
    // ("my GP ruled out arthritis")
    if (rulesOut(tokens, i)) return true;
    // ("not the upper back or between the shoulder blades": a denial goes on over "or")
    if (tokens[i] === 'or' || tokens[i] === 'nor') reach = Math.min(reach, i - 4);
  }
  return false;
}
/** Words that lead a noun phrase, and words a phrase goes on over ("pain in the elbow", "the back of the knee"). */
const DETERMINERS = new Set(['the', 'my', 'a', 'an', 'me', 'his', 'her']);
const GOES_ON = new Set(
  'in on at of to from with around round near behind under over by about for and or nor the my a an me his her any no'.split(' '),
);
/**
 * Whether the words after a denial are a short phrase and a second one set against it ("not | the outside, the inside
 * of"): a determiner, one or two words, and a determiner again.
 */
function newPhraseAfter(words: string[]): boolean {
  if (!DETERMINERS.has(words[0] ?? '')) return false;
  return [2, 3].some((k) => DETERMINERS.has(words[k] ?? '') && words.slice(1, k).every((w) => !GOES_ON.has(w)));
}
const RULE = new Set(['rule', 'ruled', 'rules', 'ruling']);
/** Whether the word at `i` ends "ruled out" ("my GP ruled out arthritis"): a denial of what follows. */
export function rulesOut(tokens: string[], i: number): boolean {
  return tokens[i] === 'out' && RULE.has(tokens[i - 1] ?? '');
}
const QUALITY = new Set(['good', 'great', 'well', 'fluent', 'perfect', 'best']);
/** Words that set what follows against a denial before them ("just", "but", "only", "rather", "instead"). */
const CONTRASTS = new Set(['just', 'but', 'only', 'rather', 'instead']);
/** Words of a correction ("I meant", "I mean"): what follows them is what the patient affirms. */
const CORRECTS = new Set(['meant', 'mean']);

/** After "head" or "mind": the mind, not the body ("my head won't switch off", "my head is racing"). */
const MIND_AFTER =
  /^(that |which |just |is |keeps |always )*(wont|won t|will not|cant|can t|can not|cannot|never|doesnt|does not) (switch|turn|shut|stop|slow|settle|quiet|calm|rest|relax)\b|^(that |which |just )*(is |keeps |always |goes |going )(racing|spinning|busy|buzzing|full|all over the place|a mess|in a fog|foggy)\b/;
function mindNotBody(tokens: string[], to: number): boolean {
  return MIND_AFTER.test(tokens.slice(to, to + 6).join(' '));
}

/** What is caught that is no pain ("catching the train", "catch up", "catch a cold"). */
const RIDE =
  /^((the|a|an|my|our) )?(train|trains|bus|buses|tram|ferry|plane|flight|taxi|uber|cab|lift|ride|up|ball|breath|cold|wave|waves|fish|sun)\b/;

/** "no injuries or muscle pain", "without any pain": a symptom word denied (up to three words before, none of them "but"). */
function deniedSymptom(tokens: string[], from: number): boolean {
  for (let i = from - 1; i >= Math.max(0, from - 4); i--) {
    if (tokens[i] === 'no' || tokens[i] === 'without' || tokens[i] === 'never') return true;
    if (tokens[i] === 'but' || tokens[i] === 'just' || tokens[i] === 'only') return false;
  }
  return false;
}

/** Words that ask for a body part to be treated: "can dry needling help my back", "anything for my hip". */
const TREAT = new Set(['help', 'helps', 'fix', 'fixes', 'treat', 'treats', 'for', 'heal', 'sort', 'ease', 'relieve', 'with']);

/** Whether the body part at `from` is asked to be treated ("help my back": a complaint without a symptom word). */
function askedToTreat(tokens: string[], from: number): boolean {
  // The part may start with "my" ("my back") or follow it ("my hip"), or "a" and how it is ("help with a pulled calf
  // muscle", "for a sore knee"): the word before those asks for treatment.
  let i = from - 1;
  while (i >= 0 && i >= from - 3 && BEFORE_PART.has(tokens[i])) i--;
  return TREAT.has(tokens[i] ?? '');
}

/** Words that place something on a body part ("a rash on my elbows", "spread to my scalp"), and whose part it is. */
const PLACED_ON = new Set(['on', 'behind', 'around', 'under', 'above', 'below', 'near', 'between', 'across', 'over', 'along', 'to']);
const OWNER = new Set(['my', 'her', 'his', 'their', 'the', 'both', 'your', 'our', 'its']);

/** Whether the body part at `from` only says where something else is ("psoriasis has spread to my elbows"). */
export function placedOn(tokens: string[], from: number): boolean {
  let i = from - 1;
  for (;;) {
    while (i >= 0 && OWNER.has(tokens[i])) i--;
    // ("to my elbows and scalp": the second part is placed by the same word)
    if ((tokens[i] === 'and' || tokens[i] === 'or') && i >= 2) i -= 2;
    else break;
  }
  return i >= 0 && PLACED_ON.has(tokens[i]);
}

/** Words between a treatment word and the body part it asks about: "a", "my", and how the part is. */
const BEFORE_PART = new Set([
  'a',
  'an',
  'the',
  'my',
  'sore',
  'pulled',
  'strained',
  'torn',
  'tight',
  'stiff',
  'bad',
  'dodgy',
  'crook',
  'painful',
  'achy',
  'aching',
  'tweaked',
  'sprained',
  'twisted',
  'rolled',
  'injured',
  'bruised',
  'swollen',
  'niggly',
]);

/** Words before a body part that still make it the writer's: "sore knee when i run", "bad back, can u help". */
const LEADING = new Set([
  'the',
  'a',
  'an',
  'like',
  'sore',
  'bad',
  'stiff',
  'painful',
  'tight',
  'dodgy',
  'crook',
  'achy',
  'aching',
  'left',
  'right',
  'pulled',
  'strained',
  'torn',
  'sprained',
  'rolled',
  'twisted',
  // "inside of the elbow, from golf": where on the part, said in a follow-up
  'inside',
  'outside',
  'inner',
  'outer',
  'front',
  'back',
  'side',
  'top',
  'bottom',
  'of',
]);

/**
 * A body part spoken of as the writer's without "my" or "I", as SMS writers do: the message starts with it ("jaw clicky n
 * sore, u treat that?", "bad back, can u help") or asks for it to be treated ("what would you recommend for the jaw").
 * Not a question about someone else's or "your" muscles.
 */
function spokenOf(tokens: string[], from: number): boolean {
  if (tokens.includes('your') || tokens.includes('his') || tokens.includes('her') || tokens.includes('their')) return false;
  // "what about the neck, it's always stiff too": asked about in a follow-up.
  const askedAbout = tokens[from - 1] === 'about' || (tokens[from - 2] === 'about' && LEADING.has(tokens[from - 1]));
  return from === 0 || (from <= 3 && tokens.slice(0, from).every((t) => LEADING.has(t))) || askedToTreat(tokens, from) || askedAbout;
}

type PartOwner = { conditions: Condition[] } | { unlisted: string };

export interface DescribedCondition {
  /** The listed condition described, or undefined when the body part is one no listed condition covers. */
  condition?: ConditionRef;
  /** The unlisted body part named (when condition is undefined). */
  unlistedPart?: string;
  /** The specific listed condition of that body part which a clinician's other diagnosis is not ("Shoulder impingement syndrome"). */
  notThis?: string;
  /** Token span of the body part. */
  from: number;
  to: number;
  /** How many of the condition's context cues the message names. */
  cues?: number;
  /** Found through a body part (not by context cues alone). */
  viaPart?: boolean;
  /** The message has a symptom word ("throbbing", "sore"). */
  symptom?: boolean;
}

/**
 * Whose body part a phrase of three words or more says ("bottom of my back"): any owner says the same part ("bottom of
 * the back", "under his foot"). OWNERS is defined with WHOSE, above.
 */
function withOwners(phrase: string): string[] {
  const w = phrase.split(' ');
  const at = w.findIndex((x) => OWNERS.includes(x));
  // ("my back" stays as it is: "the back of my knee" is no back)
  if (at < 0 || w.length < 3) return [phrase];
  return OWNERS.map((o) => [...w.slice(0, at), o, ...w.slice(at + 1)].join(' '));
}

export class DescriptionMatcher {
  /** Every body-part word, for telling whose body part a diagnosis names. */
  private readonly allParts: Set<string>;
  private readonly wordsByCondition: Map<Condition, ConditionWords>;
  private readonly parts: PhraseMatcher<PartOwner>;
  private readonly cues: PhraseMatcher<Condition[]>;
  private readonly symptoms: PhraseMatcher<true>;
  private readonly diagnoses: PhraseMatcher<true>;
  private readonly anyBodyPartCues: PhraseMatcher<Condition>;

  constructor(conditions: Condition[], words: DescriptionWords) {
    const byPhrase = (pick: (c: Condition) => string[]) => {
      const map = new Map<string, Condition[]>();
      for (const c of conditions) for (const p of pick(c)) map.set(p, [...(map.get(p) ?? []), c]);
      return map;
    };
    const partEntries = [...byPhrase((c) => c.bodyParts)].flatMap(([p, cs]) => phraseEntries<PartOwner>({ conditions: cs }, withOwners(p)));
    const unlisted = words.unlistedBodyParts.flatMap((p) => phraseEntries<PartOwner>({ unlisted: p }, [p]));
    // Unlisted parts first: at equal length "upper back" must win over "back" (the matcher's sort is stable).
    // (a determiner inside a body part may go unwritten: "pain in the lower portion of back")
    this.parts = new PhraseMatcher([...unlisted, ...partEntries], false, true);
    this.cues = new PhraseMatcher([...byPhrase((c) => c.cues)].flatMap(([p, cs]) => phraseEntries(cs, [p])));
    // A diagnosis ("frozen shoulder", "bursitis") says the body part is a complaint as a symptom word does.
    this.symptoms = new PhraseMatcher(phraseEntries<true>(true, [...words.symptoms, ...words.diagnoses]));
    this.diagnoses = new PhraseMatcher(phraseEntries<true>(true, words.diagnoses));
    this.anyBodyPartCues = new PhraseMatcher(conditions.flatMap((c) => phraseEntries(c, c.anyBodyPartCues)));
    this.allParts = new Set(wordsOf([...conditions.flatMap((c) => c.bodyParts), ...words.unlistedBodyParts]));
    this.wordsByCondition = new Map(conditions.map((c) => [c, conditionWords(c)]));
  }

  /** The condition one of whose any-body-part cues the message names, not negated ("knots", "trigger points"). */
  anyBodyPartCondition(tokens: string[], stems: string[]): { condition: Condition; from: number; to: number } | undefined {
    const hit = this.anyBodyPartCues.match(tokens, stems).find((m) => !negatedBefore(tokens, m.from));
    return hit && { condition: hit.value, from: hit.from, to: hit.to };
  }

  /** Whether a message has a symptom word or a diagnosis, not denied ("throbbing", "sore", "bursitis"). */
  hasSymptom(tokens: string[], stems: string[]): boolean {
    return this.symptoms.match(...asOwn(tokens, stems)).some((m) => !deniedSymptom(tokens, m.from));
  }

  /**
   * The first body part named, not denied, that listed conditions cover, with their names ("my hand": carpal tunnel,
   * repetitive strain injuries); undefined when it is a part no listed condition covers, or none is named.
   */
  placeOwners(tokens: string[], stems: string[]): { part: string; conditions: string[] } | undefined {
    const hit = this.parts.match(...asOwn(tokens, stems)).find((m) => !negatedBefore(tokens, m.from));
    if (!hit || !('conditions' in hit.value)) return undefined;
    return { part: tokens.slice(hit.from, hit.to).join(' '), conditions: hit.value.conditions.map((c) => c.name) };
  }

  /** The first body part of the named condition a message names, not denied, as written ("knuckles" of osteoarthritis). */
  partOf(tokens: string[], stems: string[], name: string): string | undefined {
    const hit = this.parts
      .match(tokens, stems)
      .find((m) => 'conditions' in m.value && m.value.conditions.some((c) => c.name === name) && !negatedBefore(tokens, m.from));
    return hit && tokens.slice(hit.from, hit.to).join(' ');
  }

  /**
   * The word positions a message's body parts and symptom words cover ("my wrists are sore": wrists, sore); none when
   * it names a diagnosis ("frozen shoulder"), which is more than a place and a symptom.
   */
  complaintWords(tokens: string[], stems: string[]): Set<number> {
    const own = asOwn(tokens, stems);
    const covered = new Set<number>();
    if (this.diagnoses.match(...own).length > 0) return covered;
    for (const m of [...this.parts.match(...own), ...this.symptoms.match(...own)]) for (let i = m.from; i < m.to; i++) covered.add(i);
    return covered;
  }

  /** Whether a phrase names a body part ("lower back pain" does, "migraines" does not). */
  namesBodyPart(tokens: string[], stems: string[]): boolean {
    return this.parts.match(...asOwn(tokens, stems)).length > 0;
  }

  /** Whether the named condition is told by its context over any body part ("pain after my shoulder surgery": post-surgical pain). */
  outranksBodyParts(name: string): boolean {
    return [...this.wordsByCondition.keys()].some((c) => c.name === name && c.outranksBodyParts && c.bodyParts.length === 0);
  }

  /** The context cues of the named condition a message names, where they are. */
  cuesOf(name: string, tokens: string[], stems: string[]): Array<{ from: number; to: number }> {
    return this.cues.match(...asOwn(tokens, stems)).filter((m) => m.value.some((c) => c.name === name));
  }

  /** The condition a message describes, if any. `free` says which tokens are not already part of an entity. */
  /**
   * `patientsOwn`: the conversation is already about the patient's complaint ("its more in the buttock actually", "it was
   * a shoulder reconstruction"), so a body part or an operation needs no "my" and no symptom word.
   */
  match(tokens: string[], stems: string[], free: boolean[], patientsOwn = false): DescribedCondition | undefined {
    // Patients describe their own body ("my arches", "i get a zap"); "what gets trapped in the knots in your muscles"
    // is a question about the article. Conditions told by their context alone ("niggles from the footy season") need no "my".
    // (the words as the data words them, once for the three matchers)
    const [ownTokens, ownStems] = asOwn(tokens, stems);
    const usable = <T>(ms: Array<{ value: T; from: number; to: number }>) => ms.filter((m) => free.slice(m.from, m.to).every(Boolean));
    // ("my digestion's all over the place": an idiom, no body part)
    const parts = usable(this.parts.match(ownTokens, ownStems)).filter(
      (p) => !mindNotBody(tokens, p.to) && !(tokens[p.to - 1] === 'over' && /^the (place|shop|show)\b/.test(tokens.slice(p.to, p.to + 2).join(' '))),
    );
    // ("Are hips on your list?": a body part asked about the list names the listed condition of it)
    const asksList = tokens.includes('list') || tokens.includes('listed');
    // ("My 15yo's jaw has started clicking … she says it aches in front of her ears": a parent or partner telling someone
    // else's complaint, the body part theirs)
    // (only a part that is what the sentence is about, "her jaw has started clicking", not "hurting his hamstrings" or
    // "lifts his arm over his head")
    // (or the part an injury befell: "tore his hamstring", "rolled her ankle", "pulled something in his thigh")
    // ("the bottom of her heel is agony": the owner inside a part of three words or more)
    const theirs = (p: { from: number; to: number }) =>
      (THIRD_PERSON_POSSESSIVE.has(tokens[p.from - 1] ?? '') || tokens.slice(p.from, p.to).some((t) => THIRD_PERSON_POSSESSIVE.has(t))) &&
      (TELLS_OF_PART.has(tokens[p.to] ?? '') || tokens.slice(Math.max(0, p.from - 4), p.from - 1).some((t) => INJURED.has(t)));
    const ownBody = patientsOwn || asksList || tokens.some((t) => FIRST_PERSON.has(t)) || parts.some((p) => spokenOf(tokens, p.from) || theirs(p));
    // ("when I lie down my legs get restless": "down" ends the verb, it is no "down my legs")
    // ("she volunteers at the op shop": a charity shop, no operation)
    const cueHits = usable(this.cues.match(ownTokens, ownStems)).filter(
      (m) =>
        !(tokens[m.from] === 'down' && POSTURE_VERB.has(tokens[m.from - 1] ?? '')) &&
        !(tokens[m.from] === 'op' && /^shop/.test(tokens[m.to] ?? '')) &&
        // ("am I better off catching the train?": a train ridden, no training)
        !(/^trains?$/.test(tokens[m.from] ?? '') && /^(the|a|by|on|off|last|next|early|late)$/.test(tokens[m.from - 1] ?? '')) &&
        // ("after a run of nights", "feeling run down", "running late", "ran out of tablets": no running as a sport)
        !(/^(run|runs|running|ran)$/.test(tokens[m.from] ?? '') && NOT_A_RUN.test(tokens.slice(m.to, m.to + 2).join(' '))),
    );
    // ("No injuries or muscle pain really, it's more my head that won't switch off": a denied symptom tells nothing)
    // ("catching the train", "catch a bus": a ride caught, no catching pain)
    const symptomHits = usable(this.symptoms.match(ownTokens, ownStems)).filter(
      (m) => !deniedSymptom(tokens, m.from) && !(/^catch/.test(tokens[m.from] ?? '') && RIDE.test(tokens.slice(m.to, m.to + 2).join(' '))),
    );
    const hasSymptom = symptomHits.length > 0;
    const cueCount = new Map<Condition, number>();
    for (const hit of cueHits) for (const c of hit.value) cueCount.set(c, (cueCount.get(c) ?? 0) + 1);
    // A cue that is itself the complaint, a sensation ("numb", "tingling", "falls asleep"), tells the condition more than
    // one that only places it ("typing", "all day"): "wrist and fingers go numb at night, typing all day" is carpal tunnel.
    // (how an injury happened, "tweaked", is no sensation: it places the complaint as "footy" does)
    const cueWeight = new Map<Condition, number>();
    for (const hit of cueHits) {
      const itself = symptomHits.some((m) => m.from < hit.to && hit.from < m.to) && tokens.slice(hit.from, hit.to).some((t) => SENSATIONS.has(t));
      for (const c of hit.value) cueWeight.set(c, (cueWeight.get(c) ?? 0) + (itself ? 2 : 1));
    }
    // ("hairdresser of 20 yrs, thumb wrist and forearm ache constantly from the scissors": no "my", but a symptom and two
    // of the condition's own cues tell a complaint)
    const toldWithoutMy = (c: Condition) => hasSymptom && (cueCount.get(c) ?? 0) >= 2;
    const ownParts = ownBody ? parts : parts.filter((p) => 'conditions' in p.value && p.value.conditions.some(toldWithoutMy));

    let best: { condition: Condition; score: number; from: number; to: number; viaPart: boolean } | undefined;
    // ("Outside bony bit of my elbow burns when I grip the bar for rows or deadlifts": the side told outranks any activity
    // cue of the condition on the other side)
    const side = sideTold(ownTokens);
    // ("I make dough all day with my hands and now I have pain on the inside part of the elbow": the side told also
    // outranks a broad condition's activity cues, since only the condition of that side is placed there)
    const consider = (condition: Condition, rawScore: number, from: number, to: number, viaPart: boolean) => {
      if (side && otherSide(condition, side)) return;
      const score = side && viaPart && ofSide(condition, side) ? rawScore + SIDE_TOLD_WEIGHT : rawScore;
      if (!best || score > best.score) best = { condition, score, from, to, viaPart };
    };
    // "forearm and wrist ache from the mouse": a condition whose body parts the message names more of is the closer one
    // (repetitive strain has both; tennis elbow only the forearm).
    const partCount = new Map<Condition, number>();
    for (const part of ownParts)
      if ('conditions' in part.value && !negatedBefore(tokens, part.from))
        for (const c of new Set(part.value.conditions)) partCount.set(c, (partCount.get(c) ?? 0) + 1);
    for (const part of ownParts) {
      if (!('conditions' in part.value)) continue;
      // "no nerve stuff down the leg": a part said not to be affected describes nothing.
      if (negatedBefore(tokens, part.from)) continue;
      for (const c of part.value.conditions) {
        const cues = cueCount.get(c) ?? 0;
        if (c.requiresCue && cues === 0) continue;
        // ("is a rash on my elbows on your list?": the list is asked about the rash, which the elbows only place)
        if (!hasSymptom && cues === 0 && !patientsOwn && !(asksList && !placedOn(tokens, part.from)) && !askedToTreat(tokens, part.from)) continue;
        consider(c, 2 + (cueWeight.get(c) ?? 0) + ((partCount.get(c) ?? 1) - 1) * 0.5, part.from, part.to, true);
      }
    }
    // Conditions told by their context alone ("niggles from the footy season", "sore since my operation").
    const byPart = best !== undefined;
    for (const hit of cueHits) {
      if (negatedBefore(tokens, hit.from)) continue;
      for (const c of hit.value) {
        // Two of its cues ("the scar from my operation") outweigh a body part alone ("shoulder"); one ("gym") does not.
        const cues = cueCount.get(c) ?? 0;
        // "pain after my shoulder surgery": the operation, not the shoulder, is what the patient describes.
        if (c.bodyParts.length === 0 && c.outranksBodyParts && (hasSymptom || patientsOwn || (ownBody && parts.length > 0)))
          consider(c, 100 + cues, hit.from, hit.to, false);
        else if (c.bodyParts.length === 0 && hasSymptom) consider(c, cues >= 2 ? 1 + cues : cues, hit.from, hit.to, false);
        // "Went over on my foot stepping off a kerb … swollen and gone purple": three of one condition's own cues and a
        // symptom tell it without its body part, when no listed condition's body part is named.
        else if (c.bodyParts.length > 0 && hasSymptom && ownBody && cues >= 3 && !byPart) consider(c, 1 + cues, hit.from, hit.to, false);
      }
    }
    if (
      !ownBody &&
      best &&
      (best as { condition: Condition }).condition.bodyParts.length > 0 &&
      !toldWithoutMy((best as { condition: Condition }).condition)
    )
      best = undefined;
    const chosen = best as { condition: Condition; score: number; from: number; to: number; viaPart: boolean } | undefined;
    if (
      chosen &&
      diagnosed(tokens, (this.wordsByCondition.get(chosen.condition) ?? conditionWords(chosen.condition)).parts) &&
      !toldThisOne(tokens, this.wordsByCondition.get(chosen.condition) ?? conditionWords(chosen.condition), this.allParts) &&
      !toldItsCues(tokens, cueHits, chosen.condition)
    ) {
      // "physio said I have bursitis in my hip": a broad listed category covers the named diagnosis without naming it;
      // "doctor mentioned cubital tunnel" (numb fingers): a specific listed condition is not what they were told they have.
      const part = { from: chosen.from, to: chosen.to };
      return chosen.condition.broad
        ? { condition: { name: chosen.condition.name, list: chosen.condition.list, partial: true }, ...part }
        : { unlistedPart: tokens.slice(chosen.from, chosen.to).join(' '), notThis: chosen.condition.name, ...part };
    }
    if (chosen)
      return {
        condition: { name: chosen.condition.name, list: chosen.condition.list, described: true },
        from: chosen.from,
        to: chosen.to,
        cues: cueCount.get(chosen.condition) ?? 0,
        viaPart: chosen.viaPart,
        symptom: hasSymptom,
      };
    const unlisted = parts.find((p) => 'unlisted' in p.value);
    if (unlisted && ownBody && hasSymptom && 'unlisted' in unlisted.value)
      return { unlistedPart: unlisted.value.unlisted, from: unlisted.from, to: unlisted.to };
    return undefined;
  }
}

/** Words that place a complaint on one side of a joint: the outer (thumb) side or the inner (little-finger) side. */
const OUTER_SIDE = new Set(['outside', 'outer', 'lateral']);
const INNER_SIDE = new Set(['inside', 'inner', 'medial']);

/** The one side of a joint a message tells ("outside bony bit of my elbow"), if it tells exactly one. */
// ("the side closest to my body not the outside": a side denied is not told; the side by the body is the inner one)
function sideTold(tokens: readonly string[]): 'outer' | 'inner' | undefined {
  const denied = (i: number) => NOT_THIS_SIDE.test(tokens.slice(Math.max(0, i - 3), i).join(' '));
  const joined = tokens.join(' ');
  const outer = tokens.some((t, i) => OUTER_SIDE.has(t) && !denied(i)) || BODY_OUTER.test(joined);
  const inner = tokens.some((t, i) => INNER_SIDE.has(t) && !denied(i)) || BODY_INNER.test(joined);
  return outer === inner ? undefined : outer ? 'outer' : 'inner';
}
/** The words before a side that deny it ("not the outside", "rather than the inner bit"). */
const NOT_THIS_SIDE = /\b(not|nor|never|rather than|instead of|isnt|is not|but not)( the| on the| my)?$/;
/** A side told by the body ("the side closest to my body", "the little finger side"). */
const BODY_INNER =
  /\b(closest|closer|nearest|nearer|next) (to )?(my|his|her|the) (body|ribs|side)\b|\b(towards|toward) (my|his|her|the) (body|ribs)\b|\b(pinky|little finger|little finger s) side\b/;
const BODY_OUTER = /\baway from (my|his|her|the) (body|ribs)\b|\bthumb side\b/;

/** How much a told side adds to the condition of that side found through its body part ("inside of the elbow"). */
const SIDE_TOLD_WEIGHT = 3;

/** Whether a condition is the one of this side of its joint (golfer's elbow of the inner side). */
function ofSide(c: Condition, side: 'outer' | 'inner'): boolean {
  return otherSide(c, side === 'outer' ? 'inner' : 'outer');
}

/** Whether a condition's own cues put it on the side other than the one told (golfer's elbow is the inside). */
function otherSide(c: Condition, side: 'outer' | 'inner'): boolean {
  const own = side === 'outer' ? INNER_SIDE : OUTER_SIDE;
  const told = side === 'outer' ? OUTER_SIDE : INNER_SIDE;
  return c.cues.some((q) => own.has(q)) && !c.cues.some((q) => told.has(q));
}

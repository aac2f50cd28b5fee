/**
 * The thing a patient asks a treatment to help with, in the patient's own words: "can acupuncture help with eye
 * floaters", "do you treat vertigo", "is long covid one of the conditions you treat", "psoriasis on my elbows - do u
 * treat it", "Dry eyes all the time. Acupuncture?". The recognizer uses it when the thing is no condition it knows: the
 * reply then says that this thing is not on the article's list, in the patient's words, instead of declining the
 * question or answering with the whole list. Pure text rules; which words count as unknown is the recognizer's call.
 */

export interface AskedThing {
  /** The words asked about, as written ("eye floaters", "Parkinson's disease"). */
  text: string;
  /**
   * Asked outright whether the clinic treats it or lists it ("is stroke recovery on your list?", "is that something you
   * treat?"): whatever it is, if it is no condition of the article's lists it is unlisted.
   */
  explicit?: boolean;
}

const WHO = "(?:you|u|ya|yous|you guys|y'all|your (?:clinic|practitioners?|team|physios?|therapists?))";
const ONE_TREATMENT =
  '(?:acupuncture|acu|accupuncture|acupunture|dry needling|dry needle|needling|needles|dn|it|this|they|either(?: one| of them| of those)?|your (?:treatments?|needling|needles|sessions?)|(?:the |a )?treatments?|sessions?)';
/** One treatment, or both ("acupuncture or dry needling"). */
const TREATMENT = `${ONE_TREATMENT}(?: (?:or|and|\\/) ${ONE_TREATMENT})?`;
const HELP =
  '(?:do(?= (?:my|his|her|their|our|ur) )|help|treat|fix|cure|work|be used|be good|be useful|be (?:of )?(?:any |much )?(?:benefit|use|help)|benefit|do anything|do something|do much|be any good|sort out|improve|ease|relieve|settle|calm|clear up|get rid of|speed up|bring down|reduce|stimulate|promote|boost|encourage|increase|regrow)';

/** The thing comes after these: "can acupuncture (really) help with …", "do you treat …", "dn for …". */
const AFTER = [
  new RegExp(`\\b(?:can|could|does|do|will|would|might|may|is|are|did) ${TREATMENT} (?:\\w+ ){0,2}?${HELP}(?: (?:with|for|on|against|in|to))? `),
  new RegExp(
    `\\b(?:do|can|could|would|will) ${WHO} (?:\\w+ )?(?:treat|needle|see|work on|deal with|help with|help people with|treat people with|see people with|do (?:acupuncture|dry needling|needling|acu|dn|needles|anything|treatments?|sessions) (?:for|on)|use (?:acupuncture|dry needling|needling|needles|acu|dn|it) (?:for|on)|offer (?:acupuncture|dry needling|needling|anything|treatments?) for) `,
  ),
  // (at the start only: "acu for acne?", not "I've heard of acupuncture for years")
  /^\s*(?:(?:hi|hey|hello|ok|so|and|any|is|what about|how about)[,]? )?(?:acupuncture|acu|dry needling|needling|dn) (?:for|on) /,
];
/** The thing comes before these: "is tinnitus on your list", "is long covid one of the conditions you treat". */
// ("Bit embarrassing but is erectile dysfunction something you can help with?": after a lead-in too)
const BEFORE =
  /^(?:[^,.?!]{0,40}?\b(?:but|so|and|wondering|question)[,:]? )?(?:and |so |also |what about |hi |hello )?(?:is|are|does|do) (.{2,40}?) (?:on (?:the|your|ur) list|(?:on |in )?there (?:too|as well)|covered|listed|included|treatable|curable|one of (?:the|your|ur) (?:conditions|things|ones)|(?:something|anything|a thing|one|a condition)(?: that)? (?:you|u|acupuncture|needling|dry needling|it|they|needles) (?:can |could )?(?:treat|help|helps|use|work on|deal with|do))\b/;
/** A follow-up naming only the thing: "what about trigger finger?", "great. and chronic fatigue syndrome?". */
const FOLLOW_UP =
  /^(?:(?:ok|okay|great|cool|thanks|right|hmm|sweet|nice|so)[,.!]*\s+)*(?:(?:and )?(?:what|how) about(?: for)?|and|also|plus) (.{2,50}?)(?:\s+(?:then|too|as well|though))?\s*[?.!]*\s*$/;

const QUESTION_WORD = /^(how|what|why|when|where|who|which|is|are|do|does|can|could|would|will|should|did|was|were|has|have)\b/;

/** The thing is in an earlier sentence: "… do u treat it", "Is that something you treat?", "Acupuncture?". */
const POINTS_BACK = [
  new RegExp(
    `\\b(?:do|can|could|would|will) ${WHO} (?:\\w+ )?(?:treat|needle|fix|sort out|help with|help|do anything (?:for|about|with)|work on|deal with) (?:it|that|this|them|those)\\b`,
  ),
  /\b(?:is|are) (?:that|this|it|they|those) (?:something|anything|a thing|one|a condition|things|one of (?:the|your|ur) (?:conditions|things|ones))(?: that)? (?:you|u|acupuncture|needling|dry needling|it|needles) (?:can |could )?(?:treat|help|helps|use|work on|deal with|do|cover)\b/,
  // "Is that on the list of things you help with?", "is it on your list?"
  /\b(?:is|are) (?:that|this|it|they|those|mine) (?:on|in) (?:the|your|ur) list\b/,
  // "I have multiple sclerosis. Wondering if dry needling is one of the conditions you cover?": the treatment said where
  // the condition belongs.
  /\b(?:acupuncture|dry needling|needling|acu) (?:is|are) (?:one of|among) (?:the|your|ur) (?:conditions|things|ones)\b/,
  // "I have psoriasis on my elbows, can you help?": a bare request for help after a complaint told.
  /(?:^|,\s*)(?:so |and |but )?(?:can|could|would|will) (?:you|u|ya|yous|you guys|anyone|someone) (?:please )?help(?: me| at all| with (?:it|that|this))?\s*[?.!]*\s*$/,
  /^(?:so |and |what about |how about )?(?:acupuncture|acu|dry needling|needling|dn|needles)(?: worth (?:a shot|a try|trying|it))?\s*\?+\s*$/,
];
/** Words that are no condition when they are all that is asked about ("do you treat kids", "can it help me"). */
const NOT_A_THING = new Set(
  (
    'it that this them those these him her me us you one ones something anything everything nothing what which how why when where there here ' +
    'people person someone anyone everyone kids kid children child babies baby toddlers teenagers teens adults women men ladies athletes ' +
    'seniors elderly pensioners pregnant pregnancy patients clients pets pet dogs dog cats cat horses horse animals animal ' +
    'session sessions appointment appointments price prices cost costs booking bookings both either other stuff things thing ' +
    'pain pains relaxation relaxing wellbeing health recovery muscles muscle joints joint body years months weeks days ages ' +
    'while long now today tomorrow conditions condition list lists problems issues ailments injuries treatable ' +
    'wondering wonder wondered curious question quick hi hello hey just not sure unsure trying try to choose choosing decide ' +
    'deciding pick picking book ' +
    // ("used more and more for certain things": a vague kind of thing, nothing named)
    'certain various different particular specific some all many lots few sorts kinds types lately recently nowadays currently ' +
    // ("help your body heal": what the body does, no thing named)
    'heal heals healing recover recovers repair repairs'
  ).split(' '),
);
/** "how does …", "why would …": a question about how a treatment works. */
const MECHANISM = /\b(how|why) (does|do|would|can|could|is|are|will|did)\b/;

/** A number, in figures or words ("three years", "2 weeks"). */
const NUMBER_WORDS = '\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty|few|several|many';
const NUMBER = new RegExp(`^(${NUMBER_WORDS}|a|an|couple)$`);

/** A person first: what follows is what they want, not a condition ("help me relax"). */
const PERSON = new Set('me him her us them you it i my his our their your'.split(' '));
/** Who is helped to do something ("help me lose weight"). */
const HELPED = new Set(['me', 'him', 'her', 'us', 'them']);
/** A person named, then what they have ("my wife, she gets ", "my son - he has "). */
const PERSON_THEN =
  /^(?:my|his|her|our) \w+[,:;–—-]?\s+(?:(?:she|he|they)\s+)?(?:gets|has|have|got|has got|s got|suffers from|suffers with|is getting|keeps getting|gets bad|has bad)\s+/;

/** Who a question may be about ("what about my wife?", "and my son?"): people, never a condition's name. */
const PEOPLE = new Set(
  'wife husband partner hubby missus mum mom mother dad father son daughter kid kids child children baby toddler teenager brother sister friend mate nan nana grandma gran grandad grandpa grandmother grandfather boss family parents parent sibling niece nephew aunt uncle cousin fiance fiancee girlfriend boyfriend'.split(
    ' ',
  ),
);

/** Where the thing ends: a joining word, a time or place, or punctuation. */
const BOUNDARY = new Set(
  (
    'and or but because cause coz cos since as when while so if at after from in on for with who which that ' +
    'too then though please pls lately anymore also etc like all every during before until mainly only just mostly faster quicker ' +
    'better more less first either anyway really properly down up into across around under over through near behind ' +
    'specifically particularly especially exactly has have had is are was were been keeps spread spreading flares flared ' +
    // ("is gout not on your list?": the thing ends at its denial)
    "not isn't isnt aren't arent"
  ).split(' '),
);
/** Words before the thing that are not the thing: "my", "my wife's", "people with", "things like". */
const LEADING =
  /^(?:(?:i|he|she|we|they|my \w+|his|her) (?:have|has|had|get|gets|got|suffer from|suffers from|am|is|was|have got|ve got|ive got|'ve got)(?: been| had)?(?: diagnosed with)? |(?:i['’]ve|ive) (?:got|had|been diagnosed with) |(?:(?:my|his|her|their|our|the|a|an|some|any|your|ur) )?(?:(?:wife|husband|partner|mum|mom|mother|dad|father|son|daughter|kid|child|brother|sister|friend|nan|grandma|grandad|grandpa)(?:'s|s|’s) )?|(?:people|patients|someone|kids|women|men) with |(?:things|stuff|conditions|problems|issues) like )+/i;

/** Up to four words of a thing, from the start of `rest`, trimmed at the first boundary word. */
/** Words that open a reply without being part of the thing ("Yeah it came on from gripping tools", "well my hip"). */
// ("kind of a catching pain": a hedge, no part of the thing's name)
const OPENER =
  /^(?:(?:yeah|yea|yep|yup|yes|nah|no|ok|okay|well|so|oh|um|erm|hmm|right|and|but|also)[,.!]?\s+|(?:kind of|sort of|kinda|sorta)\s+(?:an?\s+)?)+/i;

function thingAt(rest: string): string | undefined {
  const opened = rest.replace(OPENER, '');
  const lead = LEADING.exec(opened);
  const text = lead ? opened.slice(lead[0].length) : opened;
  const out: string[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}'’-]+|[^\s\p{L}\p{N}'’-]+/gu)) {
    const w = m[0].toLowerCase();
    // ("the pain that's left over": "that's" ends it as "that" would)
    if (!/[\p{L}\p{N}]/u.test(w) || BOUNDARY.has(w) || BOUNDARY.has(w.replace(/['’]s$/, '')) || out.length === 4) break;
    out.push(m[0]);
  }
  const plain = out.map((w) => w.toLowerCase().replace(/['’]s$/, ''));
  // ("can it help me lose weight as well?": what the person is helped to do is the thing)
  if (HELPED.has(plain[0]) && plain.length >= 3 && !NOT_A_THING.has(plain[1]) && !PERSON.has(plain[1])) {
    const done = thingAt(out.slice(1).join(' '));
    if (done) return done;
  }
  // "help me relax", "help him sleep": a person, not a thing.
  // ("for three years": a time, no thing)
  // ("what about my wife?": the person asked about, whose problem follows, no thing)
  if (out.length === 0 || PERSON.has(plain[0]) || plain.every((w) => NOT_A_THING.has(w) || NUMBER.test(w) || PEOPLE.has(w))) return undefined;
  return out.join(' ');
}

/** "…is fine", "…isn't the problem": a part said to be well. */
const SAID_FINE = /\b(is|are|feels?|seems?) (fine|ok|okay|good|all good|all right|alright|not the problem|not the issue)\b/;

/** The first sentence before the one at `end` that names a thing ("Tinnitus.", "psoriasis on elbows and scalp -"). */
function thingBefore(cleaned: string, end: number): string | undefined {
  const sentences = cleaned
    .slice(0, end)
    .split(/[.!?;:\n]+|\s[-–—]\s/)
    .map((s) => s.trim())
    .filter(Boolean);
  // The nearest short sentence ("Tinnitus."), else the first one ("I get vertigo when I roll over").
  // (a sentence that says a part is fine, "my UPPER back between the shoulder blades is fine", names no complaint)
  const told = sentences.filter((s) => !SAID_FINE.test(s.toLowerCase()));
  // ("…the whole room spins. GP called it vertigo. Can you treat that?": the name someone gave it, nearest first)
  for (const s of [...told].reverse()) {
    const named = nameTold(s);
    if (named) return named;
  }
  const short = [...told].reverse().find((s) => s.split(/\s+/).length <= 3);
  for (const s of short ? [short, told[0]] : told.slice(0, 1)) {
    const found = thingAt(s.replace(/^(hi|hello|hey|hiya|g'?day)\b[\s,]*/i, ''));
    if (found) return found;
  }
  return undefined;
}

/** The sentences of a (lower-cased) message, each with where it starts. */
function* sentencesOf(lower: string): Generator<{ sentence: string; at: number }> {
  for (const m of lower.matchAll(/[^.!?\n]+[.!?\n]*/g)) yield { sentence: m[0], at: m.index ?? 0 };
}

/** What the message asks a treatment (or the clinic) to help with, when it says so in one of the ways above. */
export function askedAbout(cleaned: string): AskedThing | undefined {
  const lower = cleaned.toLowerCase();
  const follow = FOLLOW_UP.exec(lower.trim());
  // ("and how does sticking a needle in it help?" is a question of its own)
  if (follow && !QUESTION_WORD.test(follow[1])) {
    const start = lower.indexOf(follow[1]);
    const found = thingAt(cleaned.slice(start, start + follow[1].length));
    if (found) return { text: found };
    // ("what about my wife, she gets vertigo": the person asked about, then what she has)
    const after = PERSON_THEN.exec(follow[1]);
    const theirs = after ? thingAt(cleaned.slice(start + after[0].length, start + follow[1].length)) : undefined;
    if (theirs) return { text: theirs };
  }
  for (const { sentence, at } of sentencesOf(lower)) {
    const before = BEFORE.exec(sentence.trim());
    if (before) {
      const start = at + sentence.indexOf(before[1]);
      const found = thingAt(cleaned.slice(start, start + before[1].length));
      if (found) return { text: found, explicit: true };
    }
    for (const re of AFTER) {
      const m = re.exec(sentence);
      // "how does dry needling help the muscle heal": how it works, not whether it helps something ("help with" is).
      if (!m || (MECHANISM.test(sentence.slice(0, (m.index ?? 0) + m[0].length)) && !/\b(with|for) $/.test(m[0]))) continue;
      const start = at + (m.index ?? 0) + m[0].length;
      const found = thingAt(cleaned.slice(start));
      if (found) return { text: found };
      // "would acupuncture be of any benefit to him?": the thing is in an earlier sentence.
      if (/^\s*(it|that|this|them|those|him|her|me)\b/i.test(cleaned.slice(start))) {
        // ("my sister has lupus, would it help her too?": the thing is in the clause before, in the same sentence)
        const clause = cleaned
          .slice(at, at + (m.index ?? 0))
          .split(/[,;–—]|\s-\s/)
          .map((c) => c.trim())
          .filter(Boolean)
          .pop();
        const back = (clause ? thingAt(clause) : undefined) ?? thingBefore(cleaned, at);
        if (back) return { text: back };
      }
    }
    for (const re of POINTS_BACK) {
      const m = re.exec(sentence.trim());
      if (!m) continue;
      const inSentence = sentence.slice(0, sentence.indexOf(m[0])).replace(/[\s,–—-]+$/, '');
      // "psoriasis on my elbows - do u treat it": the thing is earlier in the same sentence, or in one before it.
      const found = (inSentence.trim() ? thingAt(cleaned.slice(at, at + inSentence.length).trim()) : undefined) ?? thingBefore(cleaned, at);
      if (found) return { text: found, explicit: true };
    }
  }
  return undefined;
}

/** Someone's name for the complaint: "the hearing man says it is tinnitus", "GP reckons it's bursitis", "diagnosed with gout". */
const NAME_TOLD =
  /\b(?:says|said|reckons|reckoned|thinks|thought|called|calls|confirmed|told me)(?: that)? (?:it is|it's|its|it was|this is|i have|i've got|ive got|i had|it might be|it may be|it could be)(?: called)? (?:probably |likely |just |definitely )?|\b(?:diagnosed (?:me )?with|diagnosis (?:is|was|of)|it's called|its called|it is called) |\b(?:called|calls|named|labelled|labeled|put it down (?:to|as)) (?:it|this|that|mine) (?:a |an )?(?:probably |likely |just )?/gi;

/**
 * The name someone gave the complaint, in the writer's words ("The hearing man says it is tinnitus. Could your clinic
 * help with the ringing?": "tinnitus"), when the question asks of the complaint by a lay word of its own.
 */
export function nameTold(cleaned: string): string | undefined {
  for (const m of cleaned.matchAll(NAME_TOLD)) {
    const found = thingAt(cleaned.slice((m.index ?? 0) + m[0].length));
    if (found) return found;
  }
  return undefined;
}

/**
 * Every thing of a list asked about in one go ("can dry needling help with fibromyalgia, migraines, or asthma?"): the
 * words after the question's verb, split at commas, "and", "or" and slashes. The recognizer names back the ones that
 * are no condition it knows, beside the listed ones it answers.
 */
export function askedList(cleaned: string): string[] {
  const lower = cleaned.toLowerCase();
  for (const { sentence, at } of sentencesOf(lower)) {
    for (const re of AFTER) {
      const m = re.exec(sentence);
      if (!m) continue;
      const start = at + (m.index ?? 0) + m[0].length;
      const rest = cleaned.slice(start, at + sentence.replace(/[.!?\n]+$/, '').length);
      const items = rest.split(/\s*(?:,|\/|&|\bor\b|\band\b)\s*/i).filter((x) => x.trim());
      if (items.length < 2) return [];
      // ("…for my plantar fasciitis, and also for my wife's asthma": "also for" is no part of the thing)
      return items
        .map((x) => thingAt(x.trim().replace(/^(?:(?:also|too|plus|as well as|for|with)\s+)+/i, '')))
        .filter((x): x is string => x !== undefined);
    }
  }
  return [];
}

/** What a question is for ("for PCOS at all", "with that"), up to the end of its clause. */
const FOR_THING = /\b(?:for|with) ([^?.!,;:]{2,40})/g;
/** "for anything in particular", "for years": no thing asked about. */
const NOT_A_THING_FOR = new RegExp(
  '^((any|some|every|no)(thing|one|body)|((some|other|new|newer|more|different|various|many|all sorts of|lots of) )*(uses|purposes|reasons|applications)|(a |so )?(long|while|years?|months?|weeks?|days?|ages)|(over |about |nearly |almost )?(a )?(' +
    NUMBER_WORDS +
    '|(a )?couple( of)?) (years?|months?|weeks?|days?|hours?|yrs|mths|wks)|though|tho|then|now|nowadays|today|these days|anyway|' +
    'exactly|really|please|(me|him|her|us|them|you)$|((my|his|her|our|your|a|the) )?(son|daughter|kids?|child|children|baby|teenager|mum|mom|mother|dad|father|' +
    'husband|wife|partner|friend|mate|family|parents?|gran|grandma|grandpa|nan|boss|brother|sister|self|myself|people|patients?|athletes?|women|men))\\b',
);
/** Where an unknown thing is named: after "for"/"with"/"I have" up to the clause's end, or before a treatment's name. */
const THING_ASKED =
  /\b(?:for|with|(?:i|he|she|they|we) (?:have|has|ve got|got|suffer from|suffer with|get))\s+([^?.!,;:]{2,40})|^\s*([a-z][a-z' -]{1,30}?)\s+(?:acu|acupuncture|dn|dry needling|needling)\s*[?!.]*\s*$/gi;
/** Words around the thing that are not part of its name ("a", "my"; "at all", "too", "in kids"). */
const THING_LEAD = /^((a|an|the|my|his|her|their|our|your|some|bad|chronic|really bad|terrible)\s+)+/i;
const THING_TAIL =
  /(\s+(at all|too|as well|though|tho|then|please|really|anymore|any more|lol|haha|in (kids|children|adults|teens|women|men|the elderly|older people)|for (kids|children|adults)|these days|now))+\s*$/i;
/** "for that", "with it": what was said before in the message. */
const POINTS_BACK_TO = /^(it|that|this|them|those)\b/;

/** The thing named again after a comma ("…, the vertigo", "…, or the vertigo"). */
const RENAMED = /^\s*,\s*(?:or |i mean |like |you know )?((?:the|a|an|my|his|her|this|that) [^?.!,;:]{2,40})/;

/**
 * What to test for a thing we do not know after "for" or "with" ("used for PCOS at all?" -> "pcos at all"): its first three
 * words, or, for "for that" / "with it", what the message said before it.
 */
export function thingsAfterFor(text: string): string[] {
  const lower = text.toLowerCase();
  return [...lower.matchAll(FOR_THING)].flatMap((m) => {
    const things = POINTS_BACK_TO.test(m[1]) ? [lower.slice(0, m.index)] : NOT_A_THING_FOR.test(m[1]) ? [] : [m[1].split(' ').slice(0, 3).join(' ')];
    // ("what about for the dizzy, the vertigo?": the thing named again after a comma, in other words)
    const again = RENAMED.exec(lower.slice((m.index ?? 0) + m[0].length));
    return again && !NOT_A_THING_FOR.test(again[1]) ? [...things, again[1].split(' ').slice(0, 3).join(' ')] : things;
  });
}

/**
 * The phrases that may name a thing asked about, as written ("for PCOS at all" -> "PCOS", "I have gout." -> "gout",
 * "hiccups acu??" -> "hiccups"): after "for", "with" or "I have", or before a treatment's name, of at most three words.
 */
export function thingPhrases(text: string): string[] {
  return [...text.matchAll(THING_ASKED)]
    .map((m) => (m[1] ?? m[2]).trim().replace(THING_LEAD, '').replace(THING_TAIL, '').trim())
    .filter((thing) => thing && thing.split(/\s+/).length <= 3 && !NOT_A_THING_FOR.test(thing.toLowerCase()));
}

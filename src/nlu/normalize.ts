/**
 * Text normalisation shared by training, recognition and entity matching.
 * Pure functions: no knowledge of intents or the clinic.
 */

/** A word of the user's message, with where it came from so entities can quote what the user wrote. */
export interface Token {
  /** Lower-case word with apostrophes removed ("golfer's" -> "golfers"); contractions are expanded into two tokens. */
  norm: string;
  /** Offsets of the source word in the cleaned text (see cleanText). */
  start: number;
  end: number;
}

// Control characters, zero-width characters and bidi overrides: never meaningful in a question,
// and bidi overrides can make a transcript read differently from what was sent.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/**
 * Punctuation a dictating phone wrote out as words ("does it hurt question mark", "cancel Monday full stop", "tight comma
 * like a band"): put back as the mark, so sentences split where the patient said. Not after a determiner ("there's a
 * question mark over it", "the full stop at the end").
 */
const SPOKEN_MARK =
  /(?<!\b(a|an|the|big|any|no|that|this|huge|real|massive|your|my))\s+(full ?stop|question ?mark|exclamation (mark|point)|comma)(?=[\s.,!?]|$)/gi;
const MARKS: Record<string, string> = { f: '.', q: '?', e: '!', c: ',' };
const spokenMark = (_m: string, _d: string | undefined, mark: string) => MARKS[mark[0].toLowerCase()];

/** Dictated punctuation put back as the mark (SPOKEN_MARK). */
export function withSpokenPunctuation(text: string): string {
  return text.replace(SPOKEN_MARK, spokenMark);
}

/** Removes invisible and control characters, unifies quotes and dashes, puts back dictated punctuation (SPOKEN_MARK). */
export function cleanText(text: string): string {
  return withSpokenPunctuation(
    text
      .normalize('NFKC')
      .replace(INVISIBLE, '')
      .replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'")
      .replace(/[\u201C\u201D]/g, '"')
      .replace(/[\u2010-\u2015]/g, '-')
      .replace(/\s+/g, ' '),
  );
}

const IS_CONTRACTIONS = new Set(['what', 'whats', 'that', 'it', 'there', 'he', 'she', 'who', 'where', 'how', 'here', 'when', 'why']);
const SUFFIXES: Array<[RegExp, string]> = [
  [/^(ca|wo|do|does|did|is|are|was|were|has|have|had|could|should|would|must|need)n't$/, 'not'],
  [/'re$/, 'are'],
  [/'ve$/, 'have'],
  [/'m$/, 'am'],
  [/'ll$/, 'will'],
  [/'d$/, 'would'],
];

/** Negative contractions typed without their apostrophe, to the word before "not". */
// (only the ones condition words use: "mind wont switch off" is "won't"; measured, "isnt" as "is not" cost a
// held-out intent, "isn't dry needling just acupuncture…" read as a difference)
const NO_APOSTROPHE: Record<string, string> = {
  dont: 'do',
  doesnt: 'does',
  didnt: 'did',
  wont: 'will',
};

function expand(word: string): string[] {
  if (word === "can't" || word === 'cant') return ['can', 'not'];
  // Without the apostrophe, as people type them ("dont", "wont"): the same words as with it.
  const bare = NO_APOSTROPHE[word];
  if (bare) return [bare, 'not'];
  if (word === "won't") return ['will', 'not'];
  if (word === "g'day") return ['gday'];
  for (const [pattern, tail] of SUFFIXES) {
    if (pattern.test(word)) {
      const head = tail === 'not' ? word.slice(0, -3) : word.slice(0, word.lastIndexOf("'"));
      return [head, tail];
    }
  }
  if (word.endsWith("'s")) {
    const head = word.slice(0, -2);
    return IS_CONTRACTIONS.has(head) ? [head, 'is'] : [head + 's'];
  }
  return [word.replace(/'/g, '')];
}

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;

/**
 * Text-message spellings with one meaning ("gd" is good, "abt" about): written out, so the model and the entity
 * matchers see the words they know. Ambiguous ones ("u", "r") the training lines already carry as they are.
 */
const SMS: Record<string, string> = {
  wots: 'whats',
  wats: 'whats',
  gd: 'good',
  gud: 'good',
  abt: 'about',
  wat: 'what',
  wot: 'what',
  wht: 'what',
  wen: 'when',
  wn: 'when',
  hw: 'how',
  // ("hw mch 4 a dn sesh $$ ?": how much, a price asked)
  mch: 'much',
  mutch: 'much',
  cn: 'can',
  cud: 'could',
  shud: 'should',
  wud: 'would',
  thnx: 'thanks',
  tnx: 'thanks',
  hlp: 'help',
  sumthing: 'something',
  smth: 'something',
  sth: 'something',
  // Body parts as they are texted ("my bak is killin me", "nek n shldrs"): too short for the typo corrector.
  bak: 'back',
  bck: 'back',
  nek: 'neck',
  nck: 'neck',
  kne: 'knee',
  elbo: 'elbow',
  elbw: 'elbow',
  shldr: 'shoulder',
  shldrs: 'shoulders',
  sholder: 'shoulder',
  wrst: 'wrist',
  // ("sore lowr bak 4 ages": which part of the back)
  lowr: 'lower',
  lwr: 'lower',
  uppr: 'upper',
  upr: 'upper',
  hed: 'head',
  // Clinicians' shorthand ("10+ yr hx", "bilat knees", "c/o LBP"): history, both sides.
  hx: 'history',
  bilat: 'both',
  bilateral: 'both',
  slp: 'sleep',
  // ("fingers go numb @ nite": the time of day carpal tunnel is told by)
  nite: 'night',
  nites: 'nights',
  tonite: 'tonight',
  // ("whens dn from": when is it from)
  whens: 'when',
};
/** "gd 4 sciatica", "acu gd 4 that?": a 4 after these words is "for" (not "4 sessions"). */
const BEFORE_FOR = new Set([
  'good',
  'help',
  'helps',
  'work',
  'works',
  'used',
  'use',
  'it',
  'anything',
  'something',
  'ok',
  'okay',
  'best',
  'better',
  'needling',
  'acupuncture',
  'acu',
  'dn',
  'any',
  'thanks',
  'thx',
  'ty',
  'treatment',
  'needles',
  // ("which one's more 4 the inside stuff", "is it meant 4 that")
  'more',
  'meant',
  'made',
  'suitable',
  'safe',
]);
/** "which 4 me", "gd 4 u": a 4 before a person is "for"; so is one before a long while ("sore 4 ages"). */
// (and before "the" or "my": "4 the inside stuff", "4 my back")
const FOR_WHOM = new Set(['me', 'u', 'you', 'him', 'her', 'us', 'them', 'ages', 'yonks', 'ever', 'the', 'my']);
/** "stressed 2 the max", "need 2 book": a 2 before these words is "to" (not "2 sessions"). */
const AFTER_TO = new Set([
  'the',
  'a',
  'my',
  'me',
  'be',
  'do',
  'get',
  'go',
  'see',
  'talk',
  'speak',
  'book',
  'ask',
  'help',
  'know',
  'try',
  'have',
  'make',
  'come',
  'you',
  'u',
  'him',
  'her',
  'them',
  'bed',
  'sleep',
  'work',
  'chat',
]);

/** Days as they are texted. */
const DAYS: Record<string, string> = {
  mon: 'monday',
  tue: 'tuesday',
  tues: 'tuesday',
  wed: 'wednesday',
  thu: 'thursday',
  thur: 'thursday',
  thurs: 'thursday',
  fri: 'friday',
  sat: 'saturday',
  sun: 'sunday',
};
/** Words a texted day follows ("open sun", "this sat", "till fri"; not "and": "hurt my back and sat down"). */
const BEFORE_DAY = new Set([
  'open',
  'on',
  'this',
  'next',
  'til',
  'till',
  'until',
  'every',
  'closed',
  'by',
  'from',
  'avail',
  'available',
  'free',
  'appt',
  'appts',
  'appointment',
  'appointments',
  'session',
  'booking',
  'book',
  'before',
  'after',
  'last',
  'tmrw',
  'arvo',
]);

/** Body parts that a clinician's "L" or "R" before them makes a side of ("L) leg", "R knee"). */
const SIDED_PART = new Set(
  'leg legs arm arms knee knees shoulder shoulders hip hips elbow elbows wrist wrists ankle ankles foot feet hand hands side calf calves heel heels thumb thumbs thigh hamstring glute buttock shin shins neck jaw'.split(
    ' ',
  ),
);
/** Text-message spellings written out, in place (offsets kept): see SMS, BEFORE_FOR, AFTER_TO. */
function spellOut(tokens: Token[]): Token[] {
  return tokens.map((t, i) => {
    // ("kneee pain", "sooo sore": a letter held down is no English spelling; two of it are left for the typo corrector)
    if (/(\p{L})\1\1/u.test(t.norm)) t = { ...t, norm: t.norm.replace(/(\p{L})\1{2,}/gu, '$1$1') };
    const own = SMS[t.norm];
    if (own) return { ...t, norm: own };
    const prev = i > 0 ? (SMS[tokens[i - 1].norm] ?? tokens[i - 1].norm) : '';
    const next = tokens[i + 1]?.norm ?? '';
    if (t.norm === '4' && (BEFORE_FOR.has(prev) || (FOR_WHOM.has(next) && !/^\d/.test(prev))) && /^[a-z]/.test(next)) return { ...t, norm: 'for' };
    if (t.norm === '2' && AFTER_TO.has(next) && !/^\d/.test(prev)) return { ...t, norm: 'to' };
    // ("his L) leg", "R knee", "l shoulder": a side as clinicians write it, before a body part; "r u open" stays "are you")
    if ((t.norm === 'l' || t.norm === 'r') && SIDED_PART.has(next) && !SIDED_PART.has(prev)) return { ...t, norm: t.norm === 'l' ? 'left' : 'right' };
    // ("r u open sun", "any appts thurs arvo": a day as it is texted, after a word that names a time; "I sat" stays "sat")
    const day = DAYS[t.norm];
    if (day && BEFORE_DAY.has(prev)) return { ...t, norm: day };
    return t;
  });
}

/** Splits cleaned text into lower-case word tokens with offsets; punctuation and emoji are dropped. */
export function tokenize(cleaned: string): Token[] {
  const tokens: Token[] = [];
  for (const match of cleaned.matchAll(WORD)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    for (const norm of expand(match[0].toLowerCase())) {
      if (norm) tokens.push({ norm, start, end });
    }
  }
  return spellOut(tokens);
}

/** Lower-case words of a phrase, as tokenize would see them: used for aliases and training lines. */
export function words(text: string): string[] {
  return tokenize(cleanText(text)).map((t) => t.norm);
}

/** Lower case, no punctuation or apostrophes, single spaces: the form red-flag patterns and commands are written for. */
export function plainForm(text: string): string {
  const plain = cleanText(text)
    .toLowerCase()
    .replace(/'/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  // ("which one's more 4 the inside stuff": the SMS "4" read as the tokens read it, so patterns over plain text see "for")
  return plain.includes('4') ? plain.replace(SMS_FOR, (m, prev: string, next: string) => (smsFor(prev, next) ? `${prev} for ` : m)) : plain;
}

/** A "4" between two words, with the words around it (see spellOut). */
const SMS_FOR = /\b(\S+) 4 (?=(\S+))/g;
const smsFor = (prev: string, next: string) =>
  /^[a-z]/.test(next) && (BEFORE_FOR.has(SMS[prev] ?? prev) || (FOR_WHOM.has(next) && !/^\d/.test(prev)));

/**
 * Fillers before a question ("ok fair enough. so what is it?", "ok then, what can acupuncture help with?", "righto, how
 * do I book?"), each a whole word ("sore" does not start with "so", nor "wellbeing" with "well").
 */
const LEADING_FILLER =
  /^((ok|okay|okie|oki|okey|k|kk|so|and|but|well|hmm|right|righto|right oh|fair enough|cool|thanks|ta|cheers|alright|alrighty|sure|then|oh|ah|ahh|anyway|great|sweet|yep|yeah|yea|yeh|ye|yup|awesome|perfect|lovely|no worries|got it|gotcha|sounds good|excellent|brilliant|beaut|nice one)\b[\s,.!]*)+/i;

/** The text without the fillers it starts with. */
export function withoutLeadingFiller(text: string): string {
  return text.replace(LEADING_FILLER, '');
}

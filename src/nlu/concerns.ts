/**
 * What a patient has told about their problem, for "which treatment suits me?": muscles and joints, posture, or
 * internal ailments (sleep, digestion, stress), the areas by which the article tells the two treatments apart.
 * Counted per clause so that what is denied ("no muscle pain"), set aside ("forget the back, it's fine") or
 * stressed ("the bigger thing is the sleep") weighs as the patient meant it, and summed over the conversation,
 * so that "so which one?" three turns later is answered from everything said, not by asking again.
 */
import { SLEPT_ON, type ConditionRef, type FoundEntity } from './analyse';
import { plainForm } from './normalize';

export type ConcernArea = 'muscles' | 'posture' | 'internal';
export type Concerns = Partial<Record<ConcernArea, number>>;

/** Words (plain form, whole words) that tell each area. Conditions the patient names or describes count too. */
export const CONCERN_WORDS: Record<ConcernArea, string[]> = {
  muscles: [
    'muscle',
    'muscles',
    'muscular',
    'muscly',
    'joint',
    'joints',
    'tension',
    'tense',
    'tight',
    'tightness',
    'knot',
    'knots',
    'knotted',
    'knotty',
    'injury',
    'injuries',
    'injured',
    'musculoskeletal',
    'stiff',
    'stiffness',
    'sport',
    'sports',
    'gym',
    'running',
    'footy',
    'netball',
    'climbing',
    'training',
    'strain',
    'strained',
    'sprain',
    'sprained',
    'tweak',
    'tweaked',
    'tweaking',
    'pulled',
    'hamstring',
    'hamstrings',
    'calf',
    'calves',
    'cramp',
    'cramps',
    'recovery',
    'trigger points',
    // aches told of the whole body ("tradie, 45, sore everywhere lol", "everything aches tbh")
    'sore everywhere',
    'aches everywhere',
    'aching everywhere',
    'achy everywhere',
    'sore all over',
    'aching all over',
    'achy all over',
    'aches all over',
    'everything aches',
    'everything hurts',
    'everything is sore',
    'everythings sore',
    'body aches',
    'whole body aches',
    'sore body',
    'achy body',
    // body parts and how they feel ("my traps are rock hard from my desk job", "forearms ache from the tools")
    'rock hard',
    'hard as a rock',
    'seized up',
    'locked up',
    'traps',
    'my back',
    'the back',
    'back pain',
    'backache',
    'bad back',
    'sore back',
    'lower back',
    'upper back',
    'neck',
    'shoulder',
    'shoulders',
    'shoulder blade',
    'shoulder blades',
    'hip',
    'hips',
    'knee',
    'knees',
    'elbow',
    'elbows',
    'wrist',
    'wrists',
    'forearm',
    'forearms',
    'ankle',
    'ankles',
    'heel',
    'heels',
    'glutes',
    'arches',
    'achilles',
    'jaw',
    'leg pain',
    'leg',
    'legs',
    'arm pain',
    'foot',
    'feet',
    'thigh',
    'thighs',
    'buttock',
    'bum',
  ],
  posture: ['posture', 'postures', 'postural', 'alignment', 'hunch', 'hunched', 'hunching', 'slouch', 'slouching', 'rounded shoulders'],
  internal: [
    'internal',
    'digestion',
    'digestive',
    'gut',
    'stomach',
    'stomachs',
    'tummy',
    'bowel',
    'bowels',
    'reflux',
    'bloating',
    'bloated',
    'nausea',
    'sleep',
    'sleeping',
    'insomnia',
    'stress',
    'stressed',
    'anxious',
    'anxiety',
    'inflammation',
    'inflamed',
    'internal ailments',
    // the inside of the body, in lay words ("the inside stuff", "things going on inside your body")
    'inside stuff',
    'insides',
    'inside the body',
    'inside your body',
    'inside my body',
    'inside of the body',
    'going on inside',
    'inside problems',
    'inside problem',
    'inside issues',
    'inside things',
    'problems inside',
    'issues inside',
    'wellbeing',
    'well being',
    'balance',
    'balanced',
    'overall health',
    'fatigue',
    'hormones',
    'periods',
    // the mind that will not rest ("it's more my head that won't switch off", "wired all the time")
    'switch off',
    'wired',
    'racing mind',
    'mind racing',
    'mind races',
    'overthinking',
    'burnt out',
    'burned out',
    'burnout',
    'low mood',
    'worn out',
  ],
};

/** "no muscle pain", "nothing muscular", "not really the sleep": the area is denied (up to two words before it). */
const DENIED =
  /\b(no|nothing|without|none|zero|never(?! ?mind)|dont|doesnt|didnt|havent|hasnt|not( really| much| any| a| the| my| so| that| too)?)\s+((\S+\s+){0,2}|(\S+\s+){0,3}(or|nor)\s+(\S+\s+)?)$/;
/** "can't sleep", "not sleeping": a negation before a sleep word is the complaint itself. */
const COMPLAINT_WHEN_NEGATED = new Set(['sleep', 'sleeping']);
/** "(no) sleep or gut probs", "sleep or stomach issues": the word heads a list of problems, which a negation before denies. */
const LIST_DENIED = /^ \S+ (or|and|nor) (\S+ ){1,2}(probs|problems|issues|troubles|worries|complaints)\b/;
/** A clause that sets a problem aside: "forget the back", "it's fine most days", "not a big deal", "not just for one sore muscle". */
const SET_ASIDE =
  /\b(not (a|that|too|such a) (big )?(deal|bad|problem|issue)|(doesnt|dont|does not|do not) bother me|not bothering|(its|is|are|thats|was) (fine|ok|okay|alright|manageable|ok ish)|ok ish|forget (about )?(the|my)|never ?mind (the|my|about)|ignore (the|my)|less (important|of a)|not (the|my) (main|big|biggest|real)|not (just|only|simply) (for |about |with )?(one|a|the|my|a single|one single|some) )\b/;
/** A clause that stresses a problem: "the bigger thing is", "mainly", "it's the sleeping I'm worried about". */
const STRESSED = /\b(mainly|mostly|main|really|worst|bigger|biggest|by a mile|worried about|primarily|especially|most of all)\b/;
const CLAUSE_BREAK = /[.;!?\n\u2014\u2013]+|,|\s-\s|\bbut\b|\bhowever\b|\balthough\b|\bthough\b/i;
/** "no digestive, sleep or stress issues": a denied list keeps its commas inside one clause. */
const DENIED_LIST = /\b(no|without|never|not any|nothing)\s+\w+(?:,\s*\w+)+,?\s+(or|nor)\s+/gi;

/** "than a muscle thing", "rather than the sleep": the thing a message says its problem is not mainly. */
const COMPARED_AWAY = /\b(rather )?than\s+(?=(a|an|the|my|any)?\s*\w+\s+(thing|problem|issue|one|stuff|side|pain)\b)/gi;

/** "rather than muscles", "instead of an injury": what follows is set aside, as "not muscles". */
const SET_AGAINST = /\b(rather than|instead of|as opposed to)\s+/gi;

/** A treatment named by what it works on ("the muscle needles", "the needles-in-the-knots one"): no problem told. */
const TREATMENT_BY_WHAT_IT_DOES =
  /\b(the )?(muscle|muscles|knot|knots|trigger point|trigger points|chinese|chi|qi|energy|meridian|meridians|western|eastern|traditional|modern|ancient|older|newer|scientific|holistic)( needles| needling| one| ones| kind| type| way){1,2}\b|\b(the )?needles[ -]in[ -]the[ -](muscles?|knots)( one| kind| type)?\b/gi;

/** The message without the treatments named by what they work on or come from ("the chinese one or the muscle one"). */
// (both named: "which one is the muscle one?" alone points to the muscles, as the choice asked)
export const withoutTreatmentsByWhatTheyDo = (text: string): string =>
  (text.match(TREATMENT_BY_WHAT_IT_DOES) ?? []).length >= 2 ? text.replace(TREATMENT_BY_WHAT_IT_DOES, ' ') : text;

/** A message's clauses, in plain form, with a denied list kept whole. */
function clausesOf(text: string): string[] {
  // ("the chinese one or the muscle one": the treatments' names tell no problem)
  return (
    withoutTreatmentsByWhatTheyDo(text)
      .replace(DENIED_LIST, (list) => list.replace(/,/g, ' '))
      // ("more of an internal thing than a muscle thing": what it is compared with is set aside, as "not a muscle thing")
      .replace(COMPARED_AWAY, '. not ')
      .replace(SET_AGAINST, '. not ')
      .split(CLAUSE_BREAK)
      .map(plainForm)
      .filter((c) => c.length > 0)
  );
}

/** The area a condition's list points to (the article's dry needling list is muscles and joints); none for chronic pain. */
function areaOf(c: ConditionRef): ConcernArea | undefined {
  if (c.excluded || c.name === 'chronic pain') return undefined;
  return c.list === 'dryNeedling' ? 'muscles' : 'internal';
}

function hitsIn(clause: string): Array<{ area: ConcernArea; denied: boolean; word: string }> {
  const form = ` ${clause} `;
  const hits: Array<{ area: ConcernArea; denied: boolean; word: string }> = [];
  for (const [area, words] of Object.entries(CONCERN_WORDS) as Array<[ConcernArea, string[]]>) {
    for (const w of words) {
      const at = form.indexOf(` ${w} `);
      if (at < 0) continue;
      if ((w === 'sleep' || w === 'sleeping') && SLEPT_ON.test(form.slice(at + w.length + 2))) continue;
      const before = form.slice(0, at + 1);
      // ("no sleep or gut probs": a list of problems denied, not "no sleep")
      const deniedList = LIST_DENIED.test(form.slice(at));
      const denied =
        DENIED.test(before) &&
        (deniedList || !(COMPLAINT_WHEN_NEGATED.has(w) && /\b(not|no|dont|cant|cannot|didnt|doesnt)\s+(\S+\s+)?$/.test(before)));
      hits.push({ area, denied, word: w });
    }
  }
  return hits;
}

/**
 * The words a message tells its problems in, by area, leaving out denied ones ("tight", "sleeping") and those of a clause
 * that sets its problem aside; "not the sleep" is denied here too (unlike "not sleeping", a complaint).
 */
export function toldWords(text: string): Partial<Record<ConcernArea, string[]>> {
  const out: Partial<Record<ConcernArea, string[]>> = {};
  for (const clause of clausesOf(text)) {
    // ("…for my general wellbeing, not just for one sore muscle": a problem set aside in its own clause is not told)
    if (SET_ASIDE.test(clause)) continue;
    for (const h of hitsIn(clause))
      if (!h.denied && !new RegExp(`\\b(not|no|nor) (the|my|any) ${h.word}\\b`).test(clause)) (out[h.area] ??= []).push(h.word);
  }
  return out;
}

/** Whether the words just before `said` in a clause deny it ("no muscle pain", "not really the sleep"). */
function deniedBefore(clause: string, said: string): boolean {
  const form = ` ${clause} `;
  return DENIED.test(form.slice(0, form.indexOf(` ${said} `) + 1));
}

/** The listed conditions a message names or describes and does not deny ("no stomach or sleep troubles" denies insomnia). */
export function affirmedConditions(text: string, conditions: Array<FoundEntity<ConditionRef>>): ConditionRef[] {
  const clauses = clausesOf(text);
  return conditions
    .filter((c) => !c.value.excluded && !c.value.partial)
    .filter((c) => {
      const said = plainForm(c.text);
      const clause = clauses.find((x) => ` ${x} `.includes(` ${said} `));
      return !clause || !deniedBefore(clause, said);
    })
    .map((c) => c.value);
}

/** The concerns one message tells, with the conditions the recognizer found in it. */
export function toldConcerns(text: string, conditions: Array<FoundEntity<ConditionRef>> = []): Concerns {
  const clauses = clausesOf(text);
  const told: Concerns = {};
  const add = (area: ConcernArea, n: number) => (told[area] = (told[area] ?? 0) + n);
  let previous: Array<{ area: ConcernArea; weight: number }> = [];
  const placed = new Set<FoundEntity<ConditionRef>>();
  for (const clause of clauses) {
    const hits = hitsIn(clause).map((h) => ({ area: h.area, weight: h.denied ? 0 : 1 }));
    for (const c of conditions) {
      const area = areaOf(c.value);
      const said = plainForm(c.text);
      if (!area || placed.has(c) || !said || !` ${clause} `.includes(` ${said} `)) continue;
      placed.add(c);
      hits.push({ area, weight: deniedBefore(clause, said) ? 0 : 1 });
    }
    const setAside = SET_ASIDE.test(clause);
    if (setAside && hits.length === 0) {
      // "...but that's not a big deal": takes back what the clause before it told.
      for (const p of previous) add(p.area, -p.weight);
      previous = [];
      continue;
    }
    const factor = setAside ? -1 : STRESSED.test(clause) ? 2 : 1;
    previous = hits.map((h) => ({ area: h.area, weight: h.weight * factor }));
    for (const p of previous) add(p.area, p.weight);
  }
  for (const c of conditions) {
    const area = areaOf(c.value);
    if (area && !placed.has(c)) add(area, 1);
  }
  return told;
}

/** Whether the message speaks about any area at all, denied ones included ("no muscular problems, no"). */
export function mentionsConcerns(text: string, conditions: Array<FoundEntity<ConditionRef>> = []): boolean {
  return conditions.some((c) => areaOf(c.value)) || clausesOf(text).some((c) => hitsIn(c).length > 0);
}

/** The conversation's running total: set-aside problems can take an area down, never below nothing. */
export function addConcerns(total: Concerns | undefined, told: Concerns): Concerns {
  const out: Concerns = { ...(total ?? {}) };
  for (const [area, n] of Object.entries(told) as Array<[ConcernArea, number]>) out[area] = Math.max(0, (out[area] ?? 0) + n);
  return out;
}

/** The area the concerns point to, if one clearly outweighs the other (muscles and posture against internal). */
export function leadingArea(c: Concerns | undefined): ConcernArea | undefined {
  if (!c) return undefined;
  const body = (c.muscles ?? 0) + (c.posture ?? 0);
  const internal = c.internal ?? 0;
  if (body > internal) return (c.posture ?? 0) > (c.muscles ?? 0) ? 'posture' : 'muscles';
  if (internal > body) return 'internal';
  return undefined;
}

/**
 * Who, when and whether: the context of a sign in a message. "I do not have any chest pain" (negated),
 * "my dad had a heart attack in 2019" (history, someone else's), "what if I faint after needling"
 * (hypothetical) and "my husband's face is drooping" (someone else, now: an emergency) all mention a
 * sign; only some of them are happening now. Cues are word lists over the normalised words (after
 * "don't" became "do not" and "2day" became "today").
 */

/** Words that may stand between a negation and the sign it negates ("not having any", "no real"). */
const NEGATION_GAP = new Set(
  // ("it's not a sharp chest pain, more of an ache in my upper back": how bad, said of the sign denied)
  // ("no history of self harm", "no known prior stroke": a history denied)
  (
    'sharp bad severe big proper stabbing crushing typical classic true ' +
    'history past previous prior known personal family ' +
    'have has had having got get getting any a an the my feel feeling felt experience experienced experiencing suffer suffered suffering from with of real really actual actually sign signs symptom symptoms been ever or nor more much other further is are was were am be it there that obvious serious major significant new do does did so too thought thoughts urge urges intention intentions desire like even remotely exactly particularly lol'
  ).split(' '),
);
const NEGATION = new Set(['no', 'not', 'never', 'without', 'nor', 'neither', 'none', 'zero', 'denies', 'deny', 'denied', 'nothing']);
/** After "no", these make it an interjection ("oh no my chest", "no i cant breathe"). */
const INTERJECTION_AFTER_NO = new Set(['i', 'my', 'im', 'he', 'she', 'his', 'her', 'it', 'its', 'they', 'this', 'please', 'help', 'god']);

/** A sign negated by a cue just before it: walk back over the words a negation may skip. */
/** "I don't want to take lots of tablets": a sign wanted not to happen is denied (never for crisis: "don't want to be here"). */
const WANT_GAP = new Set(['want', 'wanna', 'to']);

export function isNegated(words: string[], start: number, throughWant = false): boolean {
  // "it's not that I want to die": everything after "not that" in the clause is negated.
  // ("not that it matters, but…" says nothing is denied)
  for (let i = 1; i < start; i++)
    if (words[i] === 'that' && words[i - 1] === 'not' && !NOT_THAT_IDIOM.test(words.slice(i + 1, i + 4).join(' '))) return true;
  // "there's no way I'd ever hurt myself": "no way" and who would, just before the sign.
  if (NO_WAY.test(words.slice(Math.max(0, start - 6), start).join(' '))) return true;
  for (let i = start - 1; i >= 0 && i >= start - 6; i--) {
    const w = words[i];
    if (NEGATION.has(w)) {
      // "can not get a full breath" is a symptom, not a denial of one.
      // ("no, I won't pass out, I've got six tattoos": a faint denied ahead, not a symptom)
      if (w === 'not' && MODAL.has(words[i - 1] ?? '') && !(PREDICTS.has(words[i - 1]) && FAINT_EVENT.has(words[start] ?? ''))) return false;
      if (w === 'no' && (words[i - 1] === 'oh' || INTERJECTION_AFTER_NO.has(words[i + 1] ?? ''))) return false;
      // "can not walk to the car without getting puffed": can not … without is the sign, not its denial.
      if (w === 'without' && CANNOT_WITHOUT.test(words.slice(Math.max(0, i - 8), i).join(' '))) return false;
      return true;
    }
    if (!NEGATION_GAP.has(w) && !(throughWant && WANT_GAP.has(w))) break;
  }
  // "no vision problems or slurring": a negation over a list joined by "or"/"nor".
  for (let i = start - 1; i >= 0 && i >= start - 8; i--) {
    // ("can not X or Y" lists symptoms, it does not negate them)
    const cue = NEGATION.has(words[i]) && !(words[i] === 'not' && MODAL.has(words[i - 1] ?? ''));
    if (cue) return words.slice(i + 1, start).some((x) => x === 'or' || x === 'nor');
    if (LIST_STOP.has(words[i])) return false;
  }
  return false;
}
/** "not that it matters", "not that anyone cares": an aside, not a denial of what follows. */
const NOT_THAT_IDIOM = /^(it|anyone|anybody|you|i|they) (really )?(matters?|cares?|care|makes? (a|any|much) difference|counts?)\b/;
const NO_WAY = /\bno way (i|id|i would|i will|i could|i am|he|she|he would|she would|they would|would|will|could)( ever)?( even)?$/;
const MODAL = new Set(['can', 'could', 'will', 'would', 'should', 'must', 'might']);
/** "will not" and "would not" before a faint deny it ahead ("I won't pass out"); "can not" before a sign is the sign. */
const PREDICTS = new Set(['will', 'would', 'should', 'might']);
const FAINT_EVENT = new Set(['pass', 'faint', 'black', 'collapse', 'keel', 'bleed']);
/** What makes a following "without" a double negative ("can not walk … without getting puffed"). */
const CANNOT_WITHOUT = /\b(can not|could not|cannot|unable to|not able to|never|hardly|barely)\b/;
const LIST_STOP = new Set(['but', 'just', 'anything', 'i', 'he', 'she', 'they', 'we', 'my', 'his', 'her', 'and', 'now', 'then', 'because']);

/** A death told ("my late husband", "since grandma died", "passed away"): someone else's, over. */
// ("nobody would care if I died tonight" is not a death in the family)
export const DEATH_TOLD = /\b((?<!\b(if|when|until|before|once) (i|we) )died|passed away|deceased|rip|(my|his|her|our|their) late)\b/;

/** Phrases that put a sign in the past, long enough ago not to be happening now. */
const LONG_AGO = [
  /\b(years?|yrs?|decades?) (ago|back|before)\b/,
  // ("a bad reaction two summers ago": seasons counted back are years)
  /\b(two|three|four|five|six|several|a few|few|couple of|a couple of|many|\d+) (summers|winters|springs|autumns|christmases|easters) (ago|back)\b/,
  /\b(in|since|back in|around) (19|20)\d\d\b/,
  /\bas a (child|kid|teen|teenager|baby|student|young|toddler|infant|bub|little one|little kid|youngster|boy|girl|preschooler)\b/,
  // ("He's 12 now and hasn't had one in nearly ten years": years without one)
  /\b(has not|hasnt|have not|havent|had not|hadnt) (had|been|done|needed) (one|any|it|them|another|a \w+)? ?(in|for) (nearly |almost |over |about |more than |well over )?(\d+|two|three|four|five|six|seven|eight|nine|ten|many|several|a few|few) (years|yrs)\b/,
  // ("When I was small child I have one seizure with high fever": a childhood told, however it is worded)
  /\bwhen (i|he|she|we) (was|were) (a |an )?(small|little|young|tiny)? ?(child|kid|boy|girl|baby|toddler|teen|teenager)\b/,
  // ("fainted when he got his vaccine in yr 9": a school year is a time; "my son in year 9 just fainted" is who he is)
  /(?<!\b(son|daughter|kid|kids|boy|girl|child|brother|sister|bro|sis|nephew|niece|grandson|granddaughter|student|students|he is|she is|hes|shes|is) )\bin (yr|year|grade) (\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?![^.]{0,40}\b(just now|today|this morning|this afternoon|tonight|right now|minutes ago|an hour ago)\b)/,
  /\b(childhood|in my teens|in (my|his|her) twenties|in high school|at high school|in (my )?(school|uni) days|when i was at (school|uni|university))\b/,
  // "tried to end things in my 30s", "in the 90s", "a lifetime ago", "old scars from my teens, long healed"
  /\bin (my|me|his|her|their|our) (teens|twenties|thirties|forties|fifties|sixties|seventies|20s|30s|40s|50s|60s|70s)\b/,
  /\bin the (60s|70s|80s|90s|sixties|seventies|eighties|nineties)\b/,
  /\b(a lifetime ago|another life|from way back|way back then|long healed|long since healed|from my teens|from (my|his|her) (school|uni|teenage) (days|years))\b/,
  /\b(old|faded|healed) (self harm )?(scars?|marks)\b/,
  // ("when I was getting changed just now I felt a prick": just now, not long ago)
  // (a stage of life, not what one was doing: "when I was getting changed I noticed a needle still in my knee")
  // ("when my daughter was four she swallowed some of my iron tablets": someone else's stage of life too)
  /\bwhen (i|we|he|she|they|(my|our|his|her|their) (\w+ )?\w+) (was|were) (like |about |around |only |just |maybe )?(a |an |young|little|small|younger|pregnant|growing up|at (school|uni|university|high school|primary)|in (school|high school|primary|year \d+|grade \d+|my teens|my twenties|my 20s)|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|(kid|child|teen|teenager|baby|toddler|student|boy|girl))(?![^.]{0,40}\b(just now|today|this morning|this afternoon|this evening|tonight|earlier|minutes ago|an hour ago|yesterday|last night)\b)/,
  // "back when I was at school", not "my back when I roll over".
  /(?<!\b(my|the|your|his|her|lower|upper|sore|bad|their|our) )\bback when\b/,
  /\bused to\b/,
  // (a place is not the past: "a needle still in behind her ear")
  /\b(behind me|behind us|behind him|behind her|well behind)\b(?! (ear|ears|knee|knees|neck|head|eye|eyes|shoulder|shoulders|leg|legs|ankle|ankles|thigh|calf|heel|jaw|scapula|shoulder blade))/,
  DEATH_TOLD,
  // ESL "my uncle he die from heart attack": a death told, not "I will die of this pain"
  /(?<!\b(i|will|gonna|going to|might|could|would|may|to|can|cant|not|dont|do not|please) )\bdie (from|of|because of) (a |an |the |his |her |their )?(heart|stroke|cancer|covid|seizure|fit|overdose|bleed|clot|attack)/,
  // ("collapsed a short while ago" is minutes ago, not long ago)
  /\b(long )?(?<!\b(short|little|wee|small|tiny) )(time|while) ago\b/,
  // "after a stroke long ago", "knocked out at footy last season"
  /\blong ago\b|\blast (season|summer|winter|autumn|spring|decade|footy season|cricket season|christmas|easter|new year)\b/,
  // ESL word order: "before, two years, I have epilepsy seizure"
  /\b(before|ago),? (one|two|three|four|five|six|seven|eight|nine|ten|\d+|a few|few|many|several) (years?|yrs)\b/,
  /\bfor (years|decades|most of my life|as long as)\b/,
  // "heart attacks run in my family", "a family history of stroke": the family's, not an event now.
  /\b(runs?|running|ran) in (my|the|our|his|her|their) family\b|\bfamily history\b/,
  // "swears acupuncture cured his gout, his heart attack…": what was cured is over.
  /\b(cured|healed) (his|her|my|their|our)\b/,
];
/** "for a year", "for about two months": how long something has lasted. */
const FOR_A_SPELL = /\bfor (a|one|two|three|four|five|six|\d+|over a|more than a|about a|nearly a|almost a) (year|years|month|months)\b/;
/** "6 months after covid", "two years since the accident". */
// ("still breathless months after covid": months, however many)
const MONTHS_AFTER =
  /\b((\d+|a few|few|several|many|two|three|four|five|six|seven|eight|nine|ten|twelve) (months?|years?)|months|years) (after|since|post)\b/;

const DISTANT = [
  ...LONG_AGO,
  /\b(years?|yrs?|decades?|months?|ages) (ago|back|before)\b/,
  // "18 months of brain fog and breathlessness", "nerve pain … hasn't gone away months later": a standing complaint.
  /\b(\d+|a few|few|several|many|a couple of|couple of|two|three|four|five|six|eight|ten|twelve|eighteen) (months?|years?) (of|later|on|now)\b/,
  /\bfor (years|months|ages|decades|a long time|most of my life|as long as i can remember)\b/,
  // ("my asthma's been rubbish all winter, the puffers are barely touching it": a season of it, a standing complaint)
  /\b(all|the whole|the entire|most of the|since the start of) (winter|summer|autumn|fall|spring|year|season)( long)?\b/,
  // ("my dad's had asthma his whole life, it's fine, he has a puffer": a lifelong condition, not a sign now)
  /\b((his|her|my|their|your|our) (whole|entire) life|all (his|her|my|their|your|our) life|since (he|she|i|they) (was|were) (a )?(kid|child|little|baby|boy|girl|toddler|teenager)|since birth|from birth|lifelong|life long)\b/,
  // ("had to sit down for a while": how long a rest lasted, not when)
  /(?<!\b(sit|sat|sitting|lie|lay|lying|rest|rested|resting|wait|waited|waiting|stay|stayed|down|there|outside|car|recover|recovered) )\bfor a while\b/,
  // "long covid for a year, breathless", "6 months after covid", "hasn't gone away months later": a standing complaint.
  FOR_A_SPELL,
  MONTHS_AFTER,
  /\b(months|years) later\b/,
  // "nerve pain across my ribs, it's been over a year": how long a complaint has gone on.
  /\b(it is|its|has) been (over |more than |about |nearly |almost |around |like |well over )?(a|one|two|three|four|five|six|\d+|a couple of|a few|several) (years?|months?)\b/,
  // "ever since I had covid I've had long covid fatigue and breathlessness": a standing complaint since an illness.
  /\bever since (i|he|she|we|they) (had|got|caught)\b|\blong covid\b/,
  // ("chills on and off all day": today, not a standing complaint)
  // ("seizures on and off for 10 mins and she's not waking up in between": minutes or hours of it, now)
  /\b(chronic|chronically|on and off(?! (all day|today|since|this|tonight|overnight|all night|for (the (last|past) )?(\d+|a few|a couple of|few|couple of|ten|five|twenty|thirty|fifteen|an|half an) ?(mins?|minutes?|hours?|hrs?)))|from time to time|now and then|every now and then)\b/,
  // ("she faint in acupuncture one time": once)
  /\b(?<!\b(at|vomited|vomit|vomits|been sick|thrown up|threw up|throw up|chucked up|chucked|puked|spewed|spew|coughed|sneezed|only|just|more than|at least|at most) )one time\b(?! (a|per|every|each|only))/,
  // ("she's vomited once": one time, not once upon a time)
  /\b(?<!\b(at|vomited|vomit|been sick|thrown up|threw up|chucked up|chucked|puked|spewed|coughed|sneezed|only|just|more than|at least|at most) )once\b/,
  /\b(gp|doctor|dr|physio|specialist|neurologist|cardiologist|surgeon) (says|said|thinks|reckons|diagnosed|told me|confirmed)\b/,
  /\b(diagnosed|diagnosis)\b/,
  /\bwhen (i am|i get|i feel|i|im) (anxious|stressed|nervous|worked up|upset|panicky|worried|scared|angry|tired|cold)\b/,
  /\bat (age|the age of)\b/,
  // "had a heart attack at 50": an age, not a time of day; told of an event that happened ("surely I'm too young for a
  // heart attack at 41" is no date).
  // ("surely not a heart thing at 52" is no date either)
  /(?<!\b(too young|too old|surely not|surely|cant be|can not be|not a)\b.{0,30})\bat \d\d\b(?! ?(am|pm|mins?|minutes|percent|kg|kph|km|o ?clock))/,
  /\blast (year|month|summer|winter|spring|autumn|christmas)\b/,
  /\b(in|since|back in|around) (19|20)\d\d\b/,
  // ("passed out at her vaccine in march": a month named is months ago; "in may" is not "may be")
  /\b(in|last|back in|during|early|late|mid) (january|february|march|april|june|july|august|september|october|november|december|may(?! (be|have|not|need|want|feel|get|cause|help)\b))\b/,
  /\b(19|20)\d\d\b/,
  /\bas a (child|kid|teen|teenager|baby)\b/,
  /\bwhen (i|he|she|they) (was|were) (young|little|a|small|younger|in)\b/,
  /\b(history|hx) of\b/,
  /\bin the past\b/,
  // "the past fifteen minutes" is now.
  /\b(previous|previously|prior|(?<!\b(gone|went|going|go|goes|spread|spreading|spreads|moved|moving|grown|growing|got|getting|way|right|just|further|well|out) )past(?! (few |couple of |couple |\w+ )?(minutes?|mins?|hours?|hrs?|hour|half hour|seconds?|while|days?|nights?|day or two|week)|( the| my| his| her| that| this)? (line|mark|marks|edge|pen|elbow|knee|wrist|ankle|shoulder|it))|former|formerly)\b/,
  /\bused to\b/,
  /\b(a )?(long )?(?<!\b(short|little|wee|small|tiny) )(time|while) (ago|back)\b/,
  /\b(recovered|recovering|recovery|survived|survivor|rehab|(?<!\bnot )(improving|on the mend|getting better every)|(gp|doctor|dr|neurologist|specialist|hospital) (is|are) (across|on top of|managing|aware of) it)\b/,
  /\b(now|since then|these days) ((i am|im|he is|hes|she is|shes|they are|i feel|all) )?(good|fine|ok|okay|better|well|stable|recovered|healthy|all good|back to normal|no problem|no problems|no issues|no trouble)\b/,
  // "felt a bit faint for a minute but it passed": over.
  /\b(but )?(it|that) (passed|went away|settled|settled down|resolved|wore off)\b/,
  /\bthe (year|month) before\b/,
  /\bafter (his|her|my|their) (stroke|heart attack|attack|surgery|bypass)\b/,
  /\b(once|twice) before\b/,
  // ("his last seizure was at Christmas", "my last attack was back in the winter": the last one, dated, is over; not
  // "my last fit was an hour ago" or "…was this morning")
  /\b(last|most recent|latest) (\w+ )?(one|seizure|seizures|fit|attack|episode|turn|bleed|stroke|reaction|flare|flare up|blackout|faint) (was|were|happened) (at|in|on|around|back in|over|during|before|last)\b(?! (the |)(last|past) (few |couple of |)(minutes?|mins?|hours?|hrs?)\b)(?! (this|today|tonight|lunch|breakfast|dinner|school|work|\d+ ?(am|pm|mins?|minutes))\b)/,
];
/** Habits, counted only close to the sign ("my chest sometimes gets tight"): further away they describe something else. */
const HABITUAL = [
  // "I get anxious a lot, heart racing, tight chest": what anxiety does to the patient, often.
  /\bi get (really |very |quite |so |pretty )?(anxious|panicky|stressed|nervous|worked up|panic attacks|anxiety attacks|anxiety)( attacks)? (a lot|often|all the time|sometimes|regularly|every day|most days|heaps)\b/,
  // "anxious before job interviews, racing heart": what a known situation does to the patient, each time.
  /\b(before|during|ahead of|around) (my |job |big |important |school |uni |work |the )?(exams|interviews|presentations|meetings|flights|tests|speeches|performances|games|matches|races|deadlines|exam time|public speaking|dentist appointments)\b/,
  // "gets puffed walking to the car": how it usually goes.
  /\b(gets?|getting) (a bit |really |very |so |quite )?(puffed|breathless|winded|short of breath|out of breath|wheezy)\b/,
  // "my chest gets tight every time the weather changes": what a season or the weather does, each time.
  /\b(every time|whenever|each time|when|in) (the weather (changes|turns|gets cold)|it gets cold|it is cold|its cold|the cold|winter|cold weather|hay fever season|pollen season|spring)\b/,
  // "I bleed a lot whenever I cut myself": what always happens.
  /\b(whenever|every time|each time|when|if) (i|he|she|you) (cut|cuts|nick|nicks|graze|grazes|bump|bumps|knock|knocks|scratch|scratches)\b/,
  // ("taking my panadol way more often than I should" is how much, not a habit)
  /\b(sometimes|usually|often(?! than)|tend to|tends to|always|occasionally)\b/,
  // "my son wheezes a lot", "she faints when she stands": the present simple tells how someone is, not what is happening.
  /\b(wheezes|faints|blacks out|passes out|gets breathless|gets puffed|gets wheezy)\b/,
  // "has haemophilia and bleeds a lot from small cuts": how a bleeding condition shows, not a bleed now.
  /\b(bleeds|bleed) (a lot|easily|heaps|badly|for ages|like crazy|forever|longer|more than most|really easily|very easily) (from|when|if|with|after|whenever|off|because|since|as|due to|on|being on)\b/,
  /\bfrom (the )?(small|little|tiny|minor|the smallest|the tiniest|any) (cuts|cut|nicks|nick|scratches|scratch|grazes|graze)\b/,
  // "feeling really anxious with work, tight chest": what a lasting cause of stress does to the patient.
  // ("really anxious since my job changed, racing thoughts, tight chest")
  /\b(anxious|stressed|stressed out|anxiety|nervous|worried|wound up|on edge|burnt out|burned out) (with|from|about|over|because of|since) (work|uni|school|exams|study|studies|my (new )?job|the (new )?job|my boss|money|the kids|life|everything|the (move|divorce|separation|breakup|baby|restructure|redundancy)|my (divorce|separation|breakup|move|exams|promotion))\b/,
  // ("Racing thoughts, tight chest, can't switch off of an evening": the signs of worry told as a list, how anxiety shows)
  /\b(racing thoughts|racing mind|mind racing|mind will not stop|mind wont stop|can not switch off|cant switch off)\b/,
  // "stressed all the time, tight chest": what stress does to the patient, always.
  /\b(stressed|anxious|nervous|worried|tense|wound up|on edge|burnt out|burned out|burnout|panicky) (out )?(all the time|constantly|24 7|nonstop|non stop|every day|most days|a lot|heaps)\b/,
  // "my wife faints at the sight of needles": how she is, not what is happening.
  /\b(faints|faint|passes out|pass out|blacks out|goes funny|gets woozy|get woozy|gets dizzy|get dizzy|keels over) (at|with) the (sight|thought|mention) of\b/,
  // ("I'm terrified of big needles, I faint at blood tests": what blood tests, needles or the dentist do to someone, each time)
  // ("I've fainted at blood tests before": what they have done to someone, told as before)
  /\b(i|we|he|she|they|you) (have |has |had )?(always |usually |often |sometimes |tend to |normally |still |been known to |once |twice )?(faint|pass out|black out|go faint|get faint|feel faint|go woozy|get woozy|keel over|go white|fainted|passed out|blacked out|gone faint|felt faint|gone woozy|keeled over|gone white) (at|with|during|for|from|over|around|getting|having) (blood tests?|pathology|the dentist|dentists|needles|injections?|jabs?|vaccines?|vaccinations?|shots?|blood|the sight|hospitals?|doctors)\b/,
  /\bevery (few |couple of |other |second )?(days?|weeks?|months?|years?|nights?|mornings?)\b/,
  // "my wheezing gets worse every winter", "in the cold weather": a season's pattern.
  /\b(every|each|most|in|during|over) (the )?(winter|winters|summer|summers|spring|autumn|fall|hay fever season|pollen season|cold weather|cold months|colder months)\b/,
  /\b(most|some|many) (nights|days|mornings|evenings|weeks)\b/,
  /\b(once|twice|a few times|a couple of times|couple of times|few times|\d+ times) (a|per|every) (week|month|year|fortnight)\b/,
  /\beven on (meds|medication|my meds|my medication|tablets)\b/,
  // "half my face dropped last week and the hospital said…": a week or more ago, seen to, is history (next to the sign only, as habits are; never for a crisis, where 'most days' is now).
  /\b(last|the other) (week|fortnight|month)\b/,
  /\b(a|one|two|three|four|five|six|seven|eight|\d+|few|couple of|couple|several) (weeks?|fortnights?) ago\b/,
  // "my inhaler isn't doing much lately": how it has been, not what is happening now.
  /\b(lately|these days|of late)\b/,
  /\b(hospital|emergency department|ed|a and e|ambulance|paramedics) (said|says|told|thinks|reckons|diagnosed|confirmed)\b/,
  // A sign that comes with an activity, or from one, is a pattern the patient knows ("short of breath when I run",
  // "tight chest from the gym", "my face gets puffy in the morning"), not something happening out of the blue.
  // ("my chest gets tight whenever I exercise", "when I do my interval runs", "exercise-induced asthma")
  /\b(when|whenever|every time|everytime|each time) (i|he|she|they|we) (run|jog|exercise|train|work out|climb|walk up|go up|lift|swim|cycle|ride|play|sprint|go (for )?(a )?(run|jog|swim|ride)|do (my |a |some |any |the )?(\w+ )?(sport|sports|cardio|weights|runs|training|workout|workouts|exercise|sprints|intervals|laps|hills|hiit|crossfit|spin|bootcamp|pilates|yoga)( class| classes)?)\b/,
  /\b(exercise|exertion|exertional|sport|sports|activity|effort) induced\b/,
  /\bfrom (the |all the |all that |my |his |her |((a|one|two|three|four|five|six|a few|a couple of|\d+) )?(days?|weeks?|fortnights?|months?) of )?(gym|the gym|training|bench|benching|bench pressing|bench press|the bench press|chest day|push ups|pushups|lifting|working out|coughing|rowing|the rowing machine|exercise|the workout|sport|footy|running|sneezing|golf|tennis|climbing|surfing|swimming|boxing|pilates|yoga|weights|push ups)\b(?! (elbow|elbows)\b)/,
  /\b(after|from) (sleeping|slept|sleep) (awkwardly|wrong|badly|on (it|my side|the couch|the floor))\b/,
  // "bad acid reflux most nights, burning in my chest": the patient names the cause (not "after eating prawns").
  /\b(acid reflux|reflux|heartburn)\b/,
  /\b(gets|get) (a bit |really |quite |so |very )?\w+ (in the (morning|mornings|evening|evenings)|at night|after (meals|eating|exercise|training|running|rowing|the gym|gym|sport|swimming|cycling|lifting|weights|golf|tennis|a run|a workout|workouts|footy|netball|climbing))\b/,
];

/** Feelings about what might happen ("now I'm a bit spooked", "so now I'm nervous"): said with "now", no sign happening now. */
const UNEASY =
  'scared|nervous|nervy|worried|anxious|wary|terrified|afraid|paranoid|hesitant|freaked out|freaking out|petrified|spooked|rattled|uneasy|jittery|apprehensive|on edge|concerned|creeped out|put off|spiralling|spiraling|panicking|stressing|stressed|overthinking|obsessing|doom scrolling|doomscrolling|losing sleep';

/** Phrases that put it now: these beat a distant cue that is further from the sign. */
const RECENT = [
  // ("now I am fine" is recovery, not a sign happening now: RECOVERED below)
  // ("now I take medicine and no more seizure": how things are since, not a sign now)
  // ("I'm in a good place now", "doing really well now": recovered, told after what happened long ago)
  // ("all sorted now", "it's fine now": recovered since, not a sign now; "she's nervous now", "so now I'm scared": a feeling since)
  new RegExp(
    `\\b((?<!\\b(sorted|fine|good|better|well|great|(good|better|great|happy|happier|safe|safer|stable|healthy|healthier) place|ok|okay|settled|controlled|under control|recovered|healed|resolved|cleared up|nervous|worried|scared|anxious|wary|funny about needles|paranoid|hesitant|afraid|terrified) )now(?! ((i am|im|he is|hes|she is|shes|they are|i feel|all|is|its|it is|everything is|everythings|all is) )?(good|fine|ok|okay|better|well|stable|recovered|healthy|all good|back to normal|no problem|no problems|no issues|no trouble))(?! ((i|he|she) )?(take|takes|taking|am on|is on|on|have) (medicine|medication|meds|tablets|pills|treatment))(?! no more| no (seizures?|fits?|attacks?|episodes?|problems?|issues?|trouble|bleeds?|reactions?))(?! ((i am|im|i m|i feel|i get|he is|hes|she is|shes|we are|they are|i am a|im a) )?(a |a bit |bit |a little |a little bit |a tiny bit |tiny bit |a wee bit |a touch |a teeny bit |somewhat |little |quite |really |so |kinda |kind of |pretty |super |very |understandably |a tad |slightly )?(${UNEASY}|funny about|cautious|worrier|nervous wreck)\\b)|right now|today|tonight|currently|atm|(?<!\\b(never|not|no|not once) )again(?! (after|since|after that|since then))|anymore|any more)\\b`,
  ),
  // "just fainted", not "my pec is just sore" (only sore) or "passed out just watching a video" (only watching).
  /\bjust\b(?! (a|an|the|some|sore|tight|stiff|achy|aching|bruised|tender|tense|mild|general|normal|curious|wondering|checking|asking|want|wanted|wanting|need|needed|get|gets|getting|a bit|a little|my|our|regular|ordinary|the usual|being|in case|(watching|looking|reading|walking|sitting|standing|lying|laying|doing|talking|hearing|seeing|listening|scrolling|waiting|getting up|bending|climbing|typing|driving to)\b))/,
  /\b(this|tonight|today) (morning|afternoon|evening|arvo|week)\b/,
  // ("while I've been typing this he's said his chest feels like it's being crushed": as the message is written)
  /\b(while|as|whilst) (i|im|i am|i have been|ive been|i was|we|we are|were) (typing|writing|texting|messaging|sending|filling in|doing) (this|these|it|the)?\b|\bas i (type|write|text|speak)\b/,
  // "found fresh cuts on my son's arms": marks said to be fresh are recent, whoever found them.
  /\b(fresh|new|raw) (cut|cuts|burn|burns|mark|marks|scratch|scratches|lines|wound|wounds|slash|slashes)\b/,
  // "red and hot and gets bigger every day": getting worse, so now (not a habit).
  /\b(bigger|worse|larger|redder|wider|angrier|more swollen|further|higher) (and (bigger|worse|larger|redder|wider|angrier) )?(every|each|by the) (day|hour|minute)\b/,

  // ("felt faint for a minute" is how long it lasted, not when; "fainted the second he saw the needles" is what set it
  // off, not when: someone else's, so as not to blunt "I fainted the second I stood up")
  /(?<!\bfor (a |an |one |two |a few |few |a couple of |\d+ )?)\b(minutes?|mins?|hours?|hrs?|an hour|(?<!\b(my|his|her|our|their) )seconds?(?! (he|she|they|we|you|it) ))( ago)?\b/,
  // ("kept in hospital overnight", "stayed overnight": how long a stay was, not when)
  /\b(yesterday|last night|(?<!\b(hospital|ward|ed|icu|emergency|kept|stayed|stay|admitted) )overnight|earlier)\b/,
  // "since lunch there's a crushing feeling": since a time today.
  /\bsince (lunch|lunchtime|breakfast|brekkie|dinner|tea|morning tea|i woke up|waking up|i got up|\d+ ?(am|pm|oclock))\b/,
  // "been bleeding … for ages, dripping on the floor": still going now, however long.
  /\b(been|still|keeps|kept|is|are|am|im) (bleeding|oozing|dripping|pouring|gushing|fitting|seizing|vomiting|throwing up|gasping|choking)\b/,
  // ("passed out getting a tattoo": an occasion, not "getting worse")
  // ("how do you keep it sterile": the clinic's doing, asked; not something going on)
  /\b((?<!\b(you|u|ya|yous|they|clinics?|do you|does it|to) )keep|keeps|kept|keeping|getting(?! (a|an|his|her|my|their|your) (?!bit\b|lot\b|little\b|few\b|tiny\b)| (blood|bloods|vaccinated|jabbed|pierced|inked|stitches)\b)|started|starting|ongoing|happening|going on|at the moment|moment)\b/,
  /\b(is|are|its|it is|feeling is|feelings are|thoughts are|urges are|they are) back\b/,
  // "I am experiencing…", "as I'm typing this he says…": happening while the patient writes.
  /\b(i am|am|is|are) experiencing\b/,
  /\b(as|while) (i am|i|we are) (typing|writing|texting|messaging)\b/,
  // ("can't stop worrying about deadlines" is a habit of mind, not a sign that will not stop)
  /\b(will not|wont|can not|cannot) stop\b(?! (worrying|thinking|overthinking|stressing|panicking|dwelling|ruminating|obsessing)\b)/,
  // "it's been going for ages" of a seizure is how long it has lasted so far.
  /\b(been|still|keeps|kept) going\b/,
];

/**
 * "fainted ages ago and she's still not waking up": whatever happened, its state is here now ("still … not" with a state:
 * "we still haven't let him live it down" is not one).
 */
// ("passed out in the kitchen and is not waking up": the same, without "still"; "collapsed and is unresponsive")
// ("one seizure then another without coming round in between": not come round yet)
const STILL_NOW =
  /\b(is|are|s|still|now|remains|has been) (\w+ )?(unresponsive|unconscious|out cold|not breathing|floppy|limp|turning blue|gone blue)\b|\bwithout (\w+ )?(waking|coming round|coming around|coming to|regaining consciousness)\b|\bstill (\w+ ){0,2}(not|aint|isnt|is not|hasnt|has not|wont|will not|cant|can not) (\w+ )?(gone( away| off| down)?|go( away| off| down)|went( away| off)|eas\w*|settl\w*|let up|died down|calmed down|subsid\w*|wak\w*|woken|awake|respond\w*|breath\w*|right|himself|herself|themselves|myself|making sense|mak\w* sense|talk\w*|speak\w*|mov\w*|conscious|well|better|stop\w*|answer\w*|com\w* (round|around|to)|open\w*|able|feel\w*|back|normal|with (it|us|me|them|you)|here|there|present|coherent|stay\w*|keep\w*|ok|okay|clot\w*|lift\w*|grip\w*|see\w*|stand\w*|walk\w*|us\w*|hold\w*|swallow\w*|get\w* up|sit\w* up|focus\w*|recogni\w*|know\w*|react\w*|make sense)\b|\bstill (\w+ ){0,2}(unconscious|out of it|unresponsive|mumbling|confused|groggy|drowsy|fitting|shaking|jerking|bleeding|blue|grey|gray|pale|floppy|limp)\b|\b(not|isnt|wont|will not|cant|can not|hasnt|has not|havent|have not) (\w+ )?(waking|woken|wake|responding|respond|breathing|come round|coming round|come to|coming to|answering|opening (his|her|their) eyes)\b/;

/**
 * What cannot be left over from an event years ago ("had a stroke 5 years ago and still can't talk well" is what is left
 * of it; "still not waking up" or "still bleeding" is happening now, however long ago it began).
 */
const STILL_NOW_HOWEVER_LONG =
  /\b(unresponsive|unconscious|out cold|not breathing|floppy|limp|blue|without|wak\w*|woken|awake|respond\w*|breath\w*|conscious|com\w* (round|around|to)|answer\w*|open\w*|stop\w*|clot\w*|fitting|shaking|jerking|bleeding|out of it)\b/;

/** A session as the time of a sign: recent for a sign now ("since the session I…"), but not against a past verb. */
const SESSION = [
  /\b(since|after|from|during|following) (the|my|this|that|today|todays|yesterdays|last|her|his|our|your)? ?(session|sessions|treatment|appointment|needling|needle|needles|acupuncture|visit|appt)\b/,
  /\b(since|after) (i|we|he|she) (had|got|left|came)\b/,
];

/** Past tense right before a sign ("had a", "was having"). */
const PAST_VERB = new Set([
  'had',
  'was',
  'were',
  'did',
  'suffered',
  'survived',
  'recovered',
  'diagnosed',
  'experienced',
  'once',
  'gave',
  'caused',
  'ended',
]);
const PAST_FORM = /^(fainted|collapsed|overdosed|passed|blacked|fitted|seized|convulsed|bled|cut|hurt|tried)$/;
const NOT_PAST = new Set<string>();

/** Cues that an event was long ago (for crisis signs, where "last month" is still recent enough to matter). */
export function longAgo(joined: string): boolean {
  return LONG_AGO.some((re) => re.test(joined));
}

/** Someone other than the writer: a relative, friend, or he/she/they. */
const OTHER = new Set(
  'mum mom mother mam mummy mommy dad father daddy husband wife partner son daughter child children kid kids baby babies bub toddler brother sister friend mate nan nana grandma grandmother grandpa grandfather granddad grandad grandson granddaughter boyfriend girlfriend fiance fiancee colleague coworker neighbour neighbor uncle aunt auntie cousin flatmate housemate roommate patient client nephew niece teenager teen he she they him his her their hes shes theyre someone somebody anyone person people parent parents family boss hubby twin twins gran granny nanna pop poppy stepdad stepmum stepmom stepfather stepmother stepson stepdaughter bestie bff grandkid grandkids grandchild husbands wifes aunty aunties uncles cousins apprentice apprentices workmate workmates employee employees student students teammate teammates customer customers offsider missus pt pts resident residents'.split(
    ' ',
  ),
);
const SELF = new Set(['i', 'me', 'myself', 'im', 'ive', 'id', 'ill']);
/** Person words that, after "a", "the" or "any", mean anyone at all. */
const ANYONE = new Set(['person', 'people', 'patient', 'client', 'someone', 'somebody', 'anyone', 'parent', 'parents', 'family']);
const KIN_AFTER_MY = OTHER;
/** Words after "pop" that make it the verb ("pop a lung", "pop it in"), not a grandfather ("my pop has chest pain"). */
const POP_AS_VERB = new Set([
  'a',
  'an',
  'the',
  'my',
  'his',
  'her',
  'your',
  'their',
  'it',
  'them',
  'one',
  'out',
  'in',
  'up',
  'off',
  'over',
  'back',
  'into',
  'down',
]);

/** Cues that make a mention a question about risk, or a possibility ("what if", "can needling cause"). */
// ("do the needles help with breathing problems?", "could dry needling settle the shaking?", "can acupuncture bring it down?")
const CAN_HELP =
  /\b(can|could|does|do|will|would|might|may|is|are) (dry needling|acupuncture|needling|needles|the needles|the needling|your needles|these needles|acu|dn|either|either one|either of them|it|this|treatment|the treatment|your treatment|your treatments|you|a session|sessions) (ever |really |actually |also |even |maybe |possibly )?(help|helps|work|treat|fix|relieve|ease|improve|be used|used for|good for|any good)\b|\b(can|could|does|do|will|would|might|may) (dry needling|acupuncture|needling|the needles|the needling|your needles|acu|dn|either of them|the treatment|your treatment|your treatments) (ever |really |actually |also |even |maybe |possibly )?(settle|reduce|lower|cure|clear|get rid of|bring (it|them|that|this) down|bring down|do anything for|do something for|do much for|benefit)\b/;
const HYPOTHETICAL = [
  /\b(if|whether|unless|incase)\b/,
  /\bin case\b/,
  // "should anything go wrong during my treatment, such as chest pain": what might happen, asked about.
  // ("were I to become short of breath after needling": the same case put in the subjunctive)
  // ("were a needle to puncture a lung": the subjunctive with any subject)
  /\bwere (a|an|the|any|one|some|my|his|her|your|their|our) (\w+ ){0,3}(ever )?to \w+/,
  /\b(should|were) (anything|something|it|i|he|she|a patient|the patient|a client|someone|somebody|anyone|a person|my (son|daughter|child|kid|partner|husband|wife)) (ever )?(to )?(go|goes|happen|happens|start|get|feel|have|experience|suffer|develop|show|react|become|be|begin|faint|pass out|black out|collapse|bleed|fit|seize|stop)\b/,
  // ("what if my son wriggles while the needles are in, could one break?": a needle breaking, asked about)
  /\b(can|could|would|might|may|will|do|does) (one|a needle|the needle|a pin|the pin|one of them|one of the needles|any of them|they|them|it) (ever |actually |possibly )?(break|snap|bend|come off|get stuck|break off|snap off|go in too far)\b/,
  // "what procedures are in place should a patient have a seizure": the clinic's plans, asked about.
  /\bwhat (procedures|protocols|plans?|steps|measures|policies)\b/,
  // "say I had a fit on the table", "suppose I went home and got short of breath": a case put, not told.
  /(^|\b(so|but|ok|okay|and|just|lets|let us|like) )(say|suppose|supposing|imagine)( that)? (i|he|she|we|you|someone|somebody|my|a|the)\b/,
  // ("worst case I'm such a sook with needles I faint dead away on the table": the worst that could happen, put)
  /\b(supposing|hypothetically|theoretically|for arguments sake|worst case|worst case scenario)\b/,
  // ("if I take blood thinner medicine, maybe I bleed too much from needle?": a what-if in ESL)
  /\bmaybe (i|he|she|we|they|you) (will |would |could |might |can )?(bleed|faint|pass out|black out|get|have|react|go)\b/,
  // ("He can do acupuncture or he bleed too much?": whether the treatment may be had, or the sign would follow, in ESL)
  /\b(can|could|may|should|is it ok|is it safe)\b.{0,40}\b(acupuncture|dry needling|needling|needles|acu|dn|treatment|a session)\b.{0,12}\bor (will |would |might |could |maybe |does |do )?(i|he|she|we|they|you|it)\b/,
  // "my wife's worried she might bleed a lot": a worry about what could happen.
  /\b(worried|worry|worries|scared|afraid|nervous|concerned|terrified|paranoid) (that )?(i|he|she|they|we|you|it) (might|may|could|will|would)\b/,
  // "worried that a needle near his neck could give him a stroke"
  /\b(worried|worry|worries|scared|afraid|nervous|concerned|terrified|paranoid) (that )?(a|the|an|some|my|his|her) (\w+ ){1,4}(might|may|could|will|would|can)\b/,
  // "is it true people have had collapsed lungs from dry needling?": hearsay about other people.
  /\b(is it true|true that|people have had|patients have had|anyone (has|have) had|someone (has|had) had)\b/,
  // "in the unlikely event of an allergic reaction", "could a needle in the upper back ever puncture a lung?"
  /\b(in the|in an|in any) (unlikely |rare |off )?(event|case|chance)( of| that)?\b/,
  /\b(can|could|does|do|did|will|would|might|may|is) (dry needling|acupuncture|needling|needles|a needle|the needle|the needles|it|this|that|treatment|the treatment|a session|sessions|you|someone|people|anyone|patients?|i|he|she|we|they) (ever )?(cause|causes|give|lead|trigger|bring|result|make|increase|risk|puncture|collapse|hit|get|have|end up|go|break|snap|affect|damage|harm|hurt|injure|pierce|reach|touch|pop|nick|deflate|perforate|burst)\b/,
  /\b(can|could|does|do|will|would|might|may) (dry needling|acupuncture|needling|needles|it|this|treatment|the treatment|you|a session|sessions) (help|helps|work|treat|fix|relieve|ease|improve|be used)\b/,
  // ("had her first dry needling for her ankle" is a session that happened)
  // ("since my dry needling for my upper traps" is the time of a sign)
  // ("came home from his sports physio dry needling with a needle still in": a session that happened, at a physio's)
  /(?<!\b(had|got|did|having|after|from|since|during|following) (some |my |an |a |the |her |his |their |that |this )?((first|second|third|last|latest|1st|2nd) )?((sports )?(physio|physios|physiotherapist|clinic|practitioner|myotherapist|chiro|osteo) )?)(?<!\bdry )\b(acupuncture|dry needling|needling) (for|with|help|helps|helped|treat|treats)\b/,
  /\b(acupuncture|dry needling|needling|needles|the needles?|a needle|it) (can|could|might|may|will) (cause|give|make|trigger|lead to|result in)\b/,
  // "can the needle make people faint?": what it does to anyone, asked.
  // "people can faint", "some people sometimes bleed a lot": what happens to anyone, said in general.
  /\b(people|someone|somebody|patients|anyone|a person|some people|some patients|you) (can|could|may|might|sometimes|occasionally|often) (sometimes |occasionally |even )?(pass out|faint|black out|bleed|react|collapse|have a reaction|get an infection|feel faint|feel dizzy|go into|have (seizures|a seizure|fits|a fit|strokes|a stroke|reactions|an allergic reaction))\b/,
  // "I think I will faint just from looking": a prediction, not a faint.
  /\b(i|he|she|we) (think|reckon|bet|guess) (i|he|she|we) (will|would|ll)\b/,
  // "websites have all the warnings about chest pain": what is written about a sign, in general.
  /\b(warnings?|warned|articles?|websites?|leaflets?|posts?|information|info) (about|on|re|regarding)\b/,
  // ("the aftercare sheet says to watch for shortness of breath", "your booking form keeps asking me about chest pain"):
  // a sign to look out for, or asked about on a form, not one happening
  /\b(watch|watching|look|looking|keep an eye|keeping an eye|check|checking) (out )?for\b/,
  /\b(ask|asks|asking|asked|question|questions|questionnaire|form|forms|box|boxes|tick|ticks|ticked|ticking) (me |you |us |people |patients |everyone )?(about|for|re|regarding)\b/,
  /\b(make|makes|made|making) (people|someone|somebody|patients|anyone|you|a person|some people) (faint|pass out|black out|dizzy|bleed|collapse|light headed|lightheaded)\b/,
  /\b(risk|risks|chance|chances|possible|possibility|likely|likelihood|common|rare|side effects?|complications?|dangers?|dangerous|contraindications?|contraindicated)\b/,
  /\b(worried|worry|worrying|afraid|scared|nervous|nervy|wary|jittery|apprehensive|uneasy|concerned|fear|frightened|anxious|paranoid|phobia|spiralling|spiraling|panicking|stressing|overthinking|obsessing|freaking out|freaked out) (about|of|over)\b/,
  /\b(said|says|told me) (that )?(acupuncture|dry needling|needling|needles|it) (can|could|might|may|gave|causes|caused|made)\b/,
  // ("my mate said u can puncture a lung with dry needling??": what can happen to anyone, heard)
  /\b(said|says|told me|tells me|reckons|reckon) (that )?(you|u|ya|people|someone|somebody|anyone|patients|they) (can|could|might|may) (ever |even |actually |easily )?(get|have|puncture|collapse|bleed|faint|pass out|black out|die|end up|react|go into|catch|break|hit|damage|pierce|hurt|injure)\b/,
  /\b(sign|signs|symptom|symptoms|warning signs)( of)?\b/,
  // ("since my treatment for my sciatica on Tuesday my foot has felt numb": a treatment had, not asked about)
  /\b(good for|treat|treats|treating|(?<!\b(my|his|her|their|our|last|latest|first|recent|since|after|from|the) )treatment for|work for|works for|used for|recommended for|suitable for|ok for|okay for|safe for)\b/,
  /\b(prevent|prevents|avoid|reduce|reduces|protect)\b/,
  /\b(people|someone|somebody|patients|anyone|those|person) (with|who|on|taking)\b/,
  /\b(has|have|did|does) (anyone|anybody|someone|people|you|a patient) ever\b/,
  /\bever (happen|happens|happened)\b/,
  /\bwhat (happens|would happen|do you do|should you do)\b/,
  // ("I'm almost sure part of a needle is still in there" is what the patient thinks now)
  /\b(nearly|almost)\b(?! (sure|certain|positive|definitely|convinced))/,
  // "could I pass out?", "will he faint?": a question about what might happen.
  /\b(can|could|would|will|might|may|do|does) (i|he|she|we|they|you|someone|people|patients) (ever )?(pass out|faint|black out|bleed|react|go into|have a reaction|get an infection|have a heart attack|have a stroke|have a seizure|have a fit|(feel|get|go|be|become) (a bit |really |very |quite )?(dizzy|faint|light headed|lightheaded|woozy|sore|tired|bruised|emotional|sick|nauseous|queasy|achy))\b/,
];
/**
 * Hearsay: what was heard or read, what someone else reckons. It covers its own claim only: "the missus reckons I'm
 * talking rubbish and me face has gone lopsided" tells the face now, in a claim of its own (see {@link ownClaim}).
 */
// "(I) reckon the tip snapped off in me shoulder" is what the patient thinks now; "my mate reckons" is hearsay.
// ("reckons his heart is thumping": the one it happens to says so now, not hearsay; SEEN_ON_ME below; "the missus
// reckons I'm slurring": what someone hears in the writer now)
// ("…spiralling about the one where someone's lung got punctured from needling": a story read, told by "the one where")
const HEARSAY =
  /\b(heard|read|(people|they|some|mates?|everyone|folks|he|she|you|doctors|physios|others) reckon|reckons(?! (my|me|his|her|their) \w+ (is|are|feels|feel|keeps|keep|has|have|looks|look|seems|seem|s)\b| (i am|im|i was|i sound|i look|i seem|he is|she is|he feels|she feels|he felt|she felt|he was|she was|they are|they feel|they felt)\b)|reckoned|apparently(?! (i|im|i was|i had|i have|my))|supposedly|claims|claimed|swears|rumour|rumor|article|google|googled|horror stories|stories|(reading|googling|looking|watching|hearing) (up )?(about|on|into)|(reading|watching) (a |an |some |the |this |that )?(article|articles|story|stories|post|posts|video|videos|forum|forums|thread|threads)|the (one|story|case|video|post|article|thread) (where|about|in which|when) (someone|somebody|some|a|an|this|that|the|they|he|she))\b/;
/** Words inside a sign's match that say it was read or heard about, not felt. */
const READ_ABOUT = /\b(reading|read|heard|hearing|googling|googled|watching|watched) (up )?(about|on)\b/;
/** Where a new claim begins: "and" or "but", then who it is about ("and me face…", "but now my arm…"). */
const NEW_CLAIM = /^.*\b(and|but|plus) (now |also |then )?(my|me|his|her|their|our|i|im|he|she|they|its|it is)\b/;
/** The words of the claim a sign is told in: from the last "and my…" before it. */
function ownClaim(text: string): string {
  return text.replace(NEW_CLAIM, '$3');
}
/** "the missus reckons there's a needle still in my traps": what someone sees on the writer, now; not hearsay. */
// ("mrs reckons theres a bit of needle snapped off in there": in the writer's back, just told; "missus reckons there's
// still a pin in the back of me neck": a place on the writer's body)
const SEEN_ON_ME =
  /\breckons (that )?(there is|there are|theres) (\w+ ){1,6}(in|under|on|inside|sticking out of) ((the|a) (\w+ ){1,2}of )?(my|me|there)\b/;
/** "I'll faint just from looking", "pass out at the sight of it": a fear of what could happen, not a faint. */
const AT_THE_SIGHT =
  /\b(faint|pass out|passing out|keel over|black out|collapse)(( just)? (from|at|by)| just) (looking|the sight|seeing|the thought|thinking|watching)\b|\b(faint|pass out|keel over|black out|collapse) (when|if|once|as soon as) (i|he|she|they|we) (see|sees|saw|look at|looks at|think about|thinks about|watch|watches)\b/;
/** "the ones for blood tests make me faint", "injections always make her pass out": what needles do to someone, each time. */
const NEEDLES_MAKE_FAINT =
  /\b(blood tests?|pathology|blood test needles|needles|injections?|jabs?|vaccines?|vaccinations?|the dentist|blood|the ones for (blood tests?|pathology|injections?|vaccines?|jabs?)) (\w+ ){0,2}(always |usually |often |sometimes |normally )?(make|makes|made) (me|him|her|them) (faint|pass out|feel faint|go faint|black out|keel over|go woozy|feel woozy)$/;
/** "scared I'll faint", "worried he might pass out": a fear of what could happen, told before it has. */
// ("I swear I'll collapse on your table": a faint sworn to before a session, not one now)
const FEARED =
  /\b(scared|afraid|worried|nervous|terrified|frightened|petrified|paranoid|fear|fearing|worry|anxious|convinced|sure|certain|positive|swear|bet) (that )?(i|he|she|they|we|ill|ill just|id|hell|shell|theyll)( will| might| would| could| may)?( just)? (faint|pass out|black out|keel over|collapse|bleed|have a (reaction|seizure|fit|panic attack))\b/;
/** "im gonna pass out on the table when u find those knots": a faint foretold for a session to come, not one now. */
const FORETOLD_IN_SESSION =
  /\b(i am|im|i will|ill|i would|id|i might|he is|hes|she is|shes|he will|hell|she will|shell)( probably| totally| literally| definitely| so| just| likely)*( gonna| going to)?( probably| totally| literally| definitely| just)* (faint|pass out|black out|keel over|collapse|hit the floor)\b(?!.*\b(now|right now|already|since)\b).{0,40}\b(on (the|your|ur) (table|bed|couch|plinth)|when (you|u|they|she|he|the \w+) (find|finds|hit|hits|get|gets|put|puts|stick|sticks|press|presses|touch|touches|dig|digs|start|starts|needle|needles|go|goes) )/;
/**
 * "am I gonna pass out from the needles?", "is he going to bleed a lot during acupuncture": what the treatment might do,
 * asked about before it (not "am I going to pass out, the room is spinning", nor what began after a session).
 */
const IN_TREATMENT_ASKED =
  /\b(am i|is (he|she|my \w+)|are (we|they)|will i|will (he|she)) (ever )?(going to|gonna)? ?(\w+ ){1,4}(from|during|in|with|at|when|while) (the |my |a |his |her |their |your )?(first )?(needles?|needling|acupuncture|dry needling|session|treatment|appointment)\b/;
/** "is it going to hurt like a heart attack?": a comparison asked about, not a sign. */
const SIMILE_ASKED =
  /\b(is it going to|is it gonna|is the (needling|needle|treatment|session|acupuncture) going to|will it|would it|does it|do they|will they|will the needles?|does the needle|do the needles) (hurt|sting|be painful|feel) (more |less |anything )?like (a|an|getting|being)\b/;
/**
 * "and is it going to hurt?", "will the needles sting?": what a treatment will feel like, asked before it (not "it still
 * hurts since the session, is it going to hurt for long?": the clause tells it hurting now).
 */
// ("1) When was dry needling developed 2) Is it painful 3) What is the cost": a question numbered in a list)
const FEEL_ASKED =
  /^(?!.*\b(still|now|since|already|keeps?|kept)\b)(\d+ )?((and|but|so|also|plus|then|ok|okay|wondering|question|like|just|um|so like) )?(is it|will it|would it|will this|are they|will they|is the (needling|needle|treatment|session|acupuncture)|are the needles|will the needles?|does it|do they|does the needle|do the needles) (going to |gonna )?(really |actually |even |usually |very |too )?(hurt|sting|be sore|be painful|ache|bruise|painful|sore)\b/;
/** "Will I bruise after dry needling?", "am I going to be sore the next day?": an after-effect asked about before a session. */
const AFTER_EFFECT_ASKED =
  /^(?!.*\b(still|now|since|already|keeps?|kept)\b)((and|but|so|also|plus|then|ok|okay|just wondering) )?(will i|would i|am i going to|am i gonna|might i|could i|do people|does everyone|do most people|will he|will she|would he|would she|will my \w+) (usually |normally |likely |definitely |probably |still )?(bruise|bleed|be sore|be bruised|get bruises|get bruised|get a bruise|get sore|feel sore|ache|have bruises|have marks|get marks|be tired|feel tired|feel sick)\b/;
/** "is it bad if…", "is it normal that…": a worry about something happening now, not a hypothetical. */
// ("would it be bad if i like passed out during dry needling": a case put, in the past subjunctive; not "now")
const WORRY_NOW =
  /\b(is it|is this|is that|would it be|should i be) (bad|normal|ok|okay|serious|dangerous|worrying|fine|a problem|an emergency|concerning|a worry|worried|a bad sign|something to worry about) (if|that|when)\b(?<!\bwould it be \w+( \w+)*? if(?= (i|he|she|we|they|you) (like |just |ever |kind of |kinda )?(passed|fainted|blacked|collapsed|had|got|went|started|was|were)\b))/g;
/** Words that put a hypothetical back in the present ("what do you do when…? it's happening now"). */
const NOW_WORDS = 'right now|happening|at the moment|currently|as we speak|this minute';
/** "and now I've read about punctured lungs": now that it was read, not a sign now. */
// ("and now I'm nervous to book": a feeling about what was heard, not the sign now)
const NOW_READ = `(?! (i have |ive |i )?(read|heard|seen|googled|looked up|watched|been reading)| (i am |im |i feel |i get |i have got |i got )?(a bit |a little |a little bit |a tiny bit |tiny bit |a wee bit |a touch |a teeny bit |somewhat |slightly |quite |really |so |kind of |kinda |pretty )?(${UNEASY}|unsure|wondering|curious|confused|second guessing|having second thoughts|thinking about|thinking of|considering|looking into|keen on|interested in))`;
/** "she's fine now", "I'm in a good place now", "doing really well now": how someone is since, not a sign happening now. */
// ("I'm not having any problems now": none now)
const WELL_NOW =
  '(?<!\\b(fine|ok|okay|good|better|well|great|(good|better|great|happy|happier|safe|safer|stable|healthy|healthier) place|alright|healthy|sorted|recovered|all clear|back to normal|(no|any) (problems?|issues?|symptoms?|trouble)) )';
export const STRONG_NOW = new RegExp(`\\b(${WELL_NOW}now${NOW_READ}|${NOW_WORDS})\\b`);
/** STRONG_NOW without a "now" that ends a duration ("for about two months now" is how long, not "now"). */
export const NOW_NOT_DURATION = new RegExp(
  `\\b((?<!\\b(months|years|weeks|days|ages|yrs|mths|wks|while) )${WELL_NOW}now${NOW_READ}|${NOW_WORDS})\\b`,
);

/** What the writer saw or has ever seen ("I've ever seen", "i have seen", "i saw"), told after the thing seen. */
const SEEN_BY = /^((have|ve|had) )?(ever |just |once )?(seen|saw|witnessed|watched|dealt with)\b/;
/** Words after a sign that open when it is dated from, not who has it. */
const DATED_BY = new Set(['since', 'because']);
/** Someone else's mention: the nearest person word before the sign (or after it, when there is none before). */
export function isOther(words: string[], start: number, end: number): boolean {
  const person = (w: string, i: number): 'self' | 'other' | undefined => {
    // ("the most dramatic LOC I've ever seen, went down like a sack of spuds": the writer as the one who saw it, not the
    // subject; the person before that is)
    if (SELF.has(w) && SEEN_BY.test(words.slice(i + 1, i + 4).join(' '))) return undefined;
    if (SELF.has(w)) return 'self';
    if (w === 'my' || w === 'our') return KIN_AFTER_MY.has(words[i + 1] ?? '') ? 'other' : undefined;
    // "me apprentice", "me mum": "me" for "my" before a person.
    if (w === 'me' && KIN_AFTER_MY.has(words[i + 1] ?? '')) return 'other';
    // "dads had", "a friends grandfather": a possessive or plural of a person word is someone else too.
    const base = OTHER.has(w) ? w : w.length > 3 && w.endsWith('s') && OTHER.has(w.slice(0, -1)) ? w.slice(0, -1) : undefined;
    // ("can dry needling pop a lung?", "pop it back in": the verb, not a grandfather)
    if (base === 'pop' && POP_AS_VERB.has(words[i + 1] ?? '')) return undefined;
    if (base)
      // "a person", "the patient", "any client" are anyone (a question); "a friend", "the kids" are someone else.
      return words[i - 1] === 'my' || words[i - 1] === 'our' || !['a', 'the', 'any'].includes(words[i - 1] ?? '') || !ANYONE.has(base)
        ? 'other'
        : undefined;
    return undefined;
  };
  for (let i = start - 1; i >= 0; i--) {
    const p = person(words[i], i);
    if (p) return p === 'other';
  }
  for (let i = start; i < Math.min(words.length, end + 4); i++) {
    // ("been cutting again since grandma died": whom the time is dated by, not whose sign it is)
    if (i >= end && DATED_BY.has(words[i])) break;
    const p = person(words[i], i);
    if (p) return p === 'other';
  }
  return false;
}

/** "is fainting common?": a sign named in general, then how often it happens (not "is my arm meant to be this numb"). */
const RISK_VERB = new Set(['is', 'are', 'isnt', 'arent']);
const RISK_ASKED_AFTER =
  /^((a|an|very|really|that|so|pretty|quite|at all|ever) )?(common|normal|usual|rare|likely|typical|possible|expected|a risk|a side effect|a thing|a known|an issue|a problem|something that happens|(a|an) (common|normal|known|rare|usual|real|typical|possible|expected) (thing|side effect|reaction|risk|complication|issue|problem))\b/;
/** "is fainting common?", "is bleeding a normal side effect": how often a sign happens to anyone, asked. */
export function riskAsked(words: string[], start: number, end: number): boolean {
  return RISK_VERB.has(words[start - 1] ?? '') && RISK_ASKED_AFTER.test(words.slice(end, end + 6).join(' '));
}
export function isHypothetical(words: string[], start: number, end = start): boolean {
  const all = words.join(' ');
  const seenOnMe = SEEN_ON_ME.test(all);
  // Up to the end of the sign: "could dry needling ever puncture a lung" has its verb inside the sign.
  const upTo = (n: number) => {
    const text = words
      .slice(0, Math.max(start, Math.min(end, start + n)))
      .join(' ')
      .replace(WORRY_NOW, ' ');
    return seenOnMe ? text.replace(/\breckons\b/g, 'says') : text;
  };
  // "can dry needling help pain after surgery": a question about what a treatment can do, its verb a word further in.
  // "do you see stroke patients", "heart attack survivors": people with it, in general.
  if (PEOPLE_WITH.has(words[end] ?? '')) return true;
  // ("a bit paranoid after reading about broken needles": the sign's own words say it was read about)
  if (READ_ABOUT.test(words.slice(start, end).join(' '))) return true;
  return (
    HYPOTHETICAL.some((re) => re.test(upTo(2))) ||
    HEARSAY.test(ownClaim(upTo(2))) ||
    CAN_HELP.test(upTo(4)) ||
    CAUSE_ASKED.test(words.slice(0, start).join(' ')) ||
    EVER_DO.test(all) ||
    COULD_CAUSE.test(all) ||
    TOO_CLOSE.test(all) ||
    AT_THE_SIGHT.test(all) ||
    NEEDLES_MAKE_FAINT.test(words.slice(Math.max(0, start - 10), end).join(' ')) ||
    FEARED.test(all) ||
    FORETOLD_IN_SESSION.test(all) ||
    SIMILE_ASKED.test(all) ||
    IN_TREATMENT_ASKED.test(all) ||
    FEEL_ASKED.test(all) ||
    AFTER_EFFECT_ASKED.test(all)
  );
}

/** Will, would, could… in their written forms ("I'll" is "ill", "she'd" is "shed"). */
const WILL = '(will|ill|youll|hell|shell|theyll|well|would|id|youd|hed|shed|wed|theyd|could|might|gonna|going to)';
/**
 * "my lower back feels like there's a hot rope twisted through it", "feels like a rope round my ribs": a feeling likened
 * to a thing, a figure of speech; not "I feel like jumping off the bridge" or "feel like I might hang myself".
 */
export function likenedToAThing(words: string[], start: number): boolean {
  const at = words.slice(start, start + 9).join(' ');
  return /^(feel|feels|felt|feeling) like (there is |there are |theres |i have |ive got |i have got )?(a|an|some|someone|something|somebody)( \w+)? (rope|ropes|cable|wire|band|belt|cord|chain|bridge|ledge|cliff|noose|blade|knife|razor|knives|brick|rock|weight)\b/.test(
    at,
  );
}

/** "could give someone a stroke", "I'll give myself a stroke": a stroke or a fit as what something will cause, a figure of speech. */
// ("a needle near his neck could give him a stroke", "could acupuncture give me an infection": a risk asked about)
const FORETOLD_CAUSE = new RegExp(
  `(?<!\\b(needle|needles|needling|acupuncture|treatment|session|sessions|it|this|that)( \\w+){0,3} )\\b${WILL} (?!(needle|needles|needling|acupuncture|treatment|it|this|that|dry|the|a)\\b)(\\w+ )?give (\\w+ ){1,2}(a|an) (\\w+ ){0,3}\\w+$`,
);
/** "I'll have a fit", "she'll have a seizure": foretold, a figure of speech when a condition follows (CONDITION_AFTER). */
const FORETOLD_HAVE = new RegExp(`\\b${WILL} (\\w+ )?(have|having) (a|an) (\\w+ ){0,3}\\w+$`);
const CONDITION_AFTER = /^(if|when|whenever|once|the minute|the moment|as soon as|at the)\b/;
/** "I honestly thought I'd collapse by the third trip": what was expected, and did not happen. */
const THOUGHT_WOULD = new RegExp(
  `\\b(thought|reckoned|swore|was sure|were sure) (i|he|she|we|they)? ?(would|id|hed|shed|wed|theyd)( \\w+)? (\\w+ ){0,3}\\w+$`,
);

/** An event that cannot come "every time I try to touch my toes" or "by Friday": a figure of speech. */
const EVENT_SIGN =
  /\b(heart attack|heart attacks|stroke|strokes|seizure|seizures|fit|fits|collapse|collapsing|cardiac arrest|coronary|conniption|aneurysm)\b/;
// ("he reckons he's having a heart attack every time he groans getting off the couch": any doing, each time)
const EVERY_TIME_AFTER = /^(\w+ )?(every time|everytime|each time|whenever|every single time) (i|he|she|we|they|you|my \w+) \w+/;
const DAYS_AWAY_AFTER =
  /^(\w+ ){0,4}by (monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend|the end of (the|this) (week|month|term|year)|next week|christmas|easter)\b/;

/**
 * A stroke, a fit or a collapse foretold as a figure of speech, not told: "I'll give myself a stroke if I keep
 * fretting", "my to-do list could give someone a stroke", "I'll have a fit when I see the price", "my sister will have
 * a seizure if she finds out", "I thought I'd collapse by the third trip". "I think I'm going to have a seizure" (no
 * condition after it) stays a warning.
 */
export function foretold(words: string[], start: number, end: number): boolean {
  const upToSign = words.slice(Math.max(0, start - 12), end).join(' ');
  const after = words.slice(end, end + 8).join(' ');
  const event = EVENT_SIGN.test(words.slice(start, end).join(' '));
  return (
    // ("I basically have a heart attack every time I try to touch my toes", "about to collapse into a heap by Friday")
    (event && (EVERY_TIME_AFTER.test(after) || DAYS_AWAY_AFTER.test(after))) ||
    FORETOLD_CAUSE.test(upToSign) ||
    (FORETOLD_HAVE.test(upToSign) && CONDITION_AFTER.test(words.slice(end, end + 3).join(' '))) ||
    THOUGHT_WOULD.test(upToSign)
  );
}

/** "can you needle the shoulder blade area or is it too close to the lung?": a worry about a risk, asked. */
const TOO_CLOSE =
  /\b(too close to|is it safe (to needle )?(near|close to)|risky (near|close to)) (the|a|my|your)? ?(lung|lungs|heart|spine|spinal cord|nerve|nerves|artery)\b/;

/**
 * "could a needle in the upper back ever puncture a lung?", "needles near the chest can puncture a lung": what could
 * happen, asked or said in general, its verb inside the sign.
 */
/** "could acupuncture in the neck trigger a stroke?": what a treatment could cause, with words between. */
const COULD_CAUSE =
  /\b(can|could|does|do|will|would|might|may) (acupuncture|dry needling|needling|a needle|needles|the needles|it|a session|treatment) [^.?!]{0,40}\b(cause|trigger|give (you|me|someone)|bring on|lead to|result in|set off|puncture|pierce)\b|\b(acupuncture|dry needling|needling|a needle|needles|the needles|it)( (near|in|into|around|close to|at|on|between) (the |your |my |a |someones )?\w+( \w+)?)? (can|could|might|may|will|would|sometimes|occasionally) (ever |sometimes |occasionally |actually )?(cause|trigger|give (you|me|someone)|bring on|lead to|result in|set off|puncture|pierce|collapse|make (your|my|the|a|someones|his|her) (lung|lungs|heart))\b/;
/** "can stress cause seizures?", "what brings on a stroke": the sign asked about as what something causes, in general. */
const CAUSE_ASKED =
  /(\b(can|could|does|do|will|would|might|may) (\w+ ){1,4}(cause|causes|trigger|triggers|bring on|brings on|lead to|leads to|set off|sets off|result in)|\bwhat (causes|caused|triggers|brings on|leads to|sets off)|\b(cause|causes|trigger|triggers) (of|for))( (a|an|any|more))?$/;
const EVER_DO =
  /\b(can|could|does|do|will|would|might|may|has|have|did) [^.?!]{0,60}\bever (puncture|punctures|punctured|hit|hits|collapse|collapses|pierce|pierces|cause|causes|caused|break|breaks|broke|snap|snaps|snapped|damage|damages|reach|reaches|go through|goes through)\b/;

/** Words after a sign that make it a kind of person ("stroke patients"). */
const PEOPLE_WITH = new Set(['patients', 'patient', 'sufferers', 'sufferer', 'survivors', 'survivor', 'victims', 'clients', 'cases']);

export type When = 'now' | 'history' | 'past' | 'unknown';

/** Long enough ago that a sign "still" there is what is left of it ("last year", "eight months ago", "in 2019"). */
const LONG_BEFORE = new RegExp(
  [
    ...LONG_AGO.map((re) => re.source),
    '\\blast (year|month|summer|winter|spring|autumn|christmas)\\b',
    '\\b(\\d+|a few|few|several|many|a couple of|couple of|two|three|four|five|six|eight|ten|twelve) (months?|years?) (ago|back|of|later|on|now)\\b',
    '\\b(diagnosed|diagnosis)\\b',
    // ("Bell's palsy six weeks ago and half my face still droops": what is left of it, seen to)
    '\\b(\\d+|a few|few|several|two|three|four|five|six|seven|eight) weeks ago\\b',
    FOR_A_SPELL.source,
    MONTHS_AFTER.source,
  ].join('|'),
);

/**
 * Said to be long enough ago that a crisis told as history is not now: a date ("last year", "in 2019", "eight months
 * ago"), not an age ("at 83") and not how long something has lasted ("for 11 years", which can be why it is a crisis now).
 */
const CRISIS_LONG_AGO =
  /\blast year\b|\b(\d+|a few|few|several|many|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (months?|years?) ago\b/;
export function longBefore(joined: string): boolean {
  return longAgo(joined) || CRISIS_LONG_AGO.test(joined);
}

/** "on and off since breakfast, now constant": a recurring sign said to be here now, and nothing long ago ("used to"). */
const againNow = (joined: string) => STRONG_NOW.test(joined) && !LONG_AGO.some((re) => re.test(joined));

/** A time cue found in a run of words: where it is, and what kind. */
export interface TimeCue {
  first: number;
  /** One past its last word. */
  last: number;
  kind: 'recent' | 'still' | 'onset' | 'session' | 'distant' | 'habitual';
}

const GLOBAL = (res: RegExp[]) => res.map((re) => new RegExp(re.source, 'g'));
const CUE_SETS: Array<[RegExp[], TimeCue['kind']]> = [
  [GLOBAL(RECENT), 'recent'],
  // ("had pneumonia last winter and my ribs have been tight ever since": what is left of it, as "still" is)
  [[/\bstill\b/g, /\bever since\b/g], 'still'],
  // "suddenly" is how it began, now unless a time beside it says otherwise ("suddenly drooped last month")
  // ("two seizures back to back without waking up in between": going on now, unless long ago is said)
  [
    [
      /\b(suddenly|sudden|back to back|one after (another|the other)|in a row|without (waking|coming round|coming around|coming to|regaining|coming back|a break)|(has not|hasnt|have not|not) (woken|come round|come around|come to|regained|stopped))\b/g,
    ],
    'onset',
  ],
  [GLOBAL(SESSION), 'session'],
  [GLOBAL(DISTANT), 'distant'],
  [GLOBAL(HABITUAL), 'habitual'],
];

/** Every time cue in some words (found once per sentence, then used for each sign in it). */
export function timeCues(words: string[]): TimeCue[] {
  const joined = words.join(' ');
  const offsets = new Int32Array(words.length);
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    offsets[i] = at;
    at += words[i].length + 1;
  }
  const tokenAt = (char: number) => {
    let lo = 0;
    let hi = words.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (offsets[mid] <= char) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const cues: TimeCue[] = [];
  for (const [res, kind] of CUE_SETS) {
    for (const re of res) {
      re.lastIndex = 0;
      for (let m = re.exec(joined); m; m = re.exec(joined)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        cues.push({ first: tokenAt(m.index), last: tokenAt(m.index + m[0].length - 1) + 1, kind });
      }
    }
  }
  return cues;
}

/**
 * When, from time cues in the sentence: the cue nearest the sign wins (a recent one on a tie, to be safe);
 * habits count only close to the sign; a past verb just before the sign ("had a stroke", "fainted") makes it
 * history when the sentence says long ago, now when a recent cue is right next to it, and past otherwise;
 * a long-standing pattern in a sentence that also says now is past (happening again, so in doubt);
 * with no cue at all, unknown (taken as now).
 */
/** A past date weeks or more ago ("last month", "six weeks ago", "in 2019"), not a duration ("for years"). */
const DATED_PAST =
  /\b(last (week|fortnight|month|year|summer|winter|spring|autumn|christmas|easter)|(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|a few|few|couple of|a couple of|several) (weeks?|fortnights?|months?|years?) ago|in (19|20)\d\d|in (january|february|march|april|may|june|july|august|september|october|november|december))\b/;

/**
 * At the same distance a recent cue beats a distant one, to be safe; a distant one beats "suddenly" (how it began); a
 * recent one ("still going") beats the bare "still" inside it (which, far from a past verb, can read as long-standing).
 */
function beatsOnTie(kind: TimeCue['kind'], best: TimeCue['kind']): boolean {
  if (kind === 'distant') return best === 'onset';
  if (kind === 'still') return best !== 'recent';
  return !(kind === 'onset' && best === 'distant');
}

/** How many words lie between a cue and a sign's words (0 when they overlap). */
function cueDistance(c: TimeCue, start: number, end: number): number {
  return c.last <= start ? start - c.last : c.first >= end ? c.first - end : 0;
}

/** The cue that dates a sign (the nearest; habits only close to it), and whether a distant one is anywhere in the sentence. */
function nearestCue(
  start: number,
  end: number,
  cues: TimeCue[],
): { best?: { distance: number; kind: TimeCue['kind']; habit: boolean }; distantAnywhere: boolean } {
  let best: { distance: number; kind: TimeCue['kind']; habit: boolean } | undefined;
  let distantAnywhere = false;
  for (const c of cues) {
    const distance = cueDistance(c, start, end);
    if (c.kind === 'habitual' && distance > 3) continue;
    const kind = c.kind === 'habitual' ? 'distant' : c.kind;
    if (kind === 'distant') distantAnywhere = true;
    if (!best || distance < best.distance || (distance === best.distance && beatsOnTie(kind, best.kind)))
      best = { distance, kind, habit: c.kind === 'habitual' };
  }
  return { best, distantAnywhere };
}

/**
 * Whether a time of today ("this morning", "today", "last night") is nearer the sign than every cue of long ago (distant,
 * habitual); not a bare "now" ("for about a year now" is how long, not when).
 */
function recentNearerThanDistant(sentence: string[], start: number, end: number, cues: TimeCue[]): boolean {
  // (the whole message asked when, with no sign in it: no sign to be nearer to)
  if (start < 0) return false;
  const distance = (c: TimeCue) => cueDistance(c, start, end);
  const today = cues.filter((c) => c.kind === 'recent' && SINCE_TODAY.test(sentence.slice(c.first, c.last).join(' ')));
  const recent = Math.min(...today.map(distance));
  const distant = Math.min(...cues.filter((c) => c.kind === 'distant' || c.kind === 'habitual').map(distance));
  return Number.isFinite(recent) && recent < distant;
}

/**
 * "since the session this morning I get really puffed just walking to the car": a habit that began with a session
 * is new, not how things have long been (no date long ago in the sentence).
 */
function habitSinceSession(sentence: string[], best: { kind: TimeCue['kind']; habit: boolean } | undefined, cues: TimeCue[]): boolean {
  if (best?.habit !== true || cues.some((c) => c.kind === 'distant')) return false;
  return cues.some((c) => c.kind === 'session' || (c.kind === 'recent' && SINCE_TODAY.test(sentence.slice(c.first, c.last).join(' '))));
}
const SINCE_TODAY = /\b(today|tonight|this (morning|afternoon|arvo|evening)|yesterday|last night|since then)\b/;

/**
 * Whether the sentence dates a sign to today or tonight, however far from it ("tonight my husband says I had a
 * seizure"): a named event in the past tense is then not history.
 */
export function datedToday(sentence: string[], start: number, end: number, cues: TimeCue[]): boolean {
  const { best } = nearestCue(start, end, cues);
  // ("had a seizure at school last term, and now he's anxious": "now" is how things are, not when it happened)
  return best?.kind === 'recent' && cues.some((c) => c.kind === 'recent' && TODAY.test(sentence.slice(c.first, c.last).join(' ')));
}
const TODAY = /\b(today|tonight|this (morning|afternoon|arvo|evening))\b/;

/** "once" told at the end of what happened ("got an infection from it once", "once, so now…"), not "once I got home". */
const ONCE_OVER = /\b(once|one time)( before| or twice)?( (so|and|but|then|which)\b|$)/;

/** Whether what is said after a past sign is its state now (STILL_NOW); after an event long before, only a state that cannot last. */
function stillNow(sentence: string[], end: number): boolean {
  const after = STILL_NOW.exec(sentence.slice(end).join(' '));
  return !!after && (!LONG_BEFORE.test(sentence.join(' ')) || STILL_NOW_HOWEVER_LONG.test(after[0]));
}

/** "had dropped", "had gone": the past perfect inside a sign's words. */
function pastPerfect(sentence: string[], start: number, end: number): boolean {
  for (let i = Math.max(0, start); i + 1 < Math.min(end, sentence.length); i++)
    if (sentence[i] === 'had' && /(ed|gone|fallen)$/.test(sentence[i + 1])) return true;
  return false;
}

export function whenOf(sentence: string[], start: number, end: number, cues: TimeCue[] = timeCues(sentence)): When {
  const { best, distantAnywhere } = nearestCue(start, end, cues);
  // ("lowkey been cutting again since grandma died": going on again, up to now, whatever it dates from)
  if (goingOnAgain(sentence, start)) return 'now';
  // ("mum has a pacemaker since her heart attack": what dates something else, told as before it; not when a recent
  // cue is in the sentence, "ever since her heart attack this morning")
  if (sinceIt(sentence, start) && !cues.some((c) => c.kind === 'recent')) return 'history';
  if (habitSinceSession(sentence, best, cues)) return 'now';
  // ("Six weeks ago I woke up and one side of my face had dropped": the past perfect, dated weeks ago in the sentence,
  // and nothing else in it says when)
  if (!best && pastPerfect(sentence, start, end) && DATED_PAST.test(sentence.join(' '))) return 'history';
  if (leftBehindNow(sentence, start, end, best, cues)) return 'history';
  let past = false;
  for (let i = start - 1; i >= Math.max(0, start - 3); i--) if (PAST_VERB.has(sentence[i])) past = true;
  // ("I had an episode of chest pain in March": the past verb before "an episode of")
  if (!past && EPISODE_OF.test(sentence.slice(Math.max(0, start - 6), start).join(' '))) past = true;
  for (let i = Math.max(0, start); i < end && i < sentence.length; i++) if (PAST_FORM.test(sentence[i]) && !NOT_PAST.has(sentence[i])) past = true;
  if (past) {
    // "an infected cut in June that needed antibiotics, all healed now": told as over.
    if (HEALED.test(sentence.join(' '))) return 'history';
    if (best?.kind === 'onset' && best.distance <= 2 && (DATED_PAST.test(sentence.join(' ')) || longAgo(sentence.join(' ')))) return 'history';

    if ((best?.kind === 'recent' || best?.kind === 'still' || best?.kind === 'onset') && best.distance <= 2) return 'now';
    if (stillNow(sentence, end)) return 'now';
    // "well controlled for years, but tonight he says I had a seizure": the nearer recent cue dates it, not the years.
    if (distantAnywhere && best?.kind !== 'recent') return 'history';
    return 'past';
  }
  // "on and off since breakfast, now it's constant": a long-standing pattern that is happening now is not history.
  // "Bell's palsy last month, face still a bit droopy": still there from long ago, seen to: history, not new.
  // ("the needling last month helped heaps, and … this morning … a squeezing pain … that still hasn't gone away": a
  // time of today nearer the sign than the long-ago one dates the sign; the long-ago one dates something else)
  const todayNearer = recentNearerThanDistant(sentence, start, end, cues);
  if (best?.kind === 'still' && LONG_BEFORE.test(sentence.join(' ')) && !todayNearer) return 'history';
  // ("my mum had a stroke in March and her left side is still weak": what an event dated weeks or months ago left
  // behind, unless it is a state no one could have lived with since: "still can't breathe properly")
  if (best?.kind === 'still' && !todayNearer && DATED_PAST.test(sentence.join(' ')) && !STILL_NOW_HOWEVER_LONG.test(sentence.slice(start).join(' ')))
    return 'history';
  // ("my seizures are mostly controlled", "my well-controlled epilepsy"): a condition kept in check is no event now.
  if (CONTROLLED.test(sentence.slice(Math.max(0, start - 2), end + 5).join(' '))) return 'history';
  // "my mouth suddenly drooped on one side last month": a sudden onset dated weeks or more ago.
  if (best?.kind === 'onset' && DATED_PAST.test(sentence.join(' '))) return 'history';
  if (best?.kind === 'distant' && goingOnSince(sentence, start, cues)) return 'now';
  // "my sister got an infection after acupuncture overseas a few years ago": the session that dates the sign was itself
  // long ago, and nothing in the sentence says it is still going on.
  // ("got an infection from needling somewhere else last year": "last year" dates it as well as "years ago")
  // ("my sister's friend got an infection from acupuncture once, so now I'm scared": one time, over)
  if (
    best?.kind === 'session' &&
    distantAnywhere &&
    (longAgo(sentence.join(' ')) || LONG_BEFORE.test(sentence.join(' ')) || ONCE_OVER.test(sentence.join(' '))) &&
    !cues.some((c) => c.kind === 'recent' || c.kind === 'still')
  )
    return 'history';
  if (best) return best.kind === 'distant' ? (againNow(sentence.join(' ')) ? 'past' : 'history') : 'now';
  return 'unknown';
}

/** "been cutting again", "(have) been drinking again since …": a present perfect that runs up to now, said again. */
function goingOnAgain(sentence: string[], start: number): boolean {
  const at = sentence[start] === 'been' ? start : sentence[start - 1] === 'been' ? start - 1 : -1;
  if (at < 0 || sentence[at - 1] === 'had' || !(sentence[at + 1] ?? '').endsWith('ing')) return false;
  return sentence[at + 2] === 'again' || sentence[at + 3] === 'again';
}

/**
 * "My brother last year had a stroke, now he walk slow and his arm is weak": an event dated long before, and the "now"
 * straight after it opens what it left behind; no other time of today in the sentence.
 */
function leftBehindNow(sentence: string[], start: number, end: number, best: { kind: TimeCue['kind'] } | undefined, cues: TimeCue[]): boolean {
  const datedBefore = cues.some(
    (c) => c.kind === 'distant' && c.last <= start && DATED_PAST.test(sentence.slice(Math.max(0, c.first - 3), c.last).join(' ')),
  );
  if (best?.kind !== 'recent' || !datedBefore) return false;
  const recent = cues.filter((c) => c.kind === 'recent');
  return recent.length > 0 && recent.every((c) => sentence[c.first] === 'now' && c.first >= end && c.first - end <= 2);
}

/** "since her heart attack", "ever since my stroke": the sign named as what something else dates from. */
const SINCE_OWNERS = new Set(['my', 'his', 'her', 'their', 'our', 'the', 'mums', 'dads', 'your']);
function sinceIt(sentence: string[], start: number): boolean {
  return sentence[start - 2] === 'since' && SINCE_OWNERS.has(sentence[start - 1] ?? '') && NAMED_EVENT.test(sentence[start] ?? '');
}
/** The first word of an event named by its noun ("heart attack", "stroke"), not of a session ("since my upper back session"). */
const NAMED_EVENT =
  /^(heart|stroke|strokes|tia|seizure|seizures|fit|fits|collapse|overdose|od|anaphylaxis|anaphylactic|allergic|asthma|bleed|haemorrhage|hemorrhage|cardiac)$/;

/** A condition kept in check: "are mostly controlled", "well controlled", "under control", "stable on medication". */
const CONTROLLED =
  /\b((is|are|s|been|has been|have been|now|all|mostly|well|pretty|fairly|largely|usually|generally|quite|very|totally|completely) )+(controlled|under control|managed|in check|stable)\b|\b(well|mostly|fairly|largely) (controlled|managed)\b/;

/** "had an episode of", "suffered a bout of": what happened once, told in the past. */
const EPISODE_OF =
  /\b(had|experienced|suffered|got) (a|an|one|two|some|several|a few|a couple of) (\w+ )?(episode|episodes|bout|bouts|attack|attacks|spell|spells|incident|case) of$/;

/** A wound or an infection told as over ("all healed now", "cleared up with antibiotics"). */
const HEALED = /\b((all|fully|completely|totally) (healed|cleared up|cleared)|healed (up|fine|now|nicely|well)|cleared up (now|fine|nicely|with))\b/;

const IS = new Set(['is', 'are', 'am', 'its', 'im', 'shes', 'hes', 'theyre']);
const AND = new Set(['and', 'but', 'now', 'plus']);

/**
 * "my friend got a tattoo last week and it's oozing pus and she's running a temperature": a sign told as going on now
 * ("is …ing"), after the date of something else and an "and" (the date is when the tattoo was done, not the pus).
 */
function goingOnSince(sentence: string[], start: number, cues: TimeCue[]): boolean {
  const progressive =
    (IS.has(sentence[start - 1] ?? '') && sentence[start]?.endsWith('ing')) ||
    (IS.has(sentence[start - 2] ?? '') && (sentence[start - 1] ?? '').endsWith('ing'));
  if (!progressive) return false;
  const before = cues.filter((c) => c.kind === 'distant' || c.kind === 'habitual');
  return before.length > 0 && before.every((c) => c.last <= start && sentence.slice(c.last, start).some((w) => AND.has(w)));
}

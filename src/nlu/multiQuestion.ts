/**
 * Several questions in one message ("can dry needling help my back and how much is a session?"): splits the
 * message into its questions, in order, at sentence ends and at "and" / "also" / "plus" / "oh and" when a
 * question word follows. A message that is one question comes back as one part.
 */
const QUESTION_START =
  "(?:how|what|whats|what's|wat|wats|wot|when|where|who|why|which|can|could|do|does|did|is|are|am|will|would|should|any|have|has)";
/**
 * A question after "and": a question word, or an auxiliary ("and is it safe?", "and is carpal tunnel…?") unless what
 * follows it goes on telling ("plays rugby and is always getting banged up", "I am 78 and have had a bad back").
 */
// ("whats chi and r u open saturdays": "r u" as people text "are you"; "…, and you are open on the Saturday?" asked as a statement; "…invented n who uses it", "n wats chi": "n" for "and")
const ASKED_AFTER_AND =
  "(?:how|what|whats|what's|wat|wats|wot|when|where|who|why|which|any|r\\s+(?:u|you|ya)\\b|(?:you|u)\\s+(?:are\\s+|r\\s+|re\\s+)?(?:open|closed|available|working|free|accept|speak|offer|bulk\\s+bill)\\b|(?:can|could|do|does|did|is|are|am|will|would|should|have|has)\\b(?!\\s+(?:always|often|usually|sometimes|never|still|constantly|forever|getting|got|gotten|been|had|done|going|now|really|very|quite|so|pretty|just|also|worse|better|sore|painful|stiff|tight|swollen|killing|playing|starting|becoming|made|left|not|no|a bit|kind of|sort of)\\b))";
/**
 * Spoken fillers and asides between "and" and the next question ("…and um is there parking", "…and also just curious
 * where did it come from", "…and I was wondering how long it takes"): part of the joint, so the question after them
 * starts with its question word.
 */
const FILLERS_AFTER_AND =
  "(?:(?:um+|umm+|uh+|er+|erm+|ah+|like|oh|ok|okay|yeah|also|just|actually|btw|by the way|(?:just )?(?:out of )?(?:curious|curiosity|interest)|quick question|one more thing|another thing|while i(?:'|’)?m (?:here|at it|asking)|(?:i (?:was |am |m |'m |’m )?)?(?:also )?wondering|i (?:also )?(?:wanted|want|wanna|need|needed) to (?:ask|know)|can i (?:also )?ask|may i ask)[,:\\s]+){0,4}";
const SPLIT = new RegExp(
  // (", what about …" always asks anew: "I see you treat sciatica, what about bursitis in my hip")
  `\\s*(?:[?!.;]+\\s+|\\s[+&]\\s|,\\s*(?=(?:and\\s+)?(?:what|wat|wot|how)\\s+about\\s+(?!(?:her|him|them|me|it|that|this|those|these|you|us|either|both)\\b))|,?\\s+(?:and also|and|n|also|plus|oh and|but)\\s+${FILLERS_AFTER_AND}(?=(?:(?:roughly|approximately|about|exactly|just|then|so)\\s+)?${ASKED_AFTER_AND}))`,
  'i',
);

/** A word alone with a question mark, after a sentence ("… on the list? Osteoarthritis? …"). */
const LONE_WORD_ASKED = /(^|[.?!]\s+)([\p{L}'’-]+)\?(?=\s+\S)/gu;
const LAST_WORD_ASKED = /([?]\s+)([\p{L}'’-]+)\?\s*$/u;
/** Words alone that ask about nothing of their own ("Thanks?", "ok?", "dn?": the treatment the question is about). */
const NOT_A_THING =
  /^(thanks|thank|thx|ta|cheers|ok|okay|k|hi|hello|hey|yes|no|yep|yeah|nope|nah|sorry|please|great|cool|so|and|also|well|hmm|um|lol|haha|right|sure|anyway|anyways|really|seriously|why|how|what|when|who|where|which|dn|acu|acupuncture|needling|needles)$/i;

/** "1) … 2) …", "1. … 2. …" (a digit alone, so "the 1980s." is no item). */
const NUMBERED = /(?:^|\s+)\(?[1-9][).]\s+/;
/** "Three quick ones:", "Two questions -": up to five words and a colon before the questions. */
const LEAD_IN = /^\s*(?:[\p{L}\p{N}'’]+[,!]?\s+){0,4}[\p{L}\p{N}'’]+\s*:\s+/u;
/** What announces the questions: "ones", "questions", "things" and up to 40 more characters (a hyphen inside a word, no dash). */
const ANNOUNCED = `(?:ones|questions|qs|things|queries)\\b(?:[^:?.!\\-–—]|(?<=\\w)-(?=\\w)){0,40}`;
/** "Three quick ones from a busy mum of two:": a longer lead-in that announces the questions, before a colon. */
// ("Hi, two things - do you do fibromyalgia and …": a dash announces them too)
// ("Two questions from a confused 70-year-old: …": a hyphen inside a word is no dash)
const LEAD_IN_ANNOUNCED = new RegExp(`^\\s*(?:[\\p{L}\\p{N}'’]+,?\\s+){0,4}${ANNOUNCED}(?::|\\s[-–—]+)\\s+`, 'iu');
/** The same lead-in after a sentence that tells ("… for years. A few questions: …"). */
const LEAD_IN_ANNOUNCED_LATER = new RegExp(`([.!?]\\s+)(?:[\\p{L}\\p{N}'’]+\\s+){0,4}${ANNOUNCED}:\\s+`, 'giu');
/** "Couple of questions sorry", "a few quick ones", "two things": questions announced before they are asked. */
const ANNOUNCES_QUESTIONS =
  /^(ok |okay |so |hi |hey |right )?(a |just a |just )?(couple|few|two|three|four|2|3|4|some|quick|several)( of)?( quick| little| silly| dumb| short| more)? (questions|qs|things|ones|queries)( for you| sorry| please| if (thats|that's|that is) ok| if you dont mind| if you don't mind)?\s*[.!:,…–—-]*$/i;
/** What is left of "Two things going on with me." once its count is taken off: no question of its own. */
const ANNOUNCEMENT_LEFT =
  /^(going on|happening|wrong|to ask|bothering me|i need help with|i want to ask)( with me| here| at the moment| atm| lately)?\s*[.!:…-]*$/i;
/** A part that starts with a question word. */
const STARTS_AS_QUESTION = new RegExp(`^${QUESTION_START}\\b`, 'i');
/**
 * "I'd like to know whether …, whether … and how …", "I should be grateful if you could advise whether …, and further,
 * whether …": questions asked as what the writer wants to know.
 */
const ASKING_LEAD =
  /^((dear [\w ]+,\s*)?(i'?d like to know|i would like to know|i want to know|i wanna know|i'?m wondering|i am wondering|i was wondering|can you tell me|could you tell me|please tell me|just wondering|(i (should|would|'?d) be (grateful|obliged|thankful) if )?(you )?(could|can|would) (you )?(please )?(advise|let me know|confirm|tell me)( me)?)) (whether|if|how|what|when|where|why|which|who)\b/i;
/** A comma followed by a question word and more: the next question of a list. */
// (not a clause that says where or when: "the other one, where it hurts on the inside of the elbow", "…, when I bend")
const COMMA_QUESTION = new RegExp(
  `\\s*,\\s*(?:and\\s+)?(?:(?:further|furthermore|also|secondly|lastly),?\\s+)?(?!(?:where|when|how|what|why|which|who)\\s+(?:it|i|he|she|they|we|my|his|her|their)\\s+(?!(?:is|are|was|were|do|does|did|can|could|will|would|should|have|has)\\b))(?=(?:${QUESTION_START}|whether)\\s+[\\w'’]+\\s+[\\w'’]+|you\\s+(?:open|close|work|take|accept|treat|offer|have)\\s+\\w+[^,]*\\?\\s*$)`,
  'i',
);

/** Spoken openers before dictated questions ("um quick ones", "ok so"). */
const SPOKEN_LEAD =
  /^((um+|uh+|er+|erm+|so|ok|okay|right|and|yeah|(a )?(few |couple of |two |three )?quick (ones|questions|qs)|(two|three|a few|a couple of) (things|questions|qs))\s+)+/i;
/**
 * A second question run on without a mark: a question word and its verb after at least three words of the first ("what's a
 * trigger point what does chi mean"), not after a verb of knowing or telling ("can you tell me what does chi mean").
 */
const RUN_ON_QUESTION =
  /(?<=^\s*\S+(?:\s+\S+){2,}?)(?<!\b(?:tell|told|know|knows|knew|wondering|wonder|ask|asked|asking|explain|sure|idea|understand|say|show|remember|mean|matter|care|see|check|find out|learn|unsure)(?:\s+(?:me|us|you|him|her))?(?:\s+(?:please|pls|plz|again|exactly|honestly))?)\s+(?=(?:what|whats|what's|wat|wats|how|why|when|where|who|which)\s+(?:is|are|does|do|did|can|could|would|will|should|was|were|s)\b)/i;

/** An emoji that asks ("wats the diff btwn acu n dn 🤔 physio did dn on me"): it ends a question as "?" does. */
const QUESTION_EMOJI = /\s*(?:\u{1F914}|\u{2753}|\u{2754}|\u{1F9D0})+(?:\s+|$)/gu;

/** The message's questions in order, each at least two words long; one part when it is a single question. */
export function splitQuestions(text: string): string[] {
  const parts = text
    .replace(QUESTION_EMOJI, '? ')
    // ("Is TMD on the list? Osteoarthritis? What about asthma?": a word alone asked between questions is a question too)
    .replace(LONE_WORD_ASKED, (whole, before: string, word: string) => (NOT_A_THING.test(word) ? whole : `${before}what about ${word}?`))
    // ("Is knee pain on the list? Hip?": the last word alone asked after a question, too)
    .replace(LAST_WORD_ASKED, (whole, before: string, word: string) => (NOT_A_THING.test(word) ? whole : `${before}what about ${word}?`))
    // "Three quick ones: where does …, when did …": a short lead-in before a colon is no question.
    .replace(LEAD_IN, '')
    .replace(LEAD_IN_ANNOUNCED, '')
    // ("My wife has had lower back pain for years. A few questions: is that on your list, …": the questions announced after a sentence)
    .replace(LEAD_IN_ANNOUNCED_LATER, '$1')
    // "1) what is chi 2) what are acupoints 3) is there research": a numbered list is a list of questions.
    .split(NUMBERED)
    .flatMap((p) => p.split(SPLIT))
    // "Who developed acupuncture, when was dry needling developed": a comma between two questions.
    .flatMap((p) => {
      // ("Hi, what's lactic acid got to do with it, can you do my hip": after a greeting too)
      const asked = p.trim().replace(GREETING_LEAD, '');
      // ("When you say one is more for 'internal ailments', what do you mean by that?": a lead that quotes, not a question)
      return (STARTS_AS_QUESTION.test(asked) || ASKING_LEAD.test(asked)) && !QUOTES_BEFORE_ASKING.test(asked) ? p.split(COMMA_QUESTION) : [p];
    })
    // ("what's a trigger point what does chi mean": questions run together without a mark, as dictated)
    .flatMap((p) => {
      const asked = p.trim().replace(GREETING_LEAD, '').replace(SPOKEN_LEAD, '');
      if (!STARTS_AS_QUESTION.test(asked) || /[?.!,;]/.test(asked)) return [p];
      const run = asked.split(RUN_ON_QUESTION);
      return run.length > 1 ? run : [p];
    })
    // ("Is diabetes on your list? And migraine?": a one-word "and …" is a question about that one thing)
    .map((p) => {
      const stripped = p
        .replace(/^((two|three|four|2|3|4) (things|questions|qs)|also|and|n|plus|so|roughly|approximately|exactly|just)\b[\s:,-]*/i, '')
        .trim();
      return /^(and|also|plus)\b/i.test(p.trim()) && /^[\p{L}'’-]+[?!.]*$/u.test(stripped) ? `what about ${stripped}` : stripped;
    })
    // ("carpal tunnel. osteoarthritis hands. cost": one word of the clinic's own, typed as into a search box, asks too)
    .filter((p) => p.split(/\s+/).filter(Boolean).length >= 2 || CLINIC_WORD_ALONE.test(p.trim()))
    // ("Couple of questions sorry. What's the difference…? And are you open on Saturdays?": questions announced, not asked)
    .filter((p, _, all) => all.length < 2 || (!ANNOUNCES_QUESTIONS.test(p.trim()) && !ANNOUNCEMENT_LEFT.test(p.trim())));
  // "Do you also do cupping?": "do you" is the start of the question, not a question of its own.
  const joined: string[] = [];
  for (const p of parts) {
    const last = joined[joined.length - 1];
    if (last !== undefined && STUB.test(last)) joined[joined.length - 1] = `${last} also ${p}`;
    // ("what are metabolic byproducts and why should I care about them?": why it matters is the same question)
    else if (last !== undefined && WHY_IT_MATTERS.test(p.trim())) joined[joined.length - 1] = `${last} and ${p}`;
    // ("… what do you mean by that? Things like the stomach?": an example offered is the same question, guessed at)
    else if (last !== undefined && EXAMPLE_OFFERED.test(p.trim())) joined[joined.length - 1] = `${last}, ${p}`;
    else joined.push(p);
  }
  return joined.length ? joined : [text];
}

/** One word that asks the clinic's own question alone ("cost?", "hours", "parking?"). */
const CLINIC_WORD_ALONE =
  /^(cost|costs|price|prices|pricing|fee|fees|hours|parking|location|address|phone|availability|rebate|rebates|insurance|medicare|bookings?)\s*[?!.]*$/i;

/** A greeting before a question ("Hi, what's…", "Hello there, can…"). */
const GREETING_LEAD = /^(hi|hello|hey|hiya|heya|g'?day|good (morning|afternoon|evening|day))( there| all| team| everyone)?[,!.]*\s+/i;

/** "When you say…", "when the article talks about…": what was said, quoted before the question about it. */
const QUOTES_BEFORE_ASKING =
  /^(so |and |but |ok |okay )?(when|where) (you|u|it|they|the article|your article|the website|your website|the site|your site|the page) (say|says|said|mention|mentions|mentioned|talk about|talks about|talked about|write|writes|wrote|refer to|refers to|call|calls)\b/i;

/** "Things like the stomach?", "like my knee?", "such as sleep?": an example offered for the question before, in a few words. */
const EXAMPLE_OFFERED =
  /^(so |you mean |do you mean |meaning )?((things|stuff|something|anything|problems|issues|ailments|conditions|ones)\s+)?(like|such as|e\.?g\.?|for example|for instance)\s+[^?.!]{1,40}[?.!]*$/i;

/** "why should I care about them?", "why does that matter?": asks why the last question's thing matters, no question of its own. */
const WHY_IT_MATTERS =
  /^(and )?(so )?why (should|would|do|does|did|is|are|would) (i|we|you|anyone|it|they|that|this|those|these|people) (even )?(care|matter|matters|important)( (about|for) (it|them|that|this|those|these|me|us))?\s*[?!.]*$/i;

// ("Apart from the needles, do you also do cupping?": the lead-in before a comma does not change that)
const STUB = new RegExp(`(?:^|[,;:]\\s*)${QUESTION_START}\\s+(you|u|ya|i|we|they)$`, 'i');

/** How many of the message's parts are questions of their own (start with a question word or end with "?"). */
export function questionCount(text: string): number {
  // ("Briefly, what does each one focus on": a word set off before the question leaves it a question)
  const asks = (p: string) => STARTS_AS_QUESTION.test(p) && !TELLS_WHAT.test(p);
  return splitQuestions(text).filter((p) => asks(p.trim()) || asks(p.trim().replace(SET_OFF, '')) || /\?\s*$/.test(p)).length;
}

/** A word or two set off by a comma before a question ("Briefly,", "Also,", "Sorry,", "One more thing,"). */
const SET_OFF = /^[a-z]+( [a-z]+){0,2}, +/i;

/** "…but what I've actually got is rheumatoid arthritis.": a "what" that tells, not asks (no question mark after it). */
export const TELLS_WHAT = /^what (i|ive|i've|i’ve|im|i'm|i’m|we|he|she|they|my \w+|our \w+|his \w+|her \w+)( \w+){0,3} (is|was|are|were)\b[^?]*$/i;

/** "I'd assumed it was centuries old", "I always thought it was Chinese": what the writer believed, told. */
const BELIEF_TOLD =
  /^(and |but |so |oh )?(i'?d |i had |i have |ive |i've |i’d |i’ve |i )?(always |just |kind of |sort of |honestly |genuinely )?(assumed|thought|figured|guessed|imagined|presumed|believed|reckoned|was under the impression|had the impression)\b/i;

/** The message's parts (`parts`, when already split) that only tell what the writer believed, asked without a "?" ("I'd assumed it was old like acupuncture."). */
export function beliefsTold(text: string, parts: string[] = splitQuestions(text)): string[] {
  return parts.filter((p) => BELIEF_TOLD.test(p.trim()) && !p.includes('?') && !text.includes(`${p}?`));
}

/**
 * What the writer already knows of the clinic's list or work ("I know you list osteoarthritis", "I see you treat
 * sciatica"): the words after an optional lead word, shared by the part check below and the recognizer's lead-in check
 * (src/bot/turnRecognizer.ts KNOWN_LEAD).
 */
export const KNOWN_SOURCE =
  "(i |we )(already |do |of course )?(know|see|saw|can see|noticed|notice|understand|gather|read|have read|ve read|'ve read|’ve read|realise|realize) (that )?((you|u|ya|the clinic|your clinic) (already |also )?(list|lists|treat|treats|do|does|offer|offers|cover|covers|mention|have|use|uses|help with|work on)|(your|the) (list|article) (lists|mentions|says|includes|has)|(\\w+ ){1,3}(is|are) (on|listed|in) (your|the))\\b";
/**
 * "I know you list osteoarthritis but what about gout?": what the writer already knows, told before the question (no
 * "?"), asks nothing of its own.
 */
const KNOWN_TOLD = new RegExp(`^(and |but |so |ok |okay |look )?${KNOWN_SOURCE}`, 'i');

/** The message's parts (`parts`, when already split) that only tell what the writer knows of the clinic ("I see you treat sciatica."), asked without a "?". */
export function knownTold(text: string, parts: string[] = splitQuestions(text)): string[] {
  return parts.filter((p) => KNOWN_TOLD.test(p.trim()) && !p.includes('?') && !text.includes(`${p}?`));
}

/** The message's parts, less what the writer only tells they know of the list when something else is asked beside it. */
export function questionParts(text: string): string[] {
  const split = splitQuestions(text);
  const known = knownTold(text, split);
  return known.length > 0 && known.length < split.length ? split.filter((p) => !known.includes(p)) : split;
}

/**
 * "I also get a stiff neck but the ringing is what I want to ask about", "My neck's also a bit stiff but it's been like
 * that forever, I'm not worried about that": the writer sets the complaint aside for another.
 */
const SET_ASIDE =
  /^[^.?!]{0,40}?\bbut (the |my |his |her )?[\w'’ -]{1,30} (is|are|s) (what|the thing|the one|the bit|the part|the main thing|the main issue|the problem) (i|im|i m|i am|id|i d|i'm|i’m|i'd|i’d|we|she|he) (really |actually |mainly |most |more )?(want|wanted|wanna|asking|am asking|m asking|writing|like|would like|d like|worried|concerned|after)\b|^[^.?!]{0,40}?\bbut (i|im|i m|i am|i'm|i’m) (really |mainly |actually |more )?(asking|writing|here|messaging|enquiring) (about|for|re)\b|^[^.?!]{0,80}?\b(i|im|i m|i am|i'm|i’m) (really |honestly )?(not|not really) (worried|fussed|bothered|concerned|asking) about (that|it|this|them|those|that one|that bit)\b|^[^.?!]{0,80}?\b(that|it)( s|s|'s|’s| is) not (what|why) (i|im|i m|i am|i'm|i’m) (asking|writing|here|messaging)\b|^[^.?!]{0,80}?\b(it |that )?(doesn t|doesnt|doesn't|doesn’t|does not) (really )?(bother|worry) me\b/i;

/** Whether what follows a complaint in its sentence sets it aside ("…a stiff neck but the ringing is what I want to ask about"). */
export function setAsideAfter(text: string, said: string): boolean {
  const at = text.toLowerCase().indexOf(said.toLowerCase());
  return at >= 0 && SET_ASIDE.test(text.slice(at + said.length));
}

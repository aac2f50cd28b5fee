/**
 * The choice between the two treatments, asked: every frame in which a patient asks which one suits them ("which one
 * then?", "which would you recommend?", "not sure what I need", "which needle therapy fits that?", "if I wanted the
 * Western one, which would that be?", "would dry needling be a better fit?", "is acupuncture suitable for…").
 * Why one module: the recognizer, the several-questions splitter and the dialogs each ask "is this the choice?" with
 * different surroundings (a condition named, one treatment named, the first part of several); the frames themselves are
 * one table, so a new way of asking is added in one place and every reader sees it.
 * Lower layer: imports only the normaliser and the analysis' treatment id.
 */
import type { TreatmentId } from './analyse';
import { plainForm } from './normalize';

// ---- The two asked about as a choice, in a word or two ----

/** The choice asked in a word or two ("so which then?", "which one then"), as a sentence of its own. */
export const BARE_CHOICE =
  /^(so |and |ok |okay |well |right )?which( one| 1| of the two| of them)?( then| do you reckon| would you say| for me)\s*\??\s*$|^(so |and |ok |okay |well |right )which( one| 1)?\s*\??\s*$/;
/** "which one should i do?", "so which do I go for": the choice between the two asked, bare. */
export const CHOICE_ASKED =
  /^(so |and |ok |okay |then |well )?which( one| 1| treatment| of the two| of them| of those| of your two)?( should| do| would| could| can| shall)? (i|we|he|she|they) (do|get|have|try|book|choose|pick|go for|go with|start with|need|book in for)( then| first| do you reckon| do you think)?\s*\??\s*$/;
/**
 * "Which treatment is aimed at that sort of thing?", "which one's meant for stuff like that": the choice asked of what
 * the message told before it.
 */
export const WHICH_FOR_THAT =
  /^(so |and |ok |okay |then |well )?which( one| 1| treatment| of the two| of them| of those| of your two| kind| type| needling)?( is| s| would be| are)? (aimed at|meant for|designed for|geared (to|towards)|targeted at|better for|best for|more for|the one for|right for) (that|this|those|it|them|that sort of thing|that kind of thing|something like that|stuff like that|that stuff|all that)\s*\??\s*$/;
/** "Which of your two treatments would suit me?", "which would be best for my dad?": the choice asked for someone. */
export const SUITS_WHOM =
  /^(so |and |ok |okay |then |well )?which( one| 1| treatment| of the two| of them| of those| of your (two )?treatments| of your two| of the (two )?treatments)?( would| do| does| could| might| will| is| s)?( you)? (suit|suits|be (best|better|right|good|the one) for|is (best|better|right) for|recommend for|suggest for) (me|him|her|us|them|my \w+)\b/;

// ---- A recommendation asked for ----

/** "Which would you advise?", "so your recommendation is?": the patient asks the bot to choose for them. */
export const ASKS_RECOMMENDATION =
  /\bwhere (do|should|shall|can|would) (i|we) (start|begin)\b|\b(pick|choose|find|get) the right one\b|\b(recommend|recommendation|advise|advice|suggest|suggestion|which (one|1|would|should|do|is better|is best|suits)|which (is )?(good|best|better) for me|which( one| treatment| option| of them)? (is|would be|s) (appropriate|suitable|right|best|better|good)( for me)?|help me (choose|decide|pick)|(whats|what is|what would be) (the )?best( one| option| for me)?$|what (suits|would suit|will suit|works best|would work best)\b|(what|which) (kind|type|sort)( of (needling|treatment|needles|one))?( (should|do|would) i (get|try|go for|have|want|need))?( then| now| pls| please| tho| though| mate)?$|what would you (go|pick|choose|do)|(your|ur) (pick|choice|call|verdict)|tell me which)\b|\bwhich\s*$|\bwhich (modality|option|of the two)\b|\bwhich of (your|ur|the|these|those) (two|2)\b|\b(better|best|right|good) fit\b|\b(more|most) (appropriate|suitable)\b|\b(choose|pick|decide) (which|between|for me|one)\b|\bjust (pick|choose|tell me|decide)\b|\b(pick|choose) (one|for me)\b/;
/** A recommendation asked for in so many words (narrower than asksForRecommendation: "which one should I have?" is not). */
// ("I'm a bit nervous of needles. Which one would be better for me?": the choice asked for in so many words too)
export const RECOMMENDATION_WORD =
  /\b(recommend|recommendation|recommendations|suggest|suggestion)\b|\bwhich( one| 1| treatment| of the two| of them)? (would|will|should|is|s|might)? ?(be )?(better|best|right|more suitable|most suitable|suit|suits|work better|be better) (for me|for my|for us|for him|for her)?\b|\bwhich( one| treatment| of the two| of them)? should i (choose|pick|go for|try|get|book|do)\b/;
/**
 * Help asked to choose what to book, with nothing else said ("I need some advice on what to book", "I'm after some help
 * choosing", "not sure which to go for"): the start of the choice between the treatments, in a clinic's chat.
 */
export const HELP_CHOOSING =
  /\b((advice|help|guidance|recommendation|suggestion|suggestions|pointers|a hand|steer)( please)? (on|with|about|for|in|choosing|deciding|picking)( what| which)?( to| i should| should i)? (book|get|have|try|choose|go for|pick|do|decide)|help (me )?(choosing|choose|decide|deciding|pick|picking|working out which)|(what|which) (one )?(should|do|would|shall) i (book|get|try|go for|choose|pick)|(not sure|unsure|no idea|cant decide|can not decide|dont know|do not know) (what|which)( one| of the two| of them| treatment| of the treatments| of the two treatments)? ?(to|i should|i should be|should i) (book|booking|get|getting|try|trying|choose|choosing|go for|going for|pick|picking)|(trying|try|need|want|wanting|hoping) to (choose|decide|pick|work out which)|(not sure|unsure|no idea|dont know|do not know) what (i need|i should get|to get|would help|would suit me|suits me|is best for me)|(guide|steer|point) me)\b/;
/** "honestly don't know what I need", "no idea which one to book": unsure what to get, the choice between the two asked. */
export const UNSURE_WHAT_NEEDED =
  /\b(do not|dont|don t|not sure|no idea|unsure|no clue|not certain) (know )?(what|which)( one| treatment| kind| type| option| service)? (i|to) (need|should (get|have|book|try)|get|choose|pick|book|go for)\b/;

// ---- Which of the two fits what was told ----

/** "which needle therapy fits that?", "which one would suit my posture?": which of the two fits what was told. */
export const WHICH_FITS =
  /\bwhich (needle |needling |of the two |of your )?(therapy|therapies|treatment|treatments|one|option|type|kind|style)( of (needling|therapy|treatment))?( would| do you think| do u think)? (fits?|suits?|matches|(is|s|would be|d be) (right|best|better|the better one|the best one) for|would (fit|suit|work)|works? (best |better )?for)\b|(?<!\b(about|on|over|know|sure|decide|deciding|advise|advice) )\bwhich ones (right|best|better|more suited|better suited) for\b|\bwhich (one |1 )?(fits|suits|matches) (what (im|i am|i m|were|we are|we re|shes|she is|she s|hes|he is|he s|theyre|they are|they re) (after|looking for|wanting|chasing)|what (i|we|she|he) (want|wants|need|needs|prefer|prefers))\b/;
/**
 * "is that for acupuncture or just dn?", "is it listed for dry needling or acupuncture?": which of the two the thing
 * before is for, asked on its own (not "The list of conditions on your page - is that for acupuncture or dry needling?").
 */
export const WHICH_ONE_FOR_THAT =
  /^((so|and|ok|okay|but|oh|um|hmm|wait|sorry|sorry but) )*(is|are|was|s) (that|it|this|those|they|these)( one)? (for|used for|listed for|done with|treated with|on the list for|under) (acupuncture|acu|dry needling|needling|dn) or (just |only |also |maybe |more )?(acupuncture|acu|dry needling|needling|dn)\b/;
/** "If I wanted the Western one for my back, which one would that be?": a choice asked with what the writer wants told. */
export const IF_I_WANTED_WHICH =
  /\bif (i|we|she|he|mum|dad) (wanted|want|was after|were after|preferred|d prefer|would prefer|d rather|would rather|d like|would like|went for|go for)\b.{0,120}\bwhich (one|1|of the two|of them|treatment|option)? ?(would|should|is|s|will|do|does)? ?(that|it|i|be|suit|work|help)?\b|\b(i|we|she|he) (want|wants|m after|am after|is after|s after|d like|would like|d prefer|would prefer|prefer|need|needs) (something|one|a treatment|a therapy|the one|the option|an option)( that s| that is| thats)? (based on|grounded in|rooted in|from|out of|backed by) .{0,80}\bwhich (one|1|of the two|of them|treatment|option)\b/;
/** "would dry needling be a better fit for me?", "would acupuncture suit me better?": which treatment suits, asked of one. */
export const BETTER_FIT =
  /\b(would|will|is|could|might) (dry needling|acupuncture|needling|dn|acu|it|the other one|that one) (be )?(a |the )?(better|more suitable|more appropriate|best) (fit|option|choice|bet|match|suited|for me|for my|for him|for her)\b|\b(suit|suits) (me|him|her|my \w+|someone like me) better\b/;
/** One treatment asked to suit something ("is acupuncture suitable for…", "would dry needling be any good for…"). */
export const ONE_SUITS =
  /\b(is|would|will|could|can|whether) (acupuncture|acu|dry needling|dn|needling) (be |is |would be )?(any |at all |actually |really )?(suitable|suited|appropriate|good|right|useful|an option|ok|okay|proven|scientifically proven|clinically proven|evidence based|proven to work|proven to help|shown to work|known to work) (for|to treat|to help|with|in|on)\b|\b(is there|any|got any|whats the) (real |actual |scientific |good )?(proof|evidence|research|studies|science) (that |on |for |behind )?(acupuncture|acu|dry needling|dn|needling) (works|helps|work|help|for|on|with)\b/;

// ---- Readers (each takes the raw message) ----

/** The treatment a message asks about as the better fit ("would dry needling be a better fit for me?"), if one. */
export function betterFitAsked(text: string): TreatmentId | undefined {
  const m = BETTER_FIT.exec(plainForm(text));
  if (!m || !m[2]) return undefined;
  return /^(dry needling|needling|dn)$/.test(m[2]) ? 'dryNeedling' : /^(acupuncture|acu)$/.test(m[2]) ? 'acupuncture' : undefined;
}

export function asksForRecommendation(text: string): boolean {
  return ASKS_RECOMMENDATION.test(plainForm(text));
}

export function asksHelpChoosing(text: string): boolean {
  return HELP_CHOOSING.test(plainForm(text));
}

export function unsureWhatNeeded(text: string): boolean {
  return UNSURE_WHAT_NEEDED.test(plainForm(text));
}

export function asksIfOneSuits(text: string): boolean {
  return ONE_SUITS.test(plainForm(text));
}

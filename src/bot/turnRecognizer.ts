/**
 * Runs the recognizer once per message turn, resolves follow-ups against conversation context and
 * keeps the result in turnState, where dialogs read it and the trace middleware reports it.
 */
import { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { addConcerns, affirmedConditions, toldConcerns } from '../nlu/concerns';
import {
  asksSameThing,
  asksWhichWasIt,
  bareHowAbout,
  verdictAsked,
  claimChecked,
  lastAnswerAgain,
  personAskedAfter,
  otherWantedInstead,
  guessesWhichItWas,
  sayItAgainAsked,
  hoursAskedAgain,
  ClinicContext,
  ellipticalThing,
  followUp,
  notUnderstood,
  pointsBack,
  listAskedOfLast,
  pointedBack,
  remember,
  ResolvedQuestion,
  resolveQuestion,
  tellsMoreAboutCondition,
  tellsMoreForChoice,
  putsChoiceAgain,
  addsToChoice,
  confirmsPick,
} from '../nlu/context';
import { asksIfItCounts, type Recognition } from '../nlu/recognizer';
import { KNOWN_SOURCE, setAsideAfter, splitQuestions } from '../nlu/multiQuestion';
import { asksHelpChoosing } from '../nlu/choiceFrames';
import { namingTheOneFor, TREATMENT_WORD } from '../nlu/clinicQuestions';
import { saidWithinName } from '../nlu/analyse';
import { plainForm, words } from '../nlu/normalize';
import { lemma, namesBodyOrState } from '../nlu/wordnet';
import { getTurnRecord, setTurnRecord, TurnRecord } from '../turn/record';

export interface Recognizes {
  recognize(text: string, options?: { patientsOwn?: boolean }): Recognition;
  /** The body part of the named condition the text mentions, if any. */
  placeOf?(text: string, conditionName: string): string | undefined;
  /** The named condition's own cues the text tells, not denied ("one-sided", "throbbing" of migraine). */
  cuesOf?(text: string, conditionName: string): string[];
  /** The listed condition whose name a lone word begins ("golfers" of Golfer’s elbow), if only one's. */
  nameBegunBy?(word: string): string | undefined;
}

export interface TurnUnderstanding {
  recognition: Recognition;
  question: ResolvedQuestion;
  record: TurnRecord;
}

/** Thanks at the start of a message ("thank you so much, …", "cheers, …"). */
const THANKS_FIRST = /^(thanks|thank you|thank u|thankyou|thx|ty|cheers|ta)\b/i;
/** Thanks at the end of a message ("…was wonderful, thank you", "…helped heaps, cheers"). */
const THANKS_LAST = /\b(thanks|thank you|thank u|thankyou|thx|ty|cheers)( (so much|heaps|again|very much|a lot|for everything))?[\s.!]*$/i;
/** Good news about how the patient is doing ("already feeling better", "it really helped"). */
const GOOD_NEWS =
  /\b(better|improved|improving|great|helped|helping|amazing|wonderful|fantastic|relief|relieved|so much easier|pain free|no more pain|loosened up|sorted|fixed|worked wonders|did wonders|made a (huge |big |real )?difference)\b/;
/** A visit told as over ("the dry needling I had at your clinic last month"): thanks for it may name the body part it helped. */
const PAST_VISIT =
  /\b(i had|i ve had|ive had|had at your|you did|you gave me|last (week|month|time|visit|session)|my last (session|visit|appointment))\b/;

/**
 * "my calves are always tight and cramping up": a complaint of the patient's own, told and not asked, that the model
 * took for off-topic. It gets the treatment the article points to for it (which-suits), not "I can't help with that".
 * A question, a treatment named, a thing named that is not on the list, or the recognizer's own decision (an animal)
 * keep their reply.
 */
function toldComplaintOnly(text: string, r: Recognition, patientsOwn: boolean): boolean {
  if (!(r.reason === 'out_of_scope' || r.reason === 'no_domain_words') || !notUnderstood(r)) return false;
  if (r.conditions.length > 0 || r.treatments.length > 0 || r.notCovered || r.unlistedMention || text.includes('?')) return false;
  if (!patientsOwn && !/\b(my|i|im|me|mine)\b/i.test(text)) return false;
  return Object.keys(toldConcerns(text, [])).length > 0;
}

/** "can you tell me", "could you please explain": how a question is put, before what it asks. */
/** Thanks or a greeting before the question, up to its first stop ("cheers mate, last q —", "Thanks heaps!"). */
// ("hey wats chi": a greeting straight into a question, no stop between)
const SOCIAL_OPENER =
  /^\s*(?:(thanks|thank you|thank u|thankyou|thx|ty|ta|cheers|great|awesome|perfect|lovely|brilliant|ok|okay|cool|hi|hello|hey|hiya|howdy|g'?day|good (morning|afternoon|evening))\b[^,.!?;:—–-]{0,30}[,.!?;:—–-]+\s*|(hi|hey|hello|hiya|howdy|g'?day|yo)( there)?\s+(?=(what|whats|wats|what's|how|is|are|does|do|can|could|why|when|who|which)\b))/i;

/** The side of a body part asked about ("the inside bit", "the outer side"). */
const SIDE_OF_PART = /\b(inside|outside|inner|outer|medial|lateral)\b/;
/** The body part a listed condition's name holds ("Tennis elbow (lateral epicondylitis)": elbow). */
const PLACE_IN_NAME = /\b(elbow|knee|hip|shoulder|neck|ankle|heel|wrist|jaw|back)\b/;

/** A question after a comma or a sentence end, the message's last words ("…, can you help my back?"). */
const TRAILING_QUESTION =
  /[,.!;:]\s*((?:so |and |but )?(?:can|could|do|does|is|are|will|would|should|how|what|whats|what's|when|where|which|who|why)\b[^,.!;:?]*\?)\s*$/i;

/** "is there a lady I can talk to", "could I speak with a real person", "could a lady ring me": someone to talk to, asked for. */
const PERSON_ASKED =
  /\bis there (a|an|any|some) (nice |real |actual )?(lady|woman|man|gentleman|bloke|person|human|receptionist|nurse|staff member) (i|we|my \w+) (can|could|might) (talk|speak|chat|have a word)\b|\b(can|could|may) i (please )?(talk|speak|chat|have a word) (to|with) (a|an|the|one of the) (nice |real |actual )?(lady|woman|man|gentleman|bloke|person|human|receptionist|nurse)\b|\b(can|could|would|will) (a|an|the|some|one of the) (nice |real |actual )?(lady|woman|man|gentleman|bloke|person|human|receptionist|nurse|staff member)( from (the|your) (clinic|practice|office))? (please )?(ring|call|phone) (me|us|my \w+)\b/;

/** How many of the condition just answered's signs a follow-up must tell to be about it. */
const MIN_CUES_TOLD = 2;
/** Intents a message means whatever came before (a booking, a person, thanks). */
/** "how is it supposed to work on the stomach?", "how would that work for my gut": how it works, asked. */
const HOW_IT_WORKS_THERE =
  /\bhow (is|does|do|would|could|can|will) (it|that|this|they|acupuncture|dry needling|the needles?|needling)( (even|actually|really|supposed to|meant to))* work\b/;
const OWN_ROUTE = new Set(['booking', 'contact', 'human', 'thanks', 'greeting', 'help', 'difference', 'similarity']);

/** "would dry needling do the same?", "does acupuncture work just as well for it?": the last question asked of the other one. */
const SAME_OF_THE_OTHER =
  /\b(do|does|did|work|works|help|helps|be|fix|treat)( it| that| this| them)? (the same|the same thing|just as well|as well|as good|just as good|similarly|equally well)\b/;

/** A word or three and nothing else ("upper back?", "hips?"): asked as an ellipsis after an answer. */
const BARE_FOLLOW_UP = /^[\p{L}'’-]+( [\p{L}'’-]+){0,2}\s*[?!.]*$/u;

/** "that one", "this one": the treatment just talked about, pointed at. */
const THAT_ONE = /\b(that|this) one\b/i;
const THAT_ONE_NAMED: Record<string, string> = { acupuncture: 'acupuncture', dryNeedling: 'dry needling' };

/** "…too?", "…as well?", "also…": the same asked of something more. */
// ("and my big toe joint has gone the same way. same thing?": the same complaint in another place)
const ALSO_ASKED = /\b(too|as well|also|either|(gone|going|went|goes|is|are|getting|got) the same way|same thing|same problem|same again)\b/i;

/** A question of the clinic's own (a person, its hours), naming no condition or treatment to answer beside it. */
function askedOfTheClinic(r: Recognition, intent: string): Recognition {
  return { ...r, intent, reason: 'classified', score: 1, conditions: [], treatments: [], unlistedMention: false };
}

/** "I know you list osteoarthritis but", "I see you do acupuncture, so": what the writer already knows, before the question. */
const KNOWN_LEAD = new RegExp(
  `^\\s*${KNOWN_SOURCE}[^?.!]{0,60}?(,\\s*(but |so |and )?|\\s+(but|so|and)\\s+)(?!what (i|i've|i’ve|ive|im|i'm|i’m|we|my|our)\\b)(?=(how|what|whats|what's|when|where|who|why|which|can|could|do|does|did|is|are|will|would|should|any|have|has)\\b)`,
  'i',
);

const ASKS_TO_BE_TOLD =
  /^((hi|hey|hello|ok|okay|so)[,!]? )?(can|could|would|will) (you|u) (please |pls |plz )?(tell me|explain|let me know|describe)( about| more about)?( again)?[ ,]+/i;

/**
 * "I also get a stiff neck but the ringing is what I want to ask about. Do you treat tinnitus?": a complaint the writer
 * sets aside for another thing asked about is no condition of the question (only when something else is asked about).
 */
function withoutSetAside(recognition: Recognition): Recognition {
  const aside = recognition.conditions.filter((c) => setAsideAfter(recognition.text, c.text));
  if (aside.length === 0) return recognition;
  const kept = recognition.conditions.filter((c) => !aside.includes(c));
  if (kept.length === 0 && !recognition.unlistedText && !recognition.unlistedMention) return recognition;
  return { ...recognition, conditions: kept };
}

/** Whether a use told is asked of ("is that something the clinic uses it for?", "is it something you do?", "is that in your list?"). */
const USE_ASKED_OF_IT =
  /\b(is|was) (that|this|it) (something|one of the things|a thing|what|in|on|among|part of) ([\w' ]{0,30}?)(you|u|ya|yous|the clinic|your clinic|your practitioners|you guys|your list|the list|ur list)\b/i;
/** The writer's own complaint, told ("my hair's been thinning", "i have gout", "been getting bad acne on my chin"); global, for matchAll. */
const OWN_COMPLAINT =
  /\b(my|i have|i['’]?ve got|ive got|i got|i get|i keep getting|i['’]?m getting|im getting|been getting|i suffer|i['’]?ve had|ive had|i['’]?m having|im having|i['’]?ve been having)\b/gi;
/** How many words after "my", "i have" the complaint is named in ("my endo pain", "been getting really bad acne"). */
const COMPLAINT_WITHIN = 3;

/**
 * Whether a complaint of the writer's own is named: a part of the body or a state right after "my", "i have"… ("my
 * daughter … get back to you" names none).
 */
function ownComplaintNamed(text: string): boolean {
  return [...text.matchAll(OWN_COMPLAINT)].some((m) =>
    words(text.slice(m.index + m[0].length))
      .slice(0, COMPLAINT_WITHIN)
      .some(namesBodyOrState),
  );
}

/** Anything asked: a question mark, or a question's first word. */
const ASKS = /\?|^(what|how|why|when|where|who|which|can|could|would|will|do|does|did|is|are|should|any|pls|please)\b/i;
/** How a complaint hurts, not what it is ("pain", "stiffness"): no other complaint told. */
const HOW_IT_HURTS = new Set('pain pains ache aches aching soreness stiffness tightness discomfort twinge twinges hurt'.split(' '));

/** A part of the body or a state named ("bunions", "vertigo"), other than how it hurts. */
function namesAComplaint(word: string): boolean {
  return !HOW_IT_HURTS.has(word) && namesBodyOrState(word);
}

/** A message's last sentence, a question, after something told ("… lol. can needling help?"). */
const LAST_QUESTION = /[.!;]\s+([^.!;?]+\?)\s*$/;
/**
 * What makes a message more than a complaint of the writer's own, told: something asked anywhere in it ("who's right for
 * me"), a complaint denied ("no muscular complaints to speak of"), or someone else's ("my mate reckons you sorted his
 * hamstring").
 */
const NOT_TOLD = /\b(who|whom|whose|which|what|how|why|when|where|no|not|never|nothing|without|dont|don['’]t|he|she|they|his|her|their|him|them)\b/i;
/** A message's first clause, before a comma, a dash, a stop or "btw" ("Thanks, …", "Really nicely written page btw - …"). */
const SOCIAL_LEAD = /^([^,.!;:—–]+?)(?:\s+(?:btw|by the way))?\s*(?:[,.!;:—–]|\s-\s)/i;
/** Something still wanted after the thanks ("but", "i need", "can you"). */
const STILL_WANTED = /\b(but|need|needs|want|wanted|wondering|could|can|would|please|pls|help|question|ask)\b/i;
/** "not just during my period": more told, nothing denied. */
const NOT_JUST = /\bnot (just|only)\b/gi;
/** The question a complaint told alone stands for. */
const HELP_WITH_THAT = 'can acupuncture or dry needling help with that?';

/** A treatment told as used for something ("acupuncture for fertility", "ear acupuncture for weight loss", "needling for the eyes"). */
const TREATMENT_FOR =
  /\b(acupuncture|dry needling|needling)\s+(?:for|to help with|to treat|to help)\s+((?:the\s+|my\s+|your\s+)?[\w'’-]+(?:\s+(?!and\b|or\b|but\b|is\b|are\b|in\b)[\w'’-]+)?)/i;

export class TurnRecognizer {
  constructor(
    private readonly recognizer: Recognizes,
    private readonly contextAccessor: StatePropertyAccessor<ClinicContext>,
  ) {}

  async understand(context: TurnContext): Promise<TurnUnderstanding> {
    let record = getTurnRecord(context);
    let clinicContext = await this.contextAccessor.get(context, {});
    if (!record) {
      // After a question about the patient's complaint, a description needs no "my" ("its more in the buttock actually").
      const patientsOwn = clinicContext.lastIntent === 'condition_query' || clinicContext.lastIntent === 'which_suits';
      const text = context.activity.text ?? '';
      const recognition = withoutSetAside(
        this.resolveFollowUp(
          text,
          followUp(this.askedOfLastAlone(text, this.recognizeAsked(text, patientsOwn), clinicContext, patientsOwn), clinicContext),
          clinicContext,
          patientsOwn,
        ),
      );
      record = { recognition };
      setTurnRecord(context, record);
      // Once per message: what it tells about the patient's problem joins what the conversation has told.
      const told = toldConcerns(record.recognition.text, record.recognition.conditions);
      const [named] = affirmedConditions(record.recognition.text, record.recognition.conditions);
      if (Object.keys(told).length > 0 || named) {
        clinicContext = { ...clinicContext, told: addConcerns(clinicContext.told, told), ...(named ? { toldCondition: named } : {}) };
        await this.contextAccessor.set(context, clinicContext);
      }
    }
    return { recognition: record.recognition, question: resolveQuestion(record.recognition, clinicContext), record };
  }

  /**
   * "and before u ask i don't even play tennis lol. can needling help?" after tennis elbow: what is told before a question
   * that names nothing ("play", "tennis": words the model rarely saw) is no new thing asked about when it names no
   * complaint; the question, asked alone, is of the condition talked about.
   */
  private askedOfLastAlone(text: string, recognition: Recognition, ctx: ClinicContext, patientsOwn: boolean): Recognition {
    if (!ctx.lastCondition || ctx.lastIntent !== 'condition_query' || recognition.intent !== 'condition_query') return recognition;
    if (!recognition.unlistedMention || recognition.conditions.length > 0) return recognition;
    // ("also squatting = ouch lol. does dry needling help with that?" after knee pain: what sets it off, something done;
    // "a catching pain halfway up": how it hurts. Never a word WordNet does not know, "PCOS")
    if (recognition.unlistedText && !words(recognition.unlistedText).every((w) => lemma(w) !== undefined && !namesAComplaint(w))) return recognition;
    const m = LAST_QUESTION.exec(text.trim());
    // (not "ive also got bunions. can needling help?": a complaint told, a part of the body or a state)
    if (!m || words(text.slice(0, m.index)).some(namesAComplaint)) return recognition;
    const asked = m[1];
    const again = this.recognizer.recognize(asked, { patientsOwn });
    // (the question is what is read on, as when a story is summed up)
    return again.intent === 'condition_query' && !again.unlistedMention && again.conditions.length === 0 ? again : recognition;
  }

  /**
   * "pulled my hamstring at footy" … "can dry needling help a hamstring?": a condition question naming only a place of the
   * condition just answered (which alone, with no sign of a strain told, names none) is of that condition.
   */
  private placeOfLast(text: string, recognition: Recognition, ctx: ClinicContext): Recognition {
    const last = ctx.lastCondition;
    if (!last || ctx.lastIntent !== 'condition_query' || recognition.intent !== 'condition_query' || recognition.conditions.length > 0)
      return recognition;
    const place = this.recognizer.placeOf?.(text, last.name);
    if (!place || (recognition.unlistedText && !place.includes(recognition.unlistedText.toLowerCase()))) return recognition;
    return { ...recognition, conditions: [{ value: last, text: place }], unlistedMention: false, unlistedText: undefined, refersBack: true };
  }

  /**
   * "my hair's been thinning" … "would acupuncture help it grow back?", "can dry needling fix that?": the thing not on the
   * lists answered last, asked of again with "it" or "that" (and of the treatment now named, if one is).
   */
  private unlistedPointedBack(text: string, recognition: Recognition, ctx: ClinicContext, patientsOwn: boolean): Recognition {
    const thing = ctx.lastUnlisted;
    if (!thing || ctx.lastIntent !== 'condition_query' || recognition.intent !== 'condition_query') return recognition;
    if (recognition.conditions.length > 0 || recognition.unlistedMention || !pointsBack(text)) return recognition;
    const treatment = recognition.treatments.length === 1 ? THAT_ONE_NAMED[recognition.treatments[0]] : 'acupuncture or dry needling';
    const again = this.recognizer.recognize(`can ${treatment} help with ${thing}?`, { patientsOwn });
    return again.intent === 'condition_query' && again.unlistedMention ? { ...again, text, refersBack: true } : recognition;
  }

  /**
   * "Thanks, that's very clear and matches what my physio told me.", "Really nicely written page btw - wish more clinics
   * explained it this clearly.": thanks or praise first, a comment after it, nothing asked and nothing named: the thanks
   * is what to answer, never "not something I can help with".
   */
  private thanksWithComment(text: string, recognition: Recognition, patientsOwn: boolean): Recognition {
    if (!notUnderstood(recognition) || recognition.treatments.length + recognition.conditions.length > 0 || text.includes('?')) return recognition;
    const m = SOCIAL_LEAD.exec(text.trim());
    // (not "thanks, but i need to know about my dog": something still wanted)
    if (!m || STILL_WANTED.test(text.trim().slice(m[0].length))) return recognition;
    const lead = m[1];
    const first = this.recognizer.recognize(lead, { patientsOwn });
    return first.intent === 'thanks' ? { ...first, text } : recognition;
  }

  /**
   * "my hair's been thinning heaps since last year 😩", "i have gout": a complaint of the writer's own told with nothing
   * asked, which the model alone declines, stands for whether the treatments could help with it (a chat's first
   * message tells, the next asks "would acupuncture help it?"). Only a complaint: a part of the body or a state is named,
   * no treatment (what is said of one is the model's to read), and not in a conversation already about the complaint
   * (what is told there is more about it, read below).
   */
  private toldComplaint(text: string, recognition: Recognition, patientsOwn: boolean): Recognition {
    const said = text.trim();
    if (
      patientsOwn ||
      !notUnderstood(recognition) ||
      recognition.treatments.length > 0 ||
      ASKS.test(said) ||
      NOT_TOLD.test(said.replace(NOT_JUST, ' '))
    )
      return recognition;
    if (!ownComplaintNamed(said)) return recognition;
    // (one that tells which treatment it points to, "my calves are always tight", gets that recommendation below)
    if (toldComplaintOnly(text, recognition, patientsOwn)) return recognition;
    const asked = this.recognizer.recognize(`${said.replace(/[.!,;\s]+$/, '')}. ${HELP_WITH_THAT}`, { patientsOwn });
    // (the thing answered names the complaint: never "“growling lol” isn't on the list" of "my stomach is growling lol")
    const named = asked.conditions.length > 0 || words(asked.unlistedText ?? '').some(namesBodyOrState);
    return asked.intent === 'condition_query' && named ? { ...asked, text } : recognition;
  }

  /**
   * "Can you tell me what meridians are?": a request to be told about a treatment, a concept or a condition is that
   * question, not a request for the help menu (the model leans on "can you tell me" alone).
   */
  private recognizeAsked(text: string, patientsOwn: boolean): Recognition {
    const recognition =
      this.usedForTold(text, patientsOwn) ??
      this.thanksWithComment(text, this.toldComplaint(text, this.recognizer.recognize(text, { patientsOwn }), patientsOwn), patientsOwn);
    // ("you're more helpful than the last clinic, can you help my back?": kind words, then the question at the end)
    const trailing = recognition.intent === 'thanks' || recognition.intent === 'greeting' ? TRAILING_QUESTION.exec(text) : null;
    if (trailing) {
      const asked = this.recognizer.recognize(trailing[1], { patientsOwn });
      if (asked.intent !== 'thanks' && asked.intent !== 'greeting' && !notUnderstood(asked)) return { ...asked, text };
    }
    if (recognition.treatments.length + recognition.conditions.length === 0) return recognition;
    // "cheers mate, last q — does it help tennis elbow": thanks first, then the question, which is what to answer.
    if (recognition.intent === 'thanks' || recognition.intent === 'greeting') {
      const opener = SOCIAL_OPENER.exec(text);
      if (!opener) return recognition;
      const asked = this.recognizer.recognize(text.slice(opener[0].length), { patientsOwn });
      return asked.intent === 'thanks' || asked.intent === 'greeting' || notUnderstood(asked) ? recognition : asked;
    }
    // ("I know you do acupuncture but do you do dry needling too?": what the writer knows, then the question, which is
    // what to answer; never the thing known taken for the thing asked)
    const known = KNOWN_LEAD.exec(text);
    if (known) {
      const asked = this.recognizer.recognize(text.slice(known[0].length), { patientsOwn });
      // (the treatment named in what is known is what "it" is: "I see you do dry needling, how does it work")
      if (!notUnderstood(asked)) return { ...asked, text, treatments: asked.treatments.length > 0 ? asked.treatments : recognition.treatments };
    }
    if (recognition.intent !== 'help') return recognition;
    const frame = ASKS_TO_BE_TOLD.exec(text.trim());
    if (!frame) return recognition;
    const asked = this.recognizer.recognize(text.trim().slice(frame[0].length), { patientsOwn });
    return asked.intent === 'help' || notUnderstood(asked) ? recognition : asked;
  }

  /**
   * "my sister keeps sending me articles about acupuncture for fertility. Is that something the clinic uses it for?": the
   * treatment's use told in one sentence ("acupuncture for fertility", "ear acupuncture for weight loss") and asked of in
   * another: whether it is used for that thing, listed or not.
   */
  private usedForTold(text: string, patientsOwn: boolean): Recognition | undefined {
    // (one question only: "…dry needling for my fibromyalgia - is that on your list? And would acupuncture help my sleep?"
    // asks two, each answered)
    if (!USE_ASKED_OF_IT.test(text) || (text.match(/\?+/g) ?? []).length > 1) return undefined;
    const told = TREATMENT_FOR.exec(text);
    if (!told) return undefined;
    const question = `does ${told[1]} help ${told[2]}?`;
    const asked = this.recognizer.recognize(question, { patientsOwn });
    const aboutIt = asked.intent === 'condition_query' && (asked.conditions.length > 0 || asked.unlistedMention);
    // (summed up, as the recognizer sums up a story: the sentences that told it are no questions of their own)
    return aboutIt ? { ...asked, text: question, summedUp: true } : undefined;
  }

  /**
   * A message read against what was talked about last, when alone it says less than it means: "what is it exactly
   * though?" (points back), "it's been like this for 10 years" after a condition question (more about it), "how?" after
   * an answer about one treatment, "and for restless legs?" after a condition question (that thing, on the list).
   */
  private resolveFollowUp(text: string, recognition: Recognition, ctx: ClinicContext, patientsOwn: boolean): Recognition {
    // ("and the one for muscles, how does that work?": the treatment pointed to, asked about)
    // (not when the condition just answered is what is asked: "is that the needles in the muscles one or the chinese one?")
    const ofLastCondition = recognition.refersBack && recognition.intent === 'condition_query' && recognition.conditions.length === 0;
    const named = recognition.treatments.length === 0 && !ofLastCondition ? namingTheOneFor(text) : undefined;
    if (named) {
      const again = this.recognizer.recognize(named, { patientsOwn });
      if (!notUnderstood(again) && again.treatments.length === 1) recognition = { ...again, text };
    }
    // ("Right, and would that one do anything for my posture?" after dry needling was named: the question asked of it)
    const thatOne = recognition.refersBack && recognition.treatments.length === 1 && THAT_ONE.test(text) && !TREATMENT_WORD.test(text);
    if (thatOne) {
      const again = this.recognizer.recognize(text.replace(THAT_ONE, THAT_ONE_NAMED[recognition.treatments[0]]), { patientsOwn });
      if (!notUnderstood(again)) recognition = { ...again, text, refersBack: true };
    }
    // ("is that on the acupuncture list or the dry needling one?" after carpal tunnel: which list it is on, asked)
    const listAsked = listAskedOfLast(text, recognition, ctx);
    if (listAsked) {
      const again = this.recognizer.recognize(listAsked, { patientsOwn });
      // (after "shin splints" was answered as not named, under sports injuries: still not named, asked again)
      const unnamed = ctx.lastUnlisted;
      const conditions = unnamed ? again.conditions.map((c) => ({ value: { ...c.value, partial: true }, text: unnamed })) : again.conditions;
      if (again.conditions.length > 0) recognition = { ...again, conditions, intent: 'condition_query', text, refersBack: true };
    }
    // ("upper back?" after an answer about lower back pain: another place asked in a word or two, as "what about …")
    if (
      ctx.lastIntent === 'condition_query' &&
      notUnderstood(recognition) &&
      recognition.treatments.length === 0 &&
      BARE_FOLLOW_UP.test(text.trim())
    ) {
      // ("golfers?" after tennis elbow: the one name it begins)
      const begun = this.recognizer.nameBegunBy?.(text.trim().replace(/[?!.]+$/, ''));
      const again = this.recognizer.recognize(`what about ${begun ?? text.trim()}`, { patientsOwn });
      // (a place or a complaint: "upper back", "bunions"; never "blah blah")
      const complaint = again.conditions.length > 0 || words(again.unlistedText ?? '').some(namesBodyOrState);
      if (again.intent === 'condition_query' && complaint) recognition = { ...again, text, refersBack: true };
    }
    const resolved = pointedBack(text, recognition, ctx);
    if (resolved) {
      const again = this.recognizer.recognize(resolved, { patientsOwn });
      if (!notUnderstood(again) && again.intent !== 'greeting' && again.intent !== 'thanks') recognition = { ...again, refersBack: true };
    }
    if (tellsMoreAboutCondition(recognition, ctx))
      recognition = { ...recognition, intent: 'condition_query', reason: 'classified', score: 1, refersBack: recognition.conditions.length === 0 };
    if (tellsMoreForChoice(recognition, ctx) || putsChoiceAgain(recognition, ctx))
      recognition = { ...recognition, intent: 'which_suits', reason: 'classified', score: 1, refersBack: true };
    // (a rare word in it, "no injury or anything", is no unlisted thing asked about)
    else if (addsToChoice(recognition, ctx))
      recognition = { ...recognition, intent: 'which_suits', reason: 'classified', score: 1, refersBack: true, unlistedMention: false };
    // "It gets stiff and tight … and then I get headaches" after "My neck.": words the condition talked about names
    // ("headaches" of "Neck pain and tension headaches") are that condition's, not another's.
    const talkedAbout = ctx.toldCondition ?? ctx.lastCondition;
    if (
      talkedAbout &&
      patientsOwn &&
      // ("and the other elbow one, the tennis one?": the other one)
      !/\b(other|another|different|outside|inside|outer|inner)\b/i.test(text) &&
      // (a condition named as two complaints, "Neck pain and tension headaches": the second told after the first)
      /\band\b/.test(talkedAbout.name) &&
      recognition.conditions.length === 1 &&
      recognition.conditions[0].value.name !== talkedAbout.name &&
      !recognition.conditions[0].value.excluded &&
      saidWithinName(recognition.conditions[0].text, talkedAbout.name)
    )
      recognition = { ...recognition, conditions: [{ ...recognition.conditions[0], value: talkedAbout }] };
    // ("Is gout one you'd needle?" … "does it count under osteoarthritis?": the thing answered before, asked to count as
    // a listed one, which the article does not say: the honest partial answer, never "Yes")
    if (ctx.lastUnlisted && recognition.conditions.length > 0 && asksIfItCounts(text))
      recognition = {
        ...recognition,
        intent: 'condition_query',
        reason: 'classified',
        score: 1,
        conditions: recognition.conditions.map((c) => ({ value: { ...c.value, partial: true }, text: ctx.lastUnlisted! })),
      };
    recognition = this.unlistedPointedBack(text, recognition, ctx, patientsOwn);
    recognition = this.placeOfLast(text, recognition, ctx);
    recognition = this.sameConditionElsewhere(text, recognition, ctx);
    recognition = this.sameOfTheOther(text, recognition, ctx);
    recognition = this.moreAboutPlace(text, recognition, ctx);
    recognition = this.moreAboutCondition(text, recognition, ctx);
    // ("I am 81 and not very good with the computer. Is there a lady I can talk to on the telephone please?": a person
    // asked for, whatever the words around it made of the message)
    if (notUnderstood(recognition) && PERSON_ASKED.test(plainForm(text)))
      recognition = { ...recognition, intent: 'human', reason: 'classified', score: 1 };
    if (toldComplaintOnly(text, recognition, patientsOwn)) recognition = { ...recognition, intent: 'which_suits', reason: 'classified', score: 1 };
    // "I need some advice on what to book": the choice between the treatments, which the model took for off-topic.
    // ("I'm new to all this and not sure which of the two I should be booking": no condition asked about, whatever was read as one)
    else if (
      (notUnderstood(recognition) ||
        (recognition.conditions.length + recognition.treatments.length === 0 && recognition.intent === 'condition_query')) &&
      asksHelpChoosing(text)
    )
      recognition = { ...recognition, intent: 'which_suits', reason: 'classified', score: 1 };
    // "so you'd go with dry needling then?": the recommendation again, for the problem already told
    if (confirmsPick(text, ctx))
      recognition = {
        ...recognition,
        intent: 'which_suits',
        reason: 'classified',
        score: 1,
        refersBack: true,
        treatments: [],
        unlistedMention: false,
      };
    recognition = this.questionAfterThanks(text, recognition, patientsOwn);
    // "and dry needling for the same thing?": the condition just asked about, of the treatment named now.
    if (asksSameThing(text, recognition, ctx))
      recognition = { ...recognition, intent: 'condition_query', reason: 'classified', score: 1, refersBack: true, unlistedMention: false };
    // "sorry, is that acupuncture or the other one?", "so is it acupuncture or dry needling for that?": which treatment
    // the last answer was about, said again with that answer.
    if (asksWhichWasIt(text, ctx)) {
      const intent = ctx.lastCondition ? 'condition_query' : (ctx.lastIntent ?? 'which_suits');
      recognition = {
        ...recognition,
        // ("and is that the dry needle thing?": the lists that name it, never a "Yes" that agrees with a wrong guess)
        ...(guessesWhichItWas(text, ctx) ? { whichListAsked: true } : {}),
        intent,
        reason: 'classified',
        score: 1,
        treatments: [],
        conditions: [],
        refersBack: true,
        unlistedMention: false,
      };
    }
    // ("…full of knots after training" … "And if he wanted to try the chi one instead?": what the other one is, asked
    // after a recommendation; never a request for a person)
    if (otherWantedInstead(recognition, ctx)) recognition = { ...recognition, intent: 'what_is', reason: 'classified', score: 1 };
    // ("does dry needling help with tinnitus?" … "hmm ok. so who do i ask then": a person of the clinic, asked for)
    if (personAskedAfter(text, ctx)) recognition = askedOfTheClinic(recognition, 'human');
    // ("what time do you close on fridays" … "and weekends?": the clinic's hours again)
    if (hoursAskedAgain(text, ctx)) recognition = askedOfTheClinic(recognition, 'contact');
    // ("can u say that simpler pls" after an answer about a clicking jaw: the last answer again; the article's words are
    // the only words the bot has, so the same answer, never a made-up plainer one)
    // ("so that's a no then" after "ringing in my ears … acupuncture, legit option?": the last condition answer, said again)
    if (verdictAsked(text, ctx)) recognition = lastAnswerAgain(recognition, ctx);
    // ("is he right?" after what the article says of research; "pls keep it short" after the difference: the passage
    // answered, again)
    else if (sayItAgainAsked(text, ctx) || claimChecked(text, ctx)) recognition = { ...lastAnswerAgain(recognition, ctx), sameAnswer: true };
    const how = bareHowAbout(text, ctx);
    if (how) recognition = { ...recognition, intent: 'how_it_works', reason: 'classified', score: 1, treatments: [how], refersBack: true };
    const thing = notUnderstood(recognition) && recognition.conditions.length === 0 ? ellipticalThing(text, ctx) : undefined;
    if (thing) {
      const asked = this.recognizer.recognize(`is ${thing} on your list?`, { patientsOwn });
      if (asked.intent === 'condition_query') recognition = { ...asked, text };
    }
    return recognition;
  }

  /**
   * "thats really interesting, thanks. so acupuncture is really ancient then?": thanks or a greeting with a question after
   * it is the question, which the model alone reads as thanks; "thank you so much, my back's already feeling better" is
   * thanks, not a question about the back.
   */
  private questionAfterThanks(text: string, recognition: Recognition, patientsOwn: boolean): Recognition {
    const social = recognition.intent === 'thanks' || recognition.intent === 'greeting';
    if (social && text.includes('?')) {
      // (the splitter drops the thanks itself: "thanks! and neck pain?" is one part, "neck pain?")
      const parts = splitQuestions(text);
      const last = parts[parts.length - 1];
      // ("plantr fashitis?? do u do it. cheers": the question is everything but the thanks, the condition with it; the
      // last part alone when the whole still reads as thanks)
      const all = parts.join(' ');
      const askedAll = parts.length > 1 && all.trim() !== text.trim() ? this.recognizer.recognize(all, { patientsOwn }) : undefined;
      if (askedAll && !notUnderstood(askedAll) && askedAll.intent !== 'thanks' && askedAll.intent !== 'greeting' && askedAll.conditions.length > 0)
        return askedAll;
      const asked = last && last.trim() !== text.trim() ? last : undefined;
      const again = asked ? this.recognizer.recognize(asked, { patientsOwn }) : undefined;
      if (again && !notUnderstood(again) && again.intent !== 'thanks' && again.intent !== 'greeting') return again;
    }
    // ("just wanted to say the acupuncture I had with you last month was wonderful, thank you": the thanks last)
    if (
      !social &&
      !text.includes('?') &&
      (THANKS_FIRST.test(text.trim()) ||
        (THANKS_LAST.test(text.trim()) && (recognition.conditions.length === 0 || PAST_VISIT.test(text.toLowerCase().replace(/[’']/g, ' '))))) &&
      GOOD_NEWS.test(text.toLowerCase())
    )
      return { ...recognition, intent: 'thanks', reason: 'classified', score: 1, conditions: [] };
    return recognition;
  }

  /**
   * "Would it do my hands too? My knuckles are the worst of it." after osteoarthritis: a place the last condition covers
   * (one of its body parts), asked about as well, is that condition there.
   */
  /**
   * "would dry needling do the same?", "would acupuncture work just as well?" after a condition was answered for one
   * treatment: the same condition, asked of the treatment named (never "how are they similar?" or "which condition?").
   */
  private sameOfTheOther(text: string, recognition: Recognition, ctx: ClinicContext): Recognition {
    const last = ctx.lastCondition;
    if (!last || ctx.lastIntent !== 'condition_query' || recognition.conditions.length > 0 || recognition.treatments.length !== 1) return recognition;
    if (recognition.unlistedText || !SAME_OF_THE_OTHER.test(plainForm(text))) return recognition;
    // (not a broader word answered for what the patient named, anxiety as "stress management": the context keeps the
    // broader word only, and "does not mention stress management" would be said of the word it names)
    if (last.partial) return recognition;
    return { ...recognition, intent: 'condition_query', reason: 'classified', score: 1, refersBack: true, unlistedMention: false };
  }

  private sameConditionElsewhere(text: string, recognition: Recognition, ctx: ClinicContext): Recognition {
    const last = ctx.lastCondition;
    if (!last || ctx.lastIntent !== 'condition_query' || recognition.conditions.length > 0 || recognition.treatments.length > 1) return recognition;
    if (!ALSO_ASKED.test(text) || !/\b(my|his|her|their|the)\b/i.test(text)) return recognition;
    const place = this.recognizer.placeOf?.(text, last.name);
    if (!place) return recognition;
    return {
      ...recognition,
      intent: 'condition_query',
      reason: 'classified',
      score: 1,
      conditions: [{ value: last, text: place }],
      refersBack: true,
      unlistedMention: false,
      unlistedText: undefined,
    };
  }

  /**
   * "it tingles and goes numb at night" right after "my wrist has been sore lately" was met with the conditions of the
   * wrist: more told of that place, read together with it.
   */
  private moreAboutPlace(text: string, recognition: Recognition, ctx: ClinicContext): Recognition {
    // ("Does dry needling work on tennis elbow?" … "what about the inside bit?": the side of the listed condition's own
    // body part, when no place was described)
    const side = SIDE_OF_PART.test(plainForm(text));
    const place = ctx.lastPlace ?? (side ? PLACE_IN_NAME.exec(ctx.lastCondition?.name.toLowerCase() ?? '')?.[1] : undefined);
    const named = recognition.conditions.filter((c) => !c.value.excluded);
    if (!place || ctx.lastIntent !== 'condition_query' || named.length > 0 || recognition.treatments.length > 0) return recognition;
    if (recognition.conditions.length > 0 && !(side && !ctx.lastPlace)) return recognition;
    if (OWN_ROUTE.has(recognition.intent)) return recognition;
    // ("How is it supposed to work on the stomach though?": how it works there, asked, not more told of the place)
    if (recognition.intent === 'how_it_works' && HOW_IT_WORKS_THERE.test(plainForm(text))) return recognition;
    const again = this.recognizer.recognize(`my ${place}: ${text}`, { patientsOwn: true });
    const found = again.conditions.filter((c) => !c.value.excluded);
    if (found.length === 0) return recognition;
    return {
      ...recognition,
      intent: 'condition_query',
      reason: 'classified',
      score: 1,
      conditions: found,
      refersBack: true,
      unlistedMention: false,
      unlistedText: undefined,
    };
  }

  /**
   * "mine are the one-sided throbbing ones where I need to lie down in a dark room" right after headaches were met with
   * the listed migraine: more told of the condition just answered, in its own signs, is about it (a message otherwise
   * not understood, telling at least two of them).
   */
  private moreAboutCondition(text: string, recognition: Recognition, ctx: ClinicContext): Recognition {
    const last = ctx.lastCondition;
    if (!last || ctx.lastIntent !== 'condition_query' || !notUnderstood(recognition)) return recognition;
    if (recognition.conditions.length > 0 || recognition.treatments.length > 0) return recognition;
    const cues = this.recognizer.cuesOf?.(text, last.name) ?? [];
    if (cues.length < MIN_CUES_TOLD) return recognition;
    return {
      ...recognition,
      intent: 'condition_query',
      reason: 'classified',
      score: 1,
      // (described now, by its own signs: no longer only the broader word it was first asked by)
      conditions: [{ value: { name: last.name, list: last.list, described: true }, text: cues[0] }],
      refersBack: true,
      unlistedMention: false,
      unlistedText: undefined,
    };
  }

  /** Recognises a piece of the message (one of several questions in it) without recording it as the turn's. */
  recognizePart(text: string): Recognition {
    return this.recognizer.recognize(text);
  }

  /** The conversation's context as it stands. */
  async context(context: TurnContext): Promise<ClinicContext> {
    return this.contextAccessor.get(context, {});
  }

  /** Clears the conversation's context ("start over"). */
  async forget(context: TurnContext): Promise<void> {
    await this.contextAccessor.set(context, {});
  }

  /** Remembers what was just answered, so the next "it" or "that" refers to it. */
  async remember(context: TurnContext, intent: string, question: Partial<ResolvedQuestion>, passage?: string): Promise<void> {
    const current = await this.contextAccessor.get(context, {});
    const record = getTurnRecord(context);
    // (an answer that did not say which treatment it was about is about the one the message named: "does dry needling
    // help muscle recovery?" … "how?")
    const named = record?.recognition.treatments.length === 1 ? record.recognition.treatments[0] : undefined;
    const about = question.treatment === undefined && named ? { ...question, treatment: named } : question;
    // (a complaint told only by where it is: the place, for what the patient tells of it next)
    const place = intent === 'condition_query' && !question.condition ? record?.recognition.placeOnly?.part : undefined;
    // (a thing not on the lists, answered: what "does it count under osteoarthritis?" asks of next; or answered as not
    // named under a broader listed one, "shin splints" under sports injuries: what "is that a dry needling thing?" asks of)
    const partly = question.condition?.value.partial ? question.condition.text : undefined;
    const unlisted = intent !== 'condition_query' ? undefined : question.condition ? partly : record?.recognition.unlistedText;
    await this.contextAccessor.set(context, remember(current, intent, about, passage, place, unlisted));
    if (record) {
      record.about = {
        treatment: question.treatment ?? record.about?.treatment,
        condition: question.condition?.value.name ?? record.about?.condition,
      };
    }
  }
}

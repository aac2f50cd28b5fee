/**
 * The main dialog routes each message to an answer or to a child dialog, and handles "cancel",
 * "start over" and "help" at any point, as the Bot Framework core-bot sample does.
 */
import { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogContext,
  DialogSet,
  DialogState,
  DialogTurnResult,
  DialogTurnStatus,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { commandOf } from '../src/bot/commands';
import {
  botIdentityText,
  cancelledText,
  emptyText,
  helpText,
  nothingToCancelText,
  howTheyFeelText,
  needleNervesText,
  notHelpfulText,
  relatedPassageText,
  researchOnlyForAcupunctureText,
  staleAnswerText,
  tooLongText,
} from '../src/bot/replies';
import { SUGGESTIONS } from '../src/bot/suggestions';
import { abbreviationText } from '../src/knowledge/claims';
import { hasRole, passageWithRole } from '../src/knowledge/roles';
import type { PassageRole } from '../src/knowledge/types';
import type { TreatmentId } from '../src/nlu/analyse';
import type { TurnUnderstanding } from '../src/bot/turnRecognizer';
import { asksWhichOfAFact, complainsAboutAnswer } from '../src/nlu/clinicQuestions';
import { asksForRecommendation, asksIfOneSuits, RECOMMENDATION_WORD } from '../src/nlu/choiceFrames';
import {
  asksEastAndWest,
  namesArticleConcept,
  asksIfBot,
  asksWhichDecade,
  asksWhatEachIsFor,
  asksWhichIsFor,
  asksAboutTheNeedles,
  originAskedOf,
  originAskedOfIt,
  asksWhichIsOlder,
  asksWhichIsScientific,
  smallTalkOnly,
  closesChat,
  socialOnly,
  toldAdvice,
} from '../src/nlu/clinicQuestions';
import { leadingArea, mentionsConcerns, toldConcerns } from '../src/nlu/concerns';
import { beliefsTold, questionCount, splitQuestions } from '../src/nlu/multiQuestion';
import { sentencesOf, taskAsked, understandingChecked } from '../src/nlu/recognizer';
import { plainForm } from '../src/nlu/normalize';
import { say } from '../src/bot/reply';
import { staleAnswerOf } from '../src/bot/staleAnswers';
import { welcomeFor } from '../src/bot/firstContact';
import { notUnderstood, pointsAtLast, pointsBack, tellsDetail, type ResolvedQuestion } from '../src/nlu/context';
import { ClarifyDialog, ClarifyOptions, ClarifyResult } from './clarifyDialog';
import { ConditionDialog } from './conditionDialog';
import { DialogDependencies } from './dependencies';
import { EnquiryDialog } from './enquiryDialog';
import { HandoffDialog } from './handoffDialog';
import { CLARIFY_DIALOG, MAIN_DIALOG, MAIN_WATERFALL } from './ids';
import { clinicFaqEntry } from './clinicFaq';
import { checkIntentRegistry, fallback, INTENT_TITLES, intentEntry, WELCOME_SUGGESTIONS } from './intents';
import { isInterrupted } from './interruptibleDialog';
import { agePassage, agesText, answerSeveral, CONCEPT_QUESTION, sayClinicPartsFirst, scienceText } from './multiQuestion';
import {
  asksUsesOutright,
  sendConceptOwner,
  sendConceptsCompared,
  sendPassageAnswer,
  sendMeaningNotExplained,
  sendQuotedAnswer,
  sendSameOfOther,
  TopicDialog,
  unlistedAskedFor,
} from './topicDialog';
import { passagePicker } from '../src/nlu/passages';
import { tellsApproach, WhichTreatmentDialog } from './whichTreatmentDialog';

/** A question word anywhere in a part ("whens dn from", "n who does it"): the part asks, though it does not open as a question. */
const QUESTION_WORD_ANYWHERE = /\b(who|whos|what|whats|when|whens|where|wheres|why|how|hows|which)\b/i;

/** The first treatment a message names. */
const FIRST_TREATMENT = /\b(dry needling|acupuncture|acu|dn)\b/i;

/** Research or evidence asked about ("is there research on it?", "any studies?", "is it proven?"). */
const RESEARCH_ASKED =
  /\b(research|researched|studies|study|evidence|evidence based|proof|proven|scientific|scientifically|clinical trials?|trials)\b/;

/** "Which is it?", "who's right?": a part that only points at the question told before it. */
const POINTER_ONLY = /^(so |and |but |well )?(which|what|who|whos|who s)( one)? ?(is|s|was)? ?(it|right|correct|true|that|the answer)?\s*\??$/i;

/** A short prod for the answer: "so?", "yeah so which", "why that one?", "how come?". */
/** "why that one and not acupuncture?", "how come dry needling over acupuncture?": why the treatment just named. */
/** "get me a person", "can I talk to an actual human", "someone from reception". */
const ASKS_FOR_PERSON = /\b(person|human|someone|somebody|reception|receptionist|staff|manager|real people|a practitioner|call me|ring me)\b/;

/** "what does that stand for again?", "TMD means what?", "what's TMD short for?" */
const STANDS_FOR =
  /\b(stand|stands) for\b|\bshort for\b|\bwhat (does|do) (that|it|this|the letters|those letters|[a-z]{2,6}) mean\b|\b[a-z]{2,6} means what\b/;

/** "Which mineral…", "which disciplines…": a "which" that asks a fact of the article, not which treatment suits. */
// ("which waste product gets stuck in muscle knots?", "is there lactic acid in muscle knots?": what is in a knot)
const WHICH_FACT =
  /\b(which|what) (mineral|minerals|nutrient|nutrients|acid|chemical|chemicals|substance|substances|stuff|byproducts?|waste|waste products?|toxins?|organs?|disciplines?|professions?|professionals|therapists|practitioners)\b|\b(is|are) there (any |some )?(\w+ ){1,2}(in|inside|trapped in|stuck in) (the |my |a |muscle |those |these )?(knots?|trigger points?|muscles?)\b|\bwhat s (actually )?(in|inside) (the |a |muscle |those |these )?(knots?|trigger points?)\b|\b(pressure|targeted pressure) on what\b/;
/** "where does the practitioner put the needle in dry needling?": where the needles go, asked of no condition in particular. */
const WHERE_NEEDLES =
  /\bwhere (do|does|will|would) (the |they |you |u |the practitioner |the physio |he |she )?(put|insert|place|stick) (the )?needles?\b|\bwhere do (the )?needles? go\b/;
/**
 * "why would a needle in my leg do anything for my stomach?", "how can a needle in my hand affect my gut?", "how is a
 * needle supposed to help with stress?", "why a needle in my foot when it's my head that aches?"
 */
// ("…stuck in a loop. Is that the sort of thing the needles are supposed to break?": what the needling is meant to do)
const WHY_IT_WORKS =
  /^(but |so |ok |and )?(why|how) (would|does|do|could|can|should|on earth|the heck|exactly|is|are|will|come|on earth would|is it that)\b.*\b(do anything|affect|reach|work on|help|make a difference|change|fix|work for)\b|\bneedles? (in|into|on|at) (my|the|your|a|someone s) \w+( \w+)? (when|if|but|while|for) (it is|its|it s|the (problem|pain|issue|trouble|ache) is|my \w+ is|my \w+ s)\b|\b(supposed|meant|designed|trying) to (break|release|dissipate|loosen|undo|reset|interrupt)\b/;
/** "how is it supposed to work on the stomach?", "how would the needles even reach my gut?": how it gets there. */
const WORKS_THERE =
  /\b(how|why) (is|does|would|could|can|will) (it|that|this|acupuncture|dry needling|needling|the needles?|they)( (even|actually|really|supposed to|meant to|possibly|ever))* (work on|work for|reach|affect|get to|do anything (to|for))\b/;
/** Which of the two an age question points to ("which is the more modern one?": dry needling). */
const NEWER = /\b(newer|newest|modern|more recent|most recent|younger|youngest)\b/;
const OLDER = /\b(older|oldest|ancient|came first|first|more traditional|around longer|been around)\b/;
// ("Why is that one better for me than the other?", "and why that one rather than acupuncture?")
const WHY_THAT_ONE =
  /^(but |ok |okay |so |and |hmm |right |and so )?(why|how come)( is| would| did| does)? (that|this|it|that one|this one|you say|dry needling|acupuncture|dn|acu)( one| treatment)? ?((is |would be |s )?(better|more suited|more suitable|a better fit|the better one)( for me| in my case| for my \w+)? ?(than|over|and not|not|rather than|instead of)?|and not|not|over|instead of|rather than|vs|versus)\b/;
/** A part of a message that asks something of its own ("…, and what should I wear?"). */
const ANOTHER_QUESTION = /\?$|^(what|how|when|where|who|why|can|could|do|does|is|are|will|would|should|whats|hows)\b/i;
/** "Is she right?", "is that true?" after what someone says: a check of the claim just told, no question of its own. */
const CLAIM_CHECKED =
  /^(so |but )?(is|was|are|am) (she|he|that|this|it|they|i|my \w+)( even| actually| really)? (right|correct|true|accurate|wrong|on the money|onto something)\b/i;
const PROD =
  /^(so|ok so|okay so|yeah so|yes so|and|so what|so which|which|well|why|how come|and so)\b[^a-z]*($|which|one|that|then|is it|would it|that one|this one|\?)/;
/** A recommendation asked for with nothing else named ("Can I get a recommendation?", "what would you suggest?"). */
const ASKS_FOR_ADVICE =
  /^(?:(?:hi|hello|hey|ok|okay|so|um|please)\s+)*(?:(?:can|could|may) i (?:get|have|ask for)|i(?:d| would) like|id love|give me|any|your|(?:can|could) you give me) (?:a |some |an |your )?(?:recommendation|suggestion|advice)(?: please)?(?: (?:acupuncture|acu) or (?:dry needling|dn)| (?:dry needling|dn) or (?:acupuncture|acu)| between (?:them|the two)| on which(?: one)?)?(?: please)?$|^what (?:would|do) you (?:recommend|suggest|advise)(?: for me)?(?: please)?$/;

/**
 * More about the patient's situation, told as an answer ("just the back and leg, nothing internal", "no aches or pains,
 * just those two", "only my knee"): it narrows down what was told, so the recommendation is given with it.
 */
const NARROWS_DOWN =
  /^(?:(?:yep|yeah|yes|no|nope|nah|well|um|its|it is|ok|okay)\s+)*(?:just|only|mainly|mostly)\b|\b(?:nothing|none|not anything) (?:else|internal|inside|more|other)\b|\bno other (?:problems?|issues?|health|conditions?|aches|pains)\b|\bno (?:aches|pains|health (?:issues|problems|stuff))\b/;

/** "nah nothing else", "that's it", "nope, just that": nothing more to tell. */
const NOTHING_MORE =
  /^(?:(?:no|nope|nah|na|not really|um|well|ok|okay)\s+)*(?:nothing|none|not anything)(?: else| more)?\b|^(?:(?:no|nope|nah|ok|okay|yep|yeah)\s+)*(?:thats it|that is it|thats all|that is all|thats about it|thats everything|that is everything|just that|only that)\b/;
/** "is acupuncture or dry needling more that?": the two set side by side. */
const EITHER_OF_THE_TWO = /\b(acupuncture|acu|dry needling|dn) or (acupuncture|acu|dry needling|dn)\b/;
/** "acu or dn?", "which one?": the choice asked for again. */
const WHICH_AGAIN = /\b(which|acu or dn|dn or acu|acupuncture or dry needling|dry needling or acupuncture|acu or dry needling|dry needling or acu)\b/;
/** Intents of their own that more about the problem never means (a booking, a price, a person). */
const OWN_BUSINESS = new Set(['booking', 'contact', 'human', 'not_covered', 'greeting', 'help']);
/** "From typing all day at work.", "because of the tools": how the problem came about, told as an answer. */
const CAUSE_TOLD =
  /^(?:(?:its|it is|probably|prob|mostly|mainly|i think|i reckon|um|well)\s+)*(?:from|because of|cause of|due to|since i started|after)\s+\S+/;

/** "and myotherapists?", "what about osteos?": the same point asked of something else. */
const SAME_POINT = /^(and|what about|how about|or|also|ok and|so)\b/;

interface RouteOptions {
  /** Route as this intent (after a clarification) instead of the recognizer's. */
  intent?: string;
  question?: ResolvedQuestion;
}

/**
 * Intents that a named condition turns into a condition question ("what is dry needling for back pain?").
 * ("Which suits me?" with a condition is answered by the which-treatment dialog, which uses the condition.)
 */
const CONDITION_TOPICS = new Set<string>(['what_is', 'how_it_works', 'uses', 'help']);
const COMPARISONS = new Set<string>(['difference', 'similarity']);
/** "Is chronic fatigue syndrome on your list?", "do you treat …": a question about a condition, whatever it is. */
const ASKS_LIST = /\b(on (your|the|ur) list|do (you|u) (treat|do)|can (you|u) (treat|help)|(is|are) .{1,40} (treated|covered))\b/i;
const WHICH_SUITS = 'which_suits';
/** Questions about the article itself, which a part of a message may ask beside a choice. */
const ARTICLE_TOPICS = new Set(['what_is', 'how_it_works', 'uses', 'difference', 'similarity']);
/** A problem named as what a choice is for ("for my gout", "with his asthma", "she's got endometriosis"). */
// (an occasion or a gift is no problem, nor is health in general: "a voucher for my birthday", "for my general wellbeing")
const FOR_A_PROBLEM =
  /\b(for|with|help|helps|treat|treats|suit|suits|fix|fixes) (my|his|her|their|our) (?!((teenage|teen|young|little|older|elderly|old|adult|youngest|eldest|oldest|grown up|baby) )?(dad|mum|mom|father|mother|husband|wife|partner|son|daughter|kid|kids|child|children|baby|gran|grandma|grandmother|grandpa|grandfather|nan|nana|friend|mate|boss|brother|sister|family|body|health|problem|problems|issue|issues|condition|conditions|situation|case|needs|general|overall|wellbeing|well being|whole|mental|emotional|own|birthday|bday|\d+(st|nd|rd|th|s)?|retirement|graduation|christmas|xmas|anniversary|wedding|present|gift|voucher|holiday|holidays|trip|money|budget|age|sake|own good|first time|next visit|appointment|booking)\b)\w+|\b(got|has|have) (bad |chronic |terrible )?\w+ (in|on) (my|his|her)\b|\b(i|i ve|ive|he|she|they) (have|has|got|suffer from|suffer with|live with|was diagnosed with) (bad |chronic |severe |terrible |mild )?(?!(been|had|got|to|no|not|never|some|any|a|an|the|time|questions?|one|two|it|that|this|tried|done|heard|read|seen)\b)\w+\s*[.!?]*$/;
/** "Which one is less painful?", "which of them doesn't use needles?": how the two feel, which the article does not compare. */
// ("does acupuncture hurt more than dry needling?", "is dry needling more painful than acupuncture?": the same comparison)
const ASKS_HOW_THEY_FEEL =
  /\bwhich( one| treatment| of (them|the two|those|your treatments))? (is|would be|feels|will be|s) ((less|least|more|most) (painful|sore|gentle|gentler|comfortable|uncomfortable|scary|invasive|intense)|gentler|gentlest|softer|milder)\b|\bwhich( one| treatment)? (hurts|stings) (less|more|the least|the most)\b|\b(which|what|any)( one| treatment| treatments| of (them|the two|your treatments))? (doesnt|does not|dont|do not) (use|involve|need|have) needles\b|\bneedles\b.*\bwhich\b.*\b(doesnt|does not|dont|do not) (use|involve|need) (them|any)\b|\bneedle ?free\b|\b(does|do|would|will|is|are) (acupuncture|acu|dry needling|dn|it|one)( \w+)? (hurt|sting|hurts|stings) (more|less|worse) than\b|\b(is|are|would|will|does) (acupuncture|acu|dry needling|dn|it|one) (be |feel )?(more|less|much more|much less|a lot more|any more|any less) (painful|sore|uncomfortable|comfortable|gentle|intense|invasive|scary) than\b|\b(is|are) (acupuncture|acu|dry needling|dn) (gentler|rougher|softer|milder) than (acupuncture|acu|dry needling|dn)\b/;
/** "I'm a bit nervous about needles", "scared of needles tbh", "needles freak me out": a worry about needles. */
const NERVOUS_OF_NEEDLES =
  /\b(nervous|scared|afraid|frightened|terrified|petrified|anxious|worried|wary|squeamish|phobic|phobia|fear|hate|freaked|freaks?|terrify|terrifies|scare|scares)\b(?!.*\b(not|dont|never|isnt) (scared|nervous|afraid)\b).{0,40}\bneedles?\b|\bneedles?\b.{0,30}\b(scare|scares|freak|freaks|terrify|terrifies|frighten|frightens|phobia)\b|\bneedle ?phobi(a|c)\b/;
/** What a question about the nerves themselves asks: whether it hurts, how it feels, how big the needles are, what to expect. */
const NERVES_QUESTION =
  /\b(hurt|hurts|hurting|painful|pain|sting|stings|feel|feels|feeling|big|size|thick|thin|long|expect|bleed|bleeding|safe|ok|okay|normal|common|silly|dumb|stupid|weird|chicken|wimp|baby|cope|relax|scared|nervous|afraid|worried|anxious|phobia|faint|fainting|pass out)\b|\b(less|more|fewer) (needle ?y|needley|needles|needle|painful|sore|scary|invasive|intense|gentle|ouchy)\b/;
const CHOICE_ONLY =
  /^(so |and |but |ok )?(which|what) (one|treatment|of the two|of them|would you|do you)\b|\bshould i (have|get|do|try|choose|pick|go for|book)\b/;
/** Whether every question the message asks is about the nerves (or it asks none): else the other question is answered. */
function onlyNervesAsked(text: string): boolean {
  // (every sentence that asks, wherever it stands: "can I put numbing cream on before? I really hate needles")
  const asked = sentencesOf(text)
    .filter((x) => /\?\s*$/.test(x.trim()))
    .flatMap((x) => splitQuestions(x));
  // (a choice asked beside the nerves, "Which one should I have?", keeps the reassurance, as before)
  return asked.every((p) => NERVES_QUESTION.test(plainForm(p)) || NERVOUS_OF_NEEDLES.test(plainForm(p)) || CHOICE_ONLY.test(plainForm(p)));
}
/** Nerves alone, with nothing asked ("still a bit scared", "im nervous tbh", "but a little anxious about the needles"). */
const NERVES_ONLY =
  /^(and |but |just |still |tho |though )*((i m|im|i am|i do feel|i feel|feeling) )?(still )?(a (bit|little|tad|wee bit|little bit) |so |really |kinda |kind of |pretty |quite |very |super )?(scared|nervous|anxious|worried|terrified|freaked out|apprehensive|petrified|hesitant|wary|shaky|jittery)( (still|tho|though|lol|haha|tbh|to be honest|honestly|of (the )?needles|about (the )?needles|about it|ngl))*$/;
/** "I'll think about it", "will have a think", "might sleep on it": the writer going away to decide, nothing asked. */
const THINKING_IT_OVER =
  /^(ok |okay |right |so |and )?(i ll|ill|i will|will|i might|might|i d better|gonna|going to|let me) (have a think|think about it|think it over|have a little think|sleep on it|mull it over|talk to my (husband|wife|partner) about it|get back to you|let you know)( first| and get back to you| and let you know| thanks)?$/;
/** Thanks or a closing, then the nerves still there: every clause one or the other, both present. */
function thanksAndNerves(text: string): boolean {
  const clauses = text
    .split(/[,.;!?…]+|\s+-\s+/)
    .map((c) => plainForm(c))
    .filter(Boolean);
  const nerves = clauses.filter((c) => NERVES_ONLY.test(c));
  const rest = clauses.filter((c) => !nerves.includes(c));
  return nerves.length > 0 && rest.length > 0 && rest.every((c) => socialOnly(c) !== undefined || THINKING_IT_OVER.test(c));
}
/** Intents that say the model did not recognise a question of the clinic's (a statement, an aside). */
const UNSURE_INTENTS = new Set<string>(['None', 'out_of_scope']);
/** Words that ask for a recommendation ("which is better for me, the Chinese way or the Western way?"). */
const FOR_ME = /\b(for me|better|best|suits?|should i|recommend\w*|advise)\b/;

/** Intents whose question may be answered by one passage of the article. */
const PASSAGE_INTENTS = new Set<string>(['what_is', 'how_it_works', 'uses', 'difference', 'similarity', 'None', 'out_of_scope']);

export class MainDialog extends ComponentDialog {
  readonly knowledge: DialogDependencies['knowledge'];

  constructor(private readonly deps: DialogDependencies) {
    super(MAIN_DIALOG);
    this.knowledge = deps.knowledge;
    // Every intent file has a route and every route a file, or the bot does not start (see intents.ts).
    checkIntentRegistry(deps.knowledge);
    this.addDialog(new TopicDialog(deps));
    this.addDialog(new ConditionDialog(deps));
    this.addDialog(new WhichTreatmentDialog(deps));
    this.addDialog(new EnquiryDialog(deps));
    this.addDialog(new HandoffDialog(deps));
    this.addDialog(new ClarifyDialog(deps, INTENT_TITLES));
    this.addDialog(new WaterfallDialog(MAIN_WATERFALL, [(s) => this.routeStep(s), (s) => this.afterChildStep(s)]));
    this.initialDialogId = MAIN_WATERFALL;
  }

  /**
   * botbuilder-dialogs builds its memory-scope configuration (about ten scope and path-resolver objects, through a
   * dependency-injection graph) in the first DialogContext of every turn and keeps it in turn state: about 0.1 ms,
   * a tenth of a turn. The scopes are stateless, so the one built on the first turn is handed to every later turn
   * under the same turn-state key (found by identity, so nothing breaks if botbuilder renames it).
   */
  private memoryScopes?: { key: unknown; configuration: unknown };

  /** Continues the active dialog, or starts routing when none is active. */
  async run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    if (this.memoryScopes) context.turnState.set(this.memoryScopes.key, this.memoryScopes.configuration);
    const dc = await dialogSet.createContext(context);
    if (!this.memoryScopes) {
      for (const [key, value] of context.turnState) {
        if (value === dc.state.configuration) this.memoryScopes = { key, configuration: value };
      }
    }
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  /** The welcome, for a conversation's start and for "start over". */
  async sendWelcome(context: TurnContext): Promise<void> {
    await say(context, undefined, welcomeFor(context, this.deps.knowledge), { suggestions: WELCOME_SUGGESTIONS });
  }

  protected async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(innerDc);
    return interrupted ?? super.onContinueDialog(innerDc);
  }

  /** cancel / start over / help, whatever dialog is waiting. */
  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const context = innerDc.context;
    const command = commandOf(context.activity.text);
    if (!command) return undefined;
    await this.deps.turns.understand(context);
    if (command === 'help') {
      await say(context, 'answered', helpText(this.deps.knowledge), { intent: 'help' });
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    await innerDc.cancelAllDialogs();
    if (command === 'start_over') {
      await this.deps.turns.forget(context);
      await say(context, 'answered', welcomeFor(context, this.deps.knowledge), { intent: command, suggestions: WELCOME_SUGGESTIONS });
    } else {
      await say(context, 'answered', cancelledText(), { intent: command });
    }
    return { status: DialogTurnStatus.complete };
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const options = (step.options ?? {}) as RouteOptions;
    const { recognition, question: recognized } = await this.deps.turns.understand(context);
    const question = options.question ?? recognized;
    const continues = !options.intent && (await this.continuesWhichSuits(context));

    if (!options.intent) {
      const command = commandOf(context.activity.text);
      if (command) return this.runCommand(step, command);
      // (a smiley alone, "😊", is a reaction to the answer: thanked below, not asked for a question)
      if (recognition.reason === 'too_long' || (recognition.reason === 'empty' && !socialOnly(context.activity.text ?? ''))) {
        await say(context, 'fallback', recognition.reason === 'empty' ? emptyText() : tooLongText(this.deps.maxMessageChars));
        return step.endDialog();
      }
      const stale = staleAnswerOf(context.activity.text);
      if (stale) {
        // "yes", "no", or a tapped "Yes, send it" with no question waiting: say so, never start something new.
        await say(context, 'answered', staleAnswerText(this.deps.knowledge, stale), {
          intent: 'stale_answer',
          suggestions: stale === 'yes' ? WELCOME_SUGGESTIONS : [],
        });
        return step.endDialog();
      }
      if (asksIfBot(context.activity.text ?? '')) {
        // ("Are you a real person? And what is dry needling anyway?": each question answered, the bot's truth first)
        if (questionCount(context.activity.text ?? '') >= 2 && (await answerSeveral(context, this.deps, question))) return step.endDialog();
        await say(context, 'answered', botIdentityText(this.deps.knowledge), {
          intent: 'bot_identity',
          suggestions: [SUGGESTIONS.person, SUGGESTIONS.whatIsDryNeedling],
        });
        return step.endDialog();
      }
      // "that didn't help at all", "you're not very helpful": an apology and a person, not "you're welcome".
      // ("this is useless, just get me a person" asks for one: the handoff)
      if (complainsAboutAnswer(context.activity.text ?? '') && !ASKS_FOR_PERSON.test(plainForm(context.activity.text ?? ''))) {
        await say(context, 'answered', notHelpfulText(this.deps.knowledge), {
          intent: 'help',
          suggestions: [SUGGESTIONS.person, ...WELCOME_SUGGESTIONS],
        });
        return step.endDialog();
      }
      // ("How's your day going?", "sorry to be such a bother": small talk with the bot, answered in kind)
      // ("… I'm off for a cuppa. Bye for now, and thanks for putting up with my waffling!": a chat closed, nothing asked)
      const closing =
        closesChat(context.activity.text ?? '') &&
        UNSURE_INTENTS.has(recognition.intent) &&
        !recognition.conditions.length &&
        !recognition.treatments.length;
      const social = socialOnly(context.activity.text ?? '') ?? (smallTalkOnly(context.activity.text ?? '') || closing ? 'social' : undefined);
      // ("cheers ill have a think, still a bit scared": thanks, and the nerves still there, met kindly, not declined)
      if (thanksAndNerves(context.activity.text ?? '')) {
        await this.sendAboutNeedles(context, needleNervesText(this.deps.knowledge));
        return step.endDialog();
      }
      if (social) {
        const kind = social === 'greeting' ? 'greeting' : 'thanks';
        return intentEntry(kind)!.handle({ step, context, deps: this.deps, recognition, question, intent: kind, asked: kind });
      }
      // ("can u write me 500 words on the history of chinese medicine for my assignment": a task, declined, never a passage)
      if (taskAsked(context.activity.text ?? ''))
        return intentEntry('out_of_scope')!.handle({
          step,
          context,
          deps: this.deps,
          recognition,
          question,
          intent: 'out_of_scope',
          asked: 'out_of_scope',
        });
      // (one question only: "how does each work, and which is newer?" is answered part by part below)
      const single = questionCount(context.activity.text ?? '') < 2;
      // A question a recognizer rule decided outright, which no passage below may take over: a dose ("How many milligrams
      // of magnesium should I take for cramps?") is advice about a medicine; "Isn't dry needling just acupuncture with a
      // new name?" asks whether the two are one thing.
      const decided =
        single &&
        // ("My dad reckons dry needling is just acupuncture with a new name. When did dry needling actually come about?":
        // the age asked is the question, the claim told beside it)
        ((recognition.intent === 'similarity' && recognition.reason === 'entity' && !asksWhichDecade(context.activity.text ?? '')) ||
          (recognition.intent === 'not_covered' && recognition.notCovered?.dose))
          ? recognition.intent
          : undefined;
      if (decided) return intentEntry(decided)!.handle({ step, context, deps: this.deps, recognition, question, intent: decided, asked: decided });
      // ("What's the history of each one? How old are they?": one question asked twice)
      const agesAsked =
        asksWhichIsOlder(context.activity.text ?? '') && (single || splitQuestions(context.activity.text ?? '').every((p) => asksWhichIsOlder(p)));
      if (agesAsked && (await this.sendAges(context))) return step.endDialog();
      // ("which decade did dry needling appear in?": that one's age, which the classifier may take for a choice; both ages
      // when neither or both are named. "is it Eastern or Western, and what decade did it come about?" is routed as usual.)
      if (single && asksWhichDecade(context.activity.text ?? '') && (await this.sendAgeAsked(context, recognition, question)))
        return step.endDialog();
      // ("which has the finer needles?", "are they like the needles for a blood test?": what the article says of the needles)
      if (single && asksAboutTheNeedles(context.activity.text ?? '') && (await this.sendRole(context, 'needles', 'how_it_works')))
        return step.endDialog();
      // ("is dry needling Chinese as well?": that one's origin, as the article gives it)
      // ("does it really come from China originally?" after an acupuncture answer: "it" is the one last talked about)
      const last = single && originAskedOfIt(context.activity.text ?? '') ? (await this.deps.turns.context(context)).lastTreatment : undefined;
      const talkedAbout = last === 'acupuncture' || last === 'dryNeedling' ? last : undefined;
      const originOf = single
        ? (originAskedOf(context.activity.text ?? '') ?? (originAskedOfIt(context.activity.text ?? '') ? talkedAbout : undefined))
        : undefined;
      if (originOf && (await this.sendRole(context, 'origin', 'what_is', originOf))) return step.endDialog();
      // ("And is there similar research mentioned for dry needling, or is that one more of a theory?": the article's research
      // is acupuncture's; for dry needling it gives its Western principles)
      if (single && (await this.sendResearchOfDryNeedling(context, recognition, question))) return step.endDialog();
      if (single && ASKS_HOW_THEY_FEEL.test(plainForm(context.activity.text ?? ''))) {
        await this.sendAboutNeedles(context, howTheyFeelText(this.deps.knowledge));
        return step.endDialog();
      }
      // ("I'd like a recommendation but I'm a bit scared of needles": the choice asked for is started, not only reassured)
      if (
        single &&
        NERVOUS_OF_NEEDLES.test(plainForm(context.activity.text ?? '')) &&
        !recognition.conditions.length &&
        // ("I'm terrified of needles… Do you do acupuncture for fertility?": the thing asked about is the question)
        !recognition.unlistedText &&
        !RECOMMENDATION_WORD.test(plainForm(context.activity.text ?? '')) &&
        // ("a bit nervous about needles tbh. what actually happens in dry needling?": another question asked is the question)
        onlyNervesAsked(context.activity.text ?? '')
      ) {
        await this.sendAboutNeedles(context, needleNervesText(this.deps.knowledge));
        return step.endDialog();
      }
      if (single && asksWhichIsScientific(context.activity.text ?? '') && (await this.sendAges(context, scienceText(this.deps.knowledge))))
        return step.endDialog();
      // ("which one is the eastern one and which is the western one": one question in two parts)
      // ("which is better for me, the Chinese way or the Western way?" asks for a recommendation; "which one would that be,
      // the chinese one or the western one?" right after a condition asks which lists it)
      if (
        asksEastAndWest(context.activity.text ?? '') &&
        !recognition.whichListAsked &&
        !FOR_ME.test(plainForm(context.activity.text ?? '')) &&
        !recognition.conditions.length &&
        (await this.sendAges(context))
      )
        return step.endDialog();
      // ("what's the main difference between the two, and which one is more aimed at stress?": a choice asked beside another
      // question, with no choice under way, is one part of several, each answered)
      // (a clinic question beside it, hours or a price, is said first and the recommendation given, below)
      if (
        continues &&
        questionCount(context.activity.text ?? '') >= 2 &&
        (await this.deps.turns.context(context)).lastIntent !== WHICH_SUITS &&
        splitQuestions(context.activity.text ?? '').some((p) => ARTICLE_TOPICS.has(this.deps.turns.recognizePart(p).intent)) &&
        (await answerSeveral(context, this.deps, question))
      )
        return step.endDialog();
      if (continues) {
        // ("Which of the two is better for stress, and what hours are you open?": the hours first, then the recommendation)
        await sayClinicPartsFirst(context, this.deps);
        return intentEntry(WHICH_SUITS)!.handle({ step, context, deps: this.deps, recognition, question, intent: WHICH_SUITS, asked: WHICH_SUITS });
      }
      // ("which one for gut issues and which for a sore neck?": problems named, each part answered for its own)
      if (!recognition.conditions.length && (await this.sendWhatEachIsFor(context))) return step.endDialog();
      if (await this.sendWhyThatOne(context)) return step.endDialog();
      if (await this.sendSamePoint(context)) return step.endDialog();
      if (await this.sendAbbreviation(context, question)) return step.endDialog();
      // ("My GP said I've got 'mechanical' back pain. What does that actually mean?": words the article does not explain)
      if (single && (await sendMeaningNotExplained(context, this.deps))) return step.endDialog();
      if (single && (await sendQuotedAnswer(context, this.deps))) return step.endDialog();
      if (single && (await sendConceptsCompared(context, this.deps))) return step.endDialog();
      if (single && (await sendConceptOwner(context, this.deps))) return step.endDialog();
      if (single && (await sendSameOfOther(context, this.deps))) return step.endDialog();
      if (await answerSeveral(context, this.deps, question)) return step.endDialog();
      // (the rest routed as one question below: the clinic's parts, a cancellation policy or a price, are said first)
      await sayClinicPartsFirst(context, this.deps);
      const clearPassage = passagePicker(this.deps.knowledge.passages).answersClearly(recognition.text, recognition.intent);
      // "what does lactic acid do in a muscle knot?": a question about the article's concepts, though "muscle knot" also
      // names a condition.
      const aboutConcept = clearPassage && (recognition.implied?.length ?? 0) > 0 && CONCEPT_QUESTION.test(recognition.text);
      // ("which mineral do the muscle knots affect?": a fact the article gives, not a choice of treatment)
      // (an explanation's own word, "magnesium", is enough: no condition or treatment has it)
      // ("what substance do muscle knots trap?": a fact asked, which one passage's words answer)
      const picked = passagePicker(this.deps.knowledge.passages).pick(recognition.text, question.treatment) !== undefined;
      const plain = plainForm(recognition.text);
      // ("and magnesium?" after the lactic-acid question: the concept alone, asked)
      const asksConcept =
        picked && namesArticleConcept(recognition.text) && (CONCEPT_QUESTION.test(recognition.text) || plain.split(' ').length <= 3);
      const whichFact = ((clearPassage || picked) && (WHICH_FACT.test(plain) || (!question.condition && WHERE_NEEDLES.test(plain)))) || asksConcept;
      // ("Why would putting a needle in my leg do anything for my stomach?": how it could work, not whether it is listed)
      // ("How is it supposed to work on the stomach though?": one passage's words, and how it reaches there asked)
      const whyItWorks = (clearPassage && WHY_IT_WORKS.test(plain)) || (picked && WORKS_THERE.test(plain));
      if (
        !asksUsesOutright(recognition) &&
        // ("is the prime meridian in greenwich": a word of the article's in another sense, which no passage answers)
        !recognition.otherSense &&
        (PASSAGE_INTENTS.has(recognition.intent) || aboutConcept || whichFact || whyItWorks) &&
        // ("how is it supposed to work on the stomach though?" after digestive issues: how it works, asked in the words of
        // one passage, whatever condition was talked about before)
        (!question.condition ||
          aboutConcept ||
          whichFact ||
          whyItWorks ||
          (question.conditionFromContext && recognition.intent === 'how_it_works' && picked)) &&
        // ("Is acupuncture suitable for bedwetting in kids?": a thing we do not know asked of a treatment takes a passage only
        // when one clearly answers)
        // ("where can I get a coffee?" after dry needling: nothing of the clinic's in it, so the treatment talked about
        // takes a passage only when one clearly answers)
        ((question.treatment &&
          !(recognition.unknownAsked === 'for' && UNSURE_INTENTS.has(recognition.intent)) &&
          !(
            recognition.reason === 'no_domain_words' &&
            question.treatmentFromContext &&
            UNSURE_INTENTS.has(recognition.intent) &&
            // ("where are they found?" after trigger points points back at them)
            !pointsAtLast(recognition.text)
          )) ||
          recognition.reason === 'ambiguous' ||
          clearPassage ||
          whichFact)
      ) {
        // A specific question about the article ("when was dry needling developed?") gets the passage that answers it.
        if (await sendPassageAnswer(context, this.deps, 'how_it_works', question.treatment)) return step.endDialog();
      }
      // ("does acupuncture help if i barely sleep": a named condition says what is asked, whatever else it could be)
      const namedCondition = question.condition && !question.conditionFromContext && !question.condition.value.partial;
      if (recognition.reason === 'ambiguous' && recognition.candidates && !namedCondition) {
        return step.beginDialog(CLARIFY_DIALOG, { candidates: recognition.candidates, question } satisfies ClarifyOptions);
      }
    }

    const asked = options.intent ?? recognition.intent;
    // A named condition turns "what is / how does it work / which is better" into a condition question.
    // So does a comparison that names a condition and no treatment ("is lateral epicondylitis the same as tennis elbow?").
    const comparesCondition = COMPARISONS.has(asked) && recognition.treatments.length === 0;
    const aboutCondition = !options.intent && !question.conditionFromContext && (CONDITION_TOPICS.has(asked) || comparesCondition);
    // A named diagnosis that is not on the lists ("cluster headaches, is that on your list?") is a condition question too.
    const namesUnlisted =
      (Boolean(recognition.unlistedText) || (recognition.unlistedMention && ASKS_LIST.test(recognition.text))) && recognition.treatments.length === 0;
    // "which treatment for my chronic fatigue syndrome?", "which one for his gout?": a choice asked for something the
    // lists do not name is told it is not on the list, not given a recommendation for it.
    const suitsUnlisted =
      asked === WHICH_SUITS &&
      !options.intent &&
      !question.condition &&
      recognition.unlistedMention &&
      FOR_A_PROBLEM.test(plainForm(recognition.text));
    // ("sore between my shoulder blades from hunching at the laptop": a complaint of the writer's own that nothing else
    // took is a question about it, never "not something I can help with")
    const complaintOnly = !options.intent && recognition.complaintTold === true && (asked === 'None' || asked === 'out_of_scope');
    const intent = ((question.condition || namesUnlisted) && aboutCondition) || suitsUnlisted || complaintOnly ? 'condition_query' : asked;
    const entry = intentEntry(intent) ?? clinicFaqEntry(intent, this.deps.knowledge);
    if (!entry) return fallback({ step, context, deps: this.deps });
    return entry.handle({ step, context, deps: this.deps, recognition, question, intent, asked });
  }

  /**
   * Messages that belong to "which suits me?" although the model read them as something else:
   *  - a request for a recommendation after the patient told their problem, or one the model missed ("so which would
   *    you advise?", "heels are wrecked. which one suits me");
   *  - both treatments set against a problem the message tells ("acu vs dn for stress?");
   *  - right after a recommendation, a message that only tells more about the problem ("yes, it's definitely
   *    muscular", "no muscular problems, no"), which carries that conversation on instead of being a new question.
   */
  /** How the needles feel, or a worry about them: what the article says, and the people who can talk it through. */
  private async sendAboutNeedles(context: TurnContext, text: string): Promise<void> {
    await say(context, 'answered', text, { intent: 'not_covered', suggestions: [SUGGESTIONS.person, SUGGESTIONS.book] });
    await this.deps.turns.remember(context, 'not_covered', {});
  }

  private async continuesWhichSuits(context: TurnContext): Promise<boolean> {
    const { recognition } = await this.deps.turns.understand(context);
    // ("what stretches would you recommend?": advice the article does not give, not a choice between the treatments)
    // ("can you recommend a good painkiller?": a medicine, which the bot does not advise on)
    // ("Can you recommend a good podiatrist near you?": another practitioner, whom the article says nothing of)
    if (recognition.notCovered?.kind === 'selfcare' || recognition.notCovered?.kind === 'medicine' || recognition.notCovered?.kind === 'service')
      return false;
    // ("which one would that be, the chinese one or the western one?" right after a condition: which lists it, no pick)
    if (recognition.whichListAsked) return false;
    const text = plainForm(recognition.text);
    // "Can I get a recommendation?", "I'd like your advice: acupuncture or dry needling?": the questions, or the answer.
    if (ASKS_FOR_ADVICE.test(text)) return true;
    // "My physio says dry needling, my friend says acupuncture. Which one?": others' advice told, and the choice asked.
    if (toldAdvice(recognition.text) && asksForRecommendation(recognition.text)) return true;
    const before = await this.deps.turns.context(context);
    // "So which would you advise?" after the patient has told their problem: the recommendation, whatever came between.
    const told = Object.values(before.told ?? {}).some((n) => n > 0);
    // ("and the other one is better for what?": what the other treatment is for, not the pick again)
    const otherOne = recognition.intent === 'uses' && /\bthe other\b/i.test(recognition.text);
    // ("…advise whether acupuncture is suitable for chronic tension headaches": one treatment asked of a condition)
    const oneAsked = recognition.treatments.length === 1 && recognition.conditions.length > 0 && asksIfOneSuits(recognition.text);
    if (
      recognition.intent !== WHICH_SUITS &&
      !otherOne &&
      !oneAsked &&
      asksForRecommendation(recognition.text) &&
      // ("…some mineral in the muscles. Which one is it?": a fact asked, not a pick)
      !asksWhichOfAFact(recognition.text) &&
      recognition.treatments.length < 2 &&
      // or one the model missed ("chef on my feet all day, heels are wrecked. which one suits me").
      (told ||
        (UNSURE_INTENTS.has(recognition.intent) && /\b(which|suit|suits|choose|decide|pick)\b/i.test(recognition.text)) ||
        before.lastIntent === WHICH_SUITS ||
        // "recommend something pls", "i want to try needles but what kind": the model unsure which treatment is asked about
        ((recognition.reason === 'ambiguous' || recognition.intent === 'what_is' || recognition.intent === 'how_it_works') &&
          recognition.treatments.length === 0 &&
          recognition.conditions.length === 0))
    )
      return true;
    // "I don't mind either, whichever you think", "I don't want anything spiritual" right after the recommendation: the
    // preference it asked about, told after all.
    // (after a condition answer only a choice left to the bot or an approach named: "that's all" there is a goodbye)
    if (
      (before.lastIntent === WHICH_SUITS || before.lastIntent === 'condition_query') &&
      notUnderstood(recognition) &&
      tellsApproach(recognition.text, before.lastIntent === WHICH_SUITS)
    )
      return true;
    // "so?", "yeah so which", "why that one?" after the recommendation or its questions: the recommendation again, with its reason.
    if (
      before.lastIntent === WHICH_SUITS &&
      told &&
      PROD.test(recognition.text.trim().toLowerCase()) &&
      recognition.text.trim().split(/\s+/).length <= 5
    )
      return true;
    // "acu vs dn for stress?": both treatments set against a problem the message tells.
    // (not what the writer understood of each, put up to be checked: "acu = meridians and dn = knots, have I got that right?")
    const versus =
      recognition.treatments.length === 2 &&
      !understandingChecked(recognition.text) &&
      (COMPARISONS.has(recognition.intent) || recognition.reason === 'ambiguous');
    if (versus && leadingArea(toldConcerns(recognition.text, recognition.conditions)) && splitQuestions(recognition.text).length < 2) return true;
    // ("which one's for the inside stuff then?", "…my overall wellbeing rather than an injury. Acupuncture or dry needling?"):
    // the treatment a kind of problem points to, asked, whatever the model made of the words.
    const pointsTo = leadingArea(toldConcerns(recognition.text, recognition.conditions)) !== undefined && !asksWhatEachIsFor(recognition.text);
    // ("which one's more for the inside stuff like organs": a concept of one, "organs", names no treatment asked about)
    const noneNamed = recognition.treatments.every((t) => recognition.implied?.includes(t));
    if (pointsTo && noneNamed && asksWhichIsFor(recognition.text) && splitQuestions(recognition.text).length < 2) return true;
    if (pointsTo && recognition.treatments.length === 2 && notUnderstood(recognition) && EITHER_OF_THE_TWO.test(text)) return true;
    const unsure = UNSURE_INTENTS.has(recognition.intent) || (recognition.reason !== 'classified' && recognition.treatments.length === 0);
    // "nah nothing else", "From typing all day at work." right after the recommendation: nothing new is asked; the
    // recommendation again, with what was told.
    const asks = /\?/.test(recognition.text);
    const short = text.split(' ').length <= 10 && (!asks || WHICH_AGAIN.test(text));
    if (
      before.lastIntent === WHICH_SUITS &&
      told &&
      short &&
      (NOTHING_MORE.test(text) || CAUSE_TOLD.test(text)) &&
      recognition.conditions.length === 0
    )
      return true;
    // "Just the hamstring, no other problems", whatever the model made of it, after the problem was told.
    if (
      (told || before.lastIntent === WHICH_SUITS) &&
      NARROWS_DOWN.test(text) &&
      text.split(' ').length <= 16 &&
      !asks &&
      recognition.treatments.length === 0 &&
      !OWN_BUSINESS.has(recognition.intent)
    )
      return true;
    if (!unsure) return false;
    // "just the back and leg, nothing internal, I want something targeted", after a problem was told or the recommendation.
    if ((told || before.lastIntent === WHICH_SUITS) && NARROWS_DOWN.test(text) && text.split(' ').length <= 16) return true;
    if (before.lastIntent !== WHICH_SUITS) return false;
    // ("the leg pain is way worse, lets focus on that", "it's been going on about five years, comes and goes")
    return mentionsConcerns(recognition.text, recognition.conditions) || recognition.conditions.length > 0 || tellsDetail(recognition.text);
  }

  /** "Which one is older?" (and "which is more scientific?", with the research line): each treatment's origin passages, in one reply. */
  /** "Which is more for pain and which for wellbeing?": the article's passage on what both are used for and what each is more for. */
  private async sendWhatEachIsFor(context: TurnContext): Promise<boolean> {
    const text = context.activity.text ?? '';
    // (asked as two questions, "which one is for muscles? and which for digestion?", each part is answered for its own problem)
    // (and "what is each best suited to, and what should I wear?" is two questions: the several-question path answers both)
    const another = splitQuestions(text).some(
      (part) => !asksWhatEachIsFor(part) && !/^which\b/i.test(part.trim()) && !CLAIM_CHECKED.test(part.trim()) && ANOTHER_QUESTION.test(part.trim()),
    );
    if ((text.match(/\?/g) ?? []).length > 1 || another || !asksWhatEachIsFor(text)) return false;
    const passage = passageWithRole(this.deps.knowledge, 'each_is_for');
    if (!passage) return false;
    await say(context, 'answered', passage.text, { intent: 'difference', suggestions: [SUGGESTIONS.whichSuits, SUGGESTIONS.book] });
    await this.deps.turns.remember(context, 'difference', {});
    return true;
  }

  /**
   * "why that one and not acupuncture?", "how come dry needling over acupuncture?" right after an answer that pointed
   * to one treatment: the article's own comparison of what each is more for (muscles and posture; internal ailments).
   */
  private async sendWhyThatOne(context: TurnContext): Promise<boolean> {
    const text = plainForm(context.activity.text ?? '');
    const before = await this.deps.turns.context(context);
    // ("acupuncture or dry needling?" … the condition's list answered … "why that one and not the other?")
    const chosen = before.lastTreatment ?? (before.lastIntent === 'condition_query' ? before.lastCondition?.list : undefined);
    if (!chosen || !WHY_THAT_ONE.test(text)) return false;
    const passage = passageWithRole(this.deps.knowledge, 'why_that_one');
    if (!passage) return false;
    await say(context, 'answered', passage.text, { intent: 'difference', suggestions: [SUGGESTIONS.whichSuits, SUGGESTIONS.book] });
    await this.deps.turns.remember(context, 'difference', { treatment: chosen });
    return true;
  }

  /**
   * "and myotherapists?" after "is dry needling used by physios?": a short "and …?" whose words are cues of the passage
   * just answered asks the same point of something else; the passage answers it again (the article names whom it names).
   */
  private async sendSamePoint(context: TurnContext): Promise<boolean> {
    const text = plainForm(context.activity.text ?? '');
    const { recognition } = await this.deps.turns.understand(context);
    if (!SAME_POINT.test(text) || text.split(' ').length > 5 || recognition.conditions.length > 0) return false;
    const before = await this.deps.turns.context(context);
    // ("myotherapists" implies dry needling, the treatment talked about: no other treatment is named)
    if (!before.lastPassage || recognition.treatments.some((t) => t !== before.lastTreatment)) return false;
    const passage = passagePicker(this.deps.knowledge.passages).pick(text, before.lastTreatment);
    if (!passage || passage.id !== before.lastPassage) return false;
    await say(context, 'answered', passage.text, {
      intent: before.lastIntent ?? 'how_it_works',
      suggestions: [SUGGESTIONS.whichSuits, SUGGESTIONS.book],
    });
    await this.deps.turns.remember(context, before.lastIntent ?? 'how_it_works', { treatment: before.lastTreatment }, passage.id);
    return true;
  }

  /** The passage with a role (for one treatment, or the one for both), answered and remembered. */
  private async sendRole(context: TurnContext, role: PassageRole, intent: string, treatment?: TreatmentId): Promise<boolean> {
    const passage = passageWithRole(this.deps.knowledge, role, treatment);
    if (!passage) return false;
    await say(context, 'answered', passage.text, { intent, suggestions: [SUGGESTIONS.difference, SUGGESTIONS.whichSuits] });
    await this.deps.turns.remember(context, intent, treatment ? { treatment } : {}, passage.id);
    return true;
  }

  /**
   * Research asked about for dry needling alone ("is there research on dry needling?", "is there similar research for dry
   * needling?"): the article's research is about acupuncture, and for dry needling it gives its principles and age.
   */
  private async sendResearchOfDryNeedling(
    context: TurnContext,
    recognition: TurnUnderstanding['recognition'],
    question: ResolvedQuestion,
  ): Promise<boolean> {
    const said = plainForm(context.activity.text ?? '');
    // (a condition named is the question: "is there research showing dry needling helps tennis elbow?")
    if (!RESEARCH_ASKED.test(said) || recognition.conditions.length > 0) return false;
    const named =
      recognition.treatments.length > 0 ? recognition.treatments : question.treatment && question.treatment !== 'both' ? [question.treatment] : [];
    if (named.length !== 1 || named[0] !== 'dryNeedling') return false;
    const research = passageWithRole(this.deps.knowledge, 'research', 'acupuncture');
    const own = agePassage(this.deps.knowledge, 'dryNeedling');
    if (!research || !own) return false;
    // ("is dry needling actually proven for gout?": and that gout is not on the list)
    const forThing = unlistedAskedFor(recognition, context.activity.text ?? '');
    const told = `${researchOnlyForAcupunctureText()} ${research.text}\n\n${own.text}`;
    const text = forThing ? relatedPassageText({ text: told }, forThing) : told;
    await say(context, 'answered', text, { intent: 'how_it_works', suggestions: [SUGGESTIONS.difference, SUGGESTIONS.whichSuits] });
    await this.deps.turns.remember(context, 'how_it_works', { treatment: 'dryNeedling' }, own.id);
    return true;
  }

  /** "what does that stand for?" after "is TMD on your list?": the listed name spelt out. */
  private async sendAbbreviation(context: TurnContext, question: ResolvedQuestion): Promise<boolean> {
    if (!STANDS_FOR.test(plainForm(context.activity.text ?? ''))) return false;
    const before = await this.deps.turns.context(context);
    const condition = question.condition?.value ?? before.lastCondition;
    const text = condition && abbreviationText(this.deps.knowledge, condition.name);
    if (!condition || !text) return false;
    await say(context, 'answered', text, { intent: 'condition_query', suggestions: [SUGGESTIONS.whichSuits, SUGGESTIONS.book] });
    await this.deps.turns.remember(context, 'condition_query', { condition: { value: condition, text: condition.name }, treatment: condition.list });
    return true;
  }

  /** The age asked of one treatment (its age passage) or of both (both ages); false when the question is about more. */
  private async sendAgeAsked(context: TurnContext, recognition: TurnUnderstanding['recognition'], question: ResolvedQuestion): Promise<boolean> {
    // ("When did dry needling come about? I assumed it was old like acupuncture.": the belief told asks nothing)
    const parts = splitQuestions(recognition.text);
    const beliefs = beliefsTold(recognition.text, parts);
    // ("My dad reckons it's just acupuncture with a new name. I'm a history buff. When did dry needling come about?": what
    // is told beside the one question asks nothing; the treatment asked about is that question's)
    const asked = parts.filter(
      (p) =>
        !beliefs.includes(p) &&
        !POINTER_ONLY.test(p.trim()) &&
        (questionCount(p) > 0 || recognition.text.includes(`${p}?`) || QUESTION_WORD_ANYWHERE.test(p)),
    );
    if (asked.length > 1) return false;
    const asks = asked.length === 1 && parts.length > 1 ? this.deps.turns.recognizePart(asked[0]).treatments : [];
    // ("…about where acupuncture originally comes from. Some said Japan. Which is it?": the question names none, the rest does)
    // ("I always assumed dry needling was some ancient thing like acupuncture… When did it actually come about?": "it" is
    // the treatment the message is about, the one it names first)
    const first = FIRST_TREATMENT.exec(recognition.text)?.[1]?.toLowerCase();
    const itsFirst: TreatmentId[] =
      asks.length === 0 && asked.length === 1 && parts.length > 1 && /\bit\b/i.test(asked[0]) && first
        ? [/^(acupuncture|acu)$/.test(first) ? 'acupuncture' : 'dryNeedling']
        : [];
    const named = asks.length > 0 ? asks : itsFirst.length > 0 ? itsFirst : recognition.treatments;
    // ("what is dry needling" … "when was it invented": "it" is the treatment just talked about)
    const pointed =
      named.length === 0 && question.treatmentFromContext && question.treatment !== 'both' && question.treatment && pointsBack(recognition.text)
        ? [question.treatment]
        : named;
    if (pointed.length !== 1) return this.sendAges(context);
    const treatments = pointed;
    const treatment = treatments[0];
    const passage = passagePicker(this.deps.knowledge.passages).pick(recognition.text, treatment);
    if (hasRole(passage, 'age')) return sendPassageAnswer(context, this.deps, 'what_is', treatment);
    // ("is acupuncture a modern treatment?": its age, though "treatment" and "modern" pick no passage of their own)
    const own = agePassage(this.deps.knowledge, treatment);
    if (!own) return false;
    await say(context, 'answered', own.text, { intent: 'what_is', suggestions: [SUGGESTIONS.difference, SUGGESTIONS.whichSuits] });
    await this.deps.turns.remember(context, 'what_is', { treatment }, own.id);
    return true;
  }

  /** The two ages (or `text`, the ages with more passages: scienceText), with the treatment pointed to remembered. */
  private async sendAges(context: TurnContext, text = agesText(this.deps.knowledge)): Promise<boolean> {
    if (!text) return false;
    await say(context, 'answered', text, {
      intent: 'difference',
      suggestions: [SUGGESTIONS.difference, SUGGESTIONS.whichSuits],
    });
    // ("which of the two is the more modern one?" … "so how old is the other one?": the one the question pointed to)
    const said = plainForm(context.activity.text ?? '');
    const pointed = NEWER.test(said) ? 'dryNeedling' : OLDER.test(said) ? 'acupuncture' : undefined;
    await this.deps.turns.remember(context, 'difference', pointed ? { treatment: pointed } : {});
    return true;
  }

  private async afterChildStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as ClarifyResult | undefined;
    // The user asked something new instead of answering: answer that, in this same turn.
    if (isInterrupted(result)) return step.replaceDialog(MAIN_WATERFALL, {});
    if (result?.route) return step.replaceDialog(MAIN_WATERFALL, { intent: result.route, question: result.question } satisfies RouteOptions);
    return step.endDialog();
  }

  private async runCommand(step: WaterfallStepContext, command: 'cancel' | 'start_over' | 'help'): Promise<DialogTurnResult> {
    const context = step.context;
    if (command === 'start_over') {
      await this.deps.turns.forget(context);
      await say(context, 'answered', welcomeFor(context, this.deps.knowledge), { intent: command, suggestions: WELCOME_SUGGESTIONS });
    } else if (command === 'help') {
      await say(context, 'answered', helpText(this.deps.knowledge), { intent: command, suggestions: WELCOME_SUGGESTIONS });
    } else {
      await say(context, 'answered', nothingToCancelText(), { intent: command });
    }
    return step.endDialog();
  }
}

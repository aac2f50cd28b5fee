/**
 * The intent registry: for every intent (one training file in knowledge/intents/), how the bot answers it and the
 * button title it gets when the bot asks "which of these did you mean?". The compiler requires a handler and a
 * title for every entry, and checkIntentRegistry() (run at start-up) requires an entry for every intent file and a
 * file for every entry, so adding an intent is a knowledge file plus one entry here.
 */
import type { TurnContext } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import {
  acknowledgeText,
  fallbackText,
  farewellText,
  greetingText,
  patientGreetingText,
  helpText,
  notCoveredText,
  outOfScopeText,
  thanksText,
  smallTalkText,
  wishesText,
  complimentText,
  languageText,
  topicText,
} from '../src/bot/replies';
import { newToComputers, socialKind } from '../src/nlu/clinicQuestions';
import { say } from '../src/bot/reply';
import { Suggestion, SUGGESTIONS } from '../src/bot/suggestions';
import type { Outcome } from '../src/turn/record';
import { KnowledgeError } from '../src/knowledge/load';
import { intentsOf, isClinicFaqIntent, Knowledge } from '../src/knowledge/types';
import type { ResolvedQuestion } from '../src/nlu/context';
import type { Recognition } from '../src/nlu/recognizer';
import type { ConditionDialogOptions } from './conditionDialog';
import type { DialogDependencies } from './dependencies';
import type { EnquiryOptions } from './enquiryDialog';
import { CONDITION_DIALOG, ENQUIRY_DIALOG, HANDOFF_DIALOG, TOPIC_DIALOG, WHICH_TREATMENT_DIALOG } from './ids';
import { plainForm } from '../src/nlu/normalize';
import { sendPassageInstead, sendTopicAnswer, TopicDialogOptions, TreatmentTopic } from './topicDialog';

/** What a handler gets: the main dialog's step, and the question as understood and resolved against the conversation. */
export interface IntentTurn {
  step: WaterfallStepContext;
  context: TurnContext;
  deps: DialogDependencies;
  recognition: Recognition;
  question: ResolvedQuestion;
  /** The intent routed (this entry's). */
  intent: string;
  /** The intent asked before a named condition made it a condition question ("which is better for back pain?"). */
  asked: string;
}

export interface IntentEntry {
  /** The "did you mean" button title: 20 characters at most, so every channel shows it as a button. */
  title: string;
  /** Answers (say(), then end the step) or begins the dialog that does. */
  handle(turn: IntentTurn): Promise<DialogTurnResult>;
}

/** The welcome's and small talk's buttons. */
export const WELCOME_SUGGESTIONS = [SUGGESTIONS.whatIsAcupuncture, SUGGESTIONS.whatIsDryNeedling, SUGGESTIONS.difference, SUGGESTIONS.whichSuits];

/** "What's the thinking behind each one?", "where do the needles go for each?": both treatments asked about. */
const EACH_ONE =
  /\b(each one|each 1|each of them|each of the two|each of these|each of those|for each|of each|both of them|both treatments|both of these)\b/;

async function topic({ step, deps, question, intent }: IntentTurn): Promise<DialogTurnResult> {
  const t = intent as TreatmentTopic;
  const treatment = question.treatment ?? (EACH_ONE.test(plainForm(step.context.activity.text ?? '')) ? 'both' : undefined);
  if (!treatment) return step.beginDialog(TOPIC_DIALOG, { topic: t } satisfies TopicDialogOptions);
  await sendTopicAnswer(step.context, deps, t, treatment);
  return step.endDialog();
}

async function comparison({ step, context, deps, intent }: IntentTurn): Promise<DialogTurnResult> {
  const text = topicText(deps.knowledge, intent, 'both');
  await say(context, 'answered', text, { intent, suggestions: [SUGGESTIONS.whichSuits, SUGGESTIONS.dryNeedlingUses, SUGGESTIONS.book] });
  // (what was answered, for "pls keep it short" and "is that right?" next)
  await deps.turns.remember(context, intent, {});
  return step.endDialog();
}

/** A handler that says one sentence of replies.ts and ends. */
function answer(outcome: Outcome, text: (k: Knowledge) => string, suggestions: Suggestion[] = []): IntentEntry['handle'] {
  return async ({ step, context, deps, intent }) => {
    await say(context, outcome, text(deps.knowledge), { intent, suggestions });
    return step.endDialog();
  };
}

const declineOutOfScope = answer('fallback', outOfScopeText, WELCOME_SUGGESTIONS);

/** The reply to each kind of social message. */
const SOCIAL_REPLIES: Record<ReturnType<typeof socialKind>, () => string> = {
  farewell: farewellText,
  acknowledge: acknowledgeText,
  wishes: wishesText,
  compliment: complimentText,
  language: languageText,
  thanks: thanksText,
  smalltalk: smallTalkText,
};

/** Thanks, a farewell or a short acknowledgement, each answered in kind ("bye" is not thanked). */
const social: IntentEntry['handle'] = async ({ step, context, intent }) => {
  const kind = socialKind(context.activity.text ?? '');
  const text = SOCIAL_REPLIES[kind]();
  await say(context, 'answered', text, { intent, suggestions: kind === 'acknowledge' ? WELCOME_SUGGESTIONS : [] });
  return step.endDialog();
};

const enquiry = ({ step, intent }: IntentTurn) =>
  step.beginDialog(ENQUIRY_DIALOG, { kind: intent as EnquiryOptions['kind'] } satisfies EnquiryOptions);

export const INTENT_REGISTRY = {
  what_is: { title: 'What it is', handle: topic },
  how_it_works: { title: 'How it works', handle: topic },
  uses: { title: 'What it treats', handle: topic },
  condition_query: {
    title: 'My condition',
    handle: ({ step, question, recognition, asked }) =>
      step.beginDialog(CONDITION_DIALOG, {
        // "which is better for back pain?" compares the two treatments for that condition.
        treatment: asked === 'which_suits' ? 'both' : question.treatment,
        condition: question.condition,
        unlisted: !question.condition && recognition.unlistedMention,
      } satisfies ConditionDialogOptions),
  },
  difference: { title: 'The difference', handle: comparison },
  similarity: { title: 'Are they the same?', handle: comparison },
  which_suits: { title: 'Which suits me', handle: ({ step }) => step.beginDialog(WHICH_TREATMENT_DIALOG) },
  contact: { title: 'Contact details', handle: enquiry },
  booking: { title: 'Booking', handle: enquiry },
  human: { title: 'Talk to a person', handle: ({ step }) => step.beginDialog(HANDOFF_DIALOG) },
  not_covered: {
    title: 'Prices, safety etc.',
    // Another therapy or a medicine is named in the reply ("so I can't tell you about cupping").
    handle: async ({ step, context, deps, intent, recognition }) => {
      if (await sendPassageInstead(context, deps)) return step.endDialog();
      const text = notCoveredText(deps.knowledge, recognition.notCovered, recognition);
      await say(context, 'fallback', text, { intent, suggestions: [SUGGESTIONS.person, SUGGESTIONS.book] });
      // ("how much is acupuncture?" … "and dry needling?": the same question of the other treatment)
      await deps.turns.remember(context, intent, { treatment: recognition.treatments.length === 1 ? recognition.treatments[0] : undefined });
      return step.endDialog();
    },
  },
  greeting: {
    title: 'Hello',
    // ("I'm 79 and not very good with computers, my granddaughter showed me how to type in here": a gentler hello)
    handle: async ({ step, context, deps, intent }) => {
      const text = newToComputers(context.activity.text ?? '') ? patientGreetingText(deps.knowledge) : greetingText(deps.knowledge);
      await say(context, 'answered', text, { intent, suggestions: WELCOME_SUGGESTIONS });
      return step.endDialog();
    },
  },
  thanks: { title: 'Thanks', handle: social },
  help: { title: 'Help', handle: answer('answered', helpText, WELCOME_SUGGESTIONS) },
  out_of_scope: {
    title: 'Something else',
    handle: async (turn) => {
      if (await sendPassageInstead(turn.context, turn.deps)) return turn.step.endDialog();
      // ("Is there acupuncture for dry eye?": a thing asked of a treatment that the article's lists do not name)
      if (turn.recognition.unknownAsked)
        return turn.step.beginDialog(CONDITION_DIALOG, { treatment: turn.question.treatment, unlisted: true } satisfies ConditionDialogOptions);
      return declineOutOfScope(turn);
    },
  },
} satisfies Record<string, IntentEntry>;

export type IntentId = keyof typeof INTENT_REGISTRY;

/** Every entry's button title, for the clarify dialog. */
export const INTENT_TITLES: Readonly<Record<IntentId, string>> = Object.fromEntries(
  Object.entries(INTENT_REGISTRY).map(([id, entry]) => [id, entry.title]),
) as Record<IntentId, string>;

export function intentEntry(intent: string): IntentEntry | undefined {
  return Object.hasOwn(INTENT_REGISTRY, intent) ? INTENT_REGISTRY[intent as IntentId] : undefined;
}

/** The answer when nothing matched (the recognizer's "None", or "Something else" in the clarify list). */
export async function fallback({ step, context, deps }: Pick<IntentTurn, 'step' | 'context' | 'deps'>): Promise<DialogTurnResult> {
  await say(context, 'fallback', fallbackText(deps.knowledge), { suggestions: WELCOME_SUGGESTIONS });
  return step.endDialog();
}

/**
 * Start-up check: every intent file in knowledge/intents/ has a registry entry and every entry has a file, so an
 * intent can never silently get the fallback answer or show its raw id on a button.
 */
export function checkIntentRegistry(knowledge: Pick<Knowledge, 'training'>, registry: Record<string, IntentEntry> = INTENT_REGISTRY): void {
  // The clinic's own FAQ entries are answered by dialogs/clinicFaq.ts, not the registry.
  const files = intentsOf(knowledge).filter((i) => !isClinicFaqIntent(i));
  for (const intent of files) {
    if (!Object.hasOwn(registry, intent)) {
      throw new KnowledgeError(
        `intents/${intent}.txt`,
        '(file name)',
        `unknown intent "${intent}": add an entry for it to the intent registry (dialogs/intents.ts)`,
      );
    }
  }
  for (const intent of Object.keys(registry)) {
    if (!files.includes(intent)) {
      throw new KnowledgeError(
        `intents/${intent}.txt`,
        '(file)',
        `missing: the intent registry (dialogs/intents.ts) answers "${intent}", which needs training examples`,
      );
    }
  }
}

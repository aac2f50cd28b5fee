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
  cancelledText,
  emptyText,
  fallbackText,
  greetingText,
  helpText,
  notCoveredText,
  outOfScopeText,
  thanksText,
  tooLongText,
  topicText,
} from '../src/bot/replies';
import { staleAnswerOf, staleAnswerText } from '../src/bot/staleAnswers';
import { welcomeFor } from '../src/bot/firstContact';
import { replyWithSuggestions, textReply } from '../src/bot/render';
import { SUGGESTIONS } from '../src/bot/suggestions';
import { setOutcome } from '../src/bot/turnRecord';
import type { ResolvedQuestion } from '../src/nlu/context';
import { ClarifyDialog, ClarifyOptions, ClarifyResult } from './clarifyDialog';
import { ConditionDialog, ConditionDialogOptions } from './conditionDialog';
import { DialogDependencies, isInterrupted } from './dependencies';
import { EnquiryDialog, EnquiryOptions } from './enquiryDialog';
import { HandoffDialog } from './handoffDialog';
import { CLARIFY_DIALOG, CONDITION_DIALOG, ENQUIRY_DIALOG, HANDOFF_DIALOG, MAIN_DIALOG, MAIN_WATERFALL, TOPIC_DIALOG, WHICH_TREATMENT_DIALOG } from './ids';
import { sendTopicAnswer, TopicDialog, TopicDialogOptions, TreatmentTopic } from './topicDialog';
import { WhichTreatmentDialog } from './whichTreatmentDialog';

interface RouteOptions {
  /** Route as this intent (after a clarification) instead of the recognizer's. */
  intent?: string;
  question?: ResolvedQuestion;
}

const TREATMENT_TOPICS = new Set<string>(['what_is', 'how_it_works', 'uses']);
const WELCOME_SUGGESTIONS = [SUGGESTIONS.whatIsAcupuncture, SUGGESTIONS.whatIsDryNeedling, SUGGESTIONS.difference, SUGGESTIONS.whichSuits];

export class MainDialog extends ComponentDialog {
  readonly knowledge: DialogDependencies['knowledge'];

  constructor(private readonly deps: DialogDependencies) {
    super(MAIN_DIALOG);
    this.knowledge = deps.knowledge;
    this.addDialog(new TopicDialog(deps));
    this.addDialog(new ConditionDialog(deps));
    this.addDialog(new WhichTreatmentDialog(deps));
    this.addDialog(new EnquiryDialog(deps));
    this.addDialog(new HandoffDialog(deps));
    this.addDialog(new ClarifyDialog(deps));
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
    await context.sendActivity(replyWithSuggestions(context, welcomeFor(context, this.deps.knowledge), WELCOME_SUGGESTIONS));
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
      setOutcome(context, 'answered', 'help');
      await context.sendActivity(textReply(context, helpText(this.deps.knowledge)));
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    await innerDc.cancelAllDialogs();
    setOutcome(context, 'answered', command);
    if (command === 'start_over') {
      await this.deps.turns.forget(context);
      await this.sendWelcome(context);
    } else {
      await context.sendActivity(textReply(context, cancelledText()));
    }
    return { status: DialogTurnStatus.complete };
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const options = (step.options ?? {}) as RouteOptions;
    const { recognition, question: recognized } = await this.deps.turns.understand(context);
    const question = options.question ?? recognized;
    const { knowledge } = this.deps;

    if (!options.intent) {
      const command = commandOf(context.activity.text);
      if (command) return this.runCommand(step, command);
      if (recognition.reason === 'too_long' || recognition.reason === 'empty') {
        setOutcome(context, 'fallback');
        await context.sendActivity(textReply(context, recognition.reason === 'empty' ? emptyText() : tooLongText(this.deps.maxMessageChars)));
        return step.endDialog();
      }
      const stale = staleAnswerOf(context.activity.text);
      if (stale) {
        // "yes", "no", or a tapped "Yes, send it" with no question waiting: say so, never start something new.
        setOutcome(context, 'answered', 'stale_answer');
        await context.sendActivity(replyWithSuggestions(context, staleAnswerText(knowledge, stale), stale === 'yes' ? WELCOME_SUGGESTIONS : []));
        return step.endDialog();
      }
      if (recognition.reason === 'ambiguous' && recognition.candidates) {
        return step.beginDialog(CLARIFY_DIALOG, { candidates: recognition.candidates, question } satisfies ClarifyOptions);
      }
    }

    const asked = options.intent ?? recognition.intent;
    // A named condition turns "what is / how does it work / which is better" into a condition question.
    const aboutCondition = !options.intent && !question.conditionFromContext && (TREATMENT_TOPICS.has(asked) || asked === 'which_suits');
    const intent = question.condition && aboutCondition ? 'condition_query' : asked;

    switch (intent) {
      case 'what_is':
      case 'how_it_works':
      case 'uses': {
        const topic = intent as TreatmentTopic;
        if (question.treatment) {
          await sendTopicAnswer(context, this.deps, topic, question.treatment);
          return step.endDialog();
        }
        return step.beginDialog(TOPIC_DIALOG, { topic } satisfies TopicDialogOptions);
      }
      case 'condition_query':
        return step.beginDialog(CONDITION_DIALOG, {
          // "which is better for back pain?" compares the two treatments for that condition.
          treatment: asked === 'which_suits' ? 'both' : question.treatment,
          condition: question.condition,
          unlisted: !question.condition && recognition.unlistedMention,
        } satisfies ConditionDialogOptions);
      case 'difference':
      case 'similarity':
        setOutcome(context, 'answered', intent);
        await context.sendActivity(replyWithSuggestions(context, topicText(knowledge, intent, 'both'), [SUGGESTIONS.whichSuits, SUGGESTIONS.dryNeedlingUses, SUGGESTIONS.book]));
        return step.endDialog();
      case 'which_suits':
        return step.beginDialog(WHICH_TREATMENT_DIALOG);
      case 'contact':
      case 'booking':
        return step.beginDialog(ENQUIRY_DIALOG, { kind: intent } satisfies EnquiryOptions);
      case 'human':
        return step.beginDialog(HANDOFF_DIALOG);
      case 'not_covered':
        setOutcome(context, 'fallback', intent);
        await context.sendActivity(replyWithSuggestions(context, notCoveredText(knowledge), [SUGGESTIONS.person, SUGGESTIONS.book]));
        return step.endDialog();
      case 'greeting':
        setOutcome(context, 'answered', intent);
        await context.sendActivity(replyWithSuggestions(context, greetingText(knowledge), WELCOME_SUGGESTIONS));
        return step.endDialog();
      case 'thanks':
        setOutcome(context, 'answered', intent);
        await context.sendActivity(textReply(context, thanksText()));
        return step.endDialog();
      case 'help':
        setOutcome(context, 'answered', intent);
        await context.sendActivity(replyWithSuggestions(context, helpText(knowledge), WELCOME_SUGGESTIONS));
        return step.endDialog();
      case 'out_of_scope':
        setOutcome(context, 'fallback', intent);
        await context.sendActivity(replyWithSuggestions(context, outOfScopeText(knowledge), WELCOME_SUGGESTIONS));
        return step.endDialog();
      default:
        setOutcome(context, 'fallback');
        await context.sendActivity(replyWithSuggestions(context, fallbackText(knowledge), WELCOME_SUGGESTIONS));
        return step.endDialog();
    }
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
    setOutcome(context, 'answered', command);
    if (command === 'start_over') {
      await this.deps.turns.forget(context);
      await this.sendWelcome(context);
    } else if (command === 'help') {
      await context.sendActivity(replyWithSuggestions(context, helpText(this.deps.knowledge), WELCOME_SUGGESTIONS));
    } else {
      await context.sendActivity(textReply(context, 'There’s nothing to cancel. What would you like to know about acupuncture or dry needling?'));
    }
    return step.endDialog();
  }
}

/**
 * "Can dry needling help my X?": answers from the article's lists, and asks which condition when none is named.
 */
import { ComponentDialog, DialogTurnResult, PromptValidatorContext, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { conditionText, topicText, unlistedConditionText } from '../src/bot/replies';
import { SUGGESTIONS } from '../src/bot/suggestions';
import { replyWithSuggestions, textReply } from '../src/bot/render';
import { setOutcome } from '../src/bot/turnRecord';
import type { ConditionRef, FoundEntity } from '../src/nlu/analyse';
import type { TreatmentChoice } from '../src/nlu/context';
import { DialogDependencies } from './dependencies';
import { CONDITION_DIALOG } from './ids';
import { isNewQuestion } from './newQuestion';

const INTENT = 'condition_query';
const CONDITION_PROMPT = 'conditionPrompt';
const WATERFALL = 'conditionWaterfall';
const MAX_ATTEMPTS = 2;

export interface ConditionDialogOptions {
  treatment?: TreatmentChoice;
  condition?: FoundEntity<ConditionRef>;
  /** The question named something that is not on the article's lists. */
  unlisted?: boolean;
}

export class ConditionDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDependencies) {
    super(CONDITION_DIALOG);
    this.addDialog(new TextPrompt(CONDITION_PROMPT, (p) => this.validate(p)));
    this.addDialog(new WaterfallDialog(WATERFALL, [(s) => this.askStep(s), (s) => this.answerStep(s)]));
    this.initialDialogId = WATERFALL;
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as ConditionDialogOptions;
    (step.values as Record<string, unknown>).treatment = options.treatment;
    if (options.condition || options.unlisted) {
      await this.answer(step, options.condition, options.treatment);
      return step.endDialog();
    }
    setOutcome(step.context, 'clarify', INTENT);
    return step.prompt(CONDITION_PROMPT, {
      prompt: textReply(step.context, 'Which condition would you like to ask about? For example: lower back pain, tennis elbow, sciatica or insomnia.'),
      retryPrompt: textReply(step.context, 'Please tell me the condition, for example “neck pain” or “plantar fasciitis”. Or say “never mind”.'),
    });
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { recognition, question } = await this.deps.turns.understand(step.context);
    if (!recognition.conditions.length && !recognition.unlistedMention && isNewQuestion(recognition, INTENT)) {
      return step.endDialog({ interrupted: true });
    }
    if (!recognition.conditions.length && !recognition.unlistedMention) {
      // Still no condition after the retries: say what the article lists rather than loop.
      setOutcome(step.context, 'fallback', INTENT);
      await step.context.sendActivity(
        replyWithSuggestions(
          step.context,
          `I still couldn’t tell which condition you mean. ${topicText(this.deps.knowledge, 'uses', 'dryNeedling')}`,
          [SUGGESTIONS.person, SUGGESTIONS.book],
        ),
      );
      return step.endDialog();
    }
    const treatment = ((step.values as Record<string, unknown>).treatment as TreatmentChoice | undefined) ?? question.treatment;
    await this.answer(step, recognition.conditions[0], treatment);
    return step.endDialog();
  }

  private async answer(step: WaterfallStepContext, condition: FoundEntity<ConditionRef> | undefined, treatment: TreatmentChoice | undefined) {
    const { knowledge } = this.deps;
    if (!condition) {
      setOutcome(step.context, 'fallback', INTENT);
      await step.context.sendActivity(replyWithSuggestions(step.context, unlistedConditionText(knowledge, treatment), [SUGGESTIONS.dryNeedlingUses, SUGGESTIONS.person]));
      return;
    }
    setOutcome(step.context, 'answered', INTENT);
    // An answer about a listed condition was about that list's treatment: "how does it work?" now means it.
    await this.deps.turns.remember(step.context, INTENT, { condition, treatment: treatment ?? condition.value.list });
    await step.context.sendActivity(
      replyWithSuggestions(step.context, conditionText(knowledge, condition.value, treatment), [SUGGESTIONS.whichSuits, SUGGESTIONS.book, SUGGESTIONS.difference]),
    );
  }

  private async validate(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const { recognition } = await this.deps.turns.understand(prompt.context);
    if (recognition.conditions.length > 0 || recognition.unlistedMention) return true;
    if (isNewQuestion(recognition, INTENT)) return true;
    return prompt.attemptCount >= MAX_ATTEMPTS;
  }
}

/**
 * When the top two intents are too close to call, asks which one was meant (buttons where the channel
 * has them, a numbered list on SMS) and hands the choice back to the main dialog to answer. The buttons'
 * titles are the intent registry's (intents.ts).
 */
import {
  ChoiceFactory,
  DialogTurnResult,
  FoundChoice,
  ListStyle,
  PromptValidatorContext,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { reply } from '../src/bot/reply';
import { CLARIFY_PROMPT, CLARIFY_RETRY, SOMETHING_ELSE_TITLE } from '../src/bot/replies';
import type { ResolvedQuestion } from '../src/nlu/context';
import { ClinicChoicePrompt } from './clinicChoicePrompt';
import { DialogDependencies } from './dependencies';
import { CLARIFY_DIALOG } from './ids';
import { InterruptibleDialog } from './interruptibleDialog';

const PROMPT = 'clarifyPrompt';
const WATERFALL = 'clarifyWaterfall';
const MAX_ATTEMPTS = 2;
/** The route for "Something else": the fallback answer. */
export const SOMETHING_ELSE = 'None';

export interface ClarifyOptions {
  candidates: [string, string];
  question: ResolvedQuestion;
}

export interface ClarifyResult {
  route?: string;
  question?: ResolvedQuestion;
  interrupted?: true;
}

export class ClarifyDialog extends InterruptibleDialog {
  /** @param titles the button title of each intent that may be offered (the intent registry's). */
  constructor(
    deps: DialogDependencies,
    private readonly titles: Readonly<Record<string, string>>,
  ) {
    super(CLARIFY_DIALOG, deps);
    const prompt = new ClinicChoicePrompt(PROMPT, (p) => this.validate(p));
    prompt.style = ListStyle.auto;
    this.addDialog(prompt);
    this.addDialog(new WaterfallDialog(WATERFALL, [(s) => this.askStep(s), (s) => this.choiceStep(s)]));
    this.initialDialogId = WATERFALL;
  }

  private titleOf(route: string): string {
    return route === SOMETHING_ELSE ? SOMETHING_ELSE_TITLE : (this.titles[route] ?? route);
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { candidates } = step.options as ClarifyOptions;
    const routes = [...candidates, SOMETHING_ELSE];
    return step.prompt(PROMPT, {
      prompt: reply(step.context, 'clarify', CLARIFY_PROMPT),
      retryPrompt: reply(step.context, undefined, CLARIFY_RETRY),
      // The title is the value (Teams' hero card buttons show the value); choiceStep maps it back to the route.
      choices: ChoiceFactory.toChoices(routes.map((r) => this.titleOf(r))),
    });
  }

  private async choiceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { question, candidates } = step.options as ClarifyOptions;
    const title = (step.result as FoundChoice | undefined)?.value;
    const route = [...candidates, SOMETHING_ELSE].find((r) => this.titleOf(r) === title);
    if (!route) return step.endDialog({ interrupted: true } satisfies ClarifyResult);
    return step.endDialog({ route, question } satisfies ClarifyResult);
  }

  private async validate(prompt: PromptValidatorContext<FoundChoice>): Promise<boolean> {
    return prompt.recognized.succeeded || prompt.attemptCount >= MAX_ATTEMPTS;
  }
}

/**
 * When the top two intents are too close to call, asks which one was meant (buttons where the channel
 * has them, a numbered list on SMS) and hands the choice back to the main dialog to answer.
 */
import { ChoiceFactory, ComponentDialog, DialogTurnResult, FoundChoice, ListStyle, PromptValidatorContext, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { ClinicChoicePrompt } from './clinicChoicePrompt';
import { setOutcome } from '../src/turn/record';
import type { ResolvedQuestion } from '../src/nlu/context';
import { DialogDependencies } from './dependencies';
import { CLARIFY_DIALOG } from './ids';
import { isNewQuestion } from './newQuestion';

const PROMPT = 'clarifyPrompt';
const WATERFALL = 'clarifyWaterfall';
export const SOMETHING_ELSE = 'something_else';

/** Button titles for each intent (20 characters at most so every channel shows them as buttons). */
export const INTENT_TITLES: Record<string, string> = {
  what_is: 'What it is',
  how_it_works: 'How it works',
  uses: 'What it treats',
  condition_query: 'My condition',
  difference: 'The difference',
  similarity: 'Are they the same?',
  which_suits: 'Which suits me',
  contact: 'Contact details',
  booking: 'Booking',
  not_covered: 'Prices, safety etc.',
  human: 'Talk to a person',
  [SOMETHING_ELSE]: 'Something else',
};

export interface ClarifyOptions {
  candidates: [string, string];
  question: ResolvedQuestion;
}

export interface ClarifyResult {
  route?: string;
  question?: ResolvedQuestion;
  interrupted?: true;
}

export class ClarifyDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDependencies) {
    super(CLARIFY_DIALOG);
    const prompt = new ClinicChoicePrompt(PROMPT, (p) => this.validate(p));
    prompt.style = ListStyle.auto;
    this.addDialog(prompt);
    this.addDialog(new WaterfallDialog(WATERFALL, [(s) => this.askStep(s), (s) => this.choiceStep(s)]));
    this.initialDialogId = WATERFALL;
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { candidates } = step.options as ClarifyOptions;
    setOutcome(step.context, 'clarify');
    const intents = [...candidates, SOMETHING_ELSE];
    return step.prompt(PROMPT, {
      prompt: 'Sorry, I’m not sure what you mean. Which of these did you want to know about?',
      retryPrompt: 'Please pick one of the options, or ask your question another way.',
      // The title is the value (Teams' hero card buttons show the value); choiceStep maps it back to the intent.
      choices: ChoiceFactory.toChoices(intents.map((i) => INTENT_TITLES[i] ?? i)),
    });
  }

  private async choiceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { question } = step.options as ClarifyOptions;
    const title = (step.result as FoundChoice | undefined)?.value;
    const intent = Object.keys(INTENT_TITLES).find((i) => INTENT_TITLES[i] === title);
    if (!intent) return step.endDialog({ interrupted: true } satisfies ClarifyResult);
    if (intent === SOMETHING_ELSE) return step.endDialog({ route: 'None', question } satisfies ClarifyResult);
    return step.endDialog({ route: intent, question } satisfies ClarifyResult);
  }

  private async validate(prompt: PromptValidatorContext<FoundChoice>): Promise<boolean> {
    if (prompt.recognized.succeeded) return true;
    const { recognition } = await this.deps.turns.understand(prompt.context);
    return isNewQuestion(recognition) || prompt.attemptCount >= 2;
  }
}

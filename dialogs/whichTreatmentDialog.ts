/**
 * "Which treatment suits me?": two questions, then which of the two the article points to and why
 * (recommend() in src/knowledge/claims.ts, in the article's words).
 */
import { ChoiceFactory, DialogTurnResult, FoundChoice, ListStyle, PromptValidatorContext, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { Approach, Area, recommend } from '../src/knowledge/claims';
import { APPROACH_PROMPT, APPROACH_RETRY, AREA_PROMPT, AREA_RETRY, suitsText } from '../src/bot/replies';
import { reply, say } from '../src/bot/reply';
import { SUGGESTIONS } from '../src/bot/suggestions';
import { ClinicChoicePrompt } from './clinicChoicePrompt';
import { DialogDependencies } from './dependencies';
import { WHICH_TREATMENT_DIALOG } from './ids';
import { InterruptibleDialog } from './interruptibleDialog';

const INTENT = 'which_suits';
const AREA_PROMPT_ID = 'areaPrompt';
const APPROACH_PROMPT_ID = 'approachPrompt';
const WATERFALL = 'whichTreatmentWaterfall';

const AREAS: Array<{ value: Area; title: string; synonyms: string[] }> = [
  { value: 'muscles', title: 'Muscles or joints', synonyms: ['muscle', 'muscles', 'joint', 'joints', 'tension', 'knots', 'injury', 'sports injury', 'musculoskeletal'] },
  { value: 'posture', title: 'Posture', synonyms: ['posture', 'postural', 'alignment'] },
  { value: 'internal', title: 'Digestion/sleep', synonyms: ['internal', 'digestion', 'digestive', 'sleep', 'insomnia', 'stress', 'inflammation', 'internal ailments'] },
  { value: 'chronic', title: 'Ongoing pain', synonyms: ['chronic', 'chronic pain', 'long term pain', 'ongoing', 'pain'] },
  { value: 'unsure', title: 'Not sure', synonyms: ['not sure', 'dont know', "don't know", 'unsure', 'no idea'] },
];

const APPROACHES: Array<{ value: Approach; title: string; synonyms: string[] }> = [
  { value: 'western', title: 'Western medicine', synonyms: ['western', 'trigger points', 'science', 'modern'] },
  { value: 'chinese', title: 'Chinese medicine', synonyms: ['chinese', 'traditional', 'meridians', 'chi', 'qi', 'ancient'] },
  { value: 'none', title: 'No preference', synonyms: ['none', 'no preference', 'either', 'dont mind', "don't mind", 'not sure', 'whatever'] },
];

export class WhichTreatmentDialog extends InterruptibleDialog {
  constructor(deps: DialogDependencies) {
    super(WHICH_TREATMENT_DIALOG, deps, INTENT);
    for (const id of [AREA_PROMPT_ID, APPROACH_PROMPT_ID]) {
      // Choice values are the button titles (Teams' hero card buttons show the value); steps map them back.
      const prompt = new ClinicChoicePrompt(id, (p) => this.validate(p));
      prompt.style = ListStyle.auto;
      this.addDialog(prompt);
    }
    this.addDialog(new WaterfallDialog(WATERFALL, [(s) => this.areaStep(s), (s) => this.approachStep(s), (s) => this.resultStep(s)]));
    this.initialDialogId = WATERFALL;
  }

  private async areaStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(AREA_PROMPT_ID, {
      prompt: reply(step.context, 'clarify', AREA_PROMPT, { intent: INTENT }),
      retryPrompt: reply(step.context, undefined, AREA_RETRY),
      choices: ChoiceFactory.toChoices(AREAS.map((a) => ({ value: a.title, synonyms: a.synonyms }))),
    });
  }

  private async approachStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const area = AREAS.find((a) => a.title === (step.result as FoundChoice | undefined)?.value)?.value;
    if (!area) return step.endDialog({ interrupted: true });
    (step.values as Record<string, unknown>).area = area;
    return step.prompt(APPROACH_PROMPT_ID, {
      prompt: reply(step.context, 'clarify', APPROACH_PROMPT, { intent: INTENT }),
      retryPrompt: reply(step.context, undefined, APPROACH_RETRY),
      choices: ChoiceFactory.toChoices(APPROACHES.map((a) => ({ value: a.title, synonyms: a.synonyms }))),
    });
  }

  private async resultStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const approach = APPROACHES.find((a) => a.title === (step.result as FoundChoice | undefined)?.value)?.value;
    if (!approach) return step.endDialog({ interrupted: true });
    const { treatment, why } = recommend(this.deps.knowledge, (step.values as Record<string, unknown>).area as Area, approach);
    await this.deps.turns.remember(step.context, INTENT, { treatment });
    await say(step.context, 'answered', suitsText(treatment, why), { intent: INTENT, suggestions: [SUGGESTIONS.book, SUGGESTIONS.difference, SUGGESTIONS.person] });
    return step.endDialog();
  }

  private async validate(prompt: PromptValidatorContext<FoundChoice>): Promise<boolean> {
    return prompt.recognized.succeeded;
  }
}

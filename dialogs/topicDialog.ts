/**
 * Questions about one treatment ("what is it", "how does it work", "what is it used for"). When the
 * message names no treatment and the conversation has none yet, asks which one was meant.
 */
import { TurnContext } from 'botbuilder';
import { ChoiceFactory, ComponentDialog, DialogTurnResult, FoundChoice, ListStyle, PromptValidatorContext, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { ClinicChoicePrompt } from './clinicChoicePrompt';
import { topicText } from '../src/bot/replies';
import { replyWithSuggestions } from '../src/bot/render';
import { Suggestion, SUGGESTIONS } from '../src/bot/suggestions';
import { setOutcome } from '../src/bot/turnRecord';
import type { TreatmentChoice } from '../src/nlu/context';
import { DialogDependencies } from './dependencies';
import { TOPIC_DIALOG } from './ids';
import { isNewQuestion } from './newQuestion';

const TREATMENT_PROMPT = 'treatmentPrompt';
const WATERFALL = 'topicWaterfall';

export type TreatmentTopic = 'what_is' | 'how_it_works' | 'uses';

export interface TopicDialogOptions {
  topic: TreatmentTopic;
}

const CHOICES: Array<{ value: TreatmentChoice; title: string; synonyms: string[] }> = [
  { value: 'acupuncture', title: 'Acupuncture', synonyms: ['acupuncture', 'acupunture', 'the first', 'chinese'] },
  { value: 'dryNeedling', title: 'Dry needling', synonyms: ['dry needling', 'dry needle', 'needling', 'dry neddling', 'the second'] },
  { value: 'both', title: 'Both', synonyms: ['both', 'both of them', 'either', 'each'] },
];

function followUps(topic: TreatmentTopic, treatment: TreatmentChoice): Suggestion[] {
  if (topic === 'what_is') {
    return treatment === 'acupuncture'
      ? [SUGGESTIONS.howItWorks, SUGGESTIONS.difference, SUGGESTIONS.whichSuits]
      : [SUGGESTIONS.howItWorks, SUGGESTIONS.dryNeedlingUses, SUGGESTIONS.difference];
  }
  if (topic === 'how_it_works') return [SUGGESTIONS.difference, SUGGESTIONS.dryNeedlingUses, SUGGESTIONS.book];
  return [SUGGESTIONS.whichSuits, SUGGESTIONS.book, SUGGESTIONS.difference];
}

/** Sends the article's answer for one treatment, or for each of the two. */
export async function sendTopicAnswer(context: TurnContext, deps: DialogDependencies, topic: TreatmentTopic, treatment: TreatmentChoice): Promise<void> {
  setOutcome(context, 'answered', topic);
  const parts: Array<'acupuncture' | 'dryNeedling'> = treatment === 'both' ? ['acupuncture', 'dryNeedling'] : [treatment];
  for (let i = 0; i < parts.length; i++) {
    const text = topicText(deps.knowledge, topic, parts[i]);
    const last = i === parts.length - 1;
    await context.sendActivity(replyWithSuggestions(context, text, last ? followUps(topic, treatment) : []));
  }
  await deps.turns.remember(context, topic, { treatment });
}

export class TopicDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDependencies) {
    super(TOPIC_DIALOG);
    const prompt = new ClinicChoicePrompt(TREATMENT_PROMPT, (p) => this.validate(p));
    prompt.style = ListStyle.auto;
    this.addDialog(prompt);
    this.addDialog(new WaterfallDialog(WATERFALL, [(s) => this.askStep(s), (s) => this.answerStep(s)]));
    this.initialDialogId = WATERFALL;
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    setOutcome(step.context, 'clarify', (step.options as TopicDialogOptions).topic);
    return step.prompt(TREATMENT_PROMPT, {
      prompt: 'Do you mean acupuncture or dry needling?',
      retryPrompt: 'Please choose acupuncture, dry needling or both (or say “never mind”).',
      // The title is the value: Teams' hero card buttons show the value.
      choices: ChoiceFactory.toChoices(CHOICES.map((c) => ({ value: c.title, synonyms: c.synonyms }))),
    });
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { topic } = step.options as TopicDialogOptions;
    const choice = step.result as FoundChoice | undefined;
    let treatment = CHOICES.find((c) => c.title === choice?.value)?.value;
    if (!treatment) {
      const { recognition, question } = await this.deps.turns.understand(step.context);
      if (isNewQuestion(recognition, topic)) return step.endDialog({ interrupted: true });
      treatment = question.treatmentFromContext ? undefined : question.treatment;
    }
    if (!treatment) return step.endDialog({ interrupted: true });
    await sendTopicAnswer(step.context, this.deps, topic, treatment);
    return step.endDialog();
  }

  private async validate(prompt: PromptValidatorContext<FoundChoice>): Promise<boolean> {
    if (prompt.recognized.succeeded) return true;
    const { recognition } = await this.deps.turns.understand(prompt.context);
    // "the dry needling one", or a different question altogether: both end the prompt.
    return recognition.treatments.length > 0 || isNewQuestion(recognition);
  }
}

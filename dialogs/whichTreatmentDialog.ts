/**
 * "Which treatment suits me?": two questions, then which of the two the article points to and why.
 * The article's rule: dry needling is more targeted for muscle relief and postural re-patterning,
 * acupuncture more towards internal ailments; both for musculoskeletal conditions and chronic pain.
 */
import { ChoiceFactory, ComponentDialog, DialogTurnResult, FoundChoice, ListStyle, PromptValidatorContext, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { ClinicChoicePrompt } from './clinicChoicePrompt';
import { DISCLAIMER } from '../src/bot/replies';
import { replyWithSuggestions } from '../src/bot/render';
import { SUGGESTIONS } from '../src/bot/suggestions';
import { setOutcome } from '../src/bot/turnRecord';
import type { TreatmentChoice } from '../src/nlu/context';
import { DialogDependencies } from './dependencies';
import { WHICH_TREATMENT_DIALOG } from './ids';
import { isNewQuestion } from './newQuestion';

const INTENT = 'which_suits';
const AREA_PROMPT = 'areaPrompt';
const APPROACH_PROMPT = 'approachPrompt';
const WATERFALL = 'whichTreatmentWaterfall';

export type Area = 'muscles' | 'posture' | 'internal' | 'chronic' | 'unsure';
export type Approach = 'western' | 'chinese' | 'none';

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

/** The article's guidance for an area of concern and a preferred approach. */
export function recommend(area: Area, approach: Approach): { treatment: TreatmentChoice; why: string } {
  const both = 'The article says both can be used for musculoskeletal conditions and chronic pain.';
  if (area === 'muscles' || area === 'posture') {
    if (approach === 'chinese') {
      return {
        treatment: 'both',
        why: `For ${area === 'posture' ? 'posture' : 'muscles and joints'} the article says dry needling is more targeted (muscle relief and postural re-patterning). You prefer the Chinese medicine approach, and the article says both can be used for musculoskeletal conditions and chronic pain. Acupuncture works along meridian lines to balance chi.`,
      };
    }
    return {
      treatment: 'dryNeedling',
      why: `The article says dry needling is more targeted for muscle relief and postural re-patterning. It releases myofascial trigger points (“knots”) in muscles and is grounded in Western medicine principles.`,
    };
  }
  if (area === 'internal') {
    return {
      treatment: 'acupuncture',
      why: 'The article says acupuncture leans more towards alleviating internal ailments, such as digestive issues, insomnia, stress management and inflammation.',
    };
  }
  if (approach === 'western') return { treatment: 'dryNeedling', why: `You prefer a Western medicine approach: dry needling is grounded in Western medicine principles. ${both}` };
  if (approach === 'chinese') return { treatment: 'acupuncture', why: `You prefer the Chinese medicine approach: acupuncture is an ancient Chinese medicine practice. ${both}` };
  return { treatment: 'both', why: `${both} Dry needling is more targeted for muscle relief and postural re-patterning, acupuncture more towards internal ailments.` };
}

const NAMES: Record<TreatmentChoice, string> = { acupuncture: 'acupuncture', dryNeedling: 'dry needling', both: 'either treatment' };

export class WhichTreatmentDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDependencies) {
    super(WHICH_TREATMENT_DIALOG);
    for (const id of [AREA_PROMPT, APPROACH_PROMPT]) {
      // Choice values are the button titles (Teams' hero card buttons show the value); steps map them back.
      const prompt = new ClinicChoicePrompt(id, (p) => this.validate(p));
      prompt.style = ListStyle.auto;
      this.addDialog(prompt);
    }
    this.addDialog(new WaterfallDialog(WATERFALL, [(s) => this.areaStep(s), (s) => this.approachStep(s), (s) => this.resultStep(s)]));
    this.initialDialogId = WATERFALL;
  }

  private async areaStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    setOutcome(step.context, 'clarify', INTENT);
    return step.prompt(AREA_PROMPT, {
      prompt: 'I can point you to what our article says. First: what would you mainly like help with?',
      retryPrompt: 'Please choose one of the options (or say “never mind”).',
      choices: ChoiceFactory.toChoices(AREAS.map((a) => ({ value: a.title, synonyms: a.synonyms }))),
    });
  }

  private async approachStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const area = AREAS.find((a) => a.title === (step.result as FoundChoice | undefined)?.value)?.value;
    if (!area) return step.endDialog({ interrupted: true });
    (step.values as Record<string, unknown>).area = area;
    setOutcome(step.context, 'clarify', INTENT);
    return step.prompt(APPROACH_PROMPT, {
      prompt: 'And which approach appeals to you more: Western medicine (trigger points in muscles) or traditional Chinese medicine (meridians and chi)?',
      retryPrompt: 'Please choose Western medicine, Chinese medicine or no preference.',
      choices: ChoiceFactory.toChoices(APPROACHES.map((a) => ({ value: a.title, synonyms: a.synonyms }))),
    });
  }

  private async resultStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const approach = APPROACHES.find((a) => a.title === (step.result as FoundChoice | undefined)?.value)?.value;
    if (!approach) return step.endDialog({ interrupted: true });
    const { treatment, why } = recommend((step.values as Record<string, unknown>).area as Area, approach);
    setOutcome(step.context, 'answered', INTENT);
    await this.deps.turns.remember(step.context, INTENT, { treatment });
    const lead = treatment === 'both' ? 'Either could suit you.' : `From what you’ve told me, the article points to ${NAMES[treatment]}.`;
    await step.context.sendActivity(
      replyWithSuggestions(step.context, `${lead} ${why}\n\n${DISCLAIMER} A practitioner will advise what suits you best.`, [SUGGESTIONS.book, SUGGESTIONS.difference, SUGGESTIONS.person]),
    );
    return step.endDialog();
  }

  private async validate(prompt: PromptValidatorContext<FoundChoice>): Promise<boolean> {
    if (prompt.recognized.succeeded) return true;
    const { recognition } = await this.deps.turns.understand(prompt.context);
    return isNewQuestion(recognition, INTENT);
  }
}

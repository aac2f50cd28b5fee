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
import { plainForm } from '../src/nlu/normalize';

const INTENT = 'which_suits';
const AREA_PROMPT = 'areaPrompt';
const APPROACH_PROMPT = 'approachPrompt';
const WATERFALL = 'whichTreatmentWaterfall';

export type Area = 'muscles' | 'posture' | 'internal' | 'chronic' | 'unsure';
export type Approach = 'western' | 'chinese' | 'none';

const AREAS: Array<{ value: Area; title: string; synonyms: string[] }> = [
  {
    value: 'muscles',
    title: 'Muscles or joints',
    synonyms: ['muscle', 'muscles', 'muscular', 'joint', 'joints', 'tension', 'tight', 'tightness', 'knots', 'knotted', 'injury', 'sports injury', 'musculoskeletal', 'sore muscles', 'stiff', 'sport', 'gym', 'running'],
  },
  { value: 'posture', title: 'Posture', synonyms: ['posture', 'postural', 'alignment', 'hunch', 'hunched', 'slouch', 'slouching'] },
  {
    value: 'internal',
    title: 'Digestion/sleep',
    synonyms: ['internal', 'digestion', 'digestive', 'gut', 'stomach', 'tummy', 'sleep', 'sleeping', 'insomnia', 'stress', 'stressed', 'anxious', 'anxiety', 'inflammation', 'internal ailments', 'wellbeing', 'well being', 'balanced', 'balance', 'overall'],
  },
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

/** The option whose synonyms the text names (whole words), if exactly one kind is named. */
function matchSynonyms<T extends string>(options: Array<{ value: T; synonyms: string[] }>, text: string): T | undefined {
  const form = ` ${plainForm(text)} `;
  const found = options.filter((o) => o.synonyms.some((s) => form.includes(` ${plainForm(s)} `)));
  return found.length === 1 ? found[0].value : undefined;
}

/** The area of concern a message tells: from its words, or from a condition it names (a list's treatment area). */
function toldArea(text: string, conditions: Array<{ list: string; name: string }>): Area | undefined {
  const fromWords = matchSynonyms(AREAS.filter((a) => a.value !== 'unsure' && a.value !== 'chronic'), text);
  if (fromWords) return fromWords;
  const lists = new Set(conditions.map((c) => (c.name === 'chronic pain' ? 'chronic' : c.list)));
  if (lists.size !== 1) return undefined;
  const list = [...lists][0];
  return list === 'dryNeedling' ? 'muscles' : list === 'acupuncture' ? 'internal' : 'chronic';
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
    // What the patient already said decides or shortens the questions ("desk job, tight shoulders: which suits me?").
    const { recognition } = await this.deps.turns.understand(step.context);
    const told = toldArea(recognition.text, recognition.conditions.map((c) => c.value));
    if (told) {
      (step.values as Record<string, unknown>).area = told;
      const approach = matchSynonyms(APPROACHES, recognition.text);
      return this.answer(step, told, approach ?? 'none');
    }
    setOutcome(step.context, 'clarify', INTENT);
    return step.prompt(AREA_PROMPT, {
      prompt: 'I can point you to what our article says. First: what would you mainly like help with?',
      retryPrompt: 'Please choose one of the options (or say “cancel”).',
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
    return this.answer(step, (step.values as Record<string, unknown>).area as Area, approach);
  }

  private async answer(step: WaterfallStepContext, area: Area, approach: Approach): Promise<DialogTurnResult> {
    const { treatment, why } = recommend(area, approach);
    setOutcome(step.context, 'answered', INTENT);
    const { question } = await this.deps.turns.understand(step.context);
    const condition = question.conditionFromContext ? undefined : question.condition;
    await this.deps.turns.remember(step.context, INTENT, { treatment, ...(condition ? { condition } : {}) });
    const listed = condition && !condition.value.partial ? `${condition.value.described ? 'From what you describe, the closest condition on our article’s list is' : 'Our article lists'} ${condition.value.name} (for ${condition.value.list === 'acupuncture' ? 'acupuncture' : 'dry needling'}). ` : '';
    const lead = listed + (treatment === 'both' ? 'Either could suit you.' : `From what you’ve told me, the article points to ${NAMES[treatment]}.`);
    await step.context.sendActivity(
      replyWithSuggestions(step.context, `${lead} ${why}\n\n${DISCLAIMER} A practitioner will advise what suits you best.`, [SUGGESTIONS.book, SUGGESTIONS.difference, SUGGESTIONS.person]),
    );
    return step.endDialog();
  }

  private async validate(prompt: PromptValidatorContext<FoundChoice>): Promise<boolean> {
    if (prompt.recognized.succeeded) return true;
    const { recognition } = await this.deps.turns.understand(prompt.context);
    // Typed answers in the patient's words ("mostly my gut and sleep") are accepted as the option they mean.
    const isAreaPrompt = prompt.options.choices?.some((c) => (typeof c === 'string' ? c : c.value) === AREAS[0].title);
    const typed = isAreaPrompt ? toldArea(recognition.text, recognition.conditions.map((c) => c.value)) : matchSynonyms(APPROACHES, recognition.text);
    const list: Array<{ value: string; title: string }> = isAreaPrompt ? AREAS : APPROACHES;
    const title = list.find((o) => o.value === typed)?.title;
    if (title) {
      prompt.recognized.value = { value: title, index: 0, score: 1 };
      return true;
    }
    return isNewQuestion(recognition, INTENT);
  }
}

/**
 * "Which treatment suits me?": two questions, then which of the two the article points to and why
 * (recommend() in src/knowledge/claims.ts, in the article's words).
 */
import {
  Choice,
  ChoiceFactory,
  DialogContext,
  DialogTurnResult,
  FoundChoice,
  ListStyle,
  PromptOptions,
  PromptValidatorContext,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { Approach, Area, claimText, recommend } from '../src/knowledge/claims';
import { plainForm } from '../src/nlu/normalize';
import { APPROACH_PROMPT, APPROACH_RETRY, AREA_PROMPT, AREA_RETRY, suitsAgainText, suitsText } from '../src/bot/replies';
import { reply, say } from '../src/bot/reply';
import { SUGGESTIONS } from '../src/bot/suggestions';
import { ClinicChoicePrompt } from './clinicChoicePrompt';
import { DialogDependencies } from './dependencies';
import type { TurnUnderstanding } from '../src/bot/turnRecognizer';
import { WHICH_TREATMENT_DIALOG } from './ids';
import { InterruptibleDialog } from './interruptibleDialog';

const INTENT = 'which_suits';
const AREA_PROMPT_ID = 'areaPrompt';
const APPROACH_PROMPT_ID = 'approachPrompt';
const WATERFALL = 'whichTreatmentWaterfall';

const AREAS: Array<{ value: Area; title: string; synonyms: string[] }> = [
  {
    value: 'muscles',
    title: 'Muscles or joints',
    synonyms: [
      'muscle',
      'muscles',
      'muscular',
      'joint',
      'joints',
      'tension',
      'tight',
      'tightness',
      'knots',
      'knotted',
      'injury',
      'sports injury',
      'musculoskeletal',
      'sore muscles',
      'stiff',
      'sport',
      'gym',
      'running',
    ],
  },
  { value: 'posture', title: 'Posture', synonyms: ['posture', 'postural', 'alignment', 'hunch', 'hunched', 'slouch', 'slouching'] },
  {
    value: 'internal',
    title: 'Digestion/sleep',
    synonyms: [
      'internal',
      'digestion',
      'digestive',
      'gut',
      'stomach',
      'tummy',
      'sleep',
      'sleeping',
      'insomnia',
      'stress',
      'stressed',
      'anxious',
      'anxiety',
      'inflammation',
      'internal ailments',
      'wellbeing',
      'well being',
      'balanced',
      'balance',
      'overall',
    ],
  },
  { value: 'chronic', title: 'Ongoing pain', synonyms: ['chronic', 'chronic pain', 'long term pain', 'ongoing', 'pain'] },
  { value: 'unsure', title: 'Not sure', synonyms: ['not sure', 'dont know', "don't know", 'unsure', 'no idea'] },
];

const APPROACHES: Array<{ value: Approach; title: string; synonyms: string[] }> = [
  { value: 'western', title: 'Western medicine', synonyms: ['western', 'trigger points', 'science', 'modern'] },
  { value: 'chinese', title: 'Chinese medicine', synonyms: ['chinese', 'traditional', 'meridians', 'chi', 'qi', 'ancient'] },
  { value: 'none', title: 'No preference', synonyms: ['none', 'no preference', 'either', 'dont mind', "don't mind", 'not sure', 'whatever'] },
];

/** The option whose synonyms the text names (whole words), if exactly one kind is named. */
function matchSynonyms<T extends string>(options: Array<{ value: T; synonyms: string[] }>, text: string): T | undefined {
  const form = ` ${plainForm(text)} `;
  const found = options.filter((o) => o.synonyms.some((s) => form.includes(` ${plainForm(s)} `)));
  return found.length === 1 ? found[0].value : undefined;
}

/** The area of concern a message tells: from its words, or from a condition it names (a list's treatment area). */
function toldArea(text: string, conditions: Array<{ list: string; name: string }>): Area | undefined {
  const fromWords = matchSynonyms(
    AREAS.filter((a) => a.value !== 'unsure' && a.value !== 'chronic'),
    text,
  );
  if (fromWords) return fromWords;
  const lists = new Set(conditions.map((c) => (c.name === 'chronic pain' ? 'chronic' : c.list)));
  if (lists.size !== 1) return undefined;
  const list = [...lists][0];
  return list === 'dryNeedling' ? 'muscles' : list === 'acupuncture' ? 'internal' : 'chronic';
}

/** Whether a prompt's choices are the area question's. */
const isArea = (choices: Array<string | Choice>) => choices.some((c) => (typeof c === 'string' ? c : c.value) === AREAS[0].title);

/** "So which one?", "you tell me", "dunno": the patient leaves the choice to the bot (not sure / no preference). */
const LEAVES_IT =
  /\b(which one|which should|which 1|what do you (think|reckon|suggest|recommend)|you (tell me|choose|pick|decide)|up to you|(just )?(pick|choose) (one|for me)|whichever|dunno|no idea|not sure|dont know|do not know|dont mind|do not mind|doesnt matter|does not matter|no preference)\b/;

/** What a typed answer to one of the two questions means, if it means one of the options. */
function typedAnswer(
  isAreaPrompt: boolean,
  recognition: { text: string; conditions: Array<{ value: { list: string; name: string } }> },
): string | undefined {
  const text = plainForm(recognition.text);
  if (isAreaPrompt) {
    const area = toldArea(
      recognition.text,
      recognition.conditions.map((c) => c.value),
    );
    return area ?? (LEAVES_IT.test(text) ? 'unsure' : undefined);
  }
  return matchSynonyms(APPROACHES, recognition.text) ?? (LEAVES_IT.test(text) ? 'none' : undefined);
}

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
    // What the patient already said decides the answer ("desk job, tight shoulders: which suits me?").
    const { recognition } = await this.deps.turns.understand(step.context);
    const told = toldArea(
      recognition.text,
      recognition.conditions.map((c) => c.value),
    );
    if (told) return this.answer(step, told, matchSynonyms(APPROACHES, recognition.text) ?? 'none');
    // "So which one?" right after a recommendation: say it again instead of asking the same questions again.
    const before = await this.deps.turns.context(step.context);
    if (before.lastIntent === INTENT && before.lastAnswered) {
      await say(step.context, 'answered', suitsAgainText(before.lastAnswered), {
        intent: INTENT,
        suggestions: [SUGGESTIONS.book, SUGGESTIONS.difference, SUGGESTIONS.person],
      });
      return step.endDialog();
    }
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
    return this.answer(step, (step.values as Record<string, unknown>).area as Area, approach);
  }

  private async answer(step: WaterfallStepContext, area: Area, approach: Approach): Promise<DialogTurnResult> {
    const { knowledge } = this.deps;
    const { treatment, why } = recommend(knowledge, area, approach);
    const { question } = await this.deps.turns.understand(step.context);
    const condition = question.conditionFromContext ? undefined : question.condition;
    await this.deps.turns.remember(step.context, INTENT, { treatment, ...(condition ? { condition } : {}) });
    const lists = condition?.value.list === 'acupuncture' ? 'acupuncture' : 'dry needling';
    const listed =
      condition && !condition.value.partial
        ? `${claimText(knowledge, condition.value.described ? 'suitsDescribed' : 'suitsListed', { name: condition.value.name, lists })} `
        : '';
    await say(step.context, 'answered', listed + suitsText(treatment, why), {
      intent: INTENT,
      suggestions: [SUGGESTIONS.book, SUGGESTIONS.difference, SUGGESTIONS.person],
    });
    return step.endDialog();
  }

  /**
   * A described problem ("it's my lower back mostly") answers "what would you like help with?", and "so which one?"
   * leaves the choice to the bot: neither interrupts the questions as a new question.
   */
  protected answers(innerDc: DialogContext, understanding: TurnUnderstanding): boolean {
    if (super.answers(innerDc, understanding)) return true;
    const choices = (innerDc.activeDialog?.state as { options?: PromptOptions } | undefined)?.options?.choices;
    if (!choices?.length) return false;
    return typedAnswer(isArea(choices), understanding.recognition) !== undefined;
  }

  private async validate(prompt: PromptValidatorContext<FoundChoice>): Promise<boolean> {
    if (prompt.recognized.succeeded) return true;
    // Typed answers in the patient's words ("mostly my gut and sleep", "dunno, you pick") are accepted as the option they mean.
    const { recognition } = await this.deps.turns.understand(prompt.context);
    const isAreaPrompt = isArea(prompt.options.choices ?? []);
    const typed = typedAnswer(isAreaPrompt, recognition);
    const options: Array<{ value: string; title: string }> = isAreaPrompt ? AREAS : APPROACHES;
    const title = options.find((o) => o.value === typed)?.title;
    if (!title) return false;
    prompt.recognized.value = { value: title, index: 0, score: 1 };
    return true;
  }
}

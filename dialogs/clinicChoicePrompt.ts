/**
 * ChoicePrompt that renders its choices for the channel (src/bot/render.ts) and picks a choice by its number ("2", "option 2", "the second one") without
 * @microsoft/recognizers-text.
 *
 * Why: when a prompt waits and the patient asks something new instead (the usual case: "what about sciatica?"),
 * ChoicePrompt finds no choice by its words and then runs recognizers-text's ordinal and number models over the
 * whole message, about 5% of a turn's CPU, and their models' memory. A patient picking by number writes a short
 * reply that is only the number (SMS shows numbered lists), and that is what this recognizes: a number or ordinal
 * anywhere inside a longer question ("I have 2 sore knees") is not taken as a choice, which recognizers-text did.
 */
import { Activity, TurnContext } from 'botbuilder';
import { ChoicePrompt, FoundChoice, PromptOptions, PromptRecognizerResult, PromptValidator } from 'botbuilder-dialogs';
import { buttonsReply, choiceButtons } from '../src/bot/render';

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

const PICK = new RegExp(
  '^(?:(?:i(?:\\s*will|\\s*ll)?\\s+)?(?:take|choose|pick|want|go\\s+with)\\s+)?(?:(?:number|option|choice|no\\.?|#)\\s*)?(?:the\\s+)?' +
    `(\\d{1,2}|${ORDINALS.join('|')}|${WORDS.join('|')}|\\d{1,2}(?:st|nd|rd|th))` +
    '(?:\\s+(?:one|option|choice))?(?:\\s+please)?$',
);

/** The 0-based index a reply like "2", "option 2", "the second one" or "2nd" picks, if it is only that. */
export function choiceIndexOf(text: string): number | undefined {
  const form = text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}#.\s]/gu, ' ')
    .replace(/\.(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const m = PICK.exec(form);
  if (!m) return undefined;
  const word = m[1];
  const n = /^\d/.test(word) ? parseInt(word, 10) : Math.max(ORDINALS.indexOf(word), WORDS.indexOf(word)) + 1;
  return n >= 1 ? n - 1 : undefined;
}

export class ClinicChoicePrompt extends ChoicePrompt {
  constructor(dialogId: string, validator?: PromptValidator<FoundChoice>, defaultLocale?: string) {
    super(dialogId, validator, defaultLocale);
    this.recognizerOptions = { recognizeNumbers: false, recognizeOrdinals: false };
  }

  /**
   * The question and its choices rendered from the channel capability table (buttons titled with the action's
   * title, so Teams' card reads "Yes, that’s fine", not "yes"; numbered text where there are no buttons).
   */
  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const prompt = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    const text = typeof prompt === 'string' ? prompt : ((prompt as Partial<Activity> | undefined)?.text ?? '');
    await context.sendActivity(buttonsReply(context, text, choiceButtons(options.choices ?? []), true));
  }

  protected async onRecognize(context: TurnContext, state: object, options: PromptOptions): Promise<PromptRecognizerResult<FoundChoice>> {
    const byWords = await super.onRecognize(context, state, options);
    if (byWords.succeeded) return byWords;
    const text = context.activity.text;
    const index = text ? choiceIndexOf(text) : undefined;
    const choices = options.choices ?? [];
    if (index === undefined || index >= choices.length) return byWords;
    const choice = choices[index];
    return { succeeded: true, value: { value: typeof choice === 'string' ? choice : choice.value, index, score: 1 } };
  }
}

/**
 * The base of every dialog that waits for an answer, as the Bot Framework samples' CancelAndHelpDialog is for
 * "help" and "cancel" (those stay with the main dialog, which wraps every other): while a dialog waits, a message
 * that does not answer its question but is confidently a different question ends the dialog with
 * { interrupted: true }, and the main dialog answers that question in the same turn, instead of the prompt
 * repeating itself. Each dialog says what counts as an answer (answers()); nothing else checks for new questions.
 */
import { ChoiceFactory, ComponentDialog, DialogContext, DialogTurnResult, DialogTurnStatus, FoundChoice, recognizeChoices } from 'botbuilder-dialogs';
import type { PromptOptions } from 'botbuilder-dialogs';
import { questionIntents } from '../src/knowledge/types';
import type { TurnUnderstanding } from '../src/bot/turnRecognizer';
import type { Recognition } from '../src/nlu/recognizer';
import { asksHowItFeels, asksIfBot, socialKind, socialOnly } from '../src/nlu/clinicQuestions';
import { choiceIndexOf } from './clinicChoicePrompt';
import type { DialogDependencies } from './dependencies';

/** One or two words ("not sure", "tomorrow") are an answer to the question asked, however the model reads them. */
const MIN_WORDS = 3;
const MIN_SCORE = 0.6;

/**
 * True when a message sent while a dialog waits for an answer is confidently a different question,
 * e.g. "what's the difference?" while asked which condition.
 */
export function isNewQuestion(r: Recognition, questions: ReadonlySet<string>, unlessIntent?: string): boolean {
  const words = r.text.trim().split(/\s+/).filter(Boolean).length;
  return words >= MIN_WORDS && r.reason === 'classified' && r.score >= MIN_SCORE && questions.has(r.intent) && r.intent !== unlessIntent;
}

/**
 * "ok thanks", "cheers, bye": thanks or a farewell and nothing else ends the question the dialog was asking (and is
 * answered in kind) instead of "please choose one of the options". A bare "ok" may answer the prompt, so it does not.
 */
export function signsOff(text: string): boolean {
  return socialOnly(text) === 'social' && socialKind(text) !== 'acknowledge';
}

/** What a dialog returns when the user asked something new instead of answering its question. */
export interface InterruptedResult {
  interrupted: true;
}

export function isInterrupted(result: unknown): result is InterruptedResult {
  return Boolean(result && typeof result === 'object' && (result as InterruptedResult).interrupted === true);
}

export abstract class InterruptibleDialog extends ComponentDialog {
  private readonly questions: ReadonlySet<string>;

  /** `intent`: the dialog's own intent, which does not interrupt it ("book" while booking). */
  constructor(
    id: string,
    protected readonly deps: DialogDependencies,
    private readonly intent?: string,
  ) {
    super(id);
    this.questions = questionIntents(deps.knowledge);
  }

  /** Whether the message answers what the dialog is waiting for. Default: it picks one of the active prompt's choices. */
  protected answers(innerDc: DialogContext, _understanding: TurnUnderstanding): boolean {
    return pickedChoice(innerDc) !== undefined;
  }

  /**
   * Whether a message that does not answer the dialog's question ends it: a confident new question, a sign-off,
   * "is this an automated chat?" (the bot says what it is before anything else is asked of the patient), or "does it
   * hurt?" (how it feels, which the team answers).
   */
  protected interrupts(r: Recognition): boolean {
    return isNewQuestion(r, this.questions, this.intent) || signsOff(r.text) || asksIfBot(r.text) || asksHowItFeels(r.text);
  }

  protected async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const understanding = await this.deps.turns.understand(innerDc.context);
    const r = understanding.recognition;
    if (!this.answers(innerDc, understanding) && this.interrupts(r)) {
      await innerDc.cancelAllDialogs();
      return { status: DialogTurnStatus.complete, result: { interrupted: true } satisfies InterruptedResult };
    }
    return super.onContinueDialog(innerDc);
  }
}

/** The choice the message picks from the waiting choice prompt (by its words, or by number), if any. */
export function pickedChoice(innerDc: DialogContext): FoundChoice | undefined {
  const options = (innerDc.activeDialog?.state as { options?: PromptOptions } | undefined)?.options;
  const text = innerDc.context.activity.text;
  if (!options?.choices?.length || !text) return undefined;
  const choices = ChoiceFactory.toChoices(options.choices);
  const [byWords] = recognizeChoices(text, choices, { recognizeNumbers: false, recognizeOrdinals: false });
  if (byWords) return byWords.resolution;
  const index = choiceIndexOf(text);
  return index !== undefined && index < choices.length ? { value: choices[index].value, index, score: 1 } : undefined;
}

/**
 * Runs the recognizer once per message turn, resolves follow-ups against conversation context and
 * keeps the result in turnState, where dialogs read it and the trace middleware reports it.
 */
import { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { ClinicContext, remember, ResolvedQuestion, resolveQuestion } from '../nlu/context';
import type { Recognition } from '../nlu/recognizer';
import { getTurnRecord, setTurnRecord, TurnRecord } from '../turn/record';

export interface Recognizes {
  recognize(text: string): Recognition;
}

export interface TurnUnderstanding {
  recognition: Recognition;
  question: ResolvedQuestion;
  record: TurnRecord;
}

export class TurnRecognizer {
  constructor(
    private readonly recognizer: Recognizes,
    private readonly contextAccessor: StatePropertyAccessor<ClinicContext>,
  ) {}

  async understand(context: TurnContext): Promise<TurnUnderstanding> {
    let record = getTurnRecord(context);
    if (!record) {
      record = { recognition: this.recognizer.recognize(context.activity.text ?? '') };
      setTurnRecord(context, record);
    }
    const clinicContext = await this.contextAccessor.get(context, {});
    return { recognition: record.recognition, question: resolveQuestion(record.recognition, clinicContext), record };
  }

  /** Clears the conversation's context ("start over"). */
  async forget(context: TurnContext): Promise<void> {
    await this.contextAccessor.set(context, {});
  }

  /** Remembers what was just answered, so the next "it" or "that" refers to it. */
  async remember(context: TurnContext, intent: string, question: Partial<ResolvedQuestion>): Promise<void> {
    const current = await this.contextAccessor.get(context, {});
    await this.contextAccessor.set(context, remember(current, intent, question));
  }
}

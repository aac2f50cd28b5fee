/**
 * Turn middleware, in the order the adapter runs it:
 *  1. RecognitionTraceMiddleware: after the turn, exactly one "ClinicRecognizer" trace per message turn.
 *  2. SafetyMiddleware: red-flag messages get emergency guidance before any classification.
 */
import { ActivityTypes, Middleware, TurnContext } from 'botbuilder';
import type { Knowledge, RedFlag } from '../knowledge/types';
import { plainForm } from '../nlu/normalize';
import { unclassified } from '../nlu/recognizer';
import { urgentText } from './replies';
import { say } from './reply';
import { getTurnRecord, setTurnRecord } from '../turn/record';
import { traceActivity } from '../turn/trace';

export class RecognitionTraceMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message) return next();
    try {
      await next();
    } finally {
      const record = getTurnRecord(context) ?? { recognition: unclassified(context.activity.text ?? '') };
      await context.sendActivity(traceActivity(record));
    }
  }
}

export function findRedFlag(flags: RedFlag[], text: string): RedFlag | undefined {
  const form = plainForm(text);
  if (!form) return undefined;
  return flags.find((f) => f.patterns.some((p) => p.test(form)));
}

export class SafetyMiddleware implements Middleware {
  constructor(private readonly knowledge: Knowledge) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const text = context.activity.type === ActivityTypes.Message ? context.activity.text : undefined;
    const flag = text ? findRedFlag(this.knowledge.redFlags, text.slice(0, 5000)) : undefined;
    if (!flag) return next();
    setTurnRecord(context, {
      recognition: unclassified(text ?? '', { intent: 'red_flag', score: 1, reason: 'classified' }),
      redFlag: flag.id,
    });
    // The dialog is not run: whatever it was waiting for can wait; safety comes first.
    await say(context, 'urgent', urgentText(this.knowledge, flag.kind));
  }
}

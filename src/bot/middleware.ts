/**
 * Turn middleware, in the order the adapter runs it:
 *  1. RecognitionTraceMiddleware: after the turn, exactly one "ClinicRecognizer" trace per message turn.
 *  2. SafetyMiddleware (safetyMiddleware.ts): safety triage before any classification.
 */
import { ActivityTypes, Middleware, TurnContext } from 'botbuilder';
import { unclassified } from '../nlu/recognizer';
import { getTurnRecord } from '../turn/record';
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

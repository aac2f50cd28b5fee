/**
 * Safety before anything else, on every channel and inside every dialog (docs/safety.md):
 *  - an emergency or crisis happening now gets the tier's guidance alone; the turn ends there (no dialog
 *    runs, no answer); a dialog under way is stopped, and a question in the message is kept until the
 *    patient says they are safe;
 *  - urgent care, clinic, and emergencies in doubt get the guidance first, then the bot answers;
 *  - a sign in the past, someone else's, a standing condition or a "what if" gets one short note before the answer;
 *  - the turn's trace says outcome "urgent" with the tier and sign whenever guidance was given.
 * Works with storage down: the guidance is sent before any state is read or written.
 */
import { ActivityTypes, CardFactory, Middleware, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Knowledge } from '../knowledge/types';
import type { Recognition } from '../nlu/recognizer';
import { unclassified } from '../nlu/recognizer';
import type { SafetyTriage } from '../safety/triage';
import type { Triage } from '../safety/types';
import type { Logger } from '../logger';
import { guidanceText, noteText, safeAgainText, stillSafeText } from './safetyReplies';
import { getTurnRecord, setOutcome, setTurnRecord } from '../turn/record';
import { say } from './reply';

/** Kept in conversation state after an emergency: what to do with the next turns. */
export interface SafetyHold {
  tier: string;
  at: number;
  /** The message with a question in it, answered once the patient says they are safe. */
  question?: string;
  reminded?: boolean;
}

/** A hold is forgotten after this long (the patient has moved on). */
const HOLD_MS = 6 * 3600_000;
const SAFE_REPLY =
  /\b(safe|ok|fine|better|alright|all right|good|yes|yeah|yep|called|calling|ambulance|paramedics|hospital|doctor|sorted|calmer|stopped|passed|here now|answer)\b/;

const NOT_SAFE = /\b(not|no|never|cant|can't|can’t|dont|don't|don’t|isnt|isn't|still)\b/;

export interface SafetyParts {
  hold: StatePropertyAccessor<SafetyHold | undefined>;
  dialogState: StatePropertyAccessor<DialogState>;
  /** Saves conversation state (the bot does not run after guidance that goes alone). */
  save(context: TurnContext): Promise<void>;
  recognize(text: string): Recognition;
  logger: Logger;
}

export class SafetyMiddleware implements Middleware {
  constructor(
    private readonly knowledge: Knowledge,
    private readonly triage: SafetyTriage,
    private readonly parts: SafetyParts,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const text = context.activity.type === ActivityTypes.Message ? (context.activity.text ?? '') : '';
    if (!text.trim()) return next();
    const result = this.triage.triage(text.slice(0, 5000));
    if (result.mode === 'alone') return this.alone(context, text, result);
    const hold = await this.readHold(context);
    if (hold?.question && this.saysSafe(text, result)) {
      return this.answerKept(context, hold.question, next);
    }
    if (hold && !hold.reminded) {
      await say(context, undefined, stillSafeText(this.knowledge, Boolean(hold.question)));
      await this.writeHold(context, hold.question ? { ...hold, reminded: true } : undefined);
    }
    if (result.mode === 'first') return this.first(context, text, result, next);
    // A caution (history of stroke, blood thinners) comes before the answer; a safety-net line after an everyday
    // complaint ("if it ever comes on suddenly…") comes after it.
    const note = result.mode === 'note' && result.note ? noteText(this.knowledge, result.note) : undefined;
    if (note && !result.noteAfter) await say(context, undefined, note);
    await next();
    if (note && result.noteAfter) await say(context, undefined, note);
    if (result.mode === 'note') {
      const record = getTurnRecord(context);
      if (record) record.safety = { mode: 'note', sign: result.sign };
    }
  }

  /** Guidance alone: nothing else runs this turn. */
  private async alone(context: TurnContext, text: string, result: Triage): Promise<void> {
    setTurnRecord(context, {
      recognition: unclassified(text, { intent: 'red_flag', score: 1, reason: 'classified' }),
      redFlag: result.sign,
      safety: { mode: 'alone', tier: result.tier, sign: result.sign, source: result.source },
    });
    // Guidance first of all, before state is written (storage may be down).
    const stopped = await this.dialogUnderway(context);
    await say(context, 'urgent', guidanceText(this.knowledge, result, { stoppedDialog: stopped, keptQuestion: result.question }));
    try {
      if (stopped) await this.parts.dialogState.set(context, { dialogStack: [] });
      await this.parts.hold.set(context, { tier: result.tier!, at: Date.now(), question: result.question ? text.slice(0, 1000) : undefined });
      await this.parts.save(context);
    } catch (err) {
      this.parts.logger.warn('safety: could not save the conversation after emergency guidance', { error: (err as Error).message });
    }
  }

  /** Guidance first, then (when there is a question, or we are not sure) the bot answers. */
  private async first(context: TurnContext, text: string, result: Triage, next: () => Promise<void>): Promise<void> {
    // The bot has not recorded the turn yet: its outcome is set to urgent below, once the answer is in.
    await say(context, undefined, guidanceText(this.knowledge, result));
    // Crisis guidance is never followed by a menu: the answer after it goes without buttons.
    if (result.tier === 'crisis') {
      context.onSendActivities(async (_c, activities, nextSend) => {
        for (const a of activities) {
          delete a.suggestedActions;
          if (a.attachments?.length) a.attachments = a.attachments.filter((x) => x.contentType !== CardFactory.contentTypes.heroCard);
        }
        return nextSend();
      });
    }
    if (result.answer) await next();
    const record = getTurnRecord(context);
    const safety = { mode: 'first' as const, tier: result.tier, sign: result.sign, source: result.source };
    if (record) {
      record.redFlag = result.sign;
      record.safety = safety;
    } else {
      setTurnRecord(context, {
        recognition: unclassified(text, { intent: 'red_flag', score: 1, reason: 'classified' }),
        redFlag: result.sign,
        safety,
      });
    }
    setOutcome(context, 'urgent');
  }

  /**
   * "I'm ok now", "all good, called the ambulance" after guidance: a short all-clear. Only the classifier may have
   * doubts about it (it leans on "I'm" in short messages), never a sign, and never with "not" in it.
   */
  private saysSafe(text: string, result: Triage): boolean {
    const lower = text.toLowerCase();
    if (!SAFE_REPLY.test(lower) || text.split(/\s+/).length > 15) return false;
    return result.mode === 'none' || (result.source === 'classifier' && !NOT_SAFE.test(lower));
  }

  private async answerKept(context: TurnContext, question: string, next: () => Promise<void>): Promise<void> {
    await this.writeHold(context, undefined);
    await say(context, undefined, safeAgainText(question));
    setTurnRecord(context, { recognition: this.parts.recognize(question) });
    await next();
  }

  private async dialogUnderway(context: TurnContext): Promise<boolean> {
    try {
      return ((await this.parts.dialogState.get(context))?.dialogStack?.length ?? 0) > 0;
    } catch {
      return false;
    }
  }

  private async readHold(context: TurnContext): Promise<SafetyHold | undefined> {
    try {
      const hold = await this.parts.hold.get(context);
      if (hold && Date.now() - hold.at < HOLD_MS) return hold;
      if (hold) await this.parts.hold.delete(context);
    } catch {
      // Storage down: no hold; safety checks above did not need it.
    }
    return undefined;
  }

  private async writeHold(context: TurnContext, hold: SafetyHold | undefined): Promise<void> {
    try {
      if (hold) await this.parts.hold.set(context, hold);
      else await this.parts.hold.delete(context);
    } catch {
      // Nothing to do: the reminder was sent.
    }
  }
}

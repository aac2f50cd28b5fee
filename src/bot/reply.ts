/**
 * The one reply path. Everything the bot says to a patient (answers, prompts, the safety guidance, the storage
 * notice, the adapter's apology) goes through reply(): it records how the turn ended (the recognition trace's
 * outcome, see src/turn/record.ts) and renders the sentence for the channel (render.ts), in one call, so no
 * reply can forget either. The sentences themselves are in replies.ts. Urgent replies (emergency and crisis
 * guidance) carry the standard `importance: "high"`, which the website chat shows as an alert.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { Outcome, setOutcome, setSource } from '../turn/record';
import { replyWithSuggestions, textReply } from './render';
import type { Suggestion } from './suggestions';

export interface ReplyOptions {
  /** The intent the turn answered, when it is not the recognizer's (a dialog's own intent). */
  intent?: string;
  /** Follow-up buttons where the channel has them. */
  suggestions?: Suggestion[];
  /** 'clinic': the answer is the clinic's own (a staff FAQ entry), recorded in the trace. */
  source?: 'clinic';
}

/**
 * Sets the turn's outcome (none: leave it, e.g. a retry prompt whose validator set it, or the apology after the
 * trace) and renders `text` for the channel. Send the result, or give it to a prompt as its prompt.
 */
export function reply(context: TurnContext, outcome: Outcome | undefined, text: string, options: ReplyOptions = {}): Partial<Activity> {
  if (outcome) setOutcome(context, outcome, options.intent);
  if (options.source) setSource(context, options.source);
  const activity = options.suggestions?.length ? replyWithSuggestions(context, text, options.suggestions) : textReply(context, text);
  if (outcome === 'urgent') activity.importance = 'high';
  return activity;
}

/**
 * The texts said so far in this run of the turn, by the run's context. Not in turnState: that is shared by the runs of
 * a turn whose state save conflicted (runWithConflictRetry), and a re-run that says what the discarded run said must
 * still send it.
 */
const saidInRun = new WeakMap<TurnContext, Set<string>>();

/**
 * reply(), sent; a text already said this turn is not said again ("is the acupuncturist a woman? and how long have they
 * been practising?": the clinic's part said first, then the whole routed to the same "I don't have that information").
 */
export async function say(context: TurnContext, outcome: Outcome | undefined, text: string, options: ReplyOptions = {}): Promise<void> {
  const said = saidInRun.get(context) ?? new Set<string>();
  saidInRun.set(context, said);
  if (said.has(text)) {
    if (outcome) setOutcome(context, outcome, options.intent);
    return;
  }
  said.add(text);
  await context.sendActivity(reply(context, outcome, text, options));
}

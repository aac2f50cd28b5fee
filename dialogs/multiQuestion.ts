/**
 * Several questions in one message, answered each in order: "can dry needling help my back and how much is a
 * session?" gets the back answer, then the honest "our team can tell you prices". Only questions answered in one
 * reply take part (a topic, a condition, the difference, something the article does not cover, contact details,
 * booking details); a message whose parts need a follow-up question, or that holds one question only, is left to
 * the main dialog's routing.
 */
import { TurnContext } from 'botbuilder';
import {
  bookingText,
  clinicDetailsText,
  conditionText,
  missingDetailText,
  notCoveredText,
  topicText,
  unlistedConditionText,
} from '../src/bot/replies';
import { say } from '../src/bot/reply';
import type { Outcome } from '../src/turn/record';
import type { Knowledge } from '../src/knowledge/types';
import { askedDetail } from '../src/nlu/clinicQuestions';
import { ResolvedQuestion, resolveQuestion, TreatmentChoice } from '../src/nlu/context';
import { splitQuestions } from '../src/nlu/multiQuestion';
import { passagePicker } from '../src/nlu/passages';
import type { Recognition } from '../src/nlu/recognizer';
import { DialogDependencies } from './dependencies';

interface PartAnswer {
  intent: string;
  text: string;
  outcome: Outcome;
  question: Partial<ResolvedQuestion>;
}

const TOPICS = new Set(['what_is', 'how_it_works', 'uses']);
/** A part that is a question of its own ("do you take credit cards"), not a remark. */
const ASKS = /^\s*(do|does|can|could|is|are|will|would|how|what|whats|when|where|who|why|which|have|has)\b|\?\s*$/i;

function answerPart(k: Knowledge, r: Recognition, q: ResolvedQuestion, whole: ResolvedQuestion): PartAnswer | undefined {
  const treatment: TreatmentChoice | undefined = q.treatment ?? whole.treatment;
  const passage = treatment || r.treatments.length ? passagePicker(k.passages).pick(r.text, treatment) : undefined;
  if (passage && (TOPICS.has(r.intent) || r.intent === 'difference' || r.intent === 'similarity')) {
    return {
      intent: r.intent,
      text: passage.text,
      outcome: 'answered',
      question: { treatment: passage.treatment === 'both' ? treatment : passage.treatment },
    };
  }
  if (r.intent === 'condition_query' || (r.intent === 'which_suits' && (q.condition ?? whole.condition))) {
    const condition = q.condition ?? whole.condition;
    if (condition) {
      return {
        intent: r.intent,
        text: conditionText(k, condition.value, treatment, { said: condition.text, promise: r.promise }),
        outcome: 'answered',
        question: { condition, treatment: treatment ?? condition.value.list },
      };
    }
    return r.unlistedMention
      ? { intent: r.intent, text: unlistedConditionText(k, treatment, r.unlistedText), outcome: 'fallback', question: {} }
      : undefined;
  }
  if (TOPICS.has(r.intent) && treatment)
    return { intent: r.intent, text: topicText(k, r.intent, treatment), outcome: 'answered', question: { treatment } };
  if (r.intent === 'difference' || r.intent === 'similarity')
    return { intent: r.intent, text: topicText(k, r.intent, 'both'), outcome: 'answered', question: {} };
  if (r.intent === 'not_covered') return { intent: r.intent, text: notCoveredText(k), outcome: 'fallback', question: {} };
  if (r.intent === 'contact') {
    const detail = askedDetail(r.text);
    const missing = detail ? missingDetailText(k, detail) : undefined;
    return { intent: r.intent, text: missing ?? clinicDetailsText(k.clinic), outcome: missing ? 'fallback' : 'answered', question: {} };
  }
  if (r.intent === 'booking') return { intent: r.intent, text: bookingText(k), outcome: 'handoff', question: {} };
  return undefined;
}

/** Answers each question of a message that holds several, in order, and returns true; false leaves the message to routing. */
export async function answerSeveral(context: TurnContext, deps: DialogDependencies, whole: ResolvedQuestion): Promise<boolean> {
  const parts = splitQuestions(context.activity.text ?? '');
  if (parts.length < 2) return false;
  const ctx = await deps.turns.context(context);
  const answers: PartAnswer[] = [];
  const unanswerable: string[] = [];
  let previous = whole;
  for (const part of parts) {
    const r = deps.turns.recognizePart(part);
    if (r.reason === 'ambiguous' || r.intent === 'greeting' || r.intent === 'thanks') continue;
    if (r.intent === 'None' || r.intent === 'out_of_scope') {
      // A question of its own we cannot answer ("do you take credit cards") is said so, not dropped.
      if (ASKS.test(part)) unanswerable.push(part);
      continue;
    }
    const q = resolveQuestion(r, ctx);
    const answer = answerPart(
      deps.knowledge,
      r,
      { ...q, treatment: q.treatmentFromContext ? (previous.treatment ?? q.treatment) : q.treatment },
      previous,
    );
    // A part that needs a follow-up question (which suits me, a person): routing handles the message as a whole.
    if (!answer) return false;
    if (!answers.some((a) => a.text === answer.text)) answers.push(answer);
    if (q.treatment && !q.treatmentFromContext) previous = { ...previous, treatment: q.treatment };
  }
  if (answers.length === 1 && unanswerable.length > 0) {
    answers.push({ intent: 'not_covered', text: notCoveredText(deps.knowledge), outcome: 'fallback', question: {} });
  }
  // Two answers (two conditions, two topics, a topic and a price) are two questions; one is left to routing.
  if (answers.length < 2) return false;
  const outcome: Outcome = answers.some((a) => a.outcome === 'answered')
    ? 'answered'
    : answers.some((a) => a.outcome === 'handoff')
      ? 'handoff'
      : 'fallback';
  for (const [i, a] of answers.entries()) {
    // The turn's outcome: answered when any part was (the first call sets it).
    await say(context, i === 0 ? outcome : undefined, a.text, { intent: answers[0].intent });
    if (a.question.treatment || a.question.condition) await deps.turns.remember(context, a.intent, a.question);
  }
  return true;
}

/**
 * "Can dry needling help my X?": answers from the article's lists, and asks which condition when none is named.
 */
import { DialogContext, DialogTurnResult, PromptValidatorContext, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import {
  CONDITION_PROMPT,
  CONDITION_RETRY,
  conditionNotFoundText,
  DISCLAIMER,
  conditionText,
  otherListedText,
  placeOnlyText,
  relatedPassageText,
  INFLAMED_TOLD,
  musculoskeletalTold,
  unlistedConditionText,
} from '../src/bot/replies';
import { passagePicker } from '../src/nlu/passages';
import { passageWithRole } from '../src/knowledge/roles';
import { reply, say } from '../src/bot/reply';
import { SUGGESTIONS } from '../src/bot/suggestions';
import type { TurnUnderstanding } from '../src/bot/turnRecognizer';
import type { ConditionRef, FoundEntity } from '../src/nlu/analyse';
import type { TreatmentChoice } from '../src/nlu/context';
import type { Recognition } from '../src/nlu/recognizer';
import { DialogDependencies } from './dependencies';
import { CONDITION_DIALOG } from './ids';
import { InterruptibleDialog } from './interruptibleDialog';

const INTENT = 'condition_query';
const CONDITION_PROMPT_ID = 'conditionPrompt';
const WATERFALL = 'conditionWaterfall';
const MAX_ATTEMPTS = 2;

/** A question about the list itself: "is it on your list?", "the same as…?", "covered by…?", "does it count as…?" */
const ASKS_ABOUT_LIST =
  /\b(on (your|the|ur|that|this|their) list|on it|same as|same thing as|the same|covered by|count as|counts as|listed|included|or only|under the)\b/i;

/**
 * The outcome of an unlisted-condition reply: an answer (a partial one) when it says what the article does say beside
 * the honest "not on the list": the listed one the patient set beside it or the listed one of the same kind ("cluster
 * headaches": the list does include migraine and tension-type headaches), the article's inflammation for an inflamed
 * complaint, or its musculoskeletal conditions and chronic pain for long-standing pain or a place of muscles the lists
 * do not name; otherwise a fallback (nothing the article says was given).
 */
export function unlistedOutcome(r: Pick<Recognition, 'text' | 'listedAlso' | 'unlistedText'>): 'answered' | 'fallback' {
  const besideListed = (r.listedAlso?.length ?? 0) > 0 && (ASKS_ABOUT_LIST.test(r.text) || sameKind(r.unlistedText, r.listedAlso ?? []));
  return besideListed || INFLAMED_TOLD.test(r.text) || musculoskeletalTold(r.text, r.unlistedText) ? 'answered' : 'fallback';
}

/** Words that say no kind of complaint ("syndrome", "pain"), or only where it is ("tunnel", "joint"). */
const NO_KIND = new Set([
  'syndrome',
  'disorder',
  'disease',
  'pain',
  'pains',
  'injury',
  'injuries',
  'problem',
  'problems',
  'issue',
  'issues',
  'tunnel',
  'joint',
  'joints',
]);

/**
 * Whether the unlisted thing is a kind of a listed one, by its last word ("cluster headaches", "sinus headaches": the list
 * names "Migraine and tension-type headaches"); a listed one only of the same body part ("restless legs" beside
 * sciatica) is not.
 */
function sameKind(said: string | undefined, listed: string[]): boolean {
  const head = said
    ?.toLowerCase()
    .match(/([a-z]+)\W*$/)?.[1]
    ?.replace(/s$/, '');
  if (!head || head.length < 4 || NO_KIND.has(head) || NO_KIND.has(`${head}s`)) return false;
  return listed.some((name) =>
    name
      .toLowerCase()
      .split(/[^a-z]+/)
      .some((w) => w.replace(/s$/, '') === head),
  );
}

export interface ConditionDialogOptions {
  treatment?: TreatmentChoice;
  condition?: FoundEntity<ConditionRef>;
  /** The question named something that is not on the article's lists. */
  unlisted?: boolean;
}

/** The message names a condition, listed or not. */
function namesCondition(r: Recognition): boolean {
  return r.conditions.length > 0 || Boolean(r.unlistedMention);
}

export class ConditionDialog extends InterruptibleDialog {
  constructor(deps: DialogDependencies) {
    super(CONDITION_DIALOG, deps, INTENT);
    this.addDialog(new TextPrompt(CONDITION_PROMPT_ID, (p) => this.validate(p)));
    this.addDialog(new WaterfallDialog(WATERFALL, [(s) => this.askStep(s), (s) => this.answerStep(s)]));
    this.initialDialogId = WATERFALL;
  }

  protected answers(_dc: DialogContext, { recognition }: TurnUnderstanding): boolean {
    return namesCondition(recognition);
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as ConditionDialogOptions;
    (step.values as Record<string, unknown>).treatment = options.treatment;
    // ("can you help with aches and pains all over?": nothing on the list named, but a passage of the article speaks to it)
    const { recognition } = await this.deps.turns.understand(step.context);
    const related = passagePicker(this.deps.knowledge.passages).covering(recognition.text, options.treatment);
    if (options.condition || options.unlisted || related) {
      await this.answer(step, options.condition, options.treatment);
      return step.endDialog();
    }
    return step.prompt(CONDITION_PROMPT_ID, {
      prompt: reply(step.context, 'clarify', CONDITION_PROMPT, { intent: INTENT }),
      retryPrompt: reply(step.context, undefined, CONDITION_RETRY),
    });
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { recognition, question } = await this.deps.turns.understand(step.context);
    if (!namesCondition(recognition)) {
      // Still no condition after the retries: say what the article lists rather than loop.
      await say(step.context, 'fallback', conditionNotFoundText(this.deps.knowledge), {
        intent: INTENT,
        suggestions: [SUGGESTIONS.person, SUGGESTIONS.book],
      });
      return step.endDialog();
    }
    const treatment = ((step.values as Record<string, unknown>).treatment as TreatmentChoice | undefined) ?? question.treatment;
    await this.answer(step, recognition.conditions[0], treatment);
    return step.endDialog();
  }

  private async answer(step: WaterfallStepContext, condition: FoundEntity<ConditionRef> | undefined, treatment: TreatmentChoice | undefined) {
    const { knowledge } = this.deps;
    const { recognition, question } = await this.deps.turns.understand(step.context);
    if (!condition) {
      const picker = passagePicker(knowledge.passages);
      // "are the conditions on your list the only ones?": nothing named, and a passage clearly answers the question.
      const clear = recognition.unlistedText ? undefined : picker.pickClearly(recognition.text, treatment);
      if (clear) {
        await say(step.context, 'answered', clear.text, { intent: INTENT, suggestions: [SUGGESTIONS.dryNeedlingUses, SUGGESTIONS.person] });
        await this.deps.turns.remember(step.context, INTENT, { treatment: clear.treatment === 'both' ? treatment : clear.treatment }, clear.id);
        return;
      }
      const related = picker.covering(recognition.text, treatment);
      if (related) {
        const about = related.passage.treatment === 'both' ? treatment : related.passage.treatment;
        await this.deps.turns.remember(step.context, INTENT, { treatment: about });
        await say(step.context, 'answered', relatedPassageText(related.passage, recognition.unlistedText ?? related.said), {
          intent: INTENT,
          suggestions: [SUGGESTIONS.dryNeedlingUses, SUGGESTIONS.book, SUGGESTIONS.person],
        });
        return;
      }
      // ("my hand has been playing up lately, can the needles help?": the listed conditions of that place, and a question
      // for more, never "that condition isn't on the list")
      if (recognition.placeOnly) {
        await this.deps.turns.remember(step.context, INTENT, treatment ? { treatment } : {});
        await say(step.context, 'clarify', placeOnlyText(knowledge, recognition.placeOnly), {
          intent: INTENT,
          suggestions: [SUGGESTIONS.dryNeedlingUses, SUGGESTIONS.person],
        });
        return;
      }
      // (an answer when it names the listed one asked about beside it, or inflammation: unlistedOutcome)
      // ("Does dry needling help frozen shoulder?" … "so what shoulder problems is it used for then?": "it" is dry needling)
      // (and the thing not on the lists is what "does it count under osteoarthritis?" asks of next)
      await this.deps.turns.remember(step.context, INTENT, treatment ? { treatment } : {});
      await say(
        step.context,
        unlistedOutcome(recognition),
        unlistedConditionText(knowledge, treatment, recognition.unlistedText, recognition.listedAlso, recognition.text),
        {
          intent: INTENT,
          suggestions: [SUGGESTIONS.dryNeedlingUses, SUGGESTIONS.person],
        },
      );
      return;
    }
    // "and for sleep?" after dry needling was talked about: a treatment only carried over from the conversation yields to
    // the list the condition is on (insomnia is acupuncture's); one the patient named, or meant by "it" ("does it help
    // insomnia?"), is answered as asked.
    const item = knowledge.conditions.find((c) => c.name === condition.value.name);
    const onItsList = (t: TreatmentChoice) => t === 'both' || t === condition.value.list || (t === 'dryNeedling' && item?.alsoDryNeedling === true);
    // ("Is that something the needles can help as well?": "that" is the complaint, and "the needles" are either treatment's)
    const eitherNeedles = recognition.treatments.length === 0 && /\b(the|your|these|those) needles\b/i.test(recognition.text);
    if (treatment && question.treatmentFromContext && (!recognition.refersBack || eitherNeedles) && !onItsList(treatment))
      treatment = condition.value.list;
    // An answer about a listed condition was about that list's treatment: "how does it work?" now means it.
    // ("is that done with acupuncture or the other one?": the answer is about the list that names it, whichever was named)
    const about = recognition.whichListAsked ? condition.value.list : (treatment ?? condition.value.list);
    await this.deps.turns.remember(step.context, INTENT, { condition, treatment: about });
    // "migraines, and a sprained ankle: is either something you can needle?": every listed one named gets its line.
    const others = [...new Set(recognition.conditions.filter((c) => !c.value.partial && !c.value.excluded).map((c) => c.value.name))].filter(
      (n) => n !== condition.value.name,
    );
    const listOf = (name: string) =>
      recognition.conditions.find((c) => c.value.name === name)?.value.list === 'acupuncture' ? 'acupuncture' : 'dry needling';
    const also = condition.value.partial || others.length === 0 ? '' : ` ${otherListedText(others, listOf)}`;
    // "so sore for days after leg day, would dry needling help me recover?": a condition told by description, and what the
    // article says of what they ask for (muscle recovery, blood flow) said too.
    // ("is that the Western one or the Chinese one?": the list's treatment, and where the article says it comes from)
    const origin =
      recognition.whichListAsked && ORIGIN_WORDS.test(recognition.text) ? passageWithRole(knowledge, 'origin', condition.value.list) : undefined;
    const related = origin
      ? { passage: origin }
      : condition.value.described
        ? passagePicker(knowledge.passages).covering(recognition.text, condition.value.list)
        : undefined;
    // ("which one would that be, the chinese one or the western one?": whichever was named, the lists that name it, no "Yes.")
    const asked = recognition.whichListAsked ? 'both' : treatment;
    const text = conditionText(knowledge, condition.value, asked, { said: condition.text, promise: recognition.promise }) + also;
    await say(step.context, 'answered', related ? beforeDisclaimer(text, related.passage.text) : text, {
      intent: INTENT,
      suggestions: [SUGGESTIONS.whichSuits, SUGGESTIONS.book, SUGGESTIONS.difference],
    });
  }

  private async validate(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const { recognition } = await this.deps.turns.understand(prompt.context);
    return namesCondition(recognition) || prompt.attemptCount >= MAX_ATTEMPTS;
  }
}

/** Words that name a treatment by where it comes from ("the Western one or the Chinese one"). */
const ORIGIN_WORDS = /\b(western|eastern|chinese|china|oriental|traditional|modern|ancient|scientific)\b/i;

/** `extra` said before the closing disclaimer of `text` (at the end when there is none). */
function beforeDisclaimer(text: string, extra: string): string {
  const at = text.lastIndexOf(DISCLAIMER);
  return at < 0 ? `${text} ${extra}` : `${text.slice(0, at)}${extra} ${text.slice(at)}`;
}

/**
 * Contact and booking enquiries.
 *  - "contact": the clinic's details from knowledge/clinic.json, never invented.
 *  - "booking" (and "call me back"): with an enquiry store, a waterfall that asks for consent first
 *    (what is stored and why; "no" gives the clinic's details and stops), then the name, a phone number
 *    or email (validated), a preferred time, an optional reason, a confirmation, and stores the enquiry
 *    with status "new" for staff to follow up. Without a store it gives the booking details.
 * The name and contact details are registered with keepOutOfTranscript, so they are stored only in
 * the enquiries table, never in the transcript. On SMS the bot already has the patient's number (the sender's),
 * so it offers it ("Call you on the number you're texting from?") and takes "yes", "this number" or "same as
 * this one" for it (src/bot/senderNumber.ts).
 */
import { TurnContext } from 'botbuilder';
import {
  ChoiceFactory,
  DialogContext,
  DialogInstance,
  DialogTurnResult,
  DialogTurnStatus,
  FoundChoice,
  ListStyle,
  PromptValidatorContext,
  TextPrompt,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { ClinicChoicePrompt } from './clinicChoicePrompt';
import {
  bookingText,
  clinicDetailsText,
  CONFIRM_RETRY,
  confirmEnquiryText,
  CONSENT_RETRY,
  consentDeclinedText,
  consentText,
  CONTACT_PROMPT,
  CONTACT_SENDER_PROMPT,
  CONTACT_RETRY,
  enquiryFailedText,
  enquiryGaveUpText,
  enquirySentText,
  enquiryStoppedText,
  missingDetailText,
  NAME_PROMPT,
  NAME_RETRY,
  notSentText,
  REASON_PROMPT,
  reasonRetryText,
  TIME_PROMPT,
  timeRetryText,
} from '../src/bot/replies';
import { reply, say } from '../src/bot/reply';
import { SUGGESTIONS } from '../src/bot/suggestions';
import type { TurnUnderstanding } from '../src/bot/turnRecognizer';
import { keepOutOfTranscript } from '../src/turn/masks';
import { setOutcome } from '../src/turn/record';
import { plainForm } from '../src/nlu/normalize';
import { askedDetail } from '../src/nlu/clinicQuestions';
import type { EnquiryKind, EnquiryStore } from '../src/storage/enquiries';
import { findEmail, findPhone } from '../src/storage/redact';
import { DialogDependencies } from './dependencies';
import { ENQUIRY_DIALOG } from './ids';
import { InterruptibleDialog, isNewQuestion, pickedChoice } from './interruptibleDialog';
import { questionIntents } from '../src/knowledge/types';
import { meansSenderNumber, senderPhone } from '../src/bot/senderNumber';

const INTENT = 'booking';
const CONTACT_WATERFALL = 'enquiryContactWaterfall';
const BOOKING_WATERFALL = 'enquiryBookingWaterfall';
const CONSENT_PROMPT_ID = 'enquiryConsentPrompt';
const NAME_PROMPT_ID = 'enquiryNamePrompt';
const CONTACT_PROMPT_ID = 'enquiryContactPrompt';
const TIME_PROMPT_ID = 'enquiryTimePrompt';
const REASON_PROMPT_ID = 'enquiryReasonPrompt';
const CONFIRM_PROMPT_ID = 'enquiryConfirmPrompt';
/** Prompts whose every answer is free text: a question there is taken as the answer, never as an interruption. */
const FREE_TEXT_PROMPTS = new Set([TIME_PROMPT_ID, REASON_PROMPT_ID]);
/** Prompts whose answer is (or may contain) contact details: whatever is typed there stays out of the transcript. */
const PRIVATE_PROMPTS = new Set([NAME_PROMPT_ID, CONTACT_PROMPT_ID]);
const MAX_ATTEMPTS = 3;
export const MAX_NAME = 100;
export const MAX_TIME = 200;
export const MAX_REASON = 500;

export interface EnquiryOptions {
  kind: 'booking' | 'contact';
}

/** What the waterfall has collected so far (kept in dialog state, so it survives a restart). */
interface Collected {
  kind: EnquiryKind;
  consentAt?: string;
  name?: string;
  phone?: string;
  email?: string;
  preferredTime?: string;
  reason?: string;
}

const YES_NO = [
  {
    value: 'yes',
    action: { type: 'imBack', title: 'Yes, that’s fine', value: 'Yes, that’s fine' },
    synonyms: ['yes', 'y', 'ok', 'okay', 'sure', 'yep', 'yeah', 'fine', 'i agree', 'agree', 'go ahead', 'please do'],
  },
  {
    value: 'no',
    action: { type: 'imBack', title: 'No thanks', value: 'No thanks' },
    synonyms: ['no', 'n', 'nope', 'no thanks', 'no thank you', 'i do not agree', 'rather not', 'dont'],
  },
];
const SEND_CANCEL = [
  {
    value: 'send',
    action: { type: 'imBack', title: 'Yes, send it', value: 'Yes, send it' },
    synonyms: ['yes', 'y', 'send', 'ok', 'okay', 'correct', 'right', 'yep', 'yeah', 'confirm', 'looks good'],
  },
  {
    value: 'cancel',
    action: { type: 'imBack', title: 'No, don’t send', value: 'No, don’t send' },
    synonyms: ['no', 'n', 'nope', 'wrong', 'don’t send', "don't send", 'dont send'],
  },
];
// Compared with plainForm (lower case, no punctuation): "n/a" is "n a", "-" is "".
const SKIP = /^(skip|no|none|nothing|n a|na|no thanks|rather not say|prefer not to say|)$/;

/** "my name is Sam Lee" -> "Sam Lee". */
export function nameFrom(text: string): string {
  return text
    .trim()
    .replace(/^(hi|hello)[,!. ]+/i, '')
    .replace(/^(my name is|my name['’]s|name is|name['’]s|i am|i['’]m|im|it['’]s|it is|this is|call me)\s+/i, '')
    .replace(/[.!]+$/, '')
    .trim();
}

function looksLikeName(name: string): boolean {
  return name.length >= 1 && name.length <= MAX_NAME && /\p{L}/u.test(name) && !name.includes('@') && (name.match(/\d/g) ?? []).length < 4;
}

function collected(step: WaterfallStepContext): Collected {
  return step.values as Collected;
}

export class EnquiryDialog extends InterruptibleDialog {
  constructor(
    deps: DialogDependencies,
    private readonly store: EnquiryStore | undefined = deps.enquiries,
  ) {
    super(ENQUIRY_DIALOG, deps, INTENT);
    for (const id of [CONSENT_PROMPT_ID, CONFIRM_PROMPT_ID]) {
      const prompt = new ClinicChoicePrompt(id, (p) => this.validateChoice(p));
      prompt.style = ListStyle.auto;
      this.addDialog(prompt);
    }
    this.addDialog(new TextPrompt(NAME_PROMPT_ID, (p) => this.validateName(p)));
    this.addDialog(new TextPrompt(CONTACT_PROMPT_ID, (p) => this.validateContact(p)));
    this.addDialog(new TextPrompt(TIME_PROMPT_ID, (p) => this.validateFreeText(p, MAX_TIME)));
    this.addDialog(new TextPrompt(REASON_PROMPT_ID, (p) => this.validateFreeText(p, MAX_REASON)));
    this.addDialog(new WaterfallDialog(CONTACT_WATERFALL, [(s) => this.detailsStep(s)]));
    this.addDialog(
      new WaterfallDialog(BOOKING_WATERFALL, [
        (s) => this.consentStep(s),
        (s) => this.nameStep(s),
        (s) => this.contactStep(s),
        (s) => this.timeStep(s),
        (s) => this.reasonStep(s),
        (s) => this.confirmStep(s),
        (s) => this.saveStep(s),
      ]),
    );
    this.initialDialogId = CONTACT_WATERFALL;
  }

  /** Routes to the booking waterfall when there is a store to keep the enquiry. */
  protected async onBeginDialog(innerDc: DialogContext, options?: EnquiryOptions): Promise<DialogTurnResult> {
    const kind = options?.kind ?? 'contact';
    // With storage failing the request could not be kept (nor the steps towards it): give the booking details instead.
    return innerDc.beginDialog(kind === 'booking' && this.store && this.canStore() ? BOOKING_WATERFALL : CONTACT_WATERFALL, { kind });
  }

  private canStore(): boolean {
    return this.deps.canStore?.() ?? true;
  }

  /**
   * Storage started failing while the request was under way: its steps are not being saved, so asking on would repeat
   * the same question for ever. Stop, say so, and answer a new question if that is what this message was.
   */
  private async stopUnsaved(innerDc: DialogContext): Promise<DialogTurnResult> {
    await innerDc.cancelAllDialogs();
    const { recognition } = await this.deps.turns.understand(innerDc.context);
    if (isNewQuestion(recognition, questionIntents(this.deps.knowledge), INTENT))
      return { status: DialogTurnStatus.complete, result: { interrupted: true } };
    await say(innerDc.context, 'fallback', enquiryStoppedText(this.deps.knowledge), { intent: INTENT });
    return { status: DialogTurnStatus.complete };
  }

  /**
   * Every later turn of the enquiry (answers, retries, "help" re-prompts that repeat the summary) keeps
   * the details collected so far out of the transcript.
   */
  protected async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    this.protectCollected(innerDc.context, innerDc.activeDialog?.state);
    // Whatever was typed at the name or contact prompt is (or may contain) contact details, even a new question.
    if (PRIVATE_PROMPTS.has(innerDc.activeDialog?.id ?? '')) keepOutOfTranscript(innerDc.context, innerDc.context.activity.text);
    if (!this.canStore()) return this.stopUnsaved(innerDc);
    return super.onContinueDialog(innerDc);
  }

  /**
   * A choice picked, anything at all at a free-text prompt (when suits, what about), or, on SMS at the contact
   * prompt, "same as this one" (which the classifier reads as a question about sameness).
   */
  protected answers(innerDc: DialogContext, _understanding: TurnUnderstanding): boolean {
    const id = innerDc.activeDialog?.id ?? '';
    if (id === CONTACT_PROMPT_ID && senderPhone(innerDc.context) && meansSenderNumber(innerDc.context.activity.text ?? '')) return true;
    return FREE_TEXT_PROMPTS.has(id) || pickedChoice(innerDc) !== undefined;
  }

  async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const inner = (instance.state as { dialogs?: { dialogStack?: DialogInstance[] } })?.dialogs?.dialogStack ?? [];
    for (const d of inner) this.protectCollected(context, d.state);
    return super.repromptDialog(context, instance);
  }

  private protectCollected(context: TurnContext, state: unknown): void {
    const values = (state as { values?: Collected } | undefined)?.values;
    if (values) keepOutOfTranscript(context, values.name, values.phone, values.email);
  }

  private async detailsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { kind } = (step.options ?? { kind: 'contact' }) as EnquiryOptions;
    const { knowledge } = this.deps;
    const detail = kind === 'contact' ? askedDetail(step.context.activity.text ?? '') : undefined;
    const missing = detail ? missingDetailText(knowledge, detail) : undefined;
    const text = missing ?? (kind === 'booking' ? bookingText(knowledge) : clinicDetailsText(knowledge.clinic));
    // A booking is passed to the clinic's people; a detail the assistant does not have is declined honestly.
    await say(step.context, missing ? 'fallback' : kind === 'booking' ? 'handoff' : 'answered', text, {
      intent: kind,
      suggestions: kind === 'booking' ? [SUGGESTIONS.whichSuits, SUGGESTIONS.person] : [SUGGESTIONS.book],
    });
    // ("what time do you close on fridays" … "and weekends?": the next message may ask the same of other days)
    await this.deps.turns.remember(step.context, kind, {});
    return step.endDialog();
  }

  private async consentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = plainForm(step.context.activity.text ?? '');
    collected(step).kind = /\b(call|ring|phone)\b.*\bback\b|\bcallback\b|\b(call|ring|phone) me\b/.test(text) ? 'callback' : 'booking';
    return step.prompt(CONSENT_PROMPT_ID, {
      prompt: reply(step.context, 'handoff', consentText(this.deps.knowledge, collected(step).kind), { intent: INTENT }),
      retryPrompt: reply(step.context, undefined, CONSENT_RETRY),
      choices: ChoiceFactory.toChoices(YES_NO),
    });
  }

  private async nameStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = step.result as FoundChoice | undefined;
    if (!choice) return this.giveUp(step);
    if (choice.value !== 'yes') {
      await say(step.context, 'answered', consentDeclinedText(this.deps.knowledge), {
        intent: INTENT,
        suggestions: [SUGGESTIONS.whichSuits, SUGGESTIONS.person],
      });
      return step.endDialog();
    }
    collected(step).consentAt = new Date().toISOString();
    return step.prompt(NAME_PROMPT_ID, {
      prompt: reply(step.context, undefined, NAME_PROMPT),
      retryPrompt: reply(step.context, undefined, NAME_RETRY),
    });
  }

  private async contactStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as string | undefined;
    if (!answer) return this.giveUp(step);
    const name = nameFrom(answer);
    if (!looksLikeName(name)) return this.giveUp(step);
    collected(step).name = name;
    keepOutOfTranscript(step.context, answer, name);
    const sender = senderPhone(step.context);
    if (sender) keepOutOfTranscript(step.context, sender);
    return step.prompt(CONTACT_PROMPT_ID, {
      prompt: reply(step.context, undefined, sender ? CONTACT_SENDER_PROMPT : CONTACT_PROMPT),
      retryPrompt: reply(step.context, undefined, CONTACT_RETRY),
    });
  }

  private async timeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as string | undefined;
    if (!answer) return this.giveUp(step);
    const sender = senderPhone(step.context);
    const phone = findPhone(answer) ?? (sender && !findEmail(answer) && meansSenderNumber(answer) ? sender : undefined);
    const email = findEmail(answer);
    if (!phone && !email) return this.giveUp(step);
    Object.assign(collected(step), { phone, email });
    keepOutOfTranscript(step.context, answer, phone, email);
    return step.prompt(TIME_PROMPT_ID, {
      prompt: reply(step.context, undefined, TIME_PROMPT),
      retryPrompt: reply(step.context, undefined, timeRetryText(MAX_TIME)),
    });
  }

  private async reasonStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = (step.result as string | undefined)?.trim();
    if (!answer || answer.length > MAX_TIME) return this.giveUp(step);
    collected(step).preferredTime = answer;
    return step.prompt(REASON_PROMPT_ID, {
      prompt: reply(step.context, undefined, REASON_PROMPT),
      retryPrompt: reply(step.context, undefined, reasonRetryText(MAX_REASON)),
    });
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = (step.result as string | undefined)?.trim();
    if (!answer || answer.length > MAX_REASON) return this.giveUp(step);
    const c = collected(step);
    c.reason = SKIP.test(plainForm(answer)) ? undefined : answer;
    keepOutOfTranscript(step.context, c.name, c.phone, c.email);
    return step.prompt(CONFIRM_PROMPT_ID, {
      prompt: reply(step.context, undefined, confirmEnquiryText(c)),
      retryPrompt: reply(step.context, undefined, CONFIRM_RETRY),
      choices: ChoiceFactory.toChoices(SEND_CANCEL),
    });
  }

  private async saveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = step.result as FoundChoice | undefined;
    const c = collected(step);
    const context = step.context;
    keepOutOfTranscript(context, c.name, c.phone, c.email);
    if (!choice) return this.giveUp(step);
    if (choice.value !== 'send') {
      await say(context, 'answered', notSentText(this.deps.knowledge), { intent: INTENT });
      return step.endDialog();
    }
    try {
      const { reference } = await this.store!.create({
        channelId: context.activity.channelId,
        conversationId: context.activity.conversation.id,
        kind: c.kind,
        name: c.name!,
        phone: c.phone,
        email: c.email,
        preferredTime: c.preferredTime!,
        reason: c.reason,
        consentAt: new Date(c.consentAt ?? Date.now()),
      });
      await say(context, 'answered', enquirySentText(this.deps.knowledge, reference, c), { intent: INTENT });
    } catch {
      // The store failed (disk full, database locked for too long): say so, never pretend it was sent.
      await say(context, 'fallback', enquiryFailedText(this.deps.knowledge), { intent: INTENT });
    }
    return step.endDialog();
  }

  /** Too many attempts: stop asking, give the clinic's details instead. */
  private async giveUp(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await say(step.context, 'fallback', enquiryGaveUpText(this.deps.knowledge), { intent: INTENT });
    return step.endDialog();
  }

  private async validateChoice(prompt: PromptValidatorContext<FoundChoice>): Promise<boolean> {
    return this.validated(prompt, prompt.recognized.succeeded);
  }

  private async validateName(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const text = prompt.recognized.value ?? '';
    // Whatever was typed here is (or may contain) a name: keep it out of the transcript either way.
    keepOutOfTranscript(prompt.context, text);
    const ok = looksLikeName(nameFrom(text));
    return this.validated(prompt, ok);
  }

  private async validateContact(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const text = prompt.recognized.value ?? '';
    keepOutOfTranscript(prompt.context, text);
    const sender = senderPhone(prompt.context);
    if (sender && meansSenderNumber(text)) return this.validated(prompt, true);
    const ok = Boolean(findPhone(text) || findEmail(text));
    return this.validated(prompt, ok);
  }

  private async validateFreeText(prompt: PromptValidatorContext<string>, max: number): Promise<boolean> {
    const text = (prompt.recognized.value ?? '').trim();
    const ok = text.length > 0 && text.length <= max;
    return this.validated(prompt, ok);
  }

  /**
   * How the turn ends when a prompt checked its answer: answered, or asked again (the prompt sends its retry), or
   * after the last attempt given up on (the step then gives the clinic's details). Ends the prompt unless it retries.
   */
  private validated(prompt: PromptValidatorContext<unknown>, ok: boolean): boolean {
    const last = prompt.attemptCount >= MAX_ATTEMPTS;
    setOutcome(prompt.context, ok ? 'answered' : last ? 'fallback' : 'clarify', INTENT);
    return ok || last;
  }
}

/**
 * Contact and booking enquiries.
 *  - "contact": the clinic's details from knowledge/clinic.json, never invented.
 *  - "booking" (and "call me back"): with an enquiry store, a waterfall that asks for consent first
 *    (what is stored and why; "no" gives the clinic's details and stops), then the name, a phone number
 *    or email (validated), a preferred time, an optional reason, a confirmation, and stores the enquiry
 *    with status "new" for staff to follow up. Without a store it gives the booking details.
 * The name and contact details are registered with keepOutOfTranscript, so they are stored only in
 * the enquiries table, never in the transcript.
 */
import { TurnContext } from 'botbuilder';
import {
  ChoiceFactory,
  ComponentDialog,
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
import { bookingText, clinicDetailsText, contactLines } from '../src/bot/replies';
import { replyWithSuggestions, textReply } from '../src/bot/render';
import { SUGGESTIONS } from '../src/bot/suggestions';
import { keepOutOfTranscript } from '../src/bot/transcriptPrivacy';
import { setOutcome } from '../src/bot/turnRecord';
import { plainForm } from '../src/nlu/normalize';
import type { EnquiryKind, EnquiryStore } from '../src/storage/enquiries';
import { findEmail, findPhone } from '../src/storage/redact';
import { DialogDependencies } from './dependencies';
import { ENQUIRY_DIALOG } from './ids';
import { isNewQuestion } from './newQuestion';

const INTENT = 'booking';
const CONTACT_WATERFALL = 'enquiryContactWaterfall';
const BOOKING_WATERFALL = 'enquiryBookingWaterfall';
const CONSENT_PROMPT = 'enquiryConsentPrompt';
const NAME_PROMPT = 'enquiryNamePrompt';
const CONTACT_PROMPT = 'enquiryContactPrompt';
const TIME_PROMPT = 'enquiryTimePrompt';
const REASON_PROMPT = 'enquiryReasonPrompt';
const CONFIRM_PROMPT = 'enquiryConfirmPrompt';
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
  { value: 'yes', action: { type: 'imBack', title: 'Yes, that’s fine', value: 'Yes, that’s fine' }, synonyms: ['yes', 'y', 'ok', 'okay', 'sure', 'yep', 'yeah', 'fine', 'i agree', 'agree', 'go ahead', 'please do'] },
  { value: 'no', action: { type: 'imBack', title: 'No thanks', value: 'No thanks' }, synonyms: ['no', 'n', 'nope', 'no thanks', 'no thank you', 'i do not agree', 'rather not', 'dont'] },
];
const SEND_CANCEL = [
  { value: 'send', action: { type: 'imBack', title: 'Yes, send it', value: 'Yes, send it' }, synonyms: ['yes', 'y', 'send', 'ok', 'okay', 'correct', 'right', 'yep', 'yeah', 'confirm', 'looks good'] },
  { value: 'cancel', action: { type: 'imBack', title: 'No, don’t send', value: 'No, don’t send' }, synonyms: ['no', 'n', 'nope', 'wrong', 'don’t send', "don't send", 'dont send'] },
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

export class EnquiryDialog extends ComponentDialog {
  constructor(
    private readonly deps: DialogDependencies,
    private readonly store: EnquiryStore | undefined = deps.enquiries,
  ) {
    super(ENQUIRY_DIALOG);
    for (const id of [CONSENT_PROMPT, CONFIRM_PROMPT]) {
      const prompt = new ClinicChoicePrompt(id, (p) => this.validateChoice(p));
      prompt.style = ListStyle.auto;
      this.addDialog(prompt);
    }
    this.addDialog(new TextPrompt(NAME_PROMPT, (p) => this.validateName(p)));
    this.addDialog(new TextPrompt(CONTACT_PROMPT, (p) => this.validateContact(p)));
    this.addDialog(new TextPrompt(TIME_PROMPT, (p) => this.validateFreeText(p, MAX_TIME)));
    this.addDialog(new TextPrompt(REASON_PROMPT, (p) => this.validateFreeText(p, MAX_REASON)));
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
    if (await this.isQuestion(innerDc.context)) return { status: DialogTurnStatus.complete, result: { interrupted: true } };
    setOutcome(innerDc.context, 'fallback', INTENT);
    await innerDc.context.sendActivity(
      textReply(innerDc.context, `Sorry, I can’t save your request right now, so I’ve stopped and haven’t sent anything. Please contact us directly:\n\n${contactLines(this.deps.knowledge.clinic)}`),
    );
    return { status: DialogTurnStatus.complete };
  }

  /**
   * Every later turn of the enquiry (answers, retries, "help" re-prompts that repeat the summary) keeps
   * the details collected so far out of the transcript.
   */
  protected async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    this.protectCollected(innerDc.context, innerDc.activeDialog?.state);
    if (!this.canStore()) return this.stopUnsaved(innerDc);
    return super.onContinueDialog(innerDc);
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
    const { clinic } = this.deps.knowledge;
    setOutcome(step.context, 'answered', kind);
    const text = kind === 'booking' ? bookingText(this.deps.knowledge) : clinicDetailsText(clinic);
    await step.context.sendActivity(replyWithSuggestions(step.context, text, kind === 'booking' ? [SUGGESTIONS.whichSuits, SUGGESTIONS.person] : [SUGGESTIONS.book]));
    return step.endDialog();
  }

  private async consentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = plainForm(step.context.activity.text ?? '');
    collected(step).kind = /\b(call|ring|phone)\b.*\bback\b|\bcallback\b|\b(call|ring|phone) me\b/.test(text) ? 'callback' : 'booking';
    setOutcome(step.context, 'answered', INTENT);
    const { clinic } = this.deps.knowledge;
    return step.prompt(CONSENT_PROMPT, {
      prompt:
        `I can pass a ${collected(step).kind === 'callback' ? 'call-back' : 'booking'} request to our team, who will contact you. ` +
          'For that I’ll ask for your name, a phone number or email address, when suits you and, if you like, what it’s about.\n\n' +
          `We keep these details in our enquiries list only to contact you about this request, not in the chat record, and staff can delete them on request. ` +
        `Is that OK?\n\nIf you’d rather not, you can book online at ${clinic.bookingUrl} or call ${clinic.phone}.`,
      retryPrompt: 'Is it OK to collect your contact details for this request? Please answer yes or no.',
      choices: ChoiceFactory.toChoices(YES_NO),
    });
  }

  private async nameStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = step.result as FoundChoice | undefined;
    if (!choice) return this.noAnswer(step);
    if (choice.value !== 'yes') {
      setOutcome(step.context, 'answered', INTENT);
      await step.context.sendActivity(
        replyWithSuggestions(step.context, `No problem, I haven’t stored anything. ${bookingText(this.deps.knowledge)}`, [SUGGESTIONS.whichSuits, SUGGESTIONS.person]),
      );
      return step.endDialog();
    }
    collected(step).consentAt = new Date().toISOString();
    return step.prompt(NAME_PROMPT, {
      prompt: textReply(step.context, 'Thank you. What name should we use?'),
      retryPrompt: textReply(step.context, 'Please type just the name we should use (or say “cancel”).'),
    });
  }

  private async contactStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as string | undefined;
    if (!answer || (await this.isQuestion(step.context))) return this.noAnswer(step);
    const name = nameFrom(answer);
    if (!looksLikeName(name)) return this.giveUp(step);
    collected(step).name = name;
    keepOutOfTranscript(step.context, answer, name);
    return step.prompt(CONTACT_PROMPT, {
      prompt: textReply(step.context, `Thanks. What phone number or email address should we use to reach you?`),
      retryPrompt: textReply(step.context, 'That doesn’t look like a phone number or an email address. Please type one, for example 0412 345 678 or name@example.com (or say “cancel”).'),
    });
  }

  private async timeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as string | undefined;
    if (!answer || (await this.isQuestion(step.context))) return this.noAnswer(step);
    const phone = findPhone(answer);
    const email = findEmail(answer);
    if (!phone && !email) return this.giveUp(step);
    Object.assign(collected(step), { phone, email });
    keepOutOfTranscript(step.context, answer, phone, email);
    return step.prompt(TIME_PROMPT, {
      prompt: textReply(step.context, 'When suits you best? For example “weekday mornings” or “Tuesday after 3pm”.'),
      retryPrompt: textReply(step.context, `Please tell me when suits you, in a few words (up to ${MAX_TIME} characters).`),
    });
  }

  private async reasonStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = (step.result as string | undefined)?.trim();
    if (!answer || answer.length > MAX_TIME) return this.giveUp(step);
    collected(step).preferredTime = answer;
    return step.prompt(REASON_PROMPT, {
      prompt: textReply(step.context, 'And what is it about? This is optional: say “skip” to leave it out.'),
      retryPrompt: textReply(step.context, `Please describe it in a few words (up to ${MAX_REASON} characters), or say “skip”.`),
    });
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = (step.result as string | undefined)?.trim();
    if (!answer || answer.length > MAX_REASON) return this.giveUp(step);
    const c = collected(step);
    c.reason = SKIP.test(plainForm(answer)) ? undefined : answer;
    keepOutOfTranscript(step.context, c.name, c.phone, c.email);
    const lines = [
      `Name: ${c.name}`,
      c.phone ? `Phone: ${c.phone}` : '',
      c.email ? `Email: ${c.email}` : '',
      `When: ${c.preferredTime}`,
      `About: ${c.reason ?? '(not given)'}`,
    ].filter(Boolean);
    return step.prompt(CONFIRM_PROMPT, {
      prompt: `Please check your request:\n\n${lines.join('\n')}\n\nShall I send it to the clinic?`,
      retryPrompt: 'Shall I send your request? Please answer yes or no.',
      choices: ChoiceFactory.toChoices(SEND_CANCEL),
    });
  }

  private async saveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = step.result as FoundChoice | undefined;
    const c = collected(step);
    const context = step.context;
    keepOutOfTranscript(context, c.name, c.phone, c.email);
    if (!choice) return this.noAnswer(step);
    if (choice.value !== 'send') {
      setOutcome(context, 'answered', INTENT);
      await context.sendActivity(textReply(context, `OK, I haven’t sent anything. You can still reach us directly:\n\n${contactLines(this.deps.knowledge.clinic)}`));
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
      setOutcome(context, 'answered', INTENT);
      const how = c.phone && c.email ? 'by phone or email' : c.phone ? 'by phone' : 'by email';
      await context.sendActivity(
        textReply(
          context,
          `Thank you. I’ve sent your request to the team (reference ${reference}); they will contact you ${how}. ` +
            `If it’s urgent, please call us on ${this.deps.knowledge.clinic.phone}. In an emergency call ${this.deps.knowledge.clinic.emergencyNumber}.`,
        ),
      );
    } catch {
      // The store failed (disk full, database locked for too long): say so, never pretend it was sent.
      setOutcome(context, 'fallback', INTENT);
      await context.sendActivity(
        textReply(context, `Sorry, I couldn’t save your request just now. Please contact us directly:\n\n${contactLines(this.deps.knowledge.clinic)}`),
      );
    }
    return step.endDialog();
  }

  /** The user asked something else instead of answering: end, and let the main dialog answer it. */
  private async noAnswer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { recognition } = await this.deps.turns.understand(step.context);
    if (isNewQuestion(recognition, INTENT)) return step.endDialog({ interrupted: true });
    return this.giveUp(step);
  }

  /** Too many attempts: stop asking, give the clinic's details instead. */
  private async giveUp(step: WaterfallStepContext): Promise<DialogTurnResult> {
    setOutcome(step.context, 'fallback', INTENT);
    await step.context.sendActivity(
      textReply(step.context, `Sorry, I couldn’t take your details, so I haven’t sent anything. You can reach us directly:\n\n${contactLines(this.deps.knowledge.clinic)}`),
    );
    return step.endDialog();
  }

  private async isQuestion(context: TurnContext): Promise<boolean> {
    const { recognition } = await this.deps.turns.understand(context);
    return isNewQuestion(recognition, INTENT);
  }

  private async validateChoice(prompt: PromptValidatorContext<FoundChoice>): Promise<boolean> {
    if (prompt.recognized.succeeded) {
      setOutcome(prompt.context, 'answered', INTENT);
      return true;
    }
    const { recognition } = await this.deps.turns.understand(prompt.context);
    if (isNewQuestion(recognition, INTENT)) return true;
    setOutcome(prompt.context, prompt.attemptCount >= MAX_ATTEMPTS ? 'fallback' : 'clarify', INTENT);
    return prompt.attemptCount >= MAX_ATTEMPTS;
  }

  private async validateName(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const text = prompt.recognized.value ?? '';
    // Whatever was typed here is (or may contain) a name: keep it out of the transcript either way.
    keepOutOfTranscript(prompt.context, text);
    if (await this.isQuestion(prompt.context)) return true;
    const ok = looksLikeName(nameFrom(text));
    setOutcome(prompt.context, ok ? 'answered' : prompt.attemptCount >= MAX_ATTEMPTS ? 'fallback' : 'clarify', INTENT);
    return ok || prompt.attemptCount >= MAX_ATTEMPTS;
  }

  private async validateContact(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const text = prompt.recognized.value ?? '';
    keepOutOfTranscript(prompt.context, text);
    if (await this.isQuestion(prompt.context)) return true;
    const ok = Boolean(findPhone(text) || findEmail(text));
    setOutcome(prompt.context, ok ? 'answered' : prompt.attemptCount >= MAX_ATTEMPTS ? 'fallback' : 'clarify', INTENT);
    return ok || prompt.attemptCount >= MAX_ATTEMPTS;
  }

  private async validateFreeText(prompt: PromptValidatorContext<string>, max: number): Promise<boolean> {
    const text = (prompt.recognized.value ?? '').trim();
    const ok = text.length > 0 && text.length <= max;
    setOutcome(prompt.context, ok ? 'answered' : prompt.attemptCount >= MAX_ATTEMPTS ? 'fallback' : 'clarify', INTENT);
    return ok || prompt.attemptCount >= MAX_ATTEMPTS;
  }
}

/**
 * "Talk to a person": gives the clinic's contact details, which work on every channel, and then signals Bot
 * Framework's handoff.initiate event (which a handoff-capable channel or agent hub acts on). The details go
 * first and the event is sent in a try/catch: a channel that rejects events (Teams) must never cost the patient
 * the message (the channel layer also drops events where the capability table says they are rejected).
 */
import { EventFactory } from 'botbuilder';
import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { handoffText } from '../src/bot/replies';
import { say } from '../src/bot/reply';
import { DialogDependencies } from './dependencies';
import { HANDOFF_DIALOG } from './ids';

const WATERFALL = 'handoffWaterfall';

export class HandoffDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDependencies) {
    super(HANDOFF_DIALOG);
    this.addDialog(new WaterfallDialog(WATERFALL, [(s) => this.handoffStep(s)]));
    this.initialDialogId = WATERFALL;
  }

  private async handoffStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { recognition } = await this.deps.turns.understand(step.context);
    const handoff = EventFactory.createHandoffInitiation(step.context, {
      reason: 'user_requested',
      clinic: this.deps.knowledge.clinic.name,
      lastIntent: recognition.intent,
    });
    await say(step.context, 'handoff', handoffText(this.deps.knowledge), { intent: 'human' });
    try {
      await step.context.sendActivity(handoff);
    } catch {
      // The channel refused the event; the patient already has the clinic's details.
    }
    return step.endDialog();
  }
}

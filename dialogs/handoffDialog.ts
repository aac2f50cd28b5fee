/**
 * "Talk to a person": signals Bot Framework's handoff.initiate event (which a handoff-capable channel
 * or agent hub acts on) and gives the clinic's contact details, which work on every channel.
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
    await step.context.sendActivity(handoff);
    await say(step.context, 'handoff', handoffText(this.deps.knowledge), { intent: 'human' });
    return step.endDialog();
  }
}

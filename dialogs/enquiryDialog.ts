/**
 * Contact and booking enquiries: the clinic's details from knowledge/clinic.json, never invented.
 */
import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { bookingText, clinicDetailsText } from '../src/bot/replies';
import { replyWithSuggestions } from '../src/bot/render';
import { SUGGESTIONS } from '../src/bot/suggestions';
import { setOutcome } from '../src/bot/turnRecord';
import { DialogDependencies } from './dependencies';
import { ENQUIRY_DIALOG } from './ids';

const WATERFALL = 'enquiryWaterfall';

export interface EnquiryOptions {
  kind: 'booking' | 'contact';
}

export class EnquiryDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDependencies) {
    super(ENQUIRY_DIALOG);
    this.addDialog(new WaterfallDialog(WATERFALL, [(s) => this.detailsStep(s)]));
    this.initialDialogId = WATERFALL;
  }

  private async detailsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { kind } = (step.options ?? { kind: 'contact' }) as EnquiryOptions;
    const { clinic } = this.deps.knowledge;
    setOutcome(step.context, 'answered', kind);
    const text = kind === 'booking' ? bookingText(this.deps.knowledge) : clinicDetailsText(clinic);
    await step.context.sendActivity(replyWithSuggestions(step.context, text, kind === 'booking' ? [SUGGESTIONS.whichSuits, SUGGESTIONS.person] : [SUGGESTIONS.book]));
    return step.endDialog();
  }
}

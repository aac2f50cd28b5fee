/**
 * The bot: welcomes new members, runs the main dialog for each message, and saves state once at the
 * end of the turn (a failed turn saves nothing, so state stays as it was before the turn).
 */
import { ActivityHandler, BotState, ConversationState, StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { MainDialog } from '../../dialogs/mainDialog';
import type { Logger } from '../logger';
import { attachmentText } from './replies';
import { say } from './reply';
import { getTurnRecord, setTurnRecord } from '../turn/record';
import type { TurnRecognizer } from './turnRecognizer';
import { unclassified } from '../nlu/recognizer';

export class ClinicBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly dialog: MainDialog,
    private readonly turns: TurnRecognizer,
    private readonly logger: Logger,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('DialogState');

    this.onMessage(async (context, next) => {
      const text = context.activity.text;
      if ((!text || !text.trim()) && context.activity.attachments?.length) {
        // Photos, voice notes, files: say so politely instead of treating them as an empty question.
        setTurnRecord(context, { recognition: unclassified('') });
        await say(context, 'fallback', attachmentText());
      } else {
        // Recognise every message, even one a prompt will consume, so that each turn's trace says what was understood.
        await this.turns.understand(context);
        await this.dialog.run(context, this.dialogState);
      }
      const record = getTurnRecord(context);
      this.logger.info('turn', {
        conversationId: context.activity.conversation?.id,
        channelId: context.activity.channelId,
        intent: record?.intent ?? record?.recognition.intent,
        score: record ? Math.round(record.recognition.score * 1000) / 1000 : undefined,
        outcome: record?.outcome,
      });
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const newcomers = (context.activity.membersAdded ?? []).filter((m) => m.id !== botId);
      if (newcomers.length > 0) await this.dialog.sendWelcome(context);
      await next();
    });
  }

  /** Saves conversation and user state after every turn that completed. */
  async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.saveAll(context, [this.conversationState, this.userState]);
  }

  private async saveAll(context: TurnContext, states: BotState[]): Promise<void> {
    await Promise.all(states.map((s) => s.saveChanges(context, false)));
  }
}

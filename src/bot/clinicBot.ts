/**
 * The bot: welcomes each conversation once (firstContact.ts: conversationUpdate, Teams install, a platform
 * start or the first message), runs the main dialog for each message, and saves state once at the end of the
 * turn (a failed turn saves nothing, so state stays as it was before the turn).
 */
import { ActivityHandler, BotState, ConversationState, StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { MainDialog } from '../../dialogs/mainDialog';
import type { Logger } from '../logger';
import { attachmentText } from './replies';
import { say } from './reply';
import { getTurnRecord, setOutcome, setTurnRecord } from '../turn/record';
import type { TurnRecognizer } from './turnRecognizer';
import { unclassified } from '../nlu/recognizer';
import type { ChannelMemory } from './channelLayer';
import { FirstContact } from './firstContact';
import { sendSmsRest } from './sms';

export class ClinicBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly dialog: MainDialog,
    private readonly turns: TurnRecognizer,
    private readonly logger: Logger,
    private readonly channelMemory: StatePropertyAccessor<ChannelMemory> = conversationState.createProperty<ChannelMemory>('ChannelMemory'),
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('DialogState');
    const firstContact = new FirstContact(channelMemory, dialog.knowledge);

    this.onMessage(async (context, next) => {
      const text = context.activity.text;
      if ((!text || !text.trim()) && context.activity.attachments?.length) {
        // Photos, voice notes, files: say so politely instead of treating them as an empty question.
        setTurnRecord(context, { recognition: unclassified('') });
        await say(context, 'fallback', attachmentText());
      } else {
        const first = await firstContact.onMessage(context, async () => {
          const { recognition } = await this.turns.understand(context);
          return recognition.reason === 'empty' || recognition.intent === 'greeting';
        });
        // Recognise every message, even one a prompt will consume, so that each turn's trace says what was understood.
        await this.turns.understand(context);
        if (first === 'welcome_only') {
          setOutcome(context, 'answered', 'welcome');
          await this.dialog.sendWelcome(context);
        } else if (!(await sendSmsRest(context, this.channelMemory))) {
          await this.dialog.run(context, this.dialogState);
        }
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
      const added = context.activity.membersAdded ?? [];
      // Teams announces its install by adding the bot itself; elsewhere the welcome waits for the patient.
      const joined = added.some((m) => m.id !== botId) || (context.activity.channelId === 'msteams' && added.length > 0);
      if (await firstContact.shouldWelcomeOnJoin(context, joined)) await this.dialog.sendWelcome(context);
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      if (await firstContact.shouldWelcomeOnJoin(context, true)) await this.dialog.sendWelcome(context);
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

/**
 * A conversation with the whole bot inside the process: botbuilder's TestAdapter running the same
 * middleware and bot as /api/messages (createBot), collecting every activity the bot sends. The tests
 * and `npm run evaluate:replies` drive the bot through it, so what they measure is what patients get.
 */
import { Activity, ActivityTypes, TestAdapter } from 'botbuilder';
import { BotParts, BotRuntime, createBot } from './createBot';
import { RecognitionTraceValue, TRACE_NAME } from '../turn/trace';

export interface TurnResult {
  /** Everything the bot sent that is not a trace, in order. */
  replies: Partial<Activity>[];
  /** Message replies' text joined, for easy assertions. */
  text: string;
  traces: Partial<Activity>[];
  /** The one ClinicRecognizer trace of the turn (undefined when there was none). */
  recognition?: RecognitionTraceValue;
}

export class LocalConversation {
  readonly adapter: TestAdapter;
  readonly runtime: BotRuntime;
  private sent: Partial<Activity>[] = [];

  constructor(parts: BotParts, channelId = 'webchat', conversationId = 'conv-' + Math.random().toString(36).slice(2)) {
    this.runtime = createBot(parts);
    this.adapter = new TestAdapter(async (context) => this.runtime.bot.run(context), {
      channelId,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: 'test' },
    });
    // Outermost, so that it also sees what middleware sends without running the bot (safety replies).
    this.adapter.use({
      onTurn: async (context, next) => {
        // Recorded after the inner handlers ran: what reaches the channel (shaped, split, events dropped).
        context.onSendActivities(async (_ctx, activities, nextSend) => {
          const responses = await nextSend();
          this.sent.push(...activities);
          return responses;
        });
        await next();
      },
    });
    for (const m of this.runtime.middleware) this.adapter.use(m);
  }

  private collect(): TurnResult {
    const all = this.sent;
    this.sent = [];
    const traces = all.filter((a) => a.type === ActivityTypes.Trace);
    const replies = all.filter((a) => a.type !== ActivityTypes.Trace);
    const recognition = traces.find((t) => t.name === TRACE_NAME)?.value as RecognitionTraceValue | undefined;
    return {
      replies,
      text: replies
        .filter((r) => r.type === ActivityTypes.Message)
        .map((r) => r.text ?? '')
        .join('\n'),
      traces,
      recognition,
    };
  }

  async say(text: string, extra: Partial<Activity> = {}): Promise<TurnResult> {
    await this.adapter.processActivity({ type: ActivityTypes.Message, text, ...extra });
    return this.collect();
  }

  async send(activity: Partial<Activity>): Promise<TurnResult> {
    await this.adapter.processActivity(activity);
    return this.collect();
  }

  async join(): Promise<TurnResult> {
    await this.adapter.processActivity({
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [{ id: 'user1', name: 'Patient' }],
      recipient: { id: 'bot', name: 'bot' },
    });
    return this.collect();
  }
}

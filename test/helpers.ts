/**
 * Test helpers: the real knowledge base and a model trained from it (once per test run), and a
 * conversation driver over botbuilder's TestAdapter running the same bot and middleware as the server.
 */
import { Activity, ActivityTypes, ConversationState, MemoryStorage, TestAdapter } from 'botbuilder';
import { createBot, BotRuntime } from '../src/bot/createBot';
import { RecognitionTraceValue, TRACE_NAME } from '../src/bot/turnRecord';
import { Recognizes, TurnRecognizer } from '../src/bot/turnRecognizer';
import { PROJECT_ROOT } from '../src/config';
import { loadKnowledge } from '../src/knowledge/load';
import type { Knowledge } from '../src/knowledge/types';
import { createClinicRecognizer, trainClinicModel } from '../src/nlu/clinic';
import type { ClinicContext } from '../src/nlu/context';
import type { IntentModel } from '../src/nlu/model';
import type { IntentRecognizer } from '../src/nlu/recognizer';
import { join } from 'node:path';
import type { DialogDependencies } from '../dialogs/dependencies';

export const KNOWLEDGE_DIR = join(PROJECT_ROOT, 'knowledge');

let cached: { knowledge: Knowledge; model: IntentModel; recognizer: IntentRecognizer } | undefined;

export function clinic(): { knowledge: Knowledge; model: IntentModel; recognizer: IntentRecognizer } {
  if (!cached) {
    const knowledge = loadKnowledge(KNOWLEDGE_DIR);
    const model = trainClinicModel(knowledge);
    cached = { knowledge, model, recognizer: createClinicRecognizer(knowledge, model) };
  }
  return cached;
}

export interface TurnResult {
  /** Everything the bot sent that is not a trace, in order. */
  replies: Partial<Activity>[];
  /** Message replies' text joined, for easy assertions. */
  text: string;
  traces: Partial<Activity>[];
  /** The one ClinicRecognizer trace of the turn (undefined when there was none). */
  recognition?: RecognitionTraceValue;
}

/** A conversation with the full bot on a given channel. */
export class Conversation {
  readonly adapter: TestAdapter;
  readonly runtime: BotRuntime;
  private sent: Partial<Activity>[] = [];

  constructor(channelId = 'webchat', options: { recognizer?: Recognizes; conversationId?: string } = {}) {
    const { knowledge, recognizer } = clinic();
    const conversationId = options.conversationId ?? 'conv-' + Math.random().toString(36).slice(2);
    this.runtime = createBot({ knowledge, recognizer: options.recognizer ?? recognizer, storage: new MemoryStorage() });
    this.adapter = new TestAdapter(async (context) => this.runtime.bot.run(context), {
      channelId,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: 'test' },
    });
    // Registered first (outermost) so that it also sees what the safety middleware sends without calling the bot.
    this.adapter.use({
      onTurn: async (context, next) => {
        context.onSendActivities(async (_ctx, activities, nextSend) => {
          this.sent.push(...activities);
          return nextSend();
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
      text: replies.filter((r) => r.type === ActivityTypes.Message).map((r) => r.text ?? '').join('\n'),
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

/** Button titles of a reply, from suggested actions or a hero card. */
export function buttons(reply: Partial<Activity> | undefined): string[] {
  if (!reply) return [];
  const fromSuggested = (reply.suggestedActions?.actions ?? []).map((a) => a.title ?? '');
  const fromCards = (reply.attachments ?? []).flatMap((a) => ((a.content as { buttons?: Array<{ title: string }> })?.buttons ?? []).map((b) => b.title));
  return [...fromSuggested, ...fromCards];
}

/** Dependencies for testing one dialog on its own with DialogTestClient. */
export function dialogDeps(): { deps: DialogDependencies; conversationState: ConversationState } {
  const { knowledge, recognizer } = clinic();
  const conversationState = new ConversationState(new MemoryStorage());
  const turns = new TurnRecognizer(recognizer, conversationState.createProperty<ClinicContext>('ClinicContext'));
  return { deps: { knowledge, turns, maxMessageChars: 1000 }, conversationState };
}

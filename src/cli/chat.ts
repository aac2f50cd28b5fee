/**
 * npm run chat: talk to the bot in the terminal, with exactly the bot logic the server runs
 * (same middleware, dialogs and recognizer), through botbuilder's TestAdapter.
 *   --channel sms|msteams|webchat|facebook|telegram|slack|email   render replies as that channel would get them (default webchat)
 *   --trace                                  also print what the recognizer understood
 */
import 'dotenv/config';
import { createInterface } from 'node:readline';
import { Activity, ActivityTypes, CardFactory, MemoryStorage, TestAdapter } from 'botbuilder';
import { createBot } from '../bot/createBot';
import { loadConfig } from '../config';
import { loadKnowledge } from '../knowledge/load';
import { createClinicRecognizer, loadOrTrainClinicModel } from '../nlu/clinic';
import { patientClinic } from '../teach/placeholders';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function show(activity: Partial<Activity>, withTrace: boolean): void {
  if (activity.type === ActivityTypes.Trace) {
    if (withTrace) console.log(`  [understood: ${JSON.stringify(activity.value)}]`);
    return;
  }
  if (activity.type === ActivityTypes.Event) {
    console.log(`  [event: ${activity.name}]`);
    return;
  }
  if (activity.text) console.log(`bot> ${activity.text.replace(/\n/g, '\nbot> ')}`);
  const buttons = [
    ...(activity.suggestedActions?.actions ?? []),
    ...(activity.attachments ?? []).flatMap((a) => (a.contentType === CardFactory.contentTypes.heroCard ? (a.content?.buttons ?? []) : [])),
  ];
  if (buttons.length) console.log(`     buttons: ${buttons.map((b: { title?: string }) => `[${b.title}]`).join(' ')}`);
}

async function main(): Promise<void> {
  const config = loadConfig();
  // (patients never see the template's placeholder details; the server removes them the same way, src/teach/live.ts)
  const loaded = loadKnowledge(config.knowledgeDir);
  const knowledge = { ...loaded, clinic: patientClinic(loaded.clinic) };
  const { model } = loadOrTrainClinicModel(knowledge, config.modelPath);
  const runtime = createBot({
    knowledge,
    recognizer: createClinicRecognizer(knowledge, model, config.maxMessageChars),
    storage: new MemoryStorage(),
    maxMessageChars: config.maxMessageChars,
  });
  const channelId = arg('--channel') ?? 'webchat';
  const withTrace = process.argv.includes('--trace');
  const adapter = new TestAdapter(async (context) => runtime.bot.run(context), {
    channelId,
    conversation: { id: 'terminal-chat', isGroup: false, conversationType: 'personal', name: 'terminal' },
  });
  // Outermost, so that replies sent by the safety middleware (which skips the bot) are shown too.
  adapter.use({
    onTurn: async (context, next) => {
      // Shown after the inner handlers: as the channel gets them (shaped by the channel layer).
      context.onSendActivities(async (_ctx, activities, nextSend) => {
        const responses = await nextSend();
        for (const a of activities) show(a, withTrace);
        return responses;
      });
      await next();
    },
  });
  for (const m of runtime.middleware) adapter.use(m);

  await adapter.processActivity({
    type: ActivityTypes.ConversationUpdate,
    membersAdded: [{ id: 'user', name: 'You' }],
    recipient: { id: 'bot', name: 'bot' },
  });
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'you> ' });
  rl.prompt();
  for await (const line of rl) {
    if (line.trim() === '/quit') break;
    await adapter.send(line);
    rl.prompt();
  }
  rl.close();
}

void main();

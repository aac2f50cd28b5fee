/**
 * npm run bench:channels: what the channel layer (src/bot/channelLayer.ts: inbound normalisation and outbound
 * shaping) adds to a turn. The clinic bot with in-memory state, through botbuilder's TestAdapter (no HTTP), runs the
 * same questions with and without the layer, on Web Chat, Teams, SMS and email (email bodies with a quoted thread and
 * a signature, so the reply parser runs); the two variants alternate over the rounds. Prints the median CPU ms per turn (steadier than wall time on a shared machine).
 *
 *   npm run bench:channels -- --turns 2000 --rounds 3
 */
import { Activity, ActivityTypes, MemoryStorage, TestAdapter } from 'botbuilder';
import { createBot } from '../src/bot/createBot';
import { ChannelLayerMiddleware } from '../src/bot/channelLayer';
import { loadConfig } from '../src/config';
import { loadKnowledge } from '../src/knowledge/load';
import { createClinicRecognizer, loadOrTrainClinicModel } from '../src/nlu/clinic';
import { median, QUESTIONS } from './messageLoad';
import { numberArg } from './serverProcess';

const EMAIL_TAIL =
  '\n\nKind regards,\nSam\n\nOn Mon, 2 Mar 2026 at 09:14, Clinic Bot <bot@clinic.example> wrote:\n> Hello, how can we help?\n> old text';

async function msPerTurn(channelId: string, withLayer: boolean, turns: number, runtime: () => ReturnType<typeof createBot>): Promise<number> {
  const bot = runtime();
  const adapters = Array.from({ length: 50 }, (_, i) => {
    const adapter = new TestAdapter(async (context) => bot.bot.run(context), {
      channelId,
      conversation: { id: `bench-${i}`, isGroup: false, conversationType: 'personal', name: 'bench' },
    });
    for (const m of bot.middleware) if (withLayer || !(m instanceof ChannelLayerMiddleware)) adapter.use(m);
    return adapter;
  });
  const cpu = process.cpuUsage();
  for (let i = 0; i < turns; i++) {
    const question = QUESTIONS[i % QUESTIONS.length];
    const text = channelId === 'email' ? question + EMAIL_TAIL : question;
    const activity: Partial<Activity> = { type: ActivityTypes.Message, text, from: { id: '+61412345678', name: 'patient' } };
    await adapters[i % adapters.length].processActivity(activity);
  }
  const used = process.cpuUsage(cpu);
  // CPU time, not wall time: on a shared machine it is what the layer itself costs.
  return (used.user + used.system) / 1000 / turns;
}

async function main(): Promise<void> {
  const turns = numberArg('--turns', 2000);
  const rounds = numberArg('--rounds', 3);
  const config = loadConfig();
  const knowledge = loadKnowledge(config.knowledgeDir);
  const { model } = loadOrTrainClinicModel(knowledge, config.modelPath);
  const recognizer = createClinicRecognizer(knowledge, model, config.maxMessageChars);
  const runtime = () => createBot({ knowledge, recognizer, storage: new MemoryStorage() });
  await msPerTurn('webchat', true, 200, runtime); // warm-up
  for (const channel of ['webchat', 'msteams', 'sms', 'email']) {
    const without: number[] = [];
    const withLayer: number[] = [];
    for (let r = 0; r < rounds; r++) {
      without.push(await msPerTurn(channel, false, turns, runtime));
      withLayer.push(await msPerTurn(channel, true, turns, runtime));
    }
    const a = median(without);
    const b = median(withLayer);
    console.log(`${channel.padEnd(8)} without the layer ${a.toFixed(3)} CPU ms/turn, with ${b.toFixed(3)} CPU ms/turn (+${(b - a).toFixed(3)} ms)`);
  }
}

void main();

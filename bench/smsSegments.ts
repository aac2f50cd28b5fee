/**
 * npm run bench:sms: what typical answers cost by SMS. Each question is asked in a fresh conversation (so the
 * first reply carries the intro, as a real first text would) and in a second turn after a greeting, on the 'sms'
 * channel and, for comparison, on a plain-text channel with no SMS shaping (what the same sentences cost before:
 * typographic quotes force UCS-2). Prints one line per question: characters, encoding and segments, before and after.
 */
import { Activity, ActivityTypes, MemoryStorage, TestAdapter } from 'botbuilder';
import { createBot } from '../src/bot/createBot';
import { smsSegments } from '../src/channels/gsm7';
import { loadConfig } from '../src/config';
import { loadKnowledge } from '../src/knowledge/load';
import { createClinicRecognizer, loadOrTrainClinicModel } from '../src/nlu/clinic';

const QUESTIONS = [
  'what is dry needling?',
  'how does acupuncture work?',
  'what is the difference between acupuncture and dry needling?',
  'what conditions can dry needling treat?',
  'can dry needling help tennis elbow?',
  'can acupuncture help with insomnia?',
  'how much does it cost?',
  'what are your opening hours?',
  'how do I book?',
  'I want to talk to a person',
  'I have crushing chest pain',
  'I want to end my life',
  'help me',
  'STOP',
];

type Ask = (texts: string[]) => Promise<Partial<Activity>[]>;

function conversation(channelId: string, runtimeFor: () => ReturnType<typeof createBot>): Ask {
  return async (texts) => {
    const runtime = runtimeFor();
    const adapter = new TestAdapter(async (context) => runtime.bot.run(context), {
      channelId,
      conversation: { id: `sms-${Math.random()}`, isGroup: false, conversationType: 'personal', name: 'sms' },
    });
    let sent: Partial<Activity>[] = [];
    adapter.use({
      onTurn: async (context, next) => {
        context.onSendActivities(async (_ctx, activities, nextSend) => {
          const responses = await nextSend();
          sent.push(...activities.filter((a) => a.type === ActivityTypes.Message));
          return responses;
        });
        await next();
      },
    });
    for (const m of runtime.middleware) adapter.use(m);
    for (const text of texts) {
      sent = [];
      await adapter.processActivity({ type: ActivityTypes.Message, text, from: { id: '+61412345678', name: '+61412345678' } });
    }
    return sent;
  };
}

function cost(replies: Partial<Activity>[]): string {
  const parts = replies.map((r) => smsSegments(r.text ?? ''));
  const segments = parts.reduce((n, p) => n + p.segments, 0);
  const chars = replies.reduce((n, r) => n + (r.text ?? '').length, 0);
  const encodings = [...new Set(parts.map((p) => p.encoding))].join('+');
  return `${String(segments).padStart(2)} seg (${replies.length} msg, ${chars} chars, ${encodings})`;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const knowledge = loadKnowledge(config.knowledgeDir);
  const { model } = loadOrTrainClinicModel(knowledge, config.modelPath);
  const recognizer = createClinicRecognizer(knowledge, model, config.maxMessageChars);
  const runtime = () => createBot({ knowledge, recognizer, storage: new MemoryStorage() });
  const sms = conversation('sms', runtime);
  const plain = conversation('plaintext', runtime);
  console.log('question | before (plain text, as composed) | SMS first text | SMS later turn');
  let before = 0;
  let first = 0;
  let later = 0;
  for (const q of QUESTIONS) {
    const b = await plain(['hello', q]);
    const f = await sms([q]);
    const l = await sms(['hello', q]);
    before += b.reduce((n, r) => n + smsSegments(r.text ?? '').segments, 0);
    first += f.reduce((n, r) => n + smsSegments(r.text ?? '').segments, 0);
    later += l.reduce((n, r) => n + smsSegments(r.text ?? '').segments, 0);
    console.log(`${q.padEnd(62)} | ${cost(b)} | ${cost(f)} | ${cost(l)}`);
  }
  console.log(`total segments for ${QUESTIONS.length} questions: before ${before}, SMS first text ${first}, SMS later turn ${later}`);
}

void main();

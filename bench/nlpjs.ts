/**
 * NLP.js (node-nlp 4.27, a devDependency) on the same corpus splits as our recognizer, for bench:nlu's side-by-side
 * figures: its NlpManager with its defaults (neural intent classifier, English, "None" below its own threshold),
 * trained on a corpus's train split and scored on its test split, as its own benchmark does.
 */
import type { LabelledText } from './corpus';
import type { Prediction } from '../src/nlu/evaluation';

interface NlpManagerLike {
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, utterance: string): Promise<{ intent: string; score: number }>;
}

/** node-nlp is loaded only when the benchmark runs, and only if installed (it is a devDependency). */
function nlpManager(): NlpManagerLike | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { NlpManager } = require('node-nlp') as { NlpManager: new (settings: object) => NlpManagerLike };
    return new NlpManager({ languages: ['en'], forceNER: false, autoSave: false, autoLoad: false, nlu: { log: false } });
  } catch {
    return undefined;
  }
}

/** Trains NLP.js on `train` and predicts `test` (undefined when node-nlp is not installed). */
export async function nlpjsPredict(train: LabelledText[], test: LabelledText[]): Promise<Prediction[] | undefined> {
  const manager = nlpManager();
  if (!manager) return undefined;
  for (const t of train) manager.addDocument('en', t.text, t.intent);
  await manager.train();
  const out: Prediction[] = [];
  for (const t of test) {
    const r = await manager.process('en', t.text);
    out.push({ expected: t.intent, predicted: r.intent === 'None' || !r.intent ? 'None' : r.intent });
  }
  return out;
}

/** NLP.js's English stemmer (Snowball), for bench:variants's stemmer row (undefined when node-nlp is not installed). */
export function nlpjsStemmer(): ((word: string) => string) | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { StemmerEn } = require('@nlpjs/lang-en-min') as { StemmerEn: new () => { stemWord(word: string): string } };
    const stemmer = new StemmerEn();
    return (word) => stemmer.stemWord(word);
  } catch {
    return undefined;
  }
}

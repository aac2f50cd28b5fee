/**
 * npm run train: trains the intent model from knowledge/ and writes the model file that start-up loads.
 * (Start-up also retrains by itself when the knowledge files changed since the model was written.)
 */
import 'dotenv/config';
import { loadConfig } from '../config';
import { KnowledgeError, loadKnowledge } from '../knowledge/load';
import { trainClinicModel } from '../nlu/clinic';
import { saveIntentModel } from '../nlu/model';

try {
  const config = loadConfig();
  const started = Date.now();
  const knowledge = loadKnowledge(config.knowledgeDir);
  const model = trainClinicModel(knowledge);
  saveIntentModel(model, config.modelPath);
  const perIntent = new Map<string, number>();
  for (const t of knowledge.training) perIntent.set(t.intent, (perIntent.get(t.intent) ?? 0) + 1);
  console.log(`Trained ${model.bayes.intents.length} intents from ${knowledge.training.length} example questions in ${Date.now() - started} ms.`);
  for (const [intent, n] of [...perIntent].sort()) console.log(`  ${intent.padEnd(16)} ${n}`);
  console.log(`Model written to ${config.modelPath}`);
} catch (err) {
  if (err instanceof KnowledgeError) {
    console.error(`Knowledge error in knowledge/${err.file}, field ${err.field}: ${err.message}`);
    process.exit(1);
  }
  throw err;
}

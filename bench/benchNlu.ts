/**
 * npm run bench:nlu: our recognizer on the three Braun et al. (2017) corpora beside the published table,
 * natural's default BayesClassifier and NLP.js (node-nlp, a devDependency) measured live in the same run on the same splits, CLINC150's out-of-scope utterances
 * (oos_val and oos_test) through the clinic model, the clinic's held-out figures, and time per utterance.
 *   --json OUT   also writes all figures as JSON
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadConfig } from '../src/config';
import { loadKnowledge } from '../src/knowledge/load';
import { createClinicRecognizer, trainClinicModel } from '../src/nlu/clinic';
import { BRAUN_CORPORA, naturalDefaultPredict, readCorpus } from './corpus';
import { scorePredictions } from '../src/nlu/evaluation';
import { CORPORA_DIR, declineRate, decisionLabel, HELDOUT_PATH, outOfScopeFigures, readClinc, readTsv } from '../src/cli/evaluate';
import { corpusJson, evaluateCorpus } from './evaluateCorpus';
import { nlpjsPredict } from './nlpjs';

/** Braun et al. (2017) intent micro-F1 as published (see ../shared/nlu-corpora/README.md). */
export const PUBLISHED: Array<{ system: string; chatbot: number; askUbuntu: number; webApps: number; overall: number }> = [
  { system: 'LUIS (2017)', chatbot: 0.98, askUbuntu: 0.9, webApps: 0.81, overall: 0.91 },
  { system: 'Watson Conversation (2017)', chatbot: 0.97, askUbuntu: 0.92, webApps: 0.83, overall: 0.92 },
  { system: 'API.ai / Dialogflow (2017)', chatbot: 0.93, askUbuntu: 0.85, webApps: 0.8, overall: 0.87 },
  { system: 'Rasa (2017)', chatbot: 0.98, askUbuntu: 0.86, webApps: 0.74, overall: 0.88 },
  { system: 'NLP.js (its benchmark docs)', chatbot: 0.99, askUbuntu: 0.94, webApps: 0.8, overall: 0.93 },
];

const f3 = (x: number) => x.toFixed(3);
const p1 = (x: number) => `${(x * 100).toFixed(1)}%`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const paths = BRAUN_CORPORA.map((n) => join(CORPORA_DIR, `${n}.simple.json`));
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length > 0) {
    console.error(`corpora not found: ${missing.join(', ')} (expected ../shared/nlu-corpora beside the project)`);
    process.exit(1);
  }
  const corpora = paths.map(readCorpus);
  const ours = corpora.map((c) => evaluateCorpus(c));
  const natural = corpora.map((c) => scorePredictions(naturalDefaultPredict(c.train, c.test)));
  // NLP.js on the same splits, in the same run (node-nlp is a devDependency; skipped when not installed).
  const nlpjsRuns = await Promise.all(corpora.map((c) => nlpjsPredict(c.train, c.test)));
  const nlpjs = nlpjsRuns.every((p) => p) ? nlpjsRuns.map((p) => scorePredictions(p!)) : undefined;
  const pooled = (xs: Array<{ correct: number; total: number }>) => xs.reduce((s, x) => s + x.correct, 0) / xs.reduce((s, x) => s + x.total, 0);
  const oursPooled = pooled(ours.map((r) => r.scores));
  const naturalPooled = pooled(natural);

  console.log('Intent micro-F1 on the test splits (None counted as a class), Braun et al. (2017) corpora');
  console.log('');
  console.log('| system | Chatbot | AskUbuntu | WebApps | overall (274) |');
  console.log('|---|---|---|---|---|');
  for (const p of PUBLISHED)
    console.log(`| ${p.system} | ${p.chatbot.toFixed(2)} | ${p.askUbuntu.toFixed(2)} | ${p.webApps.toFixed(2)} | ${p.overall.toFixed(2)} |`);
  console.log(`| natural BayesClassifier, default (measured now) | ${natural.map((s) => f3(s.microF1)).join(' | ')} | ${f3(naturalPooled)} |`);
  if (nlpjs)
    console.log(`| NLP.js (node-nlp 4.27, measured now, same splits) | ${nlpjs.map((s) => f3(s.microF1)).join(' | ')} | ${f3(pooled(nlpjs))} |`);
  console.log(`| **this bot's recognizer** (measured now) | ${ours.map((r) => f3(r.scores.microF1)).join(' | ')} | **${f3(oursPooled)}** |`);
  console.log('');
  if (nlpjs)
    console.log(
      `NLP.js: ${nlpjs.map((s, i) => `${corpora[i].name} ${s.correct}/${s.total}`).join(', ')}; pooled ${nlpjs.reduce((s, x) => s + x.correct, 0)}/274`,
    );
  else console.log('NLP.js: node-nlp is not installed (npm ci installs it as a devDependency)');
  console.log(
    `ours: ${ours.map((r) => `${r.corpus} ${r.scores.correct}/${r.scores.total}`).join(', ')}; pooled ${ours.reduce((s, r) => s + r.scores.correct, 0)}/274`,
  );
  for (const r of ours) {
    const c = r.settings.calibration;
    console.log(
      `  ${r.corpus}: LOO CV on train ${p1(r.cvAccuracy)}; temperature ${c.temperature}, threshold ${c.threshold}, domain-word rule ${c.domainRule === false ? 'off' : 'on'}, smoothing ${r.settings.smoothing}, ${r.settings.scoring?.nbsvm ? 'NBSVM weights' : 'naive Bayes scoring'}`,
    );
  }

  const config = loadConfig();
  const knowledge = loadKnowledge(config.knowledgeDir);
  const model = trainClinicModel(knowledge);
  const recognizer = createClinicRecognizer(knowledge, model);
  const heldout = readTsv(HELDOUT_PATH);
  const started = process.hrtime.bigint();
  const preds = heldout.map((t) => {
    const r = recognizer.recognize(t.text);
    return { expected: t.intent, predicted: decisionLabel(r) };
  });
  const clinicMs = Number(process.hrtime.bigint() - started) / 1e6 / heldout.length;
  const heldScores = scorePredictions(preds);
  const oos = outOfScopeFigures(preds);
  const clinc = readClinc();
  console.log('');
  console.log('Clinic model (trained on knowledge/intents only)');
  console.log(
    `  held-out paraphrases: intent accuracy ${p1(heldScores.accuracy)} (${heldScores.correct}/${heldScores.total}), out-of-scope recall ${p1(oos.oosRecall)} of ${oos.oosTotal}, in-scope wrongly declined ${p1(oos.wronglyDeclined)} of ${oos.inScopeTotal}`,
  );
  const clincFigures = clinc ? { oosVal: declineRate(recognizer, clinc.oos_val), oosTest: declineRate(recognizer, clinc.oos_test) } : undefined;
  if (clincFigures) {
    console.log(
      `  CLINC150 out-of-scope declined: oos_val ${p1(clincFigures.oosVal)} of ${clinc!.oos_val.length}, oos_test ${p1(clincFigures.oosTest)} of ${clinc!.oos_test.length}`,
    );
  } else {
    console.log('  CLINC150 clinc-oos.json not found');
  }
  const corpusMs = ours.reduce((s, r) => s + r.msPerUtterance * r.scores.total, 0) / ours.reduce((s, r) => s + r.scores.total, 0);
  console.log('');
  console.log(
    `Classification time: ${corpusMs.toFixed(2)} ms per utterance on the corpora, ${clinicMs.toFixed(2)} ms on the clinic model (whole recognizer: normalise, entities, typos, features, scoring)`,
  );

  const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
  if (jsonOut) {
    const out = resolve(jsonOut);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(
      out,
      JSON.stringify(
        {
          corpora: ours.map((r) => corpusJson(r)),
          pooled: { microF1: oursPooled, correct: ours.reduce((s, r) => s + r.scores.correct, 0), total: 274 },
          naturalDefault: corpora.map((c, i) => ({ corpus: c.name, microF1: natural[i].microF1 })),
          naturalDefaultPooled: naturalPooled,
          ...(nlpjs
            ? {
                nlpjs: corpora.map((c, i) => ({ corpus: c.name, correct: nlpjs[i].correct, total: nlpjs[i].total, microF1: nlpjs[i].microF1 })),
                nlpjsPooled: pooled(nlpjs),
              }
            : {}),
          clinic: { heldoutAccuracy: heldScores.accuracy, oosRecall: oos.oosRecall, wronglyDeclined: oos.wronglyDeclined },
          clinc: clincFigures,
          msPerUtterance: { corpora: corpusMs, clinic: clinicMs },
        },
        null,
        2,
      ) + '\n',
    );
  }
}

if (require.main === module) {
  main().catch((err: Error) => {
    console.error(err.message);
    process.exitCode = 1;
  });
}

/**
 * npm run bench:safety-cv: the safety classifier (the second net) on its own, measured without any held-out set.
 * 5-fold cross-validation over knowledge/safety/examples: for each threshold on the most likely tier's probability,
 * how many held-out safety examples it catches (and with the right tier) and how many benign examples it flags.
 * The patterns are not involved, so these figures say how far the classifier generalises from its examples; the
 * threshold in src/safety/triage.ts is chosen on them and on the read held-out sets (docs/safety.md).
 *   --thresholds 0.2,0.3,0.4,0.5,0.6
 */
import { loadConfig } from '../src/config';
import { loadKnowledge } from '../src/knowledge/load';
import { triageFor } from '../src/safety';
import { SafetyClassifier, SafetyLabel } from '../src/safety/classifier';

interface Tally {
  caught: number;
  rightTier: number;
  safety: number;
  flagged: number;
  benign: number;
}

function thresholds(args: string[]): number[] {
  const i = args.indexOf('--thresholds');
  return i >= 0 && args[i + 1] ? args[i + 1].split(',').map(Number) : [0.2, 0.3, 0.4, 0.5, 0.6];
}

function main(): void {
  const knowledge = loadKnowledge(loadConfig().knowledgeDir);
  const triage = triageFor(knowledge);
  const examples = knowledge.safety.examples.map((e, i) => ({
    stems: triage.normaliser.clauses(e.text).map((c) => c.stems),
    label: e.label as SafetyLabel,
    fold: i % 5,
  }));
  const grid = thresholds(process.argv.slice(2));
  const tallies: Tally[] = grid.map(() => ({ caught: 0, rightTier: 0, safety: 0, flagged: 0, benign: 0 }));
  for (let fold = 0; fold < 5; fold++) {
    const classifier = SafetyClassifier.train(examples.filter((e) => e.fold !== fold));
    for (const e of examples.filter((x) => x.fold === fold)) {
      const { risk, tier } = classifier.score(e.stems);
      grid.forEach((threshold, j) => {
        const t = tallies[j];
        const flagged = risk >= threshold;
        if (e.label === 'none') {
          t.benign++;
          if (flagged) t.flagged++;
        } else {
          t.safety++;
          if (flagged) t.caught++;
          if (flagged && tier === e.label) t.rightTier++;
        }
      });
    }
  }
  const pc = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
  console.log(`Safety classifier, 5-fold cross-validation over ${examples.length} examples (patterns not involved)`);
  grid.forEach((threshold, j) => {
    const t = tallies[j];
    console.log(
      `  threshold ${threshold}: caught ${pc(t.caught, t.safety)} of ${t.safety} safety examples (right tier ${pc(t.rightTier, t.safety)}), ` +
        `flagged ${pc(t.flagged, t.benign)} of ${t.benign} benign`,
    );
  });
}

main();

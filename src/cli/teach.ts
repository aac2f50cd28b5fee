/**
 * npm run teach -- export DIR | import DIR [--by NAME]: taught data to and from the knowledge/ file format
 * (src/teach/files.ts, docs/teaching.md), on the storage STORAGE names (the same settings as the bot).
 *  - export DIR: writes knowledge/ with everything taught into DIR (a copy: knowledge/ itself is never written);
 *  - import DIR: records what DIR adds to knowledge/ as teaching changes (by NAME, "import" by default); running
 *    instances pick them up within TEACH_POLL_SECONDS. Changes already taught are skipped.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { loadKnowledge } from '../knowledge/load';
import { createLogger } from '../logger';
import { openBackend } from '../storage/open';
import { appendChange } from '../storage/teaching';
import { exportFiles, importChanges } from '../teach/files';
import { taughtOf } from '../teach/taught';

async function main(argv: string[]): Promise<number> {
  const [command, target, ...rest] = argv;
  if ((command !== 'export' && command !== 'import') || !target) {
    console.error('usage: npm run teach -- export DIR | import DIR [--by NAME]');
    return 2;
  }
  const config = loadConfig();
  const base = loadKnowledge(config.knowledgeDir);
  const backend = await openBackend(config, createLogger('warn'));
  try {
    const dir = resolve(target);
    if (command === 'export') {
      if (dir === resolve(config.knowledgeDir)) throw new ConfigError('export into a copy, not into KNOWLEDGE_DIR itself');
      cpSync(config.knowledgeDir, dir, { recursive: true });
      const files = exportFiles(base, taughtOf(await backend.teaching.read()));
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), content);
      }
      console.log(`exported knowledge/ with what was taught to ${dir} (${Object.keys(files).length} file(s) changed)`);
      return 0;
    }
    const byIndex = rest.indexOf('--by');
    const by = byIndex >= 0 && rest[byIndex + 1] ? rest[byIndex + 1] : 'import';
    const taughtKeys = new Set(
      (await backend.teaching.read()).changes
        .filter((c) => c.status === 'applied')
        .map((c) => JSON.stringify([c.kind, c.text, c.intent, c.alias, c.condition, c.faq, c.clinic])),
    );
    const fresh = importChanges(base, dir, by).filter(
      (c) => !taughtKeys.has(JSON.stringify([c.kind, c.text, c.intent, c.alias, c.condition, c.faq, c.clinic])),
    );
    await backend.teaching.update((log) => fresh.reduce((l, c) => appendChange(l, c).log, log));
    console.log(`imported ${fresh.length} change(s) from ${dir}`);
    return 0;
  } finally {
    await backend.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err instanceof ConfigError ? err.message : `teach: ${(err as Error).message}`);
      process.exit(1);
    },
  );
}

export { main };

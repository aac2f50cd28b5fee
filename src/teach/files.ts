/**
 * Taught data in the knowledge/ file format, so the clinic can keep it in git (docs/teaching.md):
 *  - export: knowledge/ with the applied changes written in: taught examples appended to intents/<intent>.txt and
 *    declined messages to intents/out_of_scope.txt (under a "# Taught by staff" comment), aliases added to
 *    conditions.json, the clinic's details in clinic.json, and the FAQ entries in clinic-faq.json;
 *  - import: the differences between such a folder and knowledge/ as teaching changes (new example lines, new aliases,
 *    changed clinic details, FAQ entries), for the teaching log.
 * The loader of knowledge/ reads the exported folder as it is (clinic-faq.json is read only by the import).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTrainingFile } from '../knowledge/load';
import type { ClinicFaq, Knowledge } from '../knowledge/types';
import { questionKey } from '../storage/review';
import type { NewTeachingChange } from '../storage/teaching';
import { CLINIC_FIELDS, sameName, Taught } from './taught';

export const FAQ_FILE = 'clinic-faq.json';
const TAUGHT_HEADING = '# Taught by staff (exported from the teaching log)';

/** File path (relative to the folder) -> new content, for the files that teaching changes. */
export function exportFiles(base: Knowledge, taught: Taught): Record<string, string> {
  const files: Record<string, string> = {};
  const byIntent = new Map<string, string[]>();
  for (const e of taught.examples) byIntent.set(e.intent, [...(byIntent.get(e.intent) ?? []), e.text]);
  if (taught.declined.length) byIntent.set('out_of_scope', [...(byIntent.get('out_of_scope') ?? []), ...taught.declined]);
  for (const [intent, lines] of byIntent) {
    const path = `intents/${intent}.txt`;
    const current = readFileSync(join(base.dir, path), 'utf8').replace(/\s*$/, '\n');
    files[path] = `${current}\n${TAUGHT_HEADING}\n${lines.map((l) => l.replace(/^#+/, '').trim()).join('\n')}\n`;
  }
  if (taught.aliases.length) {
    const raw = JSON.parse(readFileSync(join(base.dir, 'conditions.json'), 'utf8'));
    for (const list of ['dryNeedling', 'acupuncture']) {
      for (const c of raw[list]?.conditions ?? []) {
        const extra = taught.aliases.filter((a) => sameName(a.condition, c.name)).map((a) => a.alias);
        if (extra.length) c.aliases = [...new Set([...c.aliases, ...extra])];
      }
    }
    files['conditions.json'] = JSON.stringify(raw, null, 2) + '\n';
  }
  if (Object.keys(taught.clinic).length) {
    const raw = JSON.parse(readFileSync(join(base.dir, 'clinic.json'), 'utf8'));
    files['clinic.json'] = JSON.stringify({ ...raw, ...taught.clinic }, null, 2) + '\n';
  }
  if (taught.faqs.length) files[FAQ_FILE] = JSON.stringify({ faqs: taught.faqs }, null, 2) + '\n';
  return files;
}

/** The changes that turn knowledge/ (base) into the folder `dir` (an export, possibly edited), recorded by `by`. */
export function importChanges(base: Knowledge, dir: string, by: string): NewTeachingChange[] {
  const changes: NewTeachingChange[] = [];
  const known = new Set(base.training.map((t) => `${t.intent}\u0000${questionKey(t.text)}`));
  const intentsDir = join(dir, 'intents');
  for (const file of existsSync(intentsDir) ? readdirSync(intentsDir).filter((f) => f.endsWith('.txt')) : []) {
    const intent = file.replace(/\.txt$/, '');
    for (const { text } of parseTrainingFile(readFileSync(join(intentsDir, file), 'utf8'), intent)) {
      const key = `${intent}\u0000${questionKey(text)}`;
      if (known.has(key)) continue;
      known.add(key);
      changes.push(
        intent === 'out_of_scope' ? { kind: 'out_of_scope', status: 'applied', by, text } : { kind: 'example', status: 'applied', by, text, intent },
      );
    }
  }
  if (existsSync(join(dir, 'conditions.json'))) {
    const raw = JSON.parse(readFileSync(join(dir, 'conditions.json'), 'utf8'));
    for (const list of ['dryNeedling', 'acupuncture']) {
      for (const c of raw[list]?.conditions ?? []) {
        const mine = base.conditions.find((b) => sameName(b.name, c.name));
        for (const alias of (c.aliases ?? []) as string[]) {
          if (mine && !mine.aliases.some((a) => a.toLowerCase() === alias.toLowerCase()))
            changes.push({ kind: 'alias', status: 'applied', by, alias, condition: mine.name });
        }
      }
    }
  }
  if (existsSync(join(dir, 'clinic.json'))) {
    const raw = JSON.parse(readFileSync(join(dir, 'clinic.json'), 'utf8')) as Record<string, string>;
    const changed: Record<string, string> = {};
    const previous: Record<string, string> = {};
    for (const f of CLINIC_FIELDS) {
      if (typeof raw[f] === 'string' && raw[f] !== base.clinic[f]) {
        changed[f] = raw[f];
        previous[f] = base.clinic[f];
      }
    }
    if (Object.keys(changed).length) changes.push({ kind: 'clinic', status: 'applied', by, clinic: changed, previous });
  }
  if (existsSync(join(dir, FAQ_FILE))) {
    const { faqs } = JSON.parse(readFileSync(join(dir, FAQ_FILE), 'utf8')) as { faqs: ClinicFaq[] };
    for (const faq of faqs ?? []) changes.push({ kind: 'faq', status: 'applied', by, faq });
  }
  return changes;
}

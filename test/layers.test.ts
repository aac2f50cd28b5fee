/**
 * The layering rule, checked on the source: the lower layers (knowledge, nlu, storage) and the neutral turn
 * contracts (src/turn) import nothing from the upper ones (bot, staff, channels, dialogs, the app). Every import,
 * export-from, dynamic import() and require() of a relative path is resolved and checked, so a new upward import
 * fails here with the file and the line.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { PROJECT_ROOT } from '../src/config';

const LOWER = ['src/knowledge', 'src/nlu', 'src/safety', 'src/storage', 'src/turn', 'src/teach'];
const UPPER = ['src/bot', 'src/staff', 'src/channels', 'src/cli', 'dialogs', 'src/app', 'src/index', 'bench'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** Relative module specifiers a file imports, with their line numbers. */
export function importsOf(source: string): Array<{ spec: string; line: number }> {
  const found: Array<{ spec: string; line: number }> = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"](\.[^'"]+)['"]/gm;
  for (const m of source.matchAll(pattern)) found.push({ spec: m[1], line: source.slice(0, m.index).split('\n').length });
  return found;
}

function upperTarget(file: string, spec: string): string | undefined {
  const target = relative(PROJECT_ROOT, resolve(dirname(file), spec)).replace(/\\/g, '/');
  return UPPER.find((u) => target === u || target.startsWith(`${u}/`) || target === `${u}.js`);
}

describe('layers', () => {
  it('the import scan finds every kind of import (static, type-only, export-from, dynamic, require, multi-line)', () => {
    const source = [
      "import { a } from '../bot/a';",
      "import type { B } from '../staff/b';",
      "export { c } from '../channels/c';",
      "const d = await import('../../dialogs/d');",
      "const e = require('../bot/e') as typeof import('../bot/e');",
      'import {\n  f,\n  g,\n} from "../nlu/f";',
      "import 'botbuilder';",
    ].join('\n');
    expect(importsOf(source).map((i) => i.spec)).to.deep.equal([
      '../bot/a',
      '../staff/b',
      '../channels/c',
      '../../dialogs/d',
      '../bot/e',
      '../bot/e',
      '../nlu/f',
    ]);
    expect(upperTarget(join(PROJECT_ROOT, 'src/storage/x.ts'), '../bot/turnRecord')).to.equal('src/bot');
    expect(upperTarget(join(PROJECT_ROOT, 'src/storage/azure/x.ts'), '../../../dialogs/mainDialog')).to.equal('dialogs');
    expect(upperTarget(join(PROJECT_ROOT, 'src/storage/x.ts'), '../turn/trace')).to.equal(undefined);
  });

  it('knowledge, nlu, storage and the turn contracts import nothing from bot, staff, channels, dialogs or the app', () => {
    const upward: string[] = [];
    for (const dir of LOWER) {
      for (const file of tsFiles(join(PROJECT_ROOT, dir))) {
        for (const { spec, line } of importsOf(readFileSync(file, 'utf8'))) {
          const upper = upperTarget(file, spec);
          if (upper) upward.push(`${relative(PROJECT_ROOT, file)}:${line} imports ${spec} (${upper})`);
        }
      }
    }
    expect(upward, upward.join('\n')).to.deep.equal([]);
  });
});

/**
 * The product's boundaries, read from the source: what `npm run build` compiles and ships (src/ and dialogs/) uses
 * only the packages in package.json's `dependencies` (a deployment may install nothing else), and never reaches into
 * the benchmarks and research code (bench/) or the tests (test/), which are built by their own tsconfig files.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../src/config';

const PRODUCT_DIRS = ['src', 'dialogs'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file imports or requires: `from 'x'`, `import 'x'`, `require('x')`, `import('x')`. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s[^;]*?\bfrom\s+'([^']+)'/gm,
    /^\s*import\s+'([^']+)'/gm,
    /\brequire\(\s*'([^']+)'\s*\)/g,
    /\bimport\(\s*'([^']+)'\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.push(m[1]);
  return found;
}

/** The package a bare specifier names: `@scope/name/sub` gives `@scope/name`, `name/sub` gives `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

describe('project layout', () => {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const files = PRODUCT_DIRS.flatMap((dir) => tsFiles(join(PROJECT_ROOT, dir)));
  const imports = files.flatMap((file) =>
    specifiers(readFileSync(file, 'utf8')).map((specifier) => ({ file: relative(PROJECT_ROOT, file), specifier })),
  );

  it('reads the product source (the check below is not vacuous)', () => {
    expect(files.length).to.be.above(20);
    expect(imports.map((i) => i.specifier)).to.include('botbuilder');
  });

  it('the product imports only Node built-ins and the packages in dependencies, never a devDependency', () => {
    const builtins = new Set(builtinModules);
    const outside = imports.filter(({ specifier }) => {
      if (specifier.startsWith('.')) return false;
      if (specifier.startsWith('node:') || builtins.has(specifier)) return false;
      return !(packageName(specifier) in pkg.dependencies);
    });
    expect(outside.map((i) => `${i.file}: ${i.specifier}`)).to.deep.equal([]);
  });

  it('the product never imports the benchmarks, the research code or the tests', () => {
    const upward = imports.filter(({ file, specifier }) => {
      if (!specifier.startsWith('.')) return false;
      const target = relative(PROJECT_ROOT, join(PROJECT_ROOT, file, '..', specifier));
      return (
        !PRODUCT_DIRS.some((dir) => target === dir || target.startsWith(`${dir}/`)) && !target.startsWith('knowledge/') && target !== 'package.json'
      );
    });
    expect(upward.map((i) => `${i.file}: ${i.specifier}`)).to.deep.equal([]);
  });
});

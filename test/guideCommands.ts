/**
 * Reads the deployment guide (docs/deploy-azure.md) the way a reader runs it: the shell blocks' commands, with their
 * line continuations, quotes and $VARIABLES, so that tests can check each `az deployment group create` against the
 * template offline: the parameter sets the guide documents are exactly the ones the tests evaluate and validate.
 *
 * Variables take the value the guide assigns them (RG=clinic-bot-rg); those assigned from a command's output
 * (APP_ID=$(az ad app create ...)) need a stand-in from the caller, and any other variable is an error: a command in
 * the guide that uses a variable the guide never sets would fail for the reader too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ShellCommand {
  /** 1-based line of the guide where the command starts. */
  line: number;
  /** The words after quote removal and variable expansion. */
  words: string[];
  /** The command as written (continuations joined). */
  text: string;
}

export class GuideCommandError extends Error {}

/** The ```bash blocks of a Markdown text, with the line each starts on. */
export function bashBlocks(markdown: string): Array<{ line: number; text: string }> {
  const blocks: Array<{ line: number; text: string }> = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(bash|sh|shell)\s*$/.test(lines[i])) continue;
    const start = i + 1;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    blocks.push({ line: start + 1, text: body.join('\n') });
  }
  return blocks;
}

/** Splits a command line into words: '...' literal, "..." with $VAR expansion, $(...) kept as one opaque word part. */
export function shellWords(text: string, expand: (name: string) => string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const dollar = (): string => {
    // at text[i] === '$'
    if (text[i + 1] === '(') {
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === '(') depth++;
        else if (text[j] === ')' && --depth === 0) break;
      }
      const sub = text.slice(i, j + 1);
      i = j + 1;
      return sub; // command substitution: left as written
    }
    const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(text.slice(i));
    if (!m) {
      i++;
      return '$';
    }
    i += m[0].length;
    return expand(m[1] ?? m[2]);
  };
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
    } else if (ch === '#' && !inWord) {
      break; // a comment to the end of the line
    } else if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new GuideCommandError(`unterminated ' in: ${text}`);
      word += text.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (ch === '"') {
      inWord = true;
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) {
          word += text[i + 1];
          i += 2;
        } else if (text[i] === '$') word += dollar();
        else word += text[i++];
      }
      if (text[i] !== '"') throw new GuideCommandError(`unterminated " in: ${text}`);
      i++;
    } else if (ch === '$') {
      word += dollar();
      inWord = true;
    } else {
      word += ch;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** Every command of the guide's shell blocks (continuation lines joined), variables expanded. */
export function guideCommands(guideFile: string, standIns: Record<string, string>): ShellCommand[] {
  const markdown = readFileSync(guideFile, 'utf8');
  const variables = new Map<string, string>();
  const expand = (name: string): string => {
    if (name in standIns) return standIns[name];
    const value = variables.get(name);
    if (value === undefined) throw new GuideCommandError(`$${name} is used but the guide never sets it (and the test has no stand-in for it)`);
    return value;
  };
  const commands: ShellCommand[] = [];
  for (const block of bashBlocks(markdown)) {
    const lines = block.text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = block.line + i;
      let text = lines[i];
      while (/\\\s*$/.test(text) && i + 1 < lines.length) text = text.replace(/\\\s*$/, ' ') + lines[++i];
      if (!text.trim() || text.trim().startsWith('#')) continue;
      // Loops are not run; their variable takes its first value, and the inner commands are read like the others.
      const loop = /^\s*for\s+([A-Za-z_][A-Za-z0-9_]*)\s+in\s+([^;\s]+)/.exec(text);
      if (loop) {
        variables.set(loop[1], shellWords(loop[2], expand)[0]);
        continue;
      }
      const assignment = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(text);
      if (assignment) {
        const [, name, rest] = assignment;
        if (name in standIns) continue;
        const words = shellWords(rest, expand);
        if (words.length === 0 || words[0].startsWith('$('))
          throw new GuideCommandError(`line ${line}: ${name} is set from a command; the test needs a stand-in for $${name}`);
        variables.set(name, words[0]);
        continue;
      }
      commands.push({ line, words: shellWords(text, expand), text: text.trim() });
    }
  }
  return commands;
}

/** A parameters file's values; Key Vault references become a recognisable stand-in (ARM resolves them at deployment). */
export function parametersFileValues(projectRoot: string, file: string): Record<string, unknown> {
  const parsed = JSON.parse(readFileSync(join(projectRoot, file), 'utf8')) as {
    parameters: Record<string, { value?: unknown; reference?: { secretName?: string } }>;
  };
  return Object.fromEntries(
    Object.entries(parsed.parameters).map(([name, entry]) => [
      name,
      entry.reference ? `resolved-from-key-vault:${entry.reference.secretName ?? name}` : entry.value,
    ]),
  );
}

/**
 * The parameter values of an `az deployment group create` (or what-if, validate) command: @files and name=value pairs,
 * later ones winning, values converted to the template parameter's type as the Azure CLI does.
 */
export function deploymentParameters(
  command: ShellCommand,
  projectRoot: string,
  types: Record<string, string>,
): { templateFile?: string; resourceGroup?: string; values: Record<string, unknown> } {
  const w = command.words;
  const values: Record<string, unknown> = {};
  let templateFile: string | undefined;
  let resourceGroup: string | undefined;
  for (let i = 4; i < w.length; i++) {
    const flag = w[i];
    if (flag === '--template-file' || flag === '-f') templateFile = w[++i];
    else if (flag === '--resource-group' || flag === '-g') resourceGroup = w[++i];
    else if (flag === '--parameters' || flag === '-p') {
      for (i++; i < w.length && !w[i].startsWith('-'); i++) {
        const arg = w[i];
        if (arg.startsWith('@')) Object.assign(values, parametersFileValues(projectRoot, arg.slice(1)));
        else {
          const eq = arg.indexOf('=');
          if (eq <= 0) throw new GuideCommandError(`line ${command.line}: "${arg}" is not name=value`);
          const name = arg.slice(0, eq);
          const raw = arg.slice(eq + 1);
          const type = (types[name] ?? 'string').toLowerCase();
          values[name] = type === 'int' ? Number(raw) : type === 'bool' ? raw.toLowerCase() === 'true' : raw;
        }
      }
      i--;
    } else if (flag.startsWith('-')) {
      if (i + 1 < w.length && !w[i + 1].startsWith('-')) i++; // another option and its value
    } else throw new GuideCommandError(`line ${command.line}: unexpected "${flag}"`);
  }
  return { templateFile, resourceGroup, values };
}

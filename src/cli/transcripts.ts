/**
 * npm run transcripts -- <command>: staff review from the terminal, on the same SQLite file as the bot
 * (DATA_DIR / SQLITE_PATH; it can run while the bot runs).
 *
 *   list [--channel C] [--flag F] [--q words] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N] [--before CURSOR]
 *   show <id>                         one conversation, turn by turn, with what the bot understood
 *   export <id> [--out FILE]          one conversation as a Bot Framework Emulator .transcript (JSON array)
 *   export --from D --to D --format csv|json [--out FILE]   conversations started in a date range
 *   unanswered [--from D] [--to D] [--format text|txt|json]  fallback and low-confidence questions, grouped
 *   purge [--days N]                  apply retention now (default TRANSCRIPT_RETENTION_DAYS)
 *   delete <id>                       delete one conversation and everything kept about it
 *
 * <id> is the number shown by `list`, or a conversation id. Exit codes: 0 ok, 1 error, 2 usage.
 */
import 'dotenv/config';
import { createWriteStream, WriteStream } from 'node:fs';
import { ConfigError, loadConfig } from '../config';
import { formatTime } from '../staff/html';
import { parseDay } from '../staff/routes/helpers';
import { exportCsv, exportJson, Sink } from '../staff/exports';
import { DAY_MS } from '../storage/retention';
import { deleteConversation, purgeOlderThan } from '../storage/sqlite/retention';
import { BadFilterError, ConversationSummary, Flag, FLAGS, trainingCandidates } from '../storage/review';
import { ReviewQueries } from '../storage/sqlite/review';
import { DatabaseMissingError, openDatabase } from '../storage/sqlite/db';

class UsageError extends Error {}

const USAGE = `usage: npm run transcripts -- <command>
  list [--channel C] [--flag ${FLAGS.join('|')}] [--q words] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N] [--before CURSOR]
  show <id>
  export <id> [--out FILE]
  export --from YYYY-MM-DD --to YYYY-MM-DD --format csv|json [--out FILE]
  unanswered [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format text|txt|json]
  purge [--days N]
  delete <id>
<id> is the number in the first column of "list", or a conversation id.`;

/** Where the CLI reads settings and writes output: the process, or a test. */
export interface Io {
  env: NodeJS.ProcessEnv;
  /** Standard output (may be large: exports). */
  write: Sink;
  /** Messages for the person at the terminal (standard error). */
  note(line: string): void;
}

const processIo: Io = {
  env: process.env,
  write: (chunk) => (process.stdout.write(chunk) ? undefined : new Promise<void>((r) => process.stdout.once('drain', () => r()))),
  note: (line) => process.stderr.write(line + '\n'),
};

interface Args {
  command: string;
  positional: string[];
  options: Record<string, string>;
}

export function parseArgs(argv: string[]): Args {
  const [command = '', ...rest] = argv;
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2);
      const value = inline ?? rest[i + 1];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
      options[name] = value;
      if (inline === undefined) i++;
    } else positional.push(a);
  }
  return { command, positional, options };
}

function flagsOf(c: ConversationSummary): string {
  return FLAGS.filter((f) => c.flags[f] > 0).join(',');
}

function toDay(value: string | undefined, name: string): number | undefined {
  try {
    return parseDay(value, name);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function endOf(value: string | undefined, name: string): number | undefined {
  const start = toDay(value, name);
  if (start === undefined) return undefined;
  const d = new Date(start);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}

async function output(io: Io, file: string | undefined, run: (write: Sink) => Promise<unknown> | unknown): Promise<void> {
  if (!file) {
    await run(io.write);
    return;
  }
  const stream: WriteStream = createWriteStream(file, { flags: 'wx' });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  await run((chunk) => (stream.write(chunk) ? undefined : new Promise<void>((r) => stream.once('drain', () => r()))));
  await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
  io.note(`written to ${file}`);
}

async function run(argv: string[], io: Io): Promise<number> {
  const print = (line: string) => io.write(line + '\n');
  const args = parseArgs(argv);
  if (!args.command || args.command === 'help' || args.options.help !== undefined) {
    if (args.command) await print(USAGE);
    else io.note(USAGE);
    return args.command ? 0 : 2;
  }
  const config = loadConfig(io.env);
  if (config.storage.kind !== 'sqlite') {
    throw new ConfigError(
      `the terminal tools read the SQLite file; with STORAGE=${config.storage.kind} use the staff pages or their JSON API (/staff/api/...)`,
    );
  }
  const db = openDatabase(config.sqlitePath, { synchronous: config.sqliteSynchronous, mustExist: true });
  try {
    const review = new ReviewQueries(db);
    const find = async (id: string | undefined): Promise<ConversationSummary> => {
      if (!id) throw new UsageError('which conversation? give the number from "list" or a conversation id');
      const c = (/^\d{1,15}$/.test(id) ? await review.getConversation(Number(id)) : undefined) ?? (await review.findConversation(id));
      if (!c) throw new UsageError(`no conversation "${id}"`);
      return c;
    };

    switch (args.command) {
      case 'list': {
        const o = args.options;
        if (o.flag && !FLAGS.includes(o.flag as Flag)) throw new UsageError(`--flag must be one of ${FLAGS.join(', ')}`);
        const limit = o.limit ? Number(o.limit) : 20;
        if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new UsageError('--limit must be a number from 1 to 200');
        const page = await review.listConversations({
          channel: o.channel,
          flag: o.flag as Flag | undefined,
          q: o.q,
          from: toDay(o.from, 'from'),
          to: endOf(o.to, 'to'),
          before: o.before,
          limit,
        });
        await print(['id', 'started', 'channel', 'turns', 'flags', 'first message'].join('\t'));
        for (const c of page.items) {
          await print(
            [c.id, formatTime(c.startedAt), c.channelId, c.turns, flagsOf(c) || '-', (c.firstText ?? '').replace(/\s+/g, ' ').slice(0, 60)].join(
              '\t',
            ),
          );
        }
        if (!page.items.length) io.note('no conversations match');
        if (page.older) io.note(`more: add --before ${page.older}`);
        return 0;
      }
      case 'show': {
        const c = await find(args.positional[0]);
        await print(
          `conversation ${c.id}: ${c.channelId} / ${c.conversationId}, started ${formatTime(c.startedAt)}, ${c.turns} turn(s)${flagsOf(c) ? `, ${flagsOf(c)}` : ''}`,
        );
        for (const t of await review.turns(c.id)) {
          await print('');
          const u = t.user;
          await print(`[${formatTime(t.at)}] ${u ? (u.type === 'message' ? `patient: ${u.text}` : `(${u.type})`) : '(bot)'}`);
          const r = t.recognition;
          if (r) {
            const condition = r.entities?.length ? `, condition ${r.entities.map((e) => e.value).join('; ')}` : '';
            await print(`  understood: ${r.intent} ${Number(r.score).toFixed(2)}${condition} -> ${r.outcome} (${r.reason})`);
          }
          for (const reply of t.replies) {
            if (reply.type === 'message') await print(`  bot: ${(reply.text ?? '').replace(/\n/g, '\n       ')}`);
            else if (reply.type !== 'typing') await print(`  (${reply.type}${reply.name ? `: ${reply.name}` : ''})`);
          }
        }
        return 0;
      }
      case 'export': {
        const o = args.options;
        if (args.positional.length) {
          const c = await find(args.positional[0]);
          await output(io, o.out, async (write) => write(JSON.stringify(await review.transcriptFile(c.id), null, 2) + '\n'));
          return 0;
        }
        const format = o.format ?? 'csv';
        if (format !== 'csv' && format !== 'json') throw new UsageError('--format must be csv or json');
        if (!o.from || !o.to) throw new UsageError('export needs a conversation id, or --from and --to dates');
        const range = { from: toDay(o.from, 'from'), to: endOf(o.to, 'to') };
        if (range.to! <= range.from!) throw new UsageError('--to must not be before --from');
        let n = 0;
        await output(io, o.out, async (write) => {
          n = format === 'csv' ? await exportCsv(review, range, write) : await exportJson(review, range, write);
        });
        io.note(`${n} conversation(s) exported`);
        return 0;
      }
      case 'unanswered': {
        const o = args.options;
        const range = { from: toDay(o.from, 'from') ?? Date.now() - 30 * DAY_MS, to: endOf(o.to, 'to') };
        const groups = await review.unanswered(range, 5000);
        const format = o.format ?? 'text';
        if (format === 'json') await print(JSON.stringify(groups, null, 2));
        else if (format === 'txt') await io.write(trainingCandidates(groups, `${o.from ?? 'last 30 days'} to ${o.to ?? 'today'}`));
        else if (format === 'text')
          for (const g of groups) await print(`${g.count}\t${g.bestGuess ?? '-'}\t${g.outcome}/${g.reason}\t${g.text.replace(/\s+/g, ' ')}`);
        else throw new UsageError('--format must be text, txt or json');
        return 0;
      }
      case 'purge': {
        const days = args.options.days !== undefined ? Number(args.options.days) : config.transcriptRetentionDays;
        if (!Number.isInteger(days) || days < 0) throw new UsageError('--days must be a whole number of days (0 = keep everything)');
        if (days === 0) {
          await print('retention is 0 days (keep everything): nothing purged');
          purgeOlderThan(db, 0);
          return 0;
        }
        const result = purgeOlderThan(db, Date.now() - days * DAY_MS);
        await print(
          `purged ${result.conversations} conversation(s), ${result.states} state item(s), ${result.enquiries} done enquiry(ies) with no activity for ${days} day(s)`,
        );
        return 0;
      }
      case 'delete': {
        const c = await find(args.positional[0]);
        const deleted = deleteConversation(db, c.id);
        await print(
          `deleted conversation ${c.id} (${c.channelId} / ${c.conversationId}): ${deleted?.activities ?? 0} activities, ${deleted?.enquiries ?? 0} enquiry(ies), ${deleted?.states ?? 0} state item(s)`,
        );
        return 0;
      }
      default:
        throw new UsageError(`unknown command "${args.command}"`);
    }
  } finally {
    db.close();
  }
}

/** Runs one command; returns the exit code (0 ok, 1 error, 2 usage). Never throws. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (err) {
    if (err instanceof UsageError || err instanceof BadFilterError) {
      io.note(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof ConfigError || err instanceof DatabaseMissingError) {
      io.note(err.message);
      return 1;
    }
    if ((err as NodeJS.ErrnoException)?.code === 'EEXIST') {
      io.note(`${(err as Error).message.replace(/^EEXIST: /, '')}: the file exists; choose another --out`);
      return 1;
    }
    io.note(`failed: ${(err as Error)?.message ?? err}`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

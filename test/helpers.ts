/**
 * Test helpers: the real knowledge base and a model trained from it (once per test run), and a
 * conversation driver over botbuilder's TestAdapter running the same bot and middleware as the server.
 */
import { Activity, ActivityTypes, ConversationState, MemoryStorage } from 'botbuilder';
import type { BotParts } from '../src/bot/createBot';
import { LocalConversation } from '../src/bot/localConversation';
import { TurnRecognizer } from '../src/bot/turnRecognizer';
import { AppOverrides, RunningApp, startApp } from '../src/app';
import { Config, loadConfig, PROJECT_ROOT } from '../src/config';
import { silentLogger } from '../src/logger';
import { loadKnowledge } from '../src/knowledge/load';
import type { Knowledge } from '../src/knowledge/types';
import { createClinicRecognizer, trainClinicModel } from '../src/nlu/clinic';
import type { ClinicContext } from '../src/nlu/context';
import type { IntentModel } from '../src/nlu/model';
import type { IntentRecognizer } from '../src/nlu/recognizer';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DialogDependencies } from '../dialogs/dependencies';
import { Db, openDatabase } from '../src/storage/sqlite/db';

export const KNOWLEDGE_DIR = join(PROJECT_ROOT, 'knowledge');

let cached: { knowledge: Knowledge; model: IntentModel; recognizer: IntentRecognizer } | undefined;

export function clinic(): { knowledge: Knowledge; model: IntentModel; recognizer: IntentRecognizer } {
  if (!cached) {
    const knowledge = loadKnowledge(KNOWLEDGE_DIR);
    const model = trainClinicModel(knowledge);
    cached = { knowledge, model, recognizer: createClinicRecognizer(knowledge, model) };
  }
  return cached;
}

export type { TurnResult } from '../src/bot/localConversation';

/** A conversation with the full bot on a given channel, with the test run's trained recognizer. */
export class Conversation extends LocalConversation {
  constructor(channelId = 'webchat', conversationId = 'conv-' + Math.random().toString(36).slice(2), parts: Partial<BotParts> = {}) {
    const { knowledge, recognizer } = clinic();
    super({ knowledge, recognizer, storage: new MemoryStorage(), ...parts }, channelId, conversationId);
  }
}

/** Button titles of a reply, from suggested actions or a hero card. */
export function buttons(reply: Partial<Activity> | undefined): string[] {
  if (!reply) return [];
  const fromSuggested = (reply.suggestedActions?.actions ?? []).map((a) => a.title ?? '');
  const fromCards = (reply.attachments ?? []).flatMap((a) =>
    ((a.content as { buttons?: Array<{ title: string }> })?.buttons ?? []).map((b) => b.title),
  );
  return [...fromSuggested, ...fromCards];
}

/** Dependencies for testing one dialog on its own with DialogTestClient. */
export function dialogDeps(): { deps: DialogDependencies; conversationState: ConversationState } {
  const { knowledge, recognizer } = clinic();
  const conversationState = new ConversationState(new MemoryStorage());
  const turns = new TurnRecognizer(recognizer, conversationState.createProperty<ClinicContext>('ClinicContext'));
  return { deps: { knowledge, turns, maxMessageChars: 1000 }, conversationState };
}

/** A temporary folder with a SQLite database in it; remove() deletes both. */
export interface TempDb {
  dir: string;
  path: string;
  db: Db;
  /** Opens another connection to the same file (another process would do the same). */
  reopen(): Db;
  remove(): void;
}

export function tempDb(synchronous: 'FULL' | 'NORMAL' = 'NORMAL'): TempDb {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-db-'));
  const path = join(dir, 'clinic-bot.sqlite');
  const opened: Db[] = [];
  const open = () => {
    const db = openDatabase(path, { synchronous });
    opened.push(db);
    return db;
  };
  const db = open();
  return {
    dir,
    path,
    db,
    reopen: open,
    remove: () => {
      for (const d of opened) if (d.open) d.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The app's configuration for a test: port 0 on loopback, quiet logs, and the given settings. */
/** A fresh folder for a test app's SQLite file, so tests never share state with each other or with a developer's data/. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'clinic-data-'));
}

export function testConfig(env: Record<string, string>): Config {
  return loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', DATA_DIR: tempDataDir(), ...env });
}

/** Starts the real app (HTTP server, SQLite, staff pages) with the test run's trained recognizer. */
export function startTestApp(env: Record<string, string>, overrides: AppOverrides = {}): Promise<RunningApp> {
  const { knowledge, recognizer } = clinic();
  return startApp(testConfig(env), { knowledge, recognizer, logger: silentLogger, ...overrides });
}

/** Sends a message to /api/messages (expectReplies) and returns the bot's replies, traces included. */
export async function ask(port: number, conversationId: string, text: string, extra: Record<string, unknown> = {}): Promise<Partial<Activity>[]> {
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      text,
      deliveryMode: 'expectReplies',
      channelId: 'emulator',
      serviceUrl: `http://127.0.0.1:${port}`,
      conversation: { id: conversationId },
      from: { id: 'patient-1', name: 'Patient' },
      recipient: { id: 'bot', name: 'Bot' },
      ...extra,
    }),
  });
  if (res.status !== 200) throw new Error(`/api/messages answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { activities: Partial<Activity>[] }).activities;
}

/** The text of the message replies. */
export function replyText(activities: Partial<Activity>[]): string {
  return activities
    .filter((a) => a.type === ActivityTypes.Message)
    .map((a) => a.text ?? '')
    .join('\n');
}

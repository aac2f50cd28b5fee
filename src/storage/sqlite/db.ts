/**
 * The bot's one SQLite database (better-sqlite3): bot state and dialog stacks, transcripts, the
 * conversation summaries staff browse, recognitions, enquiries and staff sessions.
 *
 * Durability. The journal is WAL: readers (staff pages, the CLI) never block the bot's writes, and a
 * commit is a single append to the -wal file. `synchronous` decides when that append reaches the disk:
 *  - FULL (the default): the WAL is fsynced at every commit. A committed turn survives a process crash
 *    AND a power cut or kernel panic. Costs one fsync per commit.
 *  - NORMAL: the WAL is fsynced only at checkpoints. A committed turn survives a process crash (the
 *    data is in the OS page cache and reaches the file), but a power cut may roll back the last commits;
 *    the database itself is never corrupted. Faster on slow disks.
 * "Loses nothing" includes power cuts, hence FULL by default; SQLITE_SYNCHRONOUS=NORMAL trades that
 * for speed. busy_timeout lets the CLI (a second process) and the bot wait for each other's writes.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

export interface OpenOptions {
  synchronous?: 'FULL' | 'NORMAL';
  /** Open an existing database without creating or migrating it (the CLI must not create a file by mistake). */
  mustExist?: boolean;
}

export const SCHEMA_VERSION = 3;

const SCHEMA_V1 = `
CREATE TABLE bot_state (
  key        TEXT PRIMARY KEY,
  etag       TEXT NOT NULL,
  data       TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX bot_state_updated ON bot_state (updated_at);

-- One row per conversation, updated in the same transaction as each logged activity, so that the
-- staff list never has to scan activities. Times are milliseconds since the epoch (UTC).
CREATE TABLE conversations (
  id              INTEGER PRIMARY KEY,
  channel_id      TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  started_at      INTEGER NOT NULL,
  last_at         INTEGER NOT NULL,
  turns           INTEGER NOT NULL DEFAULT 0,
  activity_count  INTEGER NOT NULL DEFAULT 0,
  fallback        INTEGER NOT NULL DEFAULT 0,
  clarify         INTEGER NOT NULL DEFAULT 0,
  urgent          INTEGER NOT NULL DEFAULT 0,
  handoff         INTEGER NOT NULL DEFAULT 0,
  enquiry         INTEGER NOT NULL DEFAULT 0,
  first_text      TEXT,
  UNIQUE (channel_id, conversation_id)
);
-- The staff list pages newest first by id (the order conversations were first seen) with a keyset
-- cursor; each filter has an index that yields rows in that order.
CREATE INDEX conversations_channel ON conversations (channel_id, id);
CREATE INDEX conversations_started ON conversations (started_at);
CREATE INDEX conversations_fallback ON conversations (id) WHERE fallback > 0;
CREATE INDEX conversations_clarify ON conversations (id) WHERE clarify > 0;
CREATE INDEX conversations_urgent ON conversations (id) WHERE urgent > 0;
CREATE INDEX conversations_handoff ON conversations (id) WHERE handoff > 0;
CREATE INDEX conversations_enquiry ON conversations (id) WHERE enquiry > 0;
-- Retention purges by last activity.
CREATE INDEX conversations_last ON conversations (last_at);

-- Every incoming and outgoing activity, in the order it was logged (seq).
CREATE TABLE activities (
  seq         INTEGER PRIMARY KEY,
  conv        INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  activity_id TEXT,
  type        TEXT NOT NULL,
  role        TEXT NOT NULL,
  at          INTEGER NOT NULL,
  text        TEXT,             -- the user's message text (after redaction), for search; NULL otherwise
  body        TEXT NOT NULL     -- the activity as JSON
);
CREATE INDEX activities_conv ON activities (conv, seq);

-- Full-text search over what users wrote: one document per conversation (rowid = conversations.id),
-- so a search walks matching conversations newest first and stops after a page, however common the
-- words. Contentless (the text lives once, in activities); rebuilt from activities when it changes.
CREATE VIRTUAL TABLE conversations_fts USING fts5 (text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER conversations_fts_insert AFTER INSERT ON activities WHEN new.text IS NOT NULL BEGIN
  INSERT OR REPLACE INTO conversations_fts (rowid, text)
    SELECT new.conv, group_concat(text, char(10)) FROM activities WHERE conv = new.conv AND text IS NOT NULL;
END;
CREATE TRIGGER conversations_fts_update AFTER UPDATE OF text ON activities BEGIN
  INSERT OR REPLACE INTO conversations_fts (rowid, text)
    SELECT new.conv, group_concat(text, char(10)) FROM activities WHERE conv = new.conv AND text IS NOT NULL;
END;
CREATE TRIGGER conversations_fts_delete AFTER DELETE ON conversations BEGIN
  DELETE FROM conversations_fts WHERE rowid = old.id;
END;

-- What the bot understood, one row per ClinicRecognizer trace (the trace activity is in activities too).
CREATE TABLE recognitions (
  seq        INTEGER PRIMARY KEY,  -- the trace activity's seq
  conv       INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  at         INTEGER NOT NULL,
  text       TEXT NOT NULL,
  norm       TEXT NOT NULL,        -- grouping key for unanswered questions
  intent     TEXT NOT NULL,
  top_intent TEXT,                 -- the classifier's best guess (alternatives[0])
  score      REAL NOT NULL,
  outcome    TEXT NOT NULL,
  reason     TEXT NOT NULL,
  condition  TEXT,
  unanswered INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX recognitions_unanswered ON recognitions (at) WHERE unanswered = 1;
CREATE INDEX recognitions_conv ON recognitions (conv);

CREATE TABLE enquiries (
  id              INTEGER PRIMARY KEY,
  created_at      INTEGER NOT NULL,
  channel_id      TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  kind            TEXT NOT NULL,
  name            TEXT NOT NULL,
  phone           TEXT,
  email           TEXT,
  preferred_time  TEXT NOT NULL,
  reason          TEXT,
  consent_at      INTEGER NOT NULL,
  status          TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'done')),
  done_at         INTEGER,
  done_by         TEXT
);
CREATE INDEX enquiries_status ON enquiries (status, created_at);
CREATE INDEX enquiries_conversation ON enquiries (channel_id, conversation_id);

CREATE TABLE staff_sessions (
  token_hash TEXT PRIMARY KEY,
  user       TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
`;

// Enquiry references given to patients: random, not the row id (see enquiryReference.ts); older rows have none.
const SCHEMA_V2 = `
ALTER TABLE enquiries ADD COLUMN reference TEXT;
CREATE UNIQUE INDEX enquiries_reference ON enquiries (reference) WHERE reference IS NOT NULL;
`;

// The website chat's Direct Line conversations (../directLine.ts): who owns each, its watermark and last activity
// (retention), and its activities by number.
const SCHEMA_V3 = `
CREATE TABLE directline_conversations (
  id         TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL,
  watermark  INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  last_at    INTEGER NOT NULL
);
CREATE INDEX directline_conversations_last ON directline_conversations (last_at);
CREATE TABLE directline_activities (
  conversation TEXT NOT NULL REFERENCES directline_conversations (id) ON DELETE CASCADE,
  seq          INTEGER NOT NULL,
  body         TEXT NOT NULL,
  PRIMARY KEY (conversation, seq)
) WITHOUT ROWID;
`;

export class DatabaseMissingError extends Error {}

/** Opens (creating the folder and the schema when needed) the database file. Open it once per process. */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (options.mustExist) {
    try {
      const probe = new Database(path, { fileMustExist: true });
      probe.close();
    } catch {
      throw new DatabaseMissingError(`no database at ${path} (set DATA_DIR / SQLITE_PATH, or start the bot once to create it)`);
    }
  } else if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true });
  }
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

function migrate(db: Db): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new Error(`the database was written by a newer version of the bot (schema ${version}, this one knows ${SCHEMA_VERSION})`);
  }
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    if (version < 1) db.exec(SCHEMA_V1);
    if (version < 2) db.exec(SCHEMA_V2);
    if (version < 3) db.exec(SCHEMA_V3);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

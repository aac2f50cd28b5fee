import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { GroupCommit } from '../src/storage/sqlite/groupCommit';
import { SqliteStorage } from '../src/storage/sqlite/state';
import { SqliteTranscriptStore } from '../src/storage/sqlite/transcripts';
import { tempDb, TempDb } from './helpers';

function message(conversationId: string, text: string): Activity {
  return {
    type: 'message',
    id: `${conversationId}-${text}`,
    text,
    channelId: 'webchat',
    conversation: { id: conversationId },
    from: { id: 'user', role: 'user' },
    recipient: { id: 'bot' },
    timestamp: new Date(),
  } as unknown as Activity;
}

describe('group commit (SQLite writes of concurrent turns share a transaction)', () => {
  let t: TempDb;
  beforeEach(() => {
    t = tempDb('FULL');
  });
  afterEach(() => t.remove());

  it('commits the state and transcript writes of many turns at once, and each is on disk when its promise resolves', async () => {
    const storage = new SqliteStorage(t.db);
    const transcripts = new SqliteTranscriptStore(t.db);
    const commits = GroupCommit.for(t.db);
    const before = commits.stats.commits;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        Promise.all([storage.write({ [`k${i}`]: { turn: i } }), transcripts.logActivities([message(`c${i}`, `question ${i}`)])]),
      ),
    );
    expect(commits.stats.commits - before, '40 writes asked for in the same moment').to.equal(1);
    // A second connection (another process, the CLI) sees every write: they were committed, not just queued.
    const other = t.reopen();
    try {
      expect(other.prepare('SELECT count(*) AS n FROM bot_state').get()).to.deep.equal({ n: 20 });
      expect(other.prepare('SELECT count(*) AS n FROM activities').get()).to.deep.equal({ n: 20 });
    } finally {
      other.close();
    }
  });

  it('a write that fails (stale eTag) fails alone: the other writes of the same commit are kept', async () => {
    const storage = new SqliteStorage(t.db);
    await storage.write({ shared: { n: 1 } });
    const stale = (await storage.read(['shared'])).shared;
    await storage.write({ shared: { ...stale, n: 2 } });

    const results = await Promise.allSettled([
      storage.write({ a: { n: 'kept' } }),
      storage.write({ shared: { ...stale, n: 99 }, b: { n: 'rolled back with it' } }),
      storage.write({ c: { n: 'kept too' } }),
    ]);
    expect(results.map((r) => r.status)).to.deep.equal(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason?.message)).to.match(/eTag conflict/);
    const items = await storage.read(['a', 'b', 'c', 'shared']);
    expect(Object.keys(items).sort()).to.deep.equal(['a', 'c', 'shared']);
    expect(items.shared.n).to.equal(2);
  });

  it('rejects every queued write, without crashing, when the database was closed under it', async () => {
    const storage = new SqliteStorage(t.db);
    const pending = storage.write({ late: { n: 1 } });
    t.db.close();
    let error: Error | undefined;
    try {
      await pending;
    } catch (err) {
      error = err as Error;
    }
    expect(error?.message).to.match(/closed/);
  });
});

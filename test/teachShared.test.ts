/**
 * The teaching log on both backends (one suite), and two bot instances sharing Azure Blob Storage (Azurite): a change
 * taught on one instance is answered by the other, which picks it up from the log by polling (TEACH_POLL_SECONDS),
 * with no restart.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { AzureBlobBackend } from '../src/storage/azure';
import { SqliteBackend } from '../src/storage/sqlite/index';
import type { StorageBackend } from '../src/storage/backend';
import { appendChange, withStatus } from '../src/storage/teaching';
import { TRACE_NAME, RecognitionTraceValue } from '../src/turn/trace';
import { Azurite, startAzurite } from './azurite';
import { ask, tempDataDir, tempDb, TempDb } from './helpers';
import { eventually, startTestApp, TestApp } from './appHelpers';

const traceOf = (activities: Partial<Activity>[]) => activities.find((a) => a.name === TRACE_NAME)?.value as RecognitionTraceValue;

for (const kind of ['sqlite', 'azure-blob'] as const) {
  describe(`teaching log: ${kind}`, function () {
    this.timeout(60_000);
    let backend: StorageBackend;
    let db: TempDb | undefined;
    let azurite: Azurite | undefined;

    before(async () => {
      if (kind === 'sqlite') {
        db = tempDb();
        backend = new SqliteBackend(db.db);
      } else {
        azurite = await startAzurite();
        backend = await AzureBlobBackend.open({
          connectionString: azurite.connectionString,
          stateContainer: 'state',
          transcriptContainer: 'transcripts',
          enquiryContainer: 'enquiries',
        });
      }
    });

    after(async () => {
      await backend?.close();
      db?.remove();
      await azurite?.dispose();
    });

    it('starts empty, and keeps every change with its id, author and time, bumping the revision', async () => {
      expect((await backend.teaching.read()).changes).to.deep.equal([]);
      await backend.teaching.update(
        (log) => appendChange(log, { kind: 'example', status: 'applied', by: 'alice', text: 'where are you', intent: 'contact' }).log,
      );
      const log = await backend.teaching.update((l) => appendChange(l, { kind: 'dismiss', status: 'applied', by: 'bob', text: 'asdf' }).log);
      expect(log.revision).to.equal(2);
      expect((await backend.teaching.read()).changes.map((c) => [c.id, c.by, c.kind])).to.deep.equal([
        [1, 'alice', 'example'],
        [2, 'bob', 'dismiss'],
      ]);
    });

    it('concurrent changes are all kept (none overwrites another)', async () => {
      const before = (await backend.teaching.read()).changes.length;
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          backend.teaching.update((l) => appendChange(l, { kind: 'out_of_scope', status: 'applied', by: 'alice', text: `t${i}` }).log),
        ),
      );
      const log = await backend.teaching.read();
      expect(log.changes.length).to.equal(before + 8);
      expect(new Set(log.changes.map((c) => c.id)).size).to.equal(log.changes.length);
    });

    it('a revert marks the change (never deletes it) with who reverted it', async () => {
      const log = await backend.teaching.update((l) => withStatus(l, 2, 'reverted', 'carol'));
      expect(log.changes.find((c) => c.id === 2)).to.include({ status: 'reverted', revertedBy: 'carol', by: 'bob' });
    });
  });
}

describe('two instances on Azurite pick up a taught change', function () {
  this.timeout(120_000);
  let azurite: Azurite;
  let a: TestApp;
  let b: TestApp;

  before(async () => {
    azurite = await startAzurite();
    const dir = tempDataDir();
    const env = (name: string) => ({
      STORAGE: 'azure-blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      DATA_DIR: join(dir, name),
      MODEL_PATH: join(dir, name, 'model.json'),
      TEACH_POLL_SECONDS: '1',
      // The test asks again and again until B answers: no per-address limit on /api/messages.
      RATE_LIMIT_PER_ADDRESS: '0',
      RATE_LIMIT_PER_CONVERSATION: '0',
    });
    a = await startTestApp(env('a'));
    b = await startTestApp(env('b'));
  });

  after(async () => {
    await a?.close();
    await b?.close();
    await azurite?.dispose();
  });

  it('taught on A, answered on B without a restart', async () => {
    const text = 'how might i reach somebody at your place';
    const intentOn = async (app: TestApp) => traceOf(await ask(app.port, `c-${Math.random()}`, text)).intent;
    expect(await intentOn(b)).to.not.equal('contact');
    const result = await a.teaching!.teach({ kind: 'example', text, intent: 'contact' }, 'alice');
    expect(result.status).to.equal('applied');
    expect(await intentOn(a)).to.equal('contact');
    await eventually(async () => (await intentOn(b)) === 'contact', 60_000, 'instance B answers the taught text');
    expect(b.teaching!.info().version).to.equal(a.teaching!.info().version);
  });
});

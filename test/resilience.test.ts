/**
 * Storage unavailable: the bot still answers, logs the failure, /healthz says degraded, and it recovers
 * without losing the state that was saved before the outage.
 */
import { expect } from 'chai';
import { MemoryStorage, Storage, StoreItems } from 'botbuilder';
import { startApp, RunningApp } from '../src/app';
import { createLogger, silentLogger } from '../src/logger';
import { ask, clinic, replyText, testConfig } from './helpers';
import { ResilientStorage } from '../src/storage/resilientStorage';
import { patientClinic } from '../src/teach/placeholders';

/** MemoryStorage that can be switched off, like a database whose file or server went away. */
class SwitchableStorage implements Storage {
  down = false;
  private readonly inner = new MemoryStorage();
  private check() {
    if (this.down) throw new Error('SQLITE_IOERR: disk I/O error');
  }
  async read(keys: string[]): Promise<StoreItems> {
    this.check();
    return this.inner.read(keys);
  }
  async write(changes: StoreItems): Promise<void> {
    this.check();
    return this.inner.write(changes);
  }
  async delete(keys: string[]): Promise<void> {
    this.check();
    return this.inner.delete(keys);
  }
}

describe('storage unavailable', () => {
  it('reads return nothing, blind writes are dropped, conflicts still surface', async () => {
    const inner = new SwitchableStorage();
    const storage = new ResilientStorage(inner, silentLogger);
    await storage.write({ k: { v: 1, eTag: '*' } });
    const before = await storage.read(['k']);
    inner.down = true;
    expect(await storage.read(['k'])).to.deep.equal({});
    expect(storage.health.storage).to.equal('degraded');
    inner.down = false;
    await storage.write({ k: { v: 'empty state from the failed read' } }); // no eTag: would clobber, so dropped
    expect((await storage.read(['k'])).k.v).to.equal(1);
    expect(storage.health.storage).to.equal('ok');
    await storage.write({ k: { ...before.k, v: 2 } });
    let conflict: unknown;
    try {
      await storage.write({ k: { v: 3, eTag: before.k.eTag } }); // stale eTag
    } catch (err) {
      conflict = err;
    }
    expect(conflict, 'an eTag conflict must not be swallowed').to.be.instanceOf(Error);
  });

  describe('over HTTP', () => {
    let app: RunningApp;
    const inner = new SwitchableStorage();
    const lines: any[] = [];
    before(async () => {
      const config = testConfig({});
      app = await startApp(config, { storage: inner, logger: createLogger('info', {}, { write: (l: string) => void lines.push(JSON.parse(l)) }) });
    });
    after(() => app.close(1000, 0));

    const say = async (text: string) => ({ status: 200, text: replyText(await ask(app.port, 'outage', text, { channelId: 'webchat' })) });
    const health = async () => (await fetch(`${app.url}/healthz`)).json();

    it('answers during the outage, reports degraded, and carries on afterwards', async () => {
      expect((await say('which treatment suits me?')).text).to.include('what would you mainly like help with');
      inner.down = true;
      const during = await say('what is acupuncture?');
      expect(during.status).to.equal(200);
      expect(during.text).to.include('ancient Chinese medicine');
      // Told once, before the answer, that the bot may have lost the thread, with the clinic's details.
      expect(during.text)
        .to.match(/^Sorry, I can’t reach our records/)
        .and.include(patientClinic(clinic().knowledge.clinic).phone);
      const again = await say('what is dry needling?');
      expect(again.text).to.include('1980s').and.not.include('reach our records');
      expect(await health()).to.include({ status: 'degraded', storage: 'degraded' });
      expect(lines.some((l) => l.level === 'error' && /storage unavailable/.test(l.msg))).to.equal(true);
      inner.down = false;
      const after = await say('Ongoing pain');
      expect(after.text).to.include('which approach'); // the dialog saved before the outage is intact
      expect(after.text).to.not.include('reach our records');
      expect(await health()).to.include({ status: 'ok', storage: 'ok' });
    });
  });
});

import { expect } from 'chai';
import { SqliteStorage } from '../src/storage/sqlite/state';
import { openDatabase } from '../src/storage/sqlite/db';
import { redactContactDetails, findEmail, findPhone } from '../src/storage/redact';
import { tempDb, TempDb } from './helpers';

describe('SQLite storage (botbuilder Storage)', () => {
  let t: TempDb;
  let storage: SqliteStorage;
  beforeEach(() => {
    t = tempDb();
    storage = new SqliteStorage(t.db);
  });
  afterEach(() => t.remove());

  it('reads back what was written, with an eTag, and leaves missing keys out', async () => {
    await storage.write({ a: { count: 1, nested: { list: [1, 2] } } });
    const items = await storage.read(['a', 'missing']);
    expect(Object.keys(items)).to.deep.equal(['a']);
    expect(items.a).to.include({ count: 1 });
    expect(items.a.nested).to.deep.equal({ list: [1, 2] });
    expect(items.a.eTag).to.be.a('string').and.not.equal('*');
  });

  it('gives every write a new eTag, and accepts a write with the current one', async () => {
    await storage.write({ a: { n: 1 } });
    const first = (await storage.read(['a'])).a;
    await storage.write({ a: { ...first, n: 2 } });
    const second = (await storage.read(['a'])).a;
    expect(second.n).to.equal(2);
    expect(second.eTag).to.not.equal(first.eTag);
  });

  it('rejects a write with a stale eTag and keeps the newer data', async () => {
    await storage.write({ a: { n: 1 } });
    const stale = (await storage.read(['a'])).a;
    await storage.write({ a: { ...stale, n: 2 } });
    let error: Error | undefined;
    try {
      await storage.write({ a: { ...stale, n: 99 } });
    } catch (err) {
      error = err as Error;
    }
    expect(error?.message).to.equal('Storage: error writing "a" due to eTag conflict.');
    expect((await storage.read(['a'])).a.n).to.equal(2);
  });

  it('writes unconditionally with eTag "*" or no eTag, as MemoryStorage does', async () => {
    await storage.write({ a: { n: 1 } });
    await storage.write({ a: { n: 2, eTag: '*' } });
    expect((await storage.read(['a'])).a.n).to.equal(2);
    await storage.write({ a: { n: 3 } });
    expect((await storage.read(['a'])).a.n).to.equal(3);
    // A new key with an eTag is created (MemoryStorage does the same).
    await storage.write({ b: { n: 1, eTag: 'whatever' } });
    expect((await storage.read(['b'])).b.n).to.equal(1);
  });

  it('writes several items in one transaction: a conflict on one writes none', async () => {
    await storage.write({ a: { n: 1 }, b: { n: 1 } });
    const { a, b } = await storage.read(['a', 'b']);
    await storage.write({ b: { ...b, n: 2 } }); // b's eTag moves on
    let failed = false;
    try {
      await storage.write({ a: { ...a, n: 10 }, b: { ...b, n: 10 } });
    } catch {
      failed = true;
    }
    expect(failed).to.equal(true);
    const after = await storage.read(['a', 'b']);
    expect(after.a.n).to.equal(1);
    expect(after.b.n).to.equal(2);
  });

  it('deletes keys', async () => {
    await storage.write({ a: { n: 1 }, b: { n: 1 } });
    await storage.delete(['a', 'nope']);
    expect(Object.keys(await storage.read(['a', 'b']))).to.deep.equal(['b']);
  });

  it('concurrent read-modify-writes to one conversation from two connections lose no update (eTag + retry)', async () => {
    // Two connections to the same file, as two bot processes would have; each worker increments a
    // counter 50 times with read, a pause (so the workers interleave), then a write with the eTag read.
    const other = new SqliteStorage(t.reopen());
    const key = 'webchat/conversations/c1/';
    await storage.write({ [key]: { counter: 0 } });
    let conflicts = 0;
    const increment = async (s: SqliteStorage, times: number) => {
      for (let i = 0; i < times; i++) {
        for (;;) {
          const item = (await s.read([key]))[key];
          await new Promise((r) => setImmediate(r));
          try {
            await s.write({ [key]: { ...item, counter: item.counter + 1 } });
            break;
          } catch (err) {
            expect((err as Error).message).to.match(/eTag conflict/);
            conflicts++;
          }
        }
      }
    };
    await Promise.all([increment(storage, 50), increment(other, 50), increment(storage, 50)]);
    expect((await storage.read([key]))[key].counter).to.equal(150);
    expect(conflicts, 'the workers did interleave').to.be.greaterThan(0);
  });

  it('the same race with eTag "*" (what the eTag prevents) loses updates', async () => {
    const key = 'k';
    await storage.write({ [key]: { counter: 0 } });
    const blind = async () => {
      for (let i = 0; i < 20; i++) {
        const item = (await storage.read([key]))[key];
        await new Promise((r) => setImmediate(r));
        await storage.write({ [key]: { ...item, counter: item.counter + 1, eTag: '*' } });
      }
    };
    await Promise.all([blind(), blind()]);
    expect((await storage.read([key]))[key].counter).to.be.lessThan(40);
  });

  it('keeps what was written after the connection closes (a restart)', async () => {
    await storage.write({ a: { n: 7 } });
    t.db.close();
    const again = new SqliteStorage(t.reopen());
    expect((await again.read(['a'])).a.n).to.equal(7);
  });

  it('opens the database in WAL mode with the chosen synchronous level', () => {
    const full = openDatabase(t.path, { synchronous: 'FULL' });
    expect(full.pragma('journal_mode', { simple: true })).to.equal('wal');
    expect(full.pragma('synchronous', { simple: true })).to.equal(2); // FULL
    full.close();
    expect(t.db.pragma('synchronous', { simple: true })).to.equal(1); // NORMAL
  });
});

describe('contact details in text', () => {
  it('masks phone numbers and emails, and leaves other numbers alone', () => {
    expect(redactContactDetails('call me on 0412 345 678 or +61 (3) 9000-0000, mail sam.lee+clinic@example.com.au')).to.equal(
      'call me on [phone] or [phone], mail [email]',
    );
    expect(redactContactDetails('I am 45, my pain is 7 out of 10 since 2019')).to.equal('I am 45, my pain is 7 out of 10 since 2019');
  });

  it('finds the phone number or email a patient typed', () => {
    expect(findPhone('my number is 0412 345 678 thanks')).to.equal('0412 345 678');
    expect(findPhone('call me at 12 34')).to.equal(undefined);
    expect(findEmail('it is Sam.Lee@Example.org.')).to.equal('Sam.Lee@Example.org');
    expect(findEmail('sam at example dot com')).to.equal(undefined);
  });
});

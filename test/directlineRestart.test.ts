/**
 * Website chats are durable: the bot as real server processes (node dist/src/index.js) on SQLite and on Azure Blob
 * Storage (Azurite), driven over HTTP and WebSocket as Web Chat drives them.
 *  - a restart (the process killed, then started again on the same storage): the page's token still works, the
 *    history is intact, a read from the page's old watermark gets what came after it, and the dialog goes on;
 *  - two instances on one storage: a conversation started on one is continued on the other, and a stream open on
 *    one gets what the other stored;
 *  - two instances appending to one conversation at once: no activity lost, none twice, watermarks strictly rising;
 *  - a page view in which nobody writes stores nothing.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveIntentModel } from '../src/nlu/model';
import { openDatabase } from '../src/storage/sqlite/db';
import { SqliteDirectLineStore } from '../src/storage/sqlite/directLine';
import { AzureBlobBackend } from '../src/storage/azure';
import type { DirectLineStore } from '../src/storage/directLine';
import { ServerProcess, startServerProcess } from '../bench/serverProcess';
import { call, startConversation, Stream } from './appHelpers';
import { Azurite, startAzurite } from './azurite';
import { clinic } from './helpers';

type Activity = { id?: string; type?: string; text?: string; from?: { role?: string } };

const botTexts = (activities: Activity[]) => activities.filter((a) => a.from?.role === 'bot').map((a) => a.text ?? '');
/** The number in an activity's id (conversation|0000012). */
const seqOf = (a: Activity) => Number(a.id!.split('|')[1]);

for (const kind of ['sqlite', 'azure-blob'] as const) {
  describe(`website chat durability over ${kind} (real server processes)`, function () {
    this.timeout(120_000);
    let dir: string;
    let azurite: Azurite | undefined;
    let store: DirectLineStore;
    let closeStore: () => void = () => undefined;
    const running: ServerProcess[] = [];

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), `clinic-dl-durable-${kind}-`));
      saveIntentModel(clinic().model, join(dir, 'model.json')); // the processes load it instead of training
      if (kind === 'azure-blob') {
        azurite = await startAzurite({ persistent: true });
        const backend = await AzureBlobBackend.open({
          connectionString: azurite.connectionString,
          stateContainer: 'bot-state',
          transcriptContainer: 'transcripts',
          enquiryContainer: 'enquiries',
        });
        store = backend.directLine;
      }
    });

    after(async () => {
      for (const p of running.splice(0)) p.child.kill('SIGKILL');
      closeStore();
      await azurite?.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    /** The data folder (SQLite file, generated signing secret) is shared, as on App Service's /home. */
    async function start(name: string, env: Record<string, string> = {}): Promise<ServerProcess & { dl: string }> {
      const server = await startServerProcess(name, 'src/index.js', {
        DATA_DIR: join(dir, 'data'),
        MODEL_PATH: join(dir, 'model.json'),
        DIRECTLINE_SECRET: '',
        DIRECTLINE_SECRET_FILE: '',
        DIRECTLINE_NEW_CONVERSATIONS_PER_MINUTE: '0',
        DIRECTLINE_POLL_MS: '200',
        ...(azurite ? { STORAGE: 'azure-blob', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString } : { STORAGE: 'sqlite' }),
        ...env,
      });
      running.push(server);
      if (!store) {
        const db = openDatabase(join(dir, 'data', 'clinic-bot.sqlite'));
        store = new SqliteDirectLineStore(db);
        closeStore = () => db.close();
      }
      return { ...server, dl: `http://127.0.0.1:${server.port}/v3/directline` };
    }

    async function kill(server: ServerProcess): Promise<void> {
      const exited = new Promise((r) => server.child.once('exit', r));
      server.child.kill('SIGKILL');
      await exited;
      running.splice(running.indexOf(server), 1);
    }

    it('a restart is invisible to an open page: same token, history intact, the old watermark gets what came after, the dialog goes on', async () => {
      const first = await start('first');
      const c = await startConversation(first.dl);
      expect(await store.since(c.conversationId, undefined), 'a page view nobody wrote in stores nothing').to.equal(undefined);
      const path = (server: { dl: string }, rest = '') => `${server.dl}/conversations/${c.conversationId}${rest}`;
      const stream = await Stream.open(c.streamUrl);
      await call(path(first, '/activities'), { token: c.token, body: { type: 'message', text: 'I would like to book an appointment' } });
      await stream.waitFor((a) => a.from?.role === 'bot' && /Is that OK\?/.test(a.text ?? ''));
      const pageWatermark = stream.sets.at(-1)!.watermark;
      const before = (await call(path(first, '/activities'), { token: c.token })).body.activities as Activity[];
      stream.close();
      await kill(first);

      const second = await start('second');
      // What Web Chat does when its stream drops: a new stream URL from its watermark.
      const resumed = await call(`${path(second)}?watermark=${pageWatermark}`, { token: c.token });
      expect(resumed.status, JSON.stringify(resumed.body)).to.equal(200);
      const again = await Stream.open(resumed.body.streamUrl);
      try {
        const posted = await call(path(second, '/activities'), { token: c.token, body: { type: 'message', text: 'yes' } });
        expect(posted.status).to.equal(200);
        const reply = await again.waitFor((a) => a.from?.role === 'bot');
        expect(reply.text, 'the booking dialog continues from its stored state').to.match(/What name/);
        expect(
          again.activities.map((a: Activity) => a.text),
          'nothing from before the watermark is sent again',
        ).to.deep.equal(['yes', reply.text]);
        const after = await call(`${path(second, '/activities')}?watermark=${pageWatermark}`, { token: c.token });
        expect(botTexts(after.body.activities), 'everything new is after the old watermark, and no second welcome').to.deep.equal([reply.text]);
        const all = (await call(path(second, '/activities'), { token: c.token })).body.activities as Activity[];
        expect(all.slice(0, before.length), 'the history from before the restart').to.deep.equal(before);
        expect(botTexts(all)[0], 'with the welcome').to.match(/I can explain what acupuncture and dry needling are/);
        const seqs = all.map(seqOf);
        expect(seqs).to.deep.equal([...seqs].sort((x, y) => x - y));
        expect(new Set(seqs).size).to.equal(seqs.length);
        // Web Chat renews its token every 15 minutes: the token from before the restart renews, and the new one reads the same conversation.
        const renewed = await call(`${second.dl}/tokens/refresh`, { method: 'POST', token: c.token });
        expect(renewed.status).to.equal(200);
        expect(renewed.body.conversationId).to.equal(c.conversationId);
        expect((await call(path(second, '/activities'), { token: renewed.body.token })).body.activities).to.deep.equal(all);
      } finally {
        again.close();
      }
    });

    if (kind === 'azure-blob') {
      it('storage down: the visitor’s question is still answered on the open stream; once it is back, the conversation is stored again and goes on', async () => {
        const server = await start('outage');
        const c = await startConversation(server.dl);
        const url = `${server.dl}/conversations/${c.conversationId}/activities`;
        const stream = await Stream.open(c.streamUrl);
        try {
          await call(url, { token: c.token, body: { type: 'message', text: 'what is dry needling?' } });
          await stream.waitFor((x) => x.from?.role === 'bot' && /dry needling/i.test(x.text ?? '') && !!x.replyToId);
          await azurite!.stop();
          const posted = await call(url, { token: c.token, body: { type: 'message', text: 'I have chest pain and can’t breathe' } });
          expect(posted.status, 'not an error for the visitor').to.equal(200);
          const urgent = await stream.waitFor((x) => x.from?.role === 'bot' && x.replyToId === posted.body.id, 20_000);
          expect(urgent.text, 'emergency guidance, storage or not').to.match(/000/);
          await azurite!.start();
          const after = await call(url, { token: c.token, body: { type: 'message', text: 'how does acupuncture work?' } });
          expect(after.status).to.equal(200);
          expect(after.body.id, 'a number not given during the outage').to.not.equal(posted.body.id);
          const answer = await stream.waitFor((x) => x.from?.role === 'bot' && x.replyToId === after.body.id, 20_000);
          expect(answer.text).to.match(/acupuncture/i);
          expect(
            stream.activities.some((x: Activity) => x.text === 'how does acupuncture work?'),
            'the echo reaches the page',
          ).to.equal(true);
          const stored = (await store.since(c.conversationId, undefined))!;
          const texts = stored.activities.map((a) => a.activity.text);
          expect(texts, 'stored before and after the outage').to.include.members(['what is dry needling?', 'how does acupuncture work?']);
          expect(texts, 'during the outage only streamed').to.not.include('I have chest pain and can’t breathe');
          const seqs = stored.activities.map((a) => a.seq);
          const ids = (stream.activities as Activity[]).map((x) => x.id);
          expect(new Set(ids).size, 'nothing streamed twice, no number given twice').to.equal(ids.length);
          expect(seqOf(stream.activities.at(-1)), 'numbers go on above those given during the outage').to.equal(seqs.at(-1));
        } finally {
          stream.close();
          if (!azurite!.process) await azurite!.start();
          await kill(server);
        }
      });
    }

    describe('two instances on one storage', () => {
      let a: ServerProcess & { dl: string };
      let b: ServerProcess & { dl: string };
      before(async () => {
        [a, b] = await Promise.all([start('a'), start('b')]);
      });

      it('a conversation started on A is continued on B, and A’s open stream gets what B stored', async () => {
        const c = await startConversation(a.dl);
        const stream = await Stream.open(c.streamUrl);
        try {
          await stream.waitFor((x) => x.from?.role === 'bot');
          const first = await call(`${b.dl}/conversations/${c.conversationId}/activities`, {
            token: c.token,
            body: { type: 'message', text: 'can dry needling help tennis elbow?' },
          });
          expect(first.status, JSON.stringify(first.body)).to.equal(200);
          // Written by B, pushed by A after its next look at the storage (DIRECTLINE_POLL_MS).
          const reply = await stream.waitFor((x) => x.from?.role === 'bot' && /tennis elbow/i.test(x.text ?? ''), 10_000);
          expect(
            stream.activities.filter((x: Activity) => x.text === 'can dry needling help tennis elbow?'),
            'the echo, once',
          ).to.have.length(1);
          await call(`${a.dl}/conversations/${c.conversationId}/activities`, {
            token: c.token,
            body: { type: 'message', text: 'what about golfer’s elbow?' },
          });
          await stream.waitFor((x) => x.from?.role === 'bot' && /golfer/i.test(x.text ?? '') && x !== reply, 10_000);
          // Polling on B sees the same conversation, in the same order, as A streamed it.
          const onB = (await call(`${b.dl}/conversations/${c.conversationId}/activities`, { token: c.token })).body.activities as Activity[];
          // (All but the welcome, which A showed and nobody stored: the first message went to B.)
          const afterWelcome = stream.sets.slice(1).flatMap((set) => set.activities) as Activity[];
          expect(onB.map((x) => x.id)).to.deep.equal(afterWelcome.map((x) => x.id));
          const ids = (stream.activities as Activity[]).map((x) => x.id);
          expect(new Set(ids).size, 'nothing streamed twice').to.equal(ids.length);
        } finally {
          stream.close();
        }
      });

      it('started and written on B, read by polling on A', async () => {
        const c = await startConversation(b.dl);
        await call(`${b.dl}/conversations/${c.conversationId}/activities`, {
          token: c.token,
          body: { type: 'message', text: 'what is acupuncture?' },
        });
        const onA = await call(`${a.dl}/conversations/${c.conversationId}/activities`, { token: c.token });
        expect(onA.status).to.equal(200);
        const texts = (onA.body.activities as Activity[]).map((x) => x.text ?? '');
        expect(texts[0]).to.match(/I can explain what acupuncture and dry needling are/);
        expect(texts).to.include('what is acupuncture?');
        expect(botTexts(onA.body.activities).length).to.be.at.least(2);
      });

      it('messages posted to both instances at once: each stored once, none lost, watermarks strictly rising', async () => {
        const c = await startConversation(a.dl);
        const questions = Array.from({ length: 12 }, (_, i) => `what is dry needling? (${i})`);
        const answers = await Promise.all(
          questions.map((text, i) =>
            call(`${(i % 2 ? b : a).dl}/conversations/${c.conversationId}/activities`, { token: c.token, body: { type: 'message', text } }),
          ),
        );
        expect(answers.map((r) => r.status)).to.deep.equal(questions.map(() => 200));
        const all = (await call(`${b.dl}/conversations/${c.conversationId}/activities`, { token: c.token })).body.activities as Activity[];
        const userTexts = all.filter((x) => x.from?.role !== 'bot').map((x) => x.text);
        expect([...userTexts].sort()).to.deep.equal([...questions].sort());
        expect(botTexts(all).filter((t) => /dry needling/i.test(t)).length, `a reply to each: ${JSON.stringify(botTexts(all))}`).to.be.at.least(
          questions.length,
        );
        const seqs = all.map(seqOf);
        for (let i = 1; i < seqs.length; i++) expect(seqs[i], 'consecutive numbers').to.equal(seqs[i - 1] + 1);
        const ids = answers.map((r) => r.body.id);
        expect(new Set(ids).size, 'each post got its own id').to.equal(ids.length);
      });
    });
  });
}

/**
 * The unmodified Direct Line client that Web Chat uses (botframework-directlinejs) against our server,
 * in Node: it needs XMLHttpRequest and WebSocket globals, which xhr2 and ws provide. One conversation
 * by polling, one by WebSocket, and a resumed conversation (what the page does after a reload).
 */
import { expect } from 'chai';
import { ConnectionStatus, DirectLine } from 'botframework-directlinejs';
import { WebSocket } from 'ws';
import { call, eventually, startTestApp, TestApp } from './appHelpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const XMLHttpRequest = require('xhr2');

type Globals = { XMLHttpRequest?: unknown; WebSocket?: unknown };

/** Drives a DirectLine client: collects every activity it receives. */
class Client {
  readonly received: any[] = [];
  private readonly subscription: { unsubscribe(): void };

  constructor(readonly directLine: DirectLine) {
    this.subscription = directLine.activity$.subscribe((a) => this.received.push(a));
  }

  async waitFor(match: (a: any) => boolean, what: string): Promise<any> {
    return eventually(() => this.received.find(match), 10_000, what);
  }

  /** Sends a message as Web Chat does (with a made-up from.id) and returns its id. */
  send(text: string): Promise<string> {
    return new Promise((resolve, reject) => {
      this.directLine
        .postActivity({
          type: 'message',
          text,
          from: { id: 'made-up-by-the-client', name: 'Mallory' },
          channelData: { clientActivityID: 'client:' + text },
        } as any)
        .subscribe({ next: (id) => resolve(id as string), error: reject });
    });
  }

  end(): void {
    this.subscription.unsubscribe();
    this.directLine.end();
  }
}

describe('botframework-directlinejs (the client inside Web Chat) against our Direct Line', function () {
  this.timeout(30_000);
  let app: TestApp;
  const saved: Globals = {};

  before(async () => {
    const g = globalThis as Globals;
    saved.XMLHttpRequest = g.XMLHttpRequest;
    saved.WebSocket = g.WebSocket;
    g.XMLHttpRequest = XMLHttpRequest;
    g.WebSocket = WebSocket;
    app = await startTestApp();
  });

  after(async () => {
    const g = globalThis as Globals;
    g.XMLHttpRequest = saved.XMLHttpRequest;
    g.WebSocket = saved.WebSocket;
    await app?.close();
  });

  async function token(): Promise<{ token: string; conversationId: string }> {
    const generated = await call(`${app.directLineUrl}/tokens/generate`, { method: 'POST' });
    expect(generated.status).to.equal(200);
    expect(generated.body.expires_in).to.equal(1800);
    return generated.body;
  }

  for (const mode of ['polling', 'WebSocket'] as const) {
    it(`completes a conversation by ${mode}: welcome, question, answer, a suggested action`, async () => {
      const { token: t } = await token();
      const directLine = new DirectLine({ domain: app.directLineUrl, token: t, webSocket: mode === 'WebSocket', pollingInterval: 200 });
      const client = new Client(directLine);
      try {
        const welcome = await client.waitFor(
          (a) => a.from?.role === 'bot' && /I can explain what acupuncture and dry needling are/.test(a.text ?? ''),
          'the welcome',
        );
        expect(welcome.channelId).to.equal('webchat');
        expect(welcome.suggestedActions.actions.map((a: any) => a.title)).to.include('About dry needling');
        await eventually(() => directLine.connectionStatus$.getValue() === ConnectionStatus.Online, 5000, 'online');

        const id = await client.send('what is dry needling?');
        const echo = await client.waitFor((a) => a.id === id, 'the echo of our message');
        // The server decides who the visitor is, not the client.
        expect(echo.from.id).to.match(/^dl_/);
        expect(echo.from.id).to.not.equal('made-up-by-the-client');
        expect(echo.channelData.clientActivityID).to.equal('client:what is dry needling?'); // what Web Chat matches its "sending…" bubble with

        const answer = await client.waitFor((a) => a.replyToId === id, 'the answer');
        expect(answer.text).to.contain('grounded in Western medicine principles');
        expect(answer.recipient.id).to.equal(echo.from.id);

        // A suggested action is pressed by sending its value.
        const conditions = answer.suggestedActions.actions.find((a: any) => a.title === 'Conditions treated');
        const id2 = await client.send(conditions.value);
        const answer2 = await client.waitFor((a) => a.replyToId === id2, 'the answer to the suggested action');
        expect(answer2.text).to.contain('Plantar fasciitis');

        expect(
          client.received.filter((a) => a.type === 'trace'),
          'trace activities are for staff only',
        ).to.deep.equal([]);
        expect(new Set(client.received.map((a) => a.id)).size, 'each activity once').to.equal(client.received.length);
      } finally {
        client.end();
      }
    });
  }

  it('resumes a conversation with conversationId and token, as the page does after a reload, and the bot remembers it', async () => {
    const { token: t } = await token();
    const first = new Client(new DirectLine({ domain: app.directLineUrl, token: t, webSocket: true }));
    let conversationId: string;
    try {
      await first.waitFor((a) => /I can explain/.test(a.text ?? ''), 'the welcome');
      const id = await first.send('what is dry needling?');
      await first.waitFor((a) => a.replyToId === id, 'the answer');
      conversationId = (first.directLine as any).conversationId;
    } finally {
      first.end();
    }

    const refreshed = await call(`${app.directLineUrl}/tokens/refresh`, { method: 'POST', token: t });
    expect(refreshed.status).to.equal(200);
    const second = new Client(new DirectLine({ domain: app.directLineUrl, token: refreshed.body.token, conversationId, webSocket: true }));
    try {
      // The history comes back, without a second welcome…
      await second.waitFor((a) => /grounded in Western medicine principles/.test(a.text ?? ''), 'the history');
      expect(second.received.filter((a) => /I can explain/.test(a.text ?? ''))).to.have.length(1);
      // …and the bot still knows we were talking about dry needling.
      const id = await second.send('how does it work?');
      const answer = await second.waitFor((a) => a.replyToId === id, 'the answer');
      expect(answer.text).to.contain('trigger points');
    } finally {
      second.end();
    }
  });
});

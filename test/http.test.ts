/**
 * The HTTP surface, on the real restify server on a free port, with real Bot Framework activities.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startApp, RunningApp } from '../src/app';
import { loadConfig } from '../src/config';
import { silentLogger } from '../src/logger';
import { tempDataDir } from './helpers';
import { TRACE_NAME } from '../src/turn/trace';
import { startConnectorStub } from './connectorStub';

function activity(text: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'message',
    id: 'act-' + Math.random().toString(36).slice(2),
    text,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:1',
    conversation: { id: 'conv-' + Math.random().toString(36).slice(2) },
    from: { id: 'patient-1', name: 'Patient' },
    recipient: { id: 'clinic-bot', name: 'Clinic bot' },
    ...extra,
  };
}

async function post(url: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const res = await fetch(url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

describe('HTTP: Bot Framework endpoint', function () {
  let app: RunningApp;

  before(async () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: tempDataDir(),
      MODEL_PATH: join(__dirname, '..', '..', 'data', 'test-model.json'),
      MAX_BODY_BYTES: '4096',
    });
    app = await startApp(config, { logger: silentLogger });
  });
  after(async () => app.close());

  it('GET /healthz answers ok', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).to.equal(200);
    expect(await res.json()).to.include({ status: 'ok' });
  });

  it('expectReplies returns the answer and the recognition trace in the response', async () => {
    const res = await post(`${app.url}/api/messages`, activity('can dry needling help my tennis elbow?', { deliveryMode: 'expectReplies' }));
    expect(res.status).to.equal(200);
    const activities = res.json.activities as any[];
    const message = activities.find((a) => a.type === 'message');
    expect(message.text).to.include('Tennis elbow (lateral epicondylitis)');
    const trace = activities.find((a) => a.type === 'trace' && a.name === TRACE_NAME);
    expect(trace.value.intent).to.equal('condition_query');
    expect(trace.value.outcome).to.equal('answered');
  });

  it('keeps conversation context between HTTP requests', async () => {
    const conversation = { id: 'context-' + Date.now() };
    await post(`${app.url}/api/messages`, activity('what is acupuncture?', { deliveryMode: 'expectReplies', conversation }));
    const res = await post(`${app.url}/api/messages`, activity('does it help insomnia?', { deliveryMode: 'expectReplies', conversation }));
    const message = (res.json.activities as any[]).find((a) => a.type === 'message');
    expect(message.text)
      .to.match(/^Our article mentions insomnia/)
      .and.include('acupuncture');
  });

  it('normal delivery posts the replies to the Bot Connector at serviceUrl', async () => {
    const stub = await startConnectorStub();
    try {
      const sent = activity('what is dry needling?', { serviceUrl: stub.url, channelId: 'webchat' });
      const res = await post(`${app.url}/api/messages`, sent);
      expect(res.status).to.be.within(200, 202);
      const replies = stub.received.filter((r) => r.body?.type === 'message');
      expect(replies).to.have.length(1);
      expect(replies[0].path).to.equal(`/v3/conversations/${encodeURIComponent(sent.conversation.id)}/activities/${encodeURIComponent(sent.id)}`);
      expect(replies[0].body.text).to.include('developed in the 1980s');
      expect(replies[0].body.replyToId).to.equal(sent.id);
      expect(replies[0].body.recipient.id).to.equal('patient-1');
      // Traces are for staff tools: Bot Framework only delivers them to the Emulator.
      expect(stub.received.filter((r) => r.body?.type === 'trace')).to.have.length(0);
    } finally {
      await stub.close();
    }
  });

  it('the welcome is posted on conversationUpdate', async () => {
    const stub = await startConnectorStub();
    try {
      const res = await post(`${app.url}/api/messages`, {
        ...activity('', { serviceUrl: stub.url }),
        type: 'conversationUpdate',
        text: undefined,
        membersAdded: [{ id: 'patient-1' }, { id: 'clinic-bot' }],
      });
      expect(res.status).to.be.within(200, 202);
      expect(stub.received.map((r) => r.body.text).join()).to.include('not a diagnosis');
    } finally {
      await stub.close();
    }
  });

  describe('bad requests get a 4xx JSON error, never a 500 or a stack trace', () => {
    const cases: Array<[string, string, Record<string, string> | undefined, number]> = [
      ['an empty object', '{}', undefined, 400],
      ['text without type', '{"text":"hi"}', undefined, 400],
      ['malformed JSON', '{"type": "message",', undefined, 400],
      ['a JSON array', '[1,2]', undefined, 400],
      ['text/plain', 'hello', { 'content-type': 'text/plain' }, 400],
    ];
    for (const [name, body, headers, status] of cases) {
      it(name, async () => {
        const res = await post(`${app.url}/api/messages`, body, headers);
        expect(res.status).to.equal(status);
        expect(res.json).to.have.property('error').that.is.a('string');
        expect(res.text).to.not.match(/at .*\.js:\d+/);
      });
    }

    it('a body over MAX_BODY_BYTES gets 413', async () => {
      const res = await post(`${app.url}/api/messages`, activity('x'.repeat(10_000), { deliveryMode: 'expectReplies' }));
      expect(res.status).to.equal(413);
      expect(res.json).to.have.property('error');
    });

    it('the server still answers afterwards', async () => {
      const res = await post(`${app.url}/api/messages`, activity('hello', { deliveryMode: 'expectReplies' }));
      expect(res.status).to.equal(200);
    });
  });
});

describe('HTTP: shutting down', () => {
  it('/healthz says draining (503) while requests in flight finish', async () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: tempDataDir(),
      MODEL_PATH: join(__dirname, '..', '..', 'data', 'test-model.json'),
    });
    const app = await startApp(config, { logger: silentLogger });
    const closing = app.close(5000, 300);
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).to.equal(503); // a load balancer stops routing here
    expect(await health.json()).to.deep.equal({ status: 'draining' });
    const answer = await post(`${app.url}/api/messages`, activity('what is acupuncture', { deliveryMode: 'expectReplies' }));
    expect(answer.status).to.equal(200); // still answered during the accept window
    await closing;
    const refused = await fetch(`${app.url}/healthz`).then(
      () => 'answered',
      () => 'refused',
    );
    expect(refused).to.equal('refused');
  });
});

describe('HTTP: the real process', () => {
  it('starts, answers, and exits cleanly on SIGTERM', async function () {
    this.timeout(30000);
    const child = spawn(process.execPath, [join(__dirname, '..', 'src', 'index.js')], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: tempDataDir(),
        MODEL_PATH: join(__dirname, '..', '..', 'data', 'test-model.json'),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no listening line: ' + output)), 25000);
      child.stdout.on('data', (d) => {
        output += d;
        const m = output.match(/"port":(\d+)/);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
    });
    const res = await post(`http://127.0.0.1:${port}/api/messages`, activity('my knee hurts, can you help?', { deliveryMode: 'expectReplies' }));
    expect(res.status).to.equal(200);
    // Turns in flight when SIGTERM arrives are finished and answered before the process exits: twenty
    // requests are sent, SIGTERM follows as soon as the first answer is back, and every one is answered.
    const inFlight = Array.from({ length: 20 }, (_, i) =>
      post(`http://127.0.0.1:${port}/api/messages`, activity(`what is dry needling? ${i}`, { deliveryMode: 'expectReplies' })),
    );
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await Promise.race(inFlight);
    child.kill('SIGTERM');
    const answered = await Promise.allSettled(inFlight);
    const statuses = answered.map((a) => (a.status === 'fulfilled' ? a.value.status : String(a.reason?.cause?.code ?? a.reason)));
    expect(statuses).to.deep.equal(new Array(20).fill(200));
    expect(await exit).to.equal(0);
    // Patient privacy: info logs carry no message text.
    expect(output).to.not.include('knee');
    expect(output).to.include('"msg":"turn"');
  });
});

/**
 * Faults inside a turn: the user gets an apology with a reference, staff get a log line with the same
 * correlation id (and no message text), and the conversation's state is as it was before the failed turn.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { startApp, RunningApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { clinic, tempDataDir } from './helpers';

describe('a turn that fails', () => {
  let app: RunningApp;
  const lines: any[] = [];

  before(async () => {
    const { recognizer } = clinic();
    const failing = {
      recognize: (text: string) => {
        if (text.includes('boom')) throw new Error('recognizer exploded');
        return recognizer.recognize(text);
      },
    };
    const logger = createLogger('info', {}, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: tempDataDir(), MODEL_PATH: join(__dirname, '..', '..', 'data', 'test-model.json') });
    app = await startApp(config, { logger, recognizer: failing });
  });
  after(() => app.close());

  const say = async (conversationId: string, text: string) => {
    const res = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text,
        deliveryMode: 'expectReplies',
        channelId: 'webchat',
        serviceUrl: 'http://127.0.0.1:1',
        conversation: { id: conversationId },
        from: { id: 'u' },
        recipient: { id: 'b' },
      }),
    });
    const body = await res.json();
    return { status: res.status, text: (body.activities ?? []).filter((a: any) => a.type === 'message').map((a: any) => a.text).join('\n') };
  };

  it('apologises with a reference that matches the error log, which carries no message text', async () => {
    const r = await say('fault-1', 'boom my secret knee problem');
    expect(r.status).to.equal(200);
    expect(r.text).to.include('something went wrong');
    const reference = /Reference: ([0-9a-f]{8})/.exec(r.text)?.[1];
    expect(reference).to.be.a('string');
    const logged = lines.find((l) => l.msg === 'turn failed');
    expect(logged.correlationId.startsWith(reference)).to.equal(true);
    expect(logged.conversationId).to.equal('fault-1');
    expect(JSON.stringify(lines)).to.not.include('secret knee');
  });

  it('leaves the conversation where it was: the dialog carries on after the failed turn', async () => {
    expect((await say('fault-2', 'which treatment suits me?')).text).to.include('what would you mainly like help with');
    expect((await say('fault-2', 'boom')).text).to.include('something went wrong');
    expect((await say('fault-2', 'Posture')).text).to.include('which approach');
  });
});

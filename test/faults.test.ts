/**
 * Faults inside a turn: the user gets an apology with a reference, staff get a log line with the same
 * correlation id (and no message text), and the conversation's state is as it was before the failed turn.
 */
import { expect } from 'chai';
import { startApp, RunningApp } from '../src/app';
import { createLogger } from '../src/logger';
import { ask, clinic, replyText, testConfig } from './helpers';

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
    const config = testConfig({});
    app = await startApp(config, { logger, recognizer: failing });
  });
  after(() => app.close());

  const say = async (conversationId: string, text: string) => ({
    status: 200,
    text: replyText(await ask(app.port, conversationId, text, { channelId: 'webchat' })),
  });

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
    expect((await say('fault-2', 'Ongoing pain')).text).to.include('which approach');
  });
});

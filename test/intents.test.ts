/**
 * The intent registry (dialogs/intents.ts): every intent the knowledge base trains has a route and a button title,
 * and the bot refuses to start when a training file and the registry disagree.
 */
import { expect } from 'chai';
import { MemoryStorage } from 'botbuilder';
import { checkIntentRegistry, INTENT_REGISTRY } from '../dialogs/intents';
import { createBot } from '../src/bot/createBot';
import { KnowledgeError } from '../src/knowledge/load';
import { intentsOf } from '../src/knowledge/types';
import { clinic } from './helpers';

describe('intent registry', () => {
  const { knowledge, recognizer } = clinic();

  it('has an entry for every intent file and a file for every entry', () => {
    expect(Object.keys(INTENT_REGISTRY).sort()).to.deep.equal(intentsOf(knowledge).sort());
    expect(() => checkIntentRegistry(knowledge)).to.not.throw();
  });

  it('gives every intent a button title that fits every channel (20 characters)', () => {
    for (const [intent, entry] of Object.entries(INTENT_REGISTRY)) expect(entry.title.length, intent).to.be.within(1, 20);
  });

  it('refuses to start the bot when a training file has no route, naming the file', () => {
    const extra = { ...knowledge, training: [...knowledge.training, { text: 'do you have parking', intent: 'parking' }] };
    expect(() => createBot({ knowledge: extra, recognizer, storage: new MemoryStorage() })).to.throw(
      KnowledgeError,
      /intents\/parking\.txt.*intent registry/,
    );
  });

  it('refuses to start the bot when a route has no training file', () => {
    const fewer = { ...knowledge, training: knowledge.training.filter((t) => t.intent !== 'similarity') };
    expect(() => createBot({ knowledge: fewer, recognizer, storage: new MemoryStorage() })).to.throw(KnowledgeError, /intents\/similarity\.txt/);
  });
});

import { expect } from 'chai';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KnowledgeError, loadKnowledge, stripPageNoise } from '../src/knowledge/load';
import type { Knowledge } from '../src/knowledge/types';
import { checkIntentRegistry } from '../dialogs/intents';
import { clinic, KNOWLEDGE_DIR } from './helpers';

function brokenCopy(edit: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  edit(dir);
  return dir;
}

function editJson(dir: string, file: string, change: (data: any) => void): void {
  const path = join(dir, file);
  const data = JSON.parse(readFileSync(path, 'utf8'));
  change(data);
  writeFileSync(path, JSON.stringify(data));
}

function loadError(edit: (dir: string) => void, check: (knowledge: Knowledge) => void = () => undefined): KnowledgeError {
  const dir = brokenCopy(edit);
  try {
    check(loadKnowledge(dir));
  } catch (err) {
    expect(err).to.be.instanceOf(KnowledgeError);
    return err as KnowledgeError;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error('the broken knowledge base loaded without an error');
}

describe('knowledge base', () => {
  const { knowledge } = clinic();

  it('a safety lexicon concept holds the phrases of the concepts it includes ("took" and "swallowed" are both ways of taking something in)', () => {
    const ingest = knowledge.safety.lexicon.concepts.get('ingest')!;
    expect(ingest).to.include('took');
    expect(ingest).to.include.members(knowledge.safety.lexicon.concepts.get('ingeststrong')!);
    expect(ingest).to.not.include('{ingeststrong}');
  });

  it('holds the article’s 21 dry needling conditions, named exactly as the article lists them', () => {
    const article = readFileSync(join(KNOWLEDGE_DIR, 'article.txt'), 'utf8');
    const listed = article
      .split('\n')
      .filter((l) => l.startsWith('– '))
      .map((l) => l.slice(2).trim());
    const names = knowledge.conditions.filter((c) => c.list === 'dryNeedling').map((c) => c.name);
    expect(listed).to.have.length(21);
    expect(names).to.deep.equal(listed);
  });

  it('drops the “Please turn on Javascript!” page noise from the article', () => {
    expect(knowledge.article).to.not.match(/javascript/i);
    expect(knowledge.article).to.include('Sports injuries');
    expect(stripPageNoise('Knowledge.\n\nSi prega di attivare i Javascript! / Please turn on Javascript!')).to.equal('Knowledge.');
  });

  it('has training examples for every intent, including an explicit out-of-scope class', () => {
    const intents = new Set(knowledge.training.map((t) => t.intent));
    expect([...intents]).to.include.members(['out_of_scope', 'what_is', 'condition_query', 'difference', 'human']);
    for (const intent of intents) expect(knowledge.training.filter((t) => t.intent === intent).length, intent).to.be.at.least(20);
  });

  it('ships obviously fake clinic details by default', () => {
    expect(knowledge.clinic.name).to.match(/placeholder|example/i);
    expect(knowledge.clinic.email).to.match(/\.example$/);
    expect(knowledge.clinic.bookingUrl).to.match(/\.example\//);
  });

  describe('validation names the file and the field, and refuses to load', () => {
    it('a missing clinic phone', () => {
      const err = loadError((dir) => editJson(dir, 'clinic.json', (d) => delete d.phone));
      expect(err.file).to.equal('clinic.json');
      expect(err.field).to.equal('phone');
    });

    it('an answer whose source is not in the article (no invented medical claims)', () => {
      const err = loadError((dir) =>
        editJson(dir, 'answers.json', (d) => d.topics.what_is.acupuncture.sources.push('Acupuncture cures all diseases.')),
      );
      expect(err.file).to.equal('answers.json');
      expect(err.field).to.equal('topics.what_is.acupuncture.sources[1]');
      expect(err.message).to.match(/not found word for word in article/);
    });

    it('a condition name that is not the article’s', () => {
      const err = loadError((dir) => editJson(dir, 'conditions.json', (d) => (d.dryNeedling.conditions[3].name = 'Tennis wrist')));
      expect(err.file).to.equal('conditions.json');
      expect(err.field).to.equal('dryNeedling.conditions[3].name');
    });

    it('an alias given to two conditions', () => {
      const err = loadError((dir) => editJson(dir, 'conditions.json', (d) => d.dryNeedling.conditions[0].aliases.push('tennis elbow')));
      expect(err.file).to.equal('conditions.json');
      expect(err.field).to.equal('dryNeedling.conditions[3].aliases');
      expect(err.message).to.include('"tennis elbow" is also an alias of "Chronic lower back pain"');
    });

    it('a complaint of another kind that is also a listed condition’s word', () => {
      const err = loadError((dir) => editJson(dir, 'conditions.json', (d) => d.otherComplaints.push('tennis elbow')));
      expect(err.file).to.equal('conditions.json');
      expect(err.field).to.equal('otherComplaints');
      expect(err.message).to.include('"tennis elbow"');
    });

    it('a safety sign pattern that does not parse', () => {
      const err = loadError((dir) => editJson(dir, 'safety/signs.json', (d) => d.signs[0].patterns.push('chest (pain')));
      expect(err.file).to.equal('safety/signs.json');
      expect(err.field).to.match(/^signs\[0\]\.patterns\[\d+\]$/);
    });

    it('a safety lexicon concept that includes an unknown concept, or itself', () => {
      const unknown = loadError((dir) => editJson(dir, 'safety/lexicon.json', (d) => d.concepts.ingest.push('{swallowwords}')));
      expect(unknown.file).to.equal('safety/lexicon.json');
      expect(unknown.field).to.equal('concepts.ingest');
      expect(unknown.message).to.include('{swallowwords}');
      const itself = loadError((dir) => editJson(dir, 'safety/lexicon.json', (d) => d.concepts.ingeststrong.push('{ingest}')));
      expect(itself.message).to.match(/includes itself/);
    });

    it('a training file for an intent the bot does not know (no entry in the intent registry)', () => {
      const err = loadError((dir) => writeFileSync(join(dir, 'intents', 'prices.txt'), 'how much\nprice\ncost\nfees\ncharge\n'), checkIntentRegistry);
      expect(err.file).to.equal('intents/prices.txt');
      expect(err.message).to.match(/intent registry/);
    });

    it('a missing training file for an intent the registry answers', () => {
      const err = loadError((dir) => unlinkSync(join(dir, 'intents', 'greeting.txt')), checkIntentRegistry);
      expect(err.file).to.equal('intents/greeting.txt');
    });

    it('a training file whose name is not an intent name', () => {
      const err = loadError((dir) => writeFileSync(join(dir, 'intents', 'Prices & fees.txt'), 'how much\nprice\ncost\nfees\ncharge\n'));
      expect(err.file).to.equal('intents/Prices & fees.txt');
    });

    it('a claim whose source is not in the article', () => {
      const err = loadError((dir) => editJson(dir, 'answers.json', (d) => d.claims.suitsInternal.sources.push('Acupuncture cures insomnia.')));
      expect(err.file).to.equal('answers.json');
      expect(err.field).to.match(/^claims\.suitsInternal\.sources\[\d+\]$/);
    });

    it('a missing claim', () => {
      const err = loadError((dir) => editJson(dir, 'answers.json', (d) => delete d.claims.compareBoth));
      expect(err.field).to.equal('claims.compareBoth');
    });

    it('a passage role the dialogs do not know', () => {
      const err = loadError((dir) => editJson(dir, 'answers.json', (d) => (d.passages.find((p: any) => p.id === 'dn_when').roles = ['history'])));
      expect(err.field).to.match(/^passages\[\d+\]\.roles$/);
      expect(err.message).to.match(/unknown role "history"/);
    });

    it('two passages of one treatment with the same role (which would answer would depend on the file order)', () => {
      const err = loadError((dir) => editJson(dir, 'answers.json', (d) => (d.passages.find((p: any) => p.id === 'dn_who').roles = ['age'])));
      expect(err.field).to.match(/^passages\[\d+\]\.roles$/);
      expect(err.message).to.match(/already has that role/);
    });

    it('malformed JSON', () => {
      const err = loadError((dir) => writeFileSync(join(dir, 'answers.json'), '{ "topics": '));
      expect(err.file).to.equal('answers.json');
      expect(err.message).to.match(/not valid JSON/);
    });
  });

  it('a knowledge error stops the bot from starting, with the file and field in the message', async () => {
    const { spawnSync } = await import('node:child_process');
    const dir = brokenCopy((d) => editJson(d, 'clinic.json', (c) => (c.email = 'not-an-email')));
    try {
      const run = spawnSync(process.execPath, [join(__dirname, '..', 'src', 'index.js')], {
        env: { ...process.env, KNOWLEDGE_DIR: dir, PORT: '0', MODEL_PATH: join(dir, 'model.json') },
        encoding: 'utf8',
        timeout: 20000,
      });
      expect(run.status).to.equal(1);
      expect(run.stderr).to.include('clinic.json').and.include('email');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

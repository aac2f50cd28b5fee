import { expect } from 'chai';
import { analyse } from '../src/nlu/analyse';
import { resolveQuestion } from '../src/nlu/context';
import { extractFeatures } from '../src/nlu/features';
import { NaiveBayesModel, softmax } from '../src/nlu/naiveBayes';
import { cleanText, tokenize, words } from '../src/nlu/normalize';
import { buildMatchers, IntentRecognizer, NONE_INTENT } from '../src/nlu/recognizer';
import { phraseEntries, PhraseMatcher } from '../src/nlu/entities';
import { readdirSync, readFileSync } from 'node:fs';
import { editDistance, SpellCorrector } from '../src/nlu/spelling';
import { loadOrTrainClinicModel } from '../src/nlu/clinic';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clinic } from './helpers';
import { PROJECT_ROOT } from '../src/config';

describe('normalisation', () => {
  it('keeps the words that carry intent and expands contractions', () => {
    expect(words("What's the difference? Isn't it the same?")).to.deep.equal(['what', 'is', 'the', 'difference', 'is', 'not', 'it', 'the', 'same']);
    expect(words('Golfer’s elbow')).to.deep.equal(['golfers', 'elbow']);
  });

  it('removes control characters and bidi overrides so a message reads as it was sent', () => {
    expect(cleanText('dry\u202E needling\u0000\u200B')).to.equal('dry needling');
  });

  it('drops punctuation and emoji but keeps offsets into the cleaned text', () => {
    const text = cleanText('🙂 Tennis-elbow!!');
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.norm)).to.deep.equal(['tennis', 'elbow']);
    expect(text.slice(tokens[0].start, tokens[1].end)).to.equal('Tennis-elbow');
  });
});

describe('typo correction', () => {
  it('measures transpositions as one edit', () => {
    expect(editDistance('dose', 'does')).to.equal(1);
    expect(editDistance('acupunture', 'acupuncture')).to.equal(1);
  });

  it('corrects towards known words only, and leaves short words alone', () => {
    const speller = new SpellCorrector(
      new Map([
        ['acupuncture', 10],
        ['needling', 8],
        ['pain', 5],
      ]),
    );
    expect(speller.correct('acupunture')).to.equal('acupuncture');
    expect(speller.correct('neddling')).to.equal('needling');
    expect(speller.correct('paint')).to.equal('paint'); // not "pain": an added letter on a short word is a different word
    expect(speller.correct('weather')).to.equal('weather');
  });
});

describe('condition entities', () => {
  const { knowledge } = clinic();
  const matchers = buildMatchers(knowledge);
  const found = (text: string) => analyse(text, matchers).conditions.map((c) => [c.value.name, c.text]);

  it('matches by alias, stem and small typos, and reports what the user wrote', () => {
    expect(found('can it help my planter fasciitis?')).to.deep.equal([['Plantar fasciitis', 'planter fasciitis']]);
    expect(found('tenis elbow')).to.deep.equal([['Tennis elbow (lateral epicondylitis)', 'tenis elbow']]);
    expect(found('I have lateral epicondylitis')).to.deep.equal([['Tennis elbow (lateral epicondylitis)', 'lateral epicondylitis']]);
    expect(found('my TMJ clicks')[0][0]).to.equal('Temporomandibular joint disorder (TMD)');
    expect(found('jaw pain')[0][0]).to.equal('Temporomandibular joint disorder (TMD)');
    expect(found('RSI from typing')[0][0]).to.equal('Repetitive strain injuries');
    expect(found('piriformis')[0][0]).to.equal('Hip pain, including piriformis syndrome');
    expect(found('patellofemoral pain')[0][0]).to.equal('Knee pain, including patellofemoral pain syndrome');
    expect(found('a sore lower back')[0][0]).to.equal('Chronic lower back pain');
    expect(found('migraines')[0][0]).to.equal('Migraine and tension-type headaches');
  });

  it('prefers the longest alias and finds several conditions in one message', () => {
    expect(found('sprained ankle and tennis elbow').map((f) => f[0])).to.deep.equal(['Ankle sprains', 'Tennis elbow (lateral epicondylitis)']);
  });

  it('does not take a different condition for a listed one', () => {
    expect(found('rheumatoid arthritis')).to.deep.equal([]);
    expect(found('osteoarthritis in my hands')[0][0]).to.equal('Osteoarthritis');
    expect(found('when is the next train')).to.deep.equal([]); // not "strain"
  });

  it('finds treatments apart from conditions', () => {
    const a = analyse('does dry needling or acupunture help sciatica', matchers);
    expect(a.treatments.map((t) => t.value)).to.deep.equal(['dryNeedling', 'acupuncture']);
    expect(a.conditions.map((c) => c.value.name)).to.deep.equal(['Sciatica']);
    expect(a.words).to.deep.equal(['does', '<treatment>', 'or', '<treatment>', 'help', '<condition>']);
  });
});

describe('phrase matching', function () {
  // (an equivalence check over every phrase at every word of two read sets: 5-8 s on an idle machine, nearer 20 s on a
  // loaded one; its time is no target, so the default timeout must not fail it)
  this.timeout(120_000);
  const { knowledge: k } = clinic();
  // Every phrase the knowledge gives the matchers, in one list (with typos, stems and sound-alikes as in the bot).
  const phrases = [
    ...k.conditions.flatMap((c) => [...c.aliases, ...c.narrower, ...c.broader, ...c.cues, ...c.bodyParts, ...c.anyBodyPartCues]),
    ...k.descriptions.symptoms,
    ...k.descriptions.diagnoses,
    ...k.descriptions.unlistedBodyParts,
    ...k.passages.flatMap((p) => p.cues),
  ];
  const heldout = join(__dirname, '..', '..', 'test', 'heldout');
  const lines = (file: string): string[] =>
    file.endsWith('.jsonl')
      ? readFileSync(join(heldout, file), 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => (JSON.parse(l) as { text: string }).text)
      : (JSON.parse(readFileSync(join(heldout, file), 'utf8')) as Array<{ turns: Array<{ user: string }> }>).flatMap((c) =>
          c.turns.map((t) => t.user),
        );
  // Patients' own words, typos and all: a read pair of held-out sets.
  const messages = readdirSync(heldout)
    .filter((f) => /-4[12]\.jsonl?$/.test(f))
    .flatMap(lines);

  for (const bySound of [false, true]) {
    it(`finds exactly what trying every phrase at every word finds${bySound ? ', sound-alikes included' : ''}`, () => {
      const matcher = new PhraseMatcher(
        phrases.flatMap((p, i) => phraseEntries(i, [p])),
        bySound,
      );
      expect(messages.length).to.be.greaterThan(2000);
      let found = 0;
      for (const text of messages) {
        const tokens = words(text);
        const fast = matcher.match(tokens);
        expect(fast, text).to.deep.equal(matcher.matchEverywhere(tokens));
        found += fast.length;
      }
      expect(found).to.be.greaterThan(messages.length);
    });
  }
});

describe('features', () => {
  it('keeps question words, adds bigrams and the first word, prefixed so no word collides with Object properties', () => {
    const f = extractFeatures(['how', 'does', 'constructor', 'work']);
    expect(f).to.include.members(['w:how', 'w:doe', 'b:how_doe', 'f:how', 'w:constructor']);
    expect(f.every((x) => /^[wbfc]:/.test(x))).to.equal(true);
  });
});

describe('naive Bayes calibration', () => {
  const examples = [
    { features: ['w:price', 'w:cost'], label: 'price' },
    { features: ['w:cost', 'w:much'], label: 'price' },
    { features: ['w:hello', 'w:hi'], label: 'greet' },
    { features: ['w:hi', 'w:there'], label: 'greet' },
  ];

  it('turns natural’s unnormalised products into probabilities that sum to 1, in the same order', () => {
    const model = NaiveBayesModel.train(examples);
    const ours = model.classify(['w:cost', 'w:hi'], 1);
    const sum = ours.reduce((s, x) => s + x.score, 0);
    expect(sum).to.be.closeTo(1, 1e-9);
    const theirs = model.classifier.getClassifications(['w:cost', 'w:hi']);
    const total = theirs.reduce((s, x) => s + x.value, 0);
    for (const t of theirs) {
      expect(ours.find((o) => o.intent === t.label)!.score).to.be.closeTo(t.value / total, 1e-9);
    }
  });

  it('stays finite on long messages where natural’s products underflow to zero', () => {
    const many = Array.from({ length: 1200 }, (_, i) => `w:word${i}`);
    const model = NaiveBayesModel.train(
      [
        { features: many, label: 'long' },
        { features: ['w:other'], label: 'long' },
        { features: ['w:other'], label: 'long' },
        { features: ['w:hi'], label: 'short' },
      ],
      0.1,
    );
    expect(model.classifier.getClassifications(many).every((c) => c.value === 0)).to.equal(true);
    const ours = model.classify(many, 1);
    expect(ours[0].intent).to.equal('long');
    expect(ours[0].score).to.be.above(0.99);
  });

  it('a higher temperature spreads probability more evenly', () => {
    const scores = [
      { intent: 'a', log: -1 },
      { intent: 'b', log: -3 },
    ];
    expect(softmax(scores, 1)[0].score).to.be.above(softmax(scores, 4)[0].score);
  });

  it('survives a round trip through the model file format', () => {
    const model = NaiveBayesModel.train(examples);
    const restored = NaiveBayesModel.fromJSON(model.toJSON());
    expect(restored.classify(['w:cost'], 1)).to.deep.equal(model.classify(['w:cost'], 1));
  });
});

describe('recognizer', () => {
  const { recognizer } = clinic();

  it('recognises the main topics', () => {
    expect(recognizer.recognize('What is dry needling?').intent).to.equal('what_is');
    expect(recognizer.recognize('how does acupuncture work').intent).to.equal('how_it_works');
    expect(recognizer.recognize("what's the difference between acupuncture and dry needling").intent).to.equal('difference');
    expect(recognizer.recognize('can dry needling help my tennis elbow').intent).to.equal('condition_query');
  });

  it('declines a message with no word it knows instead of picking the first class', () => {
    const r = recognizer.recognize('zzqx blorf wibble');
    expect(r.intent).to.equal(NONE_INTENT);
    expect(r.reason).to.equal('no_domain_words');
  });

  it('declines off-topic questions', () => {
    for (const text of ["what's the capital of peru", 'transfer $50 to my savings', 'play some jazz']) {
      const r = recognizer.recognize(text);
      expect([NONE_INTENT, 'out_of_scope'], text).to.include(r.intent);
    }
  });

  it('reports a probability and ranked alternatives', () => {
    const r = recognizer.recognize('how does dry needling work');
    expect(r.score).to.be.within(0, 1);
    expect(r.alternatives[0].intent).to.equal('how_it_works');
    expect(r.alternatives[0].score).to.be.at.least(r.alternatives[1].score);
  });

  it('does not classify an over-long message', () => {
    const r = recognizer.recognize('what is dry needling '.repeat(200));
    expect(r.reason).to.equal('too_long');
    expect(r.alternatives).to.deep.equal([]);
  });

  it('asks which intent was meant when the top two are close', () => {
    const { knowledge, model } = clinic();
    const tight = new IntentRecognizer({ ...model, calibration: { ...model.calibration, clarifyMargin: 1 } }, buildMatchers(knowledge), {
      maxChars: 1000,
      clarifiable: new Set(model.bayes.intents),
    });
    const r = tight.recognize('how does dry needling work');
    expect(r.reason).to.equal('ambiguous');
    expect(r.candidates?.[0]).to.equal('how_it_works');
  });

  it('flags an unlisted condition rather than matching it', () => {
    const r = recognizer.recognize('can dry needling help with asthma');
    expect(r.conditions).to.deep.equal([]);
    expect(r.unlistedMention).to.equal(true);
  });
});

describe('conversation context', () => {
  const { recognizer } = clinic();

  it('"does it help sciatica?" after dry needling means dry needling', () => {
    const q = resolveQuestion(recognizer.recognize('does it help sciatica?'), { lastTreatment: 'dryNeedling' });
    expect(q.treatment).to.equal('dryNeedling');
    expect(q.treatmentFromContext).to.equal(true);
    expect(q.condition?.value.name).to.equal('Sciatica');
  });

  it('"can it help with that?" takes the last condition', () => {
    const q = resolveQuestion(recognizer.recognize('can it help with that?'), { lastCondition: { name: 'Plantar fasciitis', list: 'dryNeedling' } });
    expect(q.condition?.value.name).to.equal('Plantar fasciitis');
    expect(q.conditionFromContext).to.equal(true);
  });

  it('a treatment named in the message beats the context', () => {
    const q = resolveQuestion(recognizer.recognize('how does acupuncture work'), { lastTreatment: 'dryNeedling' });
    expect(q.treatment).to.equal('acupuncture');
  });
});

describe('the model file', () => {
  it('is written when missing, loaded as it is next time, and retrained when the knowledge files change', () => {
    const { knowledge } = clinic();
    const dir = mkdtempSync(join(tmpdir(), 'model-'));
    const path = join(dir, 'model.json');
    try {
      const first = loadOrTrainClinicModel(knowledge, path);
      expect(first.retrained).to.equal(true);
      const second = loadOrTrainClinicModel(knowledge, path);
      expect(second.retrained).to.equal(false);
      expect(second.model.trainedAt).to.equal(first.model.trainedAt);
      expect(second.model.bayes.classify(['w:hello'], 1)).to.deep.equal(first.model.bayes.classify(['w:hello'], 1));
      // the scoring (character block weight) is saved with the model and applied after loading
      expect(second.model.scoring).to.deep.equal(first.model.scoring);
      const f = ['w:hello', 'c:^hel', 'c:llo$', 'c:needl'];
      expect(second.model.bayes.logScores(f)).to.deep.equal(first.model.bayes.logScores(f));
      const third = loadOrTrainClinicModel({ ...knowledge, hash: 'edited' }, path);
      expect(third.retrained).to.equal(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('off-topic messages are declined (test/heldout/offtopic-dev-1.jsonl, a development set)', () => {
  // 600 requests to a general assistant (banking, travel, recipes, music, sport…), 120 of them built on words the clinic
  // also uses in another sense ("digestive biscuits", "the prime meridian", "injury time"); written for session 39 by an
  // author who saw only the article and a brief, and read. 553 were declined on the start of that session (8216a6c);
  // the floor is the figure after. Social turns ("thank you", "are you a robot") are rightly answered and count against it.
  const lines = readFileSync(join(PROJECT_ROOT, 'test/heldout/offtopic-dev-1.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; text: string; kind: string });

  it('at least 557 of the 600 are declined', () => {
    const { recognizer } = clinic();
    const accepted = lines.filter((l) => {
      const r = recognizer.recognize(l.text);
      return r.intent !== NONE_INTENT && r.intent !== 'out_of_scope';
    });
    expect(lines.length).to.equal(600);
    expect(600 - accepted.length, accepted.map((l) => l.id).join(' ')).to.be.at.least(557);
  });

  it('"what is the stress test on a home loan" and "where is the prime meridian" name no condition or concept', () => {
    const { recognizer } = clinic();
    for (const text of ['what is the stress test on a home loan', 'where exactly is the prime meridian']) {
      const r = recognizer.recognize(text);
      expect(r.intent, text).to.equal('out_of_scope');
      expect(r.conditions, text).to.deep.equal([]);
      expect(r.treatments, text).to.deep.equal([]);
    }
  });
});

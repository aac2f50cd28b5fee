import { expect } from 'chai';
import { ActivityTypes } from 'botbuilder';
import { TRACE_LABEL, TRACE_NAME, TRACE_VALUE_TYPE } from '../src/turn/trace';
import { Conversation } from './helpers';

describe('the recognition trace contract', () => {
  it('every message turn emits exactly one ClinicRecognizer trace with the documented shape', async () => {
    const c = new Conversation();
    const turns = [
      ['what is dry needling?', 'answered'],
      ['which one suits me?', 'clarify'],
      ['Ongoing pain', 'clarify'],
      ['No preference', 'answered'],
      ['can it help tennis elbow?', 'answered'],
      ['how much does it cost?', 'fallback'],
      ['blorp zzz', 'fallback'],
      ['I want to speak to a human', 'handoff'],
      ['chest pain', 'urgent'],
      ['cancel', 'answered'],
    ];
    for (const [text, outcome] of turns) {
      const r = await c.say(text);
      const traces = r.traces.filter((t) => t.name === TRACE_NAME);
      expect(traces, text).to.have.length(1);
      const [trace] = traces;
      expect(trace.type).to.equal(ActivityTypes.Trace);
      expect(trace.label).to.equal(TRACE_LABEL);
      expect(trace.valueType).to.equal(TRACE_VALUE_TYPE);
      const v = trace.value;
      expect(v).to.include.keys('text', 'intent', 'score', 'alternatives', 'entities', 'outcome');
      expect(v.text).to.equal(text);
      expect(v.outcome, text).to.equal(outcome);
      expect(v.score).to.be.a('number').within(0, 1);
      for (const a of v.alternatives) {
        expect(a).to.have.keys('intent', 'score');
      }
      for (const e of v.entities) expect(e).to.have.keys('type', 'value', 'text');
    }
  });

  it('entities carry the article’s name and the user’s words', async () => {
    const r = await new Conversation().say('does needling help my tenis elbow and sore lower back?');
    expect(r.recognition?.entities).to.deep.equal([
      { type: 'condition', value: 'Tennis elbow (lateral epicondylitis)', text: 'tenis elbow' },
      { type: 'condition', value: 'Chronic lower back pain', text: 'sore lower back' },
    ]);
  });

  it('is the only trace of the turn', async () => {
    const r = await new Conversation().say('what is acupuncture');
    expect(r.traces).to.have.length(1);
  });

  it('non-message activities emit no recognition trace', async () => {
    const c = new Conversation();
    const joined = await c.join();
    expect(joined.traces).to.have.length(0);
    const typing = await c.send({ type: ActivityTypes.Typing });
    expect(typing.traces).to.have.length(0);
  });
});

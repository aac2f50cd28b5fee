import { expect } from 'chai';
import { findRedFlag } from '../src/bot/middleware';
import { clinic, Conversation } from './helpers';

describe('red flags come before anything else', () => {
  const { knowledge } = clinic();

  const urgent: Array<[string, string]> = [
    ['I have chest pain', 'chest_pain'],
    ['my chest feels tight and it hurts', 'chest_pain'],
    ["I can't breathe properly", 'breathing'],
    ['shortness of breath after my dry needling session', 'breathing'],
    ['cant breath after needling', 'breathing'],
    ['my face is drooping and my speech is slurred', 'stroke'],
    ['I think my dad is having a stroke', 'stroke'],
    ['I want to kill myself', 'suicide'],
    ['having suicidal thoughts', 'suicide'],
    ['the bleeding won’t stop where the needle went in', 'bleeding'],
    ['heavy bleeding', 'bleeding'],
    ['she fainted and is unconscious', 'collapse'],
    ['my throat is swelling up', 'allergy'],
  ];

  for (const [text, id] of urgent) {
    it(`“${text}” → ${id}`, () => {
      expect(findRedFlag(knowledge.redFlags, text)?.id).to.equal(id);
    });
  }

  it('ordinary questions are not red flags', () => {
    for (const text of [
      'what is dry needling',
      'can dry needling help my neck pain',
      'does acupuncture help with stress',
      'how does blood flow improve with dry needling',
      'breathing exercises for stress',
      'what are the side effects',
      'is the needle painful',
    ]) {
      expect(findRedFlag(knowledge.redFlags, text), text).to.equal(undefined);
    }
  });

  it('gives the emergency number and outcome urgent, without classifying', async () => {
    const r = await new Conversation().say('I have crushing chest pain right now');
    expect(r.text).to.include(`Call ${knowledge.clinic.emergencyNumber} now`);
    expect(r.recognition?.outcome).to.equal('urgent');
    expect(r.recognition?.intent).to.equal('red_flag');
    expect(r.recognition?.alternatives).to.deep.equal([]);
    expect(r.replies).to.have.length(1);
  });

  it('gives the crisis line for suicidal thoughts', async () => {
    const r = await new Conversation().say("I don't want to live anymore");
    expect(r.text).to.include(knowledge.clinic.crisisLine).and.include(knowledge.clinic.emergencyNumber);
    expect(r.recognition?.outcome).to.equal('urgent');
  });

  it('interrupts a dialog that is waiting for an answer, which then carries on', async () => {
    const c = new Conversation();
    await c.say('which treatment suits me?');
    const r = await c.say('I am having trouble breathing');
    expect(r.recognition?.outcome).to.equal('urgent');
    expect(r.text).to.include(knowledge.clinic.emergencyNumber);
    const next = await c.say('Muscles or joints');
    expect(next.text).to.include('Western medicine');
  });
});

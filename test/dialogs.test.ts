/**
 * Each dialog on its own with botbuilder-testing's DialogTestClient, as in the Bot Framework samples.
 */
import { expect } from 'chai';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { ConditionDialog } from '../dialogs/conditionDialog';
import { EnquiryDialog } from '../dialogs/enquiryDialog';
import { HandoffDialog } from '../dialogs/handoffDialog';
import { TopicDialog } from '../dialogs/topicDialog';
import { WhichTreatmentDialog } from '../dialogs/whichTreatmentDialog';
import { recommend } from '../src/knowledge/claims';
import { clinic, dialogDeps } from './helpers';

describe('dialogs', () => {
  const { knowledge } = clinic();

  describe('ConditionDialog', () => {
    it('answers at once when given a condition', async () => {
      const { deps, conversationState } = dialogDeps();
      const client = new DialogTestClient(
        'test',
        new ConditionDialog(deps),
        { condition: { value: { name: 'Sciatica', list: 'dryNeedling' }, text: 'sciatica' } },
        [],
        conversationState,
      );
      const reply = await client.sendActivity('can it help sciatica');
      expect(reply.text)
        .to.match(/^Yes\./)
        .and.include('Sciatica');
      expect(client.dialogTurnResult.status).to.equal(DialogTurnStatus.complete);
    });

    it('asks, re-asks once, then gives the list instead of looping', async () => {
      const { deps, conversationState } = dialogDeps();
      const client = new DialogTestClient('test', new ConditionDialog(deps), {}, [], conversationState);
      expect((await client.sendActivity('can you help')).text).to.include('Which condition');
      expect((await client.sendActivity('umm')).text).to.include('Please tell me the condition');
      const last = await client.sendActivity('hmm');
      expect(last.text).to.include('couldn’t tell which condition').and.include('Plantar fasciitis');
      expect(client.dialogTurnResult.status).to.equal(DialogTurnStatus.complete);
    });

    it('ends with "interrupted" when the answer is a different question', async () => {
      const { deps, conversationState } = dialogDeps();
      const client = new DialogTestClient('test', new ConditionDialog(deps), {}, [], conversationState);
      await client.sendActivity('can dry needling help me');
      await client.sendActivity('what is the difference between acupuncture and dry needling');
      expect(client.dialogTurnResult.status).to.equal(DialogTurnStatus.complete);
      expect(client.dialogTurnResult.result).to.deep.equal({ interrupted: true });
    });
  });

  describe('TopicDialog', () => {
    it('asks acupuncture or dry needling and answers the choice', async () => {
      const { deps, conversationState } = dialogDeps();
      const client = new DialogTestClient('test', new TopicDialog(deps), { topic: 'what_is' }, [], conversationState);
      const ask = await client.sendActivity('what is it');
      expect(ask.text).to.include('acupuncture or dry needling');
      const answer = await client.sendActivity('acupuncture');
      expect(answer.text).to.include('ancient Chinese medicine');
    });
  });

  describe('WhichTreatmentDialog', () => {
    it('walks both questions to a recommendation when the area does not decide it', async () => {
      const { deps, conversationState } = dialogDeps();
      const client = new DialogTestClient('test', new WhichTreatmentDialog(deps), undefined, [], conversationState);
      expect((await client.sendActivity('which suits me')).text).to.include('what would you mainly like help with');
      expect((await client.sendActivity('Ongoing pain')).text).to.include('which approach');
      const result = await client.sendActivity('Western medicine');
      expect(result.text).to.include('dry needling');
      expect(client.dialogTurnResult.status).to.equal(DialogTurnStatus.complete);
    });

    it('an area that decides it (posture, muscles, digestion or sleep) is answered without the second question', async () => {
      const { deps, conversationState } = dialogDeps();
      const client = new DialogTestClient('test', new WhichTreatmentDialog(deps), undefined, [], conversationState);
      await client.sendActivity('which suits me');
      const result = await client.sendActivity('Posture');
      expect(result.text).to.include('dry needling').and.include('postural re-patterning');
      expect(client.dialogTurnResult.status).to.equal(DialogTurnStatus.complete);
    });

    it('the recommendation follows the article', () => {
      expect(recommend(knowledge, 'muscles', 'none').treatment).to.equal('dryNeedling');
      expect(recommend(knowledge, 'posture', 'western').treatment).to.equal('dryNeedling');
      expect(recommend(knowledge, 'internal', 'none').treatment).to.equal('acupuncture');
      expect(recommend(knowledge, 'chronic', 'none').treatment).to.equal('both');
      expect(recommend(knowledge, 'unsure', 'chinese').treatment).to.equal('acupuncture');
      expect(recommend(knowledge, 'muscles', 'chinese').treatment).to.equal('both');
    });
  });

  describe('EnquiryDialog', () => {
    it('contact gives every clinic detail', async () => {
      const { deps, conversationState } = dialogDeps();
      const client = new DialogTestClient('test', new EnquiryDialog(deps), { kind: 'contact' }, [], conversationState);
      const reply = await client.sendActivity('contact');
      for (const v of [knowledge.clinic.phone, knowledge.clinic.email, knowledge.clinic.address, knowledge.clinic.openingHours]) {
        expect(reply.text).to.include(v);
      }
    });
  });

  describe('HandoffDialog', () => {
    it('gives the contact details first, then sends handoff.initiate (a refused event cannot cost the patient the message)', async () => {
      const { deps, conversationState } = dialogDeps();
      const client = new DialogTestClient('test', new HandoffDialog(deps), undefined, [], conversationState);
      const text = await client.sendActivity('talk to a person');
      expect(text.text).to.include(knowledge.clinic.phone);
      const event = client.getNextReply();
      expect(event.type).to.equal('event');
      expect(event.name).to.equal('handoff.initiate');
    });
  });
});

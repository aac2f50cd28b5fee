import { expect } from 'chai';
import { choiceIndexOf } from '../dialogs/clinicChoicePrompt';

describe('picking a choice by its number (ClinicChoicePrompt)', () => {
  it('reads a reply that is only a number or an ordinal', () => {
    const cases: Array<[string, number]> = [
      ['1', 0],
      ['2', 1],
      ['(3)', 2],
      ['2.', 1],
      ['#2', 1],
      ['option 2', 1],
      ['number 3', 2],
      ['No. 1', 0],
      ['the first', 0],
      ['The second one', 1],
      ['third one please', 2],
      ['2nd', 1],
      ['two', 1],
      ['I’ll take the first one', 0],
      ['go with option 3', 2],
    ];
    for (const [text, index] of cases) expect(choiceIndexOf(text), text).to.equal(index);
  });

  it('does not take a number inside a longer message, or zero, as a pick', () => {
    for (const text of ['I have 2 sore knees', 'is 1 session enough?', '0', 'the second time it hurt', 'what is option', '', '   '])
      expect(choiceIndexOf(text), text).to.equal(undefined);
  });
});

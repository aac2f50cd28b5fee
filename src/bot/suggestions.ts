/**
 * Follow-up buttons. The title fits every channel's button (20 characters); pressing it sends the
 * value, a full question the recognizer understands (a test checks each one routes to its intent).
 */
export interface Suggestion {
  title: string;
  value: string;
  /** The intent the value must be recognised as. */
  intent: string;
}

export const SUGGESTIONS = {
  whatIsAcupuncture: { title: 'About acupuncture', value: 'What is acupuncture?', intent: 'what_is' },
  whatIsDryNeedling: { title: 'About dry needling', value: 'What is dry needling?', intent: 'what_is' },
  howItWorks: { title: 'How does it work?', value: 'How does it work?', intent: 'how_it_works' },
  difference: { title: 'The difference', value: 'What is the difference between acupuncture and dry needling?', intent: 'difference' },
  dryNeedlingUses: { title: 'Conditions treated', value: 'What conditions can dry needling treat?', intent: 'uses' },
  whichSuits: { title: 'Which suits me?', value: 'Which treatment suits me?', intent: 'which_suits' },
  book: { title: 'Book a visit', value: 'I want to book an appointment', intent: 'booking' },
  contact: { title: 'Contact details', value: 'What are your contact details?', intent: 'contact' },
  person: { title: 'Talk to a person', value: 'I want to talk to a person', intent: 'human' },
} satisfies Record<string, Suggestion>;

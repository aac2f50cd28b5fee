/**
 * The people a patient tells of besides themselves: relatives, friends, workmates ("my aunty", "a bloke at work", "my
 * brother-in-law"), as words for patterns, in the normalised form messages take (lower case, hyphens as spaces).
 * Why one list: the recognizer sets aside another person's story beside the writer's own complaint, and the safety
 * triage does not count another person's treatment as the writer's session; both read the same people.
 * Lower layer: no imports.
 */

/** Relatives, friends and workmates, longest phrases first (a pattern alternation: "brother in law|…|coach"). */
export const KIN_AND_FRIENDS = [
  'brother in law',
  'sister in law',
  'mother in law',
  'father in law',
  'brother',
  'sister',
  'mum',
  'mom',
  'mother',
  'dad',
  'father',
  'nan',
  'nana',
  'grandma',
  'grandmother',
  'grandpa',
  'grandad',
  'aunt',
  'aunty',
  'auntie',
  'uncle',
  'cousin',
  'niece',
  'nephew',
  'friend',
  'mate',
  'workmate',
  'colleague',
  'coworker',
  'boss',
  'neighbour',
  'neighbor',
  'bloke',
  'guy',
  'lady',
  'son',
  'daughter',
  'flatmate',
  'housemate',
  'teammate',
  'trainer',
  'coach',
].join('|');

/**
 * npm run test:unit: the fast tests, for the edit-test loop (under a minute, most of it the build). A test file
 * belongs here when it opens no port, starts no server, Azurite or browser, and runs in a few seconds; everything
 * else (HTTP, Direct Line, restarts, scale-out, the browser tests, the corpus runs) runs only in the full `npm test`,
 * which runs these too. Add a new file here when it meets that rule.
 */
const UNIT = [
  'cachingAuthentication',
  'channelLayer',
  'clinicChoicePrompt',
  'config',
  'conversation',
  'deployment',
  'dialogs',
  'docs',
  'groupCommit',
  'intents',
  'knowledge',
  'layers',
  'layout',
  'nlu',
  'rendering',
  'safety',
  'settings',
  'storage',
  'trace',
  'transcripts',
];

module.exports = {
  spec: UNIT.map((name) => `dist/test/${name}.test.js`),
  timeout: 20000,
  reporter: 'dot',
  exit: true,
};

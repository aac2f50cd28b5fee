/**
 * What every browser test shares: Debian's Chromium (never a downloaded browser) and the flags that keep it
 * headless and quiet. Without the background-networking flags Chromium calls home, which this network does not allow.
 */
export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

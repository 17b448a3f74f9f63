/**
 * How every Playwright suite launches Chromium: Debian's build (never a downloaded one), no sandbox (CI runs as
 * root), no GPU, and none of the browser's own network traffic (updates, sync, QUIC) mixed into what tests observe.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

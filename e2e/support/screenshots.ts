/**
 * The README's screenshots (public/*.png) are refreshed only on request:
 * `UPDATE_SCREENSHOTS=1 npm run test:e2e`. Otherwise they are written under
 * test-results/, so an ordinary test run leaves the work tree clean.
 */
export const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';

export function screenshotPath(file: string): string {
  return UPDATE_SCREENSHOTS ? `public/${file}` : `test-results/screenshots/${file}`;
}

/**
 * The test identity provider as a process, for the Playwright sign-in suite
 * (playwright.auth.config.ts starts it): `OIDC_PORT` to listen on (loopback),
 * `APP_ORIGIN` whose /api/auth/callback it accepts (several: comma-separated).
 */
import { startOidcProvider } from './oidc';

const port = Number(process.env.OIDC_PORT);
const appOrigin = process.env.APP_ORIGIN;
if (!port || !appOrigin) {
  console.error('Set OIDC_PORT and APP_ORIGIN');
  process.exit(2);
}
startOidcProvider({ port, appOrigins: appOrigin.split(',').map((o) => o.trim()) }).then(
  (p) => console.log(`test OpenID provider at ${p.issuer}`),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

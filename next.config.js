/** @type {import('next').NextConfig} */

// The Content-Security-Policy (with a per-request script nonce) and HSTS are
// set by proxy.ts; these are the static ones, a fallback for any response the
// proxy does not see.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
];

const nextConfig = {
  // A separate build directory lets parallel builds (CI, a dev server) not trample each other.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['better-sqlite3'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};
module.exports = nextConfig;

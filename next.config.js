/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build directory lets parallel builds (CI, a dev server) not trample each other.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['better-sqlite3'],
};
module.exports = nextConfig;

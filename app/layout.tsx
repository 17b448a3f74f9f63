import type { Metadata } from 'next';
import { connection } from 'next/server';
import Link from 'next/link';
import type { ReactNode } from 'react';
import './globals.css';
import { AppNavLinks } from '@/components/designer/app-nav-links';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: 'Connector Studio',
  description: 'Design, validate, export and provision Alkira Azure ExpressRoute connectors.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request, so Next can put the proxy's CSP nonce on its scripts.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-sm dark:focus:bg-slate-800"
        >
          Skip to content
        </a>
        <header className="sticky top-0 z-40 border-b border-slate-800 bg-slate-900 text-white dark:border-slate-700">
          <div className="mx-auto flex h-12 max-w-[1680px] items-center gap-6 px-4">
            <Link href="/" className="flex items-center gap-2 rounded text-sm font-semibold tracking-tight">
              <span aria-hidden="true" className="inline-block size-5 rounded bg-blue-500 ring-2 ring-blue-300/40" />
              Connector Studio
            </Link>
            <nav aria-label="Main">
              <AppNavLinks />
            </nav>
          </div>
        </header>
        <Providers>
          <main id="main">{children}</main>
        </Providers>
      </body>
    </html>
  );
}

import type { Metadata } from 'next';
import { connection } from 'next/server';
import Link from 'next/link';
import { Suspense, type ReactNode } from 'react';
import './globals.css';
import { SignInPrompt } from '@/components/auth/sign-in-prompt';
import { UserBadge } from '@/components/auth/user-badge';
import { AppNavLinks } from '@/components/designer/app-nav-links';
import { currentViewer } from '@/lib/auth/viewer';
import { ViewerProvider } from '@/lib/client/viewer';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: 'Connector Studio',
  description: 'Design, validate, export and provision Alkira Azure ExpressRoute connectors.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request, so Next can put the proxy's CSP nonce on its scripts.
  await connection();
  const viewer = await currentViewer();
  // With sign-in on, pages are only for users with a role; the API enforces the same per route.
  const gate = viewer.mode === 'oidc' && !viewer.user?.role;
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
          {/* On a phone the links get a row of their own under the name and the badge, so all four fit on screen. */}
          <div className="mx-auto flex max-w-[1680px] flex-wrap items-center gap-x-3 gap-y-1 px-4 py-1.5 sm:h-12 sm:flex-nowrap sm:gap-6 sm:py-0">
            <Link href="/" className="flex items-center gap-2 rounded text-sm font-semibold tracking-tight">
              <span
                aria-hidden="true"
                className="inline-block size-5 shrink-0 rounded bg-blue-500 ring-2 ring-blue-300/40"
              />
              <span>Connector Studio</span>
            </Link>
            <nav aria-label="Main" className="order-last -mx-1 w-full min-w-0 sm:order-none sm:mx-0 sm:w-auto">
              <AppNavLinks />
            </nav>
            <div className="ml-auto shrink-0">
              <UserBadge viewer={viewer} />
            </div>
          </div>
        </header>
        <ViewerProvider viewer={viewer}>
          <Providers>
            <main id="main">
              {gate ? (
                <Suspense>
                  <SignInPrompt noRole={viewer.user !== null} />
                </Suspense>
              ) : (
                children
              )}
            </main>
          </Providers>
        </ViewerProvider>
      </body>
    </html>
  );
}

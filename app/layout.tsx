import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense, type ReactNode } from 'react';
import './globals.css';
import { SignInPrompt } from '@/components/auth/SignInPrompt';
import { UserBadge } from '@/components/auth/UserBadge';
import { AppNavLinks } from '@/components/designer/app-nav-links';
import { currentViewer } from '@/lib/auth/viewer';
import { ViewerProvider } from '@/lib/client/viewer';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: 'Connector Studio',
  description: 'Design, validate, export and provision Alkira Azure ExpressRoute connectors.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
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
          <div className="mx-auto flex h-12 max-w-[1680px] items-center gap-6 px-4">
            <Link href="/" className="flex items-center gap-2 rounded text-sm font-semibold tracking-tight">
              <span aria-hidden="true" className="inline-block size-5 rounded bg-blue-500 ring-2 ring-blue-300/40" />
              Connector Studio
            </Link>
            <nav aria-label="Main">
              <AppNavLinks />
            </nav>
            <div className="ml-auto">
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

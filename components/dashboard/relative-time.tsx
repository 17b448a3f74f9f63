'use client';
/** "3 minutes ago" that keeps itself current, with the exact ISO time as its title. */
import { useEffect, useState } from 'react';
import { relativeTime } from '@/lib/client/format';

/** The current time, re-read every `intervalMs` so relative times age on screen. */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function RelativeTime({ iso }: { iso: string | null | undefined }) {
  // The tick only forces a re-render; reading the clock here keeps a row that
  // just refreshed from showing a time in the future.
  useNow();
  if (!iso) return <span className="text-slate-500 dark:text-slate-400">—</span>;
  return (
    // The server's "now" is not the browser's: the text may differ by a second at hydration.
    <time dateTime={iso} title={iso} suppressHydrationWarning>
      {relativeTime(iso, Date.now())}
    </time>
  );
}

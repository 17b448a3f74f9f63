'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/connectors', label: 'Connectors' },
  { href: '/designs', label: 'Designs' },
  { href: '/designer', label: 'Designer' },
  { href: '/activity', label: 'Activity' },
  // The API reference, for scripts and pipelines against the same routes the app uses.
  { href: '/api-docs', label: 'API' },
];

/** The app header's links; the current section is marked with aria-current. */
export function AppNavLinks() {
  const pathname = usePathname() ?? '';
  return (
    <ul className="flex flex-wrap items-center gap-1">
      {LINKS.map((l) => {
        const active = pathname === l.href || pathname.startsWith(`${l.href}/`);
        return (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={active ? 'page' : undefined}
              className={`rounded px-2.5 py-1 text-sm ${
                active ? 'bg-slate-800 font-medium text-white' : 'text-slate-300 hover:bg-slate-800 hover:text-white'
              }`}
            >
              {l.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

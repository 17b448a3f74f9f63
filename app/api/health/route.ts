import { NextResponse } from 'next/server';

export const dynamic = 'force-dynamic';

// Placeholder until the Alkira integration lands: reports the app is up.
export async function GET() {
  return NextResponse.json({ ok: true });
}

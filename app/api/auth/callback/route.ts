import { callback } from '@/lib/auth/routes';
import { withErrorHandling } from '@/lib/route/handler';

export const dynamic = 'force-dynamic';

/** The identity provider redirects here; sets the session cookie and returns to where sign-in started. */
export const GET = withErrorHandling(async (req: Request) => callback(req));

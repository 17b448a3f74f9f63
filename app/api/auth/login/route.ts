import { login } from '@/lib/auth/routes';
import { withErrorHandling } from '@/lib/route/handler';

export const dynamic = 'force-dynamic';

/** Starts the OpenID Connect sign-in: redirects to the identity provider (`?returnTo=/path` to come back to). */
export const GET = withErrorHandling(async (req: Request) => login(req));

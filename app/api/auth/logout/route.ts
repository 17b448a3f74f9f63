import { logout } from '@/lib/auth/routes';
import { withErrorHandling } from '@/lib/route/handler';

export const dynamic = 'force-dynamic';

/** Ends the app session, and from a browser form the identity provider's too where it supports RP-initiated logout. */
export const POST = withErrorHandling(async (req: Request) => logout(req));

import { logout } from '@/lib/auth/routes';
import { withErrorHandling } from '@/lib/http/handler';

export const dynamic = 'force-dynamic';

/** Ends the app session (the identity provider's own session is left alone). */
export const POST = withErrorHandling(async (req: Request) => logout(req));

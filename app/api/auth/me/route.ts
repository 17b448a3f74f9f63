import { me } from '@/lib/auth/routes';
import { withErrorHandling } from '@/lib/route/handler';

export const dynamic = 'force-dynamic';

/** `{ mode, user, permissions }`: who is signed in (local mode: the local operator). */
export const GET = withErrorHandling(async (req: Request) => me(req));

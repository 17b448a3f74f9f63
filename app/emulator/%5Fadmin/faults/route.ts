// Test-only fault rules for the emulator (ALKIRA_EMULATOR_ADMIN=1). The folder is
// `%5Fadmin` because a plain `_admin` folder is private (unrouted) in the App Router.
import { faultsAdmin } from '@/lib/emulator/handlers/admin';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = faultsAdmin.GET;
export const POST = faultsAdmin.POST;
export const DELETE = faultsAdmin.DELETE;

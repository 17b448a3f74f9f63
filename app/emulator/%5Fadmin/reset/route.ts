// Test-only reset of the emulator (ALKIRA_EMULATOR_ADMIN=1); see ../faults/route.ts for the folder name.
import { resetAdmin } from '@/lib/emulator/handlers/admin';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = resetAdmin.POST;

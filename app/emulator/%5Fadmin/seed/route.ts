// Test/demo-only: adds a believable tenant of `count` connectors to the emulator (ALKIRA_EMULATOR_ADMIN=1);
// see ../faults/route.ts for the folder name.
import { seedAdminPost } from '@/lib/emulator/handlers/admin';
import { adoptSeededTenant } from '@/lib/services/seeded-tenant';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = seedAdminPost(adoptSeededTenant);

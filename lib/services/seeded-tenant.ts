import 'server-only';
/**
 * The app's side of seeding the emulator with a demo tenant (`POST /emulator/_admin/seed`): the history of the
 * seeded provision requests, recorded as if the app had made them (a FAILED row shows its error and its history),
 * and the cached views of the tenant dropped — the dashboard's copy of that history is the app's, not the
 * emulator's, so the emulator's write counter does not refresh it.
 */
import type { AfterSeed } from '@/lib/emulator/handlers/admin';
import { recordSeededHistory } from '@/lib/store/seeded-history';
import { invalidateTenant } from '@/lib/services/cache';

export const adoptSeededTenant: AfterSeed = async (requests) => {
  await recordSeededHistory('emulator', requests);
  invalidateTenant();
};

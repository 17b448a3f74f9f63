/**
 * A per-process counter of the embedded emulator's writes (connectors,
 * provision requests, catalog, reset). The app runs in the same process as
 * its emulator, so its caches of upstream data can see at once that the
 * emulated tenant changed, even when a test or demo wrote to the emulator
 * directly. (Against a real portal no such signal exists: the caches rely on
 * their short TTL and on invalidation after the app's own writes.)
 */
const KEY = Symbol.for('connector-studio.emulator-writes');
type Holder = { [KEY]?: { count: number } };

function counter(): { count: number } {
  const g = globalThis as Holder;
  g[KEY] ??= { count: 0 };
  return g[KEY];
}

export function emulatorWriteCount(): number {
  return counter().count;
}

export function noteEmulatorWrite(): void {
  counter().count++;
}

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EmulatorStore, StoreSnapshot } from './store.js';

/**
 * Keeps the emulator's store in one JSON file (under `.data/` in development), so a restart keeps the
 * products Stacker synced and the purchases a developer made: without it, a paid template deployed
 * before a restart answers 503 (no product) forever after.
 */
export function loadSnapshot(store: EmulatorStore, file: string): boolean {
  if (!existsSync(file)) return false;
  store.restore(JSON.parse(readFileSync(file, 'utf8')) as StoreSnapshot);
  return true;
}

/** Writes the whole store atomically (a temporary file renamed over the old one). */
export function saveSnapshot(store: EmulatorStore, file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(store.snapshot()));
  renameSync(temporary, file);
}

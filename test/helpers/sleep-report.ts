import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';

// Each test file appends how long it slept on purpose (helpers/wait.ts `sleep`) to one file per run; the
// global teardown prints the total and the largest, so sleeping time stays visible and small.

export const SLEEP_REPORT = 'sleeps.jsonl';

export async function recordSleep(dir: string, file: string, ms: number): Promise<void> {
  await appendFile(path.join(dir, SLEEP_REPORT), `${JSON.stringify({ file, ms })}\n`);
}

export async function summarizeSleeps(dir: string): Promise<string> {
  const text = await readFile(path.join(dir, SLEEP_REPORT), 'utf8').catch(() => '');
  const rows = text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { file: string; ms: number });
  const total = rows.reduce((sum, row) => sum + row.ms, 0);
  const largest = rows
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map((row) => `${row.file} ${row.ms} ms`)
    .join(', ');
  return `tests slept ${total} ms on purpose${largest ? ` (largest: ${largest})` : ''}`;
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

// Rules the suite keeps so a red run means a real failure: tests wait through helpers/wait.ts (polling
// with vi.waitFor, or a named real sleep when time itself is tested), and they never use the contract's
// broker names, which a real Stacker or a second test run on the same broker would share.

const TEST_ROOT = path.join(process.cwd(), 'test');
// The helper itself, the database helper's jittered retry of a template clone collision, and the
// PgBouncer helper, which the bench also runs outside vitest (where vi.waitFor does not exist).
const SLEEP_ALLOWED = new Set(['helpers/wait.ts', 'helpers/database.ts', 'helpers/pgbouncer.ts']);
const SELF = 'repo/test-hygiene.test.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.ts$/.test(name) ? [full] : [];
  });
}

const files = sources(TEST_ROOT).map((full) => ({
  name: path.relative(TEST_ROOT, full),
  lines: readFileSync(full, 'utf8').split('\n'),
}));

function offenders(pattern: RegExp, allowed: Set<string>): string[] {
  return files
    .filter((file) => !allowed.has(file.name) && file.name !== SELF)
    .flatMap((file) =>
      file.lines.flatMap((line, i) => (pattern.test(line) ? [`${file.name}:${i + 1}: ${line.trim()}`] : [])),
    );
}

it('no test sleeps with a bare timer: it waits with waitUntil or a named sleep', () => {
  const bareSleep = /setTimeout\((r|resolve)\b|=>\s*setTimeout\(|from 'node:timers\/promises'/;
  expect(offenders(bareSleep, SLEEP_ALLOWED)).toEqual([]);
});

it('no test polls with a hand-written loop helper: vi.waitFor through waitUntil is the one way', () => {
  expect(offenders(/function (waitFor|until)\(|const (waitFor|until) = /, new Set())).toEqual([]);
});

it("no test names the contract's exchanges or queue", () => {
  const contractNames = /['"](install|install_progress|stacker_listener)['"]/;
  expect(offenders(contractNames, new Set())).toEqual([]);
});

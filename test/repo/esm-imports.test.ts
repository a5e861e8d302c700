import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

// The compiled server runs on Node's own ESM loader (`npm run start:prod`, the container), which is
// stricter than the one tests and `npm start` run on: a named import from a CommonJS package works under
// tsx and vitest yet fails there at startup ("Named export 'utils' not found"). This asks plain Node,
// for every package the server imports by name, whether each name really is an export.

const ROOT = process.cwd();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

function namedImports(): Map<string, Set<string>> {
  const byPackage = new Map<string, Set<string>>();
  for (const file of ['src', 'dev', 'migrations'].flatMap((dir) => sources(path.join(ROOT, dir)))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(
      /^import\s+(?!type\b)(?:[\w$]+\s*,\s*)?\{([^}]*)\}\s*from\s*'([^'.][^']*)';/gm,
    )) {
      const specifier = match[2] ?? '';
      if (specifier.startsWith('node:')) continue;
      const names = (match[1] ?? '')
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part && !part.startsWith('type '))
        .map((part) => part.split(/\s+as\s+/)[0]!.trim());
      const set = byPackage.get(specifier) ?? new Set<string>();
      for (const name of names) set.add(name);
      if (set.size > 0) byPackage.set(specifier, set);
    }
  }
  return byPackage;
}

it('imports by name only what Node itself sees exported', () => {
  const wanted = Object.fromEntries([...namedImports()].map(([pkg, names]) => [pkg, [...names]]));
  expect(Object.keys(wanted).length).toBeGreaterThan(5);
  const script = `
    const wanted = ${JSON.stringify(wanted)};
    const missing = [];
    for (const [pkg, names] of Object.entries(wanted)) {
      const module = await import(pkg);
      for (const name of names) if (!(name in module)) missing.push(pkg + ': ' + name);
    }
    console.log(JSON.stringify(missing));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(JSON.parse(output.trim().split('\n').at(-1) ?? '[]')).toEqual([]);
});

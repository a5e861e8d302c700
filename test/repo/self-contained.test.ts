import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// A fresh clone with nothing beside it must pass `npm test` and read its docs: no file may point outside
// the repository (the platform contract's fixtures are copied into test/fixtures/).

const ROOT = process.cwd();
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
  cwd: ROOT,
  encoding: 'utf8',
})
  .split('\n')
  .filter((file) => file && existsSync(path.join(ROOT, file)));

const CODE = /\.(ts|mts|mjs|js|json|ya?ml|sh)$|^\.ci\/run$/;
// A path that leaves the repository: up from the root into a sibling, or an absolute workspace path.
const OUTSIDE = /(['"`(\s])(\.\.\/)+shared\/|shared\/spec\/|['"`]\/work\//;

describe('the repository stands alone', () => {
  it('no source, test, script or config refers to a file outside the repository', () => {
    const offenders = files
      .filter((file) => CODE.test(file) && file !== 'package-lock.json' && !file.startsWith('test/repo/'))
      .flatMap((file) =>
        readFileSync(path.join(ROOT, file), 'utf8')
          .split('\n')
          .flatMap((line, index) => (OUTSIDE.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });

  it('every relative link in the docs resolves to a file inside the repository', () => {
    const broken: string[] = [];
    for (const file of files.filter((name) => name.endsWith('.md'))) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      for (const match of text.matchAll(/\]\(([^)\s]+)\)|`(\.\.\/[^`\s]+)`/g)) {
        const target = (match[1] ?? match[2] ?? '').split('#')[0] ?? '';
        if (!target || /^[a-z]+:/i.test(target)) continue;
        const resolved = path.resolve(path.dirname(path.join(ROOT, file)), target);
        const inside = resolved === ROOT || resolved.startsWith(`${ROOT}${path.sep}`);
        if (!inside || !existsSync(resolved)) broken.push(`${file}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('the signature vectors the tests send are the copy under test/fixtures', () => {
    const vectors = JSON.parse(
      readFileSync(path.join(ROOT, 'test/fixtures/vectors/agent-signatures.json'), 'utf8'),
    );
    expect(Object.keys(vectors).length).toBeGreaterThan(0);
  });
});

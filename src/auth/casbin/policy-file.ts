import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PolicyRule {
  ptype: string;
  values: string[];
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** `policies/` at the project root, from src/ (tsx) or dist/src/ (compiled). */
export function policiesDir(): string {
  const fromSource = path.resolve(here, '../../../policies');
  return existsSync(fromSource) ? fromSource : path.resolve(here, '../../../../policies');
}

export async function readModelText(): Promise<string> {
  return readFile(path.join(policiesDir(), 'model.conf'), 'utf8');
}

/** Parses `policy.csv`: `ptype, v0, v1, …` per line; `#` comments and blank lines ignored. */
export function parsePolicyText(text: string): PolicyRule[] {
  const rules: PolicyRule[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [ptype, ...values] = line.split(',').map((part) => part.trim());
    if (!ptype || values.length === 0) throw new Error(`bad policy line: ${line}`);
    rules.push({ ptype, values });
  }
  return rules;
}

export async function readPolicyFile(): Promise<PolicyRule[]> {
  return parsePolicyText(await readFile(path.join(policiesDir(), 'policy.csv'), 'utf8'));
}

import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RESULTS_DIR, ROOT } from './stacker-process.js';
import { round } from './stats.js';

/*
 * Every benchmark ends in a Report: a table for people, a JSON file for tools, and checks. A check
 * compares a ratio or a count with the target (reported, never failing the run) and with a
 * much looser regression gate (failing the run): the machines are shared and noisy, so only a change
 * far beyond noise should turn CI red. No check ever compares an absolute time.
 */

export type Op = '<=' | '>=' | '==';

export interface Check {
  name: string;
  value: number;
  op: Op;
  /** The target. */
  target: number;
  /** The regression gate (generous); omitted when the figure is only reported. */
  gate?: number;
}

export interface Report {
  name: string;
  title: string;
  columns: string[];
  rows: (string | number)[][];
  notes: string[];
  checks: Check[];
  /** Everything measured, for the JSON file. */
  data: Record<string, unknown>;
}

export interface RunInfo {
  mode: 'quick' | 'full';
  date: string;
  commit: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; os: string };
  postgres: { source: string; version: string };
  statementSource: string;
}

export function holds(op: Op, value: number, limit: number): boolean {
  if (Number.isNaN(value)) return false;
  return op === '<=' ? value <= limit : op === '>=' ? value >= limit : value === limit;
}

export function machineInfo(): RunInfo['machine'] {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
}

export function currentCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'migrations'], { cwd: ROOT })
      .toString()
      .trim();
    return dirty ? `${sha}+changes` : sha;
  } catch {
    return 'unknown';
  }
}

const fmt = (v: string | number) => (typeof v === 'number' ? String(round(v)) : v);

export function renderTable(columns: string[], rows: (string | number)[][]): string {
  const cells = [columns, ...rows.map((r) => r.map(fmt))];
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(cells[0]!),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.slice(1).map(line),
  ].join('\n');
}

export function renderChecks(checks: Check[]): string {
  return renderTable(
    ['check', 'value', 'target', 'met', 'gate', 'gate ok'],
    checks.map((c) => [
      c.name,
      c.value,
      `${c.op} ${c.target}`,
      holds(c.op, c.value, c.target) ? 'yes' : 'NO',
      c.gate === undefined ? '-' : `${c.op} ${c.gate}`,
      c.gate === undefined ? '-' : holds(c.op, c.value, c.gate) ? 'yes' : 'FAIL',
    ]),
  );
}

export function printReport(report: Report): void {
  process.stdout.write(`\n## ${report.title}\n\n${renderTable(report.columns, report.rows)}\n`);
  if (report.checks.length > 0) process.stdout.write(`\n${renderChecks(report.checks)}\n`);
  for (const note of report.notes) process.stdout.write(`- ${note}\n`);
}

export async function writeReport(report: Report, run: RunInfo): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${report.name}.json`);
  const checks = report.checks.map((c) => ({
    ...c,
    value: round(c.value),
    met: holds(c.op, c.value, c.target),
    gateOk: c.gate === undefined ? null : holds(c.op, c.value, c.gate),
  }));
  const body = {
    ...run,
    name: report.name,
    title: report.title,
    table: { columns: report.columns, rows: report.rows },
    notes: report.notes,
    checks,
    data: report.data,
  };
  await writeFile(file, `${JSON.stringify(body, null, 2)}\n`);
  return file;
}

export function failedGates(report: Report): Check[] {
  return report.checks.filter((c) => c.gate !== undefined && !holds(c.op, c.value, c.gate));
}

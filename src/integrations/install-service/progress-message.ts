import { isIP } from 'node:net';
import { z } from 'zod';
import { DEPLOYMENT_HASH_RE } from '../../infra/identifiers.js';
import { ownValue } from '../../infra/own-value.js';

// What the Install Service sends back on `install_progress` (install-service.md, Progress). Its format
// is loose (ids as numbers or strings, `complete` for `completed`), so this reads it leniently and
// names exactly why a message cannot be used.

export const PROGRESS_STATUSES = [
  'in_progress',
  'paused',
  'wait_resume',
  'wait_start',
  'confirmed',
  'completed',
  'failed',
  'error',
  'cancelled',
] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

const STATUS_ALIASES: Record<string, ProgressStatus> = { complete: 'completed', canceled: 'cancelled' };
const MAX_MESSAGE_CHARS = 2_000;
const MAX_INT4 = 2_147_483_647;

export interface ProgressUpdate {
  target: { hash: string } | { id: number };
  status: ProgressStatus;
  message: string | undefined;
  serverIp: string | undefined;
  /** Extra facts kept in the deployment's metadata. */
  details: { progress?: number; ssh_port?: number; alert?: string | number | boolean };
}

export type ParsedProgress = { ok: true; update: ProgressUpdate } | { ok: false; reason: string };

const idLike = z.union([z.number(), z.string()]).optional().catch(undefined);
const bodySchema = z
  .object({
    id: idLike,
    deploy_id: idLike,
    deployment_hash: z.string().optional().catch(undefined),
    status: z.string(),
    message: z.union([z.string(), z.number()]).nullish().catch(undefined),
    progress: z.union([z.number(), z.string()]).nullish().catch(undefined),
    srv_ip: z.string().nullish().catch(undefined),
    ssh_port: z.union([z.number(), z.string()]).nullish().catch(undefined),
    alert: z.union([z.string(), z.number(), z.boolean()]).nullish().catch(undefined),
  })
  .loose();

function toInt(value: number | string | null | undefined, min: number, max: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const n = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

export function parseProgressMessage(content: Buffer): ParsedProgress {
  let json: unknown;
  try {
    json = JSON.parse(content.toString('utf8'));
  } catch {
    return { ok: false, reason: 'the body is not JSON' };
  }
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'the body has no status' };
  const body = parsed.data;
  const raw = body.status.trim().toLowerCase();
  const status = ownValue(STATUS_ALIASES, raw) ?? PROGRESS_STATUSES.find((s) => s === raw);
  if (status === undefined)
    return { ok: false, reason: `unknown status ${JSON.stringify(body.status.slice(0, 50))}` };

  const hash = body.deployment_hash?.trim();
  const id = toInt(body.id ?? body.deploy_id, 1, MAX_INT4);
  const target = hash && DEPLOYMENT_HASH_RE.test(hash) ? { hash } : id !== undefined ? { id } : undefined;
  if (target === undefined)
    return { ok: false, reason: 'the body names no deployment (deployment_hash, id, deploy_id)' };

  const details: ProgressUpdate['details'] = {};
  const progress = body.progress === null || body.progress === undefined ? undefined : Number(body.progress);
  if (progress !== undefined && Number.isFinite(progress) && progress >= 0 && progress <= 100) {
    details.progress = progress;
  }
  const sshPort = toInt(body.ssh_port, 1, 65_535);
  if (sshPort !== undefined) details.ssh_port = sshPort;
  if (body.alert !== null && body.alert !== undefined) details.alert = body.alert;

  const ip = body.srv_ip?.trim();
  const message = body.message === null || body.message === undefined ? undefined : String(body.message);
  return {
    ok: true,
    update: {
      target,
      status,
      message: message?.slice(0, MAX_MESSAGE_CHARS),
      // An address Postgres's inet would refuse is dropped rather than failing the whole update.
      serverIp: ip && isIP(ip) !== 0 ? ip : undefined,
      details,
    },
  };
}

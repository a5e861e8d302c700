import { z } from 'zod';
import type { SecretBox } from '../../infra/crypto/secret-box.js';
import { maskSecretParams, mergeSecretParams, PRIORITIES, priorityFromSmallint } from './catalog.js';
import type { CommandRow } from './command-row.js';

/** The Command JSON of api.md. `type` is the key the agent reads. */
export const commandJson = z
  .object({
    id: z.string(),
    command_id: z.string(),
    deployment_hash: z.string(),
    type: z.string(),
    status: z.enum(['queued', 'sent', 'completed', 'failed', 'cancelled']),
    priority: z.enum(PRIORITIES),
    parameters: z.record(z.string(), z.unknown()),
    result: z.unknown().nullable(),
    error: z.unknown().nullable(),
    created_by: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
    sent_at: z.string().nullable(),
    completed_at: z.string().nullable(),
    timeout_seconds: z.number().int(),
    attempts: z.number().int(),
    metadata: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'Command' });

export type CommandJson = z.infer<typeof commandJson>;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export interface CommandJsonOptions {
  /** false leaves `result` out (null), for lists that did not ask for results. */
  includeResult?: boolean;
  /** The agent's copy: secret parameters decrypted in place of "***". */
  secretBox?: SecretBox;
}

export function toCommandJson(row: CommandRow, options: CommandJsonOptions = {}): CommandJson {
  const parameters =
    options.secretBox && row.secret_parameters
      ? mergeSecretParams(
          row.parameters,
          options.secretBox.openJson<Record<string, unknown>>(row.secret_parameters),
        )
      : maskSecretParams(row.type, row.parameters);
  return {
    id: row.id,
    command_id: row.command_id,
    deployment_hash: row.deployment_hash,
    type: row.type,
    status: row.status,
    priority: priorityFromSmallint(row.priority),
    parameters,
    result: options.includeResult === false ? null : (row.result ?? null),
    error: row.error ?? null,
    created_by: row.created_by,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    sent_at: iso(row.sent_at),
    completed_at: iso(row.completed_at),
    timeout_seconds: row.timeout_seconds,
    attempts: row.attempts,
    metadata: row.metadata ?? {},
  };
}

import type { Kysely } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import type { Redactor } from '../../infra/redaction/index.js';
import { upsertAppStatus } from './repository.js';
import { MAX_APP_STATUS_LINES } from './schemas.js';

export interface AppStatusInput {
  deploymentHash: string;
  appCode: string;
  status: string;
  logs: string[];
}

/**
 * Keeps the latest `POST /api/v1/apps/status` per (deployment, app): logs redacted as consecutive
 * lines (a PEM block spanning lines is caught) and only the last 50 kept.
 */
export async function recordAppStatus(
  db: Kysely<Database>,
  redactor: Redactor,
  input: AppStatusInput,
  now: Date,
): Promise<void> {
  const redacted = redactor.redactLines(input.logs).lines;
  await upsertAppStatus(db, {
    deploymentHash: input.deploymentHash,
    appCode: input.appCode,
    status: input.status,
    logs: redacted.slice(-MAX_APP_STATUS_LINES),
    reportedAt: now,
  });
}

import type { Transaction } from 'kysely';
import type { AuthUser } from '../../auth/principal.js';
import type { Database } from '../../infra/db/database.js';
import { AppError, conflict } from '../../infra/http/errors.js';
import { findStoredReply, withIdempotencyKey } from '../../infra/idempotency/idempotency.js';
import { OUTBOX_TOPICS, writeOutboxEvent } from '../../infra/outbox/outbox-writer.js';
import type { PlanRules } from '../../infra/plans/plans.js';
import {
  type InstallSecrets,
  installProvider,
  installStartPayload,
} from '../../integrations/install-service/messages.js';
import {
  type DeployableTemplate,
  findDeployableTemplate,
  recordTemplateDeployed,
} from '../templates/index.js';
import { templateNotFound } from './gate-errors.js';
import { runOwnershipGate } from './ownership-gate.js';
import type { ProductLookup } from './product-lookup.js';
import { findDeploymentByHash, insertDeployment, insertProject } from './repository.js';
import type { DeploymentView, ProjectView } from './schemas.js';
import { type DeploymentDeps, newDeploymentHash } from './service.js';
import { deploymentView, projectView } from './views.js';

export interface DeployDeps extends DeploymentDeps {
  plans: PlanRules;
  findProduct: ProductLookup;
  /** The caller's `/me` again, bypassing the token cache (and refreshing it). */
  refetchUser: (token: string) => Promise<AuthUser>;
  /**
   * Counts one hit of the `deploy` bucket and throws 429 when it is spent. Called after the template
   * lookup, so a template that is not the caller's is a 404 and never a 429 (404 first).
   */
  rateLimit: () => Promise<void>;
}

export interface Caller {
  user: AuthUser;
  token: string;
}

export interface DeployRequest {
  templateRef: string;
  /** Defaults to the template's name. */
  name: string | undefined;
  secrets: InstallSecrets;
}

export interface CreatedDeployment {
  project: ProjectView;
  deployment: DeploymentView;
  template: DeployableTemplate;
}

export interface DeployOptions<T> {
  idempotencyKey: string | undefined;
  /** Which route the key belongs to (a key reused on another route is a conflict). */
  route: string;
  /** The route's reply body: stored with the key, so a retry gets the same bytes. */
  reply: (created: CreatedDeployment) => T;
}

/**
 * Deploys a template: template lookup (404), the ownership gate (402/403/503), then one transaction
 * with the project, the deployment, its sealed secrets, the `install.start` outbox event, the deploy
 * counter and the idempotency record. The gate's HTTP calls happen before the transaction, so no
 * connection is held while the User Service answers.
 */
export async function deployTemplate<T>(
  deps: DeployDeps,
  caller: Caller,
  request: DeployRequest,
  options: DeployOptions<T>,
): Promise<{ status: number; body: T; replayed: boolean }> {
  const { user } = caller;
  const scope = { userId: user.id, key: options.idempotencyKey, route: options.route, now: deps.clock.now() };
  const prior = await findStoredReply(deps.db, scope);
  if (prior !== undefined) {
    // A retry creates nothing, so a spent limit must not hide the first reply. The limiter is still
    // asked: every reply of this route passes through it, and a replay counts like any other request.
    await deps.rateLimit().catch((err: unknown) => {
      if (!(err instanceof AppError && err.status === 429)) throw err;
    });
    return prior as { status: number; body: T; replayed: true };
  }

  const template = await findDeployableTemplate(deps.db, request.templateRef, user.id);
  if (template === undefined) throw templateNotFound();
  await deps.rateLimit();
  if (template.version === null) {
    throw conflict('template_has_no_version', 'The template has no version to deploy yet. Add one first.');
  }
  const decision = await runOwnershipGate(
    {
      plans: deps.plans,
      findProduct: deps.findProduct,
      refetchUser: () => deps.refetchUser(caller.token),
      onError: (err, step) => deps.log.warn({ err, step, templateId: template.id }, 'ownership check failed'),
    },
    user,
    template,
  );

  return withIdempotencyKey(deps.db, { ...scope, now: deps.clock.now() }, async (trx) => {
    const created = await createDeployment(trx, deps, user, template, request);
    deps.log.info(
      {
        deploymentHash: created.deployment.deployment_hash,
        templateId: template.id,
        gate: decision.reason,
      },
      'deployment accepted',
    );
    return { status: 201, body: options.reply(created) };
  });
}

async function createDeployment(
  trx: Transaction<Database>,
  deps: DeployDeps,
  user: AuthUser,
  template: DeployableTemplate,
  request: DeployRequest,
): Promise<CreatedDeployment> {
  const version = template.version!;
  const now = deps.clock.now();
  const hash = newDeploymentHash();
  const name = request.name ?? template.name;
  const secrets = presentSecrets(request.secrets);
  const provider = installProvider(secrets);
  const project = await insertProject(trx, {
    userId: user.id,
    name,
    templateId: template.id,
    templateVersion: version.version,
    definition: version.definition,
    metadata: { template_slug: template.slug, definition_format: version.format },
    now,
  });
  const deploymentId = await insertDeployment(trx, {
    projectId: project.id,
    userId: user.id,
    hash,
    secrets: secrets ? deps.secretBox.sealJson(secrets) : null,
    metadata: { template_slug: template.slug, provider },
    now,
  });
  await writeOutboxEvent(trx, deps.secretBox, {
    topic: OUTBOX_TOPICS.installStart,
    orderingKey: hash,
    payload: installStartPayload({
      deploymentId,
      projectId: project.id,
      deploymentHash: hash,
      userId: user.id,
      userEmail: user.email,
      template: { id: template.id, slug: template.slug, version: version.version },
      stack: { name, definition: version.definition, definitionFormat: version.format },
    }),
    ...(secrets ? { secretPayload: secrets as Record<string, unknown> } : {}),
  });
  await recordTemplateDeployed(trx, template.id);
  const deployment = await findDeploymentByHash(trx, hash);
  return { project: projectView(project), deployment: deploymentView(deployment!), template };
}

/** Only the parts the request carried; `undefined` when it carried none (nothing to seal). */
function presentSecrets(secrets: InstallSecrets): InstallSecrets | undefined {
  const present: InstallSecrets = {};
  if (secrets.cloud !== undefined) present.cloud = secrets.cloud;
  if (secrets.server !== undefined) present.server = secrets.server;
  if (secrets.environment !== undefined) present.environment = secrets.environment;
  return Object.keys(present).length > 0 ? present : undefined;
}

import type { Transaction } from 'kysely';
import type { AuthUser } from '../../auth/principal.js';
import type { Database } from '../../infra/db/database.js';
import { badRequest } from '../../infra/http/errors.js';
import { OUTBOX_TOPICS, writeOutboxEvent } from '../../infra/outbox/outbox-writer.js';
import {
  compressCompose,
  flatRoute,
  installerRegion,
  splitFlatMessage,
} from '../../integrations/install-service/install-layout.js';
import { findUserCloud, findUserCloudByName, type OpenedCloud, saveCloud } from '../clouds/index.js';
import { newDeploymentHash, recordDeployment } from '../deployments/index.js';
import {
  createServer,
  ensureServerKey,
  findUserServer,
  keyFileText,
  reuseServer,
  type ServerFields,
  type ServerRow,
} from '../servers/index.js';
import { composeOfMetadata } from './compose-service.js';
import {
  type Credentials,
  checkInstanceConfig,
  checkLockedProvider,
  hasCredentials,
  noCloudConfigured,
  normalizedPublicPorts,
  requireCredentials,
  serverNotFound,
  splitConfigFiles,
  stackVar,
} from './deploy-checks.js';
import type { DeployInput } from './deploy-schemas.js';
import { readStoredForm } from './form.js';
import { lockProjectOfUser, type ProjectRecord, updateProjectMetadata } from './repository.js';
import { seedServerSecretIfMissing } from './secrets-repository.js';
import { type ProjectDeps, parseProjectId, projectNotFound, requireProject } from './service.js';

const NO_KEY =
  'SSH key is not available for this server. Please generate an SSH key first with `stacker ssh-key generate` ' +
  'or upload one with `stacker ssh-key upload`.';

/** Everything a deploy decided before writing: the writes below only carry it out. */
export interface DeployPlan {
  project: ProjectRecord;
  provider: string;
  cloud: OpenedCloud | undefined;
  credentials: Credentials;
  saveInline: boolean;
  existingServer: ServerRow | undefined;
  publicPorts: string[];
  compose: string;
  metadata: Record<string, unknown>;
}

async function plan(
  deps: ProjectDeps,
  user: AuthUser,
  idText: string,
  body: DeployInput,
  cloudIdText: string | undefined,
): Promise<DeployPlan> {
  const project = await requireProject(deps.db, user, idText);
  const form = readStoredForm(project.metadata);
  if (form === undefined)
    throw badRequest('invalid_project_form', 'The project metadata is not a valid ProjectForm.');
  let provider = body.cloud.provider;
  let cloud: OpenedCloud | undefined;
  if (cloudIdText !== undefined) {
    const cloudId = parseProjectId(cloudIdText);
    cloud =
      cloudId === undefined ? undefined : await findUserCloud(deps.db, deps.secretBox, user.id, cloudId);
    if (cloud === undefined) throw noCloudConfigured();
    if (cloud.undecryptable)
      throw badRequest('cloud_undecryptable', 'The saved cloud credentials cannot be read.');
    provider = cloud.provider;
  }
  checkInstanceConfig(provider, body.server);
  checkLockedProvider(project.request_json, provider);
  // Marketplace projects (template_id set): the ownership gate is not run here yet (see docs/projects.md).

  const inline: Credentials = {
    token: body.cloud.cloud_token ?? null,
    key: body.cloud.cloud_key ?? null,
    secret: body.cloud.cloud_secret ?? null,
  };
  let credentials = inline;
  let saveInline = false;
  if (provider !== 'own') {
    if (cloud === undefined && !hasCredentials(inline) && body.cloud.name) {
      cloud = await findUserCloudByName(deps.db, deps.secretBox, user.id, body.cloud.name);
      if (cloud === undefined) {
        throw badRequest('cloud_not_found', `No saved cloud named '${body.cloud.name}'.`, [
          { path: 'body.cloud.name', message: 'names no saved cloud' },
        ]);
      }
    }
    if (cloud !== undefined && !hasCredentials(inline)) credentials = cloud.credentials;
    requireCredentials(credentials);
    saveInline = cloud === undefined && body.cloud.save_token === true;
  }
  if (body.server.cloud_id !== undefined && cloud?.id !== body.server.cloud_id) {
    if ((await findUserCloud(deps.db, deps.secretBox, user.id, body.server.cloud_id)) === undefined) {
      throw noCloudConfigured();
    }
  }
  const existingServer =
    body.server.server_id === undefined
      ? undefined
      : await findUserServer(deps.db, user.id, body.server.server_id);
  if (body.server.server_id !== undefined && existingServer === undefined) throw serverNotFound();

  const publicPorts = normalizedPublicPorts(body.public_ports, form.custom);
  const files = splitConfigFiles(body.config_files);
  const compose = files.compose ?? composeOfMetadata(project.metadata);
  const metadata: Record<string, unknown> = { ...project.metadata };
  if (body.environment !== undefined) metadata.environment = body.environment;
  if (body.config_files !== undefined) metadata.config_files = body.config_files;
  if (body.config_bundle !== undefined) metadata.config_bundle = body.config_bundle;
  if (files.others.length > 0) {
    const custom = { ...(metadata.custom as Record<string, unknown>) };
    const prior = Array.isArray(custom.marketplace_config_files) ? custom.marketplace_config_files : [];
    custom.marketplace_config_files = [...prior, ...files.others];
    metadata.custom = custom;
  }
  return {
    project,
    provider,
    cloud,
    credentials,
    saveInline,
    existingServer,
    publicPorts,
    compose,
    metadata,
  };
}

function serverFields(server: DeployInput['server'], cloudId: number | null, reuse: boolean): ServerFields {
  const f: ServerFields = {};
  if (cloudId !== null) f.cloudId = cloudId;
  if (server.region !== undefined) f.region = server.region;
  if (server.zone !== undefined) f.zone = server.zone;
  if (server.server !== undefined) f.server = server.server;
  if (server.os !== undefined) f.os = server.os;
  if (server.disk_type !== undefined) f.diskType = server.disk_type;
  if (server.srv_ip !== undefined) f.srvIp = server.srv_ip;
  if (server.ssh_user !== undefined) f.sshUser = server.ssh_user;
  if (server.name !== undefined) f.name = server.name;
  if (server.connection_mode !== undefined) f.connectionMode = server.connection_mode;
  // serde's default: absent is 22; an explicit null keeps a reused server's port (a new one gets 22).
  if (server.ssh_port === undefined) f.sshPort = 22;
  else if (server.ssh_port !== null) f.sshPort = server.ssh_port;
  else if (!reuse) f.sshPort = 22;
  return f;
}

/**
 * POST /project/{id}/deploy[/{cloud_id}]: every check first (404 before 400), then one transaction with
 * the cloud (when saved inline), the server (created or reused) and its key, the metadata, the
 * deployment row and the install message in the outbox.
 */
export async function deployProject(
  deps: ProjectDeps,
  user: AuthUser,
  idText: string,
  body: DeployInput,
  cloudIdText?: string,
): Promise<{ projectId: number; deploymentId: number; hash: string }> {
  return carryOutDeploy(deps, user, await plan(deps, user, idText, body, cloudIdText), body);
}

/** The writes of a deploy (and of a rollback, which plans its own), with `more` in the same transaction. */
export async function carryOutDeploy(
  deps: ProjectDeps,
  user: AuthUser,
  p: DeployPlan,
  body: DeployInput,
  more?: (trx: Transaction<Database>, now: Date) => Promise<void>,
): Promise<{ projectId: number; deploymentId: number; hash: string }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    if ((await lockProjectOfUser(trx, user.id, p.project.id)) === undefined) throw projectNotFound();
    let cloud = p.cloud;
    if (p.saveInline) {
      cloud = await saveCloud(trx, deps.secretBox, {
        userId: user.id,
        name: body.cloud.name,
        provider: p.provider,
        credentials: p.credentials,
        saveToken: true,
        now,
      });
    }
    const cloudId = cloud?.id ?? body.server.cloud_id ?? null;
    const fields = serverFields(body.server, cloudId, p.existingServer !== undefined);
    const server = p.existingServer
      ? await reuseServer(trx, p.existingServer.id, { projectId: p.project.id, fields, now })
      : await createServer(trx, { userId: user.id, projectId: p.project.id, fields, now });
    const key = await ensureServerKey(trx, deps.secretBox, server, now);
    const privateKey = body.server.ssh_private_key
      ? keyFileText(body.server.ssh_private_key)
      : key.privateKey;
    if (key.server.srv_ip && privateKey === undefined) throw badRequest('ssh_key_unavailable', NO_KEY);
    if ((body.stack.extended_features ?? []).includes('nginx_proxy_manager')) {
      await seedServerSecretIfMissing(trx, deps.secretBox, { userId: user.id, serverId: server.id, now });
    }
    await updateProjectMetadata(trx, p.project.id, p.metadata, now);
    await more?.(trx, now);

    const hash = newDeploymentHash();
    const deploymentId = await recordDeployment(trx, {
      projectId: p.project.id,
      userId: user.id,
      hash,
      // Kept for a later deploy_app (its registry_auth); sealed like every deployment secret.
      secrets: body.registry ? deps.secretBox.sealJson({ registry: body.registry }) : null,
      metadata: { ...p.metadata, public_ports: p.publicPorts },
      now,
    });
    const message = installValues({
      p,
      body,
      user,
      cloud,
      server: key.server,
      hash,
      deploymentId,
      privateKey,
      publicKey: body.server.public_key ?? key.publicKey,
    });
    const { payload, secrets } = splitFlatMessage(message, flatRoute(p.provider, key.server.srv_ip));
    await writeOutboxEvent(trx, deps.secretBox, {
      topic: OUTBOX_TOPICS.installStart,
      orderingKey: hash,
      payload,
      secretPayload: secrets,
    });
    deps.log.info(
      { projectId: p.project.id, deploymentHash: hash, provider: p.provider },
      'project deploy accepted',
    );
    return { projectId: p.project.id, deploymentId, hash };
  });
}

function installValues(a: {
  p: DeployPlan;
  body: DeployInput;
  user: AuthUser;
  cloud: OpenedCloud | undefined;
  server: ServerRow;
  hash: string;
  deploymentId: number;
  privateKey: string | undefined;
  publicKey: string;
}): Record<string, unknown> {
  const { p, body, server } = a;
  const custom = p.metadata.custom;
  const commonDomain =
    typeof p.metadata.commonDomain === 'string'
      ? p.metadata.commonDomain
      : stackVar(body.stack.vars, 'commonDomain');
  // A saved cloud's missing credential goes as "" (upstream's decryption of nothing); inline ones as sent.
  const credential = (value: string | null) => (p.cloud !== undefined ? (value ?? '') : value);
  return {
    id: a.deploymentId,
    project_id: p.project.id,
    deployment_hash: a.hash,
    user_token: a.user.id,
    user_email: a.user.email,
    commonDomain,
    user_id: null,
    cloud_name: a.cloud?.name ?? body.cloud.name ?? null,
    provider: p.provider,
    cloud_token: credential(p.credentials.token),
    cloud_key: credential(p.credentials.key),
    cloud_secret: credential(p.credentials.secret),
    save_token: body.cloud.save_token ?? null,
    server_id: server.id,
    cloud_id: server.cloud_id,
    region: installerRegion(p.provider, server.region),
    zone: server.zone,
    server: server.server,
    os: server.os,
    disk_type: server.disk_type,
    srv_ip: server.srv_ip,
    ssh_port: server.ssh_port,
    ssh_user: server.ssh_user,
    server_name: server.name,
    connection_mode: server.connection_mode,
    vault_key_path: server.vault_key_path,
    public_key: a.publicKey || undefined,
    ssh_private_key: a.privateKey,
    stack_code: body.stack.stack_code ?? null,
    vars: body.stack.vars ?? null,
    integrated_features: body.stack.integrated_features ?? null,
    extended_features: body.stack.extended_features ?? null,
    subscriptions: body.stack.subscriptions ?? null,
    form_app: body.stack.form_app ?? null,
    custom,
    docker_compose: compressCompose(p.compose),
    registry: body.registry,
    environment: body.environment,
    config_files: body.config_files,
    config_bundle: body.config_bundle,
  };
}

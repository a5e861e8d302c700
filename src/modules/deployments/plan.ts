import { createHash } from 'node:crypto';
import type { DeploymentState, DeployPlan, PlanQuery } from './lifecycle-schemas.js';
import { invalidRequest, TYPED_SCHEMA_VERSION, typedError } from './typed-error.js';

/*
 * A read-only deploy plan from a deployment's state. The fingerprint is the SHA-256 of the plan's inputs
 * in a fixed order: the CLI echoes it as `expectedFingerprint` when it applies the plan, and a different
 * one means the state moved in between (409 plan_stale).
 */

type App = DeploymentState['apps'][number];
type Action = DeployPlan['actions'][number];

export interface RollbackContext {
  requestedTarget: string;
  currentVersion: string;
  resolvedVersion: string;
}

function fingerprintOf(
  state: DeploymentState,
  query: PlanQuery,
  apps: App[],
  rollback?: RollbackContext,
): string {
  const inputs = {
    deployment: [state.deployment.deploymentHash, state.deployment.status, state.deployment.runtime],
    operation: query.operation,
    target: query.target,
    drift: state.drift.hasDrift,
    apps: apps.map((a) => [a.code, a.enabled, a.configVersion, a.vaultSyncVersion, a.configHash ?? null]),
    rollback: rollback ? [rollback.requestedTarget, rollback.currentVersion, rollback.resolvedVersion] : null,
  };
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
}

function selectApps(state: DeploymentState, appCode: string | undefined): App[] {
  if (appCode === undefined || appCode === '') return state.apps;
  const app = state.apps.find((a) => a.code === appCode);
  if (!app) throw invalidRequest(`App '${appCode}' is not part of this deployment.`, { appCode });
  return [app];
}

function requireFresh(state: DeploymentState, expected: string | undefined, actual: string): void {
  if (expected === undefined || expected === '' || expected === actual) return;
  throw typedError(409, 'plan_stale', 'Plan input is stale; regenerate the plan before apply.', 'state', {
    context: {
      expectedFingerprint: expected,
      actualFingerprint: actual,
      deploymentHash: state.deployment.deploymentHash,
    },
  });
}

export function buildPlan(state: DeploymentState, query: PlanQuery, rollback?: RollbackContext): DeployPlan {
  const appCode = query.appCode === '' ? undefined : query.appCode;
  if (query.operation === 'deploy_app' && appCode === undefined) {
    throw invalidRequest('A deploy_app plan needs appCode.');
  }
  const selected = rollback ? state.apps : selectApps(state, appCode);
  const fingerprint = fingerprintOf(state, query, selected, rollback);
  requireFresh(state, query.expectedFingerprint, fingerprint);
  const actions: Action[] = [];
  const reasoning: string[] = [];
  if (rollback) {
    reasoning.push(
      `rollback preview resolved requested target '${rollback.requestedTarget}' to template version ${rollback.resolvedVersion}`,
      `current deployment template version is ${rollback.currentVersion}`,
    );
    if (rollback.currentVersion !== rollback.resolvedVersion) {
      actions.push({
        kind: 'rollback_deploy',
        target: 'deployment',
        reason: `rollback preview targets marketplace template version ${rollback.resolvedVersion}`,
      });
    } else {
      reasoning.push('deployment is already on the requested rollback target');
    }
  } else {
    if (state.drift.hasDrift) {
      actions.push({
        kind: 'reconcile_runtime_env',
        target: 'deployment',
        reason: 'runtime env drift detected',
      });
      reasoning.push('deployment drift requires runtime env reconciliation before apply');
    }
    const unsynced = selected.filter((a) => a.configVersion > a.vaultSyncVersion);
    for (const app of unsynced) {
      actions.push({
        kind: 'sync_app_config',
        target: 'app',
        appCode: app.code,
        reason: 'app config version is ahead of the synced version',
      });
    }
    if (query.operation === 'deploy_app' && appCode !== undefined) {
      actions.unshift({
        kind: 'redeploy_app',
        target: 'app',
        appCode,
        reason: 'explicit deploy-app plan targets a single app',
      });
      reasoning.push('deploy-app scope is restricted to the requested app');
    } else if (actions.length === 0) {
      reasoning.push('no drift detected for the selected scope');
      reasoning.push('all selected apps are already synced with their current config versions');
    } else if (unsynced.length > 0) {
      reasoning.push('at least one selected app has unsynced config changes');
    }
  }
  return {
    schemaVersion: TYPED_SCHEMA_VERSION,
    deploymentHash: state.deployment.deploymentHash,
    operation: query.operation,
    target: query.target,
    fingerprint,
    scope: {
      mode: appCode !== undefined && !rollback ? 'app' : 'deployment',
      ...(appCode !== undefined && !rollback ? { appCode } : {}),
      selectedApps: selected.map((a) => a.code),
    },
    hasChanges: actions.length > 0,
    actions,
    reasoning,
    ...(rollback ? { rollback } : {}),
  };
}

/** `previous` = the next older version than the current one; otherwise the named version. */
export function resolveRollback(
  requested: string,
  currentVersion: string | null,
  versionsNewestFirst: string[],
): RollbackContext {
  const unavailable = (message: string) =>
    typedError(400, 'rollback_target_unavailable', message, 'state', {
      context: { rollbackTarget: requested },
    });
  const current = currentVersion ?? versionsNewestFirst[0];
  const index = current === undefined ? -1 : versionsNewestFirst.indexOf(current);
  if (current === undefined || index < 0) {
    throw unavailable('Rollback target could not be resolved from the current deployment state.');
  }
  if (requested === 'previous') {
    const older = versionsNewestFirst[index + 1];
    if (older === undefined)
      throw unavailable('No older marketplace template version is available for rollback.');
    return { requestedTarget: requested, currentVersion: current, resolvedVersion: older };
  }
  if (!versionsNewestFirst.includes(requested)) {
    throw unavailable(`Marketplace template version '${requested}' is not available for rollback.`);
  }
  return { requestedTarget: requested, currentVersion: current, resolvedVersion: requested };
}

/*
 * Identifier shapes, checked before a lookup so a malformed id is a 404 (or a 401) and never a cast
 * error from Postgres. One copy each: a second regex drifts from the first.
 */

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID_RE.test(value);

/** Opaque hashes of other origins are accepted (data-model.md); anything else names no deployment. */
export const DEPLOYMENT_HASH_RE = /^[A-Za-z0-9_.:-]{1,128}$/;

export const isDeploymentHash = (value: string): boolean => DEPLOYMENT_HASH_RE.test(value);

/** An app (a compose service) as the command catalog and the agents name it (status-panel.md). */
export const APP_CODE_RE = /^[a-z0-9][a-z0-9_.-]{0,62}$/;

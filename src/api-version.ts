/**
 * The version this server reports (OpenAPI `info.version`, the agents' `dashboard_version`). Its own
 * module so a feature can read it without importing the app that mounts the feature.
 */
export const API_VERSION = '0.1.0';

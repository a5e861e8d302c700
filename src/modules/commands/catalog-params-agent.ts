import { z } from 'zod';
import {
  bool,
  container,
  int,
  oneOf,
  optionalAppCode,
  optionalText,
  requiredAppCode,
  requiredText,
} from './catalog-param-fields.js';

/*
 * Parameters of the types the deployed agent runs beyond the Status Panel's table
 * (deployment-lifecycle.md, "Command types"). Defaults are filled because the agent needs them (it fails
 * configure_firewall without `action`); a boolean the contract gives no default is false, as the agent's
 * own default. Keys not named here are kept as sent.
 */

const MAX_CONFIG_CHARS = 1024 * 1024;
const MAX_PATH_CHARS = 1024;
const MAX_EXEC_CHARS = 4096;

const port = (type: string, field: string) =>
  z
    .number({ error: `${type}.${field} must be a port between 1 and 65535` })
    .int({ error: `${type}.${field} must be a port between 1 and 65535` })
    .min(1, { error: `${type}.${field} must be a port between 1 and 65535` })
    .max(65_535, { error: `${type}.${field} must be a port between 1 and 65535` });

/** `{registry, username, password}`: stored encrypted (catalog-specs secretParams). */
export const registryAuth = (type: string) =>
  z
    .looseObject(
      {
        registry: z
          .string({ error: `${type}.registry_auth.registry must be a string` })
          .max(512)
          .optional(),
        username: z.string({ error: `${type}.registry_auth.username must be a string` }).max(512),
        password: z.string({ error: `${type}.registry_auth.password must be a string` }).max(8192),
      },
      { error: `${type}.registry_auth must be an object` },
    )
    .optional();

const appCodes = (type: string) =>
  z
    .array(requiredAppCode(type), { error: `${type}.app_codes must be an array of app codes` })
    .max(200)
    .default(() => []);

const firewallRule = z.looseObject({
  port: port('configure_firewall', 'port'),
  protocol: oneOf('configure_firewall', 'protocol', ['tcp', 'udp'], 'tcp'),
  source: optionalText('configure_firewall', 'source', 64).transform((v) => v ?? '0.0.0.0/0'),
  comment: optionalText('configure_firewall', 'comment', 256),
});
const firewallRules = (field: string) =>
  z
    .array(firewallRule, { error: `configure_firewall.${field} must be an array of rules` })
    .max(500)
    .default(() => []);

const PROBE_PROTOCOLS = ['openapi', 'html_forms', 'rest', 'graphql', 'mcp'] as const;
const TRIGGER_TYPES = ['webhook', 'poll', 'manual', 'websocket', 'ws', 'grpc', 'amqp', 'rabbitmq'] as const;
const POLL_RANGE = 'activate_pipe.poll_interval_secs must be an integer between 10 and 86400';
const BROKER_TRIGGERS: ReadonlySet<string> = new Set(['amqp', 'rabbitmq']);

const pipeId = (type: string) => requiredText(type, 'pipe_instance_id', 128);

const activatePipe = z
  .looseObject({
    pipe_instance_id: pipeId('activate_pipe'),
    source_adapter: optionalText('activate_pipe', 'source_adapter', 128),
    source_container: optionalText('activate_pipe', 'source_container', 256),
    source_endpoint: optionalText('activate_pipe', 'source_endpoint', MAX_PATH_CHARS).transform(
      (v) => v ?? '/',
    ),
    source_method: optionalText('activate_pipe', 'source_method', 16).transform((v) => v ?? 'GET'),
    source_broker_url: optionalText('activate_pipe', 'source_broker_url', MAX_PATH_CHARS),
    source_queue: optionalText('activate_pipe', 'source_queue', 256),
    target_container: optionalText('activate_pipe', 'target_container', 256),
    target_url: optionalText('activate_pipe', 'target_url', MAX_PATH_CHARS),
    target_adapter: optionalText('activate_pipe', 'target_adapter', 128),
    target_endpoint: optionalText('activate_pipe', 'target_endpoint', MAX_PATH_CHARS).transform(
      (v) => v ?? '/',
    ),
    target_method: optionalText('activate_pipe', 'target_method', 16).transform((v) => v ?? 'POST'),
    trigger_type: oneOf('activate_pipe', 'trigger_type', TRIGGER_TYPES, 'webhook'),
    poll_interval_secs: z
      .number({ error: POLL_RANGE })
      .int({ error: POLL_RANGE })
      .min(10, { error: POLL_RANGE })
      .max(86_400, { error: POLL_RANGE })
      .optional(),
  })
  .superRefine((p, ctx) => {
    if (!p.target_container && !p.target_url && !p.target_adapter) {
      ctx.addIssue({
        code: 'custom',
        path: ['target_container'],
        message: 'activate_pipe needs one of target_container, target_url or target_adapter',
      });
    }
    if (BROKER_TRIGGERS.has(p.trigger_type) && (!p.source_broker_url || !p.source_queue)) {
      ctx.addIssue({
        code: 'custom',
        path: [p.source_broker_url ? 'source_queue' : 'source_broker_url'],
        message: `activate_pipe with trigger_type ${p.trigger_type} needs source_broker_url and source_queue`,
      });
    }
  });

export const AGENT_PARAM_SCHEMAS = {
  deploy_with_configs: z.looseObject({
    app_code: requiredAppCode('deploy_with_configs'),
    pull: bool('deploy_with_configs', 'pull', true),
    force_recreate: bool('deploy_with_configs', 'force_recreate', false),
    apply_configs: bool('deploy_with_configs', 'apply_configs', true),
    runtime: z
      .enum(['runc', 'kata'], { error: 'deploy_with_configs.runtime must be one of runc, kata' })
      .optional(),
    registry_auth: registryAuth('deploy_with_configs'),
  }),
  fetch_config: z.looseObject({
    app_code: requiredAppCode('fetch_config'),
    apply: bool('fetch_config', 'apply', false),
  }),
  apply_config: z.looseObject({
    app_code: requiredAppCode('apply_config'),
    config_content: optionalText('apply_config', 'config_content', MAX_CONFIG_CHARS),
    destination_path: optionalText('apply_config', 'destination_path', MAX_PATH_CHARS),
    restart_after: bool('apply_config', 'restart_after', true),
  }),
  fetch_all_configs: z.looseObject({
    app_codes: appCodes('fetch_all_configs'),
    apply: bool('fetch_all_configs', 'apply', false),
    archive: bool('fetch_all_configs', 'archive', false),
  }),
  config_diff: z.looseObject({
    app_codes: appCodes('config_diff'),
    include_diff: bool('config_diff', 'include_diff', false),
  }),
  configure_proxy: z.looseObject({
    app_code: requiredAppCode('configure_proxy'),
    domain_names: z
      .array(z.string().trim().min(1).max(253), { error: 'configure_proxy.domain_names is required' })
      .min(1, { error: 'configure_proxy.domain_names must name at least one domain' })
      .max(100),
    forward_host: optionalText('configure_proxy', 'forward_host', 253),
    // No default: a proxy to a guessed port would publish the wrong service.
    forward_port: port('configure_proxy', 'forward_port'),
    ssl_enabled: bool('configure_proxy', 'ssl_enabled', true),
    ssl_forced: bool('configure_proxy', 'ssl_forced', true),
    http2_support: bool('configure_proxy', 'http2_support', true),
    action: oneOf('configure_proxy', 'action', ['create', 'update', 'delete'], 'create'),
    npm_host: optionalText('configure_proxy', 'npm_host', 253),
    npm_email: optionalText('configure_proxy', 'npm_email', 254),
    npm_password: optionalText('configure_proxy', 'npm_password', 1024),
  }),
  configure_firewall: z
    .looseObject({
      app_code: optionalAppCode('configure_firewall'),
      // The agent has no default and fails without one; upstream fills `add`.
      action: oneOf('configure_firewall', 'action', ['add', 'remove', 'list', 'flush'], 'add'),
      public_ports: firewallRules('public_ports'),
      private_ports: firewallRules('private_ports'),
      persist: bool('configure_firewall', 'persist', true),
    })
    .refine(
      (p) => !['add', 'remove'].includes(p.action) || p.public_ports.length + p.private_ports.length > 0,
      { path: ['public_ports'], error: 'configure_firewall add and remove need at least one rule' },
    ),
  probe_endpoints: z.looseObject({
    app_code: requiredAppCode('probe_endpoints'),
    container: container('probe_endpoints'),
    protocols: z
      .array(
        z.enum(PROBE_PROTOCOLS, {
          error: `probe_endpoints.protocols entries must be one of ${PROBE_PROTOCOLS.join(', ')}`,
        }),
        {
          error: 'probe_endpoints.protocols must be an array',
        },
      )
      .min(1, { error: 'probe_endpoints.protocols must name at least one protocol' })
      .default(() => ['openapi', 'html_forms', 'rest'] as (typeof PROBE_PROTOCOLS)[number][]),
    probe_timeout: int('probe_endpoints', 'probe_timeout', 1, 30, 5),
    capture_samples: bool('probe_endpoints', 'capture_samples', false),
  }),
  check_connections: z.looseObject({
    ports: z
      .array(port('check_connections', 'ports'), {
        error: 'check_connections.ports must be an array of ports',
      })
      .max(1000)
      .optional(),
  }),
  exec: z.looseObject({
    app_code: requiredAppCode('exec'),
    container: container('exec'),
    command: requiredText('exec', 'command', MAX_EXEC_CHARS),
    timeout: int('exec', 'timeout', 1, 3600, 30),
    redact_output: bool('exec', 'redact_output', true),
  }),
  activate_pipe: activatePipe,
  deactivate_pipe: z.looseObject({ pipe_instance_id: pipeId('deactivate_pipe') }),
  trigger_pipe: z.looseObject({
    pipe_instance_id: pipeId('trigger_pipe'),
    trigger_type: oneOf('trigger_pipe', 'trigger_type', TRIGGER_TYPES, 'manual'),
  }),
};

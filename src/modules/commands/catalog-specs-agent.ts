import type { SpecRow } from './catalog-types.js';

/*
 * Catalog rows of the agent's other types (deployment-lifecycle.md). `requires` only filters the
 * capabilities reply here, except the pipe types (`pipes`) and enforce-mode configure_proxy, which
 * enqueue refuses without it (catalog-capabilities.ts). Read-only per status-panel.md: the fetches, the
 * diff and the probes are re-queued when a lease runs out; everything else runs at most once.
 */
export const AGENT_SPEC_ROWS = {
  deploy_with_configs: {
    label: 'Deploy With Configs',
    icon: 'fas fa-rocket',
    scope: 'container',
    readOnly: false,
    requires: ['docker'],
    secretParams: ['registry_auth'],
  },
  fetch_config: {
    label: 'Fetch Config',
    icon: 'fas fa-file-download',
    scope: 'container',
    readOnly: true,
    requires: ['docker'],
  },
  apply_config: {
    label: 'Apply Config',
    icon: 'fas fa-file-upload',
    scope: 'container',
    readOnly: false,
    requires: ['docker'],
    secretParams: ['config_content'],
  },
  fetch_all_configs: {
    label: 'Fetch All Configs',
    icon: 'fas fa-archive',
    scope: 'deployment',
    readOnly: true,
    requires: ['docker'],
  },
  config_diff: {
    label: 'Config Diff',
    icon: 'fas fa-code-branch',
    scope: 'deployment',
    readOnly: true,
    requires: ['docker'],
  },
  configure_proxy: {
    label: 'Configure Proxy',
    icon: 'fas fa-globe',
    scope: 'container',
    readOnly: false,
    requires: ['docker'],
    secretParams: ['npm_password'],
  },
  configure_firewall: {
    label: 'Configure Firewall',
    icon: 'fas fa-shield-alt',
    scope: 'deployment',
    readOnly: false,
    requires: ['status_panel'],
  },
  probe_endpoints: {
    label: 'Probe Endpoints',
    icon: 'fas fa-satellite-dish',
    scope: 'container',
    readOnly: true,
    requires: ['docker'],
  },
  check_connections: {
    label: 'Check Connections',
    icon: 'fas fa-network-wired',
    scope: 'deployment',
    readOnly: true,
    requires: ['status_panel'],
  },
  exec: { label: 'Exec', icon: 'fas fa-terminal', scope: 'container', readOnly: false, requires: ['docker'] },
  activate_pipe: {
    label: 'Activate Pipe',
    icon: 'fas fa-plug',
    scope: 'deployment',
    readOnly: false,
    requires: ['pipes'],
  },
  deactivate_pipe: {
    label: 'Deactivate Pipe',
    icon: 'fas fa-unlink',
    scope: 'deployment',
    readOnly: false,
    requires: ['pipes'],
  },
  trigger_pipe: {
    label: 'Trigger Pipe',
    icon: 'fas fa-bolt',
    scope: 'deployment',
    readOnly: false,
    requires: ['pipes'],
  },
} satisfies Record<string, SpecRow>;

/**
 * The description of every OpenAPI tag a route uses, shown in `/docs` and the typed client. A route with
 * a tag missing here fails `redocly lint` (`npm run check`).
 */
export const API_TAGS: Record<string, string> = {
  service: 'Health and service endpoints (no credentials).',
  identity: 'Who the bearer token belongs to.',
  marketplace: 'The public catalog of listed templates and their categories.',
  'marketplace: vendors': "A vendor's own templates: create, edit, version, submit for review.",
  'admin: marketplace review': 'The admin review queue: approve, reject, ask for changes, unapprove.',
  admin: 'Operator tools: the outbox, agents, category sync (admins only).',
  deployments: 'Deploy a template (the ownership gate), list, read and delete deployments.',
  agents: 'Agent registration and token rotation.',
  'agent protocol': 'What the deployed agent calls: wait for commands, report results, app status.',
  commands: 'The command queue of a deployment: enqueue, list, read, cancel, follow.',
  handoff: 'Dashboard → CLI handoff: mint a single-use token, resolve it once from `stacker connect`.',
  'status panel': "Capabilities, the health check and container actions over the agent's queue.",
  'compose agent': 'The compose agent beside the main agent: registration and its direct routes.',
  projects: 'Projects: the apps of a deployment, their compose file, deploy and rollback.',
  clouds: "The caller's cloud provider credentials.",
  servers: 'Servers: SSH keys, secrets, firewall.',
};

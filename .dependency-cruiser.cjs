/**
 * The layer rules of docs/architecture.md, checked by `npm run check` (`npm run lint:layers`).
 * Layers point one way: entry (main.ts, app.ts, cli/) -> modules -> auth and integrations -> infra.
 * config.ts is ground every layer may stand on. Type-only imports count: a type is a dependency too.
 */
const ENTRY = '^src/(main|app)\\.ts$|^src/cli/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle works only while nobody reads the value at load time; keep the graph a tree.',
      from: { path: '^(src|dev|migrations)/' },
      to: { circular: true },
    },
    {
      name: 'src-not-dev',
      severity: 'error',
      comment:
        'A production process never loads development code: dev/ is wired in from the entry by a dynamic import.',
      from: { path: '^src/', pathNot: ENTRY },
      to: { path: '^(dev|test|bench)/' },
    },
    {
      name: 'entry-not-test',
      severity: 'error',
      comment: 'The entry may load the dev/ emulators (dynamically), never tests or benchmarks.',
      from: { path: ENTRY },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'nobody-imports-entry',
      severity: 'error',
      comment: 'main.ts, app.ts and cli/ sit on top: nothing in src reaches up into them.',
      from: { path: '^src/', pathNot: ENTRY },
      to: { path: ENTRY },
    },
    {
      name: 'infra-knows-no-caller',
      severity: 'error',
      comment: "infra is technical capability only: no feature, no caller identity, no other team's client.",
      from: { path: '^src/infra/' },
      to: { path: '^src/(modules|auth|integrations)/' },
    },
    {
      name: 'integrations-know-no-feature',
      severity: 'error',
      comment: 'A client of another service returns data; the feature that owns a table writes it.',
      from: { path: '^src/integrations/' },
      to: { path: '^src/(modules|auth)/' },
    },
    {
      name: 'auth-knows-no-feature',
      severity: 'error',
      comment:
        'What auth needs from a feature (agent credentials) comes through an interface in auth that the feature implements and app.ts wires.',
      from: { path: '^src/auth/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'module-through-index',
      severity: 'error',
      comment:
        'A module reaches another module only through its index.ts (its public surface), never its repository or tables.',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/([^/]+)/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'registry-through-index',
      severity: 'error',
      comment: 'The module registry mounts each module by its index.ts.',
      from: { path: '^src/modules/[^/]+\\.ts$' },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};

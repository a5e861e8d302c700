import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../../infra/clock.js';
import type { Database } from '../../infra/db/database.js';
import type { Category, UserServiceClient } from '../../integrations/user-service/index.js';
import {
  type CategoryRow,
  type CategoryValues,
  deleteCategory,
  insertCategory,
  listCategories,
  lockCategorySync,
  renameCategory,
  updateCategory,
} from './repository.js';

export interface CategorySyncCounts {
  /** Categories the User Service sent. */
  received: number;
  created: number;
  /** Existing rows whose name, title or priority changed. */
  updated: number;
  unchanged: number;
  /** Local rows folded into a category the User Service now sends under another id. */
  merged: number;
  /** Entries repeating an id or a name already seen in the same reply. */
  skipped: number;
}

export interface CategorySyncDeps {
  db: Kysely<Database>;
  clock: Clock;
  userService: Pick<UserServiceClient, 'listCategories'>;
  log?: { warn(obj: object, msg: string): void };
  /**
   * Re-files the templates of a category that is merged away, in the sync's transaction. The templates
   * module owns those rows and templates depend on categories, so it is handed in (registry, CLI).
   */
  moveTemplates: MoveTemplates;
}

export type MoveTemplates = (
  trx: Transaction<Database>,
  fromCategoryId: number,
  toCategoryId: number,
) => Promise<number>;

// A name no real category code has; it only lives inside the sync transaction.
const parkedName = (id: number) => `~sync-parked~${id}`;

/** Keeps the first entry for each id and each name: a reply that repeats one cannot be applied whole. */
function dedupe(
  categories: Category[],
  log: CategorySyncDeps['log'],
): { unique: Category[]; skipped: number } {
  const ids = new Set<number>();
  const names = new Set<string>();
  const unique: Category[] = [];
  for (const c of categories) {
    if (ids.has(c.id) || names.has(c.name)) {
      log?.warn({ categoryId: c.id, name: c.name }, 'category sync: duplicate id or name skipped');
      continue;
    }
    ids.add(c.id);
    names.add(c.name);
    unique.push(c);
  }
  return { unique, skipped: categories.length - unique.length };
}

const sameValues = (row: CategoryRow, v: CategoryValues) =>
  row.name === v.name && row.title === v.title && JSON.stringify(row.metadata) === JSON.stringify(v.metadata);

/**
 * Brings `stack_category` in line with the User Service: upsert by id, then by name. The whole reply
 * is applied in one transaction, so a failure leaves the previous categories as they were. Local
 * categories the service no longer sends are kept (templates may still point at them).
 *
 * Name conflicts: when the name a category should get is held by another local row, that row is either
 * a category renamed in the same reply (it is parked under a temporary name and gets its new name when
 * its turn comes), or the same category under an id the service no longer uses (its templates move to
 * the new id and the old row goes).
 *
 * Throws `UserServiceUnavailableError` when the service cannot answer; nothing is changed then.
 */
export async function syncCategories(deps: CategorySyncDeps): Promise<CategorySyncCounts> {
  const remote = await deps.userService.listCategories();
  const { unique, skipped } = dedupe(remote, deps.log);
  const counts: CategorySyncCounts = {
    received: remote.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    merged: 0,
    skipped,
  };
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await lockCategorySync(trx);
    const state = new LocalCategories(await listCategories(trx));
    const remoteIds = new Set(unique.map((c) => c.id));
    for (const c of unique) {
      const values: CategoryValues = {
        name: c.name,
        title: c.title,
        metadata: { priority: c.priority },
        syncedAt: now,
      };
      await applyOne(trx, deps.moveTemplates, state, remoteIds, c.id, values, counts);
    }
  });
  return counts;
}

async function applyOne(
  trx: Transaction<Database>,
  moveTemplates: MoveTemplates,
  state: LocalCategories,
  remoteIds: Set<number>,
  id: number,
  values: CategoryValues,
  counts: CategorySyncCounts,
): Promise<void> {
  const holder = state.byName.get(values.name);
  let mergeFrom: number | undefined;
  if (holder !== undefined && holder.id !== id) {
    if (!remoteIds.has(holder.id)) mergeFrom = holder.id;
    await renameCategory(trx, holder.id, parkedName(holder.id));
    state.rename(holder, parkedName(holder.id));
  }
  const existing = state.byId.get(id);
  if (existing !== undefined) {
    const changed = !sameValues(existing, values);
    await updateCategory(trx, id, values, changed);
    counts[changed ? 'updated' : 'unchanged'] += 1;
  } else {
    await insertCategory(trx, id, values);
    if (mergeFrom === undefined) counts.created += 1;
  }
  state.put({
    id,
    name: values.name,
    title: values.title,
    metadata: values.metadata,
    synced_at: values.syncedAt,
  });
  if (mergeFrom !== undefined) {
    await moveTemplates(trx, mergeFrom, id);
    await deleteCategory(trx, mergeFrom);
    state.remove(mergeFrom);
    counts.merged += 1;
  }
}

/** The local rows, indexed by id and by name, kept in step with the statements the sync runs. */
class LocalCategories {
  readonly byId = new Map<number, CategoryRow>();
  readonly byName = new Map<string, CategoryRow>();

  constructor(rows: CategoryRow[]) {
    for (const row of rows) this.put(row);
  }

  put(row: CategoryRow): void {
    const previous = this.byId.get(row.id);
    if (previous !== undefined && this.byName.get(previous.name) === previous)
      this.byName.delete(previous.name);
    this.byId.set(row.id, row);
    this.byName.set(row.name, row);
  }

  rename(row: CategoryRow, name: string): void {
    this.put({ ...row, name });
  }

  remove(id: number): void {
    const row = this.byId.get(id);
    if (row === undefined) return;
    this.byId.delete(id);
    if (this.byName.get(row.name) === row) this.byName.delete(row.name);
  }
}

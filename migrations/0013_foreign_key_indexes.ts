import { type Kysely, sql } from 'kysely';

// Every foreign key gets an index on its referencing column: without one, deleting or re-keying the
// referenced row scans the whole referencing table under lock (a template deleted while deployments
// pile up). test/infra/db/schema-rules.test.ts keeps it so for future migrations.
//
// Built in the migration's transaction (a plain CREATE INDEX blocks writes to the table while it builds;
// on these tables that is milliseconds). For a table already large in some installation, run the same
// statement with CONCURRENTLY by hand before upgrading: IF NOT EXISTS then skips it here
// (docs/ops/playbook.md, "Indexes on a large table").

const INDEXES: [name: string, table: string, column: string][] = [
  ['stack_template_approved_version_idx', 'stack_template', 'approved_version_id'],
  ['stack_template_category_idx', 'stack_template', 'category_id'],
  ['stack_template_review_version_idx', 'stack_template_review', 'version_id'],
  ['project_template_idx', 'project', 'template_id'],
  ['deployment_project_idx', 'deployment', 'project_id'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, table, column] of INDEXES) {
    await sql`CREATE INDEX IF NOT EXISTS ${sql.id(name)} ON ${sql.id(table)} (${sql.id(column)})`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name] of INDEXES) await sql`DROP INDEX IF EXISTS ${sql.id(name)}`.execute(db);
}

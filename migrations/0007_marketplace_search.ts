import { type Kysely, sql } from 'kysely';

// The public catalog's indexes (docs/decisions/0006-catalog-search-trigram.md has the measurements).
// All are partial on `status = 'approved'`: the catalog only ever reads listed templates, so drafts and
// rejected templates cost the indexes nothing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- What q searches (name, slug, descriptions, tags), lower-cased once at write time. A stored column
    -- rather than an expression index: the planner keeps statistics on it and picks the trigram index
    -- for rare terms and the sort index for common ones (an index on a SQL function's result was not
    -- matched once the planner inlined the function in the query).
    ALTER TABLE stack_template ADD COLUMN search_text text GENERATED ALWAYS AS (
      lower(
        name || ' ' || slug || ' ' || coalesce(short_description, '') || ' ' ||
        coalesce(long_description, '') || ' ' || tags::text
      )
    ) STORED;

    -- q is a substring match (LIKE '%q%'): trigrams serve it for any q of 3 characters or more.
    -- fastupdate off: templates are written rarely, and entries parked in GIN's pending list until the
    -- next vacuum made the planner skip the index after a batch of approvals.
    CREATE INDEX stack_template_search_trgm_idx ON stack_template USING gin (search_text gin_trgm_ops)
      WITH (fastupdate = off) WHERE status = 'approved';

    -- tag=x is tags @> '["x"]'.
    CREATE INDEX stack_template_tags_idx ON stack_template USING gin (tags jsonb_path_ops)
      WHERE status = 'approved';

    -- Keyset pagination of the two sort orders: (key..., id) DESC.
    CREATE INDEX stack_template_recent_idx ON stack_template (approved_at DESC, id DESC)
      WHERE status = 'approved';
    CREATE INDEX stack_template_popular_idx ON stack_template (deploy_count DESC, approved_at DESC, id DESC)
      WHERE status = 'approved';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX stack_template_popular_idx;
    DROP INDEX stack_template_recent_idx;
    DROP INDEX stack_template_tags_idx;
    DROP INDEX stack_template_search_trgm_idx;
    ALTER TABLE stack_template DROP COLUMN search_text;
  `.execute(db);
}

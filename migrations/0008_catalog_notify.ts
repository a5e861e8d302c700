import { type Kysely, sql } from 'kysely';

// Every instance caches the public catalog's pages (src/modules/templates/catalog-cache.ts); these
// triggers tell them all when a cached page may be wrong. Statement-level and in the database, so every
// writer is covered (services, the category sync, an operator's SQL) and a bulk update sends one NOTIFY.
// Delivered at commit (a rolled-back change invalidates nothing). view_count is left out on purpose: it
// moves on every template view, and the catalog may show it a few seconds old.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION stacker_notify_catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('stacker_catalog_changed', TG_TABLE_NAME);
      RETURN NULL;
    END $$;

    CREATE TRIGGER stack_template_catalog_changed
      AFTER INSERT OR DELETE OR UPDATE OF slug, name, short_description, long_description, category_id,
        tags, tech_stack, status, approved_version_id, required_plan_name, creator_user_id, creator_name,
        deploy_count, created_at, updated_at, submitted_at, approved_at
      ON stack_template FOR EACH STATEMENT EXECUTE FUNCTION stacker_notify_catalog_changed();
    CREATE TRIGGER template_listing_catalog_changed AFTER INSERT OR UPDATE OR DELETE ON template_listing
      FOR EACH STATEMENT EXECUTE FUNCTION stacker_notify_catalog_changed();
    CREATE TRIGGER stack_category_catalog_changed AFTER INSERT OR UPDATE OR DELETE ON stack_category
      FOR EACH STATEMENT EXECUTE FUNCTION stacker_notify_catalog_changed();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TRIGGER stack_category_catalog_changed ON stack_category;
    DROP TRIGGER template_listing_catalog_changed ON template_listing;
    DROP TRIGGER stack_template_catalog_changed ON stack_template;
    DROP FUNCTION stacker_notify_catalog_changed();
  `.execute(db);
}

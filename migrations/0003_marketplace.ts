import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE EXTENSION IF NOT EXISTS pg_trgm;

    CREATE TABLE stack_category (
      id integer PRIMARY KEY,
      name text NOT NULL CONSTRAINT stack_category_name_key UNIQUE,
      title text,
      metadata jsonb NOT NULL DEFAULT '{}',
      synced_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE stack_template (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      creator_user_id text NOT NULL,
      creator_name text,
      name text NOT NULL,
      slug text NOT NULL CONSTRAINT stack_template_slug_key UNIQUE,
      short_description text,
      long_description text,
      category_id integer REFERENCES stack_category (id) ON DELETE SET NULL,
      tags jsonb NOT NULL DEFAULT '[]',
      tech_stack jsonb NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'submitted', 'needs_changes', 'approved', 'rejected')),
      approved_version_id uuid,
      required_plan_name text,
      user_service_product_id text,
      event_sequence integer NOT NULL DEFAULT 0,
      view_count integer NOT NULL DEFAULT 0,
      deploy_count integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      submitted_at timestamptz,
      approved_at timestamptz
    );
    CREATE INDEX stack_template_creator_idx ON stack_template (creator_user_id, created_at DESC);
    CREATE INDEX stack_template_status_idx ON stack_template (status, submitted_at);

    CREATE TABLE template_listing (
      template_id uuid PRIMARY KEY REFERENCES stack_template (id) ON DELETE CASCADE,
      price numeric(12, 2) NOT NULL DEFAULT 0 CHECK (price >= 0),
      billing_cycle text NOT NULL DEFAULT 'free' CHECK (billing_cycle IN ('free', 'one_time', 'monthly')),
      currency char(3) NOT NULL DEFAULT 'USD',
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE stack_template_version (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      template_id uuid NOT NULL REFERENCES stack_template (id) ON DELETE CASCADE,
      version text NOT NULL,
      stack_definition jsonb NOT NULL,
      definition_format text NOT NULL DEFAULT 'yaml' CHECK (definition_format IN ('yaml', 'json')),
      changelog text,
      review_status text NOT NULL DEFAULT 'draft' CHECK (review_status IN ('draft', 'submitted', 'approved', 'rejected')),
      is_latest boolean NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT stack_template_version_unique UNIQUE (template_id, version)
    );
    CREATE UNIQUE INDEX stack_template_version_latest_idx ON stack_template_version (template_id) WHERE is_latest;

    ALTER TABLE stack_template ADD CONSTRAINT stack_template_approved_version_fk
      FOREIGN KEY (approved_version_id) REFERENCES stack_template_version (id) ON DELETE SET NULL
      DEFERRABLE INITIALLY DEFERRED;

    CREATE TABLE stack_template_review (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      template_id uuid NOT NULL REFERENCES stack_template (id) ON DELETE CASCADE,
      version_id uuid REFERENCES stack_template_version (id) ON DELETE SET NULL,
      reviewer_user_id text,
      decision text NOT NULL CHECK (decision IN ('submitted', 'approved', 'rejected', 'needs_changes', 'unapproved')),
      review_reason text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX stack_template_review_template_idx ON stack_template_review (template_id, created_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE stack_template_review;
    ALTER TABLE stack_template DROP CONSTRAINT stack_template_approved_version_fk;
    DROP TABLE stack_template_version;
    DROP TABLE template_listing;
    DROP TABLE stack_template;
    DROP TABLE stack_category;
  `.execute(db);
}

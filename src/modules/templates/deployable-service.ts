import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import { isUuid } from '../../infra/identifiers.js';
import type { BillingCycle } from './column-values.js';
import { findTemplateByRef, incrementDeployCount } from './deployable-repository.js';
import { SLUG_PATTERN } from './fields.js';
import { findLatestVersion, findVersionById } from './version-repository.js';
import { type TemplateView, templateView, type VersionView, versionView } from './views.js';

/**
 * What the deployments feature needs of a template: who made it, what it costs, which plan it needs,
 * and the definition to deploy. A template is deployable by a user when it is listed (approved, at its
 * approved version) or when the user created it (at its latest version, so a vendor can try a draft).
 */
export interface DeployableTemplate {
  id: string;
  slug: string;
  name: string;
  creatorUserId: string;
  requiredPlanName: string | null;
  /** The vendor's listing; `null` when the vendor never set one (free). */
  listing: { price: number; billingCycle: BillingCycle; currency: string } | null;
  /** The version to deploy; `null` when the creator's template has no version yet. */
  version: { id: string; version: string; definition: unknown; format: 'yaml' | 'json' } | null;
  /** Wire views for replies (the definition redacted unless the caller is the creator). */
  view: TemplateView;
  versionView: VersionView | null;
}

/**
 * The template `ref` (a UUID or a slug) as `userId` may deploy it, or `undefined` when it does not exist
 * or is neither listed nor theirs (the caller answers 404 for both, so neither is revealed).
 */
export async function findDeployableTemplate(
  db: Kysely<Database>,
  ref: string,
  userId: string,
): Promise<DeployableTemplate | undefined> {
  const key = isUuid(ref) ? { id: ref.toLowerCase() } : SLUG_PATTERN.test(ref) ? { slug: ref } : undefined;
  if (key === undefined) return undefined;
  const template = await findTemplateByRef(db, key);
  if (template === undefined) return undefined;
  const isCreator = template.creator_user_id === userId;
  const listed = template.status === 'approved' && template.approved_version_id !== null;
  if (!isCreator && !listed) return undefined;
  const version = isCreator
    ? await findLatestVersion(db, template.id)
    : await findVersionById(db, template.approved_version_id!);
  if (version === undefined && !isCreator) return undefined;
  const view = templateView(template);
  return {
    id: template.id,
    slug: template.slug,
    name: template.name,
    creatorUserId: template.creator_user_id,
    requiredPlanName: template.required_plan_name,
    listing: view.listing
      ? {
          price: view.listing.price,
          billingCycle: view.listing.billing_cycle,
          currency: view.listing.currency,
        }
      : null,
    version: version
      ? {
          id: version.id,
          version: version.version,
          definition: version.stack_definition,
          format: version.definition_format,
        }
      : null,
    view,
    versionView: version ? versionView(version, { redact: !isCreator }) : null,
  };
}

/** Counts one more deployment of the template, in the deployment's own transaction. */
export async function recordTemplateDeployed(trx: Transaction<Database>, templateId: string): Promise<void> {
  await incrementDeployCount(trx, templateId);
}

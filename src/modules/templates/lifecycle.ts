import { AppError } from '../../infra/http/errors.js';
import type { ReviewDecision, TemplateStatus, VersionReviewStatus } from './column-values.js';

// The template lifecycle, in one place:
//
//   draft ─submit→ submitted ─approve→ approved ─unapprove→ submitted
//                  submitted ─reject→ rejected ─submit→ submitted
//                  submitted ─needs-changes→ needs_changes ─submit→ submitted
//                                     approved ─reject→ rejected
//
// An approved template also has its own version review: a new version is `submitted` while the
// approved version stays listed; approving it moves `approved_version_id`, rejecting it leaves the
// template listed. Anything else is 409 `invalid_transition`, naming the current state.

export type MarketplaceAction = 'template_approved' | 'template_updated' | 'template_rejected';
export type AdminDecision = 'approve' | 'reject' | 'needs_changes' | 'unapprove';

const ACTION_LABELS: Record<AdminDecision | 'submit', string> = {
  approve: 'approve',
  reject: 'reject',
  needs_changes: 'request changes on',
  unapprove: 'unapprove',
  submit: 'submit',
};

export class InvalidTransitionError extends AppError {
  constructor(
    readonly action: AdminDecision | 'submit',
    readonly current: TemplateStatus,
  ) {
    super(
      409,
      'invalid_transition',
      `Cannot ${ACTION_LABELS[action]} a template whose status is '${current}'.`,
      { current_status: current },
    );
  }
}

/** What a decision does: to the template (`scope: template`) or to its pending version only. */
export interface DecisionPlan {
  scope: 'template' | 'version';
  /** The template's status afterwards. */
  status: TemplateStatus;
  /** The review status the concerned version gets. */
  versionStatus: VersionReviewStatus;
  /** The review row's decision. */
  review: ReviewDecision;
  /** The marketplace event to write, if the User Service's product is affected. */
  event: MarketplaceAction | null;
  /** Whether the concerned version becomes the listed one. */
  list: boolean;
}

const TEMPLATE_DECISIONS: Partial<Record<TemplateStatus, Partial<Record<AdminDecision, DecisionPlan>>>> = {
  submitted: {
    approve: plan('template', 'approved', 'approved', 'approved', 'template_approved', true),
    reject: plan('template', 'rejected', 'rejected', 'rejected', null),
    needs_changes: plan('template', 'needs_changes', 'draft', 'needs_changes', null),
  },
  approved: {
    // Unlisted and back in the queue: the product is deactivated until it is approved again.
    unapprove: plan('template', 'submitted', 'submitted', 'unapproved', 'template_rejected'),
    reject: plan('template', 'rejected', 'rejected', 'rejected', 'template_rejected'),
  },
};

/** Decisions on the pending version of an approved template; the template stays listed either way. */
const VERSION_DECISIONS: Partial<Record<AdminDecision, DecisionPlan>> = {
  approve: plan('version', 'approved', 'approved', 'approved', 'template_updated', true),
  reject: plan('version', 'approved', 'rejected', 'rejected', null),
};

function plan(
  scope: DecisionPlan['scope'],
  status: TemplateStatus,
  versionStatus: VersionReviewStatus,
  review: ReviewDecision,
  event: MarketplaceAction | null,
  list = false,
): DecisionPlan {
  return { scope, status, versionStatus, review, event, list };
}

/**
 * The plan of an admin decision on a template in `status`; `hasPendingVersion` says whether an
 * approved template has a submitted version waiting (approve and reject then apply to that version).
 */
export function planDecision(
  status: TemplateStatus,
  decision: AdminDecision,
  hasPendingVersion: boolean,
): DecisionPlan {
  if (status === 'approved' && hasPendingVersion) {
    const versionPlan = VERSION_DECISIONS[decision];
    if (versionPlan) return versionPlan;
  }
  const found = TEMPLATE_DECISIONS[status]?.[decision];
  if (!found) throw new InvalidTransitionError(decision, status);
  return found;
}

const SUBMITTABLE: ReadonlySet<TemplateStatus> = new Set(['draft', 'rejected', 'needs_changes']);
const EDITABLE: ReadonlySet<TemplateStatus> = new Set(['draft', 'rejected', 'needs_changes', 'approved']);

/** `submit` moves the template to `submitted`; only from draft, rejected or needs_changes. */
export function planSubmit(status: TemplateStatus): TemplateStatus {
  if (!SUBMITTABLE.has(status)) throw new InvalidTransitionError('submit', status);
  return 'submitted';
}

/** Metadata, listing and versions can change in every state but `submitted` (under review). */
export function isEditable(status: TemplateStatus): boolean {
  return EDITABLE.has(status);
}

export function assertEditable(status: TemplateStatus): void {
  if (!isEditable(status)) {
    throw new AppError(
      409,
      'template_not_editable',
      `The template is under review (status '${status}'); it can be changed after the review.`,
      { current_status: status },
    );
  }
}

/** A template is listed (public, deployable at its approved version) only while approved. */
export const isListed = (status: TemplateStatus): boolean => status === 'approved';

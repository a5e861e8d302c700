import { describe, expect, it } from 'vitest';
import type { TemplateStatus } from '../../../src/modules/templates/column-values.js';
import {
  type AdminDecision,
  assertEditable,
  InvalidTransitionError,
  planDecision,
  planSubmit,
} from '../../../src/modules/templates/lifecycle.js';

const STATUSES: TemplateStatus[] = ['draft', 'submitted', 'needs_changes', 'approved', 'rejected'];
const DECISIONS: AdminDecision[] = ['approve', 'reject', 'needs_changes', 'unapprove'];

// The allowed moves of the contract; every other (status, decision) pair must be refused.
const ALLOWED: Record<string, { status: TemplateStatus; event: string | null }> = {
  'submitted approve': { status: 'approved', event: 'template_approved' },
  'submitted reject': { status: 'rejected', event: null },
  'submitted needs_changes': { status: 'needs_changes', event: null },
  'approved unapprove': { status: 'submitted', event: 'template_rejected' },
  'approved reject': { status: 'rejected', event: 'template_rejected' },
};

describe('admin decisions on a template', () => {
  for (const status of STATUSES) {
    for (const decision of DECISIONS) {
      const allowed = ALLOWED[`${status} ${decision}`];
      it(`${decision} from ${status} ${allowed ? `→ ${allowed.status}` : 'is refused'}`, () => {
        if (allowed) {
          const plan = planDecision(status, decision, false);
          expect(plan).toMatchObject({ scope: 'template', status: allowed.status, event: allowed.event });
        } else {
          let error: unknown;
          try {
            planDecision(status, decision, false);
          } catch (err) {
            error = err;
          }
          expect(error).toBeInstanceOf(InvalidTransitionError);
          expect(error).toMatchObject({
            status: 409,
            code: 'invalid_transition',
            extras: { current_status: status },
          });
          expect((error as Error).message).toContain(`'${status}'`);
        }
      });
    }
  }
});

describe('decisions on the pending version of an approved template', () => {
  it('approve moves the listed version and sends template_updated', () => {
    expect(planDecision('approved', 'approve', true)).toMatchObject({
      scope: 'version',
      status: 'approved',
      versionStatus: 'approved',
      event: 'template_updated',
      list: true,
    });
  });

  it('reject refuses the version and keeps the template listed, without an event', () => {
    expect(planDecision('approved', 'reject', true)).toMatchObject({
      scope: 'version',
      status: 'approved',
      versionStatus: 'rejected',
      event: null,
      list: false,
    });
  });

  it('unapprove still unlists the template; needs-changes is not a version decision', () => {
    expect(planDecision('approved', 'unapprove', true)).toMatchObject({
      scope: 'template',
      status: 'submitted',
    });
    expect(() => planDecision('approved', 'needs_changes', true)).toThrow(InvalidTransitionError);
  });
});

describe('vendor moves', () => {
  it('submit is allowed from draft, rejected and needs_changes only', () => {
    for (const status of STATUSES) {
      if (['draft', 'rejected', 'needs_changes'].includes(status))
        expect(planSubmit(status)).toBe('submitted');
      else expect(() => planSubmit(status)).toThrow(InvalidTransitionError);
    }
  });

  it('edits are refused only while under review', () => {
    for (const status of STATUSES) {
      if (status === 'submitted') {
        expect(() => assertEditable(status)).toThrow(
          expect.objectContaining({ code: 'template_not_editable' }),
        );
      } else {
        expect(() => assertEditable(status)).not.toThrow();
      }
    }
  });
});

import { AppError } from '../../infra/http/errors.js';
import { type PlanRules, planAtLeast } from '../../infra/plans/plans.js';
import type { OwnedProduct, TemplateProduct } from '../../integrations/user-service/index.js';
import {
  ownershipCheckUnavailable,
  planRequired,
  templateNotFound,
  templateNotPurchased,
} from './gate-errors.js';
import type { ProductLookup } from './product-lookup.js';

/** What the gate needs to know about the template. */
export interface GateTemplate {
  id: string;
  creatorUserId: string;
  requiredPlanName: string | null;
  /** The vendor's listing: only used to refuse a priced template whose product is missing. */
  listing: { price: number; currency: string } | null;
}

/** What the gate needs to know about the caller (from the cached `/me`). */
export interface GateUser {
  id: string;
  plan: string | null;
  products: OwnedProduct[];
}

export interface GateDeps {
  plans: PlanRules;
  findProduct: ProductLookup;
  /** `/me` again, bypassing the cache: a purchase made a second ago must count. */
  refetchUser: () => Promise<GateUser>;
  onError?: (err: unknown, step: 'product' | 'refetch') => void;
}

export type GateDecision =
  | { allowed: true; reason: 'creator' }
  | { allowed: true; reason: 'free'; productId: string | null }
  | { allowed: true; reason: 'owned'; productId: string };

/**
 * The ownership gate of user-service.md, in the contract's order. It answers "allowed" or throws the
 * refusal (402, 403, 404 for an inactive product, 503); an error of the User Service is never an
 * "allowed". Nothing here writes: the caller deploys only after it returns.
 */
export async function runOwnershipGate(
  deps: GateDeps,
  user: GateUser,
  template: GateTemplate,
): Promise<GateDecision> {
  // 1. The creator may always deploy their own template (also a draft, also a paid one).
  if (user.id === template.creatorUserId) return { allowed: true, reason: 'creator' };

  // 2. The plan, before any price: free and paid templates alike. Unknown names fail closed.
  const required = template.requiredPlanName;
  if (required !== null && !planAtLeast(user.plan, required, deps.plans)) throw planRequired(required);

  // 3. The product (cached). An error here is 503, never "free".
  const product = await guarded(deps, 'product', () => deps.findProduct(template.id));
  if (product === undefined) {
    if (isPriced(template.listing)) throw ownershipCheckUnavailable(); // its webhook is late or dead
    return { allowed: true, reason: 'free', productId: null };
  }
  if (!product.isActive) throw templateNotFound();
  if (product.price === 0) return { allowed: true, reason: 'free', productId: product.id };

  // 4. Ownership, with one fresh look before refusing.
  if (owns(user, template.id)) return { allowed: true, reason: 'owned', productId: product.id };
  const fresh = await guarded(deps, 'refetch', deps.refetchUser);
  if (owns(fresh, template.id)) return { allowed: true, reason: 'owned', productId: product.id };
  throw templateNotPurchased(purchaseTerms(product, template));
}

function isPriced(listing: GateTemplate['listing']): boolean {
  return listing !== null && listing.price > 0;
}

/** A `products[]` entry of type template whose external id is the template id (compared as strings). */
export function owns(user: GateUser, templateId: string): boolean {
  const id = templateId.toLowerCase();
  return user.products.some(
    (p) => p.productType === 'template' && p.externalId !== null && String(p.externalId).toLowerCase() === id,
  );
}

function purchaseTerms(product: TemplateProduct, template: GateTemplate) {
  // The product's price is what is charged; the listing only fills in what the product leaves out.
  return {
    price: product.price ?? template.listing?.price ?? 0,
    currency: (product.currency ?? template.listing?.currency ?? 'USD').trim().toUpperCase(),
    productId: product.id,
  };
}

/** Step 5: whatever goes wrong asking the User Service is 503 (a refused token stays a 401). */
async function guarded<T>(deps: GateDeps, step: 'product' | 'refetch', call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof AppError && err.status === 401) throw err;
    deps.onError?.(err, step);
    throw ownershipCheckUnavailable();
  }
}

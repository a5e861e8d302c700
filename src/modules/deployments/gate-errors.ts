import { AppError } from '../../infra/http/errors.js';

// The ownership gate's refusals (api.md, Deployments). Their codes and the 402 message are read by the
// UI and the CLI: keep them exactly as the contract writes them.

export interface PurchaseTerms {
  price: number;
  currency: string;
  productId: string;
}

function formatPrice(price: number, currency: string): string {
  const amount = price.toFixed(2);
  return currency === 'USD' ? `$${amount}` : `${amount} ${currency}`;
}

export const templateNotPurchased = (terms: PurchaseTerms) =>
  new AppError(
    402,
    'template_not_purchased',
    `This verified pro stack requires purchase. Price: ${formatPrice(terms.price, terms.currency)}. Please purchase it in the marketplace.`,
    { price: terms.price, currency: terms.currency, product_id: terms.productId },
  );

export const planRequired = (plan: string) =>
  new AppError(403, 'plan_required', `This stack requires the '${plan}' plan or higher.`, {
    required_plan: plan,
  });

/** Fail closed and retryable: never "allowed" because the User Service could not say. */
export const ownershipCheckUnavailable = () =>
  new AppError(
    503,
    'ownership_check_unavailable',
    'Stacker cannot confirm with the User Service that you may deploy this stack; retry shortly.',
    {},
    undefined,
    { 'retry-after': '5' },
  );

export const templateNotFound = () => new AppError(404, 'not_found', 'Template not found.');

import { randomBytes } from 'node:crypto';
import type { TestApp } from './app.js';
import { bearer, type DevUser } from './auth.js';

// Marketplace templates for the deployment tests, made through the marketplace's own routes: the vendor
// creates and submits, an admin approves, and the outbox relay tells the emulator (which then has the
// product, with the listing's price).

export const STACK_YAML = ['services:', '  web:', '    image: nginx:1.27', '    ports: ["80:80"]', ''].join(
  '\n',
);

export interface TemplateOptions {
  /** The listing price; 0 (default) is a free template. */
  price?: number;
  currency?: string;
  billingCycle?: 'free' | 'one_time' | 'monthly';
  requiredPlan?: string;
  owner?: DevUser;
}

export interface TestTemplate {
  id: string;
  slug: string;
  name: string;
}

export const uniqueTemplateSlug = (prefix = 'deploy') => `${prefix}-${randomBytes(5).toString('hex')}`;

async function ok(t: TestApp, user: DevUser, method: 'POST', url: string, payload: unknown, status: number) {
  const res = await t.app.inject({ method, url, headers: bearer(user), payload: payload as object });
  if (res.statusCode !== status) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A draft of `owner` (the vendor by default) with one version. */
export async function draftTemplate(t: TestApp, options: TemplateOptions = {}): Promise<TestTemplate> {
  const slug = uniqueTemplateSlug();
  const price = options.price ?? 0;
  const body = await ok(
    t,
    options.owner ?? 'vendor',
    'POST',
    '/api/templates',
    {
      name: `Stack ${slug}`,
      slug,
      version: '1.0.0',
      stack_definition: STACK_YAML,
      required_plan_name: options.requiredPlan ?? null,
      listing: {
        price,
        billing_cycle: options.billingCycle ?? (price > 0 ? 'one_time' : 'free'),
        currency: options.currency ?? 'USD',
      },
    },
    201,
  );
  return { id: body.item.template.id, slug, name: `Stack ${slug}` };
}

/**
 * A listed template. With `syncProduct` (default) the marketplace webhook is delivered at once, so the
 * User Service has its product; without it, the product does not exist yet (a late webhook).
 */
export async function listedTemplate(
  t: TestApp,
  options: TemplateOptions & { syncProduct?: boolean } = {},
): Promise<TestTemplate> {
  const template = await draftTemplate(t, options);
  const owner = options.owner ?? 'vendor';
  await ok(t, owner, 'POST', `/api/templates/${template.id}/submit`, { confirm_no_secrets: true }, 200);
  await ok(t, 'admin', 'POST', `/api/admin/templates/${template.id}/approve`, {}, 200);
  if (options.syncProduct ?? true) {
    await t.app.outbox.runOnce();
    const product = t.userService.state.store.productByExternalId(template.id);
    if (product === undefined)
      throw new Error(`the emulator has no product for ${template.id} after the sync`);
  }
  return template;
}

/** Deploy limits no test reaches by accident (the plan limits are 5 to 60 a minute). */
export const UNLIMITED_DEPLOYS_ENV = {
  RATE_LIMITS: JSON.stringify(
    Object.fromEntries(
      ['free', 'basic', 'plus', 'pro', 'enterprise'].map((plan) => [plan, { deploy: 10_000 }]),
    ),
  ),
};

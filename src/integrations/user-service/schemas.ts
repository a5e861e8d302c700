import { z } from 'zod';

// The User Service is another team's server with a loose wire format (ids as numbers or strings, prices
// as numbers or strings, fields sometimes absent). These schemas absorb that once, so the rest of Stacker
// sees one normalised shape. Optional fields of the wrong type become null rather than failing the reply;
// a missing identity (user id, category id, product id) fails it.

const idLike = z.union([z.string().min(1), z.number()]).transform((value) => String(value));
const optionalId = idLike.nullish().catch(null);
const optionalText = z
  .string()
  .nullish()
  .catch(null)
  .transform((value) => (value === undefined || value === null || value === '' ? null : value));
const optionalPrice = z
  .union([z.number(), z.string()])
  .nullish()
  .catch(null)
  .transform((value) => toPrice(value));

function toPrice(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const trimmed = value.trim();
  const parsed = Number(trimmed);
  return trimmed !== '' && Number.isFinite(parsed) ? parsed : null;
}

/** `{"_items": [...]}` (the service's usual list envelope) or a bare array. */
function listReply<T extends z.ZodType>(item: T) {
  return z.union([z.object({ _items: z.array(item) }).transform((reply) => reply._items), z.array(item)]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const ownedProductSchema = z
  .object({
    product_id: optionalId,
    product_type: optionalText,
    code: optionalText,
    external_id: optionalId,
    name: optionalText,
    price: optionalPrice,
    owned_since: optionalText,
  })
  .transform((p) => ({
    productId: p.product_id ?? null,
    productType: p.product_type,
    code: p.code,
    externalId: p.external_id ?? null,
    name: p.name,
    price: p.price,
    ownedSince: p.owned_since,
  }));
export type OwnedProduct = z.infer<typeof ownedProductSchema>;

// One malformed entry must not hide the others: it is dropped, the rest are kept.
const ownedProducts = z
  .array(z.unknown())
  .nullish()
  .catch(null)
  .transform((items) =>
    (items ?? []).flatMap((item) => {
      const parsed = ownedProductSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    }),
  );

const planField = z
  .union([z.object({ name: z.string().nullish() }), z.string()])
  .nullish()
  .catch(null);

export const userProfileSchema = z
  .object({
    _id: idLike.optional().catch(undefined),
    id: idLike.optional().catch(undefined),
    user_id: idLike.optional().catch(undefined),
    email: optionalText,
    role: optionalText,
    first_name: optionalText,
    last_name: optionalText,
    plan: planField,
    plan_name: optionalText,
    products: ownedProducts,
  })
  .refine((u) => (u._id ?? u.id ?? u.user_id) !== undefined, {
    message: 'user id (_id, id or user_id) is missing',
  })
  .transform((u) => ({
    id: (u._id ?? u.id ?? u.user_id) as string,
    email: u.email,
    role: u.role ?? 'group_user',
    plan: planName(u.plan) ?? u.plan_name,
    firstName: u.first_name,
    lastName: u.last_name,
    products: u.products,
  }));
export type UserProfile = z.infer<typeof userProfileSchema>;

function planName(plan: z.infer<typeof planField>): string | null {
  const name = typeof plan === 'string' ? plan : plan?.name;
  return name ? name : null;
}

/** `/me` replies `{"user": {...}}` or the bare user object. */
export const meReplySchema = z
  .unknown()
  .transform((reply) => (isRecord(reply) && isRecord(reply.user) ? reply.user : reply))
  .pipe(userProfileSchema);

const numericId = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);

export const categorySchema = z
  .object({
    _id: numericId.optional(),
    id: numericId.optional(),
    name: z.string().min(1),
    title: optionalText,
    priority: z.number().nullish().catch(null),
  })
  .refine((c) => (c._id ?? c.id) !== undefined, { message: 'category id (_id) is missing' })
  .transform((c) => ({
    id: (c._id ?? c.id) as number,
    name: c.name,
    title: c.title ?? c.name,
    priority: c.priority ?? 0,
  }));
export type Category = z.infer<typeof categorySchema>;
export const categoriesReplySchema = listReply(categorySchema);

// Missing means active (not every deployment of the service sends it); an unreadable value fails closed.
const activeFlag = z
  .unknown()
  .optional()
  .transform((value) =>
    value === undefined || value === null
      ? true
      : value === true || value === 1 || value === 'true' || value === '1',
  );

export const templateProductSchema = z
  .object({
    _id: idLike.optional(),
    id: idLike.optional(),
    product_type: optionalText,
    external_id: optionalId,
    code: optionalText,
    name: optionalText,
    price: optionalPrice,
    currency: optionalText,
    billing_cycle: optionalText,
    is_active: activeFlag,
  })
  .refine((p) => (p._id ?? p.id) !== undefined, { message: 'product id (_id) is missing' })
  .transform((p) => ({
    id: (p._id ?? p.id) as string,
    productType: p.product_type,
    externalId: p.external_id ?? null,
    code: p.code,
    name: p.name,
    price: p.price,
    currency: p.currency,
    billingCycle: p.billing_cycle,
    isActive: p.is_active,
  }));
export type TemplateProduct = z.infer<typeof templateProductSchema>;
export const productsReplySchema = listReply(templateProductSchema);

export const tokenReplySchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.union([z.number().positive(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
});

/** `/auth/login`: only the bearer is read. */
export const loginReplySchema = z.object({ access_token: z.string().min(1) }).loose();

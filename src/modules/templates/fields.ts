import { z } from 'zod';

// Field rules shared by the request bodies. Optional fields accept `null` as "absent" (the CLI sends it).

/** `null` and a missing field both read as `undefined`. */
export const optional = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((v): z.output<T> | undefined => v ?? undefined);

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** `/api/templates/mine` is a route of its own, so no template may be reachable under that slug. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['mine']);

export const slugField = z
  .string()
  .min(3)
  .max(100)
  .regex(SLUG_PATTERN, 'must be lower-case letters and digits in words joined by single hyphens')
  .refine((s) => !RESERVED_SLUGS.has(s), 'is reserved');

export const nameField = z.string().trim().min(1).max(200);

/**
 * An optional text that may be cleared: `null` or missing is "absent" (`undefined`: unchanged), an
 * empty string is "clear it" (`null`). The transform sees the raw input, so the two never mix.
 */
const clearing = (text: z.ZodString) =>
  text.nullish().transform((v): string | null | undefined => (v == null ? undefined : v === '' ? null : v));

export const clearableText = (max: number) => clearing(z.string().trim().max(max));

export const tagsField = z
  .array(z.string().trim().min(1).max(50))
  .max(20)
  .transform((tags) => [...new Set(tags)]);

const MAX_TECH_STACK_BYTES = 16 * 1024;
export const techStackField = z
  .record(z.string().max(100), z.unknown())
  .refine((v) => JSON.stringify(v).length <= MAX_TECH_STACK_BYTES, 'must be at most 16 KiB of JSON');

export const planNameField = clearing(
  z
    .string()
    .trim()
    .max(50)
    .regex(/^([A-Za-z0-9][A-Za-z0-9_.-]*)?$/, 'must be a plan name such as pro'),
);

export const categoryCodeField = clearing(z.string().trim().max(100));

export const versionField = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._+-]*$/, 'must be a version such as 1.0.0');

/** A YAML text or a JSON object; the body's limit (1 MiB) bounds its size. */
export const definitionField = z.union([z.string(), z.record(z.string(), z.unknown())]);
export const definitionFormatField = z.enum(['yaml', 'json']);
export const changelogField = clearableText(10_000);

export const BILLING_CYCLES = ['free', 'one_time', 'monthly'] as const;
export const billingCycleField = z.enum(BILLING_CYCLES);

const MAX_PRICE = 9_999_999_999.99;
const TWO_DECIMALS = /^\d+(\.\d{1,2})?$/;

/** A number (or a numeric string), at least 0, with at most 2 decimals: what numeric(12,2) holds exactly. */
export const priceField = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^-?\d+(\.\d+)?$/, 'must be a number'),
  ])
  .transform((v, ctx) => {
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(n) || n < 0) ctx.addIssue({ code: 'custom', message: 'must be 0 or more' });
    else if (n > MAX_PRICE) ctx.addIssue({ code: 'custom', message: `must be at most ${MAX_PRICE}` });
    else if (!TWO_DECIMALS.test(typeof v === 'number' ? String(v) : v))
      ctx.addIssue({ code: 'custom', message: 'must have at most 2 decimals' });
    else return n;
    return z.NEVER;
  });

const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
export const currencyField = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine((s) => CURRENCIES.has(s), 'must be an ISO 4217 currency code such as USD');

/** The CLI's flat `plan_type`: `subscription` is a monthly listing. */
export const planTypeField = z.enum(['free', 'one_time', 'subscription', 'monthly']);

export const listingField = z.object({
  price: priceField,
  billing_cycle: billingCycleField,
  currency: optional(currencyField),
});

export const reasonField = z.string().trim().min(1).max(2000);

import { z } from 'zod';
import { APP_CODE_RE } from '../../infra/identifiers.js';

/*
 * The field builders of the catalog's parameter schemas. Every message names `<type>.<field>`, so a
 * refusal reads the same whatever the form or client sent it. `type` is any catalog type name.
 */

// Docker container names (the API reports them with a leading '/'), or ids.
export const CONTAINER_RE = /^\/?[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/;

export const blankToAbsent = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

export function appCodeString(type: string) {
  const required = `${type}.app_code is required`;
  return z
    .string({ error: (iss) => (iss.input === undefined ? required : `${type}.app_code must be a string`) })
    .trim()
    .min(1, { error: required, abort: true })
    .regex(APP_CODE_RE, { error: `${type}.app_code must match ${APP_CODE_RE.source}` });
}

export const requiredAppCode = (type: string) => appCodeString(type);
export const optionalAppCode = (type: string) => z.preprocess(blankToAbsent, appCodeString(type).optional());

export function optionalText(type: string, field: string, max: number, pattern?: RegExp) {
  let schema = z
    .string({ error: `${type}.${field} must be a string` })
    .max(max, { error: `${type}.${field} must be at most ${max} characters` });
  if (pattern) schema = schema.regex(pattern, { error: `${type}.${field} must match ${pattern.source}` });
  return z.preprocess(blankToAbsent, schema.optional());
}

export const container = (type: string) => optionalText(type, 'container', 256, CONTAINER_RE);

export function int(type: string, field: string, min: number, max: number, fallback: number) {
  const range = `${type}.${field} must be an integer between ${min} and ${max}`;
  return z
    .number({ error: range })
    .int({ error: range })
    .min(min, { error: range })
    .max(max, { error: range })
    .default(fallback);
}

export const bool = (type: string, field: string, fallback: boolean) =>
  z.boolean({ error: `${type}.${field} must be true or false` }).default(fallback);

export function oneOf<const T extends readonly [string, ...string[]]>(
  type: string,
  field: string,
  values: T,
  fallback: T[number],
) {
  return z.enum(values, { error: `${type}.${field} must be one of ${values.join(', ')}` }).default(fallback);
}

/** A required string: missing, null and blank are all `<type>.<field> is required`. */
export function requiredText(type: string, field: string, max: number) {
  const required = `${type}.${field} is required`;
  return z.preprocess(
    blankToAbsent,
    z
      .string({ error: (iss) => (iss.input === undefined ? required : `${type}.${field} must be a string`) })
      .max(max, { error: `${type}.${field} must be at most ${max} characters` }),
  );
}

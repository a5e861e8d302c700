import { AppError } from '../../infra/http/errors.js';

/** The unique constraint of `stack_template.slug`, mapped to `slug_taken` (SQLSTATE 23505, not message text). */
export const SLUG_CONSTRAINT = 'stack_template_slug_key';
/** UNIQUE (template_id, version) of `stack_template_version`. */
export const VERSION_CONSTRAINT = 'stack_template_version_unique';

/** The exact message of the contract: the CLI shows it as is. */
export const slugTaken = (slug: string) =>
  new AppError(
    409,
    'slug_taken',
    `Template slug '${slug}' is already in use. Please choose a different slug.`,
    { slug },
    [{ path: 'body.slug', message: 'is already in use' }],
  );

export const versionExists = (version: string) =>
  new AppError(
    409,
    'version_exists',
    `Version '${version}' of this template already exists. Please use a new version number.`,
    { version },
    [{ path: 'body.version', message: 'already exists' }],
  );

export const templateNotFound = () => new AppError(404, 'not_found', 'Template not found.');

import { AppError } from '../../infra/http/errors.js';

/** UNIQUE (user_id, name) of `cloud`, mapped to `cloud_name_taken` by SQLSTATE 23505 and this name. */
export const CLOUD_NAME_CONSTRAINT = 'cloud_user_name_key';

export const cloudNameTaken = (name: string) =>
  new AppError(409, 'cloud_name_taken', `You already have a cloud named '${name}'.`, { name }, [
    { path: 'body.name', message: 'is already in use' },
  ]);

// The contract's texts (clouds-servers.md): the CLI reads a 404 on GET as "no such cloud".
export const cloudRecordNotFound = () => new AppError(404, 'cloud_not_found', 'record not found');
export const cloudNotFound = () => new AppError(404, 'cloud_not_found', 'Cloud not found');

export const credentialsMissing = () =>
  new AppError(
    400,
    'cloud_credentials_missing',
    'Failed to encrypt cloud credentials. Please contact support.',
    {},
    [{ path: 'body', message: 'save_token needs cloud_token, or cloud_key and cloud_secret' }],
  );

import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/infra/http/errors.js';
import {
  checkNpmCredentials,
  DEFAULT_NPM_CREDENTIALS,
  npmSecretParams,
} from '../../../src/modules/servers/npm-credentials.js';

const detailOf = (fn: () => void) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return `${err.status} ${err.detail}`;
    throw err;
  }
  return 'accepted';
};

describe('npm_credentials', () => {
  it('must be a JSON object written as a string', () => {
    expect(detailOf(() => checkNpmCredentials('{"host":"h"}'))).toBe('accepted');
    expect(detailOf(() => checkNpmCredentials('not json'))).toBe(
      '400 npm_credentials body must be valid JSON',
    );
    for (const notObject of ['[]', '"x"', '1', 'null']) {
      expect(detailOf(() => checkNpmCredentials(notObject))).toBe(
        '400 npm_credentials body must be a JSON object',
      );
    }
  });

  it('gives the three secret parameters only when all three are present', () => {
    expect(npmSecretParams(JSON.stringify(DEFAULT_NPM_CREDENTIALS))).toEqual({
      npm_host: 'http://nginx-proxy-manager:81',
      npm_email: 'admin@example.com',
      npm_password: 'changeme',
    });
    expect(npmSecretParams('{"host":"h","email":"e"}')).toBeUndefined();
    expect(npmSecretParams('{"host":"h","email":"e","password":""}')).toBeUndefined();
    expect(npmSecretParams('oops')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIMEOUT_SECONDS,
  maskSecretParams,
  mergeSecretParams,
  PRIORITIES,
  parseCommandParameters,
  priorityFromSmallint,
  prioritySchema,
  priorityToSmallint,
  splitSecretParams,
  timeoutSecondsSchema,
} from '../../../src/modules/commands/catalog.js';

function deployParams(): Record<string, unknown> {
  const result = parseCommandParameters('deploy_app', {
    app_code: 'web',
    image: 'nginx:1.27',
    compose_content: 'services:\n  web:\n    image: nginx\n',
    env_vars: { DB_PASSWORD: 'hunter2' },
  });
  if (!result.ok) throw new Error('invalid fixture');
  return result.params;
}

describe('secret parameters', () => {
  it('splits secrets out, leaving "***" in the public copy', () => {
    const params = deployParams();
    const { publicParams, secretParams } = splitSecretParams('deploy_app', params);
    expect(publicParams).toMatchObject({
      app_code: 'web',
      image: 'nginx:1.27',
      env_vars: '***',
      compose_content: '***',
    });
    expect(JSON.stringify(publicParams)).not.toContain('hunter2');
    expect(secretParams).toEqual({ env_vars: params.env_vars, compose_content: params.compose_content });
    expect(mergeSecretParams(publicParams, secretParams)).toEqual(params);
  });

  it('has nothing to split when no secret was given', () => {
    const params = { app_code: 'web', image: 'nginx' };
    expect(splitSecretParams('deploy_app', params)).toEqual({
      publicParams: params,
      secretParams: undefined,
    });
    expect(splitSecretParams('restart', { app_code: 'web' }).secretParams).toBeUndefined();
    expect(mergeSecretParams(params, undefined)).toEqual(params);
  });

  it('masks secrets without touching the input or other fields', () => {
    const params = deployParams();
    const masked = maskSecretParams('deploy_app', params);
    expect(masked).toMatchObject({ env_vars: '***', compose_content: '***', image: 'nginx:1.27' });
    expect(params.env_vars).toEqual({ DB_PASSWORD: 'hunter2' });
    expect(maskSecretParams('deploy_app', { app_code: 'web' })).toEqual({ app_code: 'web' });
    expect(maskSecretParams('restart', { app_code: 'web', env_vars: 'x' })).toEqual({
      app_code: 'web',
      env_vars: 'x',
    });
  });
});

describe('priorities and timeouts', () => {
  it('maps priorities to 0..3 and back', () => {
    PRIORITIES.forEach((priority, index) => {
      expect(priorityToSmallint(priority)).toBe(index);
      expect(priorityFromSmallint(index)).toBe(priority);
    });
    expect(priorityToSmallint('normal')).toBe(1);
    expect(() => priorityFromSmallint(4)).toThrow(RangeError);
    expect(() => priorityFromSmallint(-1)).toThrow(RangeError);
  });

  it('defaults to normal priority and a 300 s timeout within 1..3600', () => {
    expect(prioritySchema.parse(undefined)).toBe('normal');
    expect(prioritySchema.safeParse('urgent').success).toBe(false);
    expect(DEFAULT_TIMEOUT_SECONDS).toBe(300);
    expect(timeoutSecondsSchema.parse(undefined)).toBe(300);
    expect(timeoutSecondsSchema.parse(3600)).toBe(3600);
    for (const bad of [0, 3601, 1.5]) expect(timeoutSecondsSchema.safeParse(bad).success).toBe(false);
  });
});

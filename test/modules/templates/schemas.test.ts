import { describe, expect, it } from 'vitest';
import {
  addVersionBody,
  createTemplateBody,
  submitBody,
  updateTemplateBody,
} from '../../../src/modules/templates/schemas.js';

const base = { name: 'Ghost blog', slug: 'ghost-blog' };

function issuePaths(
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } },
  body: unknown,
) {
  const result = schema.safeParse(body);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => i.path.join('.'));
}

describe('create body: every bad field is named', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['slug too short', { slug: 'ab' }, 'slug'],
    ['slug too long', { slug: 'a'.repeat(101) }, 'slug'],
    ['slug with upper case', { slug: 'Ghost-blog' }, 'slug'],
    ['slug with a double hyphen', { slug: 'ghost--blog' }, 'slug'],
    ['slug ending with a hyphen', { slug: 'ghost-' }, 'slug'],
    ['reserved slug', { slug: 'mine' }, 'slug'],
    ['empty name', { name: '  ' }, 'name'],
    ['name too long', { name: 'x'.repeat(201) }, 'name'],
    ['short description too long', { short_description: 'x'.repeat(501) }, 'short_description'],
    ['tags not an array', { tags: 'blog' }, 'tags'],
    ['tags with a number', { tags: ['blog', 3] }, 'tags.1'],
    ['too many tags', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags'],
    ['tech_stack an array', { tech_stack: ['node'] }, 'tech_stack'],
    ['stack_definition a number', { stack_definition: 42 }, 'stack_definition'],
    [
      'definition_format unknown',
      { stack_definition: 'a: 1', definition_format: 'toml' },
      'definition_format',
    ],
    ['YAML that does not parse', { stack_definition: 'services: [unclosed' }, 'stack_definition'],
    ['YAML that is not a mapping', { stack_definition: '- a\n- b' }, 'stack_definition'],
    [
      'JSON text that does not parse',
      { stack_definition: '{oops', definition_format: 'json' },
      'stack_definition',
    ],
    [
      'object declared as YAML',
      { stack_definition: { services: {} }, definition_format: 'yaml' },
      'stack_definition',
    ],
    ['version without a definition', { version: '1.0.0' }, 'stack_definition'],
    ['bad version', { version: '1.0 beta', stack_definition: 'a: 1' }, 'version'],
    ['negative price', { listing: { price: -1, billing_cycle: 'one_time' } }, 'listing.price'],
    ['three decimals', { listing: { price: 1.005, billing_cycle: 'one_time' } }, 'listing.price'],
    ['price as words', { listing: { price: 'ten', billing_cycle: 'one_time' } }, 'listing.price'],
    ['unknown billing cycle', { listing: { price: 5, billing_cycle: 'weekly' } }, 'listing.billing_cycle'],
    [
      'unknown currency',
      { listing: { price: 5, billing_cycle: 'one_time', currency: 'XYZ' } },
      'listing.currency',
    ],
    ['free with a price', { listing: { price: 5, billing_cycle: 'free' } }, 'listing.price'],
    ['paid without a price', { listing: { price: 0, billing_cycle: 'monthly' } }, 'listing.price'],
    ['flat price without plan_type', { price: 9.99 }, 'plan_type'],
    ['unknown plan_type', { plan_type: 'lifetime', price: 5 }, 'plan_type'],
    [
      'both listing and flat fields',
      { listing: { price: 0, billing_cycle: 'free' }, plan_type: 'free' },
      'listing',
    ],
    ['plan name with spaces', { required_plan_name: 'pro plan' }, 'required_plan_name'],
  ];
  for (const [label, patch, path] of cases) {
    it(`${label} → ${path}`, () => {
      expect(issuePaths(createTemplateBody, { ...base, ...patch })).toContain(path);
    });
  }

  it('names a missing name and slug', () => {
    expect(issuePaths(createTemplateBody, {})).toEqual(expect.arrayContaining(['name', 'slug']));
  });
});

describe('create body: accepted shapes', () => {
  it('reads null as absent for every optional field (the CLI sends null)', () => {
    const nulls = Object.fromEntries(
      [
        'short_description',
        'long_description',
        'category_code',
        'tags',
        'tech_stack',
        'required_plan_name',
        'version',
        'stack_definition',
        'definition_format',
        'changelog',
        'listing',
        'plan_type',
        'price',
        'currency',
      ].map((k) => [k, null]),
    );
    const parsed = createTemplateBody.parse({ ...base, ...nulls });
    expect(parsed).toEqual({
      slug: 'ghost-blog',
      name: 'Ghost blog',
      metadata: { name: 'Ghost blog' },
      listing: undefined,
      version: undefined,
    });
  });

  it('maps the CLI flat plan_type/price/currency to the listing (subscription is monthly)', () => {
    expect(
      createTemplateBody.parse({ ...base, plan_type: 'subscription', price: '12.50', currency: 'eur' })
        .listing,
    ).toEqual({
      price: 12.5,
      billing_cycle: 'monthly',
      currency: 'EUR',
    });
    expect(createTemplateBody.parse({ ...base, plan_type: 'free' }).listing).toEqual({
      price: 0,
      billing_cycle: 'free',
      currency: 'USD',
    });
    expect(
      createTemplateBody.parse({ ...base, plan_type: 'one_time', price: 19 }).listing?.billing_cycle,
    ).toBe('one_time');
  });

  it('keeps YAML as text and reads a JSON string as an object', () => {
    const yaml = createTemplateBody.parse({
      ...base,
      stack_definition: 'services:\n  web: {image: nginx}\n',
    });
    expect(yaml.version).toEqual({
      version: '1.0.0',
      definition: { value: 'services:\n  web: {image: nginx}\n', format: 'yaml' },
      changelog: null,
    });
    const json = createTemplateBody.parse({
      ...base,
      version: '2.0',
      stack_definition: '{"services":{}}',
      definition_format: 'json',
    });
    expect(json.version?.definition).toEqual({ value: { services: {} }, format: 'json' });
    const object = createTemplateBody.parse({ ...base, stack_definition: { services: { web: {} } } });
    expect(object.version?.definition.format).toBe('json');
  });

  it('trims and de-duplicates tags; an empty text clears a field', () => {
    const parsed = createTemplateBody.parse({
      ...base,
      tags: [' blog ', 'blog', 'cms'],
      short_description: '',
    });
    expect(parsed.metadata).toEqual({ name: 'Ghost blog', tags: ['blog', 'cms'], short_description: null });
  });
});

describe('other bodies', () => {
  it('update: every field optional, the same rules', () => {
    expect(updateTemplateBody.parse({})).toEqual({ slug: undefined, metadata: {}, listing: undefined });
    expect(issuePaths(updateTemplateBody, { slug: 'Bad Slug' })).toContain('slug');
    expect(issuePaths(updateTemplateBody, { price: 1.234, plan_type: 'one_time' })).toContain('price');
  });

  it('version: version and definition required', () => {
    expect(issuePaths(addVersionBody, {})).toEqual(expect.arrayContaining(['version', 'stack_definition']));
    expect(
      addVersionBody.parse({ version: '1.1.0', stack_definition: 'a: 1', changelog: 'fix' }),
    ).toMatchObject({
      version: '1.1.0',
      changelog: 'fix',
    });
  });

  it('submit: confirm_no_secrets must be exactly true', () => {
    for (const body of [{}, { confirm_no_secrets: false }, { confirm_no_secrets: 'true' }]) {
      expect(issuePaths(submitBody, body)).toEqual(['confirm_no_secrets']);
    }
    expect(submitBody.parse({ confirm_no_secrets: true })).toEqual({ confirm_no_secrets: true });
  });
});

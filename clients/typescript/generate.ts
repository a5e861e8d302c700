import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

// The TypeScript types of the API, generated from the committed OpenAPI document (docs/openapi.json,
// itself kept equal to the server's /openapi.json by a test). `npm run client:types` rewrites the file;
// test/repo/typed-client.test.ts fails when it is stale.

const ROOT = path.resolve(import.meta.dirname, '../..');
export const SCHEMA_TYPES = path.join(ROOT, 'clients/typescript/src/schema.d.ts');

const HEADER = '// Generated from docs/openapi.json by `npm run client:types`. Do not edit.\n\n';

export async function generateSchemaTypes(): Promise<string> {
  const document = JSON.parse(await readFile(path.join(ROOT, 'docs/openapi.json'), 'utf8'));
  const ast = await openapiTS(document, { alphabetize: true });
  return HEADER + astToString(ast);
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  await writeFile(SCHEMA_TYPES, await generateSchemaTypes());
  console.log(`wrote ${path.relative(ROOT, SCHEMA_TYPES)}`);
}

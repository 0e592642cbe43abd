import { INestApplication } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The workspace root (the folder with nx.json), from the sources or from their build in dist/. */
function workspaceRoot(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'nx.json'))) return dir;
  }
  throw new Error(`No nx.json above ${from}`);
}

/** Where the API's SDL is committed; the web app's typed operations are generated from it. */
export const SCHEMA_FILE = path.join(workspaceRoot(__dirname), 'apps/api/schema.graphql');

const HEADER =
  "# The API's schema, written by `npm run schema` from the code-first resolvers. Do not edit: the\n" +
  '# gate fails when it differs from what the API serves (test/e2e/committed-schema.spec.ts).\n\n';

/** The SDL of a running (initialised) API, sorted as it is served, with the committed file's header. */
export function schemaSdl(app: INestApplication): string {
  return `${HEADER}${printSchema(app.get(GraphQLSchemaHost).schema)}\n`;
}

// Typed operations from the API's committed schema (apps/api/schema.graphql, written by
// `npm run schema`). `npm run codegen` writes src/gql/; the gate runs it with --check and fails when
// the committed output is stale (the output is committed as generated: not formatted by prettier,
// so --check compares like with like).
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'apps/api/schema.graphql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Date: 'string', Upload: 'never' },
        skipTypename: true,
      },
    },
  },
};

export default config;

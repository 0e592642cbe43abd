// Vite transform: each `graphql(`…`)` call is replaced by that operation's document, taken from the
// codegen output (src/gql/graphql.ts), inlined where it is used — the job of the client preset's
// Babel plugin (@graphql-codegen/client-preset/babel), which Vite 8 (Oxc, no Babel) cannot run.
// Without it, gql.ts's lookup table of every document in the app lands in the first load; importing
// the documents from graphql.ts instead would still put that one module (all documents a chunk
// uses) in the shared entry chunk. Names come from the codegen visitor the Babel plugin uses.
import type { DefinitionNode } from 'graphql';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

// The codegen visitor is CommonJS and checks that the schema comes from its own copy of graphql:
// take graphql from the same (CommonJS) realm, not the ESM build this config file would import.
const require = createRequire(import.meta.url);
const { buildSchema, parse } = require('graphql') as typeof import('graphql');
const { ClientSideBaseVisitor } =
  require('@graphql-codegen/visitor-plugin-common') as typeof import('@graphql-codegen/visitor-plugin-common');

const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
const GQL_IMPORT = /^import\s*\{\s*graphql\s*\}\s*from\s*['"][^'"]*\/gql['"];?\s*$/m;
const DOCUMENT = /^export const (\w+) = (\{[\s\S]*?\}) as unknown as DocumentNode/gm;

export function graphqlDocuments(artifactDirectory: string): Plugin {
  const visitor = new ClientSideBaseVisitor(buildSchema('type Query { _: Int }'), [], {}, {});
  const generated = path.join(artifactDirectory, 'graphql.ts');
  let cache: { mtimeMs: number; documents: Map<string, string> } | null = null;

  /** The generated documents by export name, re-read when codegen has written the file again. */
  const documents = (): Map<string, string> => {
    const { mtimeMs } = statSync(generated);
    if (cache?.mtimeMs !== mtimeMs) {
      const found = new Map<string, string>();
      for (const [, name, literal] of readFileSync(generated, 'utf8').matchAll(DOCUMENT))
        found.set(name, literal);
      cache = { mtimeMs, documents: found };
    }
    return cache.documents;
  };

  const exportName = (definition: DefinitionNode | undefined): string | null => {
    if (definition?.kind === 'OperationDefinition' && definition.name) {
      return visitor.getOperationVariableName(definition);
    }
    if (definition?.kind === 'FragmentDefinition') return visitor.getFragmentVariableName(definition);
    return null;
  };

  return {
    name: 'crm:graphql-documents',
    enforce: 'pre',
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.startsWith(artifactDirectory) || !code.includes('graphql(')) return null;
      let changed = false;
      const replaced = code.replace(CALL, (whole, source: string) => {
        let definition: DefinitionNode | undefined;
        try {
          [definition] = parse(source).definitions;
        } catch {
          return whole; // not a document (a comment that mentions graphql(`…`)); codegen checks the real ones
        }
        const name = exportName(definition);
        const literal = name ? documents().get(name) : undefined;
        if (!name || !literal) {
          this.error(`${id}: no generated document for this graphql() call: run \`npm run codegen\``);
        }
        changed = true;
        return `(${literal})`;
      });
      if (!changed) return null;
      return { code: replaced.replace(GQL_IMPORT, ''), map: null };
    },
  };
}

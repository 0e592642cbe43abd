import type { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  FragmentDefinitionNode,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import type { GraphqlContext } from '../auth/request-context';
import type { AccessLogWriter } from './access-log.writer';
import { personReadBy } from './personal-fields';

type Path = { prev: Path | undefined; key: string | number };

/** The response key (alias or name) of the root field a resolved field sits under. */
function rootKeyOf(path: Path): string {
  let at = path;
  while (at.prev) at = at.prev;
  return String(at.key);
}

/** Response key → field name of the operation's root fields (through fragments on the root type). */
function rootFieldNames(
  operation: OperationDefinitionNode,
  document: DocumentNode | undefined,
): Map<string, string> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document?.definitions ?? []) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const names = new Map<string, string>();
  const visit = (set: SelectionSetNode, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD)
        names.set(selection.alias?.value ?? selection.name.value, selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet, seen);
      }
    }
  };
  visit(operation.selectionSet, new Set());
  return names;
}

/**
 * The access log's eye on GraphQL: every field resolution is checked against PERSONAL_FIELDS (a map
 * lookup), the person ids read are gathered per root field in the request's own closure, and when the
 * answer is sent they go to the AccessLogWriter as one read per root field (a list of 500 persons is
 * one read). Nothing is written while the request runs: the writer batches.
 */
export function accessLogPlugin(writer: AccessLogWriter): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart() {
      const at = new Date();
      let read: Map<string, Set<string>> | null = null;
      // The fields of one object share its path: once one of them has recorded the person, the rest
      // of that object's fields need no look-up (a list of 500 persons with 4 fields: 500, not 2,000).
      let recordedAt: unknown = null;
      return {
        async executionDidStart() {
          return {
            willResolveField({ source, info }) {
              if (info.path.prev !== undefined && info.path.prev === recordedAt) return;
              const personId = personReadBy(info.parentType.name, info.fieldName, source);
              if (!personId) return;
              recordedAt = info.path.prev;
              const root = rootKeyOf(info.path as Path);
              read ??= new Map();
              let ids = read.get(root);
              if (!ids) read.set(root, (ids = new Set()));
              ids.add(personId);
            },
          };
        },
        async willSendResponse({ contextValue, operation, document }) {
          const user = contextValue.req?.user;
          if (!read || !user || !operation) return;
          const names = rootFieldNames(operation, document);
          const byField = new Map<string, Set<string>>();
          for (const [key, ids] of read) {
            const field = names.get(key) ?? key;
            const all = byField.get(field);
            if (all) for (const id of ids) all.add(id);
            else byField.set(field, ids);
          }
          writer.add(
            ...[...byField].map(([operationName, ids]) => ({
              at,
              userId: user.id,
              operation: operationName,
              actorIds: [...ids],
            })),
          );
        },
      };
    },
  };
}

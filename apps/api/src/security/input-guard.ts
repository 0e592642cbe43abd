import { ApolloServerPlugin } from '@apollo/server';
import { ArgumentNode, DocumentNode, Kind, ObjectFieldNode, ValueNode, visit } from 'graphql';
import { badUserInput } from '../common/errors';

/**
 * Text PostgreSQL refuses, or stores other than it was sent, wherever a user can type it:
 * a NUL character (`invalid byte sequence for encoding "UTF8": 0x00`) and a lone UTF-16 surrogate
 * (not Unicode; the driver would store U+FFFD). Checked once per request over the variables and the
 * document's literal arguments, before any resolver runs, and answered BAD_USER_INPUT naming the
 * innermost input field (or argument, or variable) that holds it.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text (no lone surrogate)';
  return null;
}

interface Offence {
  field: string;
  problem: string;
}

/** The first refused string in a JSON value (variables), with the innermost key holding it. */
export function findInValue(value: unknown, field: string, depth = 0): Offence | null {
  if (depth > 64) return null; // a JSON body nested this deep is bounded by the body limit; nothing reads it
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { field, problem } : null;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findInValue(item, field, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = textProblem(key);
      if (keyProblem) return { field, problem: `has a key that ${keyProblem}` };
      const found = findInValue(item, key, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

function findInLiteral(node: ValueNode, field: string): Offence | null {
  switch (node.kind) {
    case Kind.STRING: {
      const problem = textProblem(node.value);
      return problem ? { field, problem } : null;
    }
    case Kind.LIST:
      for (const item of node.values) {
        const found = findInLiteral(item, field);
        if (found) return found;
      }
      return null;
    case Kind.OBJECT:
      for (const member of node.fields as readonly ObjectFieldNode[]) {
        const found = findInLiteral(member.value, member.name.value);
        if (found) return found;
      }
      return null;
    default:
      return null;
  }
}

const literalOffences = new WeakMap<DocumentNode, Offence | null>();

/** The first refused string among the document's literal arguments and variable defaults (cached per document). */
export function findInDocument(document: DocumentNode): Offence | null {
  const cached = literalOffences.get(document);
  if (cached !== undefined) return cached;
  let found: Offence | null = null;
  visit(document, {
    Argument(node: ArgumentNode) {
      found ??= findInLiteral(node.value, node.name.value);
      return false;
    },
    VariableDefinition(node) {
      if (node.defaultValue) found ??= findInLiteral(node.defaultValue, node.variable.name.value);
      return false;
    },
  });
  literalOffences.set(document, found);
  return found;
}

export function inputGuardPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const found = findInDocument(document) ?? findInVariables(request.variables);
          if (found) {
            const error = badUserInput(found.field, found.problem);
            error.extensions.http = { status: 400 }; // refused before execution, like a variable graphql cannot coerce
            throw error;
          }
        },
      };
    },
  };
}

function findInVariables(variables: Record<string, unknown> | undefined): Offence | null {
  if (!variables) return null;
  for (const [name, value] of Object.entries(variables)) {
    const found = findInValue(value, name);
    if (found) return found;
  }
  return null;
}

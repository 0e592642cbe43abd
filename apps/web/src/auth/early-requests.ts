// Requests a page load will make in any case, sent while the app is still starting. The entry chunk
// takes 150–200 ms to evaluate and a page's chunks load after it; only then would the session (the
// `me` query) be asked for, and only once it is known the page's figures. Sent from the first module
// the entry evaluates (auth/early-start.ts), they are on their way during all of that, and the Apollo
// link in app/apollo.ts answers the first operation with the same name, variables and text from
// here instead of the network.
//
// An early answer is used at most once and only while fresh. A GraphQL answer (HTTP 200, with data or
// errors: `me` refused for a visitor who is signed out) is handed on as the HTTP link would have, so the
// app reacts to it as before and no second request is made (a refused authentication counts against
// the address's budget); anything else (offline, another status) is left to the ordinary request.
// Signing in or out, or the server ending the session, forgets every early answer (dropEarlyAnswers).
import { addTypenameToDocument } from '@apollo/client/utilities';
import { print, type DocumentNode, type FormattedExecutionResult } from 'graphql';

/** How long a settled early answer may still be used: the first load, not a later visit. */
const FRESH_MS = 10_000;
/** Apollo's HttpLink sends the same (its preflight header is the API's CSRF defence). */
const HEADERS = {
  'content-type': 'application/json',
  accept: 'application/graphql-response+json,application/json;q=0.9',
  'apollo-require-preflight': 'true',
} as const;

interface EarlyRequest {
  query: string;
  variables: string;
  answer: Promise<FormattedExecutionResult | null>;
  settledAt: number | null;
}

const early = new Map<string, EarlyRequest>();

/** Variables as text with the keys in order, so equal variables compare equal. */
export function variablesKey(variables: Record<string, unknown> | undefined): string {
  const sorted = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sorted);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
      );
    }
    return value;
  };
  return JSON.stringify(sorted(variables ?? {}));
}

/** The text Apollo sends for a document: the cache adds `__typename` to every selection. */
export function operationText(document: DocumentNode): string {
  return print(addTypenameToDocument(document));
}

function operationNameOf(document: DocumentNode): string | undefined {
  for (const d of document.definitions) if (d.kind === 'OperationDefinition') return d.name?.value;
  return undefined;
}

/** Sends a query now (POST /graphql, as Apollo's HttpLink would); its answer waits in `early`. */
export function sendEarly(document: DocumentNode, variables: Record<string, unknown> = {}): void {
  const operationName = operationNameOf(document);
  if (!operationName || typeof fetch !== 'function') return;
  const query = operationText(document);
  const entry: EarlyRequest = { query, variables: variablesKey(variables), answer: null!, settledAt: null };
  entry.answer = fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: HEADERS,
    body: JSON.stringify({ operationName, variables, query }),
  })
    .then(async (response) => {
      if (response.status !== 200) return null;
      const result = (await response.json()) as FormattedExecutionResult | null;
      return result && typeof result === 'object' && ('data' in result || 'errors' in result) ? result : null;
    })
    .catch(() => null)
    .finally(() => {
      entry.settledAt = Date.now();
    });
  early.set(operationName, entry);
}

/**
 * The early answer for an operation about to be sent, taken (used once): null when there is none for
 * exactly this operation or it is stale. The promise resolves to null when the early request did not
 * bring a usable answer; the caller then sends the operation itself.
 */
export function takeEarlyAnswer(
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
  query: () => string,
): Promise<FormattedExecutionResult | null> | null {
  if (!operationName) return null;
  const entry = early.get(operationName);
  if (!entry) return null;
  early.delete(operationName);
  if (entry.settledAt !== null && Date.now() - entry.settledAt > FRESH_MS) return null;
  if (entry.variables !== variablesKey(variables) || entry.query !== query()) return null;
  return entry.answer;
}

/** Forgets every early answer (the session changed: they may belong to someone else, or to no one). */
export function dropEarlyAnswers(): void {
  early.clear();
}

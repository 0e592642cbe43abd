import { Role } from '@crm/domain';
import { loadConfig } from '@crm/persistence';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLError, GraphQLSchema, parse, validate } from 'graphql';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ActorsService } from '../../apps/api/src/actors/actors.service';
import {
  countTokens,
  limitValidationRules,
  VALIDATION_FAILED,
} from '../../apps/api/src/security/graphql-limits';
import { GraphqlResponse, Json, TestApi } from '../support/api';
import { Factory } from '../support/factories';

/**
 * Hostile GraphQL, as an attacker sends it (issue 9): every request below is refused by validation,
 * with HTTP 400 and GRAPHQL_VALIDATION_FAILED, before any resolver ran and without a token; and
 * every operation the product's own clients send passes the same limits.
 */
describe('hostile GraphQL is refused before anything runs', () => {
  let api: TestApi;
  let personId: string;
  let pageSpy: jest.SpyInstance;

  beforeAll(async () => {
    api = await TestApi.start();
    const make = new Factory(api);
    const organisation = await make.organisation();
    personId = (await make.person({ organisationId: organisation.id })).id;
    pageSpy = jest.spyOn(ActorsService.prototype, 'page');
  });
  afterAll(async () => {
    pageSpy.mockRestore();
    await api.close();
  });
  beforeEach(() => pageSpy.mockClear());

  /** Sends the request and expects it refused by validation, with no SQL issued and no actors read. */
  const expectRefused = async (
    query: string,
    variables: Record<string, unknown> = {},
    token: string | null = null,
  ): Promise<GraphqlResponse<Json>> => {
    let result: GraphqlResponse<Json> | undefined;
    const statements = await api.countQueries(async () => {
      result = await api.gql(query, variables, token);
    });
    expect(result?.status).toBe(400);
    expect(result?.data ?? null).toBeNull();
    expect(result?.errors?.length).toBeGreaterThan(0);
    for (const error of result?.errors ?? []) expect(error.extensions?.code).toBe(VALIDATION_FAILED);
    if (token === null) expect(statements).toBe(0);
    expect(pageSpy).not.toHaveBeenCalled();
    return result as GraphqlResponse<Json>;
  };

  const messages = (result: GraphqlResponse<Json>) => (result.errors ?? []).map((e) => e.message).join('\n');

  it('refuses the 24-fragment doubling bomb sent without a token, issuing no SQL', async () => {
    const fragments = Array.from(
      { length: 24 },
      (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    );
    const bomb = `query { ...F0 }\n${fragments.join('\n')}\nfragment F24 on Query { actors { totalCount } }`;
    expect(Buffer.byteLength(bomb)).toBeLessThan(1_500);
    const result = await expectRefused(bomb);
    expect(messages(result)).toMatch(/cost/i);
  });

  it('refuses the doubling bomb with a token too, before the actors resolver runs', async () => {
    const fragments = Array.from(
      { length: 24 },
      (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    );
    await expectRefused(
      `query { ...F0 }\n${fragments.join('\n')}\nfragment F24 on Query { actors { totalCount } }`,
      {},
      api.adminToken,
    );
  });

  it('answers cyclic fragments with 400 and a validation error, not 500', async () => {
    const result = await expectRefused(
      `query { ...A }
       fragment A on Query { me { id } ...B }
       fragment B on Query { actors { totalCount } ...A }`,
    );
    expect(messages(result)).toMatch(/Cannot spread fragment "A" within itself/);
  });

  it('answers a fragment spreading itself inside nested fields with 400', async () => {
    const result = await expectRefused(
      `query { actors { edges { node { ...N } } } }
       fragment N on Actor { id organisation { ...N } }`,
    );
    expect(messages(result)).toMatch(/within itself/);
  });

  it('answers a cycle through 300 fragments with 400, no stack overflow', async () => {
    const chain = Array.from({ length: 300 }, (_, i) => `fragment C${i} on Query { ...C${(i + 1) % 300} }`);
    const result = await expectRefused(`query { ...C0 }\n${chain.join('\n')}`);
    expect(messages(result)).toMatch(/within itself/);
  });

  it('refuses 1,000 aliases of actors(first: 500)', async () => {
    const aliases = Array.from(
      { length: 1_000 },
      (_, i) => `a${i}: actors(first: 500) { edges { node { id } } }`,
    );
    const result = await expectRefused(`query { ${aliases.join(' ')} }`, {}, api.adminToken);
    // 14,000 tokens: refused by the token limit before it is even parsed.
    expect(messages(result)).toMatch(/token limit/i);
  });

  it('refuses 31 aliases, a document small enough to parse', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: actors(first: 1) { totalCount }`);
    const result = await expectRefused(`query { ${aliases.join(' ')} }`, {}, api.adminToken);
    expect(messages(result)).toMatch(/aliases limit of 30 exceeded, found 31/i);
  });

  it('refuses aliased ladderTransitions past the alias limit, as the committee attack did, with a committee token', async () => {
    const committee = await new Factory(api).user(Role.COMMITTEE);
    const aliases = Array.from({ length: 1_000 }, (_, i) => `t${i}: __typename`).join(' ');
    // __typename aliases are free; real fields are counted.
    expect((await api.gql(`query { ${aliases} }`, {}, committee)).status).toBe(200);
    const transitions = Array.from(
      { length: 100 },
      (_, i) => `t${i}: ladderTransitions(from: "2025-03-31", to: "2025-06-30") { __typename }`,
    );
    await expectRefused(`query { ${transitions.join(' ')} }`, {}, committee);
  });

  it('refuses 26 aliased ladder aggregates within the alias limit: each weighs 2,000 of the cost', async () => {
    const committee = await new Factory(api).user(Role.COMMITTEE);
    const aggregates = (n: number) =>
      Array.from({ length: n }, (_, i) => `t${i}: ladderDistribution { __typename }`).join(' ');
    await expectRefused(`query { ${aggregates(26)} }`, {}, committee);
    const { status, errors } = await api.gql(`query { ${aggregates(3)} }`, {}, committee);
    expect(status).toBe(200);
    expect(errors).toBeUndefined();
  });

  it('refuses a cost-heavy query that is within the depth and alias limits (literal page sizes)', async () => {
    const result = await expectRefused(
      `query { actors(first: 500) { edges { node { id participations(first: 500) { edges { node { id role } } } } } } }`,
      {},
      api.adminToken,
    );
    expect(messages(result)).toMatch(/cost/i);
  });

  it('refuses the same cost when the page sizes come in variables', async () => {
    const query = `query($n: Int) { actors(first: $n) { edges { node { id participations(first: $n) { edges { node { id role } } } } } } }`;
    const result = await expectRefused(query, { n: 500 }, api.adminToken);
    expect(messages(result)).toMatch(/cost/i);
    // The same document with small pages is an ordinary request.
    const data = await api.ok(query, { n: 2 });
    expect(data.actors.edges.length).toBeGreaterThan(0);
  });

  it('refuses nested connections at their default page size (first omitted)', async () => {
    const result = await expectRefused(
      `query { events { edges { node { participants { edges { node { actor { participations { edges { node { id } } } } } } } } } } }`,
      {},
      api.adminToken,
    );
    expect(messages(result)).toMatch(/cost/i);
  });

  const nested = (levels: number) =>
    `query($id: ID!) { actor(id: $id) { ${'organisation { '.repeat(levels)}id${' }'.repeat(levels)} } }`;

  it('refuses a deep query', async () => {
    const result = await expectRefused(nested(40), { id: personId });
    expect(messages(result)).toMatch(/depth limit of 10 exceeded, found 41/i);
  });

  it('counts depth on fields: fragment spreads add no level of their own', async () => {
    /** `levels` organisation fields, each in a fragment of its own spreading the next. */
    const throughFragments = (levels: number) =>
      [
        `query($id: ID!) { actor(id: $id) { ...O0 } }`,
        ...Array.from(
          { length: levels },
          (_, i) => `fragment O${i} on Actor { organisation { ${i < levels - 1 ? `...O${i + 1}` : 'id'} } }`,
        ),
      ].join('\n');
    // Nine organisation levels put `id` at depth 10, the limit, as without fragments.
    const data = await api.ok(throughFragments(9), { id: personId });
    expect(data.actor).toHaveProperty('organisation');
    const result = await expectRefused(throughFragments(10), { id: personId });
    expect(messages(result)).toMatch(/depth limit of 10 exceeded, found 11/i);
  });

  it('refuses more directives than the limit', async () => {
    const fields = Array.from({ length: 51 }, () => `id @include(if: true)`).join(' ');
    const result = await expectRefused(`query { me { ${fields} } }`);
    expect(messages(result)).toMatch(/directives limit of 50 exceeded/i);
  });

  it('refuses a document of more tokens than the limit, before parsing it', async () => {
    const result = await expectRefused(`query { ${'__typename '.repeat(5_001)} }`);
    expect(messages(result)).toMatch(/token limit of 5000 exceeded/i);
  });

  it('answers a document nested too deeply to parse with 400, never a stack overflow', async () => {
    await expectRefused(`query { ${'actor(id: "x") { '.repeat(1_200)}id${' }'.repeat(1_200)} }`);
    // Within the token limit, 1,000 levels are parsed and refused by depth.
    const result = await expectRefused(`query { ${'a { '.repeat(1_000)}id${' }'.repeat(1_000)} }`);
    expect(messages(result)).toMatch(/depth/i);
  });

  it('keeps every limit configurable', async () => {
    const strict = await TestApi.start({
      env: {
        GRAPHQL_MAX_DEPTH: '3',
        GRAPHQL_MAX_ALIASES: '1',
        GRAPHQL_MAX_DIRECTIVES: '1',
        GRAPHQL_MAX_COST: '100',
      },
    });
    try {
      await new Factory(strict).person();
      const refused = async (query: string, pattern: RegExp) => {
        const result = await strict.gql(query);
        expect(result.status).toBe(400);
        expect(result.errors?.[0]).toMatchObject({ extensions: { code: VALIDATION_FAILED } });
        expect(result.errors?.[0].message).toMatch(pattern);
      };
      await refused(
        `{ me { id } actor(id: "x") { organisation { organisation { organisation { id } } } } }`,
        /depth/,
      );
      await refused(`{ a: me { id } b: me { id } }`, /alias/i);
      await refused(`{ me { id @include(if: true) email @skip(if: false) } }`, /directive/i);
      await refused(`{ actors(first: 101) { edges { node { id } } } }`, /cost/i);
      expect(
        (await strict.ok(`{ actors(first: 10) { edges { node { id } } } }`)).actors.edges.length,
      ).toBeGreaterThan(0);
    } finally {
      await strict.close();
    }
  });

  describe("the product's own operations", () => {
    const root = path.resolve(__dirname, '../..');
    const sources = [
      'scripts/start.mjs',
      'scripts/bench.mjs',
      ...readdirSync(path.join(root, 'scripts/bench')).map((f) => `scripts/bench/${f}`),
      'test/support/factories.ts',
      ...readdirSync(path.join(root, 'test/e2e'))
        .filter((f) => f.endsWith('.spec.ts') && f !== 'hostile-graphql.spec.ts')
        .map((f) => `test/e2e/${f}`),
    ];
    const operations = sources.flatMap((file) =>
      graphqlDocumentsIn(readFileSync(path.join(root, file), 'utf8')).map((document) => ({ file, document })),
    );

    it('finds the operations of the scripts, the start-up example and the end-to-end tests', () => {
      const files = new Set(operations.map((o) => o.file));
      expect(files).toContain('scripts/start.mjs');
      expect(files).toContain('scripts/bench.mjs');
      expect(files).toContain('scripts/bench/check-in-search.mjs');
      expect(files).toContain('test/e2e/role-matrix.spec.ts');
      expect(operations.length).toBeGreaterThan(150);
    });

    it('passes every one of them through the limits with the default configuration', () => {
      const schema = api.app.get(GraphQLSchemaHost).schema;
      const config = loadConfig({});
      const refused = operations
        .map(({ file, document }) => ({ file, document, errors: limitErrors(schema, document, config) }))
        .filter((o) => o.errors.length > 0)
        .map((o) => `${o.file}: ${o.errors.join('; ')}\n${o.document.slice(0, 200)}`);
      expect(refused).toEqual([]);
    });
  });
});

/**
 * The GraphQL documents in a source file: string literals that parse as GraphQL. An interpolation
 * `${…}` becomes a literal 1 where a value is expected and disappears elsewhere, so the rest of the
 * document is still checked (a lost selection only makes the estimate smaller than the real one).
 */
function graphqlDocumentsIn(source: string): string[] {
  const documents: string[] = [];
  // A request body written out as JSON, as in the curl example `npm start` prints.
  for (const match of source.matchAll(/"query"\s*:\s*"((?:\\.|[^"\\])*)"/g)) {
    documents.push(JSON.parse(`"${match[1]}"`) as string);
  }
  const literal =
    /`((?:\\[\s\S]|\$\{(?:[^{}]|\{[^{}]*\})*\}|[^`\\$]|\$(?!\{))*)`|'((?:\\.|[^'\\\n])*)'|"((?:\\.|[^"\\\n])*)"/g;
  for (const match of source.matchAll(literal)) {
    const raw = match[1] ?? match[2] ?? match[3] ?? '';
    if (!/^\s*(query|mutation|fragment|\{)/.test(raw) || !/[{}]/.test(raw)) continue;
    const text = raw
      .replace(/:\s*\$\{(?:[^{}]|\{[^{}]*\})*\}/g, ': 1')
      .replace(/\$\{(?:[^{}]|\{[^{}]*\})*\}/g, '')
      .replace(/\\n/g, '\n')
      .replace(/\\(["'`\\])/g, '$1');
    try {
      parse(text);
      documents.push(text);
    } catch {
      // not GraphQL, or a fragment of one completed elsewhere
    }
  }
  return documents;
}

function limitErrors(
  schema: GraphQLSchema,
  document: string,
  config: ReturnType<typeof loadConfig>,
): string[] {
  const errors: string[] = [];
  if (countTokens(document, config.GRAPHQL_MAX_TOKENS) > config.GRAPHQL_MAX_TOKENS)
    errors.push('too many tokens');
  const found: readonly GraphQLError[] = validate(schema, parse(document), limitValidationRules(config));
  for (const error of found) if (error.extensions.code === VALIDATION_FAILED) errors.push(error.message);
  return errors;
}

import {
  buildSchema,
  FragmentDefinitionNode,
  OperationDefinitionNode,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { connectionCostRule, estimateCost, fragmentsOf } from './connection-cost';

const schema = buildSchema(`
  type Query { actors(first: Int, after: String): ActorConnection! me: Actor imports(first: Int = 20): [Import!]! }
  type Import { id: ID! rejected: [Rejected!]! }
  type Rejected { line: Int! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type ActorConnection { edges: [ActorEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type ActorEdge { cursor: String! node: Actor! }
  type Actor { id: ID! name: String! organisation: Actor participations(first: Int): ParticipationConnection! }
  type ParticipationConnection { edges: [ParticipationEdge!]! totalCount: Int! }
  type ParticipationEdge { node: Participation! }
  type Participation { id: ID! }
`);
const options = { defaultPageSize: 50, maxPageSize: 500 };

function cost(source: string, variables: Record<string, unknown> | null = null): number {
  const document = parse(source);
  const operation = document.definitions.find(
    (d) => d.kind === 'OperationDefinition',
  ) as OperationDefinitionNode;
  return estimateCost(schema, operation, fragmentsOf(document.definitions), options, variables);
}

describe('connection cost', () => {
  it('multiplies the edges of a connection by the default page size when first is omitted', () => {
    // actors 1 + 50 × (edges 1 + node 1 + id 1)
    expect(cost(`{ actors { edges { node { id } } } }`)).toBe(151);
  });

  it('weighs a field by its own cost where one is given, aliases each counted', () => {
    const weighted = { ...options, fieldWeights: { 'Query.me': 2_000 } };
    const document = parse(`{ a: me { id } b: me { id } c: actors(first: 1) { totalCount } }`);
    const operation = document.definitions[0] as OperationDefinitionNode;
    // me 2,000 + id 1, twice; actors 1 + totalCount 1
    expect(estimateCost(schema, operation, fragmentsOf(document.definitions), weighted)).toBe(4_004);
  });

  it('answers totalCount and pageInfo once, whatever the page size', () => {
    expect(cost(`{ actors(first: 500) { totalCount pageInfo { hasNextPage } } }`)).toBe(1 + 1 + 2);
  });

  it('takes first from a literal, a variable, or the variable’s default', () => {
    const query = `query($n: Int = 20) { actors(first: $n) { edges { node { id } } } }`;
    expect(cost(query, { n: 10 })).toBe(31);
    expect(cost(query, {})).toBe(61);
    expect(cost(query)).toBe(61);
    expect(cost(`query($n: Int) { actors(first: $n) { edges { node { id } } } }`)).toBe(151);
  });

  it('counts a page larger than the resolvers serve as the largest, and a negative one as empty', () => {
    expect(cost(`{ actors(first: 100000) { edges { node { id } } } }`)).toBe(1 + 500 * 3);
    expect(cost(`{ actors(first: -5) { edges { node { id } } } }`)).toBe(1);
  });

  it('multiplies a plain list with a first argument by it, or by its declared default', () => {
    // imports 1 + first × (id 1 + rejected 1 + line 1)
    expect(cost(`{ imports(first: 100) { id rejected { line } } }`)).toBe(301);
    expect(cost(`{ imports { id rejected { line } } }`)).toBe(61);
    expect(cost(`query($n: Int) { imports(first: $n) { id } }`, { n: 5 })).toBe(6);
    expect(cost(`{ imports(first: 100000) { id } }`)).toBe(1 + 500);
  });

  it('multiplies nested connections', () => {
    // participations: 1 + 10 × 3 = 31; node 32; edges 33; actors 1 + 10 × 33
    expect(
      cost(
        `{ actors(first: 10) { edges { node { participations(first: 10) { edges { node { id } } } } } } }`,
      ),
    ).toBe(331);
  });

  it('costs a selection the same through fragments and inline fragments', () => {
    expect(
      cost(
        `{ actors(first: 10) { ...C } } fragment C on ActorConnection { ... on ActorConnection { edges { node { id } } } }`,
      ),
    ).toBe(31);
  });

  it('reads each fragment once however often it is spread (linear time), and counts every spread', () => {
    const fragments = Array.from(
      { length: 24 },
      (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    );
    const document = parse(`query { ...F0 } ${fragments.join(' ')} fragment F24 on Query { me { id } }`);
    const known = fragmentsOf(document.definitions);
    let reads = 0;
    const counted = new Map<string, FragmentDefinitionNode>();
    const spy = Object.assign(counted, {
      get: (name: string) => {
        reads += 1;
        return known.get(name);
      },
    });
    const operation = document.definitions[0] as OperationDefinitionNode;
    expect(estimateCost(schema, operation, spy, options)).toBe(2 ** 24 * 2);
    expect(reads).toBe(25);
  });

  it('ignores a cycle of fragments (NoFragmentCyclesRule reports it) instead of overflowing', () => {
    expect(cost(`{ ...A } fragment A on Query { me { id } ...B } fragment B on Query { ...A }`)).toBe(2);
  });

  it('reports an operation over the limit as GRAPHQL_VALIDATION_FAILED, alongside graphql’s own rules', () => {
    const rule = connectionCostRule({ ...options, maxCost: 1_000 });
    const over = validate(schema, parse(`{ actors(first: 500) { edges { node { id } } } }`), [
      ...specifiedRules,
      rule,
    ]);
    expect(over).toHaveLength(1);
    expect(over[0].message).toMatch(/cost limit of 1000 exceeded, found 1501/);
    expect(over[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(validate(schema, parse(`{ actors(first: 100) { edges { node { id } } } }`), [rule])).toEqual([]);
  });
});

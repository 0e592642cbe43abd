import { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { AppConfig, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@crm/persistence';
import {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLError,
  Lexer,
  Source,
  TokenKind,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import {
  ConnectionCostOptions,
  connectionCostRule,
  costError,
  estimateCost,
  fragmentsOf,
} from './connection-cost';

/** The configuration the query limits read. */
export type LimitsConfig = Pick<
  AppConfig,
  | 'GRAPHQL_MAX_DEPTH'
  | 'GRAPHQL_MAX_ALIASES'
  | 'GRAPHQL_MAX_DIRECTIVES'
  | 'GRAPHQL_MAX_TOKENS'
  | 'GRAPHQL_MAX_COST'
  | 'GRAPHQL_INTROSPECTION'
>;

export const VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED';

/** Armor's messages start "Syntax Error:", which they are not; they go to developers, so say what they are. */
function rejected(message: string): GraphQLError {
  return new GraphQLError(message.replace(/^Syntax Error: /, ''), {
    extensions: { code: VALIDATION_FAILED },
  });
}

const report = (context: ValidationContext | null, error: GraphQLError): void => {
  context?.reportError(rejected(error.message));
};

/**
 * Depth is counted as graphql-depth-limit counted it and as GRAPHQL_MAX_DEPTH documents: a root
 * field is at depth 0, so `{ actor { organisation { id } } }` is 2 deep. Armor counts the root field
 * as 1; its limit is one more, and its message is restated in our terms.
 */
const reportDepth =
  (max: number) =>
  (context: ValidationContext | null, error: GraphQLError): void => {
    const found = /found (\d+)/.exec(error.message);
    context?.reportError(
      rejected(`Query depth limit of ${max} exceeded${found ? `, found ${Number(found[1]) - 1}` : ''}.`),
    );
  };

/**
 * Fields that cost far more than a row: each ladder aggregate reads every actor's timeline. At 2,000
 * each, one request holds at most 25 of them under the default GRAPHQL_MAX_COST (the committee's
 * attack sent 1,000 aliased ladderTransitions), while a dashboard's handful passes easily.
 */
export const AGGREGATE_FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  'Query.ladderDistribution': 2_000,
  'Query.ladderTransitions': 2_000,
  'Query.ladderMovement': 2_000,
  'Query.eventAttendance': 200,
  // Its first message is an eventAttendance; the pushes after it are shared by the event's subscribers.
  'Subscription.eventAttendanceChanged': 200,
};

export function connectionCostOptions(config: LimitsConfig): ConnectionCostOptions {
  return {
    maxCost: config.GRAPHQL_MAX_COST,
    defaultPageSize: DEFAULT_PAGE_SIZE,
    maxPageSize: MAX_PAGE_SIZE,
    fieldWeights: AGGREGATE_FIELD_WEIGHTS,
  };
}

/**
 * The validation rules of the query limits (graphql-armor's, with fragments flattened and counted
 * once, and the project's connection cost), in the order they run after graphql's own rules.
 * Exported for the tests that run the product's own operations through them.
 */
export function limitValidationRules(config: LimitsConfig): ValidationRule[] {
  return [...armorFor(config).protect().validationRules, connectionCostRule(connectionCostOptions(config))];
}

function armorFor(config: LimitsConfig): ApolloArmor {
  return new ApolloArmor({
    // Field suggestions ("Did you mean …") reveal the schema: hidden unless introspection is on.
    blockFieldSuggestion: { enabled: !config.GRAPHQL_INTROSPECTION },
    // Tokens are counted by graphql's own parser (parseOptions.maxTokens below): armor's plugin
    // parses every document a second time and throws from a hook that Apollo 5 answers with 500.
    maxTokens: { enabled: false },
    maxDepth: {
      n: config.GRAPHQL_MAX_DEPTH + 1,
      flattenFragments: true,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: [reportDepth(config.GRAPHQL_MAX_DEPTH)],
    },
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES, propagateOnRejection: false, onReject: [report] },
    maxDirectives: { n: config.GRAPHQL_MAX_DIRECTIVES, propagateOnRejection: false, onReject: [report] },
    // Fields counted once each, a literal first/last multiplying: the same scale as our connection
    // cost below, which also knows variables and the default page size.
    costLimit: {
      maxCost: config.GRAPHQL_MAX_COST,
      objectCost: 1,
      scalarCost: 1,
      depthCostFactor: 1,
      flattenFragments: true,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: [report],
    },
  });
}

/**
 * graphql's parser stops at `maxTokens` with "Syntax Error: Document contains more that N tokens" (sic);
 * Apollo answers it 400 GRAPHQL_PARSE_FAILED, and {@link formatErrorFor} restates it as the limit
 * it is, GRAPHQL_VALIDATION_FAILED like every other limit.
 */
export const TOKEN_LIMIT_MESSAGE =
  /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/;

/** The number of lexical tokens of a document, stopping one past `max` (graphql's own lexer, as the parser counts). */
export function countTokens(source: string, max: number): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
    count += 1;
    if (count > max) break;
  }
  return count;
}

const fragmentCache = new WeakMap<DocumentNode, Map<string, FragmentDefinitionNode>>();

/**
 * The connection cost again with the request's variables (`first: $first`): validated documents are
 * cached, and validation never sees variables. Runs once the operation is known, before execution.
 */
function connectionCostPlugin(options: ConnectionCostOptions): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request }) {
          if (!operation?.variableDefinitions?.length) return; // the validation rule saw it all
          let fragments = fragmentCache.get(document);
          if (!fragments) fragmentCache.set(document, (fragments = fragmentsOf(document.definitions)));
          const cost = estimateCost(schema, operation, fragments, options, request.variables ?? {});
          if (cost > options.maxCost) {
            const error = costError(cost, options.maxCost);
            error.extensions.http = { status: 400 }; // refused before execution, like validation
            throw error;
          }
        },
      };
    },
  };
}

/** The query limits for the GraphQL module: validation rules and Apollo plugins. */
export function graphqlLimits(config: LimitsConfig): {
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
  plugins: ApolloServerPlugin[];
} {
  const armor = armorFor(config).protect();
  return {
    validationRules: [...armor.validationRules, connectionCostRule(connectionCostOptions(config))],
    parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
    plugins: [
      ...(armor.plugins as ApolloServerPlugin[]),
      connectionCostPlugin(connectionCostOptions(config)),
    ],
  };
}

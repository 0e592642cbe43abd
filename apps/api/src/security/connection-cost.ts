import {
  ASTVisitor,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLNamedType,
  GraphQLSchema,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValueNode,
} from 'graphql';

/**
 * The project's cost estimate: every field costs 1, and a Relay connection's `first` (the
 * default page size when omitted, a variable's value when one is given) multiplies the cost of
 * the per-item part of its selection (`edges`, `nodes`), nested multiplicatively. `totalCount` and
 * `pageInfo` are answered once per connection and cost what they cost. A plain list with a `first`
 * argument multiplies its whole selection by `first` (its declared default when omitted); other plain
 * lists count once.
 *
 * Linear in the size of the document: a fragment's cost is computed once and remembered, whatever
 * the number of spreads. A fragment that spreads itself (directly or not) counts nothing the second
 * time; graphql's own NoFragmentCyclesRule reports the cycle.
 */
export interface ConnectionCostOptions {
  maxCost: number;
  /** Page size of a connection whose `first` is omitted (the resolvers' default). */
  defaultPageSize: number;
  /** Largest page a resolver serves; a larger `first` is refused by the resolver, so it counts as this. */
  maxPageSize: number;
  /**
   * What a field costs itself, by `Type.field`, where it is more than 1: a ladder aggregate is a
   * scan of every actor's timeline (and, for the committee, a suppression solve), not a row.
   */
  fieldWeights?: Readonly<Record<string, number>>;
}

interface Cost {
  /** Cost answered once, whatever the page size. */
  fixed: number;
  /** Cost of the per-item fields (`edges`, `nodes`) at this level: multiplied by a connection's page. */
  perItem: number;
}

const PER_ITEM_FIELDS = new Set(['edges', 'nodes']);
const IN_PROGRESS: Cost = { fixed: 0, perItem: 0 };

/** Estimated cost of one operation; `variables` are the request's (none during validation). */
export function estimateCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  options: Omit<ConnectionCostOptions, 'maxCost'>,
  variables: Readonly<Record<string, unknown>> | null = null,
): number {
  const memo = new Map<string, Cost>();
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  }

  const pageOf = (value: ValueNode | undefined, omitted: number = options.defaultPageSize): number => {
    let page: unknown = omitted;
    if (value?.kind === Kind.INT) page = Number(value.value);
    else if (value?.kind === Kind.VARIABLE) {
      const name = value.name.value;
      if (variables && variables[name] !== undefined && variables[name] !== null) page = variables[name];
      else if (defaults.get(name)?.kind === Kind.INT)
        page = Number((defaults.get(name) as { value: string }).value);
    }
    // Anything that is not a whole number is refused by graphql's own coercion or the resolver.
    if (typeof page !== 'number' || !Number.isFinite(page)) return options.defaultPageSize;
    return Math.min(Math.max(Math.trunc(page), 0), options.maxPageSize);
  };

  const selectionCost = (set: SelectionSetNode, type: GraphQLNamedType | undefined): Cost => {
    const cost: Cost = { fixed: 0, perItem: 0 };
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const fieldCost = fieldCostOf(selection, type);
        if (PER_ITEM_FIELDS.has(selection.name.value)) cost.perItem += fieldCost;
        else cost.fixed += fieldCost;
      } else {
        const inner =
          selection.kind === Kind.INLINE_FRAGMENT
            ? selectionCost(
                selection.selectionSet,
                selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type,
              )
            : fragmentCost(selection.name.value);
        cost.fixed += inner.fixed;
        cost.perItem += inner.perItem;
      }
    }
    return cost;
  };

  const fieldCostOf = (
    field: {
      name: { value: string };
      arguments?: readonly { name: { value: string }; value: ValueNode }[];
      selectionSet?: SelectionSetNode;
    },
    parent: GraphQLNamedType | undefined,
  ): number => {
    const own = (parent && options.fieldWeights?.[`${parent.name}.${field.name.value}`]) ?? 1;
    if (!field.selectionSet) return own;
    const definition =
      parent && (isObjectType(parent) || isInterfaceType(parent))
        ? parent.getFields()[field.name.value]
        : undefined;
    const type = definition ? getNamedType(definition.type) : undefined;
    const inner = selectionCost(field.selectionSet, type);
    const firstArgument = definition?.args.find((a) => a.name === 'first');
    const first = field.arguments?.find((a) => a.name.value === 'first')?.value;
    // A plain list with a `first` (registrationImports): each of its items costs its whole selection.
    if (firstArgument && isListType(getNullableType(definition!.type))) {
      const omitted =
        typeof firstArgument.defaultValue === 'number' ? firstArgument.defaultValue : options.defaultPageSize;
      return own + pageOf(first, omitted) * (inner.fixed + inner.perItem);
    }
    const isConnection = !!firstArgument && !!type?.name.endsWith('Connection');
    if (!isConnection) return own + inner.fixed + inner.perItem;
    return own + inner.fixed + pageOf(first) * inner.perItem;
  };

  const fragmentCost = (name: string): Cost => {
    const known = memo.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment) return IN_PROGRESS;
    memo.set(name, IN_PROGRESS);
    const cost = selectionCost(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value));
    memo.set(name, cost);
    return cost;
  };

  const rootType =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  const root = selectionCost(operation.selectionSet, rootType ?? undefined);
  return root.fixed + root.perItem;
}

export function fragmentsOf(definitions: readonly { kind: Kind }[]): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      const fragment = definition as FragmentDefinitionNode;
      fragments.set(fragment.name.value, fragment);
    }
  }
  return fragments;
}

export function costError(cost: number, maxCost: number): GraphQLError {
  return new GraphQLError(
    `Query cost limit of ${maxCost} exceeded, found ${cost} (a connection's first, or its default page size, multiplies the cost of its edges)`,
    { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
  );
}

/**
 * The cost limit as a validation rule. Validation sees no variables (and Apollo caches validated
 * documents), so a `first: $variable` counts its declared default or the default page size here;
 * {@link connectionCostPlugin} checks the same estimate again with the request's variables.
 */
export function connectionCostRule(options: ConnectionCostOptions) {
  return (context: ValidationContext): ASTVisitor => {
    let fragments: Map<string, FragmentDefinitionNode> | null = null;
    return {
      OperationDefinition(operation) {
        fragments ??= fragmentsOf(context.getDocument().definitions);
        const cost = estimateCost(context.getSchema(), operation, fragments, options);
        if (cost > options.maxCost) context.reportError(costError(cost, options.maxCost));
      },
    };
  };
}

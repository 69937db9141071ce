import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type GraphQLField,
  type GraphQLNamedType,
  type FieldNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import { isIntrospectionField } from "@/lib/graphql/limits/introspection-limit";

export interface CostOptions {
  /** The most an operation may cost. */
  budget: number;
  /** The length assumed of a list field that is not a paged field's item list and has no entry in `listSizes`. */
  defaultListSize: number;
  /** A `first` given by a variable: the validation of a document cannot see variables, so the worst case. */
  variableFirst: number;
  /** Lengths assumed of particular list fields, as `Type.field`. */
  listSizes?: Readonly<Record<string, number>>;
}

/**
 * Refuses an operation that could ask for too much, before anything executes. Each field costs 1,
 * and the fields under a list are counted once per item it may hold, so nested lists multiply: a
 * paged field's item lists (a connection's `nodes` and `edges`) hold its `first` (or that
 * argument's default), any other list its length in `listSizes` or `defaultListSize`. Aliases and
 * fragments count each time they select. Introspection counts 1 (introspectionLimitRule bounds it).
 */
export function costLimitRule(options: CostOptions): ValidationRule {
  return function CostLimit(context: ValidationContext) {
    const schema = context.getSchema();
    // A fragment costs the same wherever it is spread, given the page its lists hold (its parent
    // field multiplies it), so each is counted once per page size: nested spreads cannot make this
    // walk exponential.
    const fragmentCosts = new Map<string, number>();

    /** `page`: the `first` of the paged field these selections are directly under, if any. */
    const costOf = (selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined, page: number | undefined): number => {
      let total = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) total += fieldCost(selection, parent, page);
        else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
          total += costOf(selection.selectionSet, type ?? undefined, page);
        } else total += fragmentCost(selection.name.value, page);
      }
      return total;
    };

    const fieldCost = (field: FieldNode, parent: GraphQLNamedType | undefined, page: number | undefined): number => {
      const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[field.name.value] : undefined;
      // Unknown fields are FieldsOnCorrectTypeRule's to refuse; introspection is bounded elsewhere.
      if (!definition || !field.selectionSet || isIntrospectionField(field.name.value)) return 1;
      const type = getNamedType(definition.type);
      const first = pageOf(field, definition);
      if (first !== undefined) return 1 + costOf(field.selectionSet, type, first);
      if (!isListType(getNullableType(definition.type))) return 1 + costOf(field.selectionSet, type, undefined);
      const items = page ?? options.listSizes?.[`${parent?.name ?? ""}.${field.name.value}`] ?? options.defaultListSize;
      return 1 + items * costOf(field.selectionSet, type, undefined);
    };

    /** The items a paged field's lists hold: its `first`, or undefined for a field that takes none. */
    const pageOf = (field: FieldNode, definition: GraphQLField<unknown, unknown>): number | undefined => {
      const first = definition.args.find((arg) => arg.name === "first");
      if (!first) return undefined;
      const given = field.arguments?.find((arg) => arg.name.value === "first")?.value;
      // A negative `first` is refused when it executes; here it must not lower the cost of its siblings.
      if (given?.kind === Kind.INT) return Math.max(0, Number(given.value));
      if (given?.kind === Kind.VARIABLE) return options.variableFirst;
      return typeof first.defaultValue === "number" ? first.defaultValue : options.defaultListSize;
    };

    const fragmentCost = (name: string, page: number | undefined): number => {
      const key = `${name}@${page ?? ""}`;
      const known = fragmentCosts.get(key);
      if (known !== undefined) return known;
      // A cycle counts as nothing here; NoFragmentCyclesRule refuses it anyway.
      fragmentCosts.set(key, 0);
      const fragment = context.getFragment(name);
      const type = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
      const cost = fragment ? costOf(fragment.selectionSet, type ?? undefined, page) : 0;
      fragmentCosts.set(key, cost);
      return cost;
    };

    return {
      OperationDefinition(operation) {
        const cost = costOf(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined, undefined);
        if (cost > options.budget) {
          context.reportError(
            new GraphQLError(
              `The query could cost ${describe(cost)}, over the budget of ${describe(options.budget)}: each field costs 1 and a list ` +
                `multiplies the cost of its fields by its first argument (or its assumed length); ask for smaller pages or fewer nested lists`,
              {
                nodes: [operation],
                extensions: { code: "QUERY_TOO_COSTLY", cost: Math.min(cost, Number.MAX_SAFE_INTEGER), budget: options.budget },
              },
            ),
          );
        }
        return false;
      },
    };
  };
}

/** A whole number with separators; beyond 2^53 just "more than" that, as multiplied lists can overflow any figure. */
function describe(n: number): string {
  return n > Number.MAX_SAFE_INTEGER ? `more than ${Number.MAX_SAFE_INTEGER.toLocaleString("en-US")}` : n.toLocaleString("en-US");
}

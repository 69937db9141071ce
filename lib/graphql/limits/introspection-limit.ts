import { GraphQLError, Kind, type SelectionSetNode, type ValidationContext, type ValidationRule } from "graphql";

/** The entry points of introspection; `__typename` is an ordinary leaf. */
export function isIntrospectionField(name: string): boolean {
  return name === "__schema" || name === "__type";
}

/** The introspection fields that list a type's members: nesting them is what multiplies an answer. */
const EXPANDING = new Set(["fields", "inputFields", "interfaces", "possibleTypes"]);

/**
 * Refuses introspection that nests member lists more than `maxNesting` times
 * (`__type { fields { type { fields { … } } } }`), each nesting multiplying the answer by the
 * schema's width. The standard introspection query nests them once; graphql-js 17 ships the same
 * idea as MaxIntrospectionDepthRule, which graphql 16 lacks.
 */
export function introspectionLimitRule(maxNesting: number): ValidationRule {
  return function IntrospectionLimit(context: ValidationContext) {
    const fragmentNesting = new Map<string, number>();
    const nestingOf = (selectionSet: SelectionSetNode, inside: boolean): number => {
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          const here = inside || isIntrospectionField(selection.name.value);
          const own = here && EXPANDING.has(selection.name.value) ? 1 : 0;
          deepest = Math.max(deepest, own + (selection.selectionSet ? nestingOf(selection.selectionSet, here) : 0));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, nestingOf(selection.selectionSet, inside));
        } else {
          deepest = Math.max(deepest, fragmentNestingOf(selection.name.value));
        }
      }
      return deepest;
    };
    // A fragment is inside introspection when it is on an introspection type (`on __Type`), wherever
    // it is spread; one on the model's own types may still hold a `__schema` of its own.
    const fragmentNestingOf = (name: string): number => {
      const known = fragmentNesting.get(name);
      if (known !== undefined) return known;
      fragmentNesting.set(name, 0);
      const fragment = context.getFragment(name);
      const nesting = fragment ? nestingOf(fragment.selectionSet, fragment.typeCondition.name.value.startsWith("__")) : 0;
      fragmentNesting.set(name, nesting);
      return nesting;
    };
    return {
      OperationDefinition(operation) {
        const nesting = nestingOf(operation.selectionSet, false);
        if (nesting > maxNesting) {
          context.reportError(
            new GraphQLError(
              `The introspection query nests fields, inputFields, interfaces or possibleTypes ${nesting} deep, more than the maximum of ${maxNesting}`,
              { nodes: [operation], extensions: { code: "INTROSPECTION_TOO_DEEP", nesting, maxNesting } },
            ),
          );
        }
        return false;
      },
    };
  };
}

import { GraphQLError, Kind, type SelectionSetNode, type ValidationContext, type ValidationRule } from "graphql";
import { isIntrospectionField } from "@/lib/graphql/limits/introspection-limit";

/**
 * Refuses an operation whose fields nest deeper than `maxDepth` (`{ a { b } }` is 2 deep), counting
 * through fragments, before anything executes. Introspection (`__schema`, `__type`) is left to
 * introspectionLimitRule: tools' standard introspection query is some 13 levels deep.
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return function DepthLimit(context: ValidationContext) {
    // A fragment's depth does not depend on where it is spread, so each is measured once: a
    // document spreading fragments inside fragments cannot make this walk exponential.
    const fragmentDepths = new Map<string, number>();
    const depthOf = (selectionSet: SelectionSetNode): number => {
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (isIntrospectionField(selection.name.value)) continue;
          deepest = Math.max(deepest, 1 + (selection.selectionSet ? depthOf(selection.selectionSet) : 0));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet));
        } else {
          deepest = Math.max(deepest, fragmentDepth(selection.name.value));
        }
      }
      return deepest;
    };
    const fragmentDepth = (name: string): number => {
      const known = fragmentDepths.get(name);
      if (known !== undefined) return known;
      // A cycle counts as nothing here; NoFragmentCyclesRule refuses it anyway.
      fragmentDepths.set(name, 0);
      const fragment = context.getFragment(name);
      const depth = fragment ? depthOf(fragment.selectionSet) : 0;
      fragmentDepths.set(name, depth);
      return depth;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet);
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`The query nests fields ${depth} deep, more than the maximum depth of ${maxDepth}`, {
              nodes: [operation],
              extensions: { code: "QUERY_TOO_DEEP", depth, maxDepth },
            }),
          );
        }
        return false;
      },
    };
  };
}

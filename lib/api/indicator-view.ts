import { summariseFilterState } from "@/lib/api/filter-summary";
import type { IndicatorView } from "@/lib/api/schemas/indicators";
import type { UnitIndicator } from "@/lib/store/unit-indicators";

/** An indicator as the API answers it: its definition, and where its filter stands. */
export function indicatorView(indicator: UnitIndicator): IndicatorView {
  const { cursor, checkpoint } = indicator;
  return {
    key: indicator.key,
    name: indicator.name,
    unit: indicator.unit,
    direction: indicator.direction,
    index: indicator.index,
    scope: indicator.scope,
    family: indicator.family,
    capability: indicator.capability,
    potentiality: indicator.potentiality,
    filter:
      cursor === null
        ? null
        : {
            points: cursor.points,
            steppedThrough: cursor.steppedThrough,
            checkpoint:
              checkpoint === null
                ? null
                : {
                    points: checkpoint.points,
                    steppedThrough: checkpoint.steppedThrough,
                    writtenAt: checkpoint.writtenAt,
                    state: summariseFilterState(checkpoint.state),
                  },
          },
  };
}

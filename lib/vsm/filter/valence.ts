import type { Direction, Valence } from "@/lib/vsm/types";

/** A change in the indicator's good direction is pleasure, against it pain (docs/domain.md, "Changes and episodes"). */
export function valenceOf(direction: Direction, change: number): Valence {
  const rising = change > 0;
  return rising === (direction === "up") ? "pleasure" : "pain";
}

/**
 * S3 resource allocation across units (docs/design.md §3.6) by water-filling: the available amount is
 * shared in proportion to each unit's weight; a unit whose share would exceed its request gets
 * exactly its request, and the surplus is shared again among the rest, until everything is given
 * out or every request is met. Units with zero weight are served last, in equal shares of what
 * remains, so nothing is left idle while a unit still asks for it.
 */

export const ALLOCATION_STRATEGIES = ["fair-share", "priority-weighted", "performance-based"] as const;
export type AllocationStrategy = (typeof ALLOCATION_STRATEGIES)[number];

export type ResourceClaim = {
  unit: string;
  /** What the unit asks for, in the resource's unit; never exceeded. */
  request: number;
  /** Weight under "priority-weighted"; default 1. */
  priority?: number;
  /** Weight under "performance-based", e.g. the unit's performance index A/P; default 0. */
  performance?: number;
};

export type Allocation = { unit: string; request: number; weight: number; allocation: number; capped: boolean };

export type AllocationResult = {
  strategy: AllocationStrategy;
  available: number;
  allocated: number;
  allocations: Allocation[];
};

function weightOf(claim: ResourceClaim, strategy: AllocationStrategy): number {
  const weight = strategy === "fair-share" ? 1 : strategy === "priority-weighted" ? (claim.priority ?? 1) : (claim.performance ?? 0);
  if (!(Number.isFinite(weight) && weight >= 0)) throw new RangeError(`${claim.unit}: a weight must be finite and ≥ 0, got ${weight}`);
  return weight;
}

/** Water-fills `remaining` over the units in `active` (indices); returns what is left. */
function waterFill(remaining: number, active: number[], weights: readonly number[], requests: readonly number[], alloc: number[]): number {
  let open = active.filter((i) => requests[i]! > 0);
  while (open.length > 0 && remaining > 0) {
    const total = open.reduce((s, i) => s + weights[i]!, 0);
    // The fraction first: remaining × w can underflow where w / total cannot.
    const shares = open.map((i) => remaining * (weights[i]! / total));
    const full = open.filter((i, k) => shares[k]! >= requests[i]!);
    if (full.length === 0) {
      open.forEach((i, k) => (alloc[i] = shares[k]!));
      return 0;
    }
    for (const i of full) {
      alloc[i] = requests[i]!;
      remaining = Math.max(0, remaining - requests[i]!);
    }
    open = open.filter((i) => !full.includes(i));
  }
  return remaining;
}

/**
 * Rounding can leave Σ a few ulps above `available`; take them back from the most favoured unit —
 * the highest allocation per unit of weight, zero-weight leftovers first — so the water level of
 * the others is untouched.
 */
function fitWithin(alloc: number[], weights: readonly number[], available: number) {
  const favour = (i: number) => (weights[i]! > 0 ? alloc[i]! / weights[i]! : Number.POSITIVE_INFINITY);
  for (let total = alloc.reduce((s, a) => s + a, 0); total > available; total = alloc.reduce((s, a) => s + a, 0)) {
    let k = -1;
    for (let i = 0; i < alloc.length; i++) if (alloc[i]! > 0 && (k < 0 || favour(i) > favour(k))) k = i;
    alloc[k] = Math.max(0, alloc[k]! - Math.max(total - available, Number.EPSILON * alloc[k]!));
  }
}

export function allocate(available: number, claims: readonly ResourceClaim[], strategy: AllocationStrategy): AllocationResult {
  if (!(Number.isFinite(available) && available >= 0)) throw new RangeError(`available must be finite and ≥ 0, got ${available}`);
  const requests = claims.map((c) => {
    if (!(Number.isFinite(c.request) && c.request >= 0))
      throw new RangeError(`${c.unit}: a request must be finite and ≥ 0, got ${c.request}`);
    return c.request;
  });
  const weights = claims.map((c) => weightOf(c, strategy));
  const alloc = claims.map(() => 0);
  const indices = claims.map((_, i) => i);
  const left = waterFill(
    available,
    indices.filter((i) => weights[i]! > 0),
    weights,
    requests,
    alloc,
  );
  waterFill(
    left,
    indices.filter((i) => weights[i] === 0),
    claims.map(() => 1),
    requests,
    alloc,
  );
  fitWithin(alloc, weights, available);
  const allocations = claims.map((c, i) => ({
    unit: c.unit,
    request: c.request,
    weight: weights[i]!,
    allocation: alloc[i]!,
    capped: alloc[i] === c.request,
  }));
  return { strategy, available, allocated: alloc.reduce((s, a) => s + a, 0), allocations };
}

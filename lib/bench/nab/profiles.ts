import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** NAB's three application profiles, in the order its scoreboard prints them. */
export const PROFILE_NAMES = ["standard", "reward_low_FP_rate", "reward_low_FN_rate"] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

/** A profile's weights: what an early detection earns, a false detection costs and a miss costs. */
export interface CostWeights {
  tpWeight: number;
  fpWeight: number;
  fnWeight: number;
}

export type Profiles = Record<ProfileName, CostWeights>;

/** A record with one entry per profile, built by `make` (typed without a cast). */
export function perProfile<T>(make: (name: ProfileName) => T): Record<ProfileName, T> {
  return { standard: make("standard"), reward_low_FP_rate: make("reward_low_FP_rate"), reward_low_FN_rate: make("reward_low_FN_rate") };
}

const weight = z.number().nonnegative().finite();
// NAB's file also carries tnWeight, which its scorer never reads: true negatives score nothing.
const costMatrix = z.object({ tpWeight: weight, fpWeight: weight, fnWeight: weight });
const profile = z.object({ CostMatrix: costMatrix });
const profilesSchema = z.object({ standard: profile, reward_low_FP_rate: profile, reward_low_FN_rate: profile });

/** profiles.json as NAB ships it (`{ name: { CostMatrix: {...} } }`), reduced to the weights. */
export function loadProfiles(dir: string): Profiles {
  const file = path.join(dir, "profiles.json");
  const parsed = profilesSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  return perProfile((name) => {
    const { tpWeight, fpWeight, fnWeight } = parsed[name].CostMatrix;
    return { tpWeight, fpWeight, fnWeight };
  });
}

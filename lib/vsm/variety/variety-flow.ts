import { entropyOf, type ClassCounts } from "@/lib/vsm/entropy";

/**
 * Attenuation and amplification accounting (docs/design.md §3.4): each level's devices form a chain
 * from the raw disturbance stream entering the level to what it passes up. Every stage is measured
 * in bits in and bits out, so the console can show where variety is absorbed (absorbed > 0) and
 * where it is amplified (absorbed < 0).
 */

export const ATTENUATORS = ["grouping", "inhibition", "silence", "filter"] as const;
export const AMPLIFIERS = ["escalation", "routing"] as const;
export type VarietyDevice = (typeof ATTENUATORS)[number] | (typeof AMPLIFIERS)[number];

/** One device and the class distribution of the stream it lets out. */
export type VarietyStage = { device: VarietyDevice; out: ClassCounts };

/** A level's stream: what enters it and the chain of devices it passes through, in order. */
export type LevelFlow = { level: number; in: ClassCounts; stages: readonly VarietyStage[] };

export type Throughput = {
  /** Events (e.g. signals) in and out: grouping cuts events without cutting bits. */
  itemsIn: number;
  itemsOut: number;
  bitsIn: number;
  bitsOut: number;
  /** bitsIn − bitsOut: positive where variety is absorbed, negative where amplified. */
  absorbed: number;
};

export type StageAccount = Throughput & { device: VarietyDevice; role: "attenuator" | "amplifier" };
export type LevelAccount = Throughput & { level: number; stages: StageAccount[] };

const AMPLIFIER_SET: ReadonlySet<VarietyDevice> = new Set(AMPLIFIERS);

function total(counts: ClassCounts): number {
  return Object.values(counts).reduce((s, c) => s + c, 0);
}

function throughput(input: ClassCounts, output: ClassCounts): Throughput {
  const bitsIn = entropyOf(input);
  const bitsOut = entropyOf(output);
  return { itemsIn: total(input), itemsOut: total(output), bitsIn, bitsOut, absorbed: bitsIn - bitsOut };
}

export function accountLevel(flow: LevelFlow): LevelAccount {
  let current = flow.in;
  const stages = flow.stages.map((stage) => {
    const account: StageAccount = {
      device: stage.device,
      role: AMPLIFIER_SET.has(stage.device) ? "amplifier" : "attenuator",
      ...throughput(current, stage.out),
    };
    current = stage.out;
    return account;
  });
  return { level: flow.level, ...throughput(flow.in, current), stages };
}

/** Every level's account, root (level 0) first. */
export function accountLevels(flows: readonly LevelFlow[]): LevelAccount[] {
  return flows.map(accountLevel).sort((a, b) => a.level - b.level);
}

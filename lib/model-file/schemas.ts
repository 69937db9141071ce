import { z } from "zod";
import { CHANNEL_KINDS, INDEX_KINDS, INDICATOR_SCOPES, UNIT_CHANNEL_KINDS } from "@/lib/vsm/model/kinds";
import { ancestorPaths, MAX_PATH_LENGTH, parentOf, PATH_PATTERN, SLUG_PATTERN } from "@/lib/vsm/model/path";
import { policyIssues } from "@/lib/vsm/policy";
import { DIRECTIONS } from "@/lib/vsm/types";

/**
 * The one schema for a model file (JSON or YAML) — used by the CLI, the seeds and, later, the
 * admin import form. Systems are a flat list keyed by path; a system's parent is its path minus
 * the last segment, so a file is a tree by construction and orphans are caught below.
 */

const slug = z.string().regex(SLUG_PATTERN, {
  message: "expected lowercase letters, digits and '-', starting with a letter or digit",
});
const systemPath = z.string().max(MAX_PATH_LENGTH).regex(PATH_PATTERN, {
  message: "expected slash-separated slugs such as acme/ops/payments",
});
const owner = z.string().trim().min(1).max(200);

/** Channel kinds whose far end is always one S1 unit, and the one that never has a unit. */
const UNIT_REQUIRED = new Set<string>(UNIT_CHANNEL_KINDS);
const UNIT_FORBIDDEN = new Set(["homeostat"]);

const functionSchema = z
  .object({
    present: z.boolean().default(true),
    owner: owner.optional(),
    notes: z.string().max(2000).default(""),
  })
  .strict();

/** A function left out of the file is recorded as missing, which diagnosis then reports. */
const functionsSchema = z
  .object({
    s2: functionSchema.optional(),
    s3: functionSchema.optional(),
    s3star: functionSchema.optional(),
    s4: functionSchema.optional(),
    s5: functionSchema.optional(),
  })
  .strict();

const channelSchema = z
  .object({
    kind: z.enum(CHANNEL_KINDS),
    /** Path of the S1 unit at the far end; must be a direct child of the system. */
    unit: systemPath.optional(),
    description: z.string().max(2000).default(""),
  })
  .strict();

const finite = z.number().finite();

const indicatorSchema = z
  .object({
    key: slug,
    name: z.string().trim().min(1).max(200),
    unit: z.string().trim().min(1).max(32),
    direction: z.enum(DIRECTIONS),
    index: z.enum(INDEX_KINDS).default("raw"),
    scope: z.enum(INDICATOR_SCOPES).default("operations"),
    family: slug.optional(),
    capability: finite.optional(),
    potentiality: finite.optional(),
  })
  .strict();

const systemSchema = z
  .object({
    path: systemPath,
    name: z.string().trim().min(1).max(200),
    purpose: z.string().max(2000).default(""),
    owner: owner.optional(),
    functions: functionsSchema.default({}),
    channels: z.array(channelSchema).default([]),
    indicators: z.array(indicatorSchema).default([]),
    /** S5 policy override (lib/vsm/policy.ts): any subset of the settings, merged over the ancestors'. */
    policy: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/** Which static triple values each index needs: A/C, C/P, A/P. */
const INDEX_NEEDS: Record<(typeof INDEX_KINDS)[number], ("capability" | "potentiality")[]> = {
  productivity: ["capability"],
  latency: ["capability", "potentiality"],
  performance: ["potentiality"],
  raw: [],
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The items of a list field, or none when the field is not a list (already reported). */
const listOf = (value: unknown, field: string): unknown[] => {
  const items = isRecord(value) ? value[field] : undefined;
  return Array.isArray(items) ? items : [];
};

/** Just the fields each cross-check reads; an item whose other fields are wrong is still checked. */
const channelEnds = z.object({ kind: channelSchema.shape.kind, unit: channelSchema.shape.unit });
const indicatorKey = z.object({ key: indicatorSchema.shape.key });
const indicatorTriple = z.object({
  index: indicatorSchema.shape.index,
  capability: indicatorSchema.shape.capability,
  potentiality: indicatorSchema.shape.potentiality,
});

/**
 * The cross-checks run even when some systems already failed field validation, so that one parse
 * reports every problem; each check therefore reads only the fields it needs, and skips an item
 * whose own fields are invalid (that problem is already reported).
 */
function checkSystems(systems: readonly unknown[], ctx: z.RefinementCtx): void {
  const paths = systems.map((system) => {
    const parsed = systemPath.safeParse(isRecord(system) ? system.path : undefined);
    return parsed.success ? parsed.data : undefined;
  });
  const firstIndex = new Map<string, number>();
  paths.forEach((path, i) => {
    if (path === undefined) return;
    const seen = firstIndex.get(path);
    if (seen === undefined) firstIndex.set(path, i);
    else
      ctx.addIssue({
        code: "custom",
        path: ["systems", i, "path"],
        message: `duplicate path "${path}" (first used by systems[${seen}])`,
      });
  });
  systems.forEach((system, i) => {
    const path = paths[i];
    const parent = path === undefined ? null : parentOf(path);
    if (parent !== null && !firstIndex.has(parent))
      ctx.addIssue({
        code: "custom",
        path: ["systems", i, "path"],
        message: `parent "${parent}" is not in the file`,
      });
    checkChannels(path, listOf(system, "channels"), i, firstIndex, ctx);
    checkIndicators(path, listOf(system, "indicators"), i, ctx);
  });
  checkPolicies(systems, paths, ctx);
}

/** Each system's effective policy — its ancestors' overrides, root first, then its own — must resolve. */
function checkPolicies(systems: readonly unknown[], paths: readonly (string | undefined)[], ctx: z.RefinementCtx): void {
  const overrides = new Map<string, unknown>();
  systems.forEach((system, i) => {
    const policy = isRecord(system) ? system.policy : undefined;
    if (paths[i] !== undefined && isRecord(policy)) overrides.set(paths[i], policy);
  });
  systems.forEach((system, i) => {
    const path = paths[i];
    if (path === undefined || !overrides.has(path)) return;
    const chain = ancestorPaths(path)
      .reverse()
      .concat(path)
      .flatMap((p) => (overrides.has(p) ? [overrides.get(p)] : []));
    for (const issue of policyIssues(chain)) {
      ctx.addIssue({ code: "custom", path: ["systems", i, "policy", ...issue.path], message: issue.message });
    }
  });
}

function checkChannels(
  systemPath: string | undefined,
  channels: unknown[],
  i: number,
  inFile: ReadonlyMap<string, number>,
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  channels.forEach((item, c) => {
    const parsed = channelEnds.safeParse(item);
    if (!parsed.success) return;
    const channel = parsed.data;
    const at = ["systems", i, "channels", c];
    if (UNIT_REQUIRED.has(channel.kind) && channel.unit === undefined)
      ctx.addIssue({ code: "custom", path: [...at, "unit"], message: `a ${channel.kind} channel needs the S1 unit it connects` });
    if (UNIT_FORBIDDEN.has(channel.kind) && channel.unit !== undefined)
      ctx.addIssue({ code: "custom", path: [...at, "unit"], message: `a ${channel.kind} channel joins S3 and S4 and has no unit` });
    if (channel.unit !== undefined && systemPath !== undefined) {
      if (parentOf(channel.unit) !== systemPath)
        ctx.addIssue({
          code: "custom",
          path: [...at, "unit"],
          message: `"${channel.unit}" is not an S1 unit (direct child) of "${systemPath}"`,
        });
      else if (!inFile.has(channel.unit))
        ctx.addIssue({ code: "custom", path: [...at, "unit"], message: `unit "${channel.unit}" is not in the file` });
    }
    const key = `${channel.kind} ${channel.unit ?? ""}`;
    if (seen.has(key))
      ctx.addIssue({
        code: "custom",
        path: at,
        message: `duplicate ${channel.kind} channel${channel.unit ? ` to "${channel.unit}"` : ""}`,
      });
    seen.add(key);
  });
}

function checkIndicators(systemPath: string | undefined, indicators: unknown[], i: number, ctx: z.RefinementCtx): void {
  const keys = new Set<string>();
  indicators.forEach((item, k) => {
    const at = ["systems", i, "indicators", k];
    const named = indicatorKey.safeParse(item);
    if (named.success) {
      const { key } = named.data;
      if (keys.has(key))
        ctx.addIssue({
          code: "custom",
          path: [...at, "key"],
          message: `duplicate indicator key "${key}"${systemPath === undefined ? "" : ` in "${systemPath}"`}`,
        });
      keys.add(key);
    }
    const triple = indicatorTriple.safeParse(item);
    if (!triple.success) return;
    for (const need of INDEX_NEEDS[triple.data.index]) {
      if (triple.data[need] === undefined)
        ctx.addIssue({ code: "custom", path: [...at, need], message: `required by index "${triple.data.index}"` });
    }
  });
}

export const modelFileSchema = z
  .object({
    version: z.literal(1),
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(4000).optional(),
    systems: z.array(systemSchema).min(1),
  })
  .strict()
  .superRefine((model, ctx) => checkSystems(model.systems, ctx), {
    // Also when fields are wrong somewhere, as long as there is a list of systems to check.
    when: (payload) => isRecord(payload.value) && Array.isArray(payload.value.systems),
  });

/** What a model file looks like once parsed, defaults applied. */
export type ModelFile = z.infer<typeof modelFileSchema>;
export type ModelSystem = ModelFile["systems"][number];
export type ModelIndicator = ModelSystem["indicators"][number];
export type ModelChannel = ModelSystem["channels"][number];

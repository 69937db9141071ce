import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseModel } from "@/lib/model/parse-model";
import type { ModelFile } from "@/lib/model/schemas";

/** The example models shipped as data under prisma/seed/. */
export const EXAMPLES = {
  saas: "saas-platform.yaml",
  cybersyn: "cybersyn-economy.yaml",
} as const;

export type ExampleName = keyof typeof EXAMPLES;

export async function loadExample(name: ExampleName): Promise<ModelFile> {
  return parseModel(await readFile(path.join(process.cwd(), "prisma", "seed", EXAMPLES[name]), "utf8"), "yaml");
}

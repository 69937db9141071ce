import { readFile } from "node:fs/promises";
import path from "node:path";
import { EXAMPLES, type ExampleName } from "@/lib/model-file/examples";
import { parseModel } from "@/lib/model-file/parse-model";
import type { ModelFile } from "@/lib/model-file/schemas";

/** Reads and validates one example model from prisma/seed/ (relative to where the console runs). */
export async function loadExample(name: ExampleName): Promise<ModelFile> {
  return parseModel(await readFile(path.join(process.cwd(), "prisma", "seed", EXAMPLES[name]), "utf8"), "yaml");
}

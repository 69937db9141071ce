import path from "node:path";

/**
 * Where the NAB subset lives: `NAB_DIR`, or `shared/nab` beside the repository (the data is shared
 * test data and must not be copied into the repository). Resolved from this file, not the working
 * directory, so the bench and the tests find it wherever they are started from.
 */
export function nabDir(): string {
  const repoRoot = path.resolve(import.meta.dirname, "../../..");
  return process.env.NAB_DIR ?? path.resolve(repoRoot, "../shared/nab");
}

import { readFileSync } from "node:fs";
import path from "node:path";

/** The address the README's snippets send to; tests put their own server's in its place. */
export const README_CONSOLE = "http://vsm-console:3000";

/**
 * The code block that follows `<!-- snippet: name -->` in the README, so that a test runs exactly
 * what a reader copies (with only the address and key replaced) and the two cannot drift apart.
 */
export function readmeSnippet(name: string): string {
  const readme = readFileSync(path.join(import.meta.dirname, "../../README.md"), "utf8");
  const match = new RegExp(`<!-- snippet: ${name} -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (match === null) throw new Error(`README.md has no snippet "${name}"`);
  return match[1]!;
}

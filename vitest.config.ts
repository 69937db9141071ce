import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const shared = {
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React Server Components; tests are server code too.
      "server-only": path.join(root, "lib/testing/server-only-stub.ts"),
    },
  },
};
/**
 * next-auth imports `next/server` without a file extension, which only a bundler resolves: let Vite's resolver handle it.
 * graphql 16 ships CommonJS (`main`) and ES modules (`module`): Node gives an external package the first, Vite our code
 * the second, and two copies of graphql refuse each other's schemas and errors. Inlined, like Next's bundle, all share one.
 */
const inlineDeps = {
  server: { deps: { inline: ["next-auth", "graphql", "graphql-yoga", /@graphql-tools\//, /@graphql-yoga\//, /@envelop\//] } },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          ...inlineDeps,
          include: ["lib/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/*.system.test.ts", "node_modules/**"],
          environment: "node",
          // Property and fuzz tests run hundreds of cases: a second or two alone, but 15 s or more under
          // coverage on a loaded two-core machine (the remote-write fuzz test timed out at the 5 s default in CI).
          testTimeout: 60_000,
        },
      },
      {
        ...shared,
        test: {
          name: "integration",
          ...inlineDeps,
          include: ["**/*.int.test.ts"],
          exclude: ["node_modules/**", ".next/**"],
          environment: "node",
          // Each file gets its own database; two at a time keeps 2 cores busy without thrashing.
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        ...shared,
        test: {
          // Tests of the built console as processes (kill it, run two); lib/cli/e2e.ts runs them after `next build`.
          name: "system",
          ...inlineDeps,
          include: ["**/*.system.test.ts"],
          exclude: ["node_modules/**", ".next/**"],
          environment: "node",
          maxWorkers: 1,
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
    ],
    coverage: {
      provider: "v8",
      include: ["lib/vsm/**/*.ts"],
      exclude: ["**/*.test.ts"],
      thresholds: { lines: 100 },
    },
  },
});

/**
 * The example models shipped as data in prisma/seed/: what `npm run db:seed` imports and what a
 * brand-new database is seeded with (VSM_SEED_EXAMPLE).
 */
export const EXAMPLES = {
  saas: "saas-platform.yaml",
  cybersyn: "cybersyn-economy.yaml",
} as const;

export type ExampleName = keyof typeof EXAMPLES;

export const isExampleName = (name: string): name is ExampleName => Object.hasOwn(EXAMPLES, name);

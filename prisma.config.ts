import { defineConfig } from "prisma/config";

// The CLI is used here only for `prisma generate`, which needs no connection: migrations are
// applied by the project's own runner (lib/store/migrate.ts), see TOOLCHAIN notes in the README.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx --conditions=react-server lib/cli/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/vsm" },
});

import { z } from "zod";

/**
 * Every environment variable the console reads, validated once at boot. A bad value stops the
 * process with one line per variable, naming it, instead of failing later somewhere deep.
 */
const envSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .trim()
      .min(1)
      .refine((value) => /^postgres(ql)?:\/\//.test(value), {
        message: "must be a PostgreSQL URL such as postgresql://user@127.0.0.1:5432/vsm",
      })
      .optional(),
    VSM_DATA_DIR: z.string().trim().min(1).default(".data"),
    VSM_SEED_EXAMPLE: z.enum(["saas", "cybersyn", "none"]).default("saas"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    REDIS_URL: z
      .string()
      .trim()
      .refine((value) => /^rediss?:\/\//.test(value), { message: "must be a Redis URL such as redis://127.0.0.1:6379" })
      .optional(),
    VSM_RATE_LIMIT_PER_SECOND: z.coerce
      .number({ message: "must be a number" })
      .int({ message: "must be a whole number" })
      .min(1)
      .max(1_000_000)
      .default(100),
    VSM_RATE_LIMIT_BURST: z.coerce
      .number({ message: "must be a number" })
      .int({ message: "must be a whole number" })
      .min(0)
      .max(10_000_000)
      .default(1_000),
    PORT: z.coerce
      .number({ message: "must be a port number" })
      .int({ message: "must be a whole port number" })
      .min(1, { message: "must be a port number from 1 to 65535" })
      .max(65535, { message: "must be a port number from 1 to 65535" })
      .default(3000),
    /** Days raw observations are kept at least; whole months go once older (docs/design.md §7). */
    VSM_RETENTION_RAW_DAYS: z.coerce
      .number({ message: "must be a number of days" })
      .int({ message: "must be a whole number of days" })
      .min(1, { message: "must be from 1 to 36500 days" })
      .max(36500, { message: "must be from 1 to 36500 days" })
      .default(35),
    /**
     * Whether `npm start` also runs the simulator (docs/simulator.md) against the console: "auto"
     * runs it on the embedded database seeded with the saas example (a first look), never on
     * PostgreSQL; "on" runs it there too; "off" never.
     */
    VSM_SIMULATE: z.enum(["auto", "on", "off"]).default("auto"),
    /**
     * The shared secret an external scheduler (Vercel Cron) sends as `Authorization: Bearer …` to
     * `/api/cron/deadlines`. Unset, that route refuses every caller; the in-process worker still runs.
     */
    CRON_SECRET: z.string().min(16, { message: "must be at least 16 characters" }).optional(),
    /**
     * The bearer token a Prometheus server sends to `GET /api/metrics` (docs/metrics.md). Unset,
     * only an API key or person reading the whole model may scrape (or anyone, with VSM_METRICS_PUBLIC).
     */
    VSM_METRICS_TOKEN: z
      .string()
      .regex(/^\S{16,}$/, { message: "must be at least 16 characters without spaces, e.g. from `openssl rand -hex 32`" })
      .optional(),
    /** Serve `/api/metrics` to anyone: only for a console reachable from a private network alone. */
    VSM_METRICS_PUBLIC: z
      .enum(["true", "false"], { message: 'must be "true" or "false"' })
      .transform((value) => value === "true")
      .default(false),
    /**
     * The key that signs session cookies (docs/access.md). Unset, the console makes one and keeps it
     * in VSM_DATA_DIR; several instances must share one, so set it whenever there is more than one.
     */
    AUTH_SECRET: z.string().min(32, { message: "must be at least 32 characters, e.g. from `openssl rand -base64 33`" }).optional(),
    /** The console's public address (Auth.js reads it too), for links it prints; default http://localhost:PORT. */
    AUTH_URL: z.url({ message: "must be the console's public URL, e.g. https://vsm.example.com" }).optional(),
    /** Hours a session lasts from signing in; then its holder signs in again. */
    VSM_SESSION_HOURS: z.coerce
      .number({ message: "must be a number of hours" })
      .min(0.25, { message: "must be from 0.25 to 720 hours" })
      .max(720, { message: "must be from 0.25 to 720 hours" })
      .default(12),
    /** An OpenID Connect provider for sign-in, used when all three are set (docs/access.md "OIDC"). */
    AUTH_OIDC_ISSUER: z.url({ message: "must be the provider's issuer URL, e.g. https://accounts.example.com" }).optional(),
    AUTH_OIDC_ID: z.string().min(1).optional(),
    AUTH_OIDC_SECRET: z.string().min(1).optional(),
    /** The name the sign-in button gives the OIDC provider. */
    AUTH_OIDC_NAME: z.string().min(1).max(60).default("single sign-on"),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.AUTH_OIDC_ISSUER, env.AUTH_OIDC_ID, env.AUTH_OIDC_SECRET].filter((v) => v !== undefined).length;
    if (oidc !== 0 && oidc !== 3) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_OIDC_ISSUER"],
        message: "AUTH_OIDC_ISSUER, AUTH_OIDC_ID and AUTH_OIDC_SECRET must be set together",
      });
    }
    // A provider accepts only the callback address registered for the console, and the console
    // must send the same one when it starts a sign-in and when it redeems the code: without a
    // fixed public URL the two are derived from different places (a 127.0.0.1 host reaches a
    // route handler as localhost) and the provider refuses the code.
    if (env.AUTH_OIDC_ISSUER !== undefined && env.AUTH_URL === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_URL"],
        message:
          "is required with AUTH_OIDC_ISSUER: the console's public URL, whose /api/auth/callback/oidc is registered with the provider",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses a variable map; empty strings count as unset, as in most shells' `VAR=` usage. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

import "server-only";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { TransientError } from "@/lib/errors";

/** Charges one request to a key's budget, or throws TransientError("rate_limited") with the wait. */
export interface RateLimiter {
  consume(keyId: string): Promise<void>;
  /** Where budgets live right now: shared in Redis, or this process's memory (by design or while Redis is away). */
  backend(): "memory" | "redis" | "memory (redis unavailable)";
  close(): Promise<void>;
}

export interface RateLimitSettings {
  /** Sustained requests per second per key. */
  perSecond: number;
  /** Extra requests a key may spend at once on top of the sustained rate, refilled over ten seconds. */
  burst: number;
  /** Shared budgets across app instances when set; each process keeps its own otherwise. */
  redisUrl?: string;
}

/**
 * A token-bucket-like limit per API key (docs/telemetry-in.md): a steady limiter of `perSecond`
 * per second, and when it is spent a burst allowance of `burst` per ten seconds. With Redis the
 * budgets are shared by every instance; if Redis fails, each process falls back to its own
 * in-memory limiter for that request (rate-limiter-flexible's insurance limiter) rather than
 * refusing traffic or letting it through unlimited.
 */
export function createRateLimiter(settings: RateLimitSettings, log: Logger): RateLimiter {
  const { perSecond, burst, redisUrl } = settings;
  const memory = (prefix: string, points: number, duration: number) => new RateLimiterMemory({ keyPrefix: prefix, points, duration });
  let redis: Redis | undefined;
  let steady: RateLimiterAbstract = memory("rl", perSecond, 1);
  let spare: RateLimiterAbstract = memory("rl-burst", burst, 10);
  if (redisUrl) {
    // No offline queue and one attempt per command: while Redis is away a request must fall back
    // at once, not wait for a reconnect.
    redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    let warned = false;
    redis.on("error", (error: Error) => {
      if (!warned) log.warn({ concern: "rate-limit", err: error }, "Redis unavailable: rate limits fall back to this process's memory");
      warned = true;
    });
    redis.on("ready", () => {
      if (warned) log.info({ concern: "rate-limit" }, "Redis reachable again: rate limits are shared");
      warned = false;
    });
    const shared = (prefix: string, points: number, duration: number, insurance: RateLimiterAbstract) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `vsm:${prefix}`,
        points,
        duration,
        rejectIfRedisNotReady: true,
        insuranceLimiter: insurance,
      });
    steady = shared("rl", perSecond, 1, steady);
    spare = shared("rl-burst", burst, 10, spare);
  }
  const limiter = new BurstyRateLimiter(steady, spare);
  return {
    async consume(keyId) {
      try {
        await limiter.consume(keyId);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw new TransientError(
          "rate_limited",
          `This API key sent more than ${perSecond} requests per second (burst ${burst}); retry after ${seconds} s`,
          seconds,
        );
      }
    },
    backend() {
      if (redis === undefined) return "memory";
      return redis.status === "ready" ? "redis" : "memory (redis unavailable)";
    },
    async close() {
      redis?.disconnect();
    },
  };
}

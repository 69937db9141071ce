import "server-only";
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

/**
 * Failed sign-ins are limited per account and per address (docs/access.md): after 5 failures for
 * one email in 15 minutes, or 30 from one address, further attempts are refused without checking
 * the password until the window passes. Only failures count; a success clears the account's count.
 * Budgets live in this process's memory: a guesser spreading attempts over N instances gets N
 * times the budget, still far too few for a 12-character password.
 */
export interface SignInThrottle {
  /** Seconds to wait when `email` or `address` is blocked now, else 0. */
  blockedFor(email: string, address: string): Promise<number>;
  failed(email: string, address: string): Promise<void>;
  succeeded(email: string): Promise<void>;
}

export const ACCOUNT_FAILURES = 5;
export const ADDRESS_FAILURES = 30;
const WINDOW_SECONDS = 15 * 60;

export function createSignInThrottle(): SignInThrottle {
  const account = new RateLimiterMemory({ keyPrefix: "signin-account", points: ACCOUNT_FAILURES, duration: WINDOW_SECONDS });
  const address = new RateLimiterMemory({ keyPrefix: "signin-address", points: ADDRESS_FAILURES, duration: WINDOW_SECONDS });
  return {
    async blockedFor(email, from) {
      const waits = await Promise.all([wait(account, email.trim().toLowerCase()), wait(address, from)]);
      return Math.max(...waits);
    },
    async failed(email, from) {
      await Promise.all([spend(account, email.trim().toLowerCase()), spend(address, from)]);
    },
    async succeeded(email) {
      await account.delete(email.trim().toLowerCase());
    },
  };
}

async function wait(limiter: RateLimiterAbstract, key: string): Promise<number> {
  const state = await limiter.get(key);
  if (state === null || state.remainingPoints > 0) return 0;
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

async function spend(limiter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    // Already over the limit: the block stands until the window passes.
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
  }
}

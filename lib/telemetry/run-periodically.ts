import "server-only";

export interface Periodic<T> {
  /** The run in progress or the last one: what tests and shutdown wait for. */
  readonly last: Promise<T | null>;
  stop(): void;
}

/**
 * Runs `task` now and then every `interval` ms. The timer is unref'd so it never keeps a process
 * alive; a run still going when the next is due is not doubled. A failed run goes to `onError`
 * and the next tick tries again: background upkeep may wait, the server must not stop.
 */
export function runPeriodically<T>(task: () => Promise<T>, onError: (error: unknown) => void, interval: number): Periodic<T> {
  let running = false;
  let last: Promise<T | null> = Promise.resolve(null);
  const tick = () => {
    if (running) return;
    running = true;
    last = task().then(
      (result) => result,
      (error: unknown) => {
        onError(error);
        return null;
      },
    );
    void last.finally(() => {
      running = false;
    });
  };
  tick();
  const timer = setInterval(tick, interval);
  timer.unref();
  return {
    get last() {
      return last;
    },
    stop: () => clearInterval(timer),
  };
}

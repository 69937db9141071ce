import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "@/lib/testing/free-port";

/**
 * The built console (`next start`, after `next build`) as a process of its own, for system tests
 * that must kill it or run two: started in its own process group so that SIGKILL reaches the
 * server however Next arranges its processes, and ready once `/api/ready` answers 200.
 */
export interface AppProcess {
  url: string;
  /** What the server wrote, for the message of a failing test. */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** `env` may be a function of the console's URL, for settings that name it (AUTH_URL). */
export async function startApp(env: Record<string, string> | ((url: string) => Record<string, string>)): Promise<AppProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      VSM_SEED_EXAMPLE: "none",
      ...(typeof env === "function" ? env(url) : env),
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const app: AppProcess = {
    url,
    output: () => output,
    async kill(signal = "SIGKILL") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // Already gone.
      }
      await exited;
    },
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the console exited with ${child.exitCode} before it was ready:\n${output}`);
    const ready = await fetch(`${url}/api/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return app;
    if (Date.now() > deadline) {
      await app.kill();
      throw new Error(`the console was not ready within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

import os from "node:os";

/** One line naming the machine a benchmark ran on, so figures are never quoted without it. */
export function describeMachine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? "unknown CPU";
  const ram = (os.totalmem() / 2 ** 30).toFixed(1);
  return `${model}, ${cpus.length} logical cores, ${ram} GiB RAM, Node ${process.version} on ${os.platform()} ${os.arch()}`;
}

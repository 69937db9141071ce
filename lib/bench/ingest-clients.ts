import { SeriesGenerator, type Row, type Series } from "@/lib/bench/ingest-series";

/**
 * Concurrent senders for the ingest benchmark. Each client owns a share of the units, as one agent
 * or SDK per service does in production, so clients do not queue on each other's cursor locks;
 * each keeps its own generator, so its series' times only move forward across phases.
 */

export interface Sender {
  /** Sends one batch; resolves once it is stored (throws on anything else). */
  send(rows: readonly Row[]): Promise<void>;
}

export interface Client {
  generator: SeriesGenerator;
  /** Rounds (every series of the client once) per batch. */
  rounds: number;
}

/** `count` clients over the series, units dealt round-robin; each batch ≈ `batch` points. */
export function makeClients(series: readonly Series[], count: number, batch: number, seed: number, start: number): Client[] {
  const units = [...new Set(series.map((s) => s.unitPath))];
  return Array.from({ length: count }, (_, c) => {
    const own = new Set(units.filter((_, u) => u % count === c));
    const mine = series.filter((s) => own.has(s.unitPath));
    if (mine.length === 0) throw new RangeError(`client ${c + 1} of ${count} has no unit: use fewer clients`);
    return { generator: new SeriesGenerator(mine, seed + c, start), rounds: Math.max(1, Math.round(batch / mine.length)) };
  });
}

export interface RunFigures {
  seconds: number;
  batches: number;
  rows: number;
  /** Round-trip time of each batch, ms. */
  latencies: number[];
  /** CPU time of this process (server and clients), ms: what a batch costs here, whatever else runs on the machine. */
  cpuMs: number;
}

/** Every client sends batch after batch until `seconds` have passed; the wall time is the run's. */
export async function runClients(clients: readonly Client[], sender: Sender, seconds: number): Promise<RunFigures> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const deadline = started + seconds * 1000;
  const latencies: number[] = [];
  let rows = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < deadline) {
        const batch = client.generator.next(client.rounds);
        const sent = performance.now();
        await sender.send(batch);
        latencies.push(performance.now() - sent);
        rows += batch.length;
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  return {
    seconds: (performance.now() - started) / 1000,
    batches: latencies.length,
    rows,
    latencies,
    cpuMs: (used.user + used.system) / 1000,
  };
}

/** A sender that POSTs an encoded body; `headers` carries the credential and content type. */
export function httpSender(url: string, headers: Record<string, string>, encode: (rows: readonly Row[]) => string | Uint8Array): Sender {
  return {
    async send(rows) {
      const body = encode(rows);
      const response = await fetch(url, { method: "POST", headers, body: typeof body === "string" ? body : new Uint8Array(body) });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 500)}`);
    },
  };
}

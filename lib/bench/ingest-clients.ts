import { SeriesGenerator, type Row, type Series } from "@/lib/bench/ingest-series";

/**
 * Concurrent senders for the ingest benchmark. Each client owns a share of the units, as one agent
 * or SDK per service does in production, so clients do not queue on each other's cursor locks;
 * each keeps its own generator, so its series' times only move forward across phases.
 */

export interface Sender {
  /** The batch as its sender puts it on the wire (a JSON string, OTLP protobuf, COPY rows). */
  encode(rows: readonly Row[]): unknown;
  /** Sends one encoded batch; resolves once it is stored (throws on anything else). */
  post(encoded: unknown): Promise<void>;
}

/** A batch encoded ahead of time, and how many observations it carries. */
interface Prepared {
  encoded: unknown;
  rows: number;
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
  /** Wall time from the first send until the work was done, `settle` included. */
  seconds: number;
  /** Of which the time `settle` took after the last answer. */
  settleSeconds: number;
  batches: number;
  rows: number;
  /** Round-trip time of each batch, ms. */
  latencies: number[];
  /** CPU time of this process (server and clients), ms: what a batch costs here, whatever else runs on the machine. */
  cpuMs: number;
}

/**
 * Every client sends batch after batch until `seconds` have passed; the wall time is the run's.
 * Each client first encodes `ahead` batches, untimed, as a load generator builds its requests
 * before it starts the clock: the senders of production run on other machines, so their encoding
 * is not the console's cost. A client that runs out encodes the rest as it goes. `settle` runs
 * after the last answer, inside the clock: work the server left for later is still its work.
 */
export async function runClients(
  clients: readonly Client[],
  sender: Sender,
  seconds: number,
  ahead = 0,
  settle: () => Promise<unknown> = async () => undefined,
): Promise<RunFigures> {
  const prepared = clients.map((client) =>
    Array.from({ length: ahead }, (): Prepared => {
      const batch = client.generator.next(client.rounds);
      return { encoded: sender.encode(batch), rows: batch.length };
    }).reverse(),
  );
  const started = performance.now();
  const cpu = process.cpuUsage();
  const deadline = started + seconds * 1000;
  const latencies: number[] = [];
  let rows = 0;
  await Promise.all(
    clients.map(async (client, c) => {
      while (performance.now() < deadline) {
        const next = prepared[c]!.pop() ?? encodeNow(client, sender);
        const sent = performance.now();
        await sender.post(next.encoded);
        latencies.push(performance.now() - sent);
        rows += next.rows;
      }
    }),
  );
  const answered = performance.now();
  await settle();
  const used = process.cpuUsage(cpu);
  return {
    seconds: (performance.now() - started) / 1000,
    settleSeconds: (performance.now() - answered) / 1000,
    batches: latencies.length,
    rows,
    latencies,
    cpuMs: (used.user + used.system) / 1000,
  };
}

function encodeNow(client: Client, sender: Sender): Prepared {
  const batch = client.generator.next(client.rounds);
  return { encoded: sender.encode(batch), rows: batch.length };
}

/** A sender that POSTs an encoded body; `headers` carries the credential and content type. */
export function httpSender(url: string, headers: Record<string, string>, encode: (rows: readonly Row[]) => string | Uint8Array): Sender {
  return {
    encode,
    async post(encoded) {
      const body = encoded as string | Uint8Array;
      const response = await fetch(url, { method: "POST", headers, body: typeof body === "string" ? body : new Uint8Array(body) });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 500)}`);
    },
  };
}

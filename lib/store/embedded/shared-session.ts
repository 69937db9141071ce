import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import { abortingSync, errorResponse, finalStatus, queryMessage } from "@/lib/store/embedded/wire";

/** One client of the shared session: a socket connection, seen only through what the session needs. */
export interface SessionClient {
  readonly closed: boolean;
  /** The complete frames received and not yet run, as one buffer; null when there are none. */
  takeFrames(): Buffer | null;
  hasFrames(): boolean;
  send(output: Uint8Array): void;
  /** Sends a last message and closes the connection. */
  kill(message: Buffer): void;
}

export interface SharedSessionOptions {
  /**
   * How long a client may hold the session inside a transaction without sending anything before
   * it is disconnected and its transaction rolled back, as PostgreSQL's
   * idle_in_transaction_session_timeout does; here one idle transaction would stall every process.
   */
  idleInTransactionMs?: number;
}

/**
 * PGlite has one backend session. This lends it to one client at a time, and a client that
 * leaves it inside a transaction (ReadyForQuery 'T' or 'E') or mid-way through an
 * extended-protocol batch keeps it until ReadyForQuery says 'I' again; everyone else's messages
 * wait in arrival order. So each client sees the isolation of its own connection: no other
 * client's statement ever runs inside its transaction (docs/design.md §9).
 */
export class SharedSession {
  private holder: SessionClient | null = null;
  /** Who ran last: a different client first gets the session reset (DISCARD ALL). */
  private last: SessionClient | null = null;
  private readonly queue: SessionClient[] = [];
  private pumping: Promise<void> | null = null;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly idleInTransactionMs: number;

  constructor(
    private readonly pglite: Pick<PGlite, "execProtocolRaw">,
    options: SharedSessionOptions = {},
  ) {
    this.idleInTransactionMs = options.idleInTransactionMs ?? 30_000;
  }

  /** A client has new frames, or has closed: give it its turn. */
  wake(client: SessionClient): void {
    if (client !== this.holder && !this.queue.includes(client)) this.queue.push(client);
    this.schedule();
  }

  private schedule(): void {
    this.pumping ??= this.pump().finally(() => {
      this.pumping = null;
      // Work that arrived as the pump was finishing.
      const holder = this.holder;
      if (holder ? holder.closed || holder.hasFrames() : this.queue.length > 0) this.schedule();
    });
  }

  /** Resolves once no work is running or queued (closing the database must not cut a rollback short). */
  async drain(): Promise<void> {
    while (this.pumping) await this.pumping;
  }

  /** Runs queued work until nobody has any, or the holder is between statements of a transaction. */
  private async pump(): Promise<void> {
    for (;;) {
      const client = this.holder ?? this.queue.shift();
      if (!client) return;
      if (client.closed) {
        if (this.holder === client) await this.abandon(client);
        continue;
      }
      const batch = client.takeFrames();
      if (!batch) {
        if (this.holder !== client) continue;
        this.armIdleTimer(client);
        return;
      }
      await this.run(client, batch);
    }
  }

  private async run(client: SessionClient, batch: Buffer): Promise<void> {
    clearTimeout(this.idleTimer);
    if (this.holder !== client) {
      if (this.last !== null && this.last !== client) await this.execQuietly(queryMessage("DISCARD ALL"));
      this.holder = client;
    }
    this.last = client;
    let output: Buffer;
    try {
      // Copied: PGlite may reuse that memory for the next message before the socket has written it.
      output = Buffer.from(await this.pglite.execProtocolRaw(batch));
    } catch (error) {
      client.kill(errorResponse("FATAL", "XX000", `embedded database failed: ${(error as Error).message}`));
      await this.abandon(client);
      return;
    }
    client.send(output);
    if (finalStatus(output) === "I") {
      this.holder = null;
      if (client.hasFrames()) this.queue.push(client);
    }
  }

  /**
   * A client gone while holding the session: end any half-sent extended batch by failing it
   * (Sync alone would commit an implicit transaction), then roll back an open transaction block.
   */
  private async abandon(client: SessionClient): Promise<void> {
    clearTimeout(this.idleTimer);
    await this.execQuietly(abortingSync());
    await this.execQuietly(queryMessage("ROLLBACK"));
    this.last = client;
    this.holder = null;
  }

  private async execQuietly(message: Buffer): Promise<void> {
    await this.pglite.execProtocolRaw(message).catch(() => undefined);
  }

  private armIdleTimer(client: SessionClient): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.holder !== client || client.hasFrames()) return;
      client.kill(errorResponse("FATAL", "25P03", "terminating connection due to idle-in-transaction timeout"));
      this.wake(client);
    }, this.idleInTransactionMs);
    this.idleTimer.unref();
  }

  /** Stops the idle timer; the server closes every connection itself. */
  stop(): void {
    clearTimeout(this.idleTimer);
  }
}

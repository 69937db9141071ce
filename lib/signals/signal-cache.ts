import type { Signal } from "@/lib/vsm/algedonic/schemas";

/**
 * Running signals a process has read or written, by id (docs/signals.md): a batch asks the
 * database only for each running signal's version and reads in full — timeline and all — just
 * those whose cached copy is older or missing. Like the filter cache it is only a faster way to
 * what the database holds: a copy is used only at the version the database has.
 */
export class SignalCache {
  private readonly entries = new Map<string, Signal>();

  constructor(private readonly capacity = 10_000) {}

  get(id: string, version: number): Signal | undefined {
    const signal = this.entries.get(id);
    if (signal === undefined || signal.version !== version) return undefined;
    // Most recently used last, so the oldest go first when full.
    this.entries.delete(id);
    this.entries.set(id, signal);
    return signal;
  }

  /** Keeps a signal as stored; a closed one leaves, since no batch reads it again. */
  put(signal: Signal): void {
    this.entries.delete(signal.id);
    if (signal.closedAt !== null) return;
    this.entries.set(signal.id, signal);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  forget(id: string): void {
    this.entries.delete(id);
  }
}

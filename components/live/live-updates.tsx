"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

/** A burst of events (a batch that raised and escalated several signals) becomes one refresh. */
const REFRESH_DELAY_MS = 400;
/** And refreshes come at most this often, however busy the console: each is a render on the server. */
const MIN_REFRESH_INTERVAL_MS = 2_000;
/** An EventSource reconnects by itself; say so only if it has not managed within this long. */
const QUIET_RECONNECT_MS = 4_000;

type Status = "connecting" | "live" | "reconnecting";

const WORDS: Record<Status, string> = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…" };

/**
 * Keeps a server-rendered page current (docs/live-stream.md): follows the live stream for the
 * kinds of event the page shows (within `unit`'s subtree, if given) and re-renders the page from
 * the server when one arrives. The stream carries only what the reader may see, and the page is
 * read again under the same rules, so nothing is shown here that the page would not show.
 */
export function LiveUpdates({ kinds, unit }: { kinds: string; unit?: string }) {
  const router = useRouter();
  const [status, setStatus] = useState<Status>("connecting");
  useEffect(() => {
    const query = new URLSearchParams({ kind: kinds, ...(unit === undefined ? {} : { unit }) });
    const source = new EventSource(`/api/v1/stream?${query.toString()}`);
    let refresh: ReturnType<typeof setTimeout> | undefined;
    let lost: ReturnType<typeof setTimeout> | undefined;
    let last = 0;
    const changed = () => {
      const wait = Math.max(REFRESH_DELAY_MS, last + MIN_REFRESH_INTERVAL_MS - Date.now());
      refresh ??= setTimeout(() => {
        refresh = undefined;
        last = Date.now();
        router.refresh();
      }, wait);
    };
    for (const kind of kinds.split(",")) source.addEventListener(kind, changed);
    source.onopen = () => {
      clearTimeout(lost);
      lost = undefined;
      setStatus("live");
    };
    source.onerror = () => {
      lost ??= setTimeout(() => setStatus("reconnecting"), QUIET_RECONNECT_MS);
    };
    return () => {
      source.close();
      clearTimeout(refresh);
      clearTimeout(lost);
    };
  }, [router, kinds, unit]);
  return (
    <span role="status" className="text-muted inline-flex items-center gap-1.5 text-xs font-normal">
      <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${status === "live" ? "bg-emerald-500" : "bg-amber-400"}`} />
      {WORDS[status]}
    </span>
  );
}

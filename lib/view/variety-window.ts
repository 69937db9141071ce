import type { TimeWindow } from "@/lib/vsm/time-window";
import { DAY, HOUR, type Millis } from "@/lib/vsm/types";

/** The spans the Variety page offers (`?window=`), each ending at the request's time. */
export const WINDOW_CHOICES = {
  "1h": { span: HOUR, label: "last hour" },
  "24h": { span: DAY, label: "last 24 hours" },
  "7d": { span: 7 * DAY, label: "last 7 days" },
} as const satisfies Record<string, { span: Millis; label: string }>;

export type WindowChoice = keyof typeof WINDOW_CHOICES;
export const DEFAULT_WINDOW: WindowChoice = "24h";

function isChoice(value: string): value is WindowChoice {
  return Object.hasOwn(WINDOW_CHOICES, value);
}

/** The chosen window from the query string; anything else (missing, repeated, unknown) is the default. */
export function windowChoice(param: string | string[] | undefined): WindowChoice {
  return typeof param === "string" && isChoice(param) ? param : DEFAULT_WINDOW;
}

/** The half-open window [now − span, now). */
export function windowEnding(choice: WindowChoice, now: Millis): TimeWindow {
  return { from: now - WINDOW_CHOICES[choice].span, to: now };
}

/** An instant as the page states a window's edges: to the minute, in UTC, so every reader sees the same. */
export function formatInstant(at: Millis): string {
  return `${new Date(at).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

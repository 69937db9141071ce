import type { EventData, TimedEvent } from "@/lib/vsm/rules/event";
import { createMatcher, type Matcher } from "@/lib/vsm/rules/matcher";
import type { CompiledRule, RuleAction } from "@/lib/vsm/rules/rule";
import type { Millis } from "@/lib/vsm/types";

/** A rule's action, due at one event of the stream. */
export interface RuleFiring {
  readonly rule: string;
  /** Position of the event in this call's stream. */
  readonly index: number;
  readonly time: Millis;
  readonly event: EventData;
  readonly action: RuleAction;
}

/**
 * Runs a rule over a time-ordered stream and yields its action at every event where `when`
 * holds. It fires per event, not per episode: grouping and repeat intervals belong to signals
 * (docs/design.md §3.3). Pass the matcher of an earlier call to continue that stream.
 */
export function* evaluateRule(
  compiled: CompiledRule,
  stream: Iterable<TimedEvent>,
  matcher: Matcher = createMatcher(compiled.query),
): Generator<RuleFiring, void, undefined> {
  let index = 0;
  for (const { time, event } of stream) {
    if (matcher.push(event, time)) yield { rule: compiled.rule.name, index, time, event, action: compiled.rule.action };
    index += 1;
  }
}

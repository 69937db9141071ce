import "server-only";
import type { ActorResolver } from "@/lib/auth/actor";
import type { createRouteWrapper, RouteHandler } from "@/lib/http";
import { consoleMetrics } from "@/lib/metrics/console-metrics";
import { EXPOSITION_CONTENT_TYPE } from "@/lib/metrics/exposition";
import type { MetricRegistry } from "@/lib/metrics/registry";
import { authorizeScrape, type ScrapeAccess } from "@/lib/metrics/scrape-access";
import { scrapeMetrics } from "@/lib/metrics/scrape-metrics";
import type { SqlRunner } from "@/lib/store/sql-runner";

export interface MetricsRouteDeps {
  /** Who the caller is when it sends neither the metrics token nor nothing on a public console. */
  resolver: ActorResolver;
  /** Read per request, so a test (or a changed environment) needs no new handler. */
  access: () => ScrapeAccess;
  database: () => Promise<Pick<SqlRunner, "query">>;
  registry?: MetricRegistry;
  now?: () => number;
}

/**
 * `GET /api/metrics`: the console's own metrics in Prometheus' text format (docs/metrics.md). The
 * wrapper's permission is "public" because a scraper's metrics token is no actor: the handler
 * checks access itself (lib/metrics/scrape-access.ts), answering 401/403 in the app's error shape.
 */
export function metricsRoute(withRoute: ReturnType<typeof createRouteWrapper>, deps: MetricsRouteDeps): RouteHandler {
  return withRoute({ permission: "public" }, async ({ request, log }) => {
    await authorizeScrape(request, deps.access(), deps.resolver);
    const registry = deps.registry ?? consoleMetrics().registry;
    const text = await scrapeMetrics({ registry, database: deps.database, now: (deps.now ?? Date.now)() }, log);
    return new Response(text, { status: 200, headers: { "content-type": EXPOSITION_CONTENT_TYPE, "cache-control": "no-store" } });
  });
}

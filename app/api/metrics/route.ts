import { getDatabase } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { appActorResolver, withRoute } from "@/lib/http";
import { routeMethods } from "@/lib/http/methods";
import { metricsRoute } from "@/lib/metrics/metrics-route";

export const dynamic = "force-dynamic";

/** The console's own metrics for Prometheus (docs/metrics.md): the metrics token, a reader of the whole model, or public. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: metricsRoute(withRoute, {
    resolver: appActorResolver,
    access: () => ({ token: getEnv().VSM_METRICS_TOKEN, open: getEnv().VSM_METRICS_PUBLIC }),
    database: async () => (await getDatabase()).sql,
  }),
});

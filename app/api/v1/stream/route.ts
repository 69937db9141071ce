import { withRoute } from "@/lib/http";
import { routeMethods } from "@/lib/http/methods";
import { getStreamHub } from "@/lib/stream/server-stream";
import { streamRoute } from "@/lib/stream/stream-route";

export const dynamic = "force-dynamic";

/** The live stream (docs/live-stream.md): Server-Sent Events of what the caller may read. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: streamRoute(withRoute, getStreamHub) });

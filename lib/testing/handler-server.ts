import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { RouteHandler } from "@/lib/http";

/**
 * A plain Node HTTP server in front of route handlers, so that real clients — an OpenTelemetry
 * exporter, a Prometheus binary — can send to the handlers of an integration test over a socket,
 * exactly as they would to the console. Paths map to handlers; anything else is a 404.
 */
export interface HandlerServer {
  url: string;
  /** Requests answered so far, per path and status, for tests to see what reached them. */
  seen: { method: string; path: string; status: number; headers: Record<string, string> }[];
  close(): Promise<void>;
}

export async function startHandlerServer(routes: Record<string, RouteHandler>): Promise<HandlerServer> {
  const seen: HandlerServer["seen"] = [];
  const server: Server = createServer((incoming, outgoing) => {
    void (async () => {
      const path = new URL(incoming.url ?? "/", "http://localhost").pathname;
      const handler = routes[path];
      const response = handler
        ? await handler(toRequest(incoming))
        : Response.json({ error: { code: "not_found", message: path } }, { status: 404 });
      seen.push({ method: incoming.method ?? "", path, status: response.status, headers: headersOf(incoming) });
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      outgoing.writeHead(500);
      outgoing.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function headersOf(incoming: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers))
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  return headers;
}

function toRequest(incoming: IncomingMessage): Request {
  const method = incoming.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? null : (Readable.toWeb(incoming) as ReadableStream<Uint8Array>);
  return new Request(new URL(incoming.url ?? "/", "http://localhost"), {
    method,
    headers: headersOf(incoming),
    body,
    duplex: "half",
  } as RequestInit);
}

/**
 * The simulator's HTTP client: posts to the console's public ingestion endpoints with an API key,
 * as any sender does. 503 (the console's "try again": overload, a colliding write, the database
 * briefly away) and network errors are retried with back-off, so a busy console delays the data
 * and never loses it; any other refusal stops the simulator with the console's own message.
 */
export class IngestError extends Error {}

export interface IngestClient {
  post(path: string, body: unknown): Promise<unknown>;
}

const MAX_WAIT_MS = 10_000;

export function ingestClient(baseUrl: string, key: string, signal?: AbortSignal): IngestClient {
  return {
    async post(path, body) {
      const payload = JSON.stringify(body);
      for (let attempt = 0; ; attempt++) {
        let response: Response | null = null;
        try {
          response = await fetch(new URL(path, baseUrl), {
            method: "POST",
            headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
            body: payload,
            ...(signal ? { signal } : {}),
          });
        } catch (error) {
          if (signal?.aborted) throw error;
        }
        if (response?.ok) return response.json();
        if (response && response.status !== 503) {
          throw new IngestError(`${path} answered ${response.status}: ${await response.text()}`);
        }
        const retryAfter = Number(response?.headers.get("retry-after") ?? "");
        const wait = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : Math.min(MAX_WAIT_MS, 250 * 2 ** attempt);
        await new Promise((resolve) => setTimeout(resolve, Math.min(MAX_WAIT_MS, wait)));
      }
    },
  };
}

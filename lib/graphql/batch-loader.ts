/** Loads a batch of keys at once: the values of those found; a key left out has no value. */
export type BatchLoad<K, V> = (keys: readonly K[]) => Promise<ReadonlyMap<K, V>>;

/**
 * A per-request loader (the DataLoader idea, in a few lines): the keys asked for while GraphQL
 * resolves one level of a query are gathered and loaded with one call, and each key is loaded at
 * most once per request. So a page of 100 signals asking for their timelines costs one query, not
 * 100. Made per request, so nothing is cached across readers or over time.
 */
export function batchLoader<K, V>(load: BatchLoad<K, V>): (key: K) => Promise<V | undefined> {
  const cache = new Map<K, Promise<V | undefined>>();
  let pending: { key: K; resolve: (value: V | undefined) => void; reject: (error: unknown) => void }[] = [];

  const dispatch = () => {
    const batch = pending;
    pending = [];
    load(batch.map((p) => p.key)).then(
      (values) => batch.forEach((p) => p.resolve(values.get(p.key))),
      (error: unknown) => batch.forEach((p) => p.reject(error)),
    );
  };

  return (key) => {
    const cached = cache.get(key);
    if (cached) return cached;
    const promise = new Promise<V | undefined>((resolve, reject) => {
      // Scheduled after the promise jobs already queued, so resolvers of one level that await
      // something first still join the batch (DataLoader schedules the same way).
      if (pending.length === 0) void Promise.resolve().then(() => process.nextTick(dispatch));
      pending.push({ key, resolve, reject });
    });
    cache.set(key, promise);
    return promise;
  };
}

/** Rows grouped by a key, for loaders whose value is a list (a system's units, a signal's timeline). */
export function groupBy<K, R>(rows: readonly R[], keyOf: (row: R) => K): Map<K, R[]> {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

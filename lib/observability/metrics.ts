import client, { Counter, Gauge, type Registry } from "prom-client";

/**
 * Metrics for /api/metrics (Prometheus text format, prom-client). The server entry
 * (server/start.mjs) counts requests and their latency by route; the app adds what only it sees.
 *
 * One registry per process, prom-client's default one, shared with the entry through globalThis
 * (the entry and Next's bundle may load prom-client as separate module instances). That is also the
 * registry prom-client's AggregatorRegistry collects from each worker when one process per core
 * runs under Node's cluster module: counters and histograms add up across workers; gauges that
 * describe the shared database (outbox backlog) say how they combine (`aggregator`).
 */
const REGISTRY = Symbol.for("gatehouse.metrics");

export function metricsRegistry(): Registry {
  const store = globalThis as Record<symbol, Registry | undefined>;
  store[REGISTRY] ??= client.register;
  return store[REGISTRY];
}

function counter<T extends string>(name: string, help: string, labelNames: readonly T[]): Counter<T> {
  const registry = metricsRegistry();
  return (registry.getSingleMetric(name) as Counter<T> | undefined) ?? new Counter({ name, help, labelNames, registers: [registry] });
}

/** A label value from event data: a short word or "other", so no user input becomes a time series. */
function labelValue(value: unknown): string {
  const text = Array.isArray(value) ? value.join("+") : String(value ?? "");
  return /^[a-z0-9_+-]{1,40}$/.test(text) ? text : "other";
}

export function countSignIn(method: unknown, outcome: "success" | "failure"): void {
  counter("gatehouse_sign_ins_total", "Sign-ins by method (first factor, or factors used) and outcome", ["method", "outcome"] as const)
    .labels(labelValue(method), outcome)
    .inc();
}

/** Called where a rate limit refuses (lib/security/rate-limit.ts); the label is the bucket name. */
export function countRateLimitRefusal(bucket: string): void {
  counter("gatehouse_rate_limit_refusals_total", "Requests refused by a rate limit, by bucket", ["bucket"] as const)
    .labels(labelValue(bucket.replace(/:/g, "_")))
    .inc();
}

/**
 * Gauges read at scrape time (`collect`), so they cost nothing between scrapes: the outbox backlog
 * (the database's, the same from every worker: aggregated as "max") and this process's pool.
 */
export function registerScrapeGauges(read: {
  outbox: () => Promise<Record<string, number>>;
  pool: () => Promise<{ max: number; connections: Record<string, number> } | null>;
}): void {
  const registry = metricsRegistry();
  if (registry.getSingleMetric("gatehouse_outbox_messages")) return;
  new Gauge({
    name: "gatehouse_outbox_messages",
    help: "Outbox messages not sent yet (pending, sending) and given up (failed)",
    labelNames: ["status"],
    registers: [registry],
    aggregator: "max",
    async collect() {
      this.reset();
      for (const [status, n] of Object.entries(await read.outbox())) this.labels(status).set(n);
    },
  });
  new Gauge({
    name: "gatehouse_db_pool_connections",
    help: "This process's database connections by state (active, idle…), from pg_stat_activity",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      this.reset();
      const pool = await read.pool();
      for (const [state, n] of Object.entries(pool?.connections ?? {})) this.labels(state).set(n);
    },
  });
  new Gauge({
    name: "gatehouse_db_pool_max",
    help: "Connections this process's pool may open (DATABASE_POOL_SIZE)",
    registers: [registry],
    async collect() {
      const pool = await read.pool();
      this.set(pool?.max ?? 0);
    },
  });
}

import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per server instance, so tests can run several servers in one process. */
export class Metrics {
  readonly registry = new Registry();

  readonly upstreamRequests = new Counter({
    name: 'upstream_requests_total',
    help: 'Requests sent to an upstream, by upstream, operation and outcome (ok, throttled, rejected, error, timeout).',
    labelNames: ['upstream', 'operation', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly upstreamDuration = new Histogram({
    name: 'upstream_request_duration_seconds',
    help: 'Time from sending an upstream request to reading its whole answer.',
    labelNames: ['upstream', 'operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly pacingWait = new Histogram({
    name: 'upstream_pacing_wait_seconds',
    help: 'Time a request waited for an upstream permit (Lingxing in-flight semaphore, SP-API token bucket).',
    labelNames: ['upstream', 'operation'] as const,
    buckets: [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operation durations, by operation name and type.',
    labelNames: ['operation_name', 'operation_type', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry });
  }
}

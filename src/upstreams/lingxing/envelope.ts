/**
 * Lingxing answers in two envelopes (docs/upstreams/lingxing.md): business endpoints
 * `{code: int, message, request_id, response_time, data, error_details?, total?}` and auth/gateway
 * answers `{code: string, msg, data}`. Both normalise to this.
 */
export interface ErpEnvelope<T = unknown> {
  code: string;
  message: string;
  requestId?: string;
  data: T | null;
  errorDetails?: unknown;
  total?: number;
}

export function normaliseEnvelope(raw: unknown): ErpEnvelope | undefined {
  if (typeof raw !== 'object' || raw === null || !('code' in raw)) return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.code !== 'string' && typeof r.code !== 'number') return undefined;
  const message = typeof r.message === 'string' ? r.message : typeof r.msg === 'string' ? r.msg : '';
  return {
    code: String(r.code),
    message,
    requestId: typeof r.request_id === 'string' ? r.request_id : undefined,
    data: (r.data ?? null) as unknown,
    errorDetails: r.error_details ?? undefined,
    total: typeof r.total === 'number' ? r.total : undefined,
  };
}

/**
 * The field path a 102 message starts with, e.g. `orderList[0].carrierCode` from
 * `orderList[0].carrierCode承运商code不能为空`; undefined when the message names none.
 */
export function fieldInMessage(message: string): string | undefined {
  const m = /^([A-Za-z_][A-Za-z0-9_]*(?:\[\d+\])?(?:\.[A-Za-z_][A-Za-z0-9_]*(?:\[\d+\])?)*)(?=\P{ASCII})/u.exec(
    message,
  );
  return m?.[1];
}

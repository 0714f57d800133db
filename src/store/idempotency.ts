import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../upstreams/lingxing/json';
import type { Clock } from '../platform/clock';
import {
  BadUserInputError,
  CodedError,
  UpstreamAuthFailedError,
  UpstreamMisconfiguredError,
  UpstreamThrottledError,
} from '../errors';
import type { Repository } from '.';

/** Thrown when a pending request with this key is still being carried out elsewhere. */
export class IdempotencyInProgressError extends CodedError {
  readonly code = 'IDEMPOTENCY_IN_PROGRESS';
  constructor() {
    super('A request with this idempotencyKey is still being carried out; retry shortly.', {
      code: 'IDEMPOTENCY_IN_PROGRESS',
    });
  }
}

/**
 * Thrown when an earlier attempt with this key may or may not have reached an upstream that
 * cannot be asked (the ERP's submitFulfillment has no lookup): reported, never silently resent.
 */
export class OutcomeUnknownError extends CodedError {
  readonly code = 'OUTCOME_UNKNOWN';
  constructor(since: string) {
    super(
      `An earlier request with this idempotencyKey (started ${since}) stopped before its outcome was recorded; it may have reached the ERP. Check recentFulfillmentTasks before submitting again with a new key.`,
      { code: 'OUTCOME_UNKNOWN', since },
    );
  }
}

/** The same key was used with a different input. Mutations report it as a userError. */
export class IdempotencyKeyReusedError extends Error {}

/** Errors that prove the upstream did not do the work: the claim can be released. */
function provesNothingHappened(error: unknown): boolean {
  return (
    error instanceof BadUserInputError ||
    error instanceof UpstreamThrottledError ||
    error instanceof UpstreamAuthFailedError ||
    error instanceof UpstreamMisconfiguredError
  );
}

export interface IdempotencyOptions {
  /** how long a claim protects a request in progress before another process may take it over (default 2 min) */
  leaseMs?: number;
  /** how long to wait for a request with the same key running in another process (default 5 s) */
  waitMs?: number;
}

/**
 * Exactly-once mutations: the key and a hash of the input are stored before the upstream
 * call; a repeat with the same key and input returns the stored result without calling upstream,
 * also after a restart; concurrent repeats in this process wait for the first. A claim left
 * pending by a crash is reconciled by the caller (`reconcile: 'rerun'`, for operations that are
 * safe to repeat after a lookup) or reported (`'report'`).
 */
export class Idempotency {
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly leaseMs: number;
  private readonly waitMs: number;

  constructor(
    private readonly repo: Repository,
    private readonly clock: Clock,
    options: IdempotencyOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 120_000;
    this.waitMs = options.waitMs ?? 5_000;
  }

  static hash(input: object): string {
    const { idempotencyKey: _ignored, ...rest } = input as Record<string, unknown>;
    return createHash('sha256')
      .update(canonicalJson(JSON.parse(JSON.stringify(rest)) as JsonValue))
      .digest('hex');
  }

  /**
   * `scope` is the mutation and the tenant it acts for (seller or store): the same key sent for
   * another tenant is another key, so one tenant's key never blocks, or reveals, another's result.
   */
  async run<T>(
    { operation, tenant }: { operation: string; tenant: string },
    key: string | null | undefined,
    input: object,
    reconcile: 'rerun' | 'report',
    work: (attempt: { reconciling: boolean }) => Promise<T>,
  ): Promise<{ value: T; replayed: boolean }> {
    if (!key) return { value: await work({ reconciling: false }), replayed: false };
    const scope = `${operation} ${tenant}`;
    const id = `${scope}\u0000${key}`;
    for (;;) {
      const running = this.inflight.get(id);
      if (!running) break;
      await running.catch(() => undefined); // a concurrent twin in this process: let it finish first
    }
    const attempt = this.attempt(scope, key, Idempotency.hash(input), reconcile, work);
    this.inflight.set(id, attempt);
    try {
      return await attempt;
    } finally {
      if (this.inflight.get(id) === attempt) this.inflight.delete(id);
    }
  }

  private iso(offsetMs = 0): string {
    return new Date(this.clock.now() + offsetMs).toISOString();
  }

  private async attempt<T>(
    scope: string,
    key: string,
    hash: string,
    reconcile: 'rerun' | 'report',
    work: (attempt: { reconciling: boolean }) => Promise<T>,
  ) {
    const { claimed, record } = await this.repo.claimKey(scope, key, hash, this.iso(), this.iso(this.leaseMs));
    let reconciling = false;
    if (!claimed) {
      if (record.requestHash !== hash)
        throw new IdempotencyKeyReusedError(`idempotencyKey ${key} was already used with a different input`);
      let current = record;
      const giveUpAt = this.clock.now() + this.waitMs;
      while (current.state === 'pending' && current.leaseUntil >= this.iso()) {
        // owned by a request in another process: wait a little for its result
        if (this.clock.now() >= giveUpAt) throw new IdempotencyInProgressError();
        await this.clock.sleep(100);
        current = (await this.repo.getKey(scope, key)) ?? current;
      }
      if (current.state === 'done') return { value: current.response as T, replayed: true };
      // left pending by a process that died mid-request
      if (!(await this.repo.takeOverKey(scope, key, this.iso(), this.iso(this.leaseMs))))
        throw new IdempotencyInProgressError();
      if (reconcile === 'report') throw new OutcomeUnknownError(current.createdAt);
      reconciling = true;
    }
    try {
      const value = await work({ reconciling });
      await this.repo.completeKey(scope, key, value, this.iso());
      return { value, replayed: false };
    } catch (error) {
      if (provesNothingHappened(error)) await this.repo.releaseKey(scope, key);
      // otherwise the claim stays pending, the outcome unknown; nobody works on it any more, so a
      // retry may reconcile at once (after a crash, the lease has to run out first)
      else await this.repo.endLease(scope, key, this.iso(-1));
      throw error;
    }
  }
}

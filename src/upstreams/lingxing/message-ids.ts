/**
 * Generates 标发记录ids for shipments submitted without one: positive integers of 18 digits
 * (milliseconds since the epoch × 10^5 + a sequence), strictly increasing within the process, so
 * they are unique within a submission and, in practice, across a seller's submissions. As strings:
 * they exceed 2^53.
 */
export class MessageIdGenerator {
  private last = 0n;

  constructor(private readonly now: () => number = Date.now) {}

  next(taken: ReadonlySet<string> = new Set()): string {
    let candidate = BigInt(this.now()) * 100_000n;
    if (candidate <= this.last) candidate = this.last + 1n;
    while (taken.has(candidate.toString())) candidate++;
    this.last = candidate;
    return candidate.toString();
  }
}

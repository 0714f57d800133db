/**
 * Metric labels from client-chosen strings stay bounded (docs/operations.md): an
 * operation name becomes a label only while fewer than `maxDistinct` names have been seen (then
 * `other`), and never longer than `maxLength` characters.
 */
export class BoundedLabels {
  private readonly seen = new Set<string>();

  constructor(
    private readonly maxDistinct = 200,
    private readonly maxLength = 100,
  ) {}

  label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    const cut = name.length > this.maxLength ? name.slice(0, this.maxLength) : name;
    if (this.seen.has(cut)) return cut;
    if (this.seen.size >= this.maxDistinct) return 'other';
    this.seen.add(cut);
    return cut;
  }
}

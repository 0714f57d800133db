/**
 * What the composition root opened, closed in reverse order: every step that opens something
 * registers how to close it, so a start that fails half-way and a normal stop run the same path.
 */
export class Cleanup {
  private readonly steps: Array<{ name: string; close: () => Promise<void> | void }> = [];

  add(name: string, close: () => Promise<void> | void): void {
    this.steps.push({ name, close });
  }

  /** Closes everything, last opened first; a step that fails does not keep the others open. */
  async run(onError: (name: string, error: unknown) => void = () => undefined): Promise<void> {
    while (this.steps.length) {
      const { name, close } = this.steps.pop()!;
      try {
        await close();
      } catch (error) {
        onError(name, error);
      }
    }
  }
}

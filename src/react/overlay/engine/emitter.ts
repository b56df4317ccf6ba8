/** A set of listeners: `subscribe` returns the unsubscribe, `emit` calls each once. */
export class Emitter<A extends unknown[] = []> {
  readonly #listeners = new Set<(...args: A) => void>();

  readonly subscribe = (listener: (...args: A) => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  emit(...args: A): void {
    for (const listener of this.#listeners) listener(...args);
  }
}

// A FIFO mutex: PGlite has one connection, so each transaction (or lone statement) holds it
// alone until it finishes; everything else waits its turn instead of failing or interleaving.
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  get pending(): number {
    return this.waiting;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    this.waiting++;
    const result = this.tail.then(task);
    const settle = () => {
      this.waiting--;
    };
    this.tail = result.then(settle, settle);
    return result;
  }
}

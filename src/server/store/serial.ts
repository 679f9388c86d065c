/**
 * Runs async jobs one at a time. SQLite has one connection: a transaction
 * that awaits must not let another request's statements run inside it.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(job, job);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/**
 * The worker's life lock: a Web Lock it holds for as long as it lives, so that the page, which asks
 * for the same lock, is granted it the moment the worker dies (crash, out of memory, closed).
 */

/**
 * Holds the lock `name` until this worker ends. Resolves true once it is held, false when it cannot
 * be (no name, no Web Locks, or a refused request): then the page must not wait on it.
 */
export function holdLifeLock(locks: LockManager | undefined, name: string | null): Promise<boolean> {
  if (!name || !locks) return Promise.resolve(false);
  return new Promise((resolve) => {
    locks
      .request(name, () => {
        resolve(true);
        return new Promise<never>(() => undefined); // never released while the worker lives
      })
      .catch(() => resolve(false));
  });
}

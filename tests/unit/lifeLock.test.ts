import { describe, expect, it } from 'vitest';
import { holdLifeLock } from '../../src/worker/lifeLock';

/** A LockManager whose request either grants the lock (keeping the callback's promise) or rejects. */
function fakeLocks(grant: boolean): { locks: LockManager; held: string[] } {
  const held: string[] = [];
  const locks = {
    request(name: string, callback: () => Promise<never>) {
      if (!grant) return Promise.reject(new DOMException('refused', 'SecurityError'));
      held.push(name);
      return callback();
    },
  } as unknown as LockManager;
  return { locks, held };
}

describe('holdLifeLock', () => {
  it('resolves true once the lock is held, and keeps holding it', async () => {
    const { locks, held } = fakeLocks(true);
    await expect(holdLifeLock(locks, 'life')).resolves.toBe(true);
    expect(held).toEqual(['life']);
  });

  it('resolves false instead of hanging when the request is refused, or there is no lock to take', async () => {
    await expect(holdLifeLock(fakeLocks(false).locks, 'life')).resolves.toBe(false);
    await expect(holdLifeLock(undefined, 'life')).resolves.toBe(false);
    await expect(holdLifeLock(fakeLocks(true).locks, null)).resolves.toBe(false);
  });
});

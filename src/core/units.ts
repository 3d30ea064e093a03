/** Unit conversions at the edge of the core, which computes in nats. */

/** Bits per nat: log2(e). */
export const BITS_PER_NAT = Math.LOG2E;

/** Converts a quantity in nats to bits. */
export function natsToBits(nats: number): number {
  return nats * BITS_PER_NAT;
}

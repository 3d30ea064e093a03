/** A caught value (Error or anything thrown) as a message for the user. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

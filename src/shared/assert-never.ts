/**
 * Marks a switch as exhaustive: the compiler rejects the call when a case of a discriminated
 * union is left unhandled, and at run time it throws on a value that the types ruled out.
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}

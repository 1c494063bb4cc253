/**
 * The first look at a value that claims to be a scenario, before any recursive code (the
 * migration, zod) touches it: is it plain JSON data, and is it nested shallowly enough that
 * nothing can overflow the stack? Iterative, and bounded in the work it does.
 */
import { type Finding, finding, type PathSegments } from '../format/findings';

/** The deepest nesting of objects and arrays a scenario may have; real ones stay below 20. */
export const MAX_SCENARIO_DEPTH = 64;

/** The most values (objects, arrays, strings, numbers, ...) a scenario may hold. */
export const MAX_SCENARIO_VALUES = 500_000;

function describeType(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor
      ?.name;
    return typeof name === 'string' && name !== '' ? `a ${name} object` : 'an object with a prototype';
  }
  return `a ${typeof value}`;
}

/**
 * Finds what makes a value unfit to be read as a scenario: nesting deeper than
 * `MAX_SCENARIO_DEPTH` (a cycle shows up as this), more than `MAX_SCENARIO_VALUES` values, or a
 * value JSON cannot hold (a function, a class instance, `undefined`, a non-finite number).
 * Stops at the first problem: the value is refused as a whole.
 */
export function checkJsonStructure(value: unknown): ReadonlyArray<Finding> {
  const stack: Array<{ value: unknown; path: PathSegments; depth: number }> = [{ value, path: [], depth: 0 }];
  let seen = 0;
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined) break;
    seen++;
    if (seen > MAX_SCENARIO_VALUES) {
      return [
        finding(
          'error',
          'not-json',
          [],
          `more than ${MAX_SCENARIO_VALUES} values; a scenario is far smaller`,
        ),
      ];
    }
    const current = item.value;
    // `undefined` is what JSON leaves out; the schema reports a field that needs a value.
    if (
      current === null ||
      current === undefined ||
      typeof current === 'string' ||
      typeof current === 'boolean'
    ) {
      continue;
    }
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) {
        return [finding('error', 'not-json', item.path, `${current} is not a JSON number`)];
      }
      continue;
    }
    if (typeof current !== 'object') {
      return [finding('error', 'not-json', item.path, `${describeType(current)} is not a JSON value`)];
    }
    const isArray = Array.isArray(current);
    const prototype: unknown = Object.getPrototypeOf(current);
    if (!isArray && prototype !== Object.prototype && prototype !== null) {
      return [finding('error', 'not-json', item.path, `${describeType(current)} is not a JSON value`)];
    }
    if (item.depth >= MAX_SCENARIO_DEPTH) {
      return [
        finding(
          'error',
          'too-deeply-nested',
          item.path,
          `nested more than ${MAX_SCENARIO_DEPTH} levels deep; a scenario needs far fewer`,
        ),
      ];
    }
    if (isArray) {
      const array = current as ReadonlyArray<unknown>;
      for (let index = array.length - 1; index >= 0; index--) {
        if (!(index in array)) {
          return [
            finding('error', 'not-json', [...item.path, index], 'a hole in an array is not a JSON value'),
          ];
        }
        stack.push({ value: array[index], path: [...item.path, index], depth: item.depth + 1 });
      }
    } else {
      const keys = Object.keys(current);
      for (let k = keys.length - 1; k >= 0; k--) {
        const key = keys[k] as string;
        stack.push({
          value: (current as Record<string, unknown>)[key],
          path: [...item.path, key],
          depth: item.depth + 1,
        });
      }
    }
  }
  return [];
}

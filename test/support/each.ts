import { it } from 'vitest';

/**
 * Table-driven tests, one per case, named from a template in which `$key` becomes the case's
 * value as plain text (vitest's own `$key` quotes and shortens strings).
 */
export function each<T extends object>(cases: ReadonlyArray<T>) {
  return (template: string, body: (testCase: T) => void): void => {
    for (const testCase of cases) {
      const name = template.replace(/\$(\w+)/g, (_, key: string) =>
        String((testCase as Record<string, unknown>)[key]),
      );
      it(name, () => body(testCase));
    }
  };
}

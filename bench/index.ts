import { formatFigure } from './harness';
import { suites } from './suites';

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  let missed = 0;
  for (const suite of suites) {
    if (only.length > 0 && !only.includes(suite.name)) continue;
    process.stdout.write(`${suite.name}\n`);
    for (const figure of await suite.run()) {
      process.stdout.write(`${formatFigure(figure)}\n`);
      if (figure.budget && !figure.budget.within) missed++;
    }
  }
  process.stdout.write(missed === 0 ? '\nall budgets met\n' : `\n${missed} budget(s) missed\n`);
  process.exitCode = missed === 0 ? 0 : 1;
}

void main();

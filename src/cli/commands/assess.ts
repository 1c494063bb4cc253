import { randomUUID } from 'node:crypto';
import { linkSync, lstatSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../main/storage/atomic';
import { actionsToInputs, runSession } from '../../shared/scenario';
import { AssessmentSchema } from '../../shared/scoring/assessment';
import { createAssessment } from '../../shared/scoring/grade';
import { appIdentity } from '../assessment-files';
import type { CliCommand } from '../commands';
import { UsageError } from '../io';
import { parse, parseSeed, readActions, readScenario } from './replay-input';

/** An ISO 8601 date and time with seconds optional, fractions optional and a zone required. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** `--out` may name a new file, or with `--force` an existing regular file; nothing else. */
function checkTarget(target: string, force: boolean): void {
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(target);
  } catch {
    return;
  }
  if (!stat.isFile()) throw new UsageError(`--out: ${target} exists and is not a regular file`);
  if (!force) throw new UsageError(`--out: ${target} exists; add --force to replace it`);
}

/**
 * Writes the file through a temporary file beside it: linked into place when it must be new
 * (the link fails if the name was taken meanwhile), renamed over it with --force.
 */
async function writeNew(target: string, text: string, force: boolean): Promise<void> {
  const temporary = join(dirname(target), `.${basename(target)}.${randomUUID()}.tmp`);
  await writeFileAtomic(temporary, text);
  try {
    if (force) {
      checkTarget(target, true);
      renameSync(temporary, target);
    } else linkSync(temporary, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`--out: ${target} exists; add --force to replace it`);
    throw error instanceof UsageError ? error : new UsageError(`--out: ${target}: ${code ?? error}`);
  } finally {
    rmSync(temporary, { force: true });
  }
}

const help = `Usage: npm run cli -- assess <scenario.json> (<actions.json> | --reference) --trainee <name>
       [--trainee-id <id>] [--mode practice|assessment] [--seed N] [--attempt <uuid>]
       [--started <ISO time>] [--out <file> [--force]]

Plays a timed list of trainee actions against a scenario (the actions format of "replay"; with
--reference, the scenario's own reference solution),
grades the session with the scenario's rubric, and prints (or writes, with --out) the
assessment document: scenario id, version and content hash, trainee, attempt id, mode, seed,
start and end, the complete event log, every criterion with its evidence and feedback, the
score and pass/fail, and the answers. Defaults: mode "assessment", a random attempt id, the
start time now, the seed of the actions file or of the scenario's reference. --attempt must be
a UUID and --started an ISO 8601 time with a time zone (2026-03-01T09:30:00Z), as grade
requires. --out writes a new regular file and will not replace one that exists unless --force
is given (and then only a regular file). The scenario is validated fully first, as validate
does. An assessment made here is unsigned: grade says so, and never calls it trusted.

Exit codes: 0 written, 2 bad usage or an invalid input file.`;

function option(args: ReadonlyArray<string>, name: string): string | undefined {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
  return value;
}

/** `assess`: plays actions against a scenario and writes the graded assessment. */
export const assessCommand: CliCommand = {
  name: 'assess',
  summary: 'play actions against a scenario and write the graded assessment',
  help,
  run: async (args, out) => {
    const values = new Set([
      '--trainee',
      '--trainee-id',
      '--mode',
      '--seed',
      '--attempt',
      '--started',
      '--out',
    ]);
    const flags = new Set(['--reference', '--force']);
    const positional = args.filter(
      (arg, index) => !arg.startsWith('--') && !values.has(args[index - 1] ?? ''),
    );
    const unknown = args.find((arg) => arg.startsWith('--') && !values.has(arg) && !flags.has(arg));
    if (unknown) throw new UsageError(`unknown option ${unknown}`);
    const useReference = args.includes('--reference');
    if (positional.length !== (useReference ? 1 : 2)) {
      throw new UsageError('assess needs a scenario file and an actions file (or --reference); see --help');
    }
    const trainee = option(args, '--trainee');
    if (!trainee) throw new UsageError('--trainee <name> is required');
    const mode = option(args, '--mode') ?? 'assessment';
    if (mode !== 'practice' && mode !== 'assessment')
      throw new UsageError('--mode must be practice or assessment');
    const started = option(args, '--started') ?? new Date().toISOString();
    if (!ISO_TIME.test(started) || Number.isNaN(Date.parse(started)))
      throw new UsageError(
        `--started: "${started}" is not an ISO 8601 time with a time zone, such as 2026-03-01T09:30:00Z`,
      );
    const startMs = Date.parse(started);
    if (startMs < Date.UTC(2000, 0, 1) || startMs >= Date.UTC(10000, 0, 1))
      throw new UsageError(`--started: "${started}" is not between the years 2000 and 9999`);
    const attempt = option(args, '--attempt') ?? randomUUID();
    if (!z.uuid().safeParse(attempt).success)
      throw new UsageError(`--attempt: "${attempt}" is not a UUID (such as ${randomUUID()})`);
    const target = option(args, '--out');
    const force = args.includes('--force');
    if (force && !target) throw new UsageError('--force only goes with --out');
    if (target) checkTarget(target, force);
    const scenario = readScenario(positional[0] as string);
    const actions = useReference
      ? { seed: scenario.reference.seed, inputs: actionsToInputs(scenario.reference.actions) }
      : readActions(positional[1] as string);
    const seedText = option(args, '--seed');
    const seed = seedText === undefined ? (actions.seed ?? scenario.reference.seed) : parseSeed(seedText);
    const outcome = runSession(scenario, seed, actions.inputs);
    const traineeId = option(args, '--trainee-id');
    const made = createAssessment({
      scenario,
      log: outcome.log,
      trainee: traineeId === undefined ? { name: trainee } : { name: trainee, id: traineeId },
      attemptId: attempt,
      mode,
      startedAt: new Date(Date.parse(started)).toISOString(),
      app: appIdentity(),
    });
    // What grade will read back: a name with control characters is refused here, by field.
    const assessment = parse(AssessmentSchema, made, 'assess');
    const text = `${JSON.stringify(assessment, null, 2)}\n`;
    if (target) {
      await writeNew(target, text, force);
      out(
        `${target}: ${assessment.result.raw}/${assessment.result.max}, ${assessment.result.passed ? 'passed' : 'failed'}`,
      );
    } else out(text.trimEnd());
    return 0;
  },
};

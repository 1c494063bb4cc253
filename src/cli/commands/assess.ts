import { randomUUID } from 'node:crypto';
import { writeFileAtomic } from '../../main/storage/atomic';
import { actionsToInputs, runSession } from '../../shared/scenario';
import { createAssessment } from '../../shared/scoring/grade';
import { appIdentity } from '../assessment-files';
import type { CliCommand } from '../commands';
import { UsageError } from '../io';
import { parseSeed, readActions, readScenario } from './replay-input';

const help = `Usage: npm run cli -- assess <scenario.json> (<actions.json> | --reference) --trainee <name>
       [--trainee-id <id>] [--mode practice|assessment] [--seed N] [--attempt <uuid>]
       [--started <ISO time>] [--out <file>]

Plays a timed list of trainee actions against a scenario (the actions format of "replay"; with
--reference, the scenario's own reference solution),
grades the session with the scenario's rubric, and prints (or writes, with --out) the
assessment document: scenario id, version and content hash, trainee, attempt id, mode, seed,
start and end, the complete event log, every criterion with its evidence and feedback, the
score and pass/fail, and the answers. Defaults: mode "assessment", a random attempt id, the
start time now, the seed of the actions file or of the scenario's reference.

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
    const positional = args.filter(
      (arg, index) => !arg.startsWith('--') && !values.has(args[index - 1] ?? ''),
    );
    const unknown = args.find((arg) => arg.startsWith('--') && !values.has(arg) && arg !== '--reference');
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
    if (Number.isNaN(Date.parse(started)))
      throw new UsageError(`--started: "${started}" is not an ISO 8601 time`);
    const attempt = option(args, '--attempt') ?? randomUUID();
    const scenario = readScenario(positional[0] as string);
    const actions = useReference
      ? { seed: scenario.reference.seed, inputs: actionsToInputs(scenario.reference.actions) }
      : readActions(positional[1] as string);
    const seedText = option(args, '--seed');
    const seed = seedText === undefined ? (actions.seed ?? scenario.reference.seed) : parseSeed(seedText);
    const outcome = runSession(scenario, seed, actions.inputs);
    const traineeId = option(args, '--trainee-id');
    const assessment = createAssessment({
      scenario,
      log: outcome.log,
      trainee: traineeId === undefined ? { name: trainee } : { name: trainee, id: traineeId },
      attemptId: attempt,
      mode,
      startedAt: new Date(Date.parse(started)).toISOString(),
      app: appIdentity(),
    });
    const text = `${JSON.stringify(assessment, null, 2)}\n`;
    const target = option(args, '--out');
    if (target) {
      await writeFileAtomic(target, text);
      out(
        `${target}: ${assessment.result.raw}/${assessment.result.max}, ${assessment.result.passed ? 'passed' : 'failed'}`,
      );
    } else out(text.trimEnd());
    return 0;
  },
};

import { buildXapiStatements } from '../../shared/scoring/xapi';
import { readAssessment } from '../assessment-files';
import type { CliCommand } from '../commands';
import { UsageError } from '../io';

const help = `Usage: npm run cli -- xapi <assessment.json>

Prints the xAPI 1.0.3 statements of an assessment as a JSON array, in time order:
  initialized; one "interacted" per call-control action of the trainee (the action, the target
  party, accepted or refused with the rule, and the simulated time in result.extensions);
  one "answered" per answered question (response, success); "passed" or "failed" with the score
  (scaled, raw, min, max), success and duration; then "completed" and "terminated".
Statement ids are name-based UUIDs of the attempt, so the same assessment always gives the
same statements; context.registration is the attempt id; timestamps are UTC with milliseconds.

Exit codes: 0 printed, 2 bad usage or an unreadable or invalid assessment file.`;

/** `xapi`: prints the xAPI statements of an assessment. */
export const xapiCommand: CliCommand = {
  name: 'xapi',
  summary: 'print the xAPI statements of an assessment',
  help,
  run: (args, out) => {
    if (args.length !== 1 || (args[0] as string).startsWith('--')) {
      throw new UsageError('xapi needs exactly one assessment file; see --help');
    }
    out(JSON.stringify(buildXapiStatements(readAssessment(args[0] as string)), null, 2));
    return 0;
  },
};

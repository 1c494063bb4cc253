import { buildXapiStatements, XAPI_DEFAULT_HOME_PAGE, XapiOptionError } from '../../shared/scoring/xapi';
import { readAssessment } from '../assessment-files';
import type { CliCommand } from '../commands';
import { UsageError } from '../io';

const help = `Usage: npm run cli -- xapi [--home-page <iri>] <assessment.json>

Prints the xAPI 1.0.3 statements of an assessment as a JSON array, in time order:
  initialized; one "interacted" per call-control action of the trainee (the action, the target
  party, accepted or refused, the refusal's reason code and rule, and the simulated time in
  result.extensions; success is false for a refused action); one "answered" per answered
  question (response, success); one statement per rubric criterion, with the scenario as parent
  activity: "passed" (met) or "failed" (not met) with the criterion's points as the score, or
  "not reached" (the criterion did not apply), the outcome also in the criterion-outcome
  extension; "passed" or "failed" for the run with the score (scaled, raw, min, max), success,
  duration and completion (false when the session was stopped or ran out of time); "completed"
  only when the call was completed; then "terminated".
The actor is an account: the trainee id (the name when the assessment has none) on the home
page given with --home-page (the learning platform that knows the ids; an IRI such as
https://lms.example.com), else ${XAPI_DEFAULT_HOME_PAGE}.
Statement ids are name-based UUIDs of the attempt, so the same assessment always gives the
same statements; context.registration is the attempt id; timestamps are UTC with milliseconds.

Exit codes: 0 printed, 2 bad usage or an unreadable or invalid assessment file.`;

/** `xapi`: prints the xAPI statements of an assessment. */
export const xapiCommand: CliCommand = {
  name: 'xapi',
  summary: 'print the xAPI statements of an assessment',
  help,
  run: (args, out) => {
    let homePage: string | undefined;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] as string;
      if (arg === '--home-page') {
        homePage = args[++i];
        if (homePage === undefined || homePage.startsWith('--')) {
          throw new UsageError('--home-page needs an IRI, e.g. --home-page https://lms.example.com');
        }
      } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
      else files.push(arg);
    }
    if (files.length !== 1) throw new UsageError('xapi needs exactly one assessment file; see --help');
    const assessment = readAssessment(files[0] as string);
    try {
      const statements = buildXapiStatements(assessment, homePage === undefined ? {} : { homePage });
      out(JSON.stringify(statements, null, 2));
    } catch (error) {
      if (error instanceof XapiOptionError) throw new UsageError(`--home-page: ${error.message}`);
      throw error;
    }
    return 0;
  },
};

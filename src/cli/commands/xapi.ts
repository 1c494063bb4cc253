import { findScenario, loadLibrary } from '../../main/library';
import { verifyAssessment } from '../../shared/scoring/grade';
import { buildXapiStatements, XAPI_DEFAULT_HOME_PAGE, XapiOptionError } from '../../shared/scoring/xapi';
import { BUNDLED_SCENARIOS, readAssessment } from '../assessment-files';
import type { CliCommand } from '../commands';
import { UsageError } from '../io';

const help = `Usage: npm run cli -- xapi [--home-page <iri>] [--scenarios <folder>] [--force] <assessment.json>

The assessment is re-graded first, as grade does: one that is not consistent is refused
(exit 2) unless --force is given.

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

/** `xapi`: prints the xAPI statements of an assessment, if it is consistent. */
export const xapiCommand: CliCommand = {
  name: 'xapi',
  summary: 'print the xAPI statements of a consistent assessment',
  help,
  run: async (args, out) => {
    let homePage: string | undefined;
    let force = false;
    const files: string[] = [];
    const folders = [{ path: BUNDLED_SCENARIOS, source: 'bundled' as const }];
    for (let index = 0; index < args.length; index++) {
      const arg = args[index] as string;
      if (arg === '--force') force = true;
      else if (arg === '--home-page') {
        homePage = args[++index];
        if (homePage === undefined || homePage.startsWith('--')) {
          throw new UsageError('--home-page needs an IRI, e.g. --home-page https://lms.example.com');
        }
      } else if (arg === '--scenarios') {
        const folder = args[++index];
        if (!folder) throw new UsageError('--scenarios needs a folder');
        folders.push({ path: folder, source: 'bundled' });
      } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
      else files.push(arg);
    }
    if (files.length !== 1) throw new UsageError('xapi needs exactly one assessment file; see --help');
    const file = files[0] as string;
    const assessment = readAssessment(file);
    if (!force) {
      const library = await loadLibrary(folders);
      const entry = findScenario(library, assessment.scenario.id, assessment.scenario.hash);
      const problems = entry
        ? verifyAssessment(assessment, entry.scenario, { now: Date.now() }).problems.map(
            (p) => `${p.kind}: ${p.message}`,
          )
        : [`scenario ${assessment.scenario.id} with hash ${assessment.scenario.hash} not found`];
      if (problems.length > 0) {
        throw new UsageError(
          `${file}: not consistent (${problems.join('; ')}); no statements written. Add --force to convert it anyway`,
        );
      }
    }
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

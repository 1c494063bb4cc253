import { findScenario, loadLibrary } from '../../main/library';
import { escapeLine } from '../../shared/clean-text';
import type { Assessment } from '../../shared/scoring/assessment';
import { verifyAssessment } from '../../shared/scoring/grade';
import { BUNDLED_SCENARIOS, readAssessment } from '../assessment-files';
import type { CliCommand } from '../commands';
import { UsageError } from '../io';

const help = `Usage: npm run cli -- grade [--json] [--scenarios <folder>] <assessment.json> [more.json ...]

Re-grades assessment files. For each file, the scenario it was taken on is found by id and
content hash among the bundled scenarios (resources/scenarios) and the folder given with
--scenarios; the log is replayed through the director from its seed and the trainee's inputs,
the score is computed again, and the stored log, score, criteria and answers are compared with
what the code computes now. An assessment whose score, criteria, answers or log was edited is
reported as not verified.

Output: a table, one row per file (trainee, scenario, score, passed, verified), then what does
not match in each file that failed. --json prints
  {"files": [{"file", "trainee", "scenario", "score": {"raw", "max", "scaled"}, "passed",
              "verified", "problems": [{"kind", "message"}]}]}

Exit codes: 0 every file verified, 1 at least one file did not verify (or its scenario was not
found), 2 bad usage or an unreadable file.`;

interface Row {
  readonly file: string;
  readonly trainee: string;
  readonly scenario: string;
  readonly score: { readonly raw: number; readonly max: number; readonly scaled: number };
  readonly passed: boolean;
  readonly verified: boolean;
  readonly problems: ReadonlyArray<{ readonly kind: string; readonly message: string }>;
}

/** A table; every cell on one line, its control characters and bidi overrides escaped. */
function table(cells: ReadonlyArray<ReadonlyArray<string>>): string {
  const rows = cells.map((row) => row.map(escapeLine));
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function rowOf(file: string, assessment: Assessment, verified: boolean, problems: Row['problems']): Row {
  const { result } = assessment;
  return {
    file,
    trainee: assessment.trainee.name,
    scenario: `${assessment.scenario.id} ${assessment.scenario.version}`,
    score: { raw: result.raw, max: result.max, scaled: result.scaled },
    passed: result.passed,
    verified,
    problems,
  };
}

/** `grade`: re-grades assessments and reports whether each stored score matches. */
export const gradeCommand: CliCommand = {
  name: 'grade',
  summary: 're-grade assessment files and detect edited scores or logs',
  help,
  run: async (args, out) => {
    const files: string[] = [];
    const folders = [{ path: BUNDLED_SCENARIOS, source: 'bundled' as const }];
    let json = false;
    for (let index = 0; index < args.length; index++) {
      const arg = args[index] as string;
      if (arg === '--json') json = true;
      else if (arg === '--scenarios') {
        const folder = args[++index];
        if (!folder) throw new UsageError('--scenarios needs a folder');
        folders.push({ path: folder, source: 'bundled' });
      } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
      else files.push(arg);
    }
    if (files.length === 0) throw new UsageError('grade needs at least one assessment file; see --help');
    const assessments = files.map((file) => [file, readAssessment(file)] as const);
    const library = await loadLibrary(folders);
    const rows = assessments.map(([file, assessment]) => {
      const entry = findScenario(library, assessment.scenario.id, assessment.scenario.hash);
      if (!entry) {
        const sameId = findScenario(library, assessment.scenario.id);
        const message = sameId
          ? `scenario ${assessment.scenario.id} is here, but not with hash ${assessment.scenario.hash} (it was changed since)`
          : `scenario ${assessment.scenario.id} not found; pass its folder with --scenarios`;
        return rowOf(file, assessment, false, [{ kind: 'scenario-not-found', message }]);
      }
      const verification = verifyAssessment(assessment, entry.scenario);
      return rowOf(
        file,
        assessment,
        verification.verified,
        verification.problems.map((problem) => ({ kind: problem.kind, message: problem.message })),
      );
    });
    if (json) out(JSON.stringify({ files: rows }, null, 2));
    else {
      out(
        table([
          ['file', 'trainee', 'scenario', 'score', 'passed', 'verified'],
          ...rows.map((row) => [
            row.file,
            row.trainee,
            row.scenario,
            `${row.score.raw}/${row.score.max} (${Math.round(row.score.scaled * 100)}%)`,
            row.passed ? 'yes' : 'no',
            row.verified ? 'yes' : 'NO',
          ]),
        ]),
      );
      for (const row of rows.filter((r) => !r.verified)) {
        out(`\n${row.file}: not verified`);
        for (const problem of row.problems) out(`  ${problem.kind}: ${problem.message}`);
      }
    }
    return rows.every((row) => row.verified) ? 0 : 1;
  },
};

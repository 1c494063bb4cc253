import { findScenario, loadLibrary } from '../../main/library';
import { escapeLine } from '../../shared/clean-text';
import type { Assessment } from '../../shared/scoring/assessment';
import { verifyAssessment } from '../../shared/scoring/grade';
import {
  checkSignature,
  type TrustList,
  TrustListSchema,
  trustedLabel,
} from '../../shared/scoring/signature';
import { BUNDLED_SCENARIOS, readAssessment } from '../assessment-files';
import type { CliCommand } from '../commands';
import { readJsonFile, UsageError } from '../io';
import { parse } from './replay-input';

const help = `Usage: npm run cli -- grade [--json] [--scenarios <folder>] [--trust <keys.json>]
       <assessment.json> [more.json ...]

Re-grades assessment files and reports three things separately for each:

  consistent  the log ends with its end record and replays exactly through the director from
              its seed and the trainee's inputs; the times are possible (started after 2000,
              ended not before it nor over ten minutes ahead of this machine's clock, the
              duration the log's); the scenario's version, title
              and language are those of the scenario found by id and content
              hash (among the bundled scenarios and the --scenarios folder); the stored score,
              criteria and answers are what the code computes now. It does NOT say who made
              the file: anyone with the scenario can make a consistent assessment (assess does).
  signed by   the key id (ed25519:...) of the installation whose Ed25519 signature over the
              whole file (trainee, attempt, times, mode, scenario, app, log, result, answers)
              is valid; "unsigned" (e.g. made by assess), or "INVALID" when the file was
              changed after signing. It does NOT say whether the key is one to trust.
  trusted     with --trust: the signing key is in the trust list, a JSON file
              {"keys": [{"publicKey": "<64 hex digits>", "label": "Lab 2, seat 4"}]}
              (each installation's public key is in its data folder, keys/installation-key.json).

Output: a table, one row per file (file, trainee, scenario, score, passed, consistent,
signed by, trusted), then what is wrong with each file that is not consistent. --json prints
  {"files": [{"file", "trainee", "scenario", "score": {"raw", "max", "scaled"}, "passed",
              "consistent", "verified" (the same as consistent), "signature": "valid" |
              "invalid" | "unsigned", "signedBy" (key id or null), "trusted" (true, false, or
              null without --trust), "trustedAs" (the key's label or null),
              "problems": [{"kind", "message"}]}]}

Exit codes: 0 every file consistent (and with --trust, every file trusted), 1 otherwise,
2 bad usage or an unreadable file.`;

interface Row {
  readonly file: string;
  readonly trainee: string;
  readonly scenario: string;
  readonly score: { readonly raw: number; readonly max: number; readonly scaled: number };
  readonly passed: boolean;
  readonly consistent: boolean;
  readonly verified: boolean;
  readonly signature: 'valid' | 'invalid' | 'unsigned';
  readonly signedBy: string | null;
  readonly trusted: boolean | null;
  readonly trustedAs: string | null;
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

function rowOf(
  file: string,
  assessment: Assessment,
  consistent: boolean,
  problems: Row['problems'],
  trust: TrustList | null,
): Row {
  const { result } = assessment;
  const check = checkSignature(assessment);
  const label = trust ? trustedLabel(check, trust) : null;
  const signatureProblems = check.status === 'invalid' ? [{ kind: 'signature', message: check.message }] : [];
  return {
    file,
    trainee: assessment.trainee.name,
    scenario: `${assessment.scenario.id} ${assessment.scenario.version}`,
    score: { raw: result.raw, max: result.max, scaled: result.scaled },
    passed: result.passed,
    consistent,
    verified: consistent,
    signature: check.status,
    signedBy: check.status === 'valid' ? check.keyId : null,
    trusted: trust ? label !== null && consistent : null,
    trustedAs: label,
    problems: [...problems, ...signatureProblems],
  };
}

function signedByCell(row: Row): string {
  if (row.signature === 'unsigned') return 'unsigned';
  if (row.signature === 'invalid') return 'INVALID';
  return row.signedBy ?? '';
}

/** `grade`: re-grades assessments; reports consistent, signed by and trusted separately. */
export const gradeCommand: CliCommand = {
  name: 'grade',
  summary: 're-grade assessment files: consistent, signed by which key, trusted',
  help,
  run: async (args, out) => {
    const files: string[] = [];
    const folders = [{ path: BUNDLED_SCENARIOS, source: 'bundled' as const }];
    let json = false;
    let trust: TrustList | null = null;
    for (let index = 0; index < args.length; index++) {
      const arg = args[index] as string;
      if (arg === '--json') json = true;
      else if (arg === '--scenarios') {
        const folder = args[++index];
        if (!folder) throw new UsageError('--scenarios needs a folder');
        folders.push({ path: folder, source: 'bundled' });
      } else if (arg === '--trust') {
        const file = args[++index];
        if (!file) throw new UsageError('--trust needs a keys.json file');
        trust = parse(TrustListSchema, readJsonFile(file), file);
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
        return rowOf(file, assessment, false, [{ kind: 'scenario-not-found', message }], trust);
      }
      const verification = verifyAssessment(assessment, entry.scenario, { now: Date.now() });
      return rowOf(
        file,
        assessment,
        verification.verified,
        verification.problems.map((problem) => ({ kind: problem.kind, message: problem.message })),
        trust,
      );
    });
    if (json) out(JSON.stringify({ files: rows }, null, 2));
    else {
      out(
        table([
          ['file', 'trainee', 'scenario', 'score', 'passed', 'consistent', 'signed by', 'trusted'],
          ...rows.map((row) => [
            row.file,
            row.trainee,
            row.scenario,
            `${row.score.raw}/${row.score.max} (${Math.round(row.score.scaled * 100)}%)`,
            row.passed ? 'yes' : 'no',
            row.consistent ? 'yes' : 'NO',
            signedByCell(row),
            row.trusted === null ? '-' : row.trusted ? `yes (${row.trustedAs})` : 'NO',
          ]),
        ]),
      );
      for (const row of rows.filter((r) => r.problems.length > 0)) {
        out(`\n${escapeLine(row.file)}: ${row.consistent ? 'consistent, but' : 'not consistent'}`);
        for (const problem of row.problems) out(`  ${problem.kind}: ${escapeLine(problem.message)}`);
      }
    }
    const ok = rows.every((row) => row.consistent && row.trusted !== false);
    return ok ? 0 : 1;
  },
};

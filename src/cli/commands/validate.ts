import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  checkTranslationParity,
  countFindings,
  type Finding,
  type FindingCounts,
  fileTooLargeFinding,
  formatFinding,
  loadScenario,
  MAX_SCENARIO_BYTES,
  type Scenario,
} from '../../shared/scenario';
import { checkScenarioTests, checkWhatIfRuns } from '../../shared/scoring/self-tests';
import type { CliCommand } from '../commands';
import { InputTooLargeError, readInputText, UsageError } from '../io';

const help = `Usage: npm run cli -- validate [--json] [--no-what-if] <scenario.json> [more.json ...]

Loads and validates scenario files as the app does: size (at most ${MAX_SCENARIO_BYTES} bytes),
JSON syntax, format version (older versions are migrated), the schema, and the checks beyond
it: every reference resolves (parties, quick connects, queues, steps, goals, questions,
transfer blocks), ids are unique, the mode allows the participants (CONF-1), Contact Lens on a
conference (CONF-16), transfer blocks (XFER), caller-ID compliance (CID-6 to CID-9), questions
whose computed answer is among the choices, steps that never fire, and the reference solution
replayed by the director: no refused action, every goal shown, no line or goal for a speaker
who is not on the call or is muted. Then the scenario's own "tests" (recorded runs with the
verdict a trainer expects) are played and graded, the what-if runs are played (see
--no-what-if), and a translation ("translationOf") is compared with its original beside it:
same structure, parties, numbers, timings, reference and rubric weights. Warnings the scenario
acknowledges ("acknowledge": code, reason) are reported as info, with the reason.

Output, one line per finding, then one line per file and a summary:

  <file>[:<line>:<column>]: <severity> <code> <JSON path>: <message> [<rule>]

  severity  error (the scenario cannot be played), warning (it plays, probably not as meant),
            info (worth knowing: a migration, a party nothing adds)
  code      a stable name such as unknown-party, too-many-participants, uk-not-e164
  path      where in the file: $ is the whole file, $.parties[2].number a field
  rule      the rule of RULES.md the finding enforces, when there is one

Options:
  --no-what-if  skip the what-if runs. By default validate plays deviations from the reference
                (do nothing, hang up at once, leave at the half, skip each party, join without
                consulting, hold the caller past their tolerance, mash buttons) and warns about each
                that passes (what-if-passes); plays the reference with every swap exchanged for
                hold and resume and back, and warns when its verdict differs from the reference's
                (what-if-exchange-differs); and warns about any line or goal of these runs that
                fires for a speaker who is not on the call or is muted (line-speaker-absent,
                goal-speaker-absent). --what-if is accepted and changes nothing.
  --json        print one JSON object instead:
                {"files": [{"file", "valid", "scenarioId", "counts": {"error", "warning", "info"},
                            "findings": [{"path", "severity", "code", "rule", "message",
                                          "line"?, "column"?}],
                            "unreadable"?: "why the file could not be read"}],
                 "summary": {"files", "valid", "error", "warning", "info", "unreadable"}}

Example:
  npm run cli -- validate resources/scenarios/*.json

Exit codes: 0 no errors (warnings and infos allowed), 1 at least one file has errors,
2 bad usage (no files, an unknown option) or a file that cannot be read.`;

/** The verdict on one file. */
interface FileReport {
  readonly file: string;
  readonly valid: boolean;
  readonly scenarioId: string | null;
  readonly counts: FindingCounts;
  readonly findings: ReadonlyArray<Finding>;
  readonly unreadable?: string;
}

function unreadable(file: string, why: string): FileReport {
  return {
    file,
    valid: false,
    scenarioId: null,
    counts: { error: 0, warning: 0, info: 0 },
    findings: [],
    unreadable: why,
  };
}

function report(file: string, findings: ReadonlyArray<Finding>, scenarioId: string | null): FileReport {
  const counts = countFindings(findings);
  return { file, valid: counts.error === 0, scenarioId, counts, findings };
}

/**
 * The checks that play the scenario as a trainee would: its recorded tests, the what-if runs
 * (unless `whatIf` is false), and the parity of a translation with its original (`<translationOf>.json`
 * beside it).
 */
function selfChecks(file: string, scenario: Scenario, whatIf: boolean): Finding[] {
  const findings: Finding[] = [...checkScenarioTests(scenario)];
  if (whatIf) findings.push(...checkWhatIfRuns(scenario));
  if (scenario.translationOf !== undefined) {
    const originalFile = join(dirname(file), `${scenario.translationOf}.json`);
    const original = existsSync(originalFile)
      ? loadScenario(readFileSync(originalFile, 'utf8')).scenario
      : null;
    if (original === null) {
      findings.push({
        path: '$.translationOf',
        severity: 'warning',
        code: 'translation-original-missing',
        rule: null,
        message: `the original ${scenario.translationOf}.json is not beside this file (or has errors): parity not checked`,
      });
    } else findings.push(...checkTranslationParity(original, scenario));
  }
  return findings;
}

/** Reads and validates one file (or standard input, `-`); never throws. */
function validateFile(file: string, whatIf: boolean): FileReport {
  if (file !== '-') {
    try {
      const stat = statSync(file);
      // Refused before reading: a huge file is never loaded into memory.
      if (stat.isFile() && stat.size > MAX_SCENARIO_BYTES)
        return report(file, [fileTooLargeFinding(stat.size)], null);
    } catch {
      // readInputText says why.
    }
  }
  let text: string;
  try {
    // The same guarded reader as every command: a regular file, read with the limit, strict UTF-8.
    text = readInputText(file, MAX_SCENARIO_BYTES);
  } catch (error) {
    if (error instanceof InputTooLargeError) return report(file, [fileTooLargeFinding(null)], null);
    const message = error instanceof Error ? error.message : String(error);
    return unreadable(file, message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message);
  }
  const { scenario, findings } = loadScenario(text);
  if (scenario === null) return report(file, findings, null);
  return report(file, [...findings, ...selfChecks(file, scenario, whatIf)], scenario.id);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function describeCounts(counts: FindingCounts): string {
  return [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.info, 'info')].join(
    ', ',
  );
}

function humanLines(reports: ReadonlyArray<FileReport>): string[] {
  const lines: string[] = [];
  for (const r of reports) {
    if (r.unreadable !== undefined) {
      lines.push(`${r.file}: cannot read: ${r.unreadable}`);
      continue;
    }
    for (const f of r.findings) {
      const text = formatFinding(f);
      lines.push(f.line === undefined ? `${r.file}: ${text}` : `${r.file}:${text}`);
    }
    const verdict = r.valid ? 'valid' : 'INVALID';
    lines.push(
      r.findings.length === 0
        ? `${r.file}: ${verdict}`
        : `${r.file}: ${verdict} (${describeCounts(r.counts)})`,
    );
  }
  return lines;
}

function summaryOf(reports: ReadonlyArray<FileReport>) {
  const total = { error: 0, warning: 0, info: 0 };
  for (const r of reports) {
    total.error += r.counts.error;
    total.warning += r.counts.warning;
    total.info += r.counts.info;
  }
  return {
    files: reports.length,
    valid: reports.filter((r) => r.valid).length,
    ...total,
    unreadable: reports.filter((r) => r.unreadable !== undefined).length,
  };
}

/** `validate [--json] <files...>`: the findings of each scenario file, and a verdict. */
export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'validate scenario files: schema, references, CONF/XFER/CID checks, reference replay',
  help,
  run(args, out) {
    const options = args.filter((arg) => arg.startsWith('-') && arg !== '-');
    const files = args.filter((arg) => !arg.startsWith('-') || arg === '-');
    const known = ['--json', '--what-if', '--no-what-if'];
    const unknown = options.filter((option) => !known.includes(option));
    if (unknown.length > 0) {
      throw new UsageError(`validate: unknown option ${unknown.join(', ')} (see validate --help)`);
    }
    if (files.length === 0) {
      throw new UsageError(
        'validate needs at least one scenario file: validate [--json] [--no-what-if] <scenario.json> ...',
      );
    }
    // The what-if runs are played by default; `--what-if` (their former switch) changes nothing.
    const whatIf = !options.includes('--no-what-if');
    const reports = files.map((file) => validateFile(file, whatIf));
    const summary = summaryOf(reports);
    if (options.includes('--json')) {
      out(JSON.stringify({ files: reports, summary }, null, 2));
    } else {
      out(
        [
          ...humanLines(reports),
          `${plural(summary.files, 'file')} checked: ${summary.valid} valid, ${describeCounts(summary)}${
            summary.unreadable > 0 ? `, ${summary.unreadable} unreadable` : ''
          }`,
        ].join('\n'),
      );
    }
    if (summary.unreadable > 0) return 2;
    return summary.error > 0 ? 1 : 0;
  },
};

import { connectionList, hearing } from '../../shared/conference';
import { runSession, type Scenario, type SessionOutcome } from '../../shared/scenario';
import { conferenceConfigOf } from '../../shared/scenario/format/conference-config';
import { buildTimeline } from '../../shared/scoring/timeline';
import type { CliCommand } from '../commands';
import { UsageError } from '../io';
import { parseSeed, readActions, readScenario } from './replay-input';

const help = `Usage: npm run cli -- replay <scenario.json> <actions.json> [--seed N] [--views]
       npm run cli -- replay <scenario.json> <actions.json> <more-actions.json> ...

Plays a timed list of trainee actions against a scenario on the instant clock: the scripted
parties answer, speak, hang up and act as the scenario says (delays drawn with the seed), and
the trainee's actions go through the same call-control rules as in the app. The scenario is
validated fully first, as validate and the app do: a scenario with an error (or a key written
twice) is refused with its findings. "-" reads a file from standard input. With several actions
files, prints one JSON line per file ({"file", ...} or {"file", "error"}). Prints JSON:

  "scenario"   {"id", "version"}
  "seed"       the seed played: --seed N, else the actions file's "seed", else the
               scenario's reference.seed
  "ended"      whether the session ended; "endReason": trainee-finished | contact-ended |
               time-up | stopped, or null
  "refused"    the trainee's refused actions: [{"seq", "time", "action", "target", "reason",
               "rule"}], e.g. reason "swap-unavailable", rule "CONF-4" (CCP-9)
  "refusals"   every party's refused actions, the same with "actor"
  "views"      with --views: after every event (and at the start, seq 0) {"seq", "time",
               "hears": {listener: [speakers]}, "connectionLists": {agent: [{"party",
               "label", "state", "muted", "transfer"}]}}
  "log"        the full session log {"scenarioId", "scenarioVersion", "seed", "records"}; each
               record has "kind", "seq" (1, 2, ...) and "time" (ms from the start):
                 event     "entry": an action or scripted event through the conference:
                           {"actor", "type", "target", "via", "digits", "result":
                           {"status": "accepted"} or {"status": "refused", "reason", "rule"},
                           "legs": every leg after it, "phase"}
                 step      "step": a script step fired
                 line      "party", "text", "clip", "step": a line spoken
                 goal      "goal": a goal shown;  question  "question": a question asked
                 answer    "question", "value": the trainee's answer
                 end       "reason"
  "phase"      the contact's final phase: incoming | connected | ended | cleared
  "legs"       the final state of every leg: {"party", "kind", "state" (connecting |
               connected | hold | disconnected), "muted", "addedBy", "controlledBy",
               "origin", "createdAt", "since", "connectedAt", "endedAt", "agent":
               {"status", "contactId"} for agents}

The actions file is either an object or a bare array of timed actions:

  {"seed": 7, "actions": [ ... ]}      "seed" optional, a whole number 0 to 4294967295
  [ ... ]

Each timed action is one of:

  {"at": 2, "action": "accept"}
  {"at": 8, "action": "add", "target": "specialist", "via": {"quickConnect": "Billing specialist"}}
  {"at": 8, "action": "add", "target": "broker", "via": {"numberPad": "+442079460123"}}
  {"at": 20, "action": "join"}
  {"at": 25, "action": "hold", "target": "caller"}
  {"at": 26, "action": "send-dtmf", "digits": "1,1,362"}
  {"at": 40, "answer": {"question": "which-number", "value": "+12025550100"}}

  "at"      seconds from the start of the session (the contact is offered at 0)
  "action"  accept, add, hold, hold-all, resume, mute, unmute, join, swap, disconnect,
            leave, send-dtmf, clear (the trainee's actions; answer, reject, no-answer, busy,
            fail and hang-up are the other parties' and are refused here)
  "target"  a party id of the scenario, for add, hold, resume, mute, unmute, disconnect
  "via"     for add: {"quickConnect": name} or {"numberPad": number}; the party's own quick
            connect (or number) when left out
  "digits"  for send-dtmf: 0-9 * # and the comma (a 750 ms pause)
  "answer"  an answer to a question the script asks

Actions of equal time play in the order written. An action the rules refuse is recorded with
its reason and rule and changes nothing; the session runs on until the trainee has left and
cleared after-call work, the contact has ended and been cleared, or the scenario's endAfter.

Example:
  npm run cli -- replay test/fixtures/replay/warm-transfer.scenario.json \\
                        test/fixtures/replay/warm-transfer.actions.json

Exit codes: 0 played with every trainee action accepted, 1 played and at least one trainee
action was refused, 2 unreadable or invalid input (one line naming the file and the field).`;

/** A refused action, as the command lists it. */
interface RefusedAction {
  readonly seq: number;
  readonly time: number;
  readonly actor: string;
  readonly action: string;
  readonly target: string | null;
  readonly reason: string;
  readonly rule: string;
}

/** Every refused action in the log, of every party (the trainee's, scripted agents', the others'). */
function refusedActions(outcome: SessionOutcome): ReadonlyArray<RefusedAction> {
  const refused: RefusedAction[] = [];
  for (const r of outcome.log.records) {
    if (r.kind !== 'event' || r.entry.result.status !== 'refused') continue;
    const { result } = r.entry;
    refused.push({
      seq: r.seq,
      time: r.time,
      actor: r.entry.actor,
      action: r.entry.type,
      target: r.entry.target,
      reason: result.reason,
      rule: result.rule,
    });
  }
  return refused;
}

/** After every event: who hears whom, and each agent's connection list (`--views`). */
function viewsOf(scenario: Scenario, outcome: SessionOutcome) {
  const timeline = buildTimeline(conferenceConfigOf(scenario), outcome.log);
  const agents = scenario.parties.filter((party) => party.kind === 'agent').map((party) => party.id);
  return timeline.points.map((point) => ({
    seq: point.seq,
    time: point.time,
    hears: hearing(point.state),
    connectionLists: Object.fromEntries(
      agents.map((agent) => [
        agent,
        connectionList(point.state, agent).map((item) => ({
          party: item.party,
          label: item.label,
          state: item.state,
          muted: item.muted,
          transfer: item.transfer,
        })),
      ]),
    ),
  }));
}

interface ReplayArgs {
  readonly scenarioFile: string;
  readonly actionsFiles: ReadonlyArray<string>;
  readonly seed: number | undefined;
  readonly views: boolean;
}

function parseArgs(args: ReadonlyArray<string>): ReplayArgs {
  const files: string[] = [];
  let seed: number | undefined;
  let views = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--seed') {
      const value = args[++i];
      if (value === undefined) throw new UsageError('--seed needs a value (see replay --help)');
      seed = parseSeed(value);
    } else if (arg.startsWith('--seed=')) {
      seed = parseSeed(arg.slice('--seed='.length));
    } else if (arg === '--views') {
      views = true;
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg} (see replay --help)`);
    } else {
      files.push(arg);
    }
  }
  const [scenarioFile, ...actionsFiles] = files;
  if (scenarioFile === undefined || actionsFiles.length === 0) {
    throw new UsageError(
      'replay takes two arguments: <scenario.json> <actions.json> [more-actions.json ...] [--seed N] [--views] (see replay --help)',
    );
  }
  if (files.filter((file) => file === '-').length > 1) {
    throw new UsageError('replay: standard input (-) can be read once');
  }
  return { scenarioFile, actionsFiles, seed, views };
}

function replayOne(scenario: Scenario, scenarioFile: string, actionsFile: string, options: ReplayArgs) {
  const actions = readActions(actionsFile);
  const seed = options.seed ?? actions.seed ?? scenario.reference.seed;
  let outcome: SessionOutcome;
  try {
    outcome = runSession(scenario, seed, actions.inputs);
  } catch (error) {
    throw new UsageError(`${scenarioFile}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const last = outcome.log.records.at(-1);
  const refusals = refusedActions(outcome);
  const trainee = scenario.call.trainee;
  const refused = refusals.filter((r) => r.actor === trainee).map(({ actor: _actor, ...rest }) => rest);
  const report = {
    scenario: { id: scenario.id, version: scenario.version },
    seed,
    ended: outcome.ended,
    endReason: last?.kind === 'end' ? last.reason : null,
    refused,
    refusals,
    log: outcome.log,
    phase: outcome.final.phase,
    legs: outcome.final.legs,
    ...(options.views ? { views: viewsOf(scenario, outcome) } : {}),
  };
  return { report, code: refused.length > 0 ? 1 : 0 };
}

/** `replay <scenario.json> <actions.json>... [--seed N] [--views]`: the session log of timed trainee actions. */
export const replayCommand: CliCommand = {
  name: 'replay',
  summary: 'play timed trainee actions against a scenario: the event log and every leg as JSON',
  help,
  run(args, out) {
    const options = parseArgs(args);
    const scenario = readScenario(options.scenarioFile);
    if (options.actionsFiles.length === 1) {
      const { report, code } = replayOne(
        scenario,
        options.scenarioFile,
        options.actionsFiles[0] as string,
        options,
      );
      out(JSON.stringify(report, null, 2));
      return code;
    }
    // Several actions files: one JSON line each, in order; a file that cannot be played says why.
    let worst = 0;
    for (const file of options.actionsFiles) {
      try {
        const { report, code } = replayOne(scenario, options.scenarioFile, file, options);
        out(JSON.stringify({ file, ...report }));
        worst = Math.max(worst, code);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        out(JSON.stringify({ file, error: error.message }));
        worst = 2;
      }
    }
    return worst;
  },
};

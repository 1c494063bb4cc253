import { runSession, type SessionOutcome } from '../../shared/scenario';
import type { CliCommand } from '../commands';
import { UsageError } from '../io';
import { parseSeed, readActions, readScenario } from './replay-input';

const help = `Usage: npm run cli -- replay <scenario.json> <actions.json> [--seed N]

Plays a timed list of trainee actions against a scenario on the instant clock: the scripted
parties answer, speak, hang up and act as the scenario says (delays drawn with the seed), and
the trainee's actions go through the same call-control rules as in the app. The scenario is
checked against the scenario schema only (an older format version is migrated first); run
validate for the checks beyond it. Prints JSON:

  "scenario"   {"id", "version"}
  "seed"       the seed played: --seed N, else the actions file's "seed", else the
               scenario's reference.seed
  "ended"      whether the session ended; "endReason": trainee-finished | contact-ended |
               time-up | stopped, or null
  "refused"    the trainee's refused actions: [{"seq", "time", "action", "target", "reason",
               "rule"}], e.g. reason "swap-unavailable", rule "CONF-4" (CCP-9)
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

/** A refused action of the trainee, as the command lists it. */
interface RefusedAction {
  readonly seq: number;
  readonly time: number;
  readonly action: string;
  readonly target: string | null;
  readonly reason: string;
  readonly rule: string;
}

function refusedActions(outcome: SessionOutcome, trainee: string): ReadonlyArray<RefusedAction> {
  const refused: RefusedAction[] = [];
  for (const r of outcome.log.records) {
    if (r.kind !== 'event' || r.entry.actor !== trainee || r.entry.result.status !== 'refused') continue;
    const { result } = r.entry;
    refused.push({
      seq: r.seq,
      time: r.time,
      action: r.entry.type,
      target: r.entry.target,
      reason: result.reason,
      rule: result.rule,
    });
  }
  return refused;
}

function parseArgs(args: ReadonlyArray<string>): { files: string[]; seed: number | undefined } {
  const files: string[] = [];
  let seed: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--seed') {
      const value = args[++i];
      if (value === undefined) throw new UsageError('--seed needs a value (see replay --help)');
      seed = parseSeed(value);
    } else if (arg.startsWith('--seed=')) {
      seed = parseSeed(arg.slice('--seed='.length));
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg} (see replay --help)`);
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 2) {
    throw new UsageError(
      'replay takes two arguments: <scenario.json> <actions.json> [--seed N] (see replay --help)',
    );
  }
  return { files, seed };
}

/** `replay <scenario.json> <actions.json> [--seed N]`: the session log of a timed list of trainee actions. */
export const replayCommand: CliCommand = {
  name: 'replay',
  summary: 'play timed trainee actions against a scenario: the event log and every leg as JSON',
  help,
  run(args, out) {
    const { files, seed: seedOption } = parseArgs(args);
    const [scenarioFile, actionsFile] = files as [string, string];
    const scenario = readScenario(scenarioFile);
    const actions = readActions(actionsFile);
    const seed = seedOption ?? actions.seed ?? scenario.reference.seed;
    let outcome: SessionOutcome;
    try {
      outcome = runSession(scenario, seed, actions.inputs);
    } catch (error) {
      // A scenario the schema accepts can still lack a caller or name a primary agent that is none.
      throw new UsageError(`${scenarioFile}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const last = outcome.log.records.at(-1);
    const refused = refusedActions(outcome, scenario.call.trainee);
    const report = {
      scenario: { id: scenario.id, version: scenario.version },
      seed,
      ended: outcome.ended,
      endReason: last?.kind === 'end' ? last.reason : null,
      refused,
      log: outcome.log,
      phase: outcome.final.phase,
      legs: outcome.final.legs,
    };
    out(JSON.stringify(report, null, 2));
    return refused.length > 0 ? 1 : 0;
  },
};

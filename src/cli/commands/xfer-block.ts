import {
  DEFAULT_DTMF_DIGIT_INTERVAL_MS,
  DTMF_COMMA_PAUSE_MS,
  parseTransferSimulationInput,
  simulateTransferBlock,
  summariseInputIssues,
} from '../../shared/caller-id';
import type { CliCommand } from '../commands';
import { readJsonFile, UsageError } from '../io';
import { forEachFile } from '../many';

const help = `Usage: npm run cli -- xfer-block <situation.json> [more.json ...]

"-" reads standard input; several files print one JSON line each ({"file", "result"} or
{"file", "error"}).

Simulates a "Transfer to phone number" contact-flow block (XFER-1 to XFER-7) on one contact
and prints the result as JSON:

  {"kind": "simulated",
   "branch":      "success" | "call-failed" | "timeout" | "error", or null when the caller
                  hung up before the block finished (the call ends, no branch is taken)
   "timeline":    [{"type", "atMs", "rule", ...}] in time order, 0 ms = the block starts dialling:
                  dialling (number, callerIdNumber, callerIdName), answered, call-failed
                  (reason: country-not-allowed | busy | rejected), timeout, error (channel),
                  branch (branch), dtmf-digit (digit), dtmf-pause (durationMs: ${DTMF_COMMA_PAUSE_MS}),
                  disconnected (party: caller | external-party), flow-ended,
                  caller-returned-to-flow, call-ended
   "callerReturnsToFlow": true when the caller returns to the instance (XFER-5)
   "callerId":    the caller ID the external party sees, as caller-id prints it (null for
                  chat and task, which place no call)
   "explanation": {"en": "...", "de": "..."}}

  or, when the block's configuration has errors (XFER-2, XFER-3):
  {"kind": "invalid-configuration",
   "findings": [{"rule", "code", "severity", "field", "explanation": {"en", "de"}}]}

Input: one JSON object.

  "instance": {"country": "AU", "claimedNumbers": [...], "outboundCountries": [...]}
                 the instance, as for caller-id (queues, routing profiles and quick connects
                 may be left out)
  "block": {
    "flowType": "inbound",         the type of the flow the block sits in: inbound,
                                   customer-queue, transfer-to-agent, transfer-to-queue
                                   (allowed, XFER-2); customer-hold, customer-whisper,
                                   outbound-whisper, agent-hold, agent-whisper (refused)
    "transferVia": "+61412345678", the external number, with its country code
    "timeoutSeconds": 30,          whole seconds from 0 to 600
    "resumeFlowAfterDisconnect": true,
    "dtmf": "1,1,362",             optional; at most 50 of 0-9 * # and the comma,
                                   which pauses ${DTMF_COMMA_PAUSE_MS} ms (XFER-6)
    "callerId": {"number": "+61291234567", "name": "Acme"}
                                   optional; number and name each optional (CID-5)
  }
  "channel": "voice"               voice, chat or task (XFER-1)
  "caller": one of                 the caller; "number" is their own number, left out
                                   when withheld
    {"behaviour": "stays", "number": "+61412000111"}
    {"behaviour": "hangs-up", "afterSeconds": 90, "number": "+61412000111"}
  "externalParty": one of
    {"behaviour": "answers", "afterSeconds": 5, "hangsUpAfterSeconds": 120}
                                   "hangsUpAfterSeconds" (optional) counts from the answer
    {"behaviour": "never-answers"}
    {"behaviour": "busy", "afterSeconds": 2}          "afterSeconds" optional, default 0
    {"behaviour": "fails", "afterSeconds": 0}         a failed or rejected call

Times other than "hangsUpAfterSeconds" count from the start of dialling. DTMF digits go out
from the answer, ${DEFAULT_DTMF_DIGIT_INTERVAL_MS} ms apart. Unknown fields are refused.

Example:
  npm run cli -- xfer-block test/fixtures/xfer-block/au-success-dtmf-resume.json

Exit codes: 0 simulated (whatever the branch), 1 the block's configuration has errors,
2 unreadable or invalid input (one line naming the file and the field).`;

/** `xfer-block <situation.json>`: the branch and timeline of a "Transfer to phone number" block. */
export const xferBlockCommand: CliCommand = {
  name: 'xfer-block',
  summary: 'simulate a "Transfer to phone number" block: branch and timeline (XFER-1 to XFER-7)',
  help,
  run(args, out) {
    if (args.length === 0 || args.some((arg) => arg.startsWith('-') && arg !== '-')) {
      throw new UsageError(
        'xfer-block takes files: <situation.json> [more.json ...] (see xfer-block --help)',
      );
    }
    return forEachFile(args, out, (file) => {
      const parsed = parseTransferSimulationInput(readJsonFile(file));
      if (!parsed.ok) throw new UsageError(`${file}: ${summariseInputIssues(parsed.issues)}`);
      const simulation = simulateTransferBlock(parsed.value);
      return { value: simulation, code: simulation.kind === 'invalid-configuration' ? 1 : 0 };
    });
  },
};

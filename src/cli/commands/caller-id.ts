import {
  hasFailure,
  parseCallerIdSituation,
  resolveCallerId,
  summariseInputIssues,
} from '../../shared/caller-id';
import type { CliCommand } from '../commands';
import { readJsonFile, UsageError } from '../io';
import { forEachFile } from '../many';

const help = `Usage: npm run cli -- caller-id <situation.json> [more.json ...]

"-" reads standard input; several files print one JSON line each ({"file", "result"} or
{"file", "error"}).

Resolves which outbound caller ID an external party sees after a transfer (CID-1 to CID-5)
and checks it against CID-6 to CID-10. Prints the resolution as JSON:

  number           the number shown, as configured or passed through (null: no number)
  formattedNumber  the same in international format (null: not a valid number)
  name             the caller ID name (null: none)
  rule             the rule that decided the number: CID-1, CID-2, CID-3, CID-4 or CID-5
  source           where it comes from: {"kind": "original-queue" | "routing-profile-outbound-queue"
                   | "outbound-whisper-flow" | "transfer-block" | "caller-pass-through", ...}
  destination      {"number", "country"}: the external number called and its country
  explanation      why, as {"en": "...", "de": "..."}
  warnings         [{"rule", "code", "severity", "field", "explanation": {"en", "de"}}]:
                   CID-6 to CID-9 are warnings (carriers may block, reroute or reject the call,
                   or show the name wrongly); CID-10 is a failure (the call fails). "field" is
                   the JSON path in the input that the warning is about.

Input: one JSON object with "instance" and "transfer".

  "instance": {
    "country": "AU",               ISO 3166-1 alpha-2 code of the country the instance is
                                   used in (GB for the United Kingdom); CID-6 to CID-8
    "claimedNumbers": [            the numbers claimed in the instance, in E.164 form
      {"number": "+61291234567", "type": "did"}          "type": "did" or "toll-free"
    ],
    "outboundCountries": ["AU"],   the countries outbound calls may reach (CID-10)
    "queues": [                    optional
      {"name": "Mortgages",
       "outboundCallerId": {"number": "+61291234567", "name": "Acme Home Loans"},
                                   optional; number and name each optional
       "outboundWhisperFlow": {    optional (CID-3)
         "name": "Outbound whisper",
         "callPhoneNumber": {"callerIdNumber": "+61291234567", "callerIdName": "Acme"}}}
                                   optional; the flow's "Call phone number" block
    ],
    "routingProfiles": [           optional
      {"name": "Mortgage desk", "outboundQueue": "Outbound"}    a queue's name
    ],
    "quickConnects": [             optional (CCP-2)
      {"type": "phone-number", "name": "Broker", "number": "+61412345678"},
      {"type": "queue", "name": "Escalations", "queue": "Mortgages"},
      {"type": "agent", "name": "Team lead", "agent": "Kim"}
    ]
  }

  "transfer": one of
    {"method": "external-quick-connect",              CID-1, CID-2, CID-3
     "quickConnect": "Broker",                        a phone-number quick connect's name
     "agent": {"routingProfile": "Mortgage desk",     a routing profile's name
               "activeCall": {"queue": "Mortgages"}}} leave "activeCall" out when the
                                                      agent is not on an active call
    {"method": "number-pad",                          CID-4
     "number": "+4930901820",                         the dialled number, with country code
     "activeCall": {"queue": "Mortgages"}}            the queue the call is handled from
    {"method": "transfer-to-phone-number-block",      CID-5
     "transferVia": "+61412345678",                   the block's "Transfer via" number
     "callerId": {"number": "+61291234567", "name": "Acme"},
                                                      optional; number and name each optional
     "callerNumber": "+61412000111"}                  the caller's own number; leave it out
                                                      when the caller withholds it

Phone numbers are read with libphonenumber-js. Unknown fields are refused.

Example:
  npm run cli -- caller-id test/fixtures/caller-id/au-block-pass-through.json

Exit codes: 0 resolved, 1 resolved but the call fails (CID-10), 2 unreadable or invalid input
(one line naming the file and the field).`;

/** `caller-id <situation.json>`: which caller ID the external party sees, and why. */
export const callerIdCommand: CliCommand = {
  name: 'caller-id',
  summary: 'which caller ID an external party sees after a transfer (CID-1 to CID-10)',
  help,
  run(args, out) {
    if (args.length === 0 || args.some((arg) => arg.startsWith('-') && arg !== '-')) {
      throw new UsageError('caller-id takes files: <situation.json> [more.json ...] (see caller-id --help)');
    }
    return forEachFile(args, out, (file) => {
      const parsed = parseCallerIdSituation(readJsonFile(file));
      if (!parsed.ok) throw new UsageError(`${file}: ${summariseInputIssues(parsed.issues)}`);
      const resolution = resolveCallerId(parsed.value);
      return { value: resolution, code: hasFailure(resolution.warnings) ? 1 : 0 };
    });
  },
};

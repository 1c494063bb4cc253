/**
 * Conference events from the director's sources: a trainee's input, a script's `act` effect, a
 * dialled party's answer behaviour. Every one of them goes through the conference's `step`.
 */
import type {
  AddVia,
  AgentActionName,
  ConferenceEvent,
  ConferenceEventType,
  PartyId,
  PartyKind,
} from '../../conference';
import { agentActionNames, assertNever, buildEvent, scriptedEventNames } from '../../conference';
import type { DialOutcome } from './director-state';
import type { TraineeInput } from './session-types';

/** Whether a name is an action an agent takes (as opposed to a scripted event of another party). */
export function isAgentActionName(name: string): name is AgentActionName {
  return (agentActionNames as ReadonlyArray<string>).includes(name);
}

/** Whether a name is an event type of the conference model. */
export function isConferenceEventType(name: string): name is ConferenceEventType {
  return isAgentActionName(name) || (scriptedEventNames as ReadonlyArray<string>).includes(name);
}

/** The conference's route for an `add` from the trainee's or a timed action's `via`. */
export function addViaOf(
  via: { readonly quickConnect: string } | { readonly numberPad: string; readonly country?: string },
): AddVia {
  return 'quickConnect' in via
    ? { kind: 'quick-connect', name: via.quickConnect }
    : {
        kind: 'number-pad',
        number: via.numberPad,
        ...(via.country === undefined ? {} : { country: via.country }),
      };
}

/**
 * The event of a type with what it needs: a target for the targeted actions and `add` (an
 * empty target when none is given, which the conference refuses as `no-such-participant`),
 * digits for `send-dtmf`, nothing more for the rest.
 */
export function conferenceEvent(
  actor: PartyId,
  time: number,
  type: ConferenceEventType,
  details: { readonly target?: PartyId; readonly via?: AddVia; readonly digits?: string } = {},
): ConferenceEvent {
  return buildEvent(actor, time, type, details);
}

/** The event of a trainee's call-control input, at `time`. */
export function traineeEvent(
  trainee: PartyId,
  input: Extract<TraineeInput, { kind: 'action' }>,
  time: number,
): ConferenceEvent {
  return conferenceEvent(trainee, time, input.action, {
    ...(input.target === undefined ? {} : { target: input.target }),
    ...(input.via === undefined ? {} : { via: addViaOf(input.via) }),
    ...(input.digits === undefined ? {} : { digits: input.digits }),
  });
}

/**
 * The scripted event that carries a dialled party's outcome (CCP-3):
 * - an agent accepts (`answer`), rejects or misses (`no-answer`) the offer. An agent cannot be
 *   busy or fail in the CCP, so `busy` reads as a rejection and `fail` as a missed offer;
 * - an external party answers, rings out (`no-answer`), is busy, or the call fails. A number
 *   cannot reject an offer, so `reject` reads as a failed call (XFER-4: "a rejected call").
 */
export function outcomeEventType(
  kind: Exclude<PartyKind, 'caller'>,
  outcome: DialOutcome,
): ConferenceEventType {
  if (kind === 'agent') {
    switch (outcome) {
      case 'answer':
        return 'accept';
      case 'reject':
      case 'busy':
        return 'reject';
      case 'no-answer':
      case 'fail':
        return 'no-answer';
      default:
        return assertNever(outcome);
    }
  }
  return outcome === 'reject' ? 'fail' : outcome;
}

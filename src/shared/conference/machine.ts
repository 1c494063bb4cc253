/**
 * The conference statechart (xstate v5). It wraps the pure `step`: every guard asks `check`
 * (the one permission function) and cites the rules it stands for; the two actions only assign
 * the state and the log that `step` computes. No timers, no effects: time is a value carried by
 * every event.
 *
 * The top-level states mirror the contact's phase (incoming → connected → ended → cleared); all
 * events are handled at the root, so that the log records every event in every phase, refused
 * ones included (CCP-9), exactly as `advance` does.
 */
import { assign, setup } from 'xstate';
import { check } from './check';
import type { LogEntry } from './entry';
import { targetOf, viaOf } from './entry';
import { initialState } from './model';
import { step } from './step';
import type { ConferenceConfig, ConferenceEvent, ConferenceState } from './types';

/** The machine's context: the same state and log as a `ConferenceSession`. */
export interface ConferenceContext {
  readonly state: ConferenceState;
  readonly log: ReadonlyArray<LogEntry>;
}

type GuardArgs = { readonly context: ConferenceContext; readonly event: ConferenceEvent };

/** Whether `check` allows the event: the body of every permission guard. */
function permitted({ context, event }: GuardArgs): boolean {
  return check(context.state, event.actor, event.type, targetOf(event), viaOf(event)).ok;
}

function record({ context, event }: GuardArgs): ConferenceContext {
  const { state, entry } = step(context.state, event, context.log.length + 1);
  return { state, log: [...context.log, entry] };
}

/** The conference machine; create an actor with `input: ConferenceConfig`. */
export const conferenceMachine = setup({
  types: {
    context: {} as ConferenceContext,
    events: {} as ConferenceEvent,
    input: {} as ConferenceConfig,
  },
  guards: {
    /** CCP-3: an offered agent accepts while their leg is connecting. */
    mayAccept: permitted,
    /** CONF-1, CONF-2, CONF-5, CONF-6, CONF-7, CONF-8, CCP-2, CCP-6, CCP-7. */
    mayAdd: permitted,
    /** CONF-9a, CONF-10a, CONF-10b, CCP-5. */
    mayHold: permitted,
    /** CCP-4, CCP-5, CONF-9a, CONF-10b. */
    mayHoldAll: permitted,
    /** CONF-9a, CONF-9c, CONF-10b, CONF-10c, CONF-12. */
    mayResume: permitted,
    /** CONF-11, CCP-8. */
    mayMute: permitted,
    /** CONF-11, CCP-8. */
    mayUnmute: permitted,
    /** CONF-3, CCP-4, CONF-9a. */
    mayJoin: permitted,
    /** CONF-4, CCP-4, CONF-9a. */
    maySwap: permitted,
    /** CONF-9a, CONF-9b, CONF-10e, CONF-12, CONF-13. */
    mayDisconnect: permitted,
    /** CONF-17, CONF-12, CCP-7. */
    mayLeave: permitted,
    /** CCP-5: tones need a connected agent and a connected party. */
    maySendDtmf: permitted,
    /** CCP-7: after-call work is cleared once the agent has left. */
    mayClear: permitted,
    /** CCP-3: a dialled number answers while its leg is connecting. */
    mayAnswer: permitted,
    /** CCP-3: an offered agent rejects the offer. */
    mayReject: permitted,
    /** CCP-3: an offer or a dial rings out. */
    mayNoAnswer: permitted,
    /** CCP-3: a dialled number is busy. */
    mayBusy: permitted,
    /** CCP-3: a dial fails. */
    mayFail: permitted,
    /** CONF-14: the caller or an external party hangs up. */
    mayHangUp: permitted,
    /** The primary agent has accepted the contact. */
    contactAnswered: ({ context }) => context.state.phase === 'connected',
    /** CONF-14: the contact has ended. */
    contactEnded: ({ context }) => context.state.phase === 'ended' || context.state.phase === 'cleared',
    /** CCP-7: every agent has cleared after-call work. */
    contactCleared: ({ context }) => context.state.phase === 'cleared',
  },
  actions: {
    /** Applies an accepted event and logs it. */
    applyEvent: assign(record),
    /** Logs a refused event; `step` returns the state unchanged (CCP-9). */
    recordRefusal: assign(record),
  },
}).createMachine({
  id: 'conference',
  context: ({ input }) => ({ state: initialState(input), log: [] }),
  initial: 'incoming',
  on: {
    accept: [{ guard: 'mayAccept', actions: 'applyEvent' }, { actions: 'recordRefusal' }],
    add: [{ guard: 'mayAdd', actions: 'applyEvent' }, { actions: 'recordRefusal' }],
    hold: [{ guard: 'mayHold', actions: 'applyEvent' }, { actions: 'recordRefusal' }],
    'hold-all': [{ guard: 'mayHoldAll', actions: 'applyEvent' }, { actions: 'recordRefusal' }],
    resume: [{ guard: 'mayResume', actions: 'applyEvent' }, { actions: 'recordRefusal' }],
    mute: [{ guard: 'mayMute', actions: 'applyEvent' }, { actions: 'recordRefusal' }],
    unmute: [{ guard: 'mayUnmute', actions: 'applyEvent' }, { actions: 'recordRefusal' }],
    join: [{ guard: 'mayJoin', actions: 'applyEvent' }, { actions: 'recordRefusal' }],
    swap: [{ guard: 'maySwap', actions: 'applyEvent' }, { actions: 'recordRefusal' }],
    disconnect: [{ guard: 'mayDisconnect', actions: 'applyEvent' }, { actions: 'recordRefusal' }],
    leave: [{ guard: 'mayLeave', actions: 'applyEvent' }, { actions: 'recordRefusal' }],
    'send-dtmf': [{ guard: 'maySendDtmf', actions: 'applyEvent' }, { actions: 'recordRefusal' }],
    clear: [{ guard: 'mayClear', actions: 'applyEvent' }, { actions: 'recordRefusal' }],
    answer: [{ guard: 'mayAnswer', actions: 'applyEvent' }, { actions: 'recordRefusal' }],
    reject: [{ guard: 'mayReject', actions: 'applyEvent' }, { actions: 'recordRefusal' }],
    'no-answer': [{ guard: 'mayNoAnswer', actions: 'applyEvent' }, { actions: 'recordRefusal' }],
    busy: [{ guard: 'mayBusy', actions: 'applyEvent' }, { actions: 'recordRefusal' }],
    fail: [{ guard: 'mayFail', actions: 'applyEvent' }, { actions: 'recordRefusal' }],
    'hang-up': [{ guard: 'mayHangUp', actions: 'applyEvent' }, { actions: 'recordRefusal' }],
  },
  states: {
    incoming: {
      always: [
        { guard: 'contactEnded', target: 'ended' },
        { guard: 'contactAnswered', target: 'connected' },
      ],
    },
    connected: {
      always: { guard: 'contactEnded', target: 'ended' },
    },
    ended: {
      always: { guard: 'contactCleared', target: 'cleared' },
    },
    cleared: {},
  },
});

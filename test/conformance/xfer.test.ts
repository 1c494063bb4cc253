import {
  DTMF_COMMA_PAUSE_MS,
  type Finding,
  type InstanceConfig,
  InstanceConfigSchema,
  scheduleDtmf,
  simulateTransferBlock,
  type TimelineEvent,
  type TransferBlock,
  TransferBlockSchema,
  type TransferSimulation,
  TransferSimulationInputSchema,
  validateTransferBlock,
} from '@shared/caller-id';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { each } from '../support/each';

const AU_DID = '+61291234567';
const AU_TOLL_FREE = '+611800123456';
const UK_DID = '+442079460000';
const DE_DID = '+4930901820';
const DE_MOBILE = '+4915112345678';
const US_DID = '+12065550100';
const US_MOBILE = '+12065550199';

function instanceIn(
  country: 'AU' | 'GB' | 'DE' | 'US',
  outboundCountries = ['AU', 'GB', 'DE', 'US'],
): InstanceConfig {
  const claimed = { AU: AU_DID, GB: UK_DID, DE: DE_DID, US: US_DID }[country];
  return InstanceConfigSchema.parse({
    country,
    claimedNumbers: [
      { number: claimed, type: 'did' },
      ...(country === 'AU' ? [{ number: AU_TOLL_FREE, type: 'toll-free' }] : []),
    ],
    outboundCountries,
  });
}

const US = instanceIn('US');

function blockOf(overrides: Partial<Record<keyof TransferBlock, unknown>> = {}): TransferBlock {
  return TransferBlockSchema.parse({
    flowType: 'inbound',
    transferVia: US_MOBILE,
    timeoutSeconds: 30,
    resumeFlowAfterDisconnect: true,
    callerId: { number: US_DID, name: 'Acme' },
    ...overrides,
  });
}

function simulate(input: {
  instance?: InstanceConfig;
  block?: Partial<Record<keyof TransferBlock, unknown>>;
  channel?: string;
  caller?: unknown;
  externalParty?: unknown;
}): TransferSimulation {
  return simulateTransferBlock(
    TransferSimulationInputSchema.parse({
      instance: input.instance ?? US,
      block: blockOf(input.block),
      channel: input.channel ?? 'voice',
      caller: input.caller ?? { behaviour: 'stays', number: DE_MOBILE },
      externalParty: input.externalParty ?? { behaviour: 'answers', afterSeconds: 5 },
    }),
  );
}

function ran(result: TransferSimulation): Extract<TransferSimulation, { kind: 'simulated' }> {
  if (result.kind !== 'simulated') throw new Error(`expected a simulation, got ${JSON.stringify(result)}`);
  return result;
}

function types(result: TransferSimulation): ReadonlyArray<string> {
  return ran(result).timeline.map((event) => event.type);
}

function errorsOf(
  findings: ReadonlyArray<Finding>,
): ReadonlyArray<{ rule: string; code: string; field: string | null }> {
  return findings
    .filter((f) => f.severity === 'error')
    .map(({ rule, code, field }) => ({ rule, code, field }));
}

describe('XFER-1', () => {
  it('XFER-1: a voice contact is transferred (dialling, no Error branch)', () => {
    const result = ran(simulate({ channel: 'voice' }));
    expect(result.branch).toBe('success');
    expect(result.timeline[0]).toMatchObject({ type: 'dialling', atMs: 0, number: US_MOBILE });
  });

  each([{ channel: 'chat' }, { channel: 'task' }])(
    'XFER-1: a $channel contact takes the Error branch without dialling',
    ({ channel }) => {
      const result = ran(simulate({ channel }));
      expect(result.branch).toBe('error');
      expect(result.callerId).toBeNull();
      expect(result.timeline).toEqual([
        { type: 'error', atMs: 0, rule: 'XFER-1', channel },
        { type: 'branch', atMs: 0, rule: 'XFER-1', branch: 'error' },
      ]);
      expect(result.explanation.en).toContain('Error branch');
      expect(result.explanation.de).toContain('„Fehler“');
    },
  );
});

describe('XFER-2', () => {
  each([
    { flowType: 'inbound' },
    { flowType: 'customer-queue' },
    { flowType: 'transfer-to-agent' },
    { flowType: 'transfer-to-queue' },
  ])('XFER-2: the block is allowed in the flow type $flowType', ({ flowType }) => {
    const validation = validateTransferBlock(blockOf({ flowType }), US);
    expect(validation.valid).toBe(true);
    expect(errorsOf(validation.findings)).toEqual([]);
  });

  each([
    { flowType: 'customer-hold' },
    { flowType: 'customer-whisper' },
    { flowType: 'outbound-whisper' },
    { flowType: 'agent-hold' },
    { flowType: 'agent-whisper' },
  ])('XFER-2: the block is refused in the flow type $flowType', ({ flowType }) => {
    const validation = validateTransferBlock(blockOf({ flowType }), US);
    expect(validation.valid).toBe(false);
    expect(errorsOf(validation.findings)).toEqual([
      { rule: 'XFER-2', code: 'flow-type-not-allowed', field: 'flowType' },
    ]);
    const result = simulate({ block: { flowType } });
    expect(result).toMatchObject({ kind: 'invalid-configuration' });
    expect(result.kind === 'invalid-configuration' && result.findings[0]?.field).toBe('block.flowType');
  });
});

describe('XFER-3', () => {
  each([
    { title: 'a timeout of 0 s is accepted', block: { timeoutSeconds: 0 } },
    { title: 'a timeout of 600 s is accepted', block: { timeoutSeconds: 600 } },
    { title: 'the seed’s timeout of 30 s is accepted', block: { timeoutSeconds: 30 } },
    { title: 'DTMF of exactly 50 characters is accepted', block: { dtmf: '1234567890'.repeat(5) } },
    { title: 'DTMF of every allowed character is accepted', block: { dtmf: '0123456789*#,' } },
    { title: 'the seed’s DTMF example written without spaces is accepted', block: { dtmf: '1,1,362' } },
    { title: 'an empty DTMF string is accepted', block: { dtmf: '' } },
    { title: 'a block without caller ID settings is accepted', block: { callerId: undefined } },
    {
      title: 'a transfer-via number with spaces and country code is accepted',
      block: { transferVia: '+1 206 555 0199' },
    },
  ])('XFER-3: $title', ({ block }) => {
    const validation = validateTransferBlock(blockOf(block), US);
    expect(errorsOf(validation.findings)).toEqual([]);
    expect(validation.valid).toBe(true);
  });

  each([
    {
      title: 'a timeout of 601 s is refused',
      block: { timeoutSeconds: 601 },
      code: 'timeout-out-of-range',
      field: 'timeoutSeconds',
    },
    {
      title: 'a timeout of -1 s is refused',
      block: { timeoutSeconds: -1 },
      code: 'timeout-out-of-range',
      field: 'timeoutSeconds',
    },
    {
      title: 'a timeout of 30.5 s is refused (whole seconds)',
      block: { timeoutSeconds: 30.5 },
      code: 'timeout-not-whole-seconds',
      field: 'timeoutSeconds',
    },
    {
      title: 'DTMF of 51 characters is refused',
      block: { dtmf: `${'1234567890'.repeat(5)}1` },
      code: 'dtmf-too-long',
      field: 'dtmf',
    },
    {
      title: 'DTMF of 60 characters is refused',
      block: { dtmf: '123456'.repeat(10) },
      code: 'dtmf-too-long',
      field: 'dtmf',
    },
    {
      title: 'DTMF with a letter is refused',
      block: { dtmf: '12A4' },
      code: 'dtmf-invalid-characters',
      field: 'dtmf',
    },
    {
      title: 'DTMF with spaces, as the seed prints "1, 1, 362", is refused',
      block: { dtmf: '1, 1, 362' },
      code: 'dtmf-invalid-characters',
      field: 'dtmf',
    },
    {
      title: 'DTMF with a pause letter "p" is refused',
      block: { dtmf: '1p2' },
      code: 'dtmf-invalid-characters',
      field: 'dtmf',
    },
    {
      title: 'DTMF with a semicolon is refused',
      block: { dtmf: '1;2' },
      code: 'dtmf-invalid-characters',
      field: 'dtmf',
    },
    {
      title: 'a transfer-via number without its country code is refused',
      block: { transferVia: '2065550199' },
      code: 'transfer-via-invalid',
      field: 'transferVia',
    },
    {
      title: 'a transfer-via that is no number is refused',
      block: { transferVia: 'broker' },
      code: 'transfer-via-invalid',
      field: 'transferVia',
    },
    {
      title: 'a caller ID number that is no phone number is refused',
      block: { callerId: { number: 'Acme' } },
      code: 'caller-id-number-invalid',
      field: 'callerId.number',
    },
  ])('XFER-3: $title', ({ block, code, field }) => {
    const validation = validateTransferBlock(blockOf(block), US);
    expect(validation.valid).toBe(false);
    expect(errorsOf(validation.findings)).toEqual([{ rule: 'XFER-3', code, field }]);
  });

  it('XFER-3: DTMF that is both too long and has invalid characters gets both errors', () => {
    const validation = validateTransferBlock(blockOf({ dtmf: 'x'.repeat(51) }), US);
    expect(errorsOf(validation.findings).map((e) => e.code)).toEqual([
      'dtmf-too-long',
      'dtmf-invalid-characters',
    ]);
    expect(validation.findings.every((f) => f.explanation.en.length > 0 && f.explanation.de.length > 0)).toBe(
      true,
    );
  });
});

describe('XFER-4', () => {
  each([
    {
      title: 'an answer within the timeout takes Success',
      block: { timeoutSeconds: 30 },
      externalParty: { behaviour: 'answers', afterSeconds: 12 },
      branch: 'success',
      atMs: 12_000,
    },
    {
      title: 'an answer exactly at the timeout takes Success (judgment call)',
      block: { timeoutSeconds: 30 },
      externalParty: { behaviour: 'answers', afterSeconds: 30 },
      branch: 'success',
      atMs: 30_000,
    },
    {
      title: 'an answer after the timeout takes Timeout at the timeout',
      block: { timeoutSeconds: 30 },
      externalParty: { behaviour: 'answers', afterSeconds: 31 },
      branch: 'timeout',
      atMs: 30_000,
    },
    {
      title: 'no answer takes Timeout after 600 s',
      block: { timeoutSeconds: 600 },
      externalParty: { behaviour: 'never-answers' },
      branch: 'timeout',
      atMs: 600_000,
    },
    {
      title: 'a timeout of 0 s times out at once',
      block: { timeoutSeconds: 0 },
      externalParty: { behaviour: 'never-answers' },
      branch: 'timeout',
      atMs: 0,
    },
    {
      title: 'a busy line takes Call failed',
      block: {},
      externalParty: { behaviour: 'busy', afterSeconds: 2 },
      branch: 'call-failed',
      atMs: 2000,
    },
    {
      title: 'a failed (rejected) call takes Call failed',
      block: {},
      externalParty: { behaviour: 'fails' },
      branch: 'call-failed',
      atMs: 0,
    },
  ])('XFER-4: $title', ({ block, externalParty, branch, atMs }) => {
    const result = ran(simulate({ block, externalParty }));
    expect(result.branch).toBe(branch);
    expect(result.timeline.find((e) => e.type === 'branch')).toEqual({
      type: 'branch',
      atMs,
      rule: 'XFER-4',
      branch,
    });
  });

  it('XFER-4: a destination country that is not allowed (CID-10) takes Call failed before ringing', () => {
    const result = ran(simulate({ instance: instanceIn('US', ['US']), block: { transferVia: DE_MOBILE } }));
    expect(result.branch).toBe('call-failed');
    expect(result.timeline).toEqual([
      expect.objectContaining({ type: 'dialling', atMs: 0 }),
      { type: 'call-failed', atMs: 0, rule: 'CID-10', reason: 'country-not-allowed' },
      { type: 'branch', atMs: 0, rule: 'XFER-4', branch: 'call-failed' },
    ]);
  });

  each([
    {
      title: 'a voice call that is answered never takes Error or Timeout',
      externalParty: { behaviour: 'answers', afterSeconds: 1 },
    },
    { title: 'a busy line is not a Timeout', externalParty: { behaviour: 'busy' } },
  ])('XFER-4: $title', ({ externalParty }) => {
    const result = ran(simulate({ externalParty }));
    expect(result.branch).not.toBe('error');
    expect(result.branch).not.toBe('timeout');
  });
  it('XFER-4: any voice call takes at most one branch, on a time-ordered timeline (property)', () => {
    const seconds = fc.integer({ min: 0, max: 700 });
    const externalParty = fc.oneof(
      fc.record({
        behaviour: fc.constant('answers'),
        afterSeconds: seconds,
        hangsUpAfterSeconds: fc.option(seconds, { nil: undefined }),
      }),
      fc.constant({ behaviour: 'never-answers' }),
      fc.record({ behaviour: fc.constant('busy'), afterSeconds: seconds }),
      fc.record({ behaviour: fc.constant('fails'), afterSeconds: seconds }),
    );
    const caller = fc.oneof(
      fc.constant({ behaviour: 'stays' }),
      fc.record({ behaviour: fc.constant('hangs-up'), afterSeconds: seconds }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600 }),
        fc.boolean(),
        fc.stringMatching(/^[0-9*#,]{0,50}$/),
        externalParty,
        caller,
        (timeoutSeconds, resume, dtmf, external, callerBehaviour) => {
          const result = ran(
            simulate({
              block: { timeoutSeconds, resumeFlowAfterDisconnect: resume, dtmf },
              externalParty: JSON.parse(JSON.stringify(external)),
              caller: callerBehaviour,
            }),
          );
          const times = result.timeline.map((e) => e.atMs);
          expect(times).toEqual([...times].sort((a, b) => a - b));
          const branches = result.timeline.filter((e) => e.type === 'branch');
          expect(branches.length).toBe(result.branch === null ? 0 : 1);
          const answered = result.timeline.find((e) => e.type === 'answered');
          for (const event of result.timeline) {
            if (event.type === 'dtmf-digit')
              expect(event.atMs).toBeGreaterThanOrEqual(answered?.atMs ?? Number.NaN);
          }
          if (result.branch === 'timeout') expect(branches[0]?.atMs).toBe(timeoutSeconds * 1000);
          expect(result.callerReturnsToFlow).toBe(
            result.timeline.some((e) => e.type === 'caller-returned-to-flow'),
          );
          if (result.callerReturnsToFlow) expect(resume).toBe(true);
        },
      ),
    );
  });
});

describe('XFER-5', () => {
  it('XFER-5: with resume, the external party hanging up returns the caller to the flow', () => {
    const result = ran(
      simulate({
        block: { resumeFlowAfterDisconnect: true },
        externalParty: { behaviour: 'answers', afterSeconds: 5, hangsUpAfterSeconds: 60 },
        caller: { behaviour: 'stays' },
      }),
    );
    expect(result.callerReturnsToFlow).toBe(true);
    expect(result.timeline.slice(-2)).toEqual([
      { type: 'disconnected', atMs: 65_000, rule: 'XFER-5', party: 'external-party' },
      { type: 'caller-returned-to-flow', atMs: 65_000, rule: 'XFER-5' },
    ]);
    expect(result.explanation.en).toContain('returns to the instance');
  });

  each([
    {
      title: 'with resume, the caller hanging up ends the whole call',
      resume: true,
      caller: { behaviour: 'hangs-up', afterSeconds: 40 },
      externalParty: { behaviour: 'answers', afterSeconds: 5, hangsUpAfterSeconds: 60 },
      tail: ['disconnected', 'call-ended'],
    },
    {
      title: 'with resume, a caller hanging up at the same moment as the external party ends the call',
      resume: true,
      caller: { behaviour: 'hangs-up', afterSeconds: 65 },
      externalParty: { behaviour: 'answers', afterSeconds: 5, hangsUpAfterSeconds: 60 },
      tail: ['disconnected', 'call-ended'],
    },
    {
      title: 'without resume, the flow ends at the transfer and the external hang-up ends the call',
      resume: false,
      caller: { behaviour: 'stays' },
      externalParty: { behaviour: 'answers', afterSeconds: 5, hangsUpAfterSeconds: 60 },
      tail: ['disconnected', 'call-ended'],
    },
    {
      title: 'with resume, nobody hanging up leaves the caller with the external party',
      resume: true,
      caller: { behaviour: 'stays' },
      externalParty: { behaviour: 'answers', afterSeconds: 5 },
      tail: ['answered', 'branch'],
    },
  ])('XFER-5: $title', ({ resume, caller, externalParty, tail }) => {
    const result = ran(
      simulate({ block: { resumeFlowAfterDisconnect: resume, dtmf: '' }, caller, externalParty }),
    );
    expect(result.branch).toBe('success');
    expect(result.callerReturnsToFlow).toBe(false);
    expect(types(result).slice(-tail.length)).toEqual(tail);
    expect(types(result).includes('caller-returned-to-flow')).toBe(false);
    expect(types(result).includes('flow-ended')).toBe(!resume);
  });

  it('XFER-5: without resume, the flow ends when the external party answers', () => {
    const result = ran(simulate({ block: { resumeFlowAfterDisconnect: false } }));
    expect(result.timeline).toContainEqual({ type: 'flow-ended', atMs: 5000, rule: 'XFER-5' });
    expect(result.explanation.de).toContain('endet der Flow mit der Weiterleitung');
  });

  it('XFER-5: a caller hanging up while the external number rings ends the call with no branch', () => {
    const result = ran(
      simulate({
        caller: { behaviour: 'hangs-up', afterSeconds: 3 },
        externalParty: { behaviour: 'never-answers' },
      }),
    );
    expect(result.branch).toBeNull();
    expect(result.callerReturnsToFlow).toBe(false);
    expect(types(result)).toEqual(['dialling', 'disconnected', 'call-ended']);
  });
});

describe('XFER-6', () => {
  it('XFER-6: the seed’s "1,1,362" is sent after the answer, each comma pausing 750 ms', () => {
    const result = ran(
      simulate({ block: { dtmf: '1,1,362' }, externalParty: { behaviour: 'answers', afterSeconds: 4 } }),
    );
    const dtmf = result.timeline.filter((e) => e.type === 'dtmf-digit' || e.type === 'dtmf-pause');
    expect(dtmf).toEqual([
      { type: 'dtmf-digit', atMs: 4000, digit: '1', rule: 'XFER-6' },
      { type: 'dtmf-pause', atMs: 4200, durationMs: 750, rule: 'XFER-6' },
      { type: 'dtmf-digit', atMs: 4950, digit: '1', rule: 'XFER-6' },
      { type: 'dtmf-pause', atMs: 5150, durationMs: 750, rule: 'XFER-6' },
      { type: 'dtmf-digit', atMs: 5900, digit: '3', rule: 'XFER-6' },
      { type: 'dtmf-digit', atMs: 6100, digit: '6', rule: 'XFER-6' },
      { type: 'dtmf-digit', atMs: 6300, digit: '2', rule: 'XFER-6' },
    ]);
  });

  each([
    { title: 'a leading comma delays the first digit by 750 ms', dtmf: ',5', first: DTMF_COMMA_PAUSE_MS },
    { title: 'two commas pause 1500 ms', dtmf: ',,5', first: 2 * DTMF_COMMA_PAUSE_MS },
    { title: 'without a comma the first digit goes out on the answer', dtmf: '5', first: 0 },
  ])('XFER-6: $title', ({ dtmf, first }) => {
    expect(scheduleDtmf(dtmf, 0).find((step) => step.type === 'dtmf-digit')?.atMs).toBe(first);
  });

  it('XFER-6: 50 digits at the limit are all sent, 200 ms apart by default', () => {
    const result = ran(
      simulate({
        block: { dtmf: '1234567890'.repeat(5) },
        externalParty: { behaviour: 'answers', afterSeconds: 0 },
      }),
    );
    const digits = result.timeline.filter((e) => e.type === 'dtmf-digit');
    expect(digits).toHaveLength(50);
    expect(digits.at(-1)?.atMs).toBe(49 * 200);
  });

  each([
    {
      title: 'no digit is sent when the external party never answers',
      externalParty: { behaviour: 'never-answers' },
      caller: { behaviour: 'stays' },
      sent: 0,
    },
    {
      title: 'digits due after the external party hangs up are not sent',
      externalParty: { behaviour: 'answers', afterSeconds: 1, hangsUpAfterSeconds: 1 },
      caller: { behaviour: 'stays' },
      sent: 2,
    },
    {
      title: 'digits due after the caller hangs up are not sent',
      externalParty: { behaviour: 'answers', afterSeconds: 1 },
      caller: { behaviour: 'hangs-up', afterSeconds: 2.2 },
      sent: 3,
    },
  ])('XFER-6: $title', ({ externalParty, caller, sent }) => {
    const result = ran(simulate({ block: { dtmf: '1,23456' }, externalParty, caller }));
    expect(result.timeline.filter((e: TimelineEvent) => e.type === 'dtmf-digit')).toHaveLength(sent);
  });
});

describe('XFER-7', () => {
  each([
    {
      title: 'the block’s caller ID number in a German instance must be claimed (CID-6)',
      instance: instanceIn('DE'),
      callerId: { number: '+4930123456' },
      expected: [{ rule: 'CID-6', field: 'callerId.number' }],
    },
    {
      title: 'the block’s toll-free caller ID number in Australia is flagged (CID-7)',
      instance: instanceIn('AU'),
      callerId: { number: AU_TOLL_FREE },
      expected: [{ rule: 'CID-7', field: 'callerId.number' }],
    },
    {
      title: 'the block’s caller ID number in the UK must be E.164 (CID-8)',
      instance: instanceIn('GB'),
      callerId: { number: '020 7946 0000' },
      expected: [{ rule: 'CID-8', field: 'callerId.number' }],
    },
    {
      title: 'the block’s caller ID name must not hold reserved SIP characters (CID-9)',
      instance: US,
      callerId: { number: US_DID, name: 'Acme: Loans' },
      expected: [{ rule: 'CID-9', field: 'callerId.name' }],
    },
    {
      title: 'a German block without a caller ID number passes the caller’s number through (CID-5, CID-6)',
      instance: instanceIn('DE'),
      callerId: undefined,
      expected: [{ rule: 'CID-6', field: 'callerId' }],
    },
  ])('XFER-7: $title', ({ instance, callerId, expected }) => {
    const validation = validateTransferBlock(blockOf({ callerId, transferVia: DE_MOBILE }), instance);
    expect(validation.valid).toBe(true);
    expect(validation.findings.map(({ rule, field }) => ({ rule, field }))).toEqual(expected);
  });

  each([
    {
      title: 'a claimed DID and a clean name raise nothing (AU)',
      instance: instanceIn('AU'),
      callerId: { number: AU_DID, name: 'Acme' },
    },
    {
      title: 'a claimed E.164 number raises nothing (UK)',
      instance: instanceIn('GB'),
      callerId: { number: UK_DID },
    },
    { title: 'a US block may pass the caller’s number through', instance: US, callerId: undefined },
  ])('XFER-7: $title', ({ instance, callerId }) => {
    const validation = validateTransferBlock(blockOf({ callerId, transferVia: DE_MOBILE }), instance);
    expect(validation.findings).toEqual([]);
  });

  each([
    {
      title: 'the call shows the block’s caller ID (CID-5)',
      callerId: { number: US_DID, name: 'Acme' },
      number: US_DID,
      name: 'Acme',
    },
    {
      title: 'the call passes the caller’s number through (CID-5)',
      callerId: undefined,
      number: DE_MOBILE,
      name: null,
    },
  ])('XFER-7: $title', ({ callerId, number, name }) => {
    const result = ran(simulate({ block: { callerId } }));
    expect(result.timeline[0]).toMatchObject({
      type: 'dialling',
      callerIdNumber: number,
      callerIdName: name,
    });
    expect(result.callerId).toMatchObject({ rule: 'CID-5', number, name });
  });

  it('XFER-7: a UK caller who withholds their number is flagged in the simulation (CID-8)', () => {
    const result = ran(
      simulate({
        instance: instanceIn('GB'),
        block: { callerId: undefined, transferVia: UK_DID },
        caller: { behaviour: 'stays' },
      }),
    );
    expect(result.callerId?.warnings.map((w) => [w.rule, w.code, w.field])).toEqual([
      ['CID-6', 'no-number-outside-usa', 'caller.number'],
      ['CID-8', 'uk-no-number', 'caller.number'],
    ]);
  });
});

import {
  type CallerIdResolution,
  type CallerIdSituation,
  CallerIdSituationSchema,
  type FindingCode,
  type InstanceConfig,
  InstanceConfigSchema,
  RESERVED_SIP_CHARACTERS,
  type RuleId,
  resolveCallerId,
} from '@shared/caller-id';
import { describe, expect, it } from 'vitest';
import { each } from '../support/each';

// Numbers from the numbering plans libphonenumber-js knows (fictional where the plan has a
// range for drama, e.g. UK 020 7946 0xxx).
const AU_DID = '+61291234567';
const AU_TOLL_FREE = '+611800123456';
const AU_MOBILE = '+61412345678';
const UK_DID = '+442079460000';
const UK_MOBILE = '+447400123456';
const DE_DID = '+4930901820';
const DE_TOLL_FREE = '+498001234567';
const DE_MOBILE = '+4915112345678';
const US_DID = '+12065550100';
const US_TOLL_FREE = '+18005550100';
const CA_NUMBER = '+16135550123';

type Country = 'AU' | 'GB' | 'DE' | 'US';

const claimedByCountry: Record<Country, ReadonlyArray<{ number: string; type: 'did' | 'toll-free' }>> = {
  AU: [
    { number: AU_DID, type: 'did' },
    { number: AU_TOLL_FREE, type: 'toll-free' },
  ],
  GB: [{ number: UK_DID, type: 'did' }],
  DE: [
    { number: DE_DID, type: 'did' },
    { number: DE_TOLL_FREE, type: 'toll-free' },
  ],
  US: [
    { number: US_DID, type: 'did' },
    { number: US_TOLL_FREE, type: 'toll-free' },
  ],
};

const homeNumber: Record<Country, string> = { AU: AU_DID, GB: UK_DID, DE: DE_DID, US: US_DID };

/** An instance in `country` with an inbound queue, an outbound queue and a phone-number quick connect. */
function instanceIn(
  country: Country,
  options: {
    readonly originalCallerId?: { number?: string; name?: string };
    readonly outboundCallerId?: { number?: string; name?: string };
    readonly whisper?: { callerIdNumber: string; callerIdName?: string } | 'no-call-phone-number-block';
    readonly originalWhisper?: { callerIdNumber: string };
    readonly outboundCountries?: ReadonlyArray<string>;
    readonly claimed?: ReadonlyArray<{ number: string; type: 'did' | 'toll-free' }>;
    readonly quickConnectNumber?: string;
  } = {},
): InstanceConfig {
  const whisper =
    options.whisper === undefined
      ? undefined
      : options.whisper === 'no-call-phone-number-block'
        ? { name: 'Outbound whisper' }
        : { name: 'Outbound whisper', callPhoneNumber: options.whisper };
  return InstanceConfigSchema.parse({
    country,
    claimedNumbers: options.claimed ?? claimedByCountry[country],
    outboundCountries: options.outboundCountries ?? ['AU', 'GB', 'DE', 'US', 'CA'],
    queues: [
      {
        name: 'Mortgages',
        outboundCallerId: options.originalCallerId ?? { number: homeNumber[country], name: 'Acme Mortgages' },
        ...(options.originalWhisper
          ? { outboundWhisperFlow: { name: 'Mortgages whisper', callPhoneNumber: options.originalWhisper } }
          : {}),
      },
      {
        name: 'Outbound',
        outboundCallerId: options.outboundCallerId ?? {
          number: claimedByCountry[country][0]?.number,
          name: 'Acme',
        },
        ...(whisper ? { outboundWhisperFlow: whisper } : {}),
      },
    ],
    routingProfiles: [{ name: 'Mortgage desk', outboundQueue: 'Outbound' }],
    quickConnects: [
      { type: 'phone-number', name: 'Broker', number: options.quickConnectNumber ?? DE_MOBILE },
      { type: 'agent', name: 'Team lead', agent: 'Kim' },
    ],
  });
}

function situation(instance: InstanceConfig, transfer: unknown): CallerIdSituation {
  return CallerIdSituationSchema.parse({ instance, transfer });
}

function quickConnect(instance: InstanceConfig, onCall: boolean): CallerIdResolution {
  return resolveCallerId(
    situation(instance, {
      method: 'external-quick-connect',
      quickConnect: 'Broker',
      agent: { routingProfile: 'Mortgage desk', ...(onCall ? { activeCall: { queue: 'Mortgages' } } : {}) },
    }),
  );
}

function numberPad(instance: InstanceConfig, number = DE_MOBILE): CallerIdResolution {
  return resolveCallerId(
    situation(instance, { method: 'number-pad', number, activeCall: { queue: 'Mortgages' } }),
  );
}

function block(
  instance: InstanceConfig,
  settings: {
    callerId?: { number?: string; name?: string };
    callerNumber?: string;
    transferVia?: string;
  } = {},
): CallerIdResolution {
  return resolveCallerId(
    situation(instance, {
      method: 'transfer-to-phone-number-block',
      transferVia: settings.transferVia ?? DE_MOBILE,
      ...(settings.callerId ? { callerId: settings.callerId } : {}),
      ...(settings.callerNumber ? { callerNumber: settings.callerNumber } : {}),
    }),
  );
}

function codes(resolution: CallerIdResolution, rule: RuleId): ReadonlyArray<FindingCode> {
  return resolution.warnings.filter((w) => w.rule === rule).map((w) => w.code);
}

describe('CID-1', () => {
  each([
    { country: 'AU' as const, expected: AU_DID },
    { country: 'GB' as const, expected: UK_DID },
    { country: 'DE' as const, expected: DE_DID },
    { country: 'US' as const, expected: US_DID },
  ])(
    'CID-1: an external quick connect on an active call shows the original queue’s caller ID ($country)',
    ({ country, expected }) => {
      const result = quickConnect(instanceIn(country), true);
      expect(result).toMatchObject({
        rule: 'CID-1',
        number: expected,
        name: 'Acme Mortgages',
        source: { kind: 'original-queue', queue: 'Mortgages' },
      });
      expect(result.explanation.en).toContain('CID-1');
      expect(result.explanation.de).toContain('ursprüngliche Warteschlange');
    },
  );

  it('CID-1: an external quick connect without an active call does not use the original queue', () => {
    const result = quickConnect(instanceIn('US', { outboundCallerId: { number: US_TOLL_FREE } }), false);
    expect(result.rule).not.toBe('CID-1');
    expect(result.number).toBe(US_TOLL_FREE);
  });

  it('CID-1: an outbound whisper flow on the original queue does not override the original queue (judgment call)', () => {
    const result = quickConnect(
      instanceIn('US', { originalWhisper: { callerIdNumber: US_TOLL_FREE } }),
      true,
    );
    expect(result).toMatchObject({ rule: 'CID-1', number: US_DID });
  });
});

describe('CID-2', () => {
  each([
    { country: 'AU' as const, expected: AU_DID },
    { country: 'GB' as const, expected: UK_DID },
    { country: 'DE' as const, expected: DE_DID },
    { country: 'US' as const, expected: US_DID },
  ])(
    'CID-2: an external quick connect without an active call shows the routing profile’s outbound queue ($country)',
    ({ country, expected }) => {
      const result = quickConnect(
        instanceIn(country, { originalCallerId: { number: '+12125550100' } }),
        false,
      );
      expect(result).toMatchObject({
        rule: 'CID-2',
        number: expected,
        name: 'Acme',
        source: {
          kind: 'routing-profile-outbound-queue',
          routingProfile: 'Mortgage desk',
          queue: 'Outbound',
        },
      });
    },
  );

  each([
    { title: 'on an active call the outbound queue is not used', onCall: true, whisper: undefined },
    {
      title: 'an outbound whisper flow with a "Call phone number" block takes over',
      onCall: false,
      whisper: { callerIdNumber: US_TOLL_FREE },
    },
  ])('CID-2: $title', ({ onCall, whisper }) => {
    const result = quickConnect(
      instanceIn('US', { outboundCallerId: { number: '+12125550100' }, ...(whisper ? { whisper } : {}) }),
      onCall,
    );
    expect(result.rule).not.toBe('CID-2');
    expect(result.number).not.toBe('+12125550100');
  });
});

describe('CID-3', () => {
  each([
    { country: 'US' as const, number: US_TOLL_FREE, name: 'Acme Sales', expectedName: 'Acme Sales' },
    { country: 'AU' as const, number: AU_DID, name: undefined, expectedName: 'Acme' },
    { country: 'DE' as const, number: DE_TOLL_FREE, name: 'Acme GmbH', expectedName: 'Acme GmbH' },
  ])(
    'CID-3: a "Call phone number" block in the outbound whisper flow overrides CID-2 ($country)',
    ({ country, number, name, expectedName }) => {
      const whisper =
        name === undefined ? { callerIdNumber: number } : { callerIdNumber: number, callerIdName: name };
      const result = quickConnect(instanceIn(country, { whisper }), false);
      expect(result).toMatchObject({
        rule: 'CID-3',
        number,
        name: expectedName,
        source: { kind: 'outbound-whisper-flow', flow: 'Outbound whisper', queue: 'Outbound' },
      });
    },
  );

  each([
    {
      title: 'a whisper flow without a "Call phone number" block leaves CID-2',
      onCall: false,
      expected: 'CID-2',
    },
    { title: 'the override does not apply on an active call (CID-1)', onCall: true, expected: 'CID-1' },
  ])('CID-3: $title', ({ onCall, expected }) => {
    const whisper = onCall ? { callerIdNumber: US_TOLL_FREE } : ('no-call-phone-number-block' as const);
    const result = quickConnect(instanceIn('US', { whisper }), onCall);
    expect(result.rule).toBe(expected);
    expect(result.number).toBe(US_DID);
  });
});

describe('CID-4', () => {
  each([
    { country: 'AU' as const, expected: AU_DID },
    { country: 'GB' as const, expected: UK_DID },
    { country: 'DE' as const, expected: DE_DID },
    { country: 'US' as const, expected: US_DID },
  ])(
    'CID-4: a number-pad transfer shows the original queue’s caller ID ($country)',
    ({ country, expected }) => {
      const result = numberPad(instanceIn(country, { outboundCallerId: { number: '+12125550100' } }));
      expect(result).toMatchObject({
        rule: 'CID-4',
        number: expected,
        source: { kind: 'original-queue', queue: 'Mortgages' },
      });
      expect(result.explanation.en).toContain('number pad');
    },
  );

  it('CID-4: a number-pad transfer ignores the routing profile and its whisper flow', () => {
    const result = numberPad(instanceIn('US', { whisper: { callerIdNumber: US_TOLL_FREE } }));
    expect(result.rule).toBe('CID-4');
    expect(result.number).not.toBe(US_TOLL_FREE);
  });
});

describe('CID-5', () => {
  each([
    { title: 'a configured caller ID number is shown (AU)', country: 'AU' as const, number: AU_DID },
    { title: 'a configured caller ID number is shown (US)', country: 'US' as const, number: US_TOLL_FREE },
  ])('CID-5: $title', ({ country, number }) => {
    const result = block(instanceIn(country), {
      callerId: { number, name: 'Acme' },
      callerNumber: DE_MOBILE,
    });
    expect(result).toMatchObject({ rule: 'CID-5', number, name: 'Acme', source: { kind: 'transfer-block' } });
  });

  each([
    { title: 'without a caller ID number the caller’s own number is passed through', callerId: undefined },
    { title: 'a caller ID name alone does not stop the pass-through', callerId: { name: 'Acme' } },
  ])('CID-5: $title', ({ callerId }) => {
    const result = block(instanceIn('US'), { callerNumber: UK_MOBILE, ...(callerId ? { callerId } : {}) });
    expect(result).toMatchObject({
      rule: 'CID-5',
      number: UK_MOBILE,
      source: { kind: 'caller-pass-through' },
    });
    expect(result.number).not.toBe(US_DID);
  });

  it('CID-5: a caller who withholds their number passes through no number', () => {
    const result = block(instanceIn('US'));
    expect(result).toMatchObject({ rule: 'CID-5', number: null, source: { kind: 'caller-pass-through' } });
  });
});

describe('CID-6', () => {
  each([
    {
      title: 'a German instance showing an unclaimed number is warned',
      resolve: () => block(instanceIn('DE'), { callerId: { number: '+4930123456' } }),
      code: 'number-not-claimed',
    },
    {
      title: 'a German instance passing the caller’s number through is warned',
      resolve: () => block(instanceIn('DE'), { callerNumber: DE_MOBILE }),
      code: 'caller-number-passed-through',
    },
    {
      title: 'a UK queue without an outbound caller ID number is warned',
      resolve: () => numberPad(instanceIn('GB', { originalCallerId: { name: 'Acme' } })),
      code: 'no-number-outside-usa',
    },
    {
      title: 'an Australian instance whose queue shows a US number is warned',
      resolve: () => quickConnect(instanceIn('AU', { originalCallerId: { number: US_DID } }), true),
      code: 'number-not-claimed',
    },
  ])('CID-6: $title', ({ resolve, code }) => {
    const result = resolve();
    expect(codes(result, 'CID-6')).toEqual([code]);
    const warning = result.warnings.find((w) => w.rule === 'CID-6');
    expect(warning?.severity).toBe('warning');
    expect(warning?.explanation.en).toContain('outside the USA');
    expect(warning?.explanation.de).toContain('außerhalb der USA');
  });

  each([
    {
      title: 'a US instance may show an unclaimed number',
      resolve: () => block(instanceIn('US'), { callerNumber: DE_MOBILE }),
    },
    {
      title: 'a German instance showing a claimed number is not warned',
      resolve: () => block(instanceIn('DE'), { callerId: { number: DE_DID } }),
    },
    {
      title: 'a claimed toll-free number counts as claimed (DE)',
      resolve: () => block(instanceIn('DE'), { callerId: { number: DE_TOLL_FREE } }),
    },
    {
      title: 'a UK claimed number in national format still counts as claimed',
      resolve: () => block(instanceIn('GB'), { callerId: { number: '020 7946 0000' } }),
    },
    {
      title: 'the instance’s country decides, not the destination’s (US instance calling Australia)',
      resolve: () => block(instanceIn('US'), { callerNumber: DE_MOBILE, transferVia: AU_MOBILE }),
    },
  ])('CID-6: $title', ({ resolve }) => {
    expect(codes(resolve(), 'CID-6')).toEqual([]);
  });
});

describe('CID-7', () => {
  each([
    {
      title: 'an Australian caller ID that is a claimed toll-free number is flagged',
      resolve: () => block(instanceIn('AU'), { callerId: { number: AU_TOLL_FREE } }),
      expected: ['au-toll-free'],
    },
    {
      title: 'an Australian caller ID that is a foreign number not provided by the instance is flagged',
      resolve: () => block(instanceIn('AU'), { callerId: { number: US_DID } }),
      expected: ['au-not-provided-by-instance'],
    },
    {
      title: 'an Australian caller ID passed through from the caller is flagged',
      resolve: () => block(instanceIn('AU'), { callerNumber: AU_MOBILE }),
      expected: ['au-not-provided-by-instance'],
    },
    {
      title: 'an unclaimed Australian toll-free number is flagged twice',
      resolve: () => block(instanceIn('AU'), { callerId: { number: '+611800654321' } }),
      expected: ['au-not-provided-by-instance', 'au-toll-free'],
    },
    {
      title: 'a toll-free number declared as a DID is still flagged (numbering plan)',
      resolve: () =>
        block(instanceIn('AU', { claimed: [{ number: AU_TOLL_FREE, type: 'did' }] }), {
          callerId: { number: AU_TOLL_FREE },
        }),
      expected: ['au-toll-free'],
    },
    {
      title: 'an Australian queue without a caller ID number is flagged',
      resolve: () => quickConnect(instanceIn('AU', { originalCallerId: {} }), true),
      expected: ['au-no-number'],
    },
  ])('CID-7: $title', ({ resolve, expected }) => {
    const result = resolve();
    expect(codes(result, 'CID-7')).toEqual(expected);
    expect(result.warnings.find((w) => w.rule === 'CID-7')?.explanation.de).toContain('Australien');
  });

  each([
    {
      title: 'an Australian claimed DID is accepted',
      resolve: () => block(instanceIn('AU'), { callerId: { number: AU_DID } }),
    },
    {
      title: 'the rule applies to Australian instances only (US toll-free)',
      resolve: () => block(instanceIn('US'), { callerId: { number: US_TOLL_FREE } }),
    },
    {
      title: 'the rule applies to Australian instances only (German toll-free)',
      resolve: () => block(instanceIn('DE'), { callerId: { number: DE_TOLL_FREE } }),
    },
  ])('CID-7: $title', ({ resolve }) => {
    expect(codes(resolve(), 'CID-7')).toEqual([]);
  });
});

describe('CID-8', () => {
  each([
    {
      title: 'a UK caller ID in national format is not E.164 and is flagged',
      number: '020 7946 0000',
      code: 'uk-not-e164',
    },
    {
      title: 'a UK caller ID with spaces is not written as E.164 and is flagged',
      number: '+44 20 7946 0000',
      code: 'uk-not-e164',
    },
    { title: 'a UK caller ID that is no valid number is flagged', number: '+441234', code: 'uk-not-e164' },
  ])('CID-8: $title', ({ number, code }) => {
    const result = block(instanceIn('GB'), { callerId: { number } });
    expect(codes(result, 'CID-8')).toEqual([code]);
    expect(result.warnings.find((w) => w.rule === 'CID-8')?.explanation.en).toContain('E.164');
  });

  each([
    {
      title: 'a UK queue without a caller ID number is flagged',
      resolve: () => quickConnect(instanceIn('GB', { originalCallerId: { name: 'Acme' } }), true),
    },
    {
      title: 'a UK pass-through of a withheld caller number is flagged',
      resolve: () => block(instanceIn('GB')),
    },
  ])('CID-8: $title', ({ resolve }) => {
    expect(codes(resolve(), 'CID-8')).toEqual(['uk-no-number']);
  });

  each([
    {
      title: 'a UK claimed number in E.164 passes',
      resolve: () => block(instanceIn('GB'), { callerId: { number: UK_DID } }),
    },
    {
      title: 'a UK pass-through of a valid E.164 caller number passes (CID-6 still warns)',
      resolve: () => block(instanceIn('GB'), { callerNumber: UK_MOBILE }),
    },
    {
      title: 'the rule applies to UK instances only (German national format)',
      resolve: () => block(instanceIn('DE'), { callerId: { number: '030 901820' } }),
    },
  ])('CID-8: $title', ({ resolve }) => {
    expect(codes(resolve(), 'CID-8')).toEqual([]);
  });
});

describe('CID-9', () => {
  each(RESERVED_SIP_CHARACTERS.map((character) => ({ character })))(
    'CID-9: a caller ID name with "$character" is flagged',
    ({ character }) => {
      const name = `Acme${character}Loans`;
      const result = block(instanceIn('US'), { callerId: { number: US_DID, name } });
      expect(result.name).toBe(name);
      expect(result.warnings).toEqual([
        expect.objectContaining({
          rule: 'CID-9',
          code: 'reserved-sip-characters',
          severity: 'warning',
          field: 'transfer.callerId.name',
        }),
      ]);
      expect(result.warnings[0]?.explanation.en).toContain(`"${character}"`);
      expect(result.warnings[0]?.explanation.de).toContain(`„${character}“`);
    },
  );

  it('CID-9: a queue’s outbound caller ID name is checked too', () => {
    const result = numberPad(
      instanceIn('US', { originalCallerId: { number: US_DID, name: 'Sales & Service' } }),
    );
    expect(codes(result, 'CID-9')).toEqual(['reserved-sip-characters']);
    expect(result.warnings[0]?.field).toBe('instance.queues[0].outboundCallerId.name');
  });

  each([{ name: 'Acme Home Loans' }, { name: 'Müller-Lüdenscheidt GmbH' }, { name: 'Acme (Support) #1' }])(
    'CID-9: the clean name "$name" is not flagged',
    ({ name }) => {
      const result = block(instanceIn('US'), { callerId: { number: US_DID, name } });
      expect(codes(result, 'CID-9')).toEqual([]);
      expect(result.explanation.en).toContain('no guarantee that it is displayed correctly');
      expect(result.explanation.de).toContain('keine Garantie, dass er korrekt angezeigt wird');
    },
  );
});

describe('CID-10', () => {
  each([
    {
      title: 'an Australian instance calling Germany without Germany on the allow list fails',
      instance: () => instanceIn('AU', { outboundCountries: ['AU', 'NZ'] }),
      destination: DE_MOBILE,
      country: 'DE',
    },
    {
      title: 'a US instance calling Canada with only the US allowed fails (same +1 code)',
      instance: () => instanceIn('US', { outboundCountries: ['US'] }),
      destination: CA_NUMBER,
      country: 'CA',
    },
    {
      title: 'a German instance calling the UK with only Germany allowed fails',
      instance: () => instanceIn('DE', { outboundCountries: ['DE'] }),
      destination: UK_MOBILE,
      country: 'GB',
    },
  ])('CID-10: $title', ({ instance, destination, country }) => {
    const result = block(instance(), {
      callerId: { number: homeNumber[instance().country as Country] },
      transferVia: destination,
    });
    expect(result.destination).toEqual({ number: destination, country });
    expect(result.warnings).toEqual([
      expect.objectContaining({ rule: 'CID-10', code: 'country-not-allowed', severity: 'failure' }),
    ]);
  });

  it('CID-10: a quick connect to a country that is not allowed fails as well', () => {
    const result = quickConnect(
      instanceIn('US', { outboundCountries: ['US'], quickConnectNumber: UK_MOBILE }),
      true,
    );
    expect(codes(result, 'CID-10')).toEqual(['country-not-allowed']);
    expect(result.warnings.find((w) => w.rule === 'CID-10')?.field).toBe('instance.quickConnects[0].number');
  });

  each([
    {
      title: 'a destination in an allowed country passes (AU)',
      country: 'AU' as const,
      destination: AU_MOBILE,
    },
    { title: 'a destination in an allowed country passes (US)', country: 'US' as const, destination: US_DID },
    {
      title: 'a destination in an allowed country passes (DE)',
      country: 'DE' as const,
      destination: DE_MOBILE,
    },
  ])('CID-10: $title', ({ country, destination }) => {
    const result = block(instanceIn(country, { outboundCountries: [country] }), {
      callerId: { number: homeNumber[country] },
      transferVia: destination,
    });
    expect(codes(result, 'CID-10')).toEqual([]);
  });
});

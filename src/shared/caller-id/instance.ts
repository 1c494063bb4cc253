/**
 * The configuration of an Amazon Connect instance, as far as caller IDs and transfers to
 * external numbers depend on it. Scenarios embed these schemas, so they are exported.
 *
 * Names (of queues, routing profiles, quick connects) are how one part of the configuration
 * refers to another; the instance schema checks that every reference resolves.
 */
import { z } from 'zod';
import { COUNTRY_CODES, isValidInternationalNumber, isWrittenAsE164 } from './phone';

/** An ISO 3166-1 alpha-2 country code, e.g. `AU`, `GB` (the United Kingdom), `DE`, `US`. */
export const CountryCodeSchema = z.enum(COUNTRY_CODES, {
  error: 'expected an ISO 3166-1 alpha-2 country code such as AU, GB, DE or US (the United Kingdom is GB)',
});

/** A phone number written in E.164 form, e.g. `+61291234567`; checked with libphonenumber-js. */
export const E164NumberSchema = z.string().refine(isWrittenAsE164, {
  error: 'expected a valid phone number in E.164 form, e.g. +61291234567',
});

/** A phone number that carries its country code, e.g. `+44 20 7946 0000`; checked with libphonenumber-js. */
export const InternationalNumberSchema = z.string().refine(isValidInternationalNumber, {
  error: 'expected a valid phone number with its country code, e.g. +442079460000',
});

/** A non-empty name that other parts of the configuration refer to. */
const NameSchema = z.string().min(1, { error: 'must not be empty' });

/** The kinds of number an instance can claim; CID-7 tells them apart. */
export const ClaimedNumberTypeSchema = z.enum(['did', 'toll-free']);
/** The kinds of number an instance can claim: direct inward dialing or toll-free. */
export type ClaimedNumberType = z.infer<typeof ClaimedNumberTypeSchema>;

/** A phone number claimed in the instance (CID-6: the numbers that count as Amazon Connect numbers). */
export const ClaimedNumberSchema = z
  .strictObject({
    number: E164NumberSchema,
    type: ClaimedNumberTypeSchema,
  })
  .readonly();
/** A phone number claimed in the instance. */
export type ClaimedNumber = z.infer<typeof ClaimedNumberSchema>;

/**
 * A caller ID as configured somewhere (a queue, a flow block): a number, a name, both or
 * neither. The number is kept as written, so that CID-8 can flag one that is not E.164.
 */
export const CallerIdSettingsSchema = z
  .strictObject({
    number: z.string().min(1, { error: 'must not be empty; leave the field out for no number' }).optional(),
    name: z.string().min(1, { error: 'must not be empty; leave the field out for no name' }).optional(),
  })
  .readonly();
/** A caller ID as configured somewhere: number and name, each optional. */
export type CallerIdSettings = z.infer<typeof CallerIdSettingsSchema>;

/** The "Call phone number" block of an outbound whisper flow, which sets the caller ID (CID-3). */
export const CallPhoneNumberBlockSchema = z
  .strictObject({
    callerIdNumber: z.string().min(1, { error: 'must not be empty' }),
    callerIdName: z.string().min(1, { error: 'must not be empty' }).optional(),
  })
  .readonly();
/** The "Call phone number" block of an outbound whisper flow (CID-3). */
export type CallPhoneNumberBlock = z.infer<typeof CallPhoneNumberBlockSchema>;

/** A custom outbound whisper flow; with a "Call phone number" block it overrides the caller ID (CID-3). */
export const OutboundWhisperFlowSchema = z
  .strictObject({
    name: NameSchema,
    callPhoneNumber: CallPhoneNumberBlockSchema.optional(),
  })
  .readonly();
/** A custom outbound whisper flow (CID-3). */
export type OutboundWhisperFlow = z.infer<typeof OutboundWhisperFlowSchema>;

/** A queue with its outbound caller ID (CID-1, CID-2, CID-4) and optional outbound whisper flow (CID-3). */
export const QueueSchema = z
  .strictObject({
    name: NameSchema,
    outboundCallerId: CallerIdSettingsSchema.optional(),
    outboundWhisperFlow: OutboundWhisperFlowSchema.optional(),
  })
  .readonly();
/** A queue with its outbound caller ID and optional outbound whisper flow. */
export type Queue = z.infer<typeof QueueSchema>;

/** A routing profile and its default outbound queue (CID-2). */
export const RoutingProfileSchema = z
  .strictObject({
    name: NameSchema,
    outboundQueue: NameSchema,
  })
  .readonly();
/** A routing profile and its default outbound queue. */
export type RoutingProfile = z.infer<typeof RoutingProfileSchema>;

/** A quick connect (CCP-2): to a named agent, to a queue, or to an external phone number. */
export const QuickConnectSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('agent'), name: NameSchema, agent: NameSchema }).readonly(),
  z.strictObject({ type: z.literal('queue'), name: NameSchema, queue: NameSchema }).readonly(),
  z
    .strictObject({ type: z.literal('phone-number'), name: NameSchema, number: InternationalNumberSchema })
    .readonly(),
]);
/** A quick connect: agent, queue or phone number (CCP-2). */
export type QuickConnect = z.infer<typeof QuickConnectSchema>;

/** The part of an instance's configuration that decides caller IDs and external transfers. */
export const InstanceConfigSchema = z
  .strictObject({
    /** The country the instance is used in; CID-6 to CID-8 depend on it. */
    country: CountryCodeSchema,
    /** The numbers claimed in the instance. */
    claimedNumbers: z.array(ClaimedNumberSchema).readonly(),
    /** The countries outbound calls may reach (CID-10, the service quota's allow list). */
    outboundCountries: z.array(CountryCodeSchema).readonly(),
    queues: z.array(QueueSchema).readonly().default([]),
    routingProfiles: z.array(RoutingProfileSchema).readonly().default([]),
    quickConnects: z.array(QuickConnectSchema).readonly().default([]),
  })
  .readonly()
  .superRefine((instance, ctx) => {
    const queueNames = new Set(instance.queues.map((q) => q.name));
    const unique = (list: ReadonlyArray<{ readonly name: string }>, field: string): void => {
      const seen = new Set<string>();
      list.forEach((item, index) => {
        if (seen.has(item.name)) {
          ctx.addIssue({
            code: 'custom',
            message: `duplicate name "${item.name}"`,
            path: [field, index, 'name'],
          });
        }
        seen.add(item.name);
      });
    };
    unique(instance.queues, 'queues');
    unique(instance.routingProfiles, 'routingProfiles');
    unique(instance.quickConnects, 'quickConnects');
    instance.routingProfiles.forEach((profile, index) => {
      if (!queueNames.has(profile.outboundQueue)) {
        ctx.addIssue({
          code: 'custom',
          message: `no queue named "${profile.outboundQueue}" in instance.queues`,
          path: ['routingProfiles', index, 'outboundQueue'],
        });
      }
    });
    instance.quickConnects.forEach((quickConnect, index) => {
      if (quickConnect.type === 'queue' && !queueNames.has(quickConnect.queue)) {
        ctx.addIssue({
          code: 'custom',
          message: `no queue named "${quickConnect.queue}" in instance.queues`,
          path: ['quickConnects', index, 'queue'],
        });
      }
    });
    const claimed = new Set<string>();
    instance.claimedNumbers.forEach((entry, index) => {
      if (claimed.has(entry.number)) {
        ctx.addIssue({
          code: 'custom',
          message: `${entry.number} is claimed twice`,
          path: ['claimedNumbers', index, 'number'],
        });
      }
      claimed.add(entry.number);
    });
  });
/** The part of an instance's configuration that decides caller IDs and external transfers. */
export type InstanceConfig = z.infer<typeof InstanceConfigSchema>;

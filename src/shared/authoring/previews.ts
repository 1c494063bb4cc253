/**
 * Previews that catch mistakes before a trainee meets them, from the reference solution's run:
 * the caller ID each external party sees (CID-1 to CID-10), the most participants on the call
 * against the mode's limit (CONF-1), Contact Lens on a conference (CONF-16), and when each
 * scripted step fires.
 */
import {
  type Bilingual,
  type CallerIdResolution,
  parseCallerIdSituation,
  resolveCallerId,
  summariseInputIssues,
  type TransferMethod,
} from '../caller-id';
import { resolveBlockCallerId } from '../caller-id/resolve';
import { type AddVia, type LogEntry, participantLimit } from '../conference';
import type { Finding } from '../scenario/format/findings';
import type { Effect, Scenario } from '../scenario/format/schema';
import { checkContactLens } from '../scenario/validation/capacity';
import { partiesThatJoin } from '../scenario/validation/party-references';
import { type DryRun, dryRun, partyName } from './dry-run';

/** A warning of the caller-ID checks (CID-6 to CID-10) on the number shown. */
export interface CallerIdWarning {
  readonly rule: string;
  readonly severity: string;
  readonly explanation: Bilingual;
}

/** The caller ID one external party sees, or why it cannot be worked out. */
export interface CallerIdPreview {
  /** `add`: an agent added the party in the reference run; `block`: a transfer block of the scenario. */
  readonly source: 'add' | 'block';
  /** The party added (its id and name), or the block's name. */
  readonly party: { readonly id: string; readonly name: string } | null;
  readonly block: string | null;
  /** Seconds into the reference run when the party was added; null for a block. */
  readonly at: number | null;
  /** Who added the party (name), null for a block. */
  readonly by: string | null;
  /** How: the quick connect's name, the number dialled, or the block. */
  readonly method: TransferMethod['method'];
  readonly route: string;
  /** The number (international format when valid) and name shown; null when none. */
  readonly number: string | null;
  readonly name: string | null;
  /** The rule that decided it (CID-1 to CID-5); null when it could not be resolved. */
  readonly rule: string | null;
  /** Why this caller ID, in English and German; null when it could not be resolved. */
  readonly explanation: Bilingual | null;
  readonly warnings: ReadonlyArray<CallerIdWarning>;
  /** Why it could not be resolved (a missing queue, a routing profile...), or null. */
  readonly problem: string | null;
}

/** The most participants against the mode's limit. */
export interface ParticipantsPreview {
  readonly mode: Scenario['call']['mode'];
  /** CONF-1: 3 for three-party, 6 for multiparty. */
  readonly limit: number;
  /** The most participants on the call at once in the reference run; null when it could not be played. */
  readonly peak: number | null;
  /** How many parties join over the scenario (the reference and the script together). */
  readonly joining: number;
}

/** What one effect of a step does, with names rather than ids. */
export type EffectSummary =
  | { readonly kind: 'say'; readonly party: string; readonly text: string }
  | { readonly kind: 'hang-up'; readonly party: string }
  | { readonly kind: 'act'; readonly actor: string; readonly action: string; readonly target: string | null }
  | { readonly kind: 'show-goal'; readonly goal: string }
  | { readonly kind: 'ask'; readonly question: string };

/** One scripted step: when it fired in the reference run (seconds, rounded), or null when it did not. */
export interface StepPreview {
  readonly id: string;
  readonly firedAt: ReadonlyArray<number>;
  readonly effects: ReadonlyArray<EffectSummary>;
  /** The effects in plain English, joined. */
  readonly text: string;
}

/** Every preview of a scenario. */
export interface Previews {
  readonly callerIds: ReadonlyArray<CallerIdPreview>;
  readonly participants: ParticipantsPreview;
  /** CONF-16 findings of the validator: Contact Lens on a call of three or more. */
  readonly contactLens: ReadonlyArray<Finding>;
  readonly steps: ReadonlyArray<StepPreview>;
}

function warningsOf(resolution: CallerIdResolution): CallerIdWarning[] {
  return resolution.warnings.map((w) => ({ rule: w.rule, severity: w.severity, explanation: w.explanation }));
}

function resolved(resolution: CallerIdResolution) {
  return {
    number: resolution.formattedNumber ?? resolution.number,
    name: resolution.name,
    rule: resolution.rule,
    explanation: resolution.explanation,
    warnings: warningsOf(resolution),
    problem: null,
  };
}

const unresolved = (problem: string) => ({
  number: null,
  name: null,
  rule: null,
  explanation: null,
  warnings: [],
  problem,
});

/** The transfer an `add` of an external party made, as the caller-ID resolver takes it. */
function transferOf(scenario: Scenario, entry: LogEntry): { method: TransferMethod; route: string } | null {
  const party = scenario.parties.find((p) => p.id === entry.target);
  if (party === undefined || party.kind !== 'external') return null;
  const instance = scenario.call.instance;
  const via: AddVia | null =
    entry.via ??
    (party.quickConnect !== undefined
      ? { kind: 'quick-connect', name: party.quickConnect }
      : { kind: 'number-pad', number: party.number });
  const queue = scenario.call.queue;
  const activeCall = queue === undefined ? undefined : { queue };
  if (via.kind === 'quick-connect') {
    const quickConnect = instance.quickConnects.find((q) => q.name === via.name);
    if (quickConnect?.type === 'phone-number') {
      const routingProfile = instance.routingProfiles[0]?.name ?? '';
      return {
        method: {
          method: 'external-quick-connect',
          quickConnect: via.name,
          agent: activeCall === undefined ? { routingProfile } : { routingProfile, activeCall },
        },
        route: via.name,
      };
    }
  }
  if (via.kind === 'flow') return null;
  // The number pad, or a quick connect that is not a phone number's: the party's own number is dialled.
  return {
    method: { method: 'number-pad', number: party.number, activeCall: { queue: queue ?? '' } },
    route: via.kind === 'number-pad' ? via.number : party.number,
  };
}

function addPreviews(scenario: Scenario, run: DryRun): CallerIdPreview[] {
  const previews: CallerIdPreview[] = [];
  for (const record of run.log?.records ?? []) {
    if (record.kind !== 'event') continue;
    const { entry } = record;
    if (entry.type !== 'add' || entry.result.status === 'refused' || entry.target === null) continue;
    const transfer = transferOf(scenario, entry);
    if (transfer === null) continue;
    const base = {
      source: 'add' as const,
      party: { id: entry.target, name: partyName(scenario, entry.target) },
      block: null,
      at: Math.round(record.time / 1000),
      by: entry.actor === scenario.call.trainee ? 'trainee' : partyName(scenario, entry.actor),
      method: transfer.method.method,
      route: transfer.route,
    };
    if (scenario.call.queue === undefined && transfer.method.method === 'number-pad') {
      previews.push({
        ...base,
        ...unresolved(
          'the scenario names no queue the call is handled from (call.queue), whose caller ID is shown',
        ),
      });
      continue;
    }
    const parsed = parseCallerIdSituation({ instance: scenario.call.instance, transfer: transfer.method });
    previews.push({
      ...base,
      ...(parsed.ok
        ? resolved(resolveCallerId(parsed.value))
        : unresolved(summariseInputIssues(parsed.issues))),
    });
  }
  return previews;
}

function blockPreviews(scenario: Scenario): CallerIdPreview[] {
  return scenario.call.transferBlocks.map((entry, b) => {
    const base = `call.transferBlocks[${b}]`;
    const resolution = resolveBlockCallerId(
      scenario.call.instance,
      {
        transferVia: entry.block.transferVia,
        callerId: entry.block.callerId,
        callerNumber: entry.caller.number,
      },
      {
        callerIdNumber: `${base}.block.callerId.number`,
        callerIdName: `${base}.block.callerId.name`,
        callerNumber: `${base}.caller.number`,
        transferVia: `${base}.block.transferVia`,
      },
    );
    return {
      source: 'block' as const,
      party: null,
      block: entry.name,
      at: null,
      by: null,
      method: 'transfer-to-phone-number-block' as const,
      route: entry.block.transferVia,
      ...resolved(resolution),
    };
  });
}

/** The most participants on the call at once in a run's log (every leg not disconnected). */
function peakOf(run: DryRun): number | null {
  if (run.log === null) return null;
  let peak = 0;
  for (const record of run.log.records) {
    if (record.kind !== 'event') continue;
    peak = Math.max(peak, record.entry.legs.filter((leg) => leg.state !== 'disconnected').length);
  }
  return peak;
}

/** One effect in words, with names. */
export function summariseEffect(scenario: Scenario, effect: Effect): EffectSummary {
  const name = (id: string) => (id === scenario.call.trainee ? 'trainee' : partyName(scenario, id));
  if ('say' in effect) return { kind: 'say', party: name(effect.say.party), text: effect.say.text };
  if ('hangUp' in effect) return { kind: 'hang-up', party: name(effect.hangUp.party) };
  if ('act' in effect) {
    const { actor, action, target } = effect.act;
    return { kind: 'act', actor: name(actor), action, target: target === undefined ? null : name(target) };
  }
  if ('showGoal' in effect) {
    const goal = scenario.goals.find((g) => g.id === effect.showGoal);
    return { kind: 'show-goal', goal: goal?.text ?? effect.showGoal };
  }
  const question = scenario.questions.find((q) => q.id === effect.ask);
  return { kind: 'ask', question: question?.text ?? effect.ask };
}

function effectText(e: EffectSummary): string {
  switch (e.kind) {
    case 'say':
      return `${e.party} says "${e.text.length > 60 ? `${e.text.slice(0, 57)}...` : e.text}"`;
    case 'hang-up':
      return `${e.party} hangs up`;
    case 'act':
      return `${e.actor}: ${e.action}${e.target === null ? '' : ` ${e.target}`}`;
    case 'show-goal':
      return `goal shown: ${e.goal}`;
    case 'ask':
      return `question asked: ${e.question}`;
  }
}

/** Every preview of a scenario, from its reference run (`dryRun`, given when already played). */
export function previews(scenario: Scenario, run: DryRun = dryRun(scenario)): Previews {
  const peak = peakOf(run);
  const fired = new Map<string, number[]>();
  for (const record of run.log?.records ?? []) {
    if (record.kind === 'step')
      fired.set(record.step, [...(fired.get(record.step) ?? []), Math.round(record.time / 1000)]);
  }
  const steps = scenario.script
    .map((step): StepPreview => {
      const effects = step.effects.map((e) => summariseEffect(scenario, e));
      return {
        id: step.id,
        firedAt: fired.get(step.id) ?? [],
        effects,
        text: effects.map(effectText).join('; '),
      };
    })
    .sort((a, b) => (a.firedAt[0] ?? Number.POSITIVE_INFINITY) - (b.firedAt[0] ?? Number.POSITIVE_INFINITY));
  return {
    callerIds: [...addPreviews(scenario, run), ...blockPreviews(scenario)],
    participants: {
      mode: scenario.call.mode,
      limit: participantLimit(scenario.call.mode),
      peak,
      joining: partiesThatJoin(scenario).size,
    },
    contactLens: checkContactLens(scenario, peak),
    steps,
  };
}

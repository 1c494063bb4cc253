/**
 * The instance's caller IDs and the scenario's "Transfer to phone number" blocks, checked by
 * the caller-ID module's own rules: block configurations (XFER-2, XFER-3, errors) and the
 * caller ID numbers and names external parties are shown (CID-6 to CID-9, warnings; CID-10,
 * a call that fails, as a warning too: a scenario may teach it on purpose).
 */
import {
  type Finding as CallerIdFinding,
  checkCallerIdName,
  checkCallerIdNumber,
  validateTransferBlock,
} from '../../caller-id';
import { type Finding, finding, type PathSegments } from '../format/findings';
import type { Scenario } from '../format/schema';

/** A caller-ID finding at a path inside `base` (its `field` is a dotted path such as `callerId.number`). */
function fromCallerId(f: CallerIdFinding, base: PathSegments): Finding {
  const field = f.field === null ? [] : f.field.split('.');
  return finding(
    f.severity === 'error' ? 'error' : 'warning',
    f.code,
    [...base, ...field],
    f.explanation.en,
    f.rule,
  );
}

/**
 * CID-6 to CID-9 on a configured caller ID (a queue's or a whisper flow's),
 * whose number and name sit at the given paths.
 */
function checkConfigured(
  scenario: Scenario,
  number: string | undefined,
  name: string | undefined,
  paths: { readonly number: PathSegments; readonly name: PathSegments },
): Finding[] {
  const instance = scenario.call.instance;
  const findings: Finding[] = [];
  if (number !== undefined) {
    const found = checkCallerIdNumber(instance, { checked: { kind: 'configured', number }, field: null });
    findings.push(...found.map((f) => fromCallerId(f, paths.number)));
  }
  findings.push(...checkCallerIdName(name ?? null, null).map((f) => fromCallerId(f, paths.name)));
  return findings;
}

/** CID-6 to CID-9 on every caller ID the instance configures: queues and their whisper flows. */
export function checkInstanceCallerIds(scenario: Scenario): ReadonlyArray<Finding> {
  const findings: Finding[] = [];
  scenario.call.instance.queues.forEach((queue, q) => {
    const base: PathSegments = ['call', 'instance', 'queues', q];
    const own = queue.outboundCallerId;
    if (own !== undefined) {
      findings.push(
        ...checkConfigured(scenario, own.number, own.name, {
          number: [...base, 'outboundCallerId', 'number'],
          name: [...base, 'outboundCallerId', 'name'],
        }),
      );
    }
    const block = queue.outboundWhisperFlow?.callPhoneNumber;
    if (block !== undefined) {
      // CID-3: the "Call phone number" block's caller ID is the one shown.
      const at: PathSegments = [...base, 'outboundWhisperFlow', 'callPhoneNumber'];
      findings.push(
        ...checkConfigured(scenario, block.callerIdNumber, block.callerIdName, {
          number: [...at, 'callerIdNumber'],
          name: [...at, 'callerIdName'],
        }),
      );
    }
  });
  return findings;
}

/**
 * Every transfer block: its configuration (XFER-2, XFER-3 errors; XFER-7 and CID-6 to CID-9
 * warnings; CID-10 a warning), and CID-8 on the caller's number a block passes through, which
 * the block's own validation cannot judge because it does not know the caller.
 */
export function checkTransferBlocks(scenario: Scenario): ReadonlyArray<Finding> {
  const instance = scenario.call.instance;
  const findings: Finding[] = [];
  scenario.call.transferBlocks.forEach((entry, b) => {
    const base: PathSegments = ['call', 'transferBlocks', b];
    const validation = validateTransferBlock(entry.block, instance);
    findings.push(...validation.findings.map((f) => fromCallerId(f, [...base, 'block'])));
    if (entry.channel === 'voice' && entry.block.callerId?.number === undefined) {
      const number = entry.caller.number;
      const passed = checkCallerIdNumber(instance, {
        checked: { kind: 'passed-through', number: number ?? null },
        field: null,
      }).filter((f) => f.rule === 'CID-8');
      const at: PathSegments = number === undefined ? [...base, 'caller'] : [...base, 'caller', 'number'];
      findings.push(...passed.map((f) => fromCallerId(f, at)));
    }
  });
  return findings;
}

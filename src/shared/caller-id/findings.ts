/**
 * What the checks report: a finding names the rule it comes from, how serious it is, the
 * field it is about, and explains itself in English and German.
 */

/** The caller-ID rules (RULES.md, section CID). */
export type CallerIdRuleId =
  | 'CID-1'
  | 'CID-2'
  | 'CID-3'
  | 'CID-4'
  | 'CID-5'
  | 'CID-6'
  | 'CID-7'
  | 'CID-8'
  | 'CID-9'
  | 'CID-10';

/** The rules of the "Transfer to phone number" block (RULES.md, section XFER). */
export type TransferRuleId = 'XFER-1' | 'XFER-2' | 'XFER-3' | 'XFER-4' | 'XFER-5' | 'XFER-6' | 'XFER-7';

/** Any rule this module enforces. */
export type RuleId = CallerIdRuleId | TransferRuleId;

/** A text in both languages of the app. */
export interface Bilingual {
  /** English. */
  readonly en: string;
  /** German. */
  readonly de: string;
}

/**
 * How serious a finding is.
 * - `error`: the block's configuration is invalid (XFER-2, XFER-3); the flow editor refuses it.
 * - `failure`: the call fails (CID-10).
 * - `warning`: carriers may block, reroute or reject the call, or show the caller ID wrongly
 *   (CID-6 to CID-9); whether they do is outside the instance's control.
 */
export type FindingSeverity = 'error' | 'failure' | 'warning';

/** The stable code of each kind of finding, for the UI and the scorer to match on. */
export type FindingCode =
  | 'no-number-outside-usa'
  | 'number-not-claimed'
  | 'caller-number-passed-through'
  | 'au-no-number'
  | 'au-not-provided-by-instance'
  | 'au-toll-free'
  | 'uk-no-number'
  | 'uk-not-e164'
  | 'reserved-sip-characters'
  | 'country-not-allowed'
  | 'destination-country-unknown'
  | 'flow-type-not-allowed'
  | 'timeout-out-of-range'
  | 'timeout-not-whole-seconds'
  | 'dtmf-too-long'
  | 'dtmf-invalid-characters'
  | 'transfer-via-invalid'
  | 'caller-id-number-invalid';

/** One thing a check found. */
export interface Finding {
  /** The rule that the finding enforces. */
  readonly rule: RuleId;
  /** What was found, as a stable code. */
  readonly code: FindingCode;
  /** How serious it is. */
  readonly severity: FindingSeverity;
  /** The JSON path of the field it is about (e.g. `callerId.name`), or null for the whole input. */
  readonly field: string | null;
  /** Why, in plain language. */
  readonly explanation: Bilingual;
}

/** Whether any finding means the call fails. */
export function hasFailure(findings: ReadonlyArray<Finding>): boolean {
  return findings.some((finding) => finding.severity === 'failure');
}

/** Whether any finding makes a configuration invalid. */
export function hasError(findings: ReadonlyArray<Finding>): boolean {
  return findings.some((finding) => finding.severity === 'error');
}

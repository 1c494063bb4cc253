/**
 * The validator of a "Transfer to phone number" block's configuration (XFER-2, XFER-3,
 * XFER-7). Errors make the configuration invalid; warnings and failures come from the
 * caller-ID rules the block's settings must follow (CID-6 to CID-10).
 */
import { checkCallerIdName, checkCallerIdNumber, checkDestination } from './compliance';
import { type Finding, hasError } from './findings';
import type { InstanceConfig } from './instance';
import { describeNumber } from './phone';
import {
  DTMF_CHARACTERS,
  DTMF_MAX_LENGTH,
  TRANSFER_BLOCK_FLOW_TYPES,
  TRANSFER_TIMEOUT_RANGE_SECONDS,
  type TransferBlock,
} from './transfer-block';
import {
  explainCallerIdNumberInvalid,
  explainDtmfInvalidCharacters,
  explainDtmfTooLong,
  explainFlowTypeNotAllowed,
  explainTimeoutNotWhole,
  explainTimeoutOutOfRange,
  explainTransferViaInvalid,
} from './xfer-explanations';

/** The verdict on a block's configuration. */
export interface TransferBlockValidation {
  /** True when no finding is an `error`; warnings and failures do not make a block invalid. */
  readonly valid: boolean;
  /** Every finding, with the field (a path inside the block) and the rule. */
  readonly findings: ReadonlyArray<Finding>;
}

/** The characters of a DTMF string that "Send DTMF" does not accept, each once (XFER-3). */
export function invalidDtmfCharacters(dtmf: string): ReadonlyArray<string> {
  const allowed: ReadonlyArray<string> = DTMF_CHARACTERS;
  return [...new Set(Array.from(dtmf).filter((character) => !allowed.includes(character)))];
}

/**
 * Validates a block's configuration in the instance it belongs to.
 *
 * - XFER-2: the flow type must offer the block.
 * - XFER-3: a whole-second timeout from 0 to 600; "Send DTMF" of at most 50 characters from
 *   `0-9 * # ,`; a valid "Transfer via" number with its country code; a caller ID number, when
 *   set, that is a phone number.
 * - XFER-7: the caller ID number and name follow CID-6 to CID-9 (warnings); with no caller ID
 *   number the caller's own number is passed through (CID-5), which outside the USA draws the
 *   CID-6 warning and in Australia the CID-7 one. CID-8 on a passed-through number depends on
 *   the caller, so only the resolver and the simulation can judge it.
 * - CID-10: a destination outside the allow list is a `failure`: the configuration is valid,
 *   but every call through it takes Call failed.
 */
export function validateTransferBlock(
  block: TransferBlock,
  instance: InstanceConfig,
): TransferBlockValidation {
  const findings: Finding[] = [];
  const error = (
    rule: Finding['rule'],
    code: Finding['code'],
    field: string,
    explanation: Finding['explanation'],
  ) => findings.push({ rule, code, severity: 'error', field, explanation });

  if (!TRANSFER_BLOCK_FLOW_TYPES.includes(block.flowType)) {
    error(
      'XFER-2',
      'flow-type-not-allowed',
      'flowType',
      explainFlowTypeNotAllowed(block.flowType, TRANSFER_BLOCK_FLOW_TYPES),
    );
  }

  const { min, max } = TRANSFER_TIMEOUT_RANGE_SECONDS;
  if (!Number.isFinite(block.timeoutSeconds) || block.timeoutSeconds < min || block.timeoutSeconds > max) {
    error('XFER-3', 'timeout-out-of-range', 'timeoutSeconds', explainTimeoutOutOfRange(block.timeoutSeconds));
  } else if (!Number.isInteger(block.timeoutSeconds)) {
    // The seed shows the timeout as whole seconds ("Timeout festlegen = 30 Sekunden"), as the
    // flow editor's field takes it. Judgment call (XFER-3).
    error(
      'XFER-3',
      'timeout-not-whole-seconds',
      'timeoutSeconds',
      explainTimeoutNotWhole(block.timeoutSeconds),
    );
  }

  const dtmf = block.dtmf ?? '';
  const length = Array.from(dtmf).length;
  if (length > DTMF_MAX_LENGTH) error('XFER-3', 'dtmf-too-long', 'dtmf', explainDtmfTooLong(length));
  const invalid = invalidDtmfCharacters(dtmf);
  if (invalid.length > 0)
    error('XFER-3', 'dtmf-invalid-characters', 'dtmf', explainDtmfInvalidCharacters(invalid));

  const transferVia = describeNumber(block.transferVia);
  if (transferVia === null || !transferVia.valid) {
    error('XFER-3', 'transfer-via-invalid', 'transferVia', explainTransferViaInvalid(block.transferVia));
  } else {
    findings.push(...checkDestination(instance, block.transferVia, 'transferVia'));
  }

  const number = block.callerId?.number;
  if (number !== undefined && describeNumber(number, instance.country)?.valid !== true) {
    error('XFER-3', 'caller-id-number-invalid', 'callerId.number', explainCallerIdNumberInvalid(number));
  }
  // XFER-7: the caller ID follows CID-6 to CID-9.
  findings.push(
    ...checkCallerIdNumber(instance, {
      checked: number === undefined ? { kind: 'caller-unknown' } : { kind: 'configured', number },
      field: number === undefined ? 'callerId' : 'callerId.number',
    }),
    ...checkCallerIdName(block.callerId?.name ?? null, 'callerId.name'),
  );

  return { valid: !hasError(findings), findings };
}

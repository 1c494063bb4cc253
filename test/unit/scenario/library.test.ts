/**
 * The bundled scenario library in resources/scenarios: every file parses, validates and names
 * its schema; ids are unique; each reference solution replays with no refused action and shows
 * every goal; together the files cover every rule family and every situation issue 5 asks for;
 * and the German mortgage closing has exactly the structure of the English one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveCallerId } from '../../../src/shared/caller-id';
import type { LogEntry } from '../../../src/shared/conference';
import {
  actionsToInputs,
  answerMatches,
  loadScenario,
  questionAnswer,
  runSession,
  type Scenario,
  ScenarioSchema,
  type SessionOutcome,
} from '../../../src/shared/scenario';

const DIRECTORY = resolve(import.meta.dirname, '../../../resources/scenarios');

interface LibraryFile {
  readonly name: string;
  readonly text: string;
  readonly raw: Record<string, unknown>;
  readonly scenario: Scenario;
}

function readLibrary(): ReadonlyArray<LibraryFile> {
  return readdirSync(DIRECTORY)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const text = readFileSync(resolve(DIRECTORY, name), 'utf8');
      const raw = JSON.parse(text) as Record<string, unknown>;
      const parsed = ScenarioSchema.safeParse(raw);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
        throw new Error(`${name} does not parse:\n${issues.join('\n')}`);
      }
      return { name, text, raw, scenario: parsed.data };
    });
}

const library = readLibrary();
const byId = new Map(library.map((file) => [file.scenario.id, file.scenario]));

function scenario(id: string): Scenario {
  const found = byId.get(id);
  if (found === undefined) throw new Error(`no bundled scenario "${id}"`);
  return found;
}

const replays = new Map<string, SessionOutcome>();

/** The reference solution played with its seed, as the validator and the CLI play it. */
function replayOf(s: Scenario): SessionOutcome {
  const cached = replays.get(s.id);
  if (cached !== undefined) return cached;
  const outcome = runSession(s, s.reference.seed, actionsToInputs(s.reference.actions));
  replays.set(s.id, outcome);
  return outcome;
}

function entriesOf(outcome: SessionOutcome): ReadonlyArray<LogEntry> {
  return outcome.log.records.flatMap((record) => (record.kind === 'event' ? [record.entry] : []));
}

function liveLegs(entry: LogEntry): number {
  return entry.legs.filter((leg) => leg.state !== 'disconnected').length;
}

function legState(entry: LogEntry | undefined, party: string): string | undefined {
  return entry?.legs.find((leg) => leg.party === party)?.state;
}

/**
 * The rules each bundled scenario exercises (RULES.md): what its script, reference solution,
 * questions and rubric make the trainee do, see or answer.
 */
const RULES_EXERCISED: Readonly<Record<string, ReadonlyArray<string>>> = {
  'mortgage-closing': [
    'CONF-1',
    'CONF-2',
    'CONF-3',
    'CONF-5',
    'CONF-6',
    'CONF-10',
    'CONF-14',
    'CONF-17',
    'CONF-18',
    'CCP-3',
    'CCP-7',
  ],
  'mortgage-closing-de': [
    'CONF-1',
    'CONF-2',
    'CONF-3',
    'CONF-5',
    'CONF-6',
    'CONF-10',
    'CONF-14',
    'CONF-17',
    'CONF-18',
    'CCP-3',
    'CCP-7',
  ],
  'warm-transfer-swap': ['CONF-2', 'CONF-3', 'CONF-4', 'CONF-9', 'CONF-12', 'CONF-17', 'CCP-3', 'CCP-7'],
  'cold-or-warm-transfer': ['CONF-2', 'CONF-6', 'CONF-14', 'CONF-17', 'CCP-2', 'CCP-3', 'CCP-7'],
  'caller-id-quiz': ['CID-1', 'CID-2', 'CID-3', 'CID-4', 'CID-5', 'CONF-2', 'CONF-3', 'CONF-17'],
  'caller-hangs-up-agents-continue': ['CONF-2', 'CONF-3', 'CONF-8', 'CONF-10', 'CONF-12', 'CONF-14', 'CCP-4'],
  'only-external-parties-remain': ['CONF-2', 'CONF-3', 'CONF-8', 'CONF-14', 'CONF-17', 'CCP-7'],
  'secondary-agent-three-party': ['CONF-9', 'CONF-11', 'CONF-12', 'CCP-3', 'CCP-5', 'CCP-7', 'CCP-9'],
  'transfer-to-phone-number-block': [
    'XFER-1',
    'XFER-2',
    'XFER-3',
    'XFER-4',
    'XFER-5',
    'XFER-6',
    'XFER-7',
    'CID-5',
    'CID-10',
    'CONF-2',
  ],
  'au-caller-id-rejected': ['CID-1', 'CID-4', 'CID-5', 'CID-6', 'CID-7', 'CCP-3', 'CCP-4', 'CONF-2'],
};

/** The rules issue 5's list of bundled scenarios names, which the library must cover together. */
const REQUIRED_RULES = [
  'CONF-1',
  'CONF-2',
  'CONF-3',
  'CONF-4',
  'CONF-8',
  'CONF-9',
  'CONF-14',
  'CID-1',
  'CID-2',
  'CID-3',
  'CID-4',
  'CID-5',
  'XFER-4',
  'XFER-5',
  'XFER-6',
];

describe('bundled scenario library', () => {
  it('holds at least eight scenarios besides translations', () => {
    const originals = library.filter((file) => file.scenario.translationOf === undefined);
    expect(originals.length).toBeGreaterThanOrEqual(8);
  });

  it('has unique scenario ids', () => {
    const ids = library.map((file) => file.scenario.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(library)('$name starts with its $schema line and is named after its id', (file) => {
    expect(Object.keys(file.raw)[0]).toBe('$schema');
    expect(file.raw.$schema).toBe('../schema/scenario.schema.json');
    const { id, translationOf, language } = file.scenario;
    expect(file.name).toBe(translationOf === undefined ? `${id}.json` : `${translationOf}.${language}.json`);
    expect(language).toBe(translationOf === undefined ? 'en' : 'de');
  });

  it.each(library)('$name validates with no error findings', (file) => {
    const { scenario: loaded, findings } = loadScenario(file.text);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(loaded?.id).toBe(file.scenario.id);
  });

  it.each(library)('$name: the reference solution replays with no refused action', (file) => {
    const outcome = replayOf(file.scenario);
    const refused = entriesOf(outcome)
      .filter((entry) => entry.result.status === 'refused')
      .map((entry) => `${entry.time / 1000} s ${entry.actor} ${entry.type} ${entry.target ?? ''}`);
    expect(refused).toEqual([]);
    expect(outcome.ended).toBe(true);
    const end = outcome.log.records.at(-1);
    expect(end?.kind === 'end' ? end.reason : null).toMatch(/^(trainee-finished|contact-ended)$/);
  });

  it.each(library)('$name: the reference solution shows every goal and answers every question', (file) => {
    const s = file.scenario;
    const records = replayOf(s).log.records;
    const shown = new Set(records.flatMap((r) => (r.kind === 'goal' ? [r.goal] : [])));
    expect([...shown].sort()).toEqual(s.goals.map((goal) => goal.id).sort());
    const asked = new Set(records.flatMap((r) => (r.kind === 'question' ? [r.question] : [])));
    expect([...asked].sort()).toEqual(s.questions.map((question) => question.id).sort());
    for (const question of s.questions) {
      const answer = questionAnswer(s, question);
      expect(answer.ok, question.id).toBe(true);
      const given = records.findLast((r) => r.kind === 'answer' && r.question === question.id);
      expect(given?.kind, `answer to ${question.id}`).toBe('answer');
      if (answer.ok && given?.kind === 'answer') {
        expect(answerMatches(s, question.kind, answer.value, given.value), question.id).toBe(true);
      }
    }
  });

  it.each(library)('$name: the reference solution also works with other seeds', (file) => {
    const s = file.scenario;
    for (const seed of [0, 1, 99, 65_537, 2 ** 32 - 1]) {
      const outcome = runSession(s, seed, actionsToInputs(s.reference.actions));
      const refused = entriesOf(outcome).filter((entry) => entry.result.status === 'refused');
      expect(refused, `seed ${seed}`).toEqual([]);
      const shown = new Set(outcome.log.records.flatMap((r) => (r.kind === 'goal' ? [r.goal] : [])));
      expect(shown.size, `goals shown with seed ${seed}`).toBe(s.goals.length);
    }
  });

  it.each(library)('$name scripts its parties: a seeded answer delay and a hold complaint', (file) => {
    const parties = file.scenario.parties;
    const seeded = parties.some(
      (party) =>
        party.kind !== 'caller' &&
        [party.answer ?? []].flat().some((behaviour) => typeof behaviour.after !== 'number'),
    );
    expect(seeded).toBe(true);
    expect(parties.some((party) => party.holdTolerance?.complaint !== undefined)).toBe(true);
    expect(file.scenario.script.some((step) => step.effects.some((effect) => 'say' in effect))).toBe(true);
  });

  it.each(library)(
    '$name: every rubric criterion names a party, step or question the scenario has',
    (file) => {
      const s = file.scenario;
      const parties = new Set(s.parties.map((party) => party.id));
      const questions = new Set(s.questions.map((question) => question.id));
      for (const criterion of s.rubric.criteria) {
        if ('party' in criterion && criterion.party !== undefined) expect(parties).toContain(criterion.party);
        if ('target' in criterion && criterion.target !== undefined)
          expect(parties).toContain(criterion.target);
        if (criterion.kind === 'answer-correct') expect(questions).toContain(criterion.question);
      }
      for (const question of s.questions) {
        const judged = s.rubric.criteria.some(
          (c) => c.kind === 'answer-correct' && c.question === question.id,
        );
        expect(judged, `question ${question.id} is judged`).toBe(true);
      }
    },
  );
});

describe('rule coverage of the library', () => {
  it('lists the rules of every bundled scenario, and only of bundled ones', () => {
    expect(Object.keys(RULES_EXERCISED).sort()).toEqual(library.map((file) => file.scenario.id).sort());
  });

  it('covers every rule family: CONF, CCP, CID and XFER', () => {
    const families = new Set(
      Object.values(RULES_EXERCISED).flatMap((ids) => ids.map((id) => id.split('-')[0])),
    );
    expect([...families].sort()).toEqual(['CCP', 'CID', 'CONF', 'XFER']);
  });

  it('covers every rule that the list of bundled scenarios names', () => {
    const covered = new Set(Object.values(RULES_EXERCISED).flat());
    expect(REQUIRED_RULES.filter((rule) => !covered.has(rule))).toEqual([]);
  });

  it('covers CID-7 or CID-8 in an Australian or UK instance', () => {
    const local = library.filter((file) => ['AU', 'GB'].includes(file.scenario.call.instance.country));
    const rules = new Set(local.flatMap((file) => RULES_EXERCISED[file.scenario.id] ?? []));
    expect(rules.has('CID-7') || rules.has('CID-8')).toBe(true);
  });
});

describe('the library covers the situations of issue 5', () => {
  it('the mortgage closing: multiparty, six participants, each consulted before joining, handed over to broker and manager', () => {
    const s = scenario('mortgage-closing');
    expect(s.call.mode).toBe('multiparty');
    expect(s.call.traineeRole).toBe('primary');
    expect(s.parties.map((party) => party.id).sort()).toEqual(
      ['broker', 'customer', 'manager', 'spouse', 'trainee', 'translator'].sort(),
    );
    const actions = s.reference.actions.flatMap((a) => ('action' in a ? [a.action] : []));
    expect(actions.filter((a) => a === 'add')).toHaveLength(4);
    // Each add is followed by a join before the next add.
    expect(actions.join(' ')).toMatch(/^accept( add join){4} disconnect leave clear$/);
    const entries = entriesOf(replayOf(s));
    expect(Math.max(...entries.map(liveLegs))).toBe(6);
    const leave = entries.find((e) => e.actor === 'trainee' && e.type === 'leave');
    for (const party of ['customer', 'broker', 'manager']) expect(legState(leave, party)).toBe('connected');
    for (const party of ['trainee', 'spouse', 'translator'])
      expect(legState(leave, party)).toBe('disconnected');
    expect(leave?.phase).toBe('connected');
  });

  it('a three-party warm transfer with swap, then leaving', () => {
    const s = scenario('warm-transfer-swap');
    expect(s.call.mode).toBe('three-party');
    const entries = entriesOf(replayOf(s));
    const swaps = entries.filter((e) => e.actor === 'trainee' && e.type === 'swap');
    expect(swaps.length).toBeGreaterThanOrEqual(2);
    const leave = entries.find((e) => e.actor === 'trainee' && e.type === 'leave');
    expect(legState(leave, 'caller')).toBe('connected');
    expect(legState(leave, 'specialist')).toBe('connected');
  });

  it('a cold versus warm transfer decision: a warm destination on offer, the cold one taken', () => {
    const s = scenario('cold-or-warm-transfer');
    expect(s.tags).toEqual(expect.arrayContaining(['cold-transfer', 'warm-transfer']));
    const added = s.reference.actions.flatMap((a) => ('action' in a && a.action === 'add' ? [a.target] : []));
    const untouched = s.parties.filter(
      (p) => p.kind === 'agent' && p.id !== s.call.trainee && !added.includes(p.id),
    );
    expect(untouched.length).toBeGreaterThanOrEqual(1);
    expect(s.reference.actions.some((a) => 'action' in a && a.action === 'join')).toBe(false);
    expect(
      s.rubric.criteria.some((c) => c.kind === 'action-used' && c.action === 'join' && c.atMost === 0),
    ).toBe(true);
  });

  it('a caller-ID quiz whose answers are decided by CID-1 to CID-5', () => {
    const s = scenario('caller-id-quiz');
    const rules = new Set(
      s.questions.flatMap((q) =>
        q.kind === 'caller-id'
          ? [resolveCallerId({ instance: s.call.instance, transfer: q.transfer }).rule]
          : [],
      ),
    );
    expect([...rules].sort()).toEqual(['CID-1', 'CID-2', 'CID-3', 'CID-4', 'CID-5']);
  });

  it('the caller hangs up mid-conference and the agents add a participant and go on (CONF-8)', () => {
    const s = scenario('caller-hangs-up-agents-continue');
    expect(s.call.mode).toBe('multiparty');
    const entries = entriesOf(replayOf(s));
    const hangUp = entries.findIndex((e) => e.actor === 'caller' && e.type === 'hang-up');
    expect(hangUp).toBeGreaterThanOrEqual(0);
    const later = entries.slice(hangUp + 1);
    expect(
      later.some((e) => e.actor === 'trainee' && e.type === 'add' && e.result.status === 'accepted'),
    ).toBe(true);
    const leave = later.find((e) => e.actor === 'trainee' && e.type === 'leave');
    expect(leave?.phase).toBe('connected');
  });

  it('the call ends when only external parties remain (CONF-14)', () => {
    const s = scenario('only-external-parties-remain');
    const entries = entriesOf(replayOf(s));
    const leaveIndex = entries.findIndex((e) => e.actor === 'trainee' && e.type === 'leave');
    const before = entries[leaveIndex - 1];
    const kindOf = (party: string) => s.parties.find((p) => p.id === party)?.kind;
    const remaining =
      before?.legs.filter((leg) => leg.state !== 'disconnected' && leg.party !== 'trainee') ?? [];
    expect(remaining.length).toBeGreaterThanOrEqual(1);
    expect(remaining.every((leg) => kindOf(leg.party) === 'external')).toBe(true);
    expect(entries[leaveIndex]?.phase).toMatch(/^(ended|cleared)$/);
  });

  it('the trainee as a secondary agent in three-party mode (CONF-9)', () => {
    const s = scenario('secondary-agent-three-party');
    expect(s.call.mode).toBe('three-party');
    expect(s.call.traineeRole).toBe('secondary');
    expect(s.call.primaryAgent).not.toBe(s.call.trainee);
    const entries = entriesOf(replayOf(s));
    const primary = s.call.primaryAgent;
    expect(entries.some((e) => e.actor === primary && e.type === 'add' && e.target === 'trainee')).toBe(true);
    expect(entries.some((e) => e.actor === primary && e.type === 'hold' && e.target === 'trainee')).toBe(
      true,
    );
    const leave = entries.findIndex((e) => e.actor === primary && e.type === 'leave');
    const disconnect = entries.findIndex((e) => e.actor === 'trainee' && e.type === 'disconnect');
    expect(leave).toBeGreaterThanOrEqual(0);
    expect(disconnect).toBeGreaterThan(leave);
  });

  it('a Transfer-to-phone-number block with DTMF, timeout and resume (XFER)', () => {
    const s = scenario('transfer-to-phone-number-block');
    const branches = new Set(
      s.questions.flatMap((q) => {
        const answer = q.kind === 'transfer-branch' ? questionAnswer(s, q) : null;
        return answer?.ok ? [answer.value] : [];
      }),
    );
    expect([...branches].sort()).toEqual(['call-failed', 'error', 'success', 'timeout']);
    expect(s.call.transferBlocks.some((b) => b.block.dtmf !== undefined && b.block.dtmf.length > 0)).toBe(
      true,
    );
    expect(s.call.transferBlocks.some((b) => b.block.resumeFlowAfterDisconnect)).toBe(true);
    expect(s.reference.actions.some((a) => 'action' in a && a.action === 'send-dtmf')).toBe(true);
  });

  it('an Australian or UK instance where the caller-ID rules bite (CID-7/CID-8)', () => {
    const s = scenario('au-caller-id-rejected');
    expect(['AU', 'GB']).toContain(s.call.instance.country);
    const file = library.find((f) => f.scenario.id === s.id);
    const rules = loadScenario(file?.text ?? '').findings.map((f) => f.rule);
    expect(rules.some((rule) => rule === 'CID-7' || rule === 'CID-8')).toBe(true);
    // The dial the rule blocks fails, and the trainee does not dial it again.
    const entries = entriesOf(replayOf(s));
    expect(entries.filter((e) => e.type === 'fail')).toHaveLength(1);
  });
});

describe('the German mortgage closing', () => {
  const en = scenario('mortgage-closing');
  const de = scenario('mortgage-closing-de');

  /** A value with every text a translation changes left out. */
  function structure(s: Scenario): unknown {
    return {
      call: s.call,
      parties: s.parties.map(({ name: _name, role: _role, holdTolerance, ...rest }) => ({
        ...rest,
        holdTolerance: holdTolerance === undefined ? undefined : { ...holdTolerance, complaint: undefined },
      })),
      script: s.script.map((step) => ({
        ...step,
        effects: step.effects.map((effect) =>
          'say' in effect ? { say: { ...effect.say, text: undefined } } : effect,
        ),
      })),
      goals: s.goals.map((goal) => goal.id),
      questions: s.questions.map((question) => question.id),
      rubric: {
        passMark: s.rubric.passMark,
        criteria: s.rubric.criteria.map(({ title: _title, feedback: _feedback, ...rest }) => rest),
      },
      reference: s.reference,
      endAfter: s.endAfter,
      difficulty: s.difficulty,
      estimatedMinutes: s.estimatedMinutes,
    };
  }

  it('is a German translation of the English one', () => {
    expect(de.language).toBe('de');
    expect(de.translationOf).toBe('mortgage-closing');
    expect(en.translationOf).toBeUndefined();
    expect(de.version).toBe(en.version);
  });

  it('has the same party ids, step ids, goal ids, criterion ids and reference actions', () => {
    expect(de.parties.map((p) => p.id)).toEqual(en.parties.map((p) => p.id));
    expect(de.script.map((s) => s.id)).toEqual(en.script.map((s) => s.id));
    expect(de.goals.map((g) => g.id)).toEqual(en.goals.map((g) => g.id));
    expect(de.rubric.criteria.map((c) => c.id)).toEqual(en.rubric.criteria.map((c) => c.id));
    expect(de.reference).toEqual(en.reference);
  });

  it('differs from the English one only in its texts', () => {
    expect(structure(de)).toEqual(structure(en));
  });

  it('translates the title, the briefing, the goals and the feedback', () => {
    expect(de.title).not.toBe(en.title);
    expect(de.briefing).not.toBe(en.briefing);
    de.goals.forEach((goal, g) => {
      expect(goal.text).not.toBe(en.goals[g]?.text);
    });
    de.rubric.criteria.forEach((criterion, c) => {
      expect(criterion.title).not.toBe(en.rubric.criteria[c]?.title);
      expect(criterion.feedback.met).not.toBe(en.rubric.criteria[c]?.feedback.met);
      expect(criterion.feedback.notMet).not.toBe(en.rubric.criteria[c]?.feedback.notMet);
    });
  });

  it('plays exactly like the English one, apart from the words spoken', () => {
    const strip = (outcome: SessionOutcome) =>
      outcome.log.records.map((record) => (record.kind === 'line' ? { ...record, text: '' } : record));
    expect(strip(replayOf(de))).toEqual(strip(replayOf(en)));
  });
});

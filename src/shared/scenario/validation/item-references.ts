/**
 * The script's, the rubric's and the reference solution's references to steps, goals, questions
 * and transfer blocks; and the actions they name, which must be actions of an agent with what
 * those actions need (a target, digits).
 */
import { describeNumber } from '../../caller-id/phone';
import { agentActionNames } from '../../conference';
import { type Finding, finding, type PathSegments, quote } from '../format/findings';
import type { Scenario } from '../format/schema';

/** Actions the trainee or a scripted agent takes; the other event types are the called parties'. */
const AGENT_ACTIONS: ReadonlySet<string> = new Set<string>(agentActionNames);

/** The actions that act on another party and so need a `target`. */
const TARGETED_ACTIONS: ReadonlySet<string> = new Set([
  'add',
  'hold',
  'resume',
  'mute',
  'unmute',
  'disconnect',
]);

/**
 * Steps, goals, questions and blocks that are named resolve; goals are shown and questions asked
 * by some step; the reference solution's actions are trainee actions with what they need.
 */
export function checkItemReferences(scenario: Scenario): ReadonlyArray<Finding> {
  const findings: Finding[] = [];
  const steps = new Set(scenario.script.map((s) => s.id));
  const goals = new Set(scenario.goals.map((g) => g.id));
  const questions = new Set(scenario.questions.map((q) => q.id));
  const blocks = new Set(scenario.call.transferBlocks.map((b) => b.name));
  const shown = new Set<string>();
  const asked = new Set<string>();
  scenario.script.forEach((step, s) => {
    if ('afterStep' in step.trigger && !steps.has(step.trigger.afterStep)) {
      findings.push(
        finding(
          'error',
          'unknown-step',
          ['script', s, 'trigger', 'afterStep'],
          `no step with id ${quote(step.trigger.afterStep)} in $.script`,
        ),
      );
    }
    step.effects.forEach((effect, e) => {
      const path: PathSegments = ['script', s, 'effects', e];
      if ('showGoal' in effect) {
        shown.add(effect.showGoal);
        if (!goals.has(effect.showGoal))
          findings.push(
            finding(
              'error',
              'unknown-goal',
              [...path, 'showGoal'],
              `no goal with id ${quote(effect.showGoal)} in $.goals`,
            ),
          );
      }
      if ('ask' in effect) {
        asked.add(effect.ask);
        if (!questions.has(effect.ask))
          findings.push(
            finding(
              'error',
              'unknown-question',
              [...path, 'ask'],
              `no question with id ${quote(effect.ask)} in $.questions`,
            ),
          );
      }
      if ('act' in effect && !AGENT_ACTIONS.has(effect.act.action)) {
        findings.push(
          finding(
            'error',
            'not-an-agent-action',
            [...path, 'act', 'action'],
            `${quote(effect.act.action)} is an event of the called party, not an action an agent takes`,
          ),
        );
      }
      if ('act' in effect && TARGETED_ACTIONS.has(effect.act.action) && effect.act.target === undefined) {
        findings.push(
          finding(
            'error',
            'missing-target',
            [...path, 'act'],
            `${quote(effect.act.action)} needs a target party`,
          ),
        );
      }
      if ('act' in effect && effect.act.action === 'send-dtmf' && effect.act.digits === undefined) {
        findings.push(
          finding('error', 'missing-digits', [...path, 'act'], '"send-dtmf" needs the digits to send'),
        );
      }
    });
  });
  scenario.goals.forEach((goal, g) => {
    if (!shown.has(goal.id))
      findings.push(
        finding('warning', 'goal-never-shown', ['goals', g], `no step shows goal ${quote(goal.id)}`),
      );
  });
  scenario.questions.forEach((question, q) => {
    if (!asked.has(question.id))
      findings.push(
        finding(
          'warning',
          'question-never-asked',
          ['questions', q],
          `no step asks question ${quote(question.id)}`,
        ),
      );
    if (question.kind === 'transfer-branch' && !blocks.has(question.block)) {
      findings.push(
        finding(
          'error',
          'unknown-transfer-block',
          ['questions', q, 'block'],
          `no transfer block named ${quote(question.block)} in $.call.transferBlocks`,
        ),
      );
    }
  });
  scenario.rubric.criteria.forEach((criterion, c) => {
    if (criterion.kind === 'answer-correct' && !questions.has(criterion.question)) {
      findings.push(
        finding(
          'error',
          'unknown-question',
          ['rubric', 'criteria', c, 'question'],
          `no question with id ${quote(criterion.question)} in $.questions`,
        ),
      );
    }
  });
  findings.push(...checkReferenceActions(scenario, questions));
  return findings;
}

function checkReferenceActions(scenario: Scenario, questions: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  // CCP-11: the number pad reads a number in the instance's country, as the engine does.
  const country = scenario.call.instance.country;
  const e164 = (text: string) => describeNumber(text, country)?.e164 ?? text;
  const externals = scenario.parties.flatMap((p) => (p.kind === 'external' ? [e164(p.number)] : []));
  let latest = 0;
  scenario.reference.actions.forEach((action, a) => {
    const path: PathSegments = ['reference', 'actions', a];
    if (action.at < latest) {
      findings.push(
        finding(
          'info',
          'reference-not-in-order',
          [...path, 'at'],
          `listed after an action at ${latest} s; actions are played in time order, so this one is played earlier than listed`,
        ),
      );
    }
    latest = Math.max(latest, action.at);
    if ('answer' in action) {
      if (!questions.has(action.answer.question)) {
        findings.push(
          finding(
            'error',
            'unknown-question',
            [...path, 'answer', 'question'],
            `no question with id ${quote(action.answer.question)} in $.questions`,
          ),
        );
      }
      return;
    }
    if (!AGENT_ACTIONS.has(action.action)) {
      findings.push(
        finding(
          'error',
          'not-a-trainee-action',
          [...path, 'action'],
          `${quote(action.action)} is an event of the called party, not an action the trainee takes`,
        ),
      );
    }
    // CCP-11: a number-pad dial needs no target; the number decides whom it reaches.
    const dialsNumber = action.via !== undefined && 'numberPad' in action.via;
    if (TARGETED_ACTIONS.has(action.action) && action.target === undefined && !dialsNumber) {
      findings.push(finding('error', 'missing-target', path, `${quote(action.action)} needs a target party`));
    }
    if (action.action === 'send-dtmf' && action.digits === undefined) {
      findings.push(finding('error', 'missing-digits', path, '"send-dtmf" needs the digits to send'));
    }
    if (
      action.via !== undefined &&
      'numberPad' in action.via &&
      !externals.includes(e164(action.via.numberPad))
    ) {
      findings.push(
        finding(
          'warning',
          'number-pad-unknown-number',
          [...path, 'via', 'numberPad'],
          `${action.via.numberPad} is the number of no external party; the call will reach no one (CONF-2)`,
          'CONF-2',
        ),
      );
    }
  });
  return findings;
}

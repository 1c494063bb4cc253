import { readFileSync } from 'node:fs';
import { keyIdOf } from '@shared/scoring/signature';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { keyFileOf } from '../../../src/main/signing/keys';
import { AssessmentResults } from '../../../src/renderer/src/results/AssessmentResults';
import { ResultsView } from '../../../src/renderer/src/results/ResultsView';
import { bundledScenario, gradedAssessment, MORTGAGE_MISTAKES } from '../../support/assessments';
import { renderView } from '../render-view';

const mortgage = bundledScenario('mortgage-closing');
const reference = gradedAssessment(mortgage);
const mistakes = gradedAssessment(mortgage, { actions: MORTGAGE_MISTAKES });

function criterionItem(title: string): HTMLElement {
  return screen.getByRole('listitem', { name: title });
}

describe('the results screen of a stored assessment', () => {
  it('shows the score, pass or fail, mode, trainee, scenario, version, time taken and that main verified it', async () => {
    await renderView(<ResultsView attemptId={mistakes.attemptId} />, { stored: [mistakes] });
    await screen.findByRole('heading', { level: 1, name: `Results: ${mortgage.title}` }, { timeout: 5000 });
    expect(screen.getByTestId('results-score').textContent).toBe(
      `${mistakes.result.raw} of ${mistakes.result.max} points`,
    );
    expect(screen.getByText('Not passed')).toBeTruthy();
    expect(screen.getByText(`${Math.round(mistakes.result.scaled * 100)} % (pass mark 75 %)`)).toBeTruthy();
    expect(screen.getByText('Assessment')).toBeTruthy();
    expect(screen.getByText('Alex Example')).toBeTruthy();
    expect(screen.getByText(`mortgage-closing, version ${mortgage.version}`)).toBeTruthy();
    expect(screen.getByText('3 min 38 s')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('results-check').dataset.status).toBe('verified'));
  });

  it('says consistent, signed by this installation and trusted, each on its own', async () => {
    const { services } = await renderView(<ResultsView attemptId={mistakes.attemptId} />, {
      stored: [mistakes],
    });
    await screen.findByRole('heading', { level: 1, name: `Results: ${mortgage.title}` }, { timeout: 5000 });
    const own = JSON.parse(readFileSync(keyFileOf(services.deps.dataFolder), 'utf8')) as {
      publicKey: string;
    };
    await waitFor(() => expect(screen.getByTestId('results-trusted').textContent).toBe('yes'));
    expect(screen.getByTestId('results-check').textContent).toBe(
      'Yes: re-graded from its log with the same result',
    );
    expect(screen.getByTestId('results-signer').textContent).toBe(
      `this installation (${keyIdOf(own.publicKey)})`,
    );
  });

  it.each([
    ['the reference run', reference],
    ['a run with mistakes', mistakes],
  ])(
    'lists every criterion of %s as met or not met with its points and feedback',
    async (_name, assessment) => {
      await renderView(<ResultsView attemptId={assessment.attemptId} />, { stored: [assessment] });
      await screen.findByRole('heading', { level: 2, name: 'Criteria' }, { timeout: 5000 });
      for (const criterion of assessment.result.criteria) {
        const item = criterionItem(criterion.title);
        expect(within(item).getByText(criterion.met ? 'met' : 'not met')).toBeTruthy();
        expect(within(item).getByText(`${criterion.points} of ${criterion.weight} points`)).toBeTruthy();
        expect(within(item).getByText(criterion.feedback)).toBeTruthy();
      }
    },
  );

  it('covers each criterion kind of the mortgage closing both met and not met across the two runs', () => {
    const kinds = (met: boolean) =>
      new Set(
        [...reference.result.criteria, ...mistakes.result.criteria]
          .filter((c) => c.met === met)
          .map((c) => c.kind),
      );
    for (const kind of ['consulted-before-join', 'action-used', 'order', 'final-state']) {
      expect(kinds(true).has(kind) && kinds(false).has(kind)).toBe(true);
    }
  });

  it('links each piece of evidence into the replay at its time and shows the call at that instant', async () => {
    await renderView(<ResultsView attemptId={mistakes.attemptId} />, { stored: [mistakes] });
    await screen.findByRole('heading', { level: 2, name: 'Criteria' }, { timeout: 5000 });
    const item = criterionItem('Briefed the interpreter before joining');
    const link = within(item).getByRole('link', { name: /Show 1:53 in the replay: joined after 3\.4 s/ });
    expect(link.getAttribute('href')).toBe(`#/replay/${mistakes.attemptId}?at=113000`);
    fireEvent.click(link);
    const slider = screen.getByRole('slider', { name: 'Replay position' });
    expect(slider.getAttribute('aria-valuenow')).toBe('113000');
    const legs = screen.getByRole('list', { name: 'Connections' });
    expect(within(legs).getByText('Ana Ribeiro: connected')).toBeTruthy();
    expect(within(legs).getByText('Sofia Marin: connected')).toBeTruthy();
  });

  it('lists the refused join with its reason and rule (CCP-4)', async () => {
    await renderView(<ResultsView attemptId={mistakes.attemptId} />, { stored: [mistakes] });
    const section = (
      await screen.findByRole('heading', { name: 'Actions the rules refused' }, { timeout: 5000 })
    ).parentElement;
    expect(section?.textContent).toContain('0:21: join: there is no third party to do this with (CCP-4)');
  });

  it('shows in German the verdicts and the facts', async () => {
    await renderView(<ResultsView attemptId={mistakes.attemptId} />, { stored: [mistakes], language: 'de' });
    await screen.findByRole('heading', { level: 1, name: `Ergebnis: ${mortgage.title}` });
    expect(screen.getByText('Nicht bestanden')).toBeTruthy();
    expect(screen.getAllByText('nicht erfüllt').length).toBe(
      mistakes.result.criteria.filter((c) => !c.met).length,
    );
  });
});

describe('the questions of a quiz', () => {
  const quiz = bundledScenario('caller-id-quiz');
  const actions = quiz.reference.actions.map((action) =>
    'answer' in action && action.answer.question === 'number-pad'
      ? { ...action, answer: { question: 'number-pad', value: '+15555550100' } }
      : action,
  );
  const answered = gradedAssessment(quiz, { actions });

  it('shows the trainee answer, the right one and the caller-ID rule that decides it (answer-correct met and not met)', async () => {
    await renderView(<ResultsView attemptId={answered.attemptId} />, { stored: [answered] });
    const heading = await screen.findByRole('heading', { name: 'Questions' }, { timeout: 5000 });
    const list = heading.parentElement?.querySelector('ol') as HTMLElement;
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(answered.answers.length);
    const wrong = answered.answers.findIndex((answer) => answer.question === 'number-pad');
    const item = items[wrong] as HTMLElement;
    expect(within(item).getByText('wrong')).toBeTruthy();
    expect(item.textContent).toContain('+15555550100');
    expect(item.textContent).toContain(answered.answers[wrong]?.correctAnswer);
    expect(item.textContent).toMatch(/Decided by CID-4/);
    const right = items.find((candidate) => within(candidate).queryByText('correct') !== null);
    expect(right).toBeDefined();
    const kinds = answered.result.criteria.filter((c) => c.kind === 'answer-correct').map((c) => c.met);
    expect(kinds).toContain(true);
    expect(kinds).toContain(false);
  });
});

describe('a result from a later format', () => {
  it('shows a criterion the result marks not reached, and a required one', async () => {
    const [first, ...rest] = mistakes.result.criteria;
    const later = {
      ...mistakes,
      result: {
        ...mistakes.result,
        criteria: [{ ...first, met: false, points: 0, status: 'not-reached', required: true }, ...rest],
      },
    } as typeof mistakes;
    await renderView(<AssessmentResults assessment={later} check={null} scenario={mortgage} />);
    const item = criterionItem(first?.title ?? '');
    expect(within(item).getByText('not reached')).toBeTruthy();
    expect(within(item).getByText('required')).toBeTruthy();
    expect(screen.getByTestId('results-check').textContent).toBe('Not checked');
  });
});

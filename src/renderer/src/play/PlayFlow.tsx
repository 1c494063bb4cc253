import type { AssessmentSummary } from '@shared/ipc';
import { type ResumedDirector, resumeDirector, type Scenario } from '@shared/scenario';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api';
import { type CuePlayer, createCuePlayer } from '../audio';
import { loadClip } from '../audio/load-clip';
import { ConsoleView } from '../console/ConsoleView';
import { SessionSummary } from '../console/SessionSummary';
import { DesktopView } from '../desktop/DesktopView';
import { BriefingView, type StartChoice } from '../picker/BriefingView';
import { PickerView } from '../picker/PickerView';
import { PlaySession } from '../session/play-session';
import { ResumeFailure, takeResumeRequests } from '../session/resume-requests';
import { useAsync } from '../useAsync';

type Stage =
  | { readonly stage: 'pick' }
  | { readonly stage: 'brief'; readonly scenarioId: string }
  | { readonly stage: 'play'; readonly session: PlaySession; readonly choice: StartChoice }
  | {
      readonly stage: 'done';
      readonly summary: AssessmentSummary;
      readonly scenarioId: string;
      readonly choice: StartChoice;
    };

/** Where to read an assessment's details, once the results screen exists; null hides the link. */
export type DetailsLink = (attemptId: string) => string | null;

/** The trainee's path through the app: pick a scenario, read its briefing, play it, see the score. */
export function PlayFlow(props: { readonly detailsLink?: DetailsLink }) {
  const { t } = useTranslation('recovery');
  const [stage, setStage] = useState<Stage>({ stage: 'pick' });
  const player = useRef<CuePlayer | null>(null);
  useEffect(() => () => player.current?.dispose(), []);
  const playerOf = (): CuePlayer | null => {
    if (player.current === null) {
      try {
        player.current = createCuePlayer({ loadClip });
      } catch {
        player.current = null; // no audio in this environment: captions only
      }
    }
    return player.current;
  };

  const play = (
    scenario: Scenario,
    choice: StartChoice,
    started: { readonly attemptId: string; readonly seed: number },
    resume?: ResumedDirector,
  ): void => {
    const session = new PlaySession({
      scenario,
      attemptId: started.attemptId,
      seed: started.seed,
      mode: choice.mode,
      player: playerOf(),
      ...(resume === undefined ? {} : { resume }),
      journal: {
        append: async (attemptId, records) => {
          await callApi('session:append', { attemptId, records: [...records] });
        },
        finish: (attemptId) => callApi('session:finish', { attemptId }),
      },
    });
    session.subscribe(() => {
      const { journal } = session.getSnapshot();
      if (journal.state === 'finished') {
        session.dispose();
        setStage({ stage: 'done', summary: journal.summary, scenarioId: scenario.id, choice });
      }
    });
    setStage({ stage: 'play', session, choice });
  };

  const begin = async (scenario: Scenario, choice: StartChoice): Promise<void> => {
    const started = await callApi('session:begin', {
      scenarioId: scenario.id,
      mode: choice.mode,
      trainee: { name: choice.trainee },
    });
    play(scenario, choice, started);
  };

  // The recovery banner's "Resume": the attempt goes on at the console, in its own journal.
  const stageRef = useRef(stage);
  stageRef.current = stage;
  const resumeRef = useRef<(attemptId: string) => Promise<void>>(async () => undefined);
  resumeRef.current = async (attemptId) => {
    if (stageRef.current.stage === 'play') throw new Error(t('resumeWhilePlaying'));
    const resumed = await callApi('session:resume', { attemptId });
    let rebuilt: ResumedDirector;
    try {
      rebuilt = resumeDirector(resumed.scenario, resumed.seed, resumed.records);
    } catch (error) {
      // Main holds the journal open now: it can only be finished (closed as stopped) from here.
      throw new ResumeFailure(error instanceof Error ? error.message : String(error), true);
    }
    play(resumed.scenario, { mode: resumed.mode, trainee: resumed.trainee.name }, resumed, rebuilt);
  };
  useEffect(() => takeResumeRequests((attemptId) => resumeRef.current(attemptId)), []);

  switch (stage.stage) {
    case 'pick':
      return <PickerView onOpen={(scenarioId) => setStage({ stage: 'brief', scenarioId })} />;
    case 'brief':
      return (
        <Briefing
          key={stage.scenarioId}
          scenarioId={stage.scenarioId}
          onBack={() => setStage({ stage: 'pick' })}
          onBegin={begin}
        />
      );
    case 'play':
      if (stage.choice.surface === 'desktop') {
        return (
          <DesktopView
            key={stage.session.attemptId}
            session={stage.session}
            onRestart={() => {
              const { session, choice } = stage;
              void session.stop().then(() => begin(session.scenario, choice));
            }}
          />
        );
      }
      return (
        <ConsoleView
          key={stage.session.attemptId}
          session={stage.session}
          onRestart={() => {
            const { session, choice } = stage;
            void session.stop().then(() => begin(session.scenario, choice));
          }}
        />
      );
    case 'done':
      return (
        <SessionSummary
          summary={stage.summary}
          detailsHref={props.detailsLink?.(stage.summary.attemptId) ?? null}
          onAgain={() => setStage({ stage: 'brief', scenarioId: stage.scenarioId })}
          onBack={() => setStage({ stage: 'pick' })}
        />
      );
  }
}

function Briefing(props: {
  readonly scenarioId: string;
  readonly onBack: () => void;
  readonly onBegin: (scenario: Scenario, choice: StartChoice) => Promise<void>;
}) {
  const scenario = useAsync(() => callApi('scenarios:get', { id: props.scenarioId }));
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (scenario.status === 'loading') return <p aria-busy="true">…</p>;
  if (scenario.status === 'failed') return <p role="alert">{scenario.message}</p>;
  return (
    <BriefingView
      scenario={scenario.value}
      starting={starting}
      error={error}
      onBack={props.onBack}
      onStart={(choice) => {
        setStarting(true);
        setError(null);
        props.onBegin(scenario.value, choice).catch((cause: unknown) => {
          setStarting(false);
          setError(cause instanceof Error ? cause.message : String(cause));
        });
      }}
    />
  );
}

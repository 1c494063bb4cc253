import { type KeyboardEvent, useEffect, useMemo, useState } from 'react';
import './replay.css';
import { useTranslation } from 'react-i18next';
import { EventTable } from './EventTable';
import { formatClock } from './format';
import { InstantPanel } from './InstantPanel';
import { instantAt, type ReplayModel, stopTimes } from './model';
import { PlaybackCaptions, PlaybackControls, useReplayPlayback } from './PlaybackControls';
import { type Domain, TimelineSvg } from './TimelineSvg';

const PAGE_MS = 10_000;
const MIN_SPAN_MS = 5_000;

/** The domain after zooming `domain` by `factor` around `centre`, kept inside the call. */
export function zoomDomain(domain: Domain, factor: number, centre: number, end: number): Domain {
  const span = Math.min(end, Math.max(MIN_SPAN_MS, (domain.to - domain.from) * factor));
  let from = centre - span / 2;
  from = Math.max(0, Math.min(from, end - span));
  return { from, to: from + span };
}

/** A domain that still shows `time`, panned as little as possible. */
function follow(domain: Domain, time: number): Domain {
  const span = domain.to - domain.from;
  if (time < domain.from) return { from: time, to: time + span };
  if (time > domain.to) return { from: time - span, to: time };
  return domain;
}

/**
 * The replay of a session: the timeline with its cursor, zoom controls, the state at the cursor
 * and the table of events. The cursor is the caller's, so that an evidence link can move it.
 */
export function ReplayPanel(props: {
  readonly model: ReplayModel;
  readonly label: string;
  readonly cursor: number;
  readonly onCursor: (time: number) => void;
}) {
  const { t } = useTranslation('replay');
  const { model, cursor } = props;
  const end = Math.max(model.endTime, 1);
  const [domain, setDomain] = useState<Domain>({ from: 0, to: end });
  const stops = useMemo(() => stopTimes(model), [model]);
  const instant = useMemo(() => instantAt(model, cursor), [model, cursor]);

  useEffect(() => setDomain((current) => follow(current, cursor)), [cursor]);
  const playback = useReplayPlayback(model, cursor, props.onCursor);

  const move = (time: number) => props.onCursor(Math.min(end, Math.max(0, time)));
  const onKey = (event: KeyboardEvent<SVGElement>) => {
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowUp':
        move(stops.find((time) => time > cursor) ?? end);
        break;
      case 'ArrowLeft':
      case 'ArrowDown':
        move([...stops].reverse().find((time) => time < cursor) ?? 0);
        break;
      case 'PageUp':
        move(cursor + PAGE_MS);
        break;
      case 'PageDown':
        move(cursor - PAGE_MS);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(end);
        break;
      case ' ':
        playback.toggle();
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const whole = domain.from <= 0 && domain.to >= end;
  return (
    <div className="replay-panel">
      <div className="replay-toolbar" role="toolbar" aria-label={t('title')}>
        <button type="button" onClick={() => setDomain(zoomDomain(domain, 0.5, cursor, end))}>
          {t('zoomIn')}
        </button>
        <button type="button" disabled={whole} onClick={() => setDomain(zoomDomain(domain, 2, cursor, end))}>
          {t('zoomOut')}
        </button>
        <button type="button" disabled={whole} onClick={() => setDomain({ from: 0, to: end })}>
          {t('zoomReset')}
        </button>
        <span className="replay-muted">
          {t('showing', { from: formatClock(domain.from), to: formatClock(domain.to) })}
        </span>
        <PlaybackControls control={playback} />
        <output className="replay-position" aria-live={playback.playing ? 'off' : 'polite'}>
          {t('position', { time: formatClock(cursor) })}
        </output>
      </div>
      <PlaybackCaptions control={playback} model={model} />
      <TimelineSvg
        model={model}
        label={props.label}
        domain={domain}
        cursor={cursor}
        onCursor={move}
        onKey={onKey}
      />
      <p className="replay-muted replay-hint">{t('scrubberHint')}</p>
      <Legend />
      <InstantPanel instant={instant} lanes={model.lanes} />
      <EventTable model={model} onSeek={move} />
    </div>
  );
}

function Legend() {
  const { t } = useTranslation('replay');
  const states = ['connecting', 'connected', 'hold', 'muted', 'disconnected'] as const;
  return (
    <ul className="replay-legend" aria-label={t('legend')}>
      {states.map((state) => (
        <li key={state}>
          <span className={`replay-swatch replay-band-${state}`} aria-hidden="true" />
          {t(`state.${state}`)}
        </li>
      ))}
      <li>
        <span className="replay-legend-marker" aria-hidden="true">
          ◆
        </span>
        {t('acceptedMarker')}
      </li>
      <li>
        <span className="replay-legend-marker replay-legend-refused" aria-hidden="true">
          ✕
        </span>
        {t('refusedMarker')}
      </li>
    </ul>
  );
}

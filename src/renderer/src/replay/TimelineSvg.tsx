// biome-ignore-all lint/a11y/useSemanticElements: SVG has no <ul>, <li> or <input>; ARIA roles give its shapes their meaning.
// biome-ignore-all lint/a11y/noInteractiveElementToNoninteractiveRole: SVG shapes with pointer handlers for tooltips are lists and items, not controls.
// biome-ignore-all lint/a11y/noAriaHiddenOnFocusable: the hidden axis holds no focusable element.
import { scaleBand, scaleLinear } from 'd3-scale';
import { type KeyboardEvent, type PointerEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeEntry, describeRefusal, formatClock, partyName } from './format';
import type { ReplayModel } from './model';

const WIDTH = 960;
const LEFT = 150;
const RIGHT = 16;
const TOP = 56;
const LANE = 34;
const AXIS = 28;

/** The stretch of the call the timeline shows. */
export interface Domain {
  readonly from: number;
  readonly to: number;
}

interface Tip {
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

/**
 * The call as an SVG: one lane per party with its bands, the trainee's actions as markers
 * (refused ones as crosses), lines and goals along the top, a time axis and the cursor. Pointer
 * (mouse, pen, touch) anywhere on the plot moves the cursor; the cursor's handle is a slider for
 * the keyboard.
 */
export function TimelineSvg(props: {
  readonly model: ReplayModel;
  readonly label: string;
  readonly domain: Domain;
  readonly cursor: number;
  readonly onCursor: (time: number) => void;
  readonly onKey: (event: KeyboardEvent<SVGElement>) => void;
}) {
  const { t } = useTranslation('replay');
  const { model, domain, cursor } = props;
  const clipId = useId();
  const svgRef = useRef<SVGSVGElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const height = TOP + model.lanes.length * LANE + AXIS;
  const x = scaleLinear()
    .domain([domain.from, Math.max(domain.to, domain.from + 1)])
    .range([LEFT, WIDTH - RIGHT]);
  const y = scaleBand()
    .domain(model.lanes.map((lane) => lane.party))
    .range([TOP, TOP + model.lanes.length * LANE])
    .paddingInner(0.25)
    .paddingOuter(0.12);
  const bandHeight = y.bandwidth();
  const names = model.lanes;
  const trainee = model.lanes.find((lane) => lane.trainee)?.party ?? null;

  const timeAtPointer = (event: PointerEvent<SVGSVGElement>): number | null => {
    const svg = svgRef.current;
    if (svg === null) return null;
    const box = svg.getBoundingClientRect();
    const scale = box.width > 0 ? WIDTH / box.width : 1;
    const px = (event.clientX - box.left) * scale;
    if (px < LEFT) return null;
    return Math.min(model.endTime, Math.max(0, x.invert(px)));
  };
  const showTip = (event: PointerEvent<SVGElement>, text: string) => {
    const svg = svgRef.current;
    const box = svg?.getBoundingClientRect();
    setTip({ x: event.clientX - (box?.left ?? 0), y: event.clientY - (box?.top ?? 0), text });
  };
  const tipHandlers = (text: string) => ({
    onPointerMove: (event: PointerEvent<SVGElement>) => showTip(event, text),
    onPointerLeave: () => setTip(null),
  });

  return (
    <div className="replay-svg-frame">
      <svg
        ref={svgRef}
        className="replay-svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="group"
        aria-label={props.label}
        onPointerDown={(event) => {
          const time = timeAtPointer(event);
          if (time === null) return;
          event.currentTarget.setPointerCapture?.(event.pointerId);
          props.onCursor(time);
        }}
        onPointerMove={(event) => {
          if (!event.currentTarget.hasPointerCapture?.(event.pointerId)) return;
          const time = timeAtPointer(event);
          if (time !== null) props.onCursor(time);
        }}
      >
        <defs>
          <clipPath id={clipId}>
            <rect x={LEFT - 8} y={0} width={WIDTH - LEFT - RIGHT + 16} height={height} />
          </clipPath>
        </defs>
        <text className="replay-lane-name replay-top-name" x={8} y={TOP / 2 + 4}>
          {t('topLane')}
        </text>
        <g role="list" aria-label={t('topLane')} clipPath={`url(#${clipId})`}>
          {model.top.map((marker) => {
            const cx = x(marker.time);
            const text =
              marker.kind === 'line'
                ? t('lineTip', {
                    time: formatClock(marker.time),
                    party: partyName(names, marker.party),
                    text: marker.text,
                  })
                : t('goalTip', { time: formatClock(marker.time), text: marker.text });
            return marker.kind === 'line' ? (
              <circle
                key={marker.seq}
                role="listitem"
                aria-label={text}
                className="replay-line-marker"
                cx={cx}
                cy={TOP - 14}
                r={4}
                {...tipHandlers(text)}
              >
                <title>{text}</title>
              </circle>
            ) : (
              <path
                key={marker.seq}
                role="listitem"
                aria-label={text}
                className="replay-goal-marker"
                d={`M${cx},${TOP - 44} v22 M${cx},${TOP - 44} l10,4 l-10,4`}
                {...tipHandlers(text)}
              >
                <title>{text}</title>
              </path>
            );
          })}
        </g>
        {model.lanes.map((lane) => {
          const top = y(lane.party) ?? 0;
          return (
            <g key={lane.party} role="list" aria-label={lane.name} data-party={lane.party}>
              <text className="replay-lane-name" x={8} y={top + bandHeight / 2 + 5}>
                {lane.trainee && lane.name.toLocaleLowerCase() !== t('you').toLocaleLowerCase()
                  ? `${lane.name} (${t('you')})`
                  : lane.name}
              </text>
              <line
                className="replay-lane-rule"
                x1={LEFT}
                x2={WIDTH - RIGHT}
                y1={top + bandHeight / 2}
                y2={top + bandHeight / 2}
              />
              <g clipPath={`url(#${clipId})`}>
                {model.bands
                  .filter((band) => band.party === lane.party)
                  .map((band) => {
                    const text = t('bandTip', {
                      party: lane.name,
                      state: t(`state.${band.state}`),
                      from: formatClock(band.from),
                      to: formatClock(band.to),
                    });
                    const left = x(band.from);
                    return (
                      <rect
                        key={`${band.from}-${band.state}`}
                        role="listitem"
                        aria-label={text}
                        data-state={band.state}
                        className={`replay-band replay-band-${band.state}`}
                        x={left}
                        y={band.state === 'disconnected' ? top + bandHeight / 2 - 2 : top}
                        width={Math.max(1, x(band.to) - left)}
                        height={band.state === 'disconnected' ? 4 : bandHeight}
                        rx={3}
                        {...tipHandlers(text)}
                      >
                        <title>{text}</title>
                      </rect>
                    );
                  })}
              </g>
            </g>
          );
        })}
        <g role="list" aria-label={t('acceptedMarker')} clipPath={`url(#${clipId})`}>
          {model.events
            .filter((event) => event.byTrainee && trainee !== null)
            .map((event) => {
              const refusal = describeRefusal(t, event.entry);
              const action = describeEntry(t, names, event.entry);
              const time = formatClock(event.time);
              const actor = partyName(names, event.entry.actor);
              const text = refusal
                ? t('refusedTip', { time, actor, action, reason: refusal.reason, rule: refusal.rule })
                : t('eventTip', { time, actor, action });
              const cx = x(event.time);
              const lane =
                event.entry.target !== null && y(event.entry.target) !== undefined
                  ? event.entry.target
                  : trainee;
              const cy = (y(lane ?? '') ?? TOP) + bandHeight / 2;
              return refusal ? (
                <path
                  key={event.seq}
                  role="listitem"
                  aria-label={text}
                  data-refused="true"
                  className="replay-marker replay-marker-refused"
                  d={`M${cx - 6},${cy - 6} L${cx + 6},${cy + 6} M${cx + 6},${cy - 6} L${cx - 6},${cy + 6}`}
                  {...tipHandlers(text)}
                >
                  <title>{text}</title>
                </path>
              ) : (
                <path
                  key={event.seq}
                  role="listitem"
                  aria-label={text}
                  data-refused="false"
                  className="replay-marker"
                  d={`M${cx},${cy - 7} L${cx + 6},${cy} L${cx},${cy + 7} L${cx - 6},${cy} Z`}
                  {...tipHandlers(text)}
                >
                  <title>{text}</title>
                </path>
              );
            })}
        </g>
        <g className="replay-axis" aria-hidden="true">
          {x.ticks(8).map((tick) => (
            <g key={tick} transform={`translate(${x(tick)},${height - AXIS})`}>
              <line y1={-4} y2={4} />
              <text y={18} textAnchor="middle">
                {formatClock(tick)}
              </text>
            </g>
          ))}
        </g>
        {cursor >= domain.from && cursor <= domain.to && (
          <g className="replay-cursor">
            <line x1={x(cursor)} x2={x(cursor)} y1={TOP - 48} y2={height - AXIS} />
            <rect
              role="slider"
              tabIndex={0}
              aria-label={t('scrubberLabel')}
              aria-valuemin={0}
              aria-valuemax={Math.round(model.endTime)}
              aria-valuenow={Math.round(cursor)}
              aria-valuetext={t('position', { time: formatClock(cursor) })}
              aria-orientation="horizontal"
              className="replay-cursor-handle"
              x={x(cursor) - 7}
              y={height - AXIS - 2}
              width={14}
              height={14}
              rx={3}
              onKeyDown={props.onKey}
            />
          </g>
        )}
      </svg>
      {tip !== null && (
        <div className="replay-tooltip" role="tooltip" style={{ left: tip.x + 12, top: tip.y + 12 }}>
          {tip.text}
        </div>
      )}
    </div>
  );
}

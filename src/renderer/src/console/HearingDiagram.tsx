import { type ConferenceState, hearing } from '@shared/conference';
import { memo, useId } from 'react';
import { useConsoleTranslation } from './use-console-translation';

const SIZE = 240;
const RADIUS = 88;

/**
 * Who hears whom, from the engine's `hearing` view: every party on the call around a circle, a
 * line between two who hear each other, an arrow where only one hears the other. The same
 * facts as a list for screen readers.
 */
export const HearingDiagram = memo(function HearingDiagram(props: {
  readonly conference: ConferenceState;
  readonly names: ReadonlyMap<string, string>;
}) {
  const { t } = useConsoleTranslation();
  const headingId = useId();
  const markerId = useId();
  const map = hearing(props.conference);
  const parties = onCall(props.conference);
  const at = (index: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / Math.max(1, parties.length);
    return { x: SIZE / 2 + RADIUS * Math.cos(angle), y: SIZE / 2 + RADIUS * Math.sin(angle) };
  };
  const hears = (listener: string, speaker: string) => (map[listener] ?? []).includes(speaker);
  const name = (party: string) => props.names.get(party) ?? party;
  const edges: { from: number; to: number; both: boolean }[] = [];
  parties.forEach((a, i) => {
    parties.forEach((b, j) => {
      if (j <= i) return;
      const ab = hears(b, a);
      const ba = hears(a, b);
      if (ab && ba) edges.push({ from: i, to: j, both: true });
      else if (ab) edges.push({ from: i, to: j, both: false });
      else if (ba) edges.push({ from: j, to: i, both: false });
    });
  });
  return (
    <section className="panel hearing" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('hearing')}</h2>
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        width={SIZE}
        height={SIZE}
        role="img"
        aria-labelledby={headingId}
        className="hearing-diagram"
      >
        <title>{t('hearing')}</title>
        <defs>
          <marker
            id={markerId}
            viewBox="0 0 10 10"
            refX="22"
            refY="5"
            markerWidth="6"
            markerHeight="6"
            orient="auto"
          >
            <path d="M0,0 L10,5 L0,10 z" className="hearing-arrow" />
          </marker>
        </defs>
        {edges.map((edge) => {
          const a = at(edge.from);
          const b = at(edge.to);
          return (
            <line
              key={`${edge.from}-${edge.to}`}
              x1={a.x}
              y1={a.y}
              x2={b.x}
              y2={b.y}
              className={edge.both ? 'hearing-edge both' : 'hearing-edge one-way'}
              markerEnd={edge.both ? undefined : `url(#${markerId})`}
            />
          );
        })}
        {parties.map((party, index) => {
          const p = at(index);
          // A label sits on the outer side of its node, away from the lines that meet inside.
          const labelY = p.y < SIZE / 2 - 1 ? p.y - 20 : p.y + 28;
          return (
            <g key={party} className="hearing-node">
              <circle cx={p.x} cy={p.y} r={14} />
              <text x={p.x} y={labelY} textAnchor="middle">
                {name(party)}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="hearing-list">
        {parties.map((listener) => {
          const speakers = (map[listener] ?? []).map(name).join(', ');
          // The console names the trainee "You" ("Sie"), which takes its own verb form.
          const you = name(listener) === t('you');
          return (
            <li key={listener}>
              {speakers === ''
                ? you
                  ? t('youHearNobody')
                  : t('hearsNobody', { listener: name(listener) })
                : you
                  ? t('youHear', { speakers })
                  : t('hearingList', { listener: name(listener), speakers })}
            </li>
          );
        })}
      </ul>
    </section>
  );
}, sameDiagram);

function onCall(conference: ConferenceState): ReadonlyArray<string> {
  return conference.legs.filter((leg) => leg.state !== 'disconnected').map((leg) => leg.party);
}

/** Whether two states draw the same diagram: the same parties on the call, hearing the same. */
function sameDiagram(
  before: { readonly conference: ConferenceState; readonly names: ReadonlyMap<string, string> },
  after: { readonly conference: ConferenceState; readonly names: ReadonlyMap<string, string> },
): boolean {
  if (before.names !== after.names) return false;
  if (before.conference === after.conference) return true;
  const a = onCall(before.conference);
  const b = onCall(after.conference);
  if (a.length !== b.length || a.some((party, index) => party !== b[index])) return false;
  const x = hearing(before.conference);
  const y = hearing(after.conference);
  return a.every((party) => (x[party] ?? []).join('\n') === (y[party] ?? []).join('\n'));
}

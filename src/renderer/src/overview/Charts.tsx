// biome-ignore-all lint/a11y/useSemanticElements: SVG has no <ul>, <li> or <input>; ARIA roles give its shapes their meaning.
// biome-ignore-all lint/a11y/noInteractiveElementToNoninteractiveRole: SVG shapes with pointer handlers for tooltips are lists and items, not controls.
// biome-ignore-all lint/a11y/noAriaHiddenOnFocusable: the hidden axis holds no focusable element.
import { scaleBand, scaleLinear } from 'd3-scale';
import { useTranslation } from 'react-i18next';
import { criterionRates, type OverviewRow, scoreDistribution } from './stats';

const WIDTH = 640;
const LABEL = 260;
const ROW = 26;

function percent(value: number): string {
  return `${Math.round(value * 100)} %`;
}

/** The pass rate of each criterion of one scenario as horizontal bars. */
export function CriterionRateChart(props: {
  readonly title: string;
  readonly rows: ReadonlyArray<OverviewRow>;
}) {
  const { t } = useTranslation('overview');
  const rates = criterionRates(props.rows);
  const height = rates.length * ROW + 24;
  const x = scaleLinear()
    .domain([0, 1])
    .range([LABEL, WIDTH - 60]);
  const y = scaleBand()
    .domain(rates.map((rate) => rate.id))
    .range([0, rates.length * ROW])
    .padding(0.2);
  const weakest = rates.toSorted((a, b) => a.rate - b.rate)[0];
  return (
    <figure className="overview-chart">
      <figcaption>{t('ratesTitle', { scenario: props.title })}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="list"
        aria-label={t('ratesLabel', { scenario: props.title })}
      >
        {rates.map((rate) => {
          const top = y(rate.id) ?? 0;
          const label = t('rateBar', {
            criterion: rate.title,
            met: rate.met,
            total: rate.total,
            percent: percent(rate.rate),
          });
          return (
            <g
              key={rate.id}
              role="listitem"
              aria-label={label}
              data-criterion={rate.id}
              data-rate={rate.rate}
            >
              <title>{label}</title>
              <text
                x={LABEL - 8}
                y={top + y.bandwidth() / 2 + 5}
                textAnchor="end"
                className="overview-chart-label"
              >
                {rate.title.length > 38 ? `${rate.title.slice(0, 37)}…` : rate.title}
              </text>
              <rect
                className="overview-bar-track"
                x={LABEL}
                y={top}
                width={x(1) - LABEL}
                height={y.bandwidth()}
              />
              <rect
                className={rate.rate < 0.6 ? 'overview-bar overview-bar-low' : 'overview-bar'}
                x={LABEL}
                y={top}
                width={Math.max(0, x(rate.rate) - LABEL)}
                height={y.bandwidth()}
              />
              <text x={x(1) + 6} y={top + y.bandwidth() / 2 + 5} className="overview-chart-value">
                {percent(rate.rate)}
              </text>
            </g>
          );
        })}
        <g aria-hidden="true" className="overview-axis">
          {x.ticks(4).map((tick) => (
            <text key={tick} x={x(tick)} y={height - 4} textAnchor="middle">
              {percent(tick)}
            </text>
          ))}
        </g>
      </svg>
      {weakest !== undefined && weakest.rate < 1 && (
        <p className="overview-weakest">
          {t('weakest', { criterion: weakest.title, percent: percent(weakest.rate) })}
        </p>
      )}
    </figure>
  );
}

/** How many assessments of one scenario fall in each tenth of the score, as columns. */
export function ScoreDistributionChart(props: {
  readonly title: string;
  readonly rows: ReadonlyArray<OverviewRow>;
}) {
  const { t } = useTranslation('overview');
  const counts = scoreDistribution(props.rows);
  const height = 160;
  const bins = counts.map((_, index) => String(index));
  const x = scaleBand()
    .domain(bins)
    .range([30, WIDTH - 10])
    .padding(0.15);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...counts)])
    .nice()
    .range([height - 24, 20]);
  return (
    <figure className="overview-chart">
      <figcaption>{t('distributionTitle', { scenario: props.title })}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="list"
        aria-label={t('distributionLabel', { scenario: props.title })}
      >
        {counts.map((count, index) => {
          const label = t('distributionBar', { from: index * 10, to: index * 10 + 10, count });
          const left = x(String(index)) ?? 0;
          return (
            <g key={bins[index]} role="listitem" aria-label={label} data-count={count}>
              <title>{label}</title>
              <rect
                className="overview-bar"
                x={left}
                y={y(count)}
                width={x.bandwidth()}
                height={y(0) - y(count)}
              />
              <text
                x={left + x.bandwidth() / 2}
                y={height - 8}
                textAnchor="middle"
                className="overview-chart-label"
              >
                {index * 10}
              </text>
              {count > 0 && (
                <text
                  x={left + x.bandwidth() / 2}
                  y={y(count) - 3}
                  textAnchor="middle"
                  className="overview-chart-value"
                >
                  {count}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

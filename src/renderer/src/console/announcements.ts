import type { LegSnapshot } from '@shared/conference';
import type { Scenario, SessionRecord } from '@shared/scenario';

/** One thing to announce to a screen reader: an i18n key of the `console` namespace and its values. */
export interface Announcement {
  readonly seq: number;
  readonly key: string;
  readonly values: Readonly<Record<string, string>>;
}

/**
 * What changed in the records after `afterSeq`, as announcements: every change of a party's
 * state or mute, every line spoken, every refusal of the trainee's actions, every new goal and
 * question. The i18n keys of states (`legState.*`) and reasons are resolved by the caller.
 */
export function announcementsOf(
  scenario: Scenario,
  records: ReadonlyArray<SessionRecord>,
  afterSeq: number,
  name: (party: string) => string,
): ReadonlyArray<Announcement> {
  const out: Announcement[] = [];
  let legs = new Map<string, LegSnapshot>();
  for (const record of records) {
    const fresh = record.seq > afterSeq;
    switch (record.kind) {
      case 'event': {
        const { entry } = record;
        const next = new Map(entry.legs.map((leg) => [leg.party, leg]));
        if (fresh && entry.result.status === 'refused' && entry.actor === scenario.call.trainee) {
          out.push({
            seq: record.seq,
            key: 'announce.refused',
            values: { reason: entry.result.reason, rule: entry.result.rule },
          });
        }
        if (fresh) {
          for (const leg of entry.legs) {
            const before = legs.get(leg.party);
            if (before?.state !== leg.state) {
              out.push({
                seq: record.seq,
                key: 'announce.state',
                values: { name: name(leg.party), state: leg.state },
              });
            }
            if (before !== undefined && before.muted !== leg.muted) {
              out.push({
                seq: record.seq,
                key: leg.muted ? 'announce.muted' : 'announce.unmuted',
                values: { name: name(leg.party) },
              });
            }
          }
        }
        legs = next;
        break;
      }
      case 'line':
        if (fresh)
          out.push({
            seq: record.seq,
            key: 'announce.said',
            values: { name: name(record.party), text: record.text },
          });
        break;
      case 'goal':
        if (fresh) {
          const text = scenario.goals.find((goal) => goal.id === record.goal)?.text ?? record.goal;
          out.push({ seq: record.seq, key: 'announce.goal', values: { text } });
        }
        break;
      case 'question':
        if (fresh) {
          const text =
            scenario.questions.find((question) => question.id === record.question)?.text ?? record.question;
          out.push({ seq: record.seq, key: 'announce.question', values: { text } });
        }
        break;
      default:
        break;
    }
  }
  return out;
}

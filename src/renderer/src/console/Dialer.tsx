import {
  type ActionOption,
  type ConferenceState,
  check,
  numberPadCountries,
  partyByNumber,
  type QuickConnectType,
  quickConnectByName,
} from '@shared/conference';
import { type FormEvent, memo, type RefObject, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlayMode } from '../session/play-session';
import { ActionControl } from './ActionControl';
import { useConsoleTranslation } from './use-console-translation';

const TYPES: ReadonlyArray<QuickConnectType> = ['agent', 'queue', 'phone-number'];
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/** The quick connects the trainee sees, grouped by type, with a filter. */
export function QuickConnects(props: {
  readonly conference: ConferenceState;
  readonly options: ReadonlyArray<ActionOption>;
  readonly mode: PlayMode;
  readonly onAct: (option: ActionOption) => void;
  readonly filterRef: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useConsoleTranslation();
  const [filter, setFilter] = useState('');
  const headingId = useId();
  const adds = props.options.filter(
    (option) => option.action === 'add' && option.via?.kind === 'quick-connect',
  );
  const wanted = filter.trim().toLocaleLowerCase();
  const shown = adds.filter((option) => nameOf(option).toLocaleLowerCase().includes(wanted));
  return (
    <section className="panel quick-connects" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('quickConnects')}</h2>
      <label>
        {t('quickConnectFilter')}
        <input
          ref={props.filterRef}
          type="search"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
      </label>
      {shown.length === 0 && <p>{t('noQuickConnects')}</p>}
      {TYPES.map((type) => {
        const group = shown.filter(
          (option) => quickConnectByName(props.conference.config, nameOf(option))?.type === type,
        );
        if (group.length === 0) return null;
        return (
          <fieldset key={type} className="qc-group">
            <legend>{t(`qcType.${type}`)}</legend>
            <ul>
              {group.map((option) => (
                <li key={nameOf(option)}>
                  <ActionControl
                    option={option}
                    mode={props.mode}
                    label={nameOf(option)}
                    name={t('actionOn', { action: t('action.add'), name: nameOf(option) })}
                    onAct={props.onAct}
                  />
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
    </section>
  );
}

function nameOf(option: ActionOption): string {
  return option.via?.kind === 'quick-connect' ? option.via.name : '';
}

/**
 * The number pad: a number typed and dialled (the engine says who answers at it and whether the
 * add is allowed), and a keypad whose keys send tones on the call.
 */
export function NumberPad(props: {
  readonly conference: ConferenceState;
  readonly trainee: string;
  readonly options: ReadonlyArray<ActionOption>;
  readonly mode: PlayMode;
  readonly onAct: (option: ActionOption, digits?: string) => void;
  readonly inputRef: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useConsoleTranslation();
  const { i18n } = useTranslation();
  const [number, setNumber] = useState('');
  // CCP-11: the selector is preset to the instance's country.
  const [country, setCountry] = useState(props.conference.config.country ?? 'US');
  const headingId = useId();
  const countries = useMemo(() => {
    const names = new Intl.DisplayNames([i18n.resolvedLanguage ?? 'en'], { type: 'region' });
    return numberPadCountries().map((code) => ({ code, name: names.of(code) ?? code }));
  }, [i18n.resolvedLanguage]);
  const typed = number.trim();
  const target = typed === '' ? undefined : partyByNumber(props.conference.config, typed, country)?.id;
  const via = { kind: 'number-pad' as const, number: typed, country };
  const dial: ActionOption | undefined =
    typed === ''
      ? undefined
      : {
          action: 'add',
          target: target ?? null,
          via,
          result: check(props.conference, props.trainee, 'add', target, via),
        };
  const tones = props.options.find((option) => option.action === 'send-dtmf');
  const { onAct } = props;
  // One handler per key that stays the same between renders, so that the keys render again only
  // when whether tones can be sent changes.
  const onKey = useMemo(
    () => new Map(KEYS.map((key) => [key, (option: ActionOption) => onAct(option, key)] as const)),
    [onAct],
  );
  const dialNow = () => {
    if (dial !== undefined && (dial.result.ok || props.mode === 'practice')) {
      props.onAct(dial);
      if (dial.result.ok) setNumber('');
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    dialNow();
  };
  return (
    <section className="panel number-pad" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('numberPad')}</h2>
      <form onSubmit={submit} className="dial-form">
        <CountrySelect label={t('country')} value={country} onChange={setCountry} countries={countries} />
        <label>
          {t('numberToDial')}
          <input
            ref={props.inputRef}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            value={number}
            maxLength={40}
            onChange={(event) => setNumber(event.target.value)}
          />
        </label>
        {dial === undefined ? (
          <button type="submit" className="action" aria-disabled="true">
            {t('dial')}
          </button>
        ) : (
          <ActionControl option={dial} mode={props.mode} label={t('dial')} onAct={dialNow} />
        )}
      </form>
      <fieldset className="keypad">
        <legend>{t('keypad')}</legend>
        <div className="keypad-grid">
          {KEYS.map((key) => (
            <ActionControl
              key={key}
              option={tones}
              mode={props.mode}
              label={key}
              name={t('digit', { digit: key })}
              onAct={onKey.get(key) as (option: ActionOption) => void}
            />
          ))}
        </div>
      </fieldset>
    </section>
  );
}

/**
 * The selector of the 240-odd countries, rendered again only when its value or the language
 * changes: React walks every option of a `<select>` each time it renders one.
 */
const CountrySelect = memo(function CountrySelect(props: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (country: string) => void;
  readonly countries: ReadonlyArray<{ readonly code: string; readonly name: string }>;
}) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.countries.map((option) => (
          <option key={option.code} value={option.code}>
            {option.name} ({option.code})
          </option>
        ))}
      </select>
    </label>
  );
});

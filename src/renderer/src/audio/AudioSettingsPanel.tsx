import { memo, useId } from 'react';
import {
  I18nProvider,
  Label,
  Slider,
  SliderOutput,
  SliderThumb,
  SliderTrack,
  SwitchButton,
  SwitchField,
  Text,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useAudioSettings } from './settings';
import './audio.css';

/** A labelled on/off switch with a hint, operated by Space as well as by a click. */
function SettingSwitch(props: {
  readonly label: string;
  readonly hint?: string;
  readonly isSelected: boolean;
  readonly onChange: (isSelected: boolean) => void;
}) {
  return (
    <SwitchField className="audio-switch" isSelected={props.isSelected} onChange={props.onChange}>
      <SwitchButton className="audio-switch-button">
        <span className="audio-switch-track" aria-hidden="true">
          <span className="audio-switch-handle" />
        </span>
        {props.label}
      </SwitchButton>
      {props.hint && (
        <Text slot="description" className="audio-hint">
          {props.hint}
        </Text>
      )}
    </SwitchField>
  );
}

/**
 * The sound settings: master volume, mute, sound captions and the hold-music indicator. Every
 * change is stored and applied at once.
 */
/** Rendered again only when the settings change, not with every change of the screen around it. */
export const AudioSettingsPanel = memo(function AudioSettingsPanel() {
  const { t, i18n } = useTranslation('audio');
  const [settings, update] = useAudioSettings();
  const legend = useId();
  return (
    <I18nProvider locale={i18n.language}>
      <fieldset className="audio-settings" aria-labelledby={legend}>
        <legend id={legend}>{t('settings.title')}</legend>
        <Slider
          className="audio-volume"
          value={settings.volume}
          onChange={(volume) => update({ volume })}
          minValue={0}
          maxValue={1}
          step={0.05}
          formatOptions={{ style: 'percent' }}
        >
          <div className="audio-volume-label">
            <Label>{t('settings.volume')}</Label>
            <SliderOutput />
          </div>
          <SliderTrack className="audio-volume-track">
            {({ state }) => (
              <>
                <span className="audio-volume-fill" style={{ width: `${state.getThumbPercent(0) * 100}%` }} />
                <SliderThumb className="audio-volume-thumb" />
              </>
            )}
          </SliderTrack>
        </Slider>
        <SettingSwitch
          label={t('settings.mute')}
          isSelected={settings.muted}
          onChange={(muted) => update({ muted })}
        />
        <SettingSwitch
          label={t('settings.captions')}
          hint={t('settings.captionsHint')}
          isSelected={settings.captions}
          onChange={(captions) => update({ captions })}
        />
        <SettingSwitch
          label={t('settings.holdIndicator')}
          hint={t('settings.holdIndicatorHint')}
          isSelected={settings.holdIndicator}
          onChange={(holdIndicator) => update({ holdIndicator })}
        />
      </fieldset>
    </I18nProvider>
  );
});

import type { AppInfo } from '@shared/ipc';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from './api';
import { type Language, languages, storeLanguage } from './i18n';
import { PlayFlow } from './play/PlayFlow';
import { RecoveryBanner } from './recovery/RecoveryBanner';
import { ReplayRoute } from './replay/ReplayView';
import { ResultsRoute } from './results/ResultsView';
import { hashForView, resultsHash, type View, views } from './routes';
import { type AsyncState, useAsync } from './useAsync';
import { useHashView } from './useHashView';
import { AboutView } from './views/AboutView';
import { HomeView } from './views/HomeView';

/** The checks screen (`#/checks/<id>`), loaded only when a trainer opens it. */
const ChecksRoute = lazy(() => import('./authoring/ChecksView').then((m) => ({ default: m.ChecksRoute })));
// The editor (with CodeMirror) loads when it is first opened, not with the app.
const EditorRoute = lazy(() => import('./editor/EditorRoute'));
// The trainer's screens and the history load when first opened: a trainee starts on the picker
// without them, and the start bundle stays small.
const LibraryView = lazy(() => import('./library/LibraryView').then((m) => ({ default: m.LibraryView })));
const OverviewView = lazy(() => import('./overview/OverviewView').then((m) => ({ default: m.OverviewView })));
const HistoryView = lazy(() => import('./results/HistoryView').then((m) => ({ default: m.HistoryView })));

/** The app's frame: a header with name, version, navigation and language; the current view. */
export function App() {
  const { t, i18n } = useTranslation();
  const [view, navigate] = useHashView();
  const info = useAsync(() => callApi('app:info'));
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => window.api.on('app:navigate', ({ view: next }) => navigate(next)), [navigate]);

  // Moving focus to the new view tells a screen reader that the page changed; on the first
  // paint focus stays at the top so that the skip link comes first.
  const shownView = useRef(view);
  useEffect(() => {
    if (shownView.current === view) return;
    shownView.current = view;
    mainRef.current?.focus();
  }, [view]);

  const changeLanguage = (language: Language) => {
    storeLanguage(language);
    void i18n.changeLanguage(language);
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <AppTitle info={info} />
        <nav aria-label={t('nav.label')}>
          <ul className="nav-list">
            {views.map((name) => (
              <li key={name}>
                <a
                  href={hashForView(name)}
                  aria-current={view === name ? 'page' : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(name);
                  }}
                >
                  {t(`nav.${name}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <label className="language-switch">
          {t('language.label')}
          <select
            value={i18n.resolvedLanguage}
            onChange={(event) => changeLanguage(event.target.value as Language)}
          >
            {languages.map((language) => (
              <option key={language} value={language}>
                {t(`language.${language}`)}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        <RecoveryBanner />
        {/* The screens loaded when first opened show "Loading" meanwhile. */}
        <Suspense fallback={<Loading />}>
          <CurrentView view={view} info={info} onNavigate={navigate} />
        </Suspense>
      </main>
    </div>
  );
}

function AppTitle({ info }: { readonly info: AsyncState<AppInfo> }) {
  const { t } = useTranslation();
  if (info.status === 'loading') return <p className="app-title">{t('app.loading')}</p>;
  if (info.status === 'failed') {
    return (
      <p className="app-title" role="alert">
        {t('app.loadFailed', { message: info.message })}
      </p>
    );
  }
  return (
    <p className="app-title">
      <span className="app-name">{info.value.name}</span>{' '}
      <span className="app-version">{t('app.version', { version: info.value.version })}</span>
    </p>
  );
}

function Loading() {
  const { t } = useTranslation();
  return <p aria-busy="true">{t('app.loading')}</p>;
}

function CurrentView(props: {
  readonly view: View;
  readonly info: AsyncState<AppInfo>;
  readonly onNavigate: (view: View) => void;
}) {
  switch (props.view) {
    case 'home':
      return <HomeView onStart={() => props.onNavigate('scenarios')} />;
    case 'scenarios':
      return <PlayFlow detailsLink={resultsHash} />;
    case 'about':
      return <AboutView info={props.info} />;
    case 'history':
      return <HistoryView />;
    case 'overview':
      return <OverviewView />;
    case 'results':
      return <ResultsRoute />;
    case 'replay':
      return <ReplayRoute />;
    case 'library':
      return <LibraryView />;
    case 'edit':
      return <EditorRoute />;
    case 'checks':
      return <ChecksRoute />;
  }
}

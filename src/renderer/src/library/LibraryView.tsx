import type { ScenarioSummary } from '@shared/ipc';
import { MAX_IMPORT_BYTES } from '@shared/library-contract';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Collection, Header, ListBox, ListBoxItem, ListBoxSection, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { filterScenarios, NO_FILTER } from '../picker/filter';
import { checksHash, editHash } from '../routes';
import { BusyButton } from './BusyButton';
import { ClashDialog, CreateDialog, DeleteDialog, RenameDialog } from './LibraryDialogs';
import { NoticeLine } from './NoticeLine';
import { TrashSection } from './TrashSection';
import { type Busy, useLibrary } from './useLibrary';
import './library.css';

type OpenDialog =
  | { readonly kind: 'create' }
  | { readonly kind: 'rename'; readonly scenario: ScenarioSummary }
  | { readonly kind: 'delete'; readonly scenario: ScenarioSummary };

/**
 * The trainer's scenario library: bundled (read-only) and own scenarios with a filter; create
 * from a template, duplicate, rename, delete to the trash and restore, import (dialog or a file
 * dropped anywhere on the screen) and export, each through main, which checks everything.
 */
export function LibraryView() {
  const { t, i18n } = useTranslation('library');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const library = useLibrary(setSelectedId);
  const [filterText, setFilterText] = useState('');
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const dragging = useFileDrop(library.busy === null, (files) => {
    if (files.length !== 1) {
      library.setNotice({ kind: 'failed', text: (t) => t('dropOne', { count: files.length }) });
      return;
    }
    const [file] = files;
    if (file === undefined) return;
    if (file.size > MAX_IMPORT_BYTES) {
      library.setNotice({
        kind: 'invalid',
        name: file.name,
        findings: [],
        problems: [
          {
            entry: file.name,
            message: `the file is ${file.size} bytes; an import may have at most ${MAX_IMPORT_BYTES} bytes`,
          },
        ],
      });
      return;
    }
    void library.importFile(file);
  });

  const all = library.scenarios ?? [];
  const shown = useMemo(
    () => filterScenarios(library.scenarios ?? [], { ...NO_FILTER, text: filterText }),
    [library.scenarios, filterText],
  );
  // The trainer's own scenarios first: those are the ones to work on.
  const sections = useMemo(
    () =>
      (['user', 'bundled'] as const)
        .map((source) => ({ source, items: shown.filter((scenario) => scenario.source === source) }))
        .filter((section) => section.items.length > 0),
    [shown],
  );
  const selected = all.find((scenario) => scenario.id === selectedId) ?? null;
  const listRef = useRef<HTMLDivElement>(null);
  // A scenario an action selected (a copy, an import) scrolls into sight.
  useEffect(() => {
    if (selected === null) return;
    listRef.current?.querySelector(`[data-key="${selected.id}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);
  // The button of a deleted or restored scenario goes with it: focus then moves to the list, once
  // the dialog that asked has closed, rather than falling back to the top of the page.
  const focusListIfLost = () =>
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active === null || active === document.body) listRef.current?.focus();
    });
  const busy = library.busy;

  return (
    <section aria-labelledby="library-title" aria-busy={library.scenarios === null} className="library">
      <h1 id="library-title">{t('title')}</h1>
      <p className="library-intro">{t('intro')}</p>
      <div className="library-toolbar">
        <BusyButton
          busy={busy}
          action="create"
          busyKey="library"
          onClick={() => setDialog({ kind: 'create' })}
        >
          {t('newFromTemplate')}
        </BusyButton>
        <BusyButton
          busy={busy}
          action="import"
          busyKey="library"
          onClick={() => void library.importByDialog()}
        >
          {t('import')}
        </BusyButton>
        <span className="library-hint">{t('dropHint')}</span>
      </div>
      <NoticeLine notice={library.notice} />
      {library.loadError !== null && (
        <p role="alert" className="library-error">
          {t('loadFailed', { message: library.loadError })}
        </p>
      )}
      {library.scenarios === null && library.loadError === null && <p>{t('loading')}</p>}
      {library.scenarios !== null && (
        <div className="library-columns">
          <div className="library-list-column">
            <label className="library-filter">
              {t('filter')}
              <input
                type="search"
                value={filterText}
                placeholder={t('filterPlaceholder')}
                onChange={(event) => setFilterText(event.target.value)}
              />
            </label>
            <p className="library-count">{t('shown', { count: shown.length, total: all.length })}</p>
            <ListBox
              ref={listRef}
              aria-label={t('list')}
              className="library-list"
              items={sections}
              selectionMode="single"
              selectionBehavior="replace"
              selectedKeys={selected === null ? [] : [selected.id]}
              onSelectionChange={(keys) => {
                if (keys === 'all') return;
                const [key] = [...keys];
                if (key !== undefined) setSelectedId(String(key));
              }}
              renderEmptyState={() => <p className="library-empty">{t('noMatch')}</p>}
              // The items are cached by the collection: a change of language must draw them again.
              dependencies={[i18n.language]}
            >
              {(section) => (
                <ListBoxSection id={section.source} className="library-section">
                  <Header className="library-section-header">{t(`sections.${section.source}`)}</Header>
                  <Collection items={section.items} dependencies={[i18n.language]}>
                    {(scenario) => (
                      <ListBoxItem id={scenario.id} textValue={scenario.title} className="library-item">
                        <Text slot="label" className="library-item-title">
                          {scenario.title}
                        </Text>
                        <Text slot="description" className="library-item-meta">
                          <code>{scenario.id}</code> · {t(`source.${scenario.source}`)} ·{' '}
                          {t(`translation:mode.${scenario.mode}`)} ·{' '}
                          {t(`languages.${scenario.language}`, { defaultValue: scenario.language })}
                        </Text>
                      </ListBoxItem>
                    )}
                  </Collection>
                </ListBoxSection>
              )}
            </ListBox>
          </div>
          <ScenarioDetails
            scenario={selected}
            busy={busy}
            onDuplicate={(scenario) => void library.duplicate(scenario)}
            onRename={(scenario) => setDialog({ kind: 'rename', scenario })}
            onDelete={(scenario) => setDialog({ kind: 'delete', scenario })}
            onExport={(scenario, format) => void library.exportAs(scenario, format)}
          />
        </div>
      )}
      <TrashSection
        entries={library.trash}
        busy={busy}
        onRestore={(entry) => void library.restore(entry).then(focusListIfLost)}
      />
      {dragging && (
        <div className="library-drop" aria-hidden="true">
          {t('dropNow')}
        </div>
      )}
      {dialog?.kind === 'create' && (
        <CreateDialog scenarios={all} onCreate={library.create} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'rename' && (
        <RenameDialog
          scenario={dialog.scenario}
          onRename={(newId, title) => library.rename(dialog.scenario, newId, title)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteDialog
          scenario={dialog.scenario}
          onDelete={async () => {
            const outcome = await library.remove(dialog.scenario);
            focusListIfLost();
            return outcome;
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {library.clash !== null && (
        <ClashDialog clash={library.clash} onChoose={(choice) => void library.resolveClash(choice)} />
      )}
    </section>
  );
}

function ScenarioDetails(props: {
  readonly scenario: ScenarioSummary | null;
  readonly busy: Busy | null;
  readonly onDuplicate: (scenario: ScenarioSummary) => void;
  readonly onRename: (scenario: ScenarioSummary) => void;
  readonly onDelete: (scenario: ScenarioSummary) => void;
  readonly onExport: (scenario: ScenarioSummary, format: 'scenario' | 'pack') => void;
}) {
  const { t } = useTranslation('library');
  const titleId = useId();
  const { scenario, busy } = props;
  if (scenario === null) {
    return (
      <div className="library-details library-details-empty">
        <p>{t('chooseOne')}</p>
      </div>
    );
  }
  const bundled = scenario.source === 'bundled';
  return (
    <section className="library-details" aria-labelledby={titleId}>
      <h2 id={titleId}>{scenario.title}</h2>
      <dl className="facts library-facts">
        <dt>{t('details.id')}</dt>
        <dd>
          <code>{scenario.id}</code>
        </dd>
        <dt>{t('details.source')}</dt>
        <dd>{t(`source.${scenario.source}`)}</dd>
        <dt>{t('details.mode')}</dt>
        <dd>{t(`translation:mode.${scenario.mode}`)}</dd>
        <dt>{t('details.language')}</dt>
        <dd>{t(`languages.${scenario.language}`, { defaultValue: scenario.language })}</dd>
      </dl>
      {bundled && <p className="library-hint">{t('details.readOnly')}</p>}
      <div className="library-links">
        {!bundled && <a href={editHash(scenario.id)}>{t('edit')}</a>}
        <a href={checksHash(scenario.id)}>{t('checks')}</a>
      </div>
      <div className="library-actions">
        <BusyButton
          busy={busy}
          action="duplicate"
          busyKey={scenario.id}
          onClick={() => props.onDuplicate(scenario)}
        >
          {bundled ? t('duplicateToEdit') : t('duplicate')}
        </BusyButton>
        {!bundled && (
          <>
            <BusyButton
              busy={busy}
              action="rename"
              busyKey={scenario.id}
              className="secondary"
              onClick={() => props.onRename(scenario)}
            >
              {t('rename')}
            </BusyButton>
            <BusyButton
              busy={busy}
              action="delete"
              busyKey={scenario.id}
              className="danger"
              onClick={() => props.onDelete(scenario)}
            >
              {t('delete')}
            </BusyButton>
          </>
        )}
        <BusyButton
          busy={busy}
          action="export"
          busyKey={scenario.id}
          className="secondary"
          onClick={() => props.onExport(scenario, 'scenario')}
        >
          {t('export')}
        </BusyButton>
        <BusyButton
          busy={busy}
          action="exportPack"
          busyKey={scenario.id}
          className="secondary"
          onClick={() => props.onExport(scenario, 'pack')}
        >
          {t('exportPack')}
        </BusyButton>
      </div>
    </section>
  );
}

/**
 * Files dropped anywhere on the window while the screen shows go to `onDrop`; the browser never
 * opens them itself. True while a file is dragged over the window.
 */
function useFileDrop(accepting: boolean, onDrop: (files: ReadonlyArray<File>) => void): boolean {
  const [dragging, setDragging] = useState(false);
  // The listeners stay for the screen's life and read the newest callback and state.
  const latest = useRef({ onDrop, accepting });
  latest.current = { onDrop, accepting };
  useEffect(() => {
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    // Every element the pointer enters gets a dragenter before the one it left gets its
    // dragleave: the drag has left the window when the count is back to zero.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = latest.current.accepting ? 'copy' : 'none';
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      if (latest.current.accepting) latest.current.onDrop([...(event.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return dragging;
}

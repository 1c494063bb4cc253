import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EditorView } from '@codemirror/view';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../../src/renderer/src/api';
import { editorApp } from './render-editor';

function section(name: string) {
  fireEvent.click(within(screen.getByRole('navigation', { name: 'Sections' })).getByRole('button', { name }));
}

function group(name: string | RegExp, container: HTMLElement = document.body) {
  return within(container).getByRole('group', { name });
}

function jsonEditor(): EditorView {
  const content =
    document.querySelector('.editor-json')?.shadowRoot?.querySelector<HTMLElement>('.cm-content') ?? null;
  if (content === null) throw new Error('the JSON view is not shown');
  const view = EditorView.findFromDOM(content);
  if (view === null) throw new Error('no CodeMirror view');
  return view;
}

describe('the scenario editor', () => {
  it('writes a form edit into the JSON text, two-space indented', async () => {
    const app = await editorApp();
    await app.open();
    const title = screen.getByLabelText('Title');
    fireEvent.change(title, { target: { value: 'Mortgage closing, my version' } });
    expect(screen.getByRole('heading', { name: 'Edit: Mortgage closing, my version' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'JSON' }));
    const text = jsonEditor().state.doc.toString();
    expect(text).toContain('\n  "title": "Mortgage closing, my version",\n');
    expect(JSON.parse(text).title).toBe('Mortgage closing, my version');
  });

  it('shows valid JSON typed in the JSON view in the form, and keeps invalid JSON as typed', async () => {
    const app = await editorApp();
    await app.open();
    fireEvent.click(screen.getByRole('button', { name: 'JSON' }));
    const view = jsonEditor();
    const text = view.state.doc.toString();
    const at = text.indexOf('"estimatedMinutes": ') + '"estimatedMinutes": '.length;
    const end = text.indexOf(',', at);
    act(() => view.dispatch({ changes: { from: at, to: end, insert: '42' }, userEvent: 'input.type' }));
    fireEvent.click(screen.getByRole('button', { name: 'Form' }));
    expect((screen.getByLabelText('Estimated minutes') as HTMLInputElement).value).toBe('42');

    fireEvent.click(screen.getByRole('button', { name: 'JSON' }));
    const broken = jsonEditor();
    act(() => broken.dispatch({ changes: { from: 0, to: 1, insert: '{ oops' }, userEvent: 'input.type' }));
    const typed = broken.state.doc.toString();
    fireEvent.click(screen.getByRole('button', { name: 'Form' }));
    const alert = await screen.findByText(/^The JSON view has a syntax error at line 1 col 3/);
    expect(alert.getAttribute('role')).toBe('alert');
    // The form shows the last valid version and cannot change the text.
    const minutes = screen.getByLabelText('Estimated minutes') as HTMLInputElement;
    expect(minutes.value).toBe('42');
    expect(minutes.readOnly).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'JSON' }));
    expect(jsonEditor().state.doc.toString()).toBe(typed);
  });

  it('shows a finding at a party’s invalid answer delay, and its list entry focuses the field', async () => {
    const app = await editorApp();
    await app.open();
    section('Parties');
    const brooks = group('Party 3: Helen Brooks');
    const min = within(group('After', group('Answer', brooks))).getByLabelText('Min') as HTMLInputElement;
    expect(min.value).toBe('3');
    fireEvent.change(min, { target: { value: '-2' } });
    await waitFor(() => expect(min.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = min.getAttribute('aria-describedby') ?? '';
    const message = document.getElementById(describedBy.split(' ').at(-1) ?? '');
    expect(message?.textContent).toMatch(/>=0/);

    // From another section, the finding's entry brings the trainer back to the field.
    section('Metadata');
    const findings = screen.getByRole('region', { name: 'Findings' });
    const entry = within(findings).getByRole('button', { name: /\$\.parties\[2\]\.answer\.after\.min/ });
    fireEvent.click(entry);
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('data-path')).toBe('$.parties[2].answer.after.min'),
    );
    expect((document.activeElement as HTMLInputElement).value).toBe('-2');

    fireEvent.change(document.activeElement as HTMLInputElement, { target: { value: '2' } });
    await waitFor(() =>
      expect(within(findings).queryByRole('button', { name: /answer\.after\.min/ })).toBeNull(),
    );
  });

  it('undoes and redoes whole-document changes across the form and the JSON view', async () => {
    const app = await editorApp();
    await app.open();
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'First' } });
    fireEvent.change(screen.getByLabelText('Author'), { target: { value: 'Someone' } });
    const undo = screen.getByRole('button', { name: 'Undo' });
    const redo = screen.getByRole('button', { name: 'Redo' });
    fireEvent.click(undo);
    expect((screen.getByLabelText('Author') as HTMLInputElement).value).not.toBe('Someone');
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('First');
    fireEvent.keyDown(screen.getByLabelText('Title'), { key: 'z', ctrlKey: true });
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe(app.copy.title);
    expect(undo).toHaveProperty('disabled', true);
    fireEvent.keyDown(screen.getByLabelText('Title'), { key: 'y', ctrlKey: true });
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('First');
    fireEvent.click(redo);
    expect((screen.getByLabelText('Author') as HTMLInputElement).value).toBe('Someone');

    // An edit in the JSON view is one more step of the same history.
    fireEvent.click(screen.getByRole('button', { name: 'JSON' }));
    const view = jsonEditor();
    const text = view.state.doc.toString();
    const at = text.indexOf('"Someone"');
    act(() =>
      view.dispatch({ changes: { from: at + 1, to: at + 8, insert: 'Other' }, userEvent: 'input.type' }),
    );
    expect(jsonEditor().state.doc.toString()).toContain('"author": "Other"');
    fireEvent.click(undo);
    expect(jsonEditor().state.doc.toString()).toContain('"author": "Someone"');
    fireEvent.click(screen.getByRole('button', { name: 'Form' }));
    fireEvent.click(undo);
    expect((screen.getByLabelText('Author') as HTMLInputElement).value).not.toBe('Someone');
  });

  it('saves to the library file, which opens again with the change', async () => {
    const app = await editorApp();
    await app.open();
    section('Rubric');
    const first = group(/^Criterion 1: /);
    const weight = within(first).getByLabelText('Weight') as HTMLInputElement;
    // Help from the locales where the schema has no description, tied to the field.
    const helpId = weight.getAttribute('aria-describedby')?.split(' ')[0] ?? '';
    expect(document.getElementById(helpId)?.textContent).toBe('Points this criterion is worth.');
    fireEvent.change(weight, { target: { value: '10' } });
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/^Saved/, undefined, { timeout: 20_000 });
    expect(screen.getByText('All changes saved')).toBeTruthy();
    const file = JSON.parse(
      readFileSync(join(app.deps.dataFolder, 'scenarios', `${app.copy.id}.json`), 'utf8'),
    );
    expect(file.rubric.criteria[0].weight).toBe(10);
    const reopened = await callApi('scenarios:open', { id: app.copy.id });
    expect(
      (reopened.value as { rubric: { criteria: Array<{ weight: number }> } }).rubric.criteria[0]?.weight,
    ).toBe(10);
  }, 90_000);

  it('saves with Ctrl+S from a field of the form', async () => {
    const app = await editorApp();
    await app.open();
    fireEvent.change(screen.getByLabelText('Author'), { target: { value: 'Saved by keyboard' } });
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    fireEvent.keyDown(screen.getByLabelText('Author'), { key: 's', ctrlKey: true });
    await screen.findByText('All changes saved', undefined, { timeout: 20_000 });
    const file = JSON.parse(
      readFileSync(join(app.deps.dataFolder, 'scenarios', `${app.copy.id}.json`), 'utf8'),
    );
    expect(file.author).toBe('Saved by keyboard');
  }, 90_000);

  it('asks before leaving with unsaved changes, and stays when told to', async () => {
    const app = await editorApp();
    await app.open();
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Not yet saved' } });
    fireEvent.click(screen.getByRole('link', { name: 'History' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Unsaved changes' });
    expect(window.location.hash).toBe(`#/edit/${app.copy.id}`);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Stay and keep editing' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Not yet saved');

    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);

    fireEvent.click(screen.getByRole('link', { name: 'History' }));
    fireEvent.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Leave without saving' }),
    );
    await waitFor(() => expect(window.location.hash).toBe('#/history'));
    expect(screen.queryByRole('heading', { name: /^Edit: / })).toBeNull();
  });

  it('offers the autosaved draft after the editor went away without saving', async () => {
    const app = await editorApp();
    const first = await app.open();
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Typed before the crash' } });
    await waitFor(async () => {
      const drafts = await callApi('drafts:list');
      expect(drafts.map((d) => d.key)).toContain(`edit-${app.copy.id}`);
      const draft = await callApi('drafts:open', { key: `edit-${app.copy.id}` });
      expect(JSON.parse(draft.text).title).toBe('Typed before the crash');
    });
    first.unmount();

    await app.open();
    const offer = await screen.findByText(/^An unsaved draft of this scenario from /);
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe(app.copy.title);
    fireEvent.click(
      within(offer.parentElement as HTMLElement).getByRole('button', { name: 'Restore the draft' }),
    );
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Typed before the crash');
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
  });
});

describe('the scenario editor on a bundled scenario', () => {
  it('is read-only and makes an editable copy on "Duplicate to edit"', async () => {
    const app = await editorApp();
    await app.open('warm-transfer-swap');
    const title = screen.getByLabelText('Title') as HTMLInputElement;
    expect(title.readOnly).toBe(true);
    expect(screen.getByRole('button', { name: 'Save' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Duplicate to edit' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/edit\/warm-transfer-swap-/));
    await screen.findByRole('heading', { name: /\(copy\)$/ }, { timeout: 10_000 });
    expect((screen.getByLabelText('Title') as HTMLInputElement).readOnly).toBe(false);
    expect(screen.queryByRole('button', { name: 'Duplicate to edit' })).toBeNull();
  });

  it('speaks German when the app does', async () => {
    const app = await editorApp();
    await app.i18n.changeLanguage('de');
    window.location.hash = `#/edit/${app.copy.id}`;
    await app.open();
    expect(screen.getByRole('navigation', { name: 'Abschnitte' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Speichern' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Befunde' })).toBeTruthy();
  });
});

describe('the audio clips of a scenario’s lines', () => {
  it('stores a picked file for a line’s clip in the library', async () => {
    const app = await editorApp();
    await app.open();
    fireEvent.click(screen.getByRole('button', { name: 'JSON' }));
    const view = jsonEditor();
    const text = view.state.doc.toString();
    const at = text.indexOf('"say": {') + '"say": {'.length;
    act(() => view.dispatch({ changes: { from: at, insert: '"clip": "mortgage/hello.wav", ' } }));
    fireEvent.click(screen.getByRole('button', { name: 'Form' }));
    const clips = screen.getByRole('region', { name: 'Audio clips' });
    expect(within(clips).getByText('missing')).toBeTruthy();
    const wav = readFileSync(join(__dirname, '../../../resources/audio/join.wav'));
    const file = new File([wav], 'hello.wav', { type: 'audio/wav' });
    fireEvent.change(within(clips).getByLabelText('Choose a file for mortgage/hello.wav'), {
      target: { files: [file] },
    });
    await within(clips).findByText(`Stored mortgage/hello.wav (${wav.length} bytes).`, undefined, {
      timeout: 10_000,
    });
    expect(within(clips).getByText('stored')).toBeTruthy();
    const stored = await callApi('clips:get', { scenarioId: app.copy.id, clip: 'mortgage/hello.wav' });
    expect(stored.bytes).toBe(wav.length);
    expect(within(clips).getByRole('button', { name: 'Play mortgage/hello.wav' })).toHaveProperty(
      'disabled',
      false,
    );
  });
});

describe('saving a scenario with errors', () => {
  it('writes nothing and says so', async () => {
    const app = await editorApp();
    await app.open();
    const path = join(app.deps.dataFolder, 'scenarios', `${app.copy.id}.json`);
    const before = readFileSync(path, 'utf8');
    section('Parties');
    const min = within(group('After', group('Answer', group('Party 3: Helen Brooks')))).getByLabelText('Min');
    fireEvent.change(min, { target: { value: '-2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/^Not saved: the scenario has errors \(1\)/, undefined, { timeout: 20_000 });
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
  }, 60_000);
});

// Main's handlers called from the page through `window.api`, as the renderer calls them.
import { actionsToInputs, runSession, type SessionRecord } from '@shared/scenario';
import { bundledScenario } from '../../support/assessments';
import type { RunningApp } from './launch';

const mortgage = bundledScenario('mortgage-closing');

type Invoke = (
  channel: string,
  payload?: unknown,
) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;

/** Calls a channel of the real handler map from the page, as the renderer does. */
export async function call<T>(app: RunningApp, channel: string, payload?: unknown): Promise<T> {
  const result = await app.page.evaluate(
    ({ name, data }) => ((window as unknown as { api: Record<string, Invoke> }).api[name] as Invoke)(data),
    { name: channel, data: payload as never },
  );
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/**
 * Plays the mortgage closing (its reference solution unless `actions` say otherwise) as an
 * assessment of Alex Example through session:begin, session:append and (unless crashed)
 * session:finish; returns the attempt's id.
 */
export async function playSession(
  app: RunningApp,
  actions = mortgage.reference.actions,
  finish = true,
): Promise<string> {
  const begun = await call<{ attemptId: string; seed: number }>(app, 'session:begin', {
    scenarioId: 'mortgage-closing',
    mode: 'assessment',
    trainee: { name: 'Alex Example' },
    seed: mortgage.reference.seed,
  });
  const records: ReadonlyArray<SessionRecord> = runSession(mortgage, begun.seed, actionsToInputs(actions)).log
    .records;
  const sent = finish ? records : records.slice(0, 30);
  await call(app, 'session:append', { attemptId: begun.attemptId, records: sent });
  if (finish) await call(app, 'session:finish', { attemptId: begun.attemptId });
  return begun.attemptId;
}

import type { IpcChannel, IpcRequest, IpcResponse, ScenarioSummary } from '@shared/ipc';

/** The handler of every request channel: exactly one per channel of the contract. */
export type HandlerMap = {
  readonly [C in IpcChannel]: (payload: IpcRequest<C>) => Promise<IpcResponse<C>>;
};

/** What the handlers need from their host; tests pass a temporary folder and plain values. */
export interface HandlerDeps {
  readonly appName: string;
  readonly appVersion: string;
  /** The folder where the app keeps its data (scenarios, journals, assessments). */
  readonly dataFolder: string;
  /** The system's UI language, e.g. `de-DE`. */
  readonly locale: string;
  /** Lists the scenario library; the scenario issue fills it. */
  readonly listScenarios: () => Promise<ReadonlyArray<ScenarioSummary>>;
}

/** Builds the handler map from its host dependencies. */
export function createHandlers(deps: HandlerDeps): HandlerMap {
  return {
    'app:info': async () => ({
      name: deps.appName,
      version: deps.appVersion,
      dataFolder: deps.dataFolder,
      locale: deps.locale,
    }),
    'scenarios:list': async () => [...(await deps.listScenarios())],
  };
}

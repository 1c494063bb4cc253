/**
 * The names of the IPC contract's channels and events, without their schemas: what the preload
 * script needs to build `window.api`, so that it does not bundle zod and every schema.
 * Written by `npm run ipc-names` from `ipc.ts`; `npm test` checks that it is current.
 */

/** The request channels, in the contract's declaration order. */
export const IPC_CHANNEL_NAMES = [
  'app:info',
  'scenarios:list',
  'scenarios:get',
  'session:begin',
  'session:append',
  'session:finish',
  'session:unfinished',
  'session:recover',
  'session:resume',
  'assessments:list',
  'assessments:get',
  'assessments:export',
  'scenarios:open',
  'scenarios:create',
  'scenarios:duplicate',
  'scenarios:save',
  'scenarios:rename',
  'scenarios:delete',
  'scenarios:trash',
  'scenarios:restore',
  'scenarios:import',
  'scenarios:import-resolve',
  'scenarios:export',
  'clips:get',
  'clips:put',
  'drafts:save',
  'drafts:list',
  'drafts:open',
  'drafts:discard',
  'assessments:verify',
  'assessments:export-all',
  'assessments:import-files',
  'desktop:get',
  'desktop:choose',
  'trust:list',
  'trust:add',
  'trust:remove',
  'trust:import',
  'trust:export',
] as const;

/** The main→renderer events, in the contract's declaration order. */
export const IPC_EVENT_NAMES = ['app:navigate'] as const;

/** The most records one `session:append` may carry. */
export const MAX_APPEND_RECORDS = 500;

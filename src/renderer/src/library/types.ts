import type { IpcResponse } from '@shared/ipc';

/** One scenario in the trash, as `scenarios:trash` lists it. */
export type TrashEntry = IpcResponse<'scenarios:trash'>[number];

type ImportAnswer = IpcResponse<'scenarios:import'>;
type Invalid = Extract<ImportAnswer, { status: 'invalid' }>;

/** One finding of the validator about an imported file. */
export type ImportFinding = Invalid['findings'][number];
/** One problem of an imported file that is not about the scenario itself (a pack entry, the size). */
export type ImportProblem = Invalid['problems'][number];
/** An import that waits for keep-both or replace. */
export type ClashAnswer = Extract<ImportAnswer, { status: 'clash' }>;

/**
 * Authoring checks: whether a scenario is solvable and ready, shown rather than told. The dry run
 * of the reference, readiness (reference, recorded tests, what-if runs), previews (caller IDs,
 * participants, Contact Lens, the script's timeline), the side-by-side panel, and turning a
 * recorded console run into the reference or a test run.
 */
export * from './dry-run';
export * from './previews';
export * from './readiness';
export * from './recording';
export * from './scenario-value';
export * from './side-by-side';

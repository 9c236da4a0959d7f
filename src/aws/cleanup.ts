// A project's cleanup, one concept per file: the plan's types, planning (read-only), the deletions,
// the buckets, the poller and the run. This file keeps the public exports in one place.
export * from './cleanup-types';
export { DELETE_OBJECTS_BATCH } from './cleanup-buckets';
export { cleanupStackOrder, planCleanup } from './cleanup-plan';
export { STEP_LABELS, executeCleanup, formatOutcome } from './cleanup-execute';

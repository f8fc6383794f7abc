/** Deterministic prompt compression with the list of edits it made, and the must-keep checker. */
export { compress } from './compress';
export { checkPreserved, mustKeepItems, type MustKeepItem, type MustKeepKind, type PreservationReport } from './must-keep';
export { COMPRESS_LEVELS, type CompressEdit, type CompressLevel, type CompressOptions, type CompressResult } from './model';

/** The optimizer pipeline: steps 1 to 6, batch mode, and the runtime that wires them up. */
export { runBatch, type BatchDeps, type BatchItem, type BatchItemResult, type BatchProgress } from './batch';
export { Pipeline, type LedgerSink, type PipelineDeps, type RunOptions } from './pipeline';
export { openRuntime, type Runtime, type RuntimeOptions } from './runtime';
export { defaultSettings, DEFAULT_KEEP_TURNS } from './settings';
export type { PipelineRequest, PipelineSettings, PreparedCall, RunResult, StepName, StepReport } from './types';

/** The workspace cost report and the lint verdict: pure data in, models and rendered text out. */
export * from './model';
export { buildReport, type ReportContext } from './build-report';
export { workspaceMonthlyUsd } from './monthly-total';
export { lintOutcome, type FailOn, type LintCounts, type LintOutcome, type LintPolicy } from './lint-outcome';
export { renderReportMarkdown, type MarkdownOptions } from './render-markdown';
export { renderReportHtml, type HtmlOptions } from './render-html';
export { diffPrompts, matchPrompts, similarity, type DiffSide, type PromptChange, type PromptDiff, type PromptVersion } from './prompt-diff';
export { renderDiffMarkdown, formatUsdDelta } from './render-diff-markdown';

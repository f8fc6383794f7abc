export * from './model';
export { classifyPrompt } from './classify';
export { extractFeatures, type PromptFeatures } from './features';
export { compileCondition, evaluateCondition, VARIABLES, type Condition, type ConditionValues } from './condition';
export { ConditionError } from './condition-syntax';
export { DEFAULT_ROUTING_TABLE } from './default-table';
export { compileRoutingTable, isLocalModel, localModelsAllowed, route, validateRouting, type CompiledRule } from './route';

export * from './model';
export { parseConfig, type ParsedConfig } from './parse-config';
export { monthlyVolume } from './volume';

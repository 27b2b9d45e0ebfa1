export { createBriefService, type BriefHost, type BriefService, type Logger } from './service';
export type { BriefOptions } from './options';
export { DEFAULT_OPTIONS } from './options';
export type * from './document';
export * from './types';
export { LineIndex } from './text/lineIndex';

export * from './file-kind';
export * from './columns';
export * from './rows';
export * from './import-limits';

export * from './check-in-code';
export * from './check-in-time';

export * from './check-in-code';
export * from './check-in-time';
export * from './idempotency-key';

export * from './anonymise';
export * from './erasure-ledger.repository';
export * from './reapply';

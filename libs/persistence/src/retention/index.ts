// Retention (gallring) of issue 12: the rules as data, their SQL, the preview and the runs.
export * from './retention-rules';
export * from './retention.repository';
export * from './retention-runner';
export * from './erasure-ledger-export';

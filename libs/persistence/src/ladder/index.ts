export * from './ladder-sql';
export * from './ladder.repository';
export * from './ladder-recompute';
export * from './ladder-queries';

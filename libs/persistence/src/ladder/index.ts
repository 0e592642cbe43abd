export * from './ladder-sql';
export * from './ladder.repository';

export * from './suppression';
export * from './committee-dates';

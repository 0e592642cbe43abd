export * from './suppression';
export * from './committee-dates';
export * from './differencing';

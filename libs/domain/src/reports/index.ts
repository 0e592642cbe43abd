export * from './figures';
export * from './quarters';
export * from './compare';
export * from './disclosure';

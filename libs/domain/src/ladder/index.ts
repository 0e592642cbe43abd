export * from './calendar';
export * from './evidence';
export * from './reasons';
export * from './rules';
export * from './steps';
export * from './timeline';

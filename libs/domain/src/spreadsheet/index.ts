export * from './cell-safety';

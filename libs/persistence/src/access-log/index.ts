export * from './access-log.repository';
export * from './unusual-volume';

// The restriction part of data protection (issue 12).
export * from './restriction.repository';

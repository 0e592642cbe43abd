// The personal-data-export part of data protection (issue 12): register extracts (GDPR art. 15).
export * from './personal-data-export.repository';

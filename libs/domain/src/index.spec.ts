import * as domain from './index';

describe('index', () => {
  it('re-exports every module', () => {
    for (const name of [
      'DomainValidationError',
      'Sector',
      'strongerRole',
      'MEETING_PLACES',
      'normaliseEmail',
      'normaliseOrganisationNumber',
      'ISO_COUNTRY_CODES',
      'resolveLocation',
      'isMunicipalityCode',
      'SUB_REGIONS',
      'subRegionOf',
      'requireName',
      'normaliseTopics',
      'validateSchedule',
      'Permission',
      'ROLE_PERMISSIONS',
      'can',
    ]) {
      expect(domain).toHaveProperty(name);
    }
  });
});

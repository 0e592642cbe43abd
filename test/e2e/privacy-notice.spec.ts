import { TestApi } from '../support/api';

/** The privacy notice's texts come from configuration and are public: no session needed. */
describe('GET /privacy-notice', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ env: { PRIVACY_CONTACT_EMAIL: 'dpo@example.se', PRIVACY_RETENTION: '  ' } });
  });
  afterAll(() => api.close());

  it('answers the configured texts without a session, with the defaults where none is set', async () => {
    const response = await fetch(`${api.baseUrl}/privacy-notice`);
    expect(response.status).toBe(200);
    const notice = await response.json();
    expect(notice).toEqual({
      controller: 'Region Västerbotten',
      purpose: expect.stringContaining('Region Västerbottens'),
      legalBasis: expect.stringContaining('samtycke'),
      retention: expect.stringContaining('gallr'),
      rights: expect.stringContaining('registerutdrag'),
      contactEmail: 'dpo@example.se',
    });
  });
});

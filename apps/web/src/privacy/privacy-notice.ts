// The privacy notice's texts, from the API's configuration (GET /privacy-notice, public).

export interface PrivacyNotice {
  controller: string;
  purpose: string;
  legalBasis: string;
  retention: string;
  rights: string;
  contactEmail: string;
}

const FIELDS = ['controller', 'purpose', 'legalBasis', 'retention', 'rights', 'contactEmail'] as const;

/** The notice, or null when the API does not answer one. */
export async function fetchPrivacyNotice(signal?: AbortSignal): Promise<PrivacyNotice | null> {
  try {
    const response = await fetch('/privacy-notice', { credentials: 'same-origin', signal });
    if (!response.ok) return null;
    const json = (await response.json()) as Record<string, unknown>;
    if (!FIELDS.every((field) => typeof json[field] === 'string')) return null;
    return json as unknown as PrivacyNotice;
  } catch {
    return null;
  }
}

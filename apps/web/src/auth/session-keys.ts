// The device's storage keys for the session (no secret is kept), shared with the entry's early requests.
export const STORED_USER = 'crm.user';
/** Set when "Logga ut" could not reach the server: the session cookie is still alive there. */
export const SIGN_OUT_PENDING = 'crm.signOutPending';

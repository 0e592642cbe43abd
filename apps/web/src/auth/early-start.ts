// Imported first by the entry (main.tsx) and by nothing else, so this runs before React, the router
// and the rest of the entry chunk are evaluated: the session is asked for at once, and a page that
// says what it needs (the map) has its figures, its data files and its chunk on the way too, while
// the app starts (see early-requests.ts).
import { MeDocument } from '../gql/graphql';
import { prefetchMapPage } from '../map/prefetch';
import { sendEarly } from './early-requests';
import { SIGN_OUT_PENDING, STORED_USER } from './session-keys';

// Until a sign-out made offline has reached the server, the cookie is not asked about (session.tsx).
// A page's figures only when this device has a user signed in (else they would only be refused).
let signOutPending = true;
let knownUser = false;
try {
  signOutPending = localStorage.getItem(SIGN_OUT_PENDING) === '1';
  knownUser = localStorage.getItem(STORED_USER) !== null;
} catch {
  // no storage: the session provider decides as before
}
if (!signOutPending) {
  sendEarly(MeDocument);
  if (knownUser) prefetchMapPage(window.location);
}

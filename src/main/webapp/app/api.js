// The one door to the API. Tokens never reach this code: they travel in HttpOnly cookies
// (cookie mode, ?delivery=cookie). JavaScript only sees the CSRF token, which it echoes in
// X-CSRF-Token on every request (the server demands it for state-changing ones).
//
// When the access cookie has run out, the first 401 starts ONE refresh; every request that fails
// while it runs waits for that same refresh and is retried once (single flight). Tabs share the
// cookies, so they also share the refresh: it runs under a Web Lock, and a tab that gets the lock
// after another tab refreshed sees a new CSRF cookie and just retries. Without Web Locks (plain
// HTTP other than localhost) two tabs may refresh at once: the server refuses the second within
// its reuse grace window without revoking anything, and that tab, seeing the new CSRF cookie the
// first one got, retries too.

import { humane, plural } from './messages.js';

// __Host- at the context root, __Secure- under a context path or with a cookie domain, no prefix
// when [cookie] secure = false.
const CSRF_COOKIE = /(?:^|;\s*)(?:__Host-|__Secure-)?csrf_token=([^;]+)/;
const SCRIPT_HEADERS = { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' };

/**
 * A failed call: the HTTP status (0 when the server did not answer), the API's own text, and
 * the message for people (messages.js).
 */
export class ApiError extends Error {
  constructor(status, apiText, retryAfterSeconds) {
    super(humane(status, apiText, retryAfterSeconds));
    this.status = status;
    this.apiText = apiText;
  }
}

/** Raised when there is no session any more: the caller shows the login form. */
export class SignedOut extends ApiError {
  constructor(apiText) {
    super(401, apiText);
  }
}

/** The browser dropped the session cookies right after a successful sign-in. */
export const COOKIES_REFUSED = 'You were signed in, but your browser refused the session cookies: '
  + 'this page is served over plain HTTP and the server sends cookies only for HTTPS. Open MediaHub '
  + 'with https://, or (for a test on your own network) start the server with FDB_COOKIE_SECURE=false.';

/** fetch, with "no answer at all" (server down, network gone) as ApiError status 0. */
async function request(path, init) {
  try {
    return await fetch(path, init);
  } catch (networkFailure) {
    throw new ApiError(0, null);
  }
}

function csrfToken() {
  const match = document.cookie.match(CSRF_COOKIE);
  return match ? decodeURIComponent(match[1]) : null;
}

export function hasSession() {
  return csrfToken() !== null;
}

const channel = 'BroadcastChannel' in window ? new BroadcastChannel('mediahub-session') : null;
const signedOutListeners = new Set();

/** Called when this or another tab signs out, or a refresh fails. */
export function onSignedOut(listener) {
  signedOutListeners.add(listener);
}

function signedOut(message, tellOtherTabs) {
  if (tellOtherTabs && channel) {
    channel.postMessage('signed-out');
  }
  signedOutListeners.forEach((listener) => listener(message));
}

if (channel) {
  channel.onmessage = (event) => {
    if (event.data === 'signed-out') {
      signedOut('You signed out in another tab.', false);
    }
  };
}

let refreshInFlight = null;

/** Resolves true when a fresh pair is in the cookies, false when the session is over. */
function refreshOnce(csrfSeen) {
  if (!refreshInFlight) {
    const run = () => refresh(csrfSeen);
    const locked = navigator.locks ? navigator.locks.request('mediahub-refresh', run) : run();
    refreshInFlight = locked.finally(() => { refreshInFlight = null; });
  }
  return refreshInFlight;
}

async function refresh(csrfSeen) {
  const csrf = csrfToken();
  if (csrf === null) {
    return false;
  }
  if (csrf !== csrfSeen) {
    return true; // another tab refreshed while we waited for the lock
  }
  const response = await request('api/token/refresh?delivery=cookie', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { ...SCRIPT_HEADERS, 'X-CSRF-Token': csrf },
  });
  await response.text(); // the body says only how long the new cookies last
  // Refused, but another tab's refresh won the race meanwhile: its new cookies are ours too.
  return response.ok || csrfToken() !== csrf;
}

function send(method, path, body, csrf) {
  const headers = { ...SCRIPT_HEADERS };
  if (csrf !== null) {
    headers['X-CSRF-Token'] = csrf;
  }
  const init = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return request(path, init);
}

async function errorText(response) {
  try {
    const json = await response.json();
    if (json && typeof json.error === 'string') {
      return json.error;
    }
  } catch (ignored) {
    // not JSON: fall through to the status line
  }
  return `The server answered ${response.status} ${response.statusText}`.trim();
}

async function failure(response) {
  return new ApiError(response.status, await errorText(response), Number(response.headers.get('Retry-After')));
}

/**
 * Calls the API and returns the parsed JSON (or null for 204). Throws ApiError with the API's
 * own error text, or SignedOut when the session cannot be renewed.
 */
export async function call(method, path, body) {
  let csrf = csrfToken();
  let response = await send(method, path, body, csrf);
  if (response.status === 401) {
    if (csrf === null || !(await refreshOnce(csrf))) {
      signedOut('Your session has ended. Please sign in again.', false);
      throw new SignedOut(await errorText(response));
    }
    await response.text();
    csrf = csrfToken();
    response = await send(method, path, body, csrf);
  } else if (response.status === 403 && csrf !== csrfToken()) {
    // Another request rotated the pair (and the CSRF cookie) while this one was on its way.
    csrf = csrfToken();
    response = await send(method, path, body, csrf);
  }
  if (response.status === 401) {
    signedOut('Your session has ended. Please sign in again.', false);
    throw new SignedOut(await errorText(response));
  }
  if (!response.ok) {
    throw await failure(response);
  }
  return response.status === 204 ? null : response.json();
}

function basic(username, password) {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return 'Basic ' + btoa(String.fromCharCode(...bytes));
}

/** The API's answer to a right password of a user with two-factor authentication on, without a code. */
export const SECOND_FACTOR_REQUIRED = 'Second factor required';

/**
 * Trades the credentials (and, for a user with two-factor authentication on, a TOTP or recovery
 * code) for a cookie session; throws ApiError with the API's message.
 */
export async function signIn(username, password, code) {
  const headers = { ...SCRIPT_HEADERS, Authorization: basic(username, password) };
  if (code) {
    headers['X-OTP'] = code;
  }
  const response = await request('api/token?delivery=cookie', {
    method: 'POST',
    credentials: 'same-origin',
    headers,
  });
  if (!response.ok) {
    throw await failure(response);
  }
  await response.text();
  if (!hasSession()) {
    // Secure cookies over plain HTTP (other than localhost) are dropped without a word.
    const refused = new Error(COOKIES_REFUSED);
    refused.cookiesRefused = true;
    throw refused;
  }
}

/** GET api/info, which needs no session: e.g. whether registration is open. */
export async function serviceInfo() {
  const response = await request('api/info', { headers: SCRIPT_HEADERS, credentials: 'same-origin' });
  if (!response.ok) {
    throw await failure(response);
  }
  return response.json();
}

/** Creates an account for oneself (only while [auth] registration is open); throws ApiError. */
export async function register(username, password) {
  const response = await request('api/users', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { ...SCRIPT_HEADERS, 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) {
    throw await failure(response);
  }
  await response.text();
}

/** Ends this browser's session (the server clears the cookies) and tells the other tabs. */
export async function signOut() {
  try {
    await call('POST', 'api/logout', {});
  } catch (error) {
    if (!(error instanceof SignedOut)) {
      throw error;
    }
  }
  signedOut('You have signed out.', true);
}

/** Revokes every session of the user, this one included. */
export async function signOutEverywhere() {
  const result = await call('POST', 'api/logout-all');
  signedOut(`Signed out of ${plural(result.revoked, 'session')}.`, true);
}

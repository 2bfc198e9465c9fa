/*
 * The session at the UI's /session endpoints, the only requests that carry the refresh token:
 * renewing it (new cookies) and ending it.
 *
 * A refresh token is traded once: a second renewal with the same cookie at the same moment is
 * refused with 409 (the user service calls a later one theft and ends every session). So renewals
 * go one at a time: the callers of a tab share the renewal under way, and the tabs of the browser
 * take turns through the Web Locks API where it exists (secure pages and localhost); a tab whose
 * turn comes after another tab renewed has nothing left to do, as they share the cookies. A 409 that
 * still happens (a page of another tab renewing by GET, a browser without Web Locks) is tried again
 * a moment later, with the cookies the other renewal set by then.
 */
const LOCK = 'chat-refresh';
const RENEWED_AT = 'chat-session-renewed-at';
const JUST_REPLACED = 409;
const RETRIES = 3;
/** A renewal that hangs gives up, so that it does not hold the other tabs' turn for minutes. */
const TIMEOUT_MS = 20000;

let renewing = null;

function post(action) {
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  const timer = controller ? setTimeout(() => controller.abort(), TIMEOUT_MS) : null;
  return fetch('session/' + action, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Accept': 'application/json' },
    signal: controller ? controller.signal : undefined
  })
    .then((response) => response.json().catch(() => ({}))
      .then((body) => ({
        status: response.status, body, retryAfter: response.headers.get('Retry-After')
      })))
    .catch(() => ({ status: 0, body: { message: 'Network error' } }))
    .finally(() => { clearTimeout(timer); });
}

/** When a tab of this browser last renewed (ms), or 0 where storage is not available. */
function renewedAt() {
  try { return Number(window.localStorage.getItem(RENEWED_AT)) || 0; } catch (e) { return 0; }
}

function noteRenewed() {
  try { window.localStorage.setItem(RENEWED_AT, String(Date.now())); } catch (e) { /* no storage */ }
}

function wait(answer) {
  const seconds = Number(answer.retryAfter);
  const ms = seconds > 0 && seconds <= 10 ? seconds * 1000 : 1000;
  return new Promise((resolve) => { setTimeout(resolve, ms); });
}

/** POSTs the renewal; after a 409 tries again a moment later, a few times. */
function renew(retries) {
  return post('refresh').then((answer) => {
    if (answer.status === 200) { noteRenewed(); }
    if (answer.status === JUST_REPLACED && retries > 0) {
      return wait(answer).then(() => renew(retries - 1));
    }
    return answer;
  });
}

/** Runs work while this tab holds the browser-wide renewal lock, or at once without Web Locks. */
function oneTabAtATime(work) {
  const locks = navigator.locks;
  if (!locks || typeof locks.request !== 'function') { return Promise.resolve().then(work); }
  let started = false;
  return locks.request(LOCK, () => { started = true; return work(); })
    .catch((e) => (started ? Promise.reject(e) : work()));
}

/**
 * Renews the session (new cookies); resolves with {status, body}. A session that is over (401)
 * sends the person to the login page; anything else (the user service away) may be tried again.
 * Callers while a renewal of this tab is under way get its answer.
 */
export function refresh() {
  if (!renewing) {
    const asked = Date.now();
    // another tab that renewed while this one waited for its turn left fresh cookies for both
    renewing = oneTabAtATime(() =>
      (renewedAt() > asked ? Promise.resolve({ status: 200, body: {} }) : renew(RETRIES)))
      .then((answer) => {
        renewing = null;
        if (answer.status === 401) { window.location.href = 'login.xhtml'; }
        return answer;
      }, (e) => {
        renewing = null;
        return { status: 0, body: { message: String(e) } };
      });
  }
  return renewing;
}

/** Ends the session here and at the user service, after any renewal under way in another tab. */
export function logout() {
  return oneTabAtATime(() => post('logout'));
}

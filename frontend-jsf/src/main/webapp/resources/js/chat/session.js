/*
 * The session at the UI's /session endpoints, the only requests that carry the refresh token:
 * renewing it (new cookies) and ending it.
 */
function post(action) {
  return fetch('session/' + action, {
    method: 'POST', credentials: 'same-origin', headers: { 'Accept': 'application/json' }
  })
    .then((response) => response.json().catch(() => ({}))
      .then((body) => ({ status: response.status, body })))
    .catch(() => ({ status: 0, body: { message: 'Network error' } }));
}

/**
 * Renews the session (new cookies); resolves with {status, body}. A session that is over (401)
 * sends the person to the login page; anything else (the user service away) may be tried again.
 */
export function refresh() {
  return post('refresh').then((answer) => {
    if (answer.status === 401) { window.location.href = 'login.xhtml'; }
    return answer;
  });
}

/** Ends the session here and at the user service. */
export function logout() {
  return post('logout');
}

/*
 * The connection to chat-war's WebSocket: frames in as named events, frames out while open, and
 * reconnecting. A socket closed with 4401 (the access token ran out) refreshes the session and
 * reconnects at once; a refused handshake (a 401 reaches the page only as 1006) refreshes before
 * retrying (chat-war also refuses upgrades with 503 while too many are under way); anything else
 * retries with a growing delay (about 1 s, 2 s, ... up to 15 s, spread at random). Once a socket
 * opens again after having been open, onReconnect lets the page catch up on what it missed.
 */
import * as session from './session.js';

let socket = null;
let url = null;
const handlers = new Map();
let attempts = 0;
let opened = false;
let onReconnect = () => {};
let setConnected = () => {};

function connect() {
  let current;
  try {
    current = new WebSocket(url);
  } catch (e) {
    schedule();
    return;
  }
  socket = current;
  let wasOpen = false;
  current.onopen = () => {
    wasOpen = true;
    const reconnect = opened;
    opened = true;
    attempts = 0;
    setConnected(true);
    if (reconnect) { onReconnect(); }
  };
  current.onmessage = (event) => {
    let frame;
    try { frame = JSON.parse(event.data); } catch (e) { return; }
    (handlers.get(frame.event) || []).forEach((handler) => handler(frame.data || {}));
  };
  current.onclose = (event) => {
    if (socket !== current) { return; }
    setConnected(false);
    if (event.code === 4401) {
      // the access token expired: refresh it, then reconnect at once
      renewThen(connect);
    } else if (!wasOpen) {
      // a refused handshake (a 401 reaches the page only as 1006): refresh before retrying
      renewThen(schedule);
    } else {
      schedule();
    }
  };
}

/**
 * Refreshes the session, then goes on. Only a refresh the user service really refused (401) ends
 * the session, and session.js then sends the person to the login page; anything else (the user
 * service away, no answer) is tried again later.
 */
function renewThen(next) {
  session.refresh().then((answer) => {
    if (answer.status === 200) { next(); } else if (answer.status !== 401) { schedule(); }
  });
}

/** The next try after a growing delay, spread by ±50 % so a crowd refused together comes back apart. */
function schedule() {
  attempts += 1;
  const delay = Math.min(15000, 500 * Math.pow(2, Math.min(attempts, 5)));
  setTimeout(connect, delay * (0.5 + Math.random()));
}

/** Opens the socket; options: onReconnect(), setConnected(boolean). */
export function start(socketUrl, options) {
  url = socketUrl;
  onReconnect = options.onReconnect;
  setConnected = options.setConnected;
  setConnected(false);
  connect();
}

/** Calls handler(data) for every frame of the named event. */
export function on(name, handler) {
  if (!handlers.has(name)) { handlers.set(name, []); }
  handlers.get(name).push(handler);
}

/** Sends a frame when the socket is open; false when it is not. */
export function emit(name, data) {
  if (socket && socket.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify({ event: name, data }));
    return true;
  }
  return false;
}

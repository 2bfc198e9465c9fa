/*
 * The chat page in the browser, as ES modules (allowed by the page's Content-Security-Policy as
 * scripts of the UI's own origin): data comes from the page's server side through PrimeFaces
 * remote commands (rpc.js, api.js) into a store keyed by id (store.js); live events come from
 * chat-war's WebSocket (socket.js, live.js); the views patch the element of the chat or message
 * that changed (views/). The session is renewed and ended at the UI's /session endpoints.
 */
import * as socket from './socket.js';
import * as session from './session.js';
import { Store } from './store.js';
import { actions as makeActions } from './actions.js';
import { live } from './live.js';
import { $ } from './views/dom.js';
import { chatList } from './views/chat-list.js';
import { conversation } from './views/conversation.js';
import { messageList } from './views/message-list.js';
import { messageMenu } from './views/message-menu.js';
import { composer } from './views/composer.js';
import { dialogs } from './views/dialogs.js';
import { groups } from './views/groups.js';

function start() {
  const app = $('app');
  let me = null;
  try { me = JSON.parse(app.getAttribute('data-me')); } catch (e) { me = null; }
  if (!me) {
    // The UI lets a page through on a token that is well signed and unexpired; the user service
    // refused it (the session was revoked) or is away. The renewal settles it: back to the chat,
    // on to the login page with the cookies cleared, or "try again shortly". Going to the login
    // page straight away looped: it sends a signed-in browser back to the chat.
    window.location.href = 'session/refresh';
    return;
  }
  $('meName').textContent = me.name;
  const store = new Store(me);
  const actions = makeActions(store, socket);
  chatList(store, actions);
  conversation(store, actions);
  messageList(store, actions);
  actions.ui.menu = messageMenu(store, actions);
  actions.ui.composer = composer(store, actions, socket);
  actions.ui.dialogs = dialogs(store, actions);
  actions.ui.groups = groups(store, actions);
  live(store, actions, socket);

  document.addEventListener('visibilitychange', () => {
    if (!store.active) { return; }
    if (document.visibilityState === 'visible') {
      socket.emit('viewing:chat', store.active);
      actions.acknowledgeRead(store.active);
    } else {
      socket.emit('not:viewing:chat');
    }
  });
  socket.start(app.getAttribute('data-socket-url'), {
    onReconnect: actions.catchUp,
    setConnected: (up) => { $('connection').hidden = up; }
  });
  actions.loadChats();
  setInterval(session.refresh, 10 * 60 * 1000);
}

// module scripts run before DOMContentLoaded, PrimeFaces' own ready handlers before this one
document.addEventListener('DOMContentLoaded', start);

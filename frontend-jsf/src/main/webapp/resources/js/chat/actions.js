/*
 * What the person does, and what the page does for them: load and open chats, page through
 * messages, mark them read, send (text, image, reply) with retry, start a chat; with a message's
 * actions (message-actions.js) and groups' (group-actions.js). Each step calls the API and puts
 * the answer into the store; the views follow the store.
 */
import * as api from './api.js';
import * as session from './session.js';
import { isGroup, hasReader, quote } from './store.js';
import { messageActions } from './message-actions.js';
import { groupActions } from './group-actions.js';

const PAGE = 50;

export function actions(store, socket) {
  const ui = {}; // filled by main.js: composer, menu, dialogs, groups
  let loadingOlder = false;

  function loadChats() {
    return api.chats().then((answer) => {
      if (answer.status === 200) { store.setChats(answer.body.chats || []); }
    });
  }

  /** After a reconnect: the chat list, and the open chat's newest messages, as they are now. */
  function catchUp() {
    loadChats().then(() => {
      if (store.active) {
        socket.emit('join:chat', store.active);
        if (document.visibilityState === 'visible') { socket.emit('viewing:chat', store.active); }
        loadNewest(store.active);
      }
    });
  }

  function openChat(chatId) {
    const previous = store.active;
    if (previous && previous !== chatId) {
      socket.emit('not:viewing:chat');
      socket.emit('leave:chat', previous);
    }
    store.updateChat(chatId, (entry) => {
      entry.chat.unseenCount = 0;
      entry.unseenCount = 0;
    });
    store.setActive(chatId);
    socket.emit('join:chat', chatId);
    socket.emit('viewing:chat', chatId);
    loadNewest(chatId);
  }

  function closeChat() {
    socket.emit('not:viewing:chat');
    document.body.classList.remove('conversation-open');
  }

  function loadNewest(chatId) {
    return api.messages(chatId).then((answer) => {
      if (answer.status !== 200) {
        if (store.active === chatId) { ui.composer.showError(answer.body.message); }
        return;
      }
      if (store.active !== chatId) { return; }
      store.remember(answer.body); // a group's page names its members
      const page = answer.body.messages || [];
      store.setNewest(chatId, page, page.length >= PAGE);
      acknowledgeRead(chatId);
    });
  }

  function loadOlder() {
    const chatId = store.active;
    const thread = chatId && store.thread(chatId);
    const first = thread && thread.ids.map((id) => thread.byId.get(id)).find((m) => !m.pending && !m.failed);
    if (!chatId || loadingOlder || !thread.hasMore || !first) { return; }
    loadingOlder = true;
    api.messages(chatId, first._id).then((answer) => {
      loadingOlder = false;
      if (answer.status !== 200 || store.active !== chatId) { return; }
      store.remember(answer.body);
      const older = answer.body.messages || [];
      store.addOlder(chatId, older, older.length >= PAGE);
    });
  }

  /** Tells the server what the person has seen of the open chat, when the page is visible. */
  function acknowledgeRead(chatId) {
    if (document.visibilityState !== 'visible' || store.active !== chatId) { return; }
    const entry = store.entry(chatId);
    if (entry && entry.removed) { return; }
    const group = isGroup(store.entry(chatId));
    const me = store.me._id;
    const unread = store.messages(chatId).filter((m) => m.sender !== me && !m.pending
      && (group ? !hasReader(m, me) : !m.seen));
    if (!unread.length) { return; }
    socket.emit('message:read', { chatId, messageIds: unread.map((m) => m._id) });
    unread.forEach((m) => {
      if (group) {
        m.readBy = (m.readBy || []).concat([{ userId: me, at: new Date().toISOString() }]);
      } else {
        m.seen = true;
      }
    });
  }

  // ---- sending ----------------------------------------------------------------------------

  function send(chatId, text, file, reply) {
    const clientId = 'c' + Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
    const local = {
      _id: 'local-' + clientId, clientId, chatId, sender: store.me._id, text,
      messageType: file ? 'image' : 'text', createdAt: new Date().toISOString(),
      pending: true, localImage: file ? URL.createObjectURL(file) : null, file,
      replyTo: reply ? { _id: reply._id, sender: reply.sender, text: quote(reply) } : undefined
    };
    store.append(chatId, local, 'bottom');
    deliver(local);
  }

  function deliver(local) {
    store.patch(local.chatId, local._id, (m) => {
      m.pending = true;
      m.failed = false;
    });
    const request = local.file ? api.upload(local) : api.send(local);
    request.then((answer) => {
      if (answer.status === 200 || answer.status === 201) {
        const message = answer.body.message;
        store.settle(local, message);
        store.setLatest(local.chatId, message);
      } else {
        store.patch(local.chatId, local._id, (m) => {
          m.pending = false;
          m.failed = true;
          m.error = answer.body.message || 'Not sent';
        });
      }
    });
  }

  /** A message reached this user: the chat moves to the top and counts it once, unless open. */
  function arrived(chatId, message) {
    const entry = store.entry(chatId);
    if (!entry) {
      loadChats();
      return;
    }
    const onScreen = store.active === chatId && document.visibilityState === 'visible';
    const read = message.seen || hasReader(message, store.me._id);
    if (message.sender !== store.me._id && !onScreen && !read && !store.counted.has(message._id)) {
      store.counted.add(message._id);
      store.updateChat(chatId, (e) => { e.chat.unseenCount = (e.chat.unseenCount || 0) + 1; });
    }
    store.setLatest(chatId, message);
  }

  // ---- chats and the account --------------------------------------------------------------

  /** Resolves with an error text, or null once done. */
  function startChat(userId) {
    return api.newChat(userId).then((answer) => {
      if (answer.status !== 200 && answer.status !== 201) {
        return answer.body.message || 'Could not start the chat';
      }
      loadChats().then(() => openChat(answer.body.chatId));
      return null;
    });
  }

  function renameMe(name) {
    return api.renameMe(name).then((answer) => {
      if (answer.status !== 200) { return answer.body.message || 'Could not save the name'; }
      store.me.name = name;
      document.getElementById('meName').textContent = name;
      return null;
    });
  }

  function logout() {
    session.logout().then(() => { window.location.href = 'login.xhtml'; });
  }

  const self = {
    ui, loadChats, catchUp, openChat, closeChat, loadNewest, loadOlder, acknowledgeRead,
    send, deliver, arrived, startChat, renameMe, logout,
    openMenu: (chatId, messageId, anchor) => ui.menu.open(chatId, messageId, anchor),
    startReply: (chatId, messageId) => ui.composer.reply(chatId, messageId),
    startEdit: (chatId, messageId) => ui.composer.edit(chatId, messageId),
    confirmDelete: (chatId, messageId) => ui.dialogs.confirmDelete(chatId, messageId),
    showReadBy: (chatId, messageId) => ui.dialogs.showReadBy(chatId, messageId),
    showGroup: (chatId) => ui.groups.show(chatId)
  };
  return Object.assign(self, messageActions(store, self), groupActions(store, self));
}

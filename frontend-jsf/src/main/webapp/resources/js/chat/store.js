/*
 * What the page knows, keyed by id: the chats (1:1 and groups) in the order of their latest
 * activity, each chat's loaded messages in order, people's names, presence and who is typing.
 * Everything changes through the methods here, and each change is announced with the ids it
 * touched, so that a view patches the one element of that chat or message:
 *   'chats' ()                  which chats there are, or their order
 *   'chat' (chatId)             one chat's name, preview, badge, members, typing or presence
 *   'thread' (chatId, scroll)   which messages a chat shows, or their order
 *   'message' (chatId, id)      one message's content, ticks, reactions
 *   'rekey' (chatId, old, new)  a message sent from here got its server id
 *   'active' (chatId)           the conversation on screen changed
 *   'presence' ()               someone came online or went offline
 */
export const IMAGE_PREVIEW = '📷 Image';

export class Store {
  constructor(me) {
    this.me = me;
    this.chats = new Map();    // chat id -> {chat, user | members, removed}
    this.order = [];           // chat ids, newest activity first
    this.active = null;        // chat id on screen
    this.threads = new Map();  // chat id -> {ids, byId, hasMore}
    this.people = new Map();   // user id -> profile (never forgotten: senders who left)
    this.online = new Set();
    this.lastSeen = new Map(); // user id -> Date
    this.typing = new Map();   // chat id -> Map(user id -> expiry timer)
    this.counted = new Set();  // message ids counted in an unread badge
    this.listeners = new Map();
    this.people.set(me._id, me);
  }

  on(topic, listener) {
    if (!this.listeners.has(topic)) { this.listeners.set(topic, []); }
    this.listeners.get(topic).push(listener);
  }

  emit(topic, ...args) {
    (this.listeners.get(topic) || []).forEach((listener) => listener(...args));
  }

  // ---- chats ----------------------------------------------------------------------------

  /** The chat list as GET /chat/all gave it. */
  setChats(entries) {
    const previous = this.chats;
    this.chats = new Map();
    for (const entry of entries) {
      const id = entry.chat._id;
      this.remember(entry);
      entry.removed = isGroup(entry) && (!!entry.chat.left
        || (Array.isArray(entry.chat.users) && !entry.chat.users.includes(this.me._id)));
      const before = previous.get(id);
      const latest = entry.chat.latestMessage;
      if (latest && latest._id) {
        entry.latestId = latest._id;
      } else if (before && before.latestId && sameLatest(before, entry)) {
        entry.latestId = before.latestId;
      }
      this.chats.set(id, entry);
    }
    this.sort();
    this.emit('chats');
    for (const [id, entry] of this.chats) {
      this.emit('chat', id);
      if (isGroup(entry)) { this.emit('members', id); }
    }
  }

  /** The profiles a chat list entry or a page of messages carries (user, members). */
  remember(entry) {
    if (entry.user && entry.user._id) {
      this.people.set(entry.user._id, entry.user);
      if (entry.user.lastSeen) { this.lastSeen.set(entry.user._id, new Date(entry.user.lastSeen)); }
    }
    (entry.members || []).filter((m) => m && m._id).forEach((member) => this.people.set(member._id, member));
  }

  entry(chatId) {
    return this.chats.get(chatId) || null;
  }

  sort() {
    this.order = Array.from(this.chats.values())
      .sort((a, b) => String(b.chat.updatedAt || '').localeCompare(String(a.chat.updatedAt || '')))
      .map((entry) => entry.chat._id);
  }

  /** Changes one chat's fields; re-sorts when its activity time moved. */
  updateChat(chatId, change) {
    const entry = this.entry(chatId);
    if (!entry) { return; }
    const updatedAt = entry.chat.updatedAt;
    change(entry);
    if (entry.chat.updatedAt !== updatedAt) {
      this.sort();
      this.emit('chats');
    }
    this.emit('chat', chatId);
  }

  /** A group's name, members and admins changed (chat:updated). */
  updateGroup(chatId, data) {
    this.updateChat(chatId, (entry) => {
      if (data.name != null) { entry.chat.name = data.name; }
      if (Array.isArray(data.users)) {
        entry.chat.users = data.users;
        entry.removed = !data.users.includes(this.me._id);
      }
      if (Array.isArray(data.admins)) { entry.chat.admins = data.admins; }
    });
    this.emit('members', chatId);
  }

  /** The caller left, or was removed from, a group: its history stays, nothing new comes. */
  markRemoved(chatId) {
    this.clearTyping(chatId);
    this.updateChat(chatId, (entry) => { entry.removed = true; });
    this.emit('members', chatId);
  }

  setActive(chatId) {
    this.active = chatId;
    this.emit('active', chatId);
  }

  /** The chat list's latest message of a chat, and the time it moves to the top with. */
  setLatest(chatId, message) {
    this.updateChat(chatId, (entry) => {
      entry.chat.latestMessage = {
        text: message.deleted ? null : (message.messageType === 'image' ? IMAGE_PREVIEW : message.text),
        sender: message.sender, deleted: !!message.deleted,
        messageType: message.messageType
      };
      entry.latestId = message._id;
      if (message.createdAt) { entry.chat.updatedAt = message.createdAt; }
    });
  }

  // ---- people, presence, typing -----------------------------------------------------------

  name(userId) {
    if (userId && typeof userId === 'object') { return userId.name || this.name(userId._id); }
    const person = this.people.get(userId);
    return person ? person.name : 'Someone';
  }

  setOnline(ids) {
    this.online = new Set(ids);
    this.emit('presence');
  }

  cameOnline(userId) {
    this.online.add(userId);
    this.emit('presence');
  }

  wentOffline(userId, lastSeen) {
    this.online.delete(userId);
    if (lastSeen) { this.lastSeen.set(userId, new Date(lastSeen)); }
    this.emit('presence');
  }

  /** Someone typing in a chat: shown until they stop, send, or 4 s without news. */
  setTyping(chatId, userId, isTyping) {
    const typists = this.typing.get(chatId) || new Map();
    clearTimeout(typists.get(userId));
    typists.delete(userId);
    if (isTyping) {
      typists.set(userId, setTimeout(() => this.setTyping(chatId, userId, false), 4000));
    }
    if (typists.size) { this.typing.set(chatId, typists); } else { this.typing.delete(chatId); }
    this.emit('chat', chatId);
  }

  clearTyping(chatId) {
    const typists = this.typing.get(chatId);
    if (!typists) { return; }
    typists.forEach((timer) => clearTimeout(timer));
    this.typing.delete(chatId);
    this.emit('chat', chatId);
  }

  typists(chatId) {
    return Array.from((this.typing.get(chatId) || new Map()).keys());
  }

  // ---- messages ---------------------------------------------------------------------------

  thread(chatId) {
    if (!this.threads.has(chatId)) {
      this.threads.set(chatId, { ids: [], byId: new Map(), hasMore: false, loaded: false });
    }
    return this.threads.get(chatId);
  }

  message(chatId, id) {
    return this.thread(chatId).byId.get(id) || null;
  }

  messages(chatId) {
    const thread = this.thread(chatId);
    return thread.ids.map((id) => thread.byId.get(id));
  }

  /** The newest page: it replaces what was loaded, but messages still being sent stay. */
  setNewest(chatId, page, hasMore) {
    page.forEach((m) => this.normalise(m));
    const thread = this.thread(chatId);
    const unsent = this.messages(chatId).filter((m) => m.pending || m.failed);
    thread.byId = new Map();
    page.concat(unsent).forEach((m) => thread.byId.set(m._id, m));
    thread.ids = Array.from(thread.byId.keys());
    thread.hasMore = hasMore;
    thread.loaded = true;
    const last = page[page.length - 1];
    const entry = this.entry(chatId);
    if (entry && last) { entry.latestId = last._id; }
    this.emit('thread', chatId, 'bottom');
  }

  /** An older page, in front of what is loaded. */
  addOlder(chatId, page, hasMore) {
    page.forEach((m) => this.normalise(m));
    const thread = this.thread(chatId);
    const older = page.filter((m) => !thread.byId.has(m._id));
    older.forEach((m) => thread.byId.set(m._id, m));
    thread.ids = older.map((m) => m._id).concat(thread.ids);
    thread.hasMore = hasMore;
    this.emit('thread', chatId, 'keep');
  }

  /**
   * A message to show at the end: a new one, or one this page is sending. A message that arrives
   * for one being sent from here (same clientId) takes its place.
   */
  append(chatId, message, scroll = 'auto') {
    this.normalise(message);
    const thread = this.thread(chatId);
    if (thread.byId.has(message._id)) { return false; }
    const local = message.clientId && thread.ids
      .map((id) => thread.byId.get(id))
      .find((m) => m.pending && m.clientId === message.clientId);
    if (local) {
      this.settle(local, message);
    } else {
      thread.byId.set(message._id, message);
      thread.ids.push(message._id);
      this.emit('thread', chatId, scroll);
    }
    return true;
  }

  /** A message sent from here was stored: the server's copy replaces the local one. */
  settle(local, message) {
    this.normalise(message);
    const thread = this.thread(local.chatId);
    const index = thread.ids.indexOf(local._id);
    if (local.localImage) { URL.revokeObjectURL(local.localImage); }
    if (index < 0) { return; }
    thread.byId.delete(local._id);
    if (thread.byId.has(message._id)) {
      thread.ids.splice(index, 1);
      this.emit('thread', local.chatId, 'auto');
    } else {
      if (local.replyTo && !message.replyTo) { message.replyTo = local.replyTo; }
      thread.ids[index] = message._id;
      thread.byId.set(message._id, message);
      this.emit('rekey', local.chatId, local._id, message._id);
      this.emit('message', local.chatId, message._id);
    }
  }

  /** A sender given as a profile is remembered, and kept as its id like everywhere else. */
  normalise(message) {
    [message, message.replyTo].forEach((m) => {
      if (m && m.sender && typeof m.sender === 'object') {
        if (m.sender.name) { this.people.set(m.sender._id, Object.assign({}, this.people.get(m.sender._id), m.sender)); }
        m.sender = m.sender._id;
      }
    });
    return message;
  }

  /** Changes one message (ticks, edits, reactions, read by) and tells the views. */
  patch(chatId, id, change) {
    const message = this.message(chatId, id);
    if (!message) { return null; }
    change(message);
    this.emit('message', chatId, id);
    return message;
  }

  /** A message edited (message:edited or the PATCH's answer): its new text and editedAt. */
  edited(chatId, message) {
    this.normalise(message);
    const known = this.patch(chatId, message._id, (m) => {
      Object.assign(m, message);
    });
    this.replies(chatId, message._id).forEach((reply) => this.patch(chatId, reply._id, (m) => {
      m.replyTo = Object.assign({}, m.replyTo, { text: quote(message) });
    }));
    const entry = this.entry(chatId);
    if (entry && (entry.latestId === message._id || (known && this.isLast(chatId, message._id)))) {
      this.updateChat(chatId, (e) => {
        e.chat.latestMessage = Object.assign({}, e.chat.latestMessage, { text: message.text });
      });
      return true;
    }
    return false;
  }

  /** A message deleted for everyone: it stays as "This message was deleted". */
  deleted(chatId, messageId) {
    this.patch(chatId, messageId, (m) => {
      m.deleted = true;
      delete m.text;
      m.image = null;
      m.reactions = {};
      delete m.replyTo;
    });
    this.replies(chatId, messageId).forEach((reply) => this.patch(chatId, reply._id, (m) => {
      m.replyTo = { _id: m.replyTo._id, sender: m.replyTo.sender, deleted: true };
    }));
  }

  replies(chatId, messageId) {
    return this.messages(chatId).filter((m) => m.replyTo && m.replyTo._id === messageId);
  }

  isLast(chatId, messageId) {
    const real = this.messages(chatId).filter((m) => !m.pending && !m.failed);
    return real.length > 0 && real[real.length - 1]._id === messageId;
  }

  /**
   * Someone read messages of a group up to the newest of messageIds (a read position, so
   * everything before it too); in a 1:1 chat the messages named are seen.
   */
  read(chatId, messageIds, userId) {
    const entry = this.entry(chatId);
    const thread = this.thread(chatId);
    if (entry && isGroup(entry) && userId) {
      const last = Math.max(...messageIds.map((id) => thread.ids.indexOf(id)));
      thread.ids.slice(0, last + 1).forEach((id) => {
        const m = thread.byId.get(id);
        if (m.pending || m.failed || m.sender === userId || hasReader(m, userId)) { return; }
        this.patch(chatId, id, (message) => {
          message.readBy = (message.readBy || []).concat([{ userId, at: new Date().toISOString() }]);
        });
      });
      return;
    }
    messageIds.forEach((id) => this.patch(chatId, id, (m) => {
      m.seen = true;
      m.delivered = true;
    }));
  }
}

export function isGroup(entry) {
  return !!(entry && entry.chat && entry.chat.isGroup);
}

export function hasReader(message, userId) {
  return (message.readBy || []).some((r) => (r.userId || r) === userId);
}

/** What a reply quotes of a message: up to 100 characters, or "📷 Image". */
export function quote(message) {
  if (message.text) { return Array.from(message.text).slice(0, 100).join(''); }
  return message.image || message.messageType === 'image' || message.localImage ? IMAGE_PREVIEW : '';
}

function sameLatest(a, b) {
  const x = a.chat.latestMessage;
  const y = b.chat.latestMessage;
  return x && y && x.text === y.text && a.chat.updatedAt === b.chat.updatedAt;
}

/*
 * What the page knows, keyed by id: the chats (1:1 and groups) in the order of their latest
 * activity, people's names, presence and who is typing; each chat's loaded messages are the part
 * it extends (messages.js).
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
import { Messages, isGroup, IMAGE_PREVIEW } from './messages.js';

export { IMAGE_PREVIEW, isGroup, hasReader, quote } from './messages.js';

export class Store extends Messages {
  constructor(me) {
    super();
    this.me = me;
    this.chats = new Map();    // chat id -> {chat, user | members, removed}
    this.order = [];           // chat ids, newest activity first
    this.active = null;        // chat id on screen
    this.people = new Map();   // user id -> profile (never forgotten: senders who left)
    this.online = new Set();
    this.lastSeen = new Map(); // user id -> Date
    this.typing = new Map();   // chat id -> Map(user id -> expiry timer)
    this.counted = new Set();  // message ids counted in an unread badge
    this.people.set(me._id, me);
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
}

function sameLatest(a, b) {
  const x = a.chat.latestMessage;
  const y = b.chat.latestMessage;
  return x && y && x.text === y.text && a.chat.updatedAt === b.chat.updatedAt;
}

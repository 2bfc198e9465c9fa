/*
 * The messages part of the page's store: each chat's loaded messages in order, keyed by id, and
 * the changes to them (sent from here and settled, new, older pages, edited, deleted, reactions,
 * read). Store (store.js) extends it with the chats, which these methods use (entry, updateChat,
 * people); a change announces 'thread' (which messages,
 * in which order), 'message' (one message) or 'rekey' (a sent message got its server id).
 */
import { Events } from './events.js';

export const IMAGE_PREVIEW = '📷 Image';
const EARLY_LIMIT = 200; // changes kept per chat for messages not known yet

export class Messages extends Events {
  constructor() {
    super();
    this.threads = new Map(); // chat id -> {ids, byId, hasMore, loaded, early}
  }

  thread(chatId) {
    if (!this.threads.has(chatId)) {
      this.threads.set(chatId, { ids: [], byId: new Map(), hasMore: false, loaded: false, early: new Map() });
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
    this.known(chatId, thread.ids);
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
    this.known(chatId, older.map((m) => m._id));
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
      this.known(chatId, [message._id]);
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
      this.known(local.chatId, [message._id]);
    }
  }

  /**
   * A change to a message this page may not know yet: a read or delivered mark can come before the
   * message itself (its sender's page learns the id only from the POST's answer or message:new,
   * which may lag the recipient's read). Such a change waits, per chat and bounded, for the message.
   */
  whenKnown(chatId, id, change) {
    if (this.message(chatId, id)) {
      change();
      return;
    }
    const early = this.thread(chatId).early;
    if (!early.has(id)) {
      if (early.size >= EARLY_LIMIT) { early.delete(early.keys().next().value); }
      early.set(id, []);
    }
    early.get(id).push(change);
  }

  /** Messages now in the thread: the changes that came before them are applied. */
  known(chatId, ids) {
    const early = this.thread(chatId).early;
    if (early.size === 0) { return; }
    ids.forEach((id) => {
      const changes = early.get(id);
      if (!changes) { return; }
      early.delete(id);
      changes.forEach((change) => change());
    });
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
    if (entry && isGroup(entry) && userId) {
      messageIds.forEach((id) => this.whenKnown(chatId, id, () => this.readUpTo(chatId, id, userId)));
      return;
    }
    messageIds.forEach((id) => this.whenKnown(chatId, id, () => this.patch(chatId, id, (m) => {
      m.seen = true;
      m.delivered = true;
    })));
  }

  /** A group member read everything up to messageId. */
  readUpTo(chatId, messageId, userId) {
    const thread = this.thread(chatId);
    thread.ids.slice(0, thread.ids.indexOf(messageId) + 1).forEach((id) => {
      const m = thread.byId.get(id);
      if (m.pending || m.failed || m.sender === userId || hasReader(m, userId)) { return; }
      this.patch(chatId, id, (message) => {
        message.readBy = (message.readBy || []).concat([{ userId, at: new Date().toISOString() }]);
      });
    });
  }

  /** Someone's device received messageIds. */
  delivered(chatId, messageIds, userId) {
    messageIds.forEach((id) => this.whenKnown(chatId, id, () => this.patch(chatId, id, (m) => {
      m.delivered = true;
      if (userId && !(m.deliveredTo || []).some((d) => d.userId === userId)) {
        m.deliveredTo = (m.deliveredTo || []).concat([{ userId }]);
      }
    })));
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

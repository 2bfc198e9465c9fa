/*
 * The chat list: one <li> per chat, keyed by chat id, created once and patched when that chat
 * changes (name, preview, time, badge, typing, presence); a new order moves the items that moved.
 */
import { $, el, initials, shortTime, typingText } from './dom.js';
import { isGroup } from '../store.js';

export function chatList(store, actions) {
  const list = $('chatList');
  const items = new Map(); // chat id -> {item, avatar, dot, name, time, preview, badge}

  function create(chatId) {
    const item = el('li', 'chat-item');
    item.setAttribute('data-chat-id', chatId);
    const avatar = el('div', 'avatar');
    const dot = el('span', 'online-dot');
    const body = el('div', 'chat-item-body');
    const top = el('div', 'chat-item-top');
    const name = el('span', 'chat-name');
    const time = el('span', 'chat-time');
    top.append(name, time);
    const bottom = el('div', 'chat-item-bottom');
    const preview = el('span', 'chat-preview');
    const badge = el('span', 'badge');
    bottom.append(preview, badge);
    body.append(top, bottom);
    item.append(avatar, body);
    item.addEventListener('click', () => actions.openChat(chatId));
    const parts = { item, avatar, dot, name, time, preview, badge };
    items.set(chatId, parts);
    return parts;
  }

  function patch(chatId) {
    const entry = store.entry(chatId);
    const parts = items.get(chatId);
    if (!entry || !parts) { return; }
    const chat = entry.chat;
    const group = isGroup(entry);
    const title = group ? chat.name : entry.user.name;
    parts.item.classList.toggle('active', chatId === store.active);
    parts.item.classList.toggle('group', group);
    parts.item.classList.toggle('removed', !!entry.removed);
    parts.avatar.textContent = initials(title);
    parts.avatar.classList.toggle('group-avatar', group);
    if (!group && store.online.has(entry.user._id)) { parts.avatar.appendChild(parts.dot); }
    parts.name.textContent = title;
    parts.time.textContent = chat.latestMessage ? shortTime(chat.updatedAt) : '';
    const typists = store.typists(chatId);
    if (typists.length) {
      parts.preview.textContent = group ? typingText(typists.map((id) => store.name(id))) : 'typing…';
    } else {
      parts.preview.textContent = latestText(entry);
    }
    parts.preview.className = 'chat-preview' + (typists.length ? ' typing' : '');
    const unseen = chat.unseenCount != null ? chat.unseenCount : entry.unseenCount;
    if (unseen > 0 && chatId !== store.active) {
      parts.badge.textContent = String(unseen);
      parts.item.querySelector('.chat-item-bottom').appendChild(parts.badge);
    } else {
      parts.badge.remove();
    }
  }

  function latestText(entry) {
    const latest = entry.chat.latestMessage;
    if (!latest) { return 'No messages yet'; }
    const senderId = latest.sender && typeof latest.sender === 'object' ? latest.sender._id : latest.sender;
    const text = latest.deleted ? 'This message was deleted' : (latest.text || '📷 Image');
    if (latest.messageType === 'system') { return text; }
    if (senderId === store.me._id) { return 'You: ' + text; }
    return isGroup(entry) && senderId ? store.name(latest.sender) + ': ' + text : text;
  }

  /** Items for new chats, none for gone ones, and the DOM in the store's order. */
  function sync() {
    for (const [chatId, parts] of items) {
      if (!store.entry(chatId)) {
        parts.item.remove();
        items.delete(chatId);
      }
    }
    let previous = null;
    store.order.forEach((chatId) => {
      const parts = items.get(chatId) || create(chatId);
      const wanted = previous ? previous.nextSibling : list.firstChild;
      if (wanted !== parts.item) { list.insertBefore(parts.item, wanted); }
      previous = parts.item;
      patch(chatId);
    });
    $('noChats').hidden = store.order.length > 0;
  }

  let shown = null;
  store.on('chats', sync);
  store.on('chat', patch);
  store.on('presence', () => items.forEach((parts, chatId) => patch(chatId)));
  store.on('active', (chatId) => {
    if (shown) { patch(shown); }
    shown = chatId;
    patch(chatId);
  });
}

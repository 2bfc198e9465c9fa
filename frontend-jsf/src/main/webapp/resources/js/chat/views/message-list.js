/*
 * The open chat's messages: one row per message, keyed by message id, built once and patched in
 * place when that message changes (ticks, edit, delete, reactions, read by); new and older messages
 * are inserted where they belong, with a day separator before each day's first message. In a
 * group a message shows its sender's name, and ✓✓ turns blue once every other member read it.
 */
import { $, el, button, clock, dayLabel } from './dom.js';
import { isGroup, hasReader } from '../store.js';

export function messageList(store, actions) {
  const box = $('messages');
  const older = el('div', 'load-older', 'Scroll up for older messages');
  const rows = new Map(); // message id -> row
  let shown = null;

  box.addEventListener('scroll', () => {
    if (box.scrollTop < 60) { actions.loadOlder(); }
  });

  function nearBottom() {
    return box.scrollHeight - box.scrollTop - box.clientHeight < 80;
  }

  function reset(chatId) {
    shown = chatId;
    rows.clear();
    box.textContent = '';
    older.hidden = true;
    box.appendChild(older);
    sync(chatId, 'bottom');
  }

  /** Rows for new messages, none for gone ones, in the store's order, separated by day. */
  function sync(chatId, scroll) {
    if (chatId !== shown) { return; }
    const stick = scroll === 'bottom' || (scroll === 'auto' && nearBottom());
    const before = box.scrollHeight - box.scrollTop;
    const thread = store.thread(chatId);
    older.hidden = !thread.hasMore;
    const wanted = new Set(thread.ids);
    for (const [id, row] of rows) {
      if (!wanted.has(id)) {
        row.remove();
        rows.delete(id);
      }
    }
    let node = older;
    let day = null;
    thread.ids.forEach((id) => {
      const message = thread.byId.get(id);
      let row = rows.get(id);
      if (!row) {
        row = el('div');
        rows.set(id, row);
        fill(row, message, stick);
      } else if (row.message !== message) {
        fill(row, message, stick); // loaded again (a reconnect): what changed meanwhile shows
      }
      const label = dayLabel(message.createdAt);
      if (label !== day) {
        day = label;
        let separator = node.nextSibling;
        if (!separator || !separator.classList.contains('day-separator') || separator.textContent !== label) {
          separator = el('div', 'day-separator', label);
          box.insertBefore(separator, node.nextSibling);
        }
        node = separator;
      }
      if (node.nextSibling !== row) { box.insertBefore(row, node.nextSibling); }
      node = row;
    });
    while (node.nextSibling) { node.nextSibling.remove(); }
    if (stick) {
      box.scrollTop = box.scrollHeight;
    } else if (scroll === 'keep') {
      box.scrollTop = box.scrollHeight - before;
    }
  }

  /** (Re)builds one message's row in place. */
  function fill(row, m, stick) {
    row.message = m;
    const entry = store.entry(m.chatId || shown);
    const group = isGroup(entry);
    row.setAttribute('data-message-id', m._id);
    if (m.messageType === 'system') {
      row.className = 'message system';
      row.textContent = '';
      row.appendChild(el('div', 'system-text', m.text || ''));
      return;
    }
    const own = m.sender === store.me._id;
    row.className = 'message ' + (own ? 'own' : 'theirs') + (m.pending ? ' pending' : '')
      + (m.failed ? ' failed' : '') + (m.deleted ? ' deleted' : '');
    const oldImage = row.querySelector('img.message-image');
    row.textContent = '';
    const bubble = el('div', 'bubble');
    if (group && !own) { bubble.appendChild(el('div', 'sender-name', store.name(m.sender))); }
    if (m.deleted) {
      bubble.appendChild(el('div', 'deleted-note', 'This message was deleted'));
    } else {
      if (m.replyTo) { bubble.appendChild(replyQuote(m.replyTo)); }
      const imageUrl = m.localImage || (m.image && m.image.url);
      if (imageUrl) {
        let img = oldImage;
        if (!img || img.getAttribute('src') !== imageUrl) {
          img = el('img', 'message-image');
          img.alt = 'Image';
          img.addEventListener('load', () => { if (stick || nearBottom()) { box.scrollTop = box.scrollHeight; } });
          img.src = imageUrl;
        }
        bubble.appendChild(img);
      }
      if (m.text) { bubble.appendChild(el('div', 'text', m.text)); }
    }
    const meta = el('div', 'meta');
    if (m.editedAt && !m.deleted) { meta.appendChild(el('span', 'edited', 'Edited')); }
    meta.appendChild(el('span', 'time', clock(m.createdAt)));
    if (own && !m.deleted) { meta.appendChild(ticks(m, entry)); }
    bubble.appendChild(meta);
    if (!m.pending && !m.failed && !m.deleted && !(entry && entry.removed)) {
      const menu = button('message-menu-button', '⌄', 'Message menu', (event) => {
        event.stopPropagation();
        actions.openMenu(m.chatId || shown, m._id, menu);
      });
      bubble.appendChild(menu);
    }
    row.appendChild(bubble);
    const reactions = reactionChips(m);
    if (reactions) { row.appendChild(reactions); }
    if (m.failed) {
      row.appendChild(button('retry', 'Not sent: ' + (m.error || 'error') + ' · Retry', null,
        () => actions.deliver(m)));
    }
  }

  function replyQuote(replyTo) {
    const quote = el('div', 'reply-quote');
    const senderId = replyTo.sender && typeof replyTo.sender === 'object' ? replyTo.sender._id : replyTo.sender;
    quote.appendChild(el('div', 'reply-sender', senderId === store.me._id ? 'You' : store.name(replyTo.sender)));
    const deleted = replyTo.deleted || replyTo.text == null;
    quote.appendChild(el('div', 'reply-text' + (deleted ? ' deleted-note' : ''),
      deleted ? 'This message was deleted' : replyTo.text));
    quote.addEventListener('click', () => {
      const original = rows.get(replyTo._id);
      if (original) { original.scrollIntoView({ block: 'center' }); }
    });
    return quote;
  }

  function reactionChips(m) {
    const emojis = Object.keys(m.reactions || {}).filter((e) => (m.reactions[e] || []).length > 0);
    if (!emojis.length || m.deleted) { return null; }
    const box = el('div', 'reactions');
    emojis.forEach((emoji) => {
      const who = m.reactions[emoji];
      const chip = button('reaction' + (who.includes(store.me._id) ? ' mine' : ''),
        emoji + ' ' + who.length,
        who.map((id) => (id === store.me._id ? 'You' : store.name(id))).join(', '),
        () => actions.react(m.chatId || shown, m._id, emoji));
      chip.setAttribute('data-emoji', emoji);
      box.appendChild(chip);
    });
    return box;
  }

  function ticks(m, entry) {
    if (m.pending) { return el('span', 'ticks pending', '🕓'); }
    if (m.failed) { return el('span', 'ticks failed', '!'); }
    if (isGroup(entry)) {
      const others = (entry.chat.users || []).filter((id) => id !== m.sender);
      const readers = (m.readBy || []).map((r) => r.userId || r);
      const span = el('span', 'ticks', '✓✓');
      if (readers.length) {
        span.title = 'Read by ' + readers.map((id) => store.name(id)).join(', ');
      }
      if (others.length > 0 && others.every((id) => hasReader(m, id))) {
        span.classList.add('read');
      } else if (m.delivered || m.deliveredAt || (m.deliveredTo || []).length || readers.length) {
        span.classList.add('delivered');
      } else {
        span.textContent = '✓';
        span.classList.add('sent');
      }
      return span;
    }
    if (m.seen) { return el('span', 'ticks read', '✓✓'); }
    if (m.delivered || m.deliveredAt) { return el('span', 'ticks delivered', '✓✓'); }
    return el('span', 'ticks sent', '✓');
  }

  function patch(chatId, id) {
    const row = chatId === shown && rows.get(id);
    if (row) { fill(row, store.message(chatId, id), nearBottom()); }
  }

  store.on('active', reset);
  store.on('thread', sync);
  store.on('message', patch);
  store.on('rekey', (chatId, oldId, newId) => {
    const row = chatId === shown && rows.get(oldId);
    if (row) {
      rows.delete(oldId);
      rows.set(newId, row);
    }
  });
  // a group's members changed: the ticks and names of what is on screen follow
  store.on('members', (chatId) => {
    if (chatId === shown) { rows.forEach((row, id) => patch(chatId, id)); }
  });
  return { nearBottom };
}

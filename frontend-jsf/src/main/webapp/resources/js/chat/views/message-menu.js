/*
 * A message's menu, opened from the ⌄ on its bubble: a row of reactions, reply, and for one's own
 * message edit and delete; in a group, "Read by" for one's own. One menu element serves every
 * message; it closes on a choice, a click elsewhere or Escape.
 */
import { $, el, button } from './dom.js';
import { isGroup } from '../store.js';

export const REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🙏'];

export function messageMenu(store, actions) {
  const menu = $('messageMenu');

  function close() {
    menu.hidden = true;
    menu.textContent = '';
  }

  function open(chatId, messageId, anchor) {
    const m = store.message(chatId, messageId);
    if (!m) { return; }
    close();
    const own = m.sender === store.me._id;
    const choose = (run) => () => { close(); run(); };
    const row = el('div', 'reaction-row');
    REACTIONS.forEach((emoji) => {
      const item = button('reaction-choice', emoji, 'React with ' + emoji,
        choose(() => actions.react(chatId, messageId, emoji)));
      item.setAttribute('data-emoji', emoji);
      row.appendChild(item);
    });
    menu.appendChild(row);
    menu.appendChild(button('menu-item menu-reply', 'Reply', null, choose(() => actions.startReply(chatId, messageId))));
    if (own && m.text && m.messageType !== 'system') {
      menu.appendChild(button('menu-item menu-edit', 'Edit', null, choose(() => actions.startEdit(chatId, messageId))));
    }
    if (own) {
      menu.appendChild(button('menu-item menu-delete', 'Delete', null, choose(() => actions.confirmDelete(chatId, messageId))));
    }
    if (own && isGroup(store.entry(chatId))) {
      menu.appendChild(button('menu-item menu-info', 'Read by', null, choose(() => actions.showReadBy(chatId, messageId))));
    }
    menu.hidden = false;
    const place = anchor.getBoundingClientRect();
    const top = Math.min(place.bottom + 4, window.innerHeight - menu.offsetHeight - 8);
    const left = Math.min(Math.max(8, place.right - menu.offsetWidth), window.innerWidth - menu.offsetWidth - 8);
    menu.style.top = Math.max(8, top) + 'px';
    menu.style.left = left + 'px';
  }

  document.addEventListener('click', (event) => {
    if (!menu.hidden && !menu.contains(event.target)) { close(); }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') { close(); }
  });
  store.on('active', close);
  return { open, close };
}

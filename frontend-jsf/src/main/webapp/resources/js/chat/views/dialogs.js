/*
 * The page's small dialogs (PrimeFaces p:dialogs of chat.xhtml): a new 1:1 chat, the account
 * (display name, log out), deleting a message for everyone, and who read a group message.
 */
import { $, el, clock, dialog } from './dom.js';
import { userSearch } from './user-search.js';

export function dialogs(store, actions) {
  const people = userSearch(store, $('userSearch'), $('userResults'), (user) => {
    actions.startChat(user._id).then((error) => {
      if (error) { people.error(error); } else { dialog('newChatDialog').hide(); }
    });
  });
  $('newChatButton').addEventListener('click', () => {
    people.reset();
    dialog('newChatDialog').show();
    setTimeout(() => $('userSearch').focus(), 100);
  });

  $('accountButton').addEventListener('click', () => {
    $('nameInput').value = store.me.name;
    $('accountMessage').textContent = '';
    dialog('accountDialog').show();
  });
  $('saveNameButton').addEventListener('click', () => {
    const name = $('nameInput').value.trim();
    if (!name || name.length > 50) {
      $('accountMessage').textContent = 'A name has 1 to 50 characters.';
      return;
    }
    actions.renameMe(name).then((error) => {
      if (error) { $('accountMessage').textContent = error; } else { dialog('accountDialog').hide(); }
    });
  });
  $('logoutButton').addEventListener('click', actions.logout);

  let deleting = null;
  $('confirmDeleteButton').addEventListener('click', () => {
    const target = deleting;
    deleting = null;
    dialog('deleteDialog').hide();
    if (target) { actions.remove(target.chatId, target.messageId); }
  });
  $('cancelDeleteButton').addEventListener('click', () => {
    deleting = null;
    dialog('deleteDialog').hide();
  });

  return {
    confirmDelete(chatId, messageId) {
      deleting = { chatId, messageId };
      dialog('deleteDialog').show();
    },

    /** Who of the group read a message, and when; who has not yet. */
    showReadBy(chatId, messageId) {
      const m = store.message(chatId, messageId);
      const entry = store.entry(chatId);
      if (!m || !entry) { return; }
      const list = $('readByList');
      list.textContent = '';
      const read = new Map((m.readBy || []).map((r) => [r.userId || r, r.at]));
      (entry.chat.users || []).filter((id) => id !== m.sender).forEach((id) => {
        const item = el('li', 'read-by-item' + (read.has(id) ? ' read' : ''));
        item.setAttribute('data-user-id', id);
        item.appendChild(el('span', 'chat-name', store.name(id)));
        item.appendChild(el('span', 'user-email', read.has(id) ? 'read ' + clock(read.get(id)) : 'not read yet'));
        list.appendChild(item);
      });
      dialog('readByDialog').show();
    }
  };
}

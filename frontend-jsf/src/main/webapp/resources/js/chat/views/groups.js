/*
 * Groups: the dialog that makes one (a name and at least two people found by the user search),
 * and the one that shows a group's members, where admins rename it, add and remove members, and
 * anyone leaves. The group dialog is patched when the group changes while it is open.
 */
import { $, el, button, dialog } from './dom.js';
import { userSearch } from './user-search.js';

export function groups(store, actions) {
  const picked = new Map(); // user id -> profile

  function showPicked() {
    const box = $('groupPicked');
    box.textContent = '';
    picked.forEach((user, id) => {
      const chip = button('picked-person', user.name + ' ×', 'Remove ' + user.name, () => {
        picked.delete(id);
        showPicked();
      });
      chip.setAttribute('data-user-id', id);
      box.appendChild(chip);
    });
    $('groupMessage').textContent = '';
  }

  const pickPeople = userSearch(store, $('groupSearch'), $('groupResults'), (user) => {
    picked.set(user._id, user);
    showPicked();
    $('groupSearch').value = '';
    $('groupResults').textContent = '';
    $('groupSearch').focus();
  }, (user) => picked.has(user._id));

  $('newGroupButton').addEventListener('click', () => {
    picked.clear();
    showPicked();
    $('groupName').value = '';
    pickPeople.reset();
    dialog('newGroupDialog').show();
    setTimeout(() => $('groupName').focus(), 100);
  });
  $('createGroupButton').addEventListener('click', () => {
    const name = $('groupName').value.trim();
    if (Array.from(name).length < 1 || Array.from(name).length > 64) {
      $('groupMessage').textContent = 'A group name has 1 to 64 characters.';
      return;
    }
    if (picked.size < 2) {
      $('groupMessage').textContent = 'Pick at least two people.';
      return;
    }
    actions.createGroup(name, Array.from(picked.keys())).then((error) => {
      if (error) { $('groupMessage').textContent = error; } else { dialog('newGroupDialog').hide(); }
    });
  });

  // ---- a group's members ----------------------------------------------------------------

  let open = null; // chat id of the group dialog
  const addPeople = userSearch(store, $('addMemberSearch'), $('addMemberResults'), (user) => {
    actions.addMembers(open, [user._id]).then((error) => {
      if (error) { addPeople.error(error); } else { addPeople.reset(); }
    });
  }, (user) => {
    const entry = store.entry(open);
    return !!entry && (entry.chat.users || []).includes(user._id);
  });

  function fill() {
    const entry = store.entry(open);
    if (!entry) { return; }
    const admin = (entry.chat.admins || []).includes(store.me._id) && !entry.removed;
    if (document.activeElement !== $('groupNameInput')) { $('groupNameInput').value = entry.chat.name || ''; }
    $('groupNameInput').disabled = !admin;
    $('renameGroupButton').hidden = !admin;
    $('addMembers').hidden = !admin;
    $('leaveGroupButton').hidden = !!entry.removed;
    const list = $('groupMembers');
    list.textContent = '';
    (entry.chat.users || []).forEach((id) => {
      const item = el('li', 'member');
      item.setAttribute('data-user-id', id);
      item.appendChild(el('span', 'chat-name', id === store.me._id ? 'You' : store.name(id)));
      if ((entry.chat.admins || []).includes(id)) { item.appendChild(el('span', 'admin-tag', 'admin')); }
      if (admin && id !== store.me._id) {
        item.appendChild(button('remove-member flat-button', 'Remove', 'Remove ' + store.name(id), () => {
          actions.removeMember(open, id).then((error) => { $('groupInfoMessage').textContent = error || ''; });
        }));
      }
      list.appendChild(item);
    });
  }

  $('renameGroupButton').addEventListener('click', () => {
    const name = $('groupNameInput').value.trim();
    if (Array.from(name).length < 1 || Array.from(name).length > 64) {
      $('groupInfoMessage').textContent = 'A group name has 1 to 64 characters.';
      return;
    }
    actions.renameGroup(open, name).then((error) => { $('groupInfoMessage').textContent = error || ''; });
  });
  $('leaveGroupButton').addEventListener('click', () => {
    actions.leave(open).then((error) => {
      if (error) { $('groupInfoMessage').textContent = error; } else { dialog('groupDialog').hide(); }
    });
  });

  store.on('members', (chatId) => { if (chatId === open) { fill(); } });

  return {
    show(chatId) {
      open = chatId;
      $('groupInfoMessage').textContent = '';
      addPeople.reset();
      fill();
      dialog('groupDialog').show();
    }
  };
}

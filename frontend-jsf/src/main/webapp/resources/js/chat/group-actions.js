/*
 * What the person does to groups: make one, and (admins) add and remove members and rename it, or
 * leave it. chat-war decides who may; each resolves with the error to show, or null once done,
 * and puts what changed into the store at once (chat:updated brings it to the other members).
 */
import * as api from './api.js';

export function groupActions(store, actions) {
  function createGroup(name, userIds) {
    return api.createGroup(name, userIds).then((answer) => {
      if (answer.status !== 200 && answer.status !== 201) {
        return answer.body.message || 'Could not create the group';
      }
      actions.loadChats().then(() => actions.openChat(answer.body.chatId));
      return null;
    });
  }

  function addMembers(chatId, userIds) {
    return api.addMembers(chatId, userIds).then((answer) => {
      if (!ok(answer)) { return answer.body.message || 'Could not add them'; }
      const entry = store.entry(chatId);
      if (entry && answer.body.users) { store.updateGroup(chatId, answer.body); }
      actions.loadChats();
      return null;
    });
  }

  function removeMember(chatId, userId) {
    return api.removeMember(chatId, userId).then((answer) => {
      if (!ok(answer)) { return answer.body.message || 'Could not remove them'; }
      const entry = store.entry(chatId);
      if (entry) {
        store.updateGroup(chatId, {
          users: (entry.chat.users || []).filter((id) => id !== userId),
          admins: (entry.chat.admins || []).filter((id) => id !== userId)
        });
      }
      return null;
    });
  }

  function leave(chatId) {
    return api.removeMember(chatId, store.me._id).then((answer) => {
      if (!ok(answer)) { return answer.body.message || 'Could not leave the group'; }
      store.markRemoved(chatId);
      return null;
    });
  }

  function renameGroup(chatId, name) {
    return api.renameGroup(chatId, name).then((answer) => {
      if (!ok(answer)) { return answer.body.message || 'Could not rename the group'; }
      store.updateGroup(chatId, { name });
      return null;
    });
  }

  return { createGroup, addMembers, removeMember, leave, renameGroup };
}

function ok(answer) {
  return answer.status >= 200 && answer.status < 300;
}

/*
 * What the person does to a message that is there: edit their own, delete it for everyone, react.
 * Each answer goes into the store (the socket's message:edited, message:deleted and
 * message:reaction bring the same to the other members); a refusal shows above the composer.
 */
import * as api from './api.js';

export function messageActions(store, actions) {
  function failed(answer, fallback) {
    const text = (answer.body && answer.body.message) || fallback;
    actions.ui.composer.showError(text);
    return text;
  }

  /** Saves an edit; resolves true when the server took it. */
  function edit(chatId, messageId, text) {
    return api.editMessage(messageId, text).then((answer) => {
      if (answer.status !== 200) {
        failed(answer, 'Could not edit the message');
        return false;
      }
      const message = answer.body.message || answer.body;
      if (message && message._id) { store.edited(chatId, message); }
      return true;
    });
  }

  function remove(chatId, messageId) {
    return api.deleteMessage(messageId).then((answer) => {
      if (answer.status !== 200 && answer.status !== 204) {
        failed(answer, 'Could not delete the message');
        return;
      }
      deleted(chatId, messageId);
    });
  }

  /** A message deleted for everyone; when it was the chat's latest, the list asks the server. */
  function deleted(chatId, messageId) {
    const entry = store.entry(chatId);
    const latest = entry && (entry.latestId === messageId || store.isLast(chatId, messageId) || !entry.latestId);
    store.deleted(chatId, messageId);
    actions.ui.composer.forget(messageId);
    if (latest) { actions.loadChats(); }
  }

  function react(chatId, messageId, emoji) {
    return api.react(messageId, emoji).then((answer) => {
      if (answer.status !== 200 && answer.status !== 201) {
        failed(answer, 'Could not react to the message');
        return;
      }
      const reactions = answer.body.reactions || (answer.body.message && answer.body.message.reactions);
      if (reactions) { store.patch(chatId, messageId, (m) => { m.reactions = reactions; }); }
    });
  }

  return { edit, remove, deleted, react };
}

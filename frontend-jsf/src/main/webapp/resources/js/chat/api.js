/*
 * The chat and user services as the page reaches them: remote commands of the page's server side
 * (which call the services with the browser's token), and the image upload servlet. Each call
 * resolves with {status, body}; none rejects.
 */
import { call } from './rpc.js';
import * as session from './session.js';

export const chats = () => call('rpcChats');
export const messages = (chatId, before) => call('rpcMessages', { chatId, before: before || '' });
export const send = (message) => call('rpcSend', {
  chatId: message.chatId, text: message.text, clientId: message.clientId,
  replyTo: message.replyTo ? message.replyTo._id : ''
});
export const newChat = (otherUserId) => call('rpcNewChat', { otherUserId });
export const searchUsers = (q) => call('rpcSearchUsers', { q });
export const renameMe = (name) => call('rpcRename', { name });

export const createGroup = (name, userIds) =>
  call('rpcCreateGroup', { name, userIds: userIds.join(',') });
export const addMembers = (chatId, userIds) =>
  call('rpcAddMembers', { chatId, userIds: userIds.join(',') });
export const removeMember = (chatId, userId) => call('rpcRemoveMember', { chatId, userId });
export const renameGroup = (chatId, name) => call('rpcRenameGroup', { chatId, name });

export const editMessage = (messageId, text) => call('rpcEditMessage', { messageId, text });
export const deleteMessage = (messageId) => call('rpcDeleteMessage', { messageId });
export const react = (messageId, emoji) => call('rpcReact', { messageId, emoji });

/** Sends an image message; an access token that ran out is renewed and the upload made again. */
export function upload(message, renewed) {
  const form = new FormData();
  form.append('chatId', message.chatId);
  form.append('text', message.text);
  form.append('clientId', message.clientId);
  if (message.replyTo) { form.append('replyTo', message.replyTo._id); }
  form.append('image', message.file);
  return fetch('upload', { method: 'POST', body: form, credentials: 'same-origin' })
    .then((response) => response.json().catch(() => ({}))
      .then((body) => ({ status: response.status, body })))
    .catch(() => ({ status: 0, body: { message: 'Network error' } }))
    .then((answer) => {
      if (answer.status !== 401 || renewed) { return answer; }
      return session.refresh().then((refreshed) =>
        refreshed.status === 200 ? upload(message, true) : answer);
    });
}

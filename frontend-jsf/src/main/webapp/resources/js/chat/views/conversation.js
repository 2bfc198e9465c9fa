/*
 * The conversation's frame: which pane shows (one at a time on a phone), the header with the
 * person or group and their status (online, last seen, members, who is typing), and, in a group
 * the caller left or was removed from, a note in place of the composer.
 */
import { $, shortTime, typingText } from './dom.js';
import { isGroup } from '../store.js';

export function conversation(store, actions) {
  $('backButton').addEventListener('click', actions.closeChat);
  $('groupInfoButton').addEventListener('click', () => actions.showGroup(store.active));

  function show(chatId) {
    document.body.classList.add('conversation-open');
    $('emptyState').hidden = true;
    $('conversationHeader').hidden = false;
    $('messages').hidden = false;
    $('composerError').hidden = true;
    patch(chatId);
  }

  function patch(chatId) {
    if (!chatId || chatId !== store.active) { return; }
    const entry = store.entry(chatId);
    if (!entry) { return; }
    const group = isGroup(entry);
    $('peerName').textContent = group ? entry.chat.name : entry.user.name;
    $('groupInfoButton').hidden = !group;
    $('composer').hidden = !!entry.removed;
    $('removedNote').hidden = !entry.removed;
    const status = $('peerStatus');
    const typists = store.typists(chatId);
    if (typists.length) {
      status.textContent = group ? typingText(typists.map((id) => store.name(id))) : 'typing…';
      status.className = 'peer-status typing';
    } else if (group) {
      status.textContent = entry.removed
        ? 'You are no longer a member'
        : (entry.chat.users || []).map((id) => id === store.me._id ? 'You' : store.name(id)).join(', ');
      status.className = 'peer-status';
    } else if (store.online.has(entry.user._id)) {
      status.textContent = 'online';
      status.className = 'peer-status online';
    } else {
      const seen = store.lastSeen.get(entry.user._id);
      status.textContent = seen ? 'last seen ' + shortTime(seen.toISOString()) : 'offline';
      status.className = 'peer-status';
    }
  }

  store.on('active', show);
  store.on('chat', patch);
  store.on('presence', () => patch(store.active));
  setInterval(() => patch(store.active), 30000);
}

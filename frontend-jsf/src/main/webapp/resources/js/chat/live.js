/*
 * chat-war's socket events, put into the store: presence, new messages, read and delivered
 * marks, typing, edits, deletions, reactions, and groups made, changed or left.
 */
export function live(store, actions, socket) {
  // presence of my contacts: the list when the socket opens, then each change
  socket.on('getOnlineUsers', (ids) => store.setOnline(Array.isArray(ids) ? ids : []));
  socket.on('user:online', (data) => store.cameOnline(data.userId));
  socket.on('user:offline', (data) => store.wentOffline(data.userId, data.lastSeen));

  socket.on('message:new', (data) => {
    const message = store.normalise(data.message);
    const chatId = data.chatId || message.chatId;
    if (message.sender !== store.me._id) {
      const typist = data.senderId || message.sender;
      if (typist) { store.setTyping(chatId, typist, false); } else { store.clearTyping(chatId); }
    }
    const thread = store.thread(chatId);
    if (thread.loaded && store.append(chatId, message) && store.active === chatId) {
      actions.acknowledgeRead(chatId);
    }
    actions.arrived(chatId, message);
  });
  // a message to a chat this socket has not joined: only the chat list moves and counts
  socket.on('chat:refresh', (data) => actions.arrived(data.chatId, store.normalise(data.message)));

  socket.on('message:read', (data) => store.read(data.chatId, data.messageIds || [], data.userId));
  socket.on('message:delivered', (data) => store.delivered(data.chatId, data.messageIds || [], data.userId));
  socket.on('typing:status', (data) => {
    if (data.userId !== store.me._id) { store.setTyping(data.chatId, data.userId, data.isTyping); }
  });

  socket.on('message:edited', (data) => {
    const message = data.message;
    const chatId = data.chatId || message.chatId;
    if (!store.edited(chatId, message) && !store.thread(chatId).loaded) { actions.loadChats(); }
  });
  socket.on('message:deleted', (data) => actions.deleted(data.chatId, data.messageId));
  socket.on('message:reaction', (data) =>
    store.patch(data.chatId, data.messageId, (m) => { m.reactions = data.reactions || {}; }));

  socket.on('chat:new', () => actions.loadChats());
  socket.on('chat:updated', (data) => {
    if (!store.entry(data.chatId)) {
      actions.loadChats();
      return;
    }
    store.updateGroup(data.chatId, data);
    if ((data.users || []).some((id) => !store.people.has(id))) { actions.loadChats(); }
  });
  socket.on('chat:removed', (data) => store.markRemoved(data.chatId));

  socket.on('error', (data) => {
    if (data && data.message) { console.warn('chat socket: ' + data.message); }
  });
}

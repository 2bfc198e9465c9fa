/*
 * ChatScriptTest's stand-in for the chat page's server side and chat-war's socket, following issue
 * 18's contract: the remote commands (rpc*) answer from an in-memory chat store through
 * ChatRpc.done, PF(name) shows and hides the dialogs, and WebSocket is a fake whose frames the
 * scenario pushes with push(event, data); what the page sent is in window.sent and window.calls;
 * window.hold[command] keeps a command's answers back until window.release(command).
 */
(function () {
  const people = {
    u1: { _id: 'u1', name: 'Alice', email: 'alice@x.io' },
    u2: { _id: 'u2', name: 'Bob', email: 'bob@x.io' },
    u3: { _id: 'u3', name: 'Carol', email: 'carol@x.io' },
    u4: { _id: 'u4', name: 'Dave', email: 'dave@x.io' }
  };
  const now = () => new Date().toISOString();
  let seq = 100;
  const db = {
    chats: {
      d1: { _id: 'd1', users: ['u1', 'u2'], updatedAt: '2026-12-05T00:00:00Z', latestMessage: { text: 'hey', sender: 'u2' }, unseenCount: 1 },
      g1: { _id: 'g1', isGroup: true, name: 'Team', users: ['u1', 'u2', 'u3'], admins: ['u1'], updatedAt: '2026-12-05T00:10:00Z', latestMessage: { text: 'hi group', sender: 'u2' }, unseenCount: 2 }
    },
    messages: {
      d1: [{ _id: 'm1', chatId: 'd1', sender: 'u2', text: 'hey', messageType: 'text', seen: false, createdAt: '2026-12-05T00:00:00Z' },
           { _id: 'm0', chatId: 'd1', sender: 'u1', text: 'mine', messageType: 'text', seen: false, delivered: true, createdAt: '2026-12-05T00:00:01Z' }],
      g1: [{ _id: 'm2', chatId: 'g1', sender: 'u1', text: 'Alice added Bob and Carol', messageType: 'system', createdAt: '2026-12-05T00:09:00Z', readBy: [] },
           { _id: 'm3', chatId: 'g1', sender: 'u2', text: 'hi group', messageType: 'text', createdAt: '2026-12-05T00:10:00Z', readBy: [], reactions: {} }]
    }
  };
  window.db = db;
  window.calls = [];
  function entry(c) {
    const e = { chat: Object.assign({}, c) };
    if (c.isGroup) { e.members = c.users.map((id) => people[id]); } else { e.user = people[c.users.find((id) => id !== 'u1')]; }
    return e;
  }
  function find(id) {
    for (const list of Object.values(db.messages)) { const m = list.find((x) => x._id === id); if (m) return m; }
    return null;
  }
  const handlers = {
    rpcChats: () => [200, { chats: Object.values(db.chats).map(entry) }],
    rpcMessages: (p) => [200, { messages: (db.messages[p.chatId] || []).slice(-50) }],
    rpcSend: (p) => {
      const m = { _id: 'm' + (++seq), chatId: p.chatId, sender: 'u1', text: p.text, messageType: 'text', createdAt: now(), readBy: [], reactions: {} };
      if (p.replyTo) { const o = find(p.replyTo); m.replyTo = { _id: o._id, sender: o.sender, text: o.text }; }
      db.messages[p.chatId].push(m);
      return [201, { message: m }];
    },
    rpcSearchUsers: (p) => [200, Object.values(people).filter((u) => u.name.toLowerCase().includes(p.q.toLowerCase()) || u.email === p.q)],
    rpcNewChat: (p) => [200, { chatId: 'd1' }],
    rpcRename: (p) => [200, {}],
    rpcCreateGroup: (p) => {
      const id = 'g' + (++seq);
      db.chats[id] = { _id: id, isGroup: true, name: p.name, users: ['u1'].concat(p.userIds.split(',')), admins: ['u1'], updatedAt: now(), latestMessage: null, unseenCount: 0 };
      db.messages[id] = [];
      return [201, { chatId: id }];
    },
    rpcAddMembers: (p) => { const c = db.chats[p.chatId]; c.users = c.users.concat(p.userIds.split(',')); return [200, { chatId: c._id, name: c.name, users: c.users, admins: c.admins }]; },
    rpcRemoveMember: (p) => { const c = db.chats[p.chatId]; c.users = c.users.filter((id) => id !== p.userId); return [200, {}]; },
    rpcRenameGroup: (p) => { db.chats[p.chatId].name = p.name; return [200, {}]; },
    rpcEditMessage: (p) => { const m = find(p.messageId); m.text = p.text; m.editedAt = now(); return [200, { message: m }]; },
    rpcDeleteMessage: (p) => { const m = find(p.messageId); delete m.text; m.deleted = true; return [204, {}]; },
    rpcReact: (p) => {
      const m = find(p.messageId); m.reactions = m.reactions || {};
      const had = (m.reactions[p.emoji] || []).includes('u1');
      Object.keys(m.reactions).forEach((e) => { m.reactions[e] = m.reactions[e].filter((u) => u !== 'u1'); if (!m.reactions[e].length) delete m.reactions[e]; });
      if (!had) { m.reactions[p.emoji] = (m.reactions[p.emoji] || []).concat(['u1']); }
      return [200, { messageId: m._id, reactions: m.reactions }];
    }
  };
  window.hold = {};
  window.held = [];
  window.release = (name) => {
    window.hold[name] = false;
    window.held.filter(([n]) => n === name).forEach(([, answer]) => answer());
    window.held = window.held.filter(([n]) => n !== name);
  };
  Object.keys(handlers).forEach((name) => {
    window[name] = (list) => {
      const p = {}; list.forEach((x) => { p[x.name] = x.value; });
      window.calls.push(name + ' ' + JSON.stringify(p));
      const [status, body] = handlers[name](p);
      const answer = () => window.ChatRpc.done({ callId: p.callId, status, body: JSON.stringify(JSON.parse(JSON.stringify(body))) });
      // window.hold[name] = true keeps that command's answers until window.release(name)
      if (window.hold[name]) { window.held.push([name, answer]); } else { setTimeout(answer, 5); }
    };
  });
  window.PF = (name) => ({
    show: () => { document.getElementById(name).hidden = false; },
    hide: () => { document.getElementById(name).hidden = true; }
  });
  document.addEventListener('click', (e) => {
    if (e.target.classList.contains('ui-dialog-titlebar-close')) { e.target.parentElement.hidden = true; }
  });
  window.sent = [];
  class FakeSocket {
    constructor() { this.readyState = 0; window.fakeSocket = this; setTimeout(() => { this.readyState = 1; this.onopen && this.onopen(); }, 5); }
    send(text) { window.sent.push(JSON.parse(text)); }
    close() {}
  }
  FakeSocket.OPEN = 1;
  window.WebSocket = FakeSocket;
  window.push = (event, data) => window.fakeSocket.onmessage({ data: JSON.stringify({ event, data }) });
})();

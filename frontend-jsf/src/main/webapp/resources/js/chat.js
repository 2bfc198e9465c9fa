/*
 * The chat page in the browser. Data comes from the page's server side through PrimeFaces remote
 * commands (ChatRpc), live events from chat-war's WebSocket (ChatSocket); the session is renewed
 * and ended at the UI's /session endpoints (ChatSession), the only requests that carry the refresh
 * token. Everything a user wrote is put into the page as text (textContent), never as HTML.
 */
var ChatRpc = (function () {
  var pending = {};
  var next = 1;

  /** Calls a p:remoteCommand; resolves with {status, body} where body is the parsed JSON. */
  function call(command, params) {
    return new Promise(function (resolve) {
      var callId = String(next++);
      pending[callId] = resolve;
      var list = [{ name: 'callId', value: callId }];
      Object.keys(params || {}).forEach(function (name) {
        list.push({ name: name, value: params[name] == null ? '' : String(params[name]) });
      });
      try {
        window[command](list);
      } catch (e) {
        delete pending[callId];
        resolve({ status: 0, body: { message: 'The page could not reach its server' } });
      }
      setTimeout(function () {
        if (pending[callId]) {
          delete pending[callId];
          resolve({ status: 0, body: { message: 'No answer from the server; try again' } });
        }
      }, 20000);
    });
  }

  /** oncomplete of every remote command. */
  function done(args) {
    if (!args || !args.callId || !pending[args.callId]) {
      return;
    }
    var resolve = pending[args.callId];
    delete pending[args.callId];
    var body = {};
    try { body = JSON.parse(args.body || '{}'); } catch (e) { body = {}; }
    if (args.status === 401) {
      window.location.href = 'login.xhtml';
    }
    resolve({ status: args.status, body: body });
  }

  return { call: call, done: done };
})();

var ChatSession = (function () {
  function post(action) {
    return fetch('session/' + action, {
      method: 'POST', credentials: 'same-origin', headers: { 'Accept': 'application/json' }
    })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          return { status: response.status, body: body };
        });
      })
      .catch(function () { return { status: 0, body: { message: 'Network error' } }; });
  }

  /**
   * Renews the session (new cookies); resolves with {status, body}. A session that is over (401)
   * sends the person to the login page; anything else (the user service away) may be tried again.
   */
  function refresh() {
    return post('refresh').then(function (answer) {
      if (answer.status === 401) { window.location.href = 'login.xhtml'; }
      return answer;
    });
  }

  /** Ends the session here and at the user service. */
  function logout() {
    return post('logout');
  }

  return { refresh: refresh, logout: logout };
})();

var ChatSocket = (function () {
  var socket = null;
  var url = null;
  var handlers = {};
  var attempts = 0;
  var opened = false;
  var onReconnect = function () {};
  var setConnected = function () {};

  function connect() {
    var current;
    try {
      current = new WebSocket(url);
    } catch (e) {
      schedule();
      return;
    }
    socket = current;
    var wasOpen = false;
    current.onopen = function () {
      wasOpen = true;
      var reconnect = opened;
      opened = true;
      attempts = 0;
      setConnected(true);
      if (reconnect) { onReconnect(); }
    };
    current.onmessage = function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      (handlers[frame.event] || []).forEach(function (handler) { handler(frame.data); });
    };
    current.onclose = function (event) {
      if (socket !== current) { return; }
      setConnected(false);
      if (event.code === 4401) {
        // the access token expired: refresh it, then reconnect at once
        renewThen(connect);
      } else if (!wasOpen) {
        // a refused handshake (a 401 reaches the page only as 1006): refresh before retrying
        renewThen(schedule);
      } else {
        schedule();
      }
    };
  }

  /**
   * Refreshes the session, then goes on. Only a refresh the user service really refused (401)
   * ends the session, and ChatSession then sends the person to the login page; anything else (the
   * user service away, no answer) is tried again later.
   */
  function renewThen(next) {
    ChatSession.refresh().then(function (answer) {
      if (answer.status === 200) { next(); } else if (answer.status !== 401) { schedule(); }
    });
  }

  function schedule() {
    attempts += 1;
    var delay = Math.min(15000, 500 * Math.pow(2, Math.min(attempts, 5)));
    setTimeout(connect, delay);
  }

  return {
    start: function (socketUrl, options) {
      url = socketUrl;
      onReconnect = options.onReconnect;
      setConnected = options.setConnected;
      setConnected(false);
      connect();
    },
    on: function (name, handler) {
      (handlers[name] = handlers[name] || []).push(handler);
    },
    emit: function (name, data) {
      if (socket && socket.readyState === WebSocket.OPEN) {
        socket.send(JSON.stringify({ event: name, data: data }));
        return true;
      }
      return false;
    }
  };
})();

var Chat = (function () {
  var PAGE = 50;
  var MAX_IMAGE_BYTES = 5 * 1024 * 1024;
  var state = {
    me: null,
    chats: [],
    active: null,          // chat id
    messages: {},          // chat id -> array of messages, ascending
    hasMore: {},           // chat id -> boolean
    loadingOlder: false,
    online: {},            // user id -> true
    lastSeen: {},          // user id -> Date
    typing: {},            // chat id -> timeout handle
    image: null,           // File chosen for the next message
    typingSentAt: 0,
    typingStopTimer: null
  };
  var $ = function (id) { return document.getElementById(id); };

  function init() {
    var app = $('app');
    try { state.me = JSON.parse(app.getAttribute('data-me')); } catch (e) { state.me = null; }
    if (!state.me) { window.location.href = 'login.xhtml'; return; }
    $('meName').textContent = state.me.name;
    bindUi();
    bindSocket();
    ChatSocket.start(app.getAttribute('data-socket-url'), {
      onReconnect: catchUp,
      setConnected: function (up) { $('connection').hidden = up; }
    });
    loadChats();
    setInterval(ChatSession.refresh, 10 * 60 * 1000);
    setInterval(renderPeerStatus, 30000);
  }

  // ---- data -------------------------------------------------------------------------------

  function loadChats() {
    return ChatRpc.call('rpcChats').then(function (answer) {
      if (answer.status !== 200) { return; }
      state.chats = answer.body.chats || [];
      state.chats.forEach(function (e) {
        if (e.user && e.user.lastSeen) { state.lastSeen[e.user._id] = new Date(e.user.lastSeen); }
      });
      sortChats();
      renderChatList();
    });
  }

  function catchUp() {
    loadChats().then(function () {
      if (state.active) {
        ChatSocket.emit('join:chat', state.active);
        if (document.visibilityState === 'visible') { ChatSocket.emit('viewing:chat', state.active); }
        loadNewest(state.active);
      }
    });
  }

  function entry(chatId) {
    for (var i = 0; i < state.chats.length; i++) {
      if (state.chats[i].chat._id === chatId) { return state.chats[i]; }
    }
    return null;
  }

  function sortChats() {
    state.chats.sort(function (a, b) {
      return String(b.chat.updatedAt || '').localeCompare(String(a.chat.updatedAt || ''));
    });
  }

  function openChat(chatId) {
    if (state.active && state.active !== chatId) {
      ChatSocket.emit('not:viewing:chat');
      ChatSocket.emit('leave:chat', state.active);
    }
    state.active = chatId;
    var e = entry(chatId);
    if (e) { e.chat.unseenCount = 0; }
    document.body.classList.add('conversation-open');
    $('emptyState').hidden = true;
    $('conversationHeader').hidden = false;
    $('messages').hidden = false;
    $('composer').hidden = false;
    $('composerError').hidden = true;
    $('peerName').textContent = e ? e.user.name : '';
    renderPeerStatus();
    renderChatList();
    $('messages').textContent = '';
    ChatSocket.emit('join:chat', chatId);
    ChatSocket.emit('viewing:chat', chatId);
    loadNewest(chatId);
    $('messageInput').focus();
  }

  function loadNewest(chatId) {
    return ChatRpc.call('rpcMessages', { chatId: chatId }).then(function (answer) {
      if (answer.status !== 200 || state.active !== chatId) {
        if (answer.status !== 200) { showComposerError(answer.body.message); }
        return;
      }
      var known = (state.messages[chatId] || []).filter(function (m) { return m.pending || m.failed; });
      state.messages[chatId] = (answer.body.messages || []).concat(known);
      state.hasMore[chatId] = (answer.body.messages || []).length >= PAGE;
      renderMessages(true);
      acknowledgeRead(chatId);
    });
  }

  function loadOlder() {
    var chatId = state.active;
    var list = state.messages[chatId] || [];
    if (!chatId || state.loadingOlder || !state.hasMore[chatId] || list.length === 0) { return; }
    state.loadingOlder = true;
    var box = $('messages');
    var before = box.scrollHeight - box.scrollTop;
    ChatRpc.call('rpcMessages', { chatId: chatId, before: firstRealId(list) }).then(function (answer) {
      state.loadingOlder = false;
      if (answer.status !== 200 || state.active !== chatId) { return; }
      var older = answer.body.messages || [];
      state.hasMore[chatId] = older.length >= PAGE;
      state.messages[chatId] = older.concat(state.messages[chatId] || []);
      renderMessages(false);
      box.scrollTop = box.scrollHeight - before;
    });
  }

  function firstRealId(list) {
    for (var i = 0; i < list.length; i++) { if (!list[i].pending && !list[i].failed) { return list[i]._id; } }
    return '';
  }

  function acknowledgeRead(chatId) {
    if (document.visibilityState !== 'visible' || state.active !== chatId) { return; }
    var unread = (state.messages[chatId] || []).filter(function (m) {
      return m.sender !== state.me._id && !m.seen && !m.pending;
    }).map(function (m) { return m._id; });
    if (unread.length) {
      ChatSocket.emit('message:read', { chatId: chatId, messageIds: unread });
      unread.forEach(function (id) { var m = find(chatId, id); if (m) { m.seen = true; } });
    }
  }

  function find(chatId, id) {
    var list = state.messages[chatId] || [];
    for (var i = 0; i < list.length; i++) { if (list[i]._id === id) { return list[i]; } }
    return null;
  }

  // ---- sending ----------------------------------------------------------------------------

  function send() {
    var chatId = state.active;
    var input = $('messageInput');
    var text = input.value.trim();
    if (!chatId || (!text && !state.image)) { return; }
    var clientId = 'c' + Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
    var local = {
      _id: 'local-' + clientId, clientId: clientId, chatId: chatId, sender: state.me._id,
      text: text, messageType: state.image ? 'image' : 'text', createdAt: new Date().toISOString(),
      pending: true, localImage: state.image ? URL.createObjectURL(state.image) : null,
      file: state.image
    };
    input.value = '';
    autoGrow();
    clearImage();
    stopTyping();
    (state.messages[chatId] = state.messages[chatId] || []).push(local);
    renderMessages(true);
    deliver(local);
  }

  function deliver(local) {
    local.pending = true;
    local.failed = false;
    renderMessages(false);
    var request = local.file ? upload(local) : ChatRpc.call('rpcSend', {
      chatId: local.chatId, text: local.text, clientId: local.clientId
    });
    request.then(function (answer) {
      if (answer.status === 200 || answer.status === 201) {
        settle(local, answer.body.message);
      } else {
        local.pending = false;
        local.failed = true;
        local.error = answer.body.message || 'Not sent';
        renderMessages(false);
      }
    });
  }

  /** Sends an image message; an access token that ran out is renewed and the upload made again. */
  function upload(local, renewed) {
    var form = new FormData();
    form.append('chatId', local.chatId);
    form.append('text', local.text);
    form.append('clientId', local.clientId);
    form.append('image', local.file);
    return fetch('upload', { method: 'POST', body: form, credentials: 'same-origin' })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          return { status: response.status, body: body };
        });
      })
      .catch(function () { return { status: 0, body: { message: 'Network error' } }; })
      .then(function (answer) {
        if (answer.status !== 401 || renewed) { return answer; }
        return ChatSession.refresh().then(function (refreshed) {
          return refreshed.status === 200 ? upload(local, true) : answer;
        });
      });
  }

  function settle(local, message) {
    var list = state.messages[local.chatId] || [];
    var already = find(local.chatId, message._id);
    var index = list.indexOf(local);
    if (index >= 0) {
      if (already) { list.splice(index, 1); } else { list[index] = message; }
    }
    if (local.localImage) { URL.revokeObjectURL(local.localImage); }
    bumpChat(local.chatId, message);
    renderMessages(false);
  }

  function bumpChat(chatId, message) {
    var e = entry(chatId);
    if (!e) { loadChats(); return; }
    e.chat.latestMessage = { text: message.messageType === 'image' ? '📷 Image' : message.text, sender: message.sender };
    e.chat.updatedAt = message.createdAt;
    sortChats();
    renderChatList();
  }

  // ---- typing -----------------------------------------------------------------------------

  function typed() {
    if (!state.active) { return; }
    var now = Date.now();
    if (now - state.typingSentAt > 2000) {
      ChatSocket.emit('typing:start', { chatId: state.active });
      state.typingSentAt = now;
    }
    clearTimeout(state.typingStopTimer);
    state.typingStopTimer = setTimeout(stopTyping, 3000);
  }

  function stopTyping() {
    clearTimeout(state.typingStopTimer);
    if (state.typingSentAt && state.active) {
      ChatSocket.emit('typing:stop', { chatId: state.active });
    }
    state.typingSentAt = 0;
  }

  function showTyping(chatId, isTyping) {
    clearTimeout(state.typing[chatId]);
    delete state.typing[chatId];
    if (isTyping) {
      state.typing[chatId] = setTimeout(function () { showTyping(chatId, false); }, 4000);
    }
    renderPeerStatus();
    renderChatList();
  }

  // ---- live events ------------------------------------------------------------------------

  function bindSocket() {
    // presence of my contacts: the list when the socket opens, then each change
    ChatSocket.on('getOnlineUsers', function (ids) {
      state.online = {};
      (ids || []).forEach(function (id) { state.online[id] = true; });
      renderChatList();
      renderPeerStatus();
    });
    ChatSocket.on('user:online', function (data) {
      state.online[data.userId] = true;
      renderChatList();
      renderPeerStatus();
    });
    ChatSocket.on('user:offline', function (data) {
      delete state.online[data.userId];
      if (data.lastSeen) { state.lastSeen[data.userId] = new Date(data.lastSeen); }
      renderChatList();
      renderPeerStatus();
    });
    ChatSocket.on('message:new', function (data) {
      var message = data.message;
      var chatId = data.chatId || message.chatId;
      if (message.sender !== state.me._id) { showTyping(chatId, false); }
      var list = state.messages[chatId];
      if (list && !find(chatId, message._id)) {
        var local = null;
        for (var i = 0; i < list.length; i++) {
          if (list[i].pending && message.clientId && list[i].clientId === message.clientId) { local = list[i]; }
        }
        if (local) { list[list.indexOf(local)] = message; } else { list.push(message); }
        if (state.active === chatId) {
          renderMessages(nearBottom());
          acknowledgeRead(chatId);
        }
      }
      arrived(chatId, message);
    });
    ChatSocket.on('chat:new', function () { loadChats(); });
    ChatSocket.on('chat:refresh', function (data) { arrived(data.chatId, data.message); });
    ChatSocket.on('message:read', function (data) { markOwn(data, 'seen'); });
    ChatSocket.on('message:delivered', function (data) { markOwn(data, 'delivered'); });
    ChatSocket.on('typing:status', function (data) {
      if (data.userId !== state.me._id) { showTyping(data.chatId, data.isTyping); }
    });
    ChatSocket.on('error', function (data) {
      if (data && data.message) { console.warn('chat socket: ' + data.message); }
    });
  }

  /**
   * A message reached this user (message:new, or chat:refresh when the socket is not in the chat):
   * the chat moves to the top and, unless it is open on screen, its unread badge counts it once.
   */
  function arrived(chatId, message) {
    var e = entry(chatId);
    if (!e) { loadChats(); return; }
    state.counted = state.counted || {};
    var onScreen = state.active === chatId && document.visibilityState === 'visible';
    if (message.sender !== state.me._id && !onScreen && !message.seen && !state.counted[message._id]) {
      state.counted[message._id] = true;
      e.chat.unseenCount = (e.chat.unseenCount || 0) + 1;
    }
    bumpChat(chatId, message);
  }

  function markOwn(data, field) {
    (data.messageIds || []).forEach(function (id) {
      var m = find(data.chatId, id);
      if (m) {
        m[field] = true;
        if (field === 'seen') { m.delivered = true; }
      }
    });
    if (state.active === data.chatId) { renderMessages(false); }
  }

  // ---- rendering --------------------------------------------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text != null) { node.textContent = text; }
    return node;
  }

  function renderChatList() {
    var list = $('chatList');
    list.textContent = '';
    $('noChats').hidden = state.chats.length > 0;
    state.chats.forEach(function (e) {
      var item = el('li', 'chat-item' + (e.chat._id === state.active ? ' active' : ''));
      item.setAttribute('data-chat-id', e.chat._id);
      var avatar = el('div', 'avatar', initials(e.user.name));
      if (state.online[e.user._id]) { avatar.appendChild(el('span', 'online-dot')); }
      item.appendChild(avatar);
      var body = el('div', 'chat-item-body');
      var top = el('div', 'chat-item-top');
      top.appendChild(el('span', 'chat-name', e.user.name));
      top.appendChild(el('span', 'chat-time', e.chat.latestMessage ? shortTime(e.chat.updatedAt) : ''));
      body.appendChild(top);
      var bottom = el('div', 'chat-item-bottom');
      var preview = state.typing[e.chat._id] ? 'typing…' : latestText(e.chat.latestMessage);
      bottom.appendChild(el('span', 'chat-preview' + (state.typing[e.chat._id] ? ' typing' : ''), preview));
      if (e.chat.unseenCount > 0 && e.chat._id !== state.active) {
        bottom.appendChild(el('span', 'badge', String(e.chat.unseenCount)));
      }
      body.appendChild(bottom);
      item.appendChild(body);
      item.addEventListener('click', function () { openChat(e.chat._id); });
      list.appendChild(item);
    });
  }

  function latestText(latest) {
    if (!latest) { return 'No messages yet'; }
    var prefix = latest.sender === state.me._id ? 'You: ' : '';
    return prefix + (latest.text || '📷 Image');
  }

  function renderPeerStatus() {
    var e = state.active && entry(state.active);
    if (!e) { return; }
    var status = $('peerStatus');
    if (state.typing[state.active]) {
      status.textContent = 'typing…';
      status.className = 'peer-status typing';
    } else if (state.online[e.user._id]) {
      status.textContent = 'online';
      status.className = 'peer-status online';
    } else {
      var seen = state.lastSeen[e.user._id];
      status.textContent = seen ? 'last seen ' + shortTime(seen.toISOString()) : 'offline';
      status.className = 'peer-status';
    }
  }

  function renderMessages(scrollToBottom) {
    var box = $('messages');
    var stick = scrollToBottom || nearBottom();
    box.textContent = '';
    var list = state.messages[state.active] || [];
    if (state.hasMore[state.active]) { box.appendChild(el('div', 'load-older', 'Scroll up for older messages')); }
    var lastDay = null;
    list.forEach(function (m) {
      var day = dayLabel(m.createdAt);
      if (day !== lastDay) { box.appendChild(el('div', 'day-separator', day)); lastDay = day; }
      var own = m.sender === state.me._id;
      var row = el('div', 'message ' + (own ? 'own' : 'theirs') + (m.pending ? ' pending' : '') + (m.failed ? ' failed' : ''));
      row.setAttribute('data-message-id', m._id);
      var bubble = el('div', 'bubble');
      var imageUrl = m.localImage || (m.image && m.image.url);
      if (imageUrl) {
        var img = el('img', 'message-image');
        img.src = imageUrl;
        img.alt = 'Image';
        img.addEventListener('load', function () { if (stick) { box.scrollTop = box.scrollHeight; } });
        bubble.appendChild(img);
      }
      if (m.text) { bubble.appendChild(el('div', 'text', m.text)); }
      var meta = el('div', 'meta');
      meta.appendChild(el('span', 'time', clock(m.createdAt)));
      if (own) { meta.appendChild(ticks(m)); }
      bubble.appendChild(meta);
      row.appendChild(bubble);
      if (m.failed) {
        var retry = el('button', 'retry', 'Not sent: ' + (m.error || 'error') + ' · Retry');
        retry.type = 'button';
        retry.addEventListener('click', function () { deliver(m); });
        row.appendChild(retry);
      }
      box.appendChild(row);
    });
    if (stick) { box.scrollTop = box.scrollHeight; }
  }

  function ticks(m) {
    if (m.pending) { return el('span', 'ticks pending', '🕓'); }
    if (m.failed) { return el('span', 'ticks failed', '!'); }
    if (m.seen) { return el('span', 'ticks read', '✓✓'); }
    if (m.delivered || m.deliveredAt) { return el('span', 'ticks delivered', '✓✓'); }
    return el('span', 'ticks sent', '✓');
  }

  function nearBottom() {
    var box = $('messages');
    return box.scrollHeight - box.scrollTop - box.clientHeight < 80;
  }

  function initials(name) {
    return String(name || '?').trim().split(/\s+/).slice(0, 2).map(function (p) { return p.charAt(0).toUpperCase(); }).join('');
  }

  function clock(iso) {
    var d = new Date(iso);
    return isNaN(d) ? '' : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function shortTime(iso) {
    var d = new Date(iso);
    if (isNaN(d)) { return ''; }
    return d.toDateString() === new Date().toDateString() ? clock(iso) : d.toLocaleDateString();
  }

  function dayLabel(iso) {
    var d = new Date(iso);
    if (isNaN(d)) { return ''; }
    var today = new Date();
    var yesterday = new Date(Date.now() - 86400000);
    if (d.toDateString() === today.toDateString()) { return 'Today'; }
    if (d.toDateString() === yesterday.toDateString()) { return 'Yesterday'; }
    return d.toLocaleDateString([], { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
  }

  function showComposerError(text) {
    var box = $('composerError');
    box.textContent = text || '';
    box.hidden = !text;
  }

  // ---- user interface ---------------------------------------------------------------------

  function bindUi() {
    var input = $('messageInput');
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        send();
      }
    });
    input.addEventListener('input', function () { autoGrow(); typed(); showComposerError(null); });
    $('sendButton').addEventListener('click', send);
    $('messages').addEventListener('scroll', function () {
      if ($('messages').scrollTop < 60) { loadOlder(); }
    });
    $('backButton').addEventListener('click', function () {
      ChatSocket.emit('not:viewing:chat');
      document.body.classList.remove('conversation-open');
    });
    $('imageInput').addEventListener('change', chooseImage);
    $('imageRemove').addEventListener('click', clearImage);
    $('newChatButton').addEventListener('click', function () {
      $('userSearch').value = '';
      $('userResults').textContent = '';
      PF('newChatDialog').show();
      searchUsers();
      setTimeout(function () { $('userSearch').focus(); }, 100);
    });
    var searchTimer = null;
    $('userSearch').addEventListener('input', function () {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(searchUsers, 250);
    });
    $('accountButton').addEventListener('click', function () {
      $('nameInput').value = state.me.name;
      $('accountMessage').textContent = '';
      PF('accountDialog').show();
    });
    $('saveNameButton').addEventListener('click', rename);
    $('logoutButton').addEventListener('click', function () {
      ChatSession.logout().then(function () { window.location.href = 'login.xhtml'; });
    });
    document.addEventListener('visibilitychange', function () {
      if (!state.active) { return; }
      if (document.visibilityState === 'visible') {
        ChatSocket.emit('viewing:chat', state.active);
        acknowledgeRead(state.active);
      } else {
        ChatSocket.emit('not:viewing:chat');
      }
    });
  }

  function autoGrow() {
    var input = $('messageInput');
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight, 160) + 'px';
  }

  function chooseImage() {
    var file = $('imageInput').files[0];
    $('imageInput').value = '';
    if (!file) { return; }
    if (['image/png', 'image/jpeg', 'image/gif', 'image/webp'].indexOf(file.type) < 0) {
      showComposerError('Only JPG, PNG, GIF and WEBP images can be sent.');
      return;
    }
    if (file.size > MAX_IMAGE_BYTES) {
      showComposerError('The image is larger than 5 MB.');
      return;
    }
    showComposerError(null);
    state.image = file;
    $('imagePreviewImg').src = URL.createObjectURL(file);
    $('imagePreview').hidden = false;
  }

  function clearImage() {
    if ($('imagePreviewImg').src) { URL.revokeObjectURL($('imagePreviewImg').src); }
    $('imagePreviewImg').removeAttribute('src');
    $('imagePreview').hidden = true;
    state.image = null;
  }

  /**
   * Finds people by at least 3 letters of their name, or by their whole email address (the user
   * service shows an address only to who typed it whole or shares a chat with that person).
   */
  function searchUsers() {
    var q = $('userSearch').value.trim();
    var asked = state.searchSeq = (state.searchSeq || 0) + 1;
    var results = $('userResults');
    if (Array.from(q).length < 3) {
      results.textContent = '';
      results.appendChild(el('li', 'hint', 'Type at least 3 letters of a name, or a whole email address'));
      return;
    }
    ChatRpc.call('rpcSearchUsers', { q: q }).then(function (answer) {
      if (asked !== state.searchSeq) { return; }  // a newer search is under way
      results.textContent = '';
      var users = Array.isArray(answer.body) ? answer.body : (answer.body.users || []);
      users.filter(function (u) { return u._id !== state.me._id; }).forEach(function (u) {
        var item = el('li', 'user-result');
        item.setAttribute('data-user-id', u._id);
        item.appendChild(el('span', 'chat-name', u.name));
        if (u.email) {
          item.setAttribute('data-email', u.email);
          item.appendChild(el('span', 'user-email', u.email));
        }
        item.addEventListener('click', function () { startChat(u._id); });
        results.appendChild(item);
      });
      if (!results.firstChild) {
        results.appendChild(el('li', 'hint', answer.status === 200 ? 'Nobody found' : (answer.body.message || 'Search failed')));
      }
    });
  }

  function startChat(userId) {
    ChatRpc.call('rpcNewChat', { otherUserId: userId }).then(function (answer) {
      if (answer.status !== 200 && answer.status !== 201) {
        $('userResults').textContent = '';
        $('userResults').appendChild(el('li', 'hint', answer.body.message || 'Could not start the chat'));
        return;
      }
      PF('newChatDialog').hide();
      var chatId = answer.body.chatId;
      loadChats().then(function () { openChat(chatId); });
    });
  }

  function rename() {
    var name = $('nameInput').value.trim();
    if (!name || name.length > 50) {
      $('accountMessage').textContent = 'A name has 1 to 50 characters.';
      return;
    }
    ChatRpc.call('rpcRename', { name: name }).then(function (answer) {
      if (answer.status !== 200) {
        $('accountMessage').textContent = answer.body.message || 'Could not save the name';
        return;
      }
      state.me = answer.body.user || state.me;
      state.me.name = name;
      $('meName').textContent = name;
      PF('accountDialog').hide();
    });
  }

  return { init: init, state: state };
})();

document.addEventListener('DOMContentLoaded', Chat.init);

/*
 * ChatScriptTest's scenario: drives the chat page (clicks, keys, socket events pushed through
 * fake.js) and writes one PASS or FAIL line per check into <pre id="results">, then DONE. Opened
 * with #group or #deleted it stops there, for a screenshot of that state
 * (chromium --headless --screenshot).
 */
const out = [];
const $ = (s) => document.querySelector(s);
const $$ = (s) => Array.from(document.querySelectorAll(s));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function log(ok, label, extra) { out.push((ok ? 'PASS ' : 'FAIL ') + label + (ok ? '' : ' :: ' + (extra || ''))); document.getElementById('results').textContent = out.join('\n'); }
async function wait(cond, label, ms = 2000) {
  const end = Date.now() + ms;
  while (Date.now() < end) { try { if (cond()) { log(true, label); return true; } } catch (e) {} await sleep(20); }
  let extra = ''; try { extra = String(cond()); } catch (e) { extra = e.message; }
  log(false, label, extra); return false;
}
function click(sel) { const e = typeof sel === 'string' ? $(sel) : sel; if (!e) throw new Error('no ' + sel); e.click(); }
function type(text) { const i = $('#messageInput'); i.value = text; i.dispatchEvent(new Event('input')); }
function enter() { $('#messageInput').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })); }
const rowByText = (t) => { const e = $$('#messages .message .text').find((x) => x.textContent === t); return e && e.closest('.message'); };
const menuOn = (t) => click(rowByText(t).querySelector('.message-menu-button'));

async function run() {
  await wait(() => $$('#chatList .chat-item').length === 2, 'two chats listed');
  await wait(() => $('#chatList .chat-item').getAttribute('data-chat-id') === 'g1', 'group first (newest)');
  log($('#chatList .chat-item.group .chat-name').textContent === 'Team', 'group name in list');
  log($('#chatList .chat-item.group .chat-preview').textContent === 'Bob: hi group', 'group preview with sender', $('#chatList .chat-item.group .chat-preview').textContent);
  log($('#chatList .chat-item[data-chat-id=d1] .chat-preview').textContent === 'hey', '1:1 preview as before');
  log($('#chatList .chat-item.group .badge').textContent === '2', 'group badge');
  const groupItem = $('#chatList .chat-item.group');

  click('#chatList .chat-item.group');
  await wait(() => $('#peerName').textContent === 'Team', 'header shows group');
  await wait(() => $$('#messages .message').length === 2, 'two rows');
  log($('#messages .message.system .system-text').textContent === 'Alice added Bob and Carol', 'system message');
  log($('#messages .message.theirs .sender-name').textContent === 'Bob', 'sender name');
  log(!$('#groupInfoButton').hidden, 'group info button');
  log(!$('#chatList .chat-item.group .badge') , 'badge gone when open');
  log(document.contains(groupItem), 'chat item kept (keyed)');
  await wait(() => sent.some((f) => f.event === 'message:read' && f.data.chatId === 'g1'), 'read acknowledged');

  push('typing:status', { chatId: 'g1', userId: 'u2', isTyping: true });
  await wait(() => $('#peerStatus').textContent === 'Bob is typing…', 'who is typing in header');
  log($('#chatList .chat-item.group .chat-preview').textContent === 'Bob is typing…', 'who is typing in list');
  push('typing:status', { chatId: 'g1', userId: 'u3', isTyping: true });
  await wait(() => $('#peerStatus').textContent === 'Bob and Carol are typing…', 'two typing');
  const bobRow = rowByText('hi group');
  push('message:new', { chatId: 'g1', senderId: 'u3', message: { _id: 'm50', chatId: 'g1', sender: 'u3', text: 'from carol', messageType: 'text', createdAt: new Date().toISOString(), readBy: [] } });
  await wait(() => rowByText('from carol'), 'carol message appended');
  log(document.contains(bobRow), 'earlier row kept (keyed)');
  await wait(() => $('#peerStatus').textContent === 'Bob is typing…', 'carol stops typing on send');
  log(rowByText('from carol').querySelector('.sender-name').textContent === 'Carol', 'carol name');

  type('Hello team'); enter();
  await wait(() => rowByText('Hello team') && !rowByText('Hello team').classList.contains('pending'), 'own message settled');
  const own = rowByText('Hello team');
  const ownId = own.getAttribute('data-message-id');
  log(own.querySelector('.ticks').classList.contains('sent'), 'sent tick', own.querySelector('.ticks').className);
  push('typing:status', { chatId: 'g1', userId: 'u2', isTyping: false });
  await wait(() => $('#chatList .chat-item.group .chat-preview').textContent === 'You: Hello team', 'list preview own');
  push('message:read', { chatId: 'g1', messageIds: [ownId], userId: 'u2' });
  await wait(() => own.querySelector('.ticks').classList.contains('delivered'), 'read by one: grey ✓✓');
  log(!own.querySelector('.ticks').classList.contains('read'), 'not blue yet');
  push('message:read', { chatId: 'g1', messageIds: [ownId], userId: 'u3' });
  await wait(() => rowByText('Hello team').querySelector('.ticks').classList.contains('read'), 'read by all: blue');
  log(document.contains(own), 'own row patched in place');
  menuOn('Hello team');
  await wait(() => !$('#messageMenu').hidden, 'menu opens');
  log(!!$('#messageMenu .menu-edit') && !!$('#messageMenu .menu-delete') && !!$('#messageMenu .menu-info'), 'own menu has edit delete read by');
  click('#messageMenu .menu-info');
  await wait(() => !$('#readByDialog').hidden && $$('#readByList .read-by-item.read').length === 2, 'read by lists both');
  click('#readByDialog .ui-dialog-titlebar-close');

  menuOn('hi group');
  log(!$('#messageMenu .menu-edit') && !$('#messageMenu .menu-delete'), 'others menu: no edit/delete');
  click('#messageMenu .menu-reply');
  await wait(() => !$('#composerContext').hidden && $('#contextText').textContent === 'hi group', 'reply context');
  type('my reply'); enter();
  await wait(() => rowByText('my reply') && rowByText('my reply').querySelector('.reply-quote .reply-text').textContent === 'hi group', 'reply shows quote');
  log($('#composerContext').hidden, 'context cleared');
  log(calls.some((c) => c.startsWith('rpcSend') && c.includes('"replyTo":"m3"')), 'replyTo sent');

  menuOn('hi group');
  click('#messageMenu .reaction-choice[data-emoji="👍"]');
  await wait(() => rowByText('hi group').querySelector('.reaction[data-emoji="👍"]') && rowByText('hi group').querySelector('.reaction[data-emoji="👍"]').textContent === '👍 1', 'reaction chip');
  push('message:reaction', { chatId: 'g1', messageId: 'm3', reactions: { '👍': ['u1', 'u3'], '❤️': ['u2'] } });
  await wait(() => rowByText('hi group').querySelector('.reaction[data-emoji="👍"]').textContent === '👍 2', 'reaction counts from event');
  log(rowByText('hi group').querySelector('.reaction.mine').getAttribute('data-emoji') === '👍', 'mine highlighted');

  if (location.hash === '#group') { menuOn('hi group'); return; }
  menuOn('Hello team');
  click('#messageMenu .menu-edit');
  await wait(() => $('#messageInput').value === 'Hello team' && $('#contextLabel').textContent === 'Edit message', 'edit context');
  type('Hello team, edited'); enter();
  await wait(() => rowByText('Hello team, edited') && rowByText('Hello team, edited').querySelector('.edited'), 'edited shown');
  log(rowByText('Hello team, edited').getAttribute('data-message-id') === ownId, 'same message edited');

  type('oops'); enter();
  await wait(() => rowByText('oops') && !rowByText('oops').classList.contains('pending'), 'oops sent');
  const oopsId = rowByText('oops').getAttribute('data-message-id');
  menuOn('oops');
  click('#messageMenu .menu-delete');
  await wait(() => !$('#deleteDialog').hidden, 'confirm dialog');
  click('#confirmDeleteButton');
  await wait(() => $(`#messages .message[data-message-id="${oopsId}"] .deleted-note`), 'deleted note');
  log(!rowByText('oops'), 'text gone');

  push('message:edited', { chatId: 'g1', message: { _id: 'm3', chatId: 'g1', sender: 'u2', text: 'hi group!!', messageType: 'text', editedAt: new Date().toISOString(), createdAt: '2026-12-05T00:10:00Z', reactions: { '👍': ['u1', 'u3'] } } });
  await wait(() => rowByText('hi group!!'), 'edit event');
  await wait(() => rowByText('my reply').querySelector('.reply-text').textContent === 'hi group!!', 'quote follows edit');
  push('message:deleted', { chatId: 'g1', messageId: 'm3' });
  await wait(() => $('#messages .message[data-message-id="m3"] .deleted-note'), 'delete event');
  await wait(() => rowByText('my reply').querySelector('.reply-text').textContent === 'This message was deleted', 'quote of deleted');

  click('#groupInfoButton');
  await wait(() => !$('#groupDialog').hidden && $$('#groupMembers .member').length === 3, 'members listed');
  log($$('#groupMembers .remove-member').length === 2, 'admin can remove two');
  click('#groupMembers .member[data-user-id="u3"] .remove-member');
  await wait(() => $$('#groupMembers .member').length === 2, 'carol removed');
  $('#addMemberSearch').value = 'dave'; $('#addMemberSearch').dispatchEvent(new Event('input'));
  await wait(() => $('#addMemberResults .user-result[data-user-id="u4"]'), 'search dave', 3000);
  log(!$('#addMemberResults .user-result[data-user-id="u2"]'), 'members not offered');
  click('#addMemberResults .user-result[data-user-id="u4"]');
  await wait(() => $$('#groupMembers .member').length === 3 && $('#groupMembers').textContent.includes('Dave'), 'dave added');
  $('#groupNameInput').value = 'Team 2';
  click('#renameGroupButton');
  await wait(() => $('#peerName').textContent === 'Team 2' && $('#chatList .chat-item.group .chat-name').textContent === 'Team 2', 'renamed');
  click('#groupDialog .ui-dialog-titlebar-close');

  if (location.hash === '#deleted') { click('#groupInfoButton'); return; }
  push('chat:updated', { chatId: 'g1', name: 'Team 3', users: ['u1', 'u2', 'u4'], admins: ['u2'] });
  await wait(() => $('#peerName').textContent === 'Team 3', 'chat:updated name');
  push('chat:removed', { chatId: 'g1' });
  await wait(() => !$('#removedNote').hidden && $('#composer').hidden, 'removed: note, no composer');
  log(!$('#messages .message-menu-button'), 'no menus after removal');

  click('#chatList .chat-item[data-chat-id="d1"]');
  await wait(() => $('#peerName').textContent === 'Bob', '1:1 header');
  await wait(() => rowByText('hey') && rowByText('mine'), '1:1 rows');
  log(!$('#composer').hidden && $('#removedNote').hidden && $('#groupInfoButton').hidden, '1:1 composer back');
  log(!rowByText('hey').querySelector('.sender-name'), 'no sender name in 1:1');
  log(rowByText('mine').querySelector('.ticks').classList.contains('delivered'), '1:1 delivered');
  push('message:read', { chatId: 'd1', messageIds: ['m0'] });
  await wait(() => rowByText('mine').querySelector('.ticks.read'), '1:1 read ticks');
  // Bob reads a message of mine before my page knows its id (the send's answer is late):
  // the marks wait for the message instead of being dropped
  window.hold.rpcSend = true;
  type('read before settled'); enter();
  await wait(() => held.some(([name]) => name === 'rpcSend'), 'send answer held');
  const early = db.messages.d1[db.messages.d1.length - 1]._id;
  push('message:delivered', { chatId: 'd1', messageIds: [early], userId: 'u2' });
  push('message:read', { chatId: 'd1', messageIds: [early], userId: 'u2' });
  log(rowByText('read before settled').classList.contains('pending'), 'still pending when read');
  release('rpcSend');
  await wait(() => rowByText('read before settled').querySelector('.ticks.read'), 'read before settled: blue once settled');
  push('typing:status', { chatId: 'd1', userId: 'u2', isTyping: true });
  await wait(() => $('#peerStatus').textContent === 'typing…', '1:1 typing text');
  log($('#chatList .chat-item[data-chat-id="d1"] .chat-preview').textContent === 'typing…', '1:1 list typing');
  push('user:online', { userId: 'u2' });
  await wait(() => $('#chatList .chat-item[data-chat-id="d1"] .online-dot'), 'online dot');

  click('#newGroupButton');
  $('#groupName').value = 'New one';
  $('#groupSearch').value = 'bob'; $('#groupSearch').dispatchEvent(new Event('input'));
  await wait(() => $('#groupResults .user-result[data-user-id="u2"]'), 'group search', 3000);
  click('#groupResults .user-result[data-user-id="u2"]');
  click('#createGroupButton');
  await wait(() => $('#groupMessage').textContent === 'Pick at least two people.', 'needs two');
  $('#groupSearch').value = 'carol'; $('#groupSearch').dispatchEvent(new Event('input'));
  await wait(() => $('#groupResults .user-result[data-user-id="u3"]'), 'group search 2', 3000);
  click('#groupResults .user-result[data-user-id="u3"]');
  log($$('#groupPicked .picked-person').length === 2, 'two picked');
  click('#createGroupButton');
  await wait(() => $('#peerName').textContent === 'New one' && $('#newGroupDialog').hidden, 'group created and opened');
  log($$('#chatList .chat-item').length === 3, 'three chats');
  log(calls.some((c) => c.startsWith('rpcCreateGroup') && c.includes('"userIds":"u2,u3"')), 'create call');
  // in a group too: both members' read positions arrive before my page knows the message
  const groupId = Object.values(db.chats).find((c) => c.name === 'New one')._id;
  window.hold.rpcSend = true;
  type('group read before settled'); enter();
  await wait(() => held.some(([name]) => name === 'rpcSend'), 'group send answer held');
  const earlyInGroup = db.messages[groupId][db.messages[groupId].length - 1]._id;
  push('message:read', { chatId: groupId, messageIds: [earlyInGroup], userId: 'u2' });
  push('message:read', { chatId: groupId, messageIds: [earlyInGroup], userId: 'u3' });
  release('rpcSend');
  await wait(() => rowByText('group read before settled').querySelector('.ticks.read'), 'group read before settled: blue once settled');
  out.push('DONE');
  document.getElementById('results').textContent = out.join('\n');
}
document.addEventListener('DOMContentLoaded', () => setTimeout(() => run().catch((e) => { out.push('ERROR ' + e.stack); document.getElementById('results').textContent = out.join('\n'); }), 100));

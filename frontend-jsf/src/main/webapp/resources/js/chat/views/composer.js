/*
 * The composer: text, an image to send, typing announcements, and the message being replied to
 * or edited (shown above the input; Escape or × leaves it). Enter sends, Shift+Enter breaks the
 * line.
 */
import { $ } from './dom.js';
import { IMAGE_PREVIEW, quote } from '../store.js';

const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

export function composer(store, actions, socket) {
  const input = $('messageInput');
  let image = null;     // File chosen for the next message
  let context = null;   // {mode: 'reply' | 'edit', chatId, messageId}
  let typingSentAt = 0;
  let typingStopTimer = null;

  function showError(text) {
    const box = $('composerError');
    box.textContent = text || '';
    box.hidden = !text;
  }

  function autoGrow() {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight, 160) + 'px';
  }

  function submit() {
    const chatId = store.active;
    const text = input.value.trim();
    if (!chatId) { return; }
    if (context && context.mode === 'edit') {
      if (!text) { return; }
      const edit = context;
      actions.edit(edit.chatId, edit.messageId, text).then((ok) => {
        if (ok) { clear(); }
      });
      return;
    }
    if (!text && !image) { return; }
    const reply = context && context.mode === 'reply' ? store.message(context.chatId, context.messageId) : null;
    const file = image;
    clear();
    clearImage();
    stopTyping();
    actions.send(chatId, text, file, reply);
  }

  function clear() {
    input.value = '';
    autoGrow();
    setContext(null);
  }

  function setContext(next) {
    context = next;
    const box = $('composerContext');
    if (!next) {
      box.hidden = true;
      return;
    }
    const m = store.message(next.chatId, next.messageId);
    $('contextLabel').textContent = next.mode === 'edit'
      ? 'Edit message'
      : 'Reply to ' + (m.sender === store.me._id ? 'yourself' : store.name(m.sender));
    $('contextText').textContent = quote(m) || IMAGE_PREVIEW;
    box.hidden = false;
    if (next.mode === 'edit') {
      input.value = m.text || '';
      autoGrow();
    }
    input.focus();
  }

  function typed() {
    if (!store.active) { return; }
    const now = Date.now();
    if (now - typingSentAt > 2000) {
      socket.emit('typing:start', { chatId: store.active });
      typingSentAt = now;
    }
    clearTimeout(typingStopTimer);
    typingStopTimer = setTimeout(stopTyping, 3000);
  }

  function stopTyping() {
    clearTimeout(typingStopTimer);
    if (typingSentAt && store.active) {
      socket.emit('typing:stop', { chatId: store.active });
    }
    typingSentAt = 0;
  }

  function chooseImage() {
    const file = $('imageInput').files[0];
    $('imageInput').value = '';
    if (!file) { return; }
    if (IMAGE_TYPES.indexOf(file.type) < 0) {
      showError('Only JPG, PNG, GIF and WEBP images can be sent.');
      return;
    }
    if (file.size > MAX_IMAGE_BYTES) {
      showError('The image is larger than 5 MB.');
      return;
    }
    showError(null);
    image = file;
    $('imagePreviewImg').src = URL.createObjectURL(file);
    $('imagePreview').hidden = false;
  }

  function clearImage() {
    if ($('imagePreviewImg').src) { URL.revokeObjectURL($('imagePreviewImg').src); }
    $('imagePreviewImg').removeAttribute('src');
    $('imagePreview').hidden = true;
    image = null;
  }

  $('composer').addEventListener('submit', (event) => event.preventDefault());
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && context) {
      clear();
    }
  });
  input.addEventListener('input', () => { autoGrow(); typed(); showError(null); });
  $('sendButton').addEventListener('click', submit);
  $('imageInput').addEventListener('change', chooseImage);
  $('imageRemove').addEventListener('click', clearImage);
  $('contextCancel').addEventListener('click', clear);

  store.on('active', () => {
    if (context && context.mode === 'edit') { clear(); } else { setContext(null); }
    $('composerError').hidden = true;
    input.focus();
  });

  return {
    showError,
    reply: (chatId, messageId) => setContext({ mode: 'reply', chatId, messageId }),
    edit: (chatId, messageId) => setContext({ mode: 'edit', chatId, messageId }),
    /** A message deleted or gone while being replied to or edited. */
    forget: (messageId) => { if (context && context.messageId === messageId) { clear(); } }
  };
}

/*
 * Small helpers of the views. Everything a person wrote goes into the page as text (textContent),
 * never as HTML.
 */
export const $ = (id) => document.getElementById(id);

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) { node.className = className; }
  if (text != null) { node.textContent = text; }
  return node;
}

export function button(className, text, title, onClick) {
  const node = el('button', className, text);
  node.type = 'button';
  if (title) {
    node.title = title;
    node.setAttribute('aria-label', title);
  }
  node.addEventListener('click', onClick);
  return node;
}

export function initials(name) {
  return String(name || '?').trim().split(/\s+/).slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase()).join('');
}

export function clock(iso) {
  const d = new Date(iso);
  return isNaN(d) ? '' : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function shortTime(iso) {
  const d = new Date(iso);
  if (isNaN(d)) { return ''; }
  return d.toDateString() === new Date().toDateString() ? clock(iso) : d.toLocaleDateString();
}

export function dayLabel(iso) {
  const d = new Date(iso);
  if (isNaN(d)) { return ''; }
  const yesterday = new Date(Date.now() - 86400000);
  if (d.toDateString() === new Date().toDateString()) { return 'Today'; }
  if (d.toDateString() === yesterday.toDateString()) { return 'Yesterday'; }
  return d.toLocaleDateString([], { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
}

/** "Ann is typing…", "Ann and Bob are typing…", "3 people are typing…". */
export function typingText(names) {
  if (names.length === 1) { return names[0] + ' is typing…'; }
  if (names.length === 2) { return names[0] + ' and ' + names[1] + ' are typing…'; }
  return names.length + ' people are typing…';
}

/** A PrimeFaces dialog by its widgetVar. */
export function dialog(name) {
  return window.PF(name);
}

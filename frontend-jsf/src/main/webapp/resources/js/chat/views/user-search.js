/*
 * Finding people, for a new chat, a new group and adding members: by at least 3 letters of their
 * name, or by their whole email address (the user service shows an address only to who typed it
 * whole or shares a chat with that person).
 */
import { el } from './dom.js';
import * as api from '../api.js';

/**
 * Searches as the person types into input, lists the people found in results (one
 * .user-result per person), and calls pick(user) when one is clicked; skip(user) leaves some out.
 */
export function userSearch(store, input, results, pick, skip = () => false) {
  let asked = 0;
  let timer = null;

  function search() {
    const q = input.value.trim();
    const seq = ++asked;
    if (Array.from(q).length < 3) {
      results.textContent = '';
      results.appendChild(el('li', 'hint', 'Type at least 3 letters of a name, or a whole email address'));
      return;
    }
    api.searchUsers(q).then((answer) => {
      if (seq !== asked) { return; } // a newer search is under way
      results.textContent = '';
      const users = Array.isArray(answer.body) ? answer.body : (answer.body.users || []);
      users.filter((u) => u._id !== store.me._id && !skip(u)).forEach((u) => {
        store.people.set(u._id, Object.assign({}, store.people.get(u._id), u));
        const item = el('li', 'user-result');
        item.setAttribute('data-user-id', u._id);
        item.appendChild(el('span', 'chat-name', u.name));
        if (u.email) {
          item.setAttribute('data-email', u.email);
          item.appendChild(el('span', 'user-email', u.email));
        }
        item.addEventListener('click', () => pick(u, item));
        results.appendChild(item);
      });
      if (!results.firstChild) {
        results.appendChild(el('li', 'hint', answer.status === 200 ? 'Nobody found' : (answer.body.message || 'Search failed')));
      }
    });
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });

  return {
    search,
    reset() {
      input.value = '';
      results.textContent = '';
      search();
    },
    error(text) {
      results.textContent = '';
      results.appendChild(el('li', 'hint', text));
    }
  };
}

/* Change notifications of the store: listeners by topic, called with the ids that changed. */
export class Events {
  constructor() {
    this.listeners = new Map();
  }

  on(topic, listener) {
    if (!this.listeners.has(topic)) { this.listeners.set(topic, []); }
    this.listeners.get(topic).push(listener);
  }

  emit(topic, ...args) {
    (this.listeners.get(topic) || []).forEach((listener) => listener(...args));
  }
}

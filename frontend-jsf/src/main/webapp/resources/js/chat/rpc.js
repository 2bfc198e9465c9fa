/*
 * The page's calls to its own server side: PrimeFaces remote commands (the rpc form of
 * chat.xhtml), each answered through ChatRpc.done with the call's id, the backend's status and
 * its JSON. ChatRpc is the one global the page keeps, for the remote commands' oncomplete.
 */
const pending = new Map();
let next = 1;

/** Calls a p:remoteCommand; resolves with {status, body} where body is the parsed JSON. */
export function call(command, params = {}) {
  return new Promise((resolve) => {
    const callId = String(next++);
    pending.set(callId, resolve);
    const list = [{ name: 'callId', value: callId }];
    for (const [name, value] of Object.entries(params)) {
      list.push({ name, value: value == null ? '' : String(value) });
    }
    try {
      window[command](list);
    } catch (e) {
      console.warn('chat rpc: ' + command + ' could not be called: ' + e);
      pending.delete(callId);
      resolve({ status: 0, body: { message: 'The page could not reach its server' } });
    }
    setTimeout(() => {
      if (pending.has(callId)) {
        pending.delete(callId);
        console.warn('chat rpc: no answer to ' + command + ' in 20 s');
        resolve({ status: 0, body: { message: 'No answer from the server; try again' } });
      }
    }, 20000);
  });
}

/** oncomplete of every remote command. */
function done(args) {
  if (!args || !args.callId || !pending.has(args.callId)) {
    return;
  }
  const resolve = pending.get(args.callId);
  pending.delete(args.callId);
  let body = {};
  try { body = JSON.parse(args.body || '{}'); } catch (e) { body = {}; }
  if (args.status === 401) {
    window.location.href = 'login.xhtml';
  }
  resolve({ status: args.status, body });
}

window.ChatRpc = { done };

/*
 * PrimeFaces' CSP mode (web.xml) gives each page a nonce: its scripts run with it, and its Ajax
 * requests send it back from a hidden input in each form, which the server checks against the
 * page's view ("CSP nonce mismatch" otherwise). PrimeFaces fills those inputs in a jQuery ready
 * handler, which runs after the page's own DOMContentLoaded handlers: the chat page's first remote
 * command went without a nonce and was refused, and on a reload the browser had restored the
 * previous page's nonce into the inputs. This script, placed after the forms, fills them at once
 * with the nonce it was loaded with (every script of the page carries it), and again when the page
 * is shown from the back/forward cache.
 */
(function () {
  var nonce = document.currentScript && document.currentScript.nonce;
  function fillNonceInputs() {
    if (nonce && window.PrimeFaces && PrimeFaces.csp) {
      PrimeFaces.csp.init(nonce);
    }
  }
  fillNonceInputs();
  window.addEventListener('pageshow', fillNonceInputs);
})();

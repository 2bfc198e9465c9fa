/* The resend button's visible count-down: enabled again when the 60 s cool-down is over. */
var Login = (function () {
  var timer = null;
  function startCountdown() {
    if (timer) { clearInterval(timer); timer = null; }
    var button = document.getElementById('login:resend');
    var label = document.getElementById('resendCountdown');
    if (!button || !label) { return; }
    var wait = parseInt(button.getAttribute('data-wait') || '0', 10);
    if (wait > 0) {
      button.disabled = true;
      button.classList.add('ui-state-disabled');
    }
    function tick() {
      if (wait <= 0) {
        label.textContent = '';
        button.disabled = false;
        button.classList.remove('ui-state-disabled');
        clearInterval(timer);
        timer = null;
        return;
      }
      label.textContent = 'available in ' + wait + ' s';
      wait -= 1;
    }
    tick();
    timer = setInterval(tick, 1000);
  }
  return { startCountdown: startCountdown };
})();
document.addEventListener('DOMContentLoaded', Login.startCountdown);
// after each Ajax update of the form (the page allows no inline script to do it: CSP)
if (window.jQuery) { jQuery(document).on('pfAjaxComplete', Login.startCountdown); }

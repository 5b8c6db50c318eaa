// The back office's small script: the reconnect notice's buttons, and focus after a circuit page change.
(() => {
  document.addEventListener('click', (event) => {
    const button = event.target.closest('[data-reconnect]');
    if (!button) return;
    if (button.dataset.reconnect === 'retry' && window.Blazor && typeof window.Blazor.reconnect === 'function') {
      window.Blazor.reconnect().then((ok) => { if (!ok) location.reload(); });
    } else {
      location.reload();
    }
  });
})();

// Called by the back-office layout once its circuit renders: a signal for people's scripts and for tests.
window.portalBackOffice = window.portalBackOffice || {};
window.portalBackOffice.circuitUp = () => document.body.classList.add('portal-circuit-up');

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

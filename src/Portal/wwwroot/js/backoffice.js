// The back office's small script: the reconnect notice's buttons, focus after a circuit page change, and downloads made on the server.
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
// A file the server made (an export), handed over as a stream: saved under its name without leaving the page.
Object.assign(window.portalBackOffice, {
  download: async (fileName, contentType, stream) => {
    const buffer = await stream.arrayBuffer();
    const url = URL.createObjectURL(new Blob([buffer], { type: contentType }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  },
});

// The policy page's map of permit zones on the interactive page. The page draws the map's element anew
// once its circuit is up (and after a zone upload), so the map script that the static pages run once at
// load is run again for that element: Leaflet first, when it is not there yet.
const load = (src) => new Promise((resolve, reject) => {
  const script = document.createElement('script');
  script.src = src;
  script.onload = resolve;
  script.onerror = reject;
  document.body.appendChild(script);
});

export async function show() {
  const element = document.getElementById('map');
  if (!element || element.classList.contains('leaflet-container')) return;
  if (!window.L) await load('lib/leaflet/leaflet.js');
  await load('js/map.js');
}

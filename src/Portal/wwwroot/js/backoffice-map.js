// The back office's maps: Leaflet driven from Blazor (Components/BackOffice/BackOfficeMap.razor).
// Blazor imports this module, creates one map per element and tells it what to draw; the map tells
// Blazor where it was clicked, which marker was chosen or dragged, and what part of the world it shows.
// Every map is an enhancement: the page shows the same data as a list or table.

const maps = new Map();   // element -> state
let leaflet;              // the promise of window.L, loaded once per page

function stylesheet(href) {
  const url = new URL(href, import.meta.url).href;
  if ([...document.styleSheets].some((sheet) => sheet.href === url)) return Promise.resolve();
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = url;
    link.onload = () => resolve();
    link.onerror = () => resolve();   // the map still works, only less pretty
    document.head.appendChild(link);
  });
}

function loadLeaflet() {
  if (window.L) return Promise.resolve(window.L);
  leaflet ??= Promise.all([
    stylesheet('../lib/leaflet/leaflet.css'),
    stylesheet('../css/backoffice-map.css'),
    new Promise((resolve, reject) => {
      // Leaflet is a classic script (UMD): loaded as one, under the CSP's script-src 'self'.
      const script = document.createElement('script');
      script.src = new URL('../lib/leaflet/leaflet.js', import.meta.url).href;
      script.onload = () => resolve();
      script.onerror = () => { leaflet = undefined; reject(new Error('Leaflet did not load')); };
      document.head.appendChild(script);
    }),
  ]).then(() => window.L);
  return leaflet;
}

const round = (value) => Math.round(value * 1e7) / 1e7;
const clamp = (value, min, max) => Math.min(max, Math.max(min, value));

export async function create(element, options, dotnet) {
  const L = await loadLeaflet();
  if (!element.isConnected || maps.has(element)) return;
  const map = L.map(element, { zoomControl: true, keyboard: true });
  element.portalMap = map;   // for the browser tests and the console
  L.tileLayer(options.tileUrl, { attribution: options.attribution, maxZoom: 19 }).addTo(map);

  const state = {
    map, dotnet, texts: options.texts, layers: options.layers || '', request: 0, failed: false,
    areas: L.featureGroup().addTo(map),
    features: L.layerGroup().addTo(map),
    pins: L.layerGroup().addTo(map),
    markers: new Map(),
    popupOpen: false,
  };
  maps.set(element, state);

  drawOverlay(state, options.overlay);
  if (options.bounds) {
    fit(state, options.bounds);
  } else if (options.fitToOverlay && state.areas.getLayers().length > 0) {
    map.fitBounds(state.areas.getBounds(), { padding: [16, 16] });
  } else {
    map.setView([options.latitude, options.longitude], options.zoom);
  }
  drawMarkers(state, options.markers);

  map.on('moveend', () => { refresh(state); reportView(state, options.reportsView); });
  map.on('popupopen', () => { state.popupOpen = true; });
  map.on('popupclose', () => { state.popupOpen = false; });
  if (options.clickable) {
    element.classList.add('backoffice-map--clickable');
    map.on('click', (event) => dotnet.invokeMethodAsync('MapClicked', round(event.latlng.lat), round(event.latlng.lng)));
  }
  // Statuses change live: redraw the layers every 30 s (the API's cache lifetime) while the page is visible and no popup is open.
  state.timer = window.setInterval(() => {
    if (document.visibilityState === 'visible' && !state.popupOpen) refresh(state);
  }, 30000);
  refresh(state);
  reportView(state, options.reportsView);
  element.dataset.ready = 'true';
}

function reportView(state, reports) {
  if (!reports) return;
  const b = state.map.getBounds();
  const c = state.map.getCenter();
  state.dotnet.invokeMethodAsync('ViewChanged',
    clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90),
    round(c.lat), round(c.lng), state.map.getZoom());
}

function fit(state, bounds) {
  state.map.fitBounds([[bounds.south, bounds.west], [bounds.north, bounds.east]], { padding: [16, 16], maxZoom: 18 });
}

function drawOverlay(state, overlay) {
  state.areas.clearLayers();
  if (!overlay) return;
  let geoJson;
  try {
    geoJson = JSON.parse(overlay);
  } catch {
    return;
  }
  window.L.geoJSON(geoJson, { style: { className: 'backoffice-map__area' }, interactive: true })
    .eachLayer((layer) => {
      const properties = (layer.feature && layer.feature.properties) || {};
      const name = properties.naam || properties.name;
      if (name) layer.bindTooltip(String(name));
      state.areas.addLayer(layer);
    });
}

function pinIcon(marker) {
  const classes = ['backoffice-map__pin', 'backoffice-map__pin--' + (marker.kind || 'spot')];
  if (marker.selected) classes.push('backoffice-map__pin--selected');
  if (marker.draggable) classes.push('backoffice-map__pin--draggable');
  return window.L.divIcon({ className: classes.join(' '), iconSize: [24, 24], iconAnchor: [12, 12] });
}

// Leaflet gives a marker's icon tabindex 0 and role button; the name comes from its label.
function label(leafletMarker, marker) {
  const element = leafletMarker.getElement();
  if (!element) return;
  element.setAttribute('aria-label', marker.label);
  element.setAttribute('title', marker.label);
  element.dataset.markerId = marker.id;
}

function drawMarkers(state, markers) {
  const L = window.L;
  const wanted = new Set();
  for (const marker of markers || []) {
    wanted.add(marker.id);
    let pin = state.markers.get(marker.id);
    if (!pin) {
      pin = L.marker([marker.latitude, marker.longitude], {
        icon: pinIcon(marker), keyboard: true, title: marker.label, draggable: marker.draggable, autoPan: true, riseOnHover: true,
      });
      pin.on('click', () => state.dotnet.invokeMethodAsync('MarkerClicked', pin.options.markerId));
      pin.on('dragend', () => {
        const at = pin.getLatLng();
        state.dotnet.invokeMethodAsync('MarkerMoved', pin.options.markerId, round(at.lat), round(at.lng));
      });
      pin.options.markerId = marker.id;
      pin.addTo(state.pins);
      state.markers.set(marker.id, pin);
    } else {
      pin.setLatLng([marker.latitude, marker.longitude]);
      pin.setIcon(pinIcon(marker));
      if (pin.dragging) {
        if (marker.draggable) pin.dragging.enable(); else pin.dragging.disable();
      }
    }
    pin.setZIndexOffset(marker.selected ? 1000 : 0);
    label(pin, marker);
  }
  for (const [id, pin] of state.markers) {
    if (!wanted.has(id)) {
      state.pins.removeLayer(pin);
      state.markers.delete(id);
    }
  }
}

function markerKind(properties) {
  if (properties.layer === 'plekken') return 'spot';
  if (properties.layer === 'aanvragen') return 'application-' + properties.kind;
  return String(properties.status).toLowerCase();
}

function link(properties) {
  if (properties.layer === 'aanvragen') return properties.link;
  return properties.layer === 'plekken' ? '/beheer/plekken/' + properties.id : '/laadpunten/' + properties.id;
}

function drawFeatures(state, collection) {
  const L = window.L;
  state.features.clearLayers();
  for (const feature of collection.features) {
    const p = feature.properties;
    const position = [feature.geometry.coordinates[1], feature.geometry.coordinates[0]];
    if (p.cluster) {
      const size = p.count < 10 ? 30 : p.count < 100 ? 38 : 46;
      const text = state.texts.cluster.replace('{0}', p.count);
      const icon = L.divIcon({ className: 'backoffice-map__cluster backoffice-map__cluster--' + p.layer, html: '<span>' + p.count + '</span>', iconSize: [size, size] });
      const cluster = L.marker(position, { icon, title: text, keyboard: true })
        .on('click', () => state.map.setView(position, Math.min(state.map.getZoom() + 2, 19)))
        .addTo(state.features);
      cluster.getElement()?.setAttribute('aria-label', text);
      continue;
    }
    const dot = L.circleMarker(position, {
      radius: p.layer === 'plekken' ? 8 : p.layer === 'aanvragen' ? 6 : 7,
      className: 'backoffice-map__marker backoffice-map__marker--' + markerKind(p),
    });
    const popup = document.createElement('div');
    const title = document.createElement('strong');
    title.textContent = p.label;
    const anchor = document.createElement('a');
    anchor.href = link(p);
    anchor.textContent = state.texts.details;
    popup.append(title, document.createElement('br'), anchor);
    dot.bindPopup(popup).addTo(state.features);
  }
}

function refresh(state) {
  const element = state.map.getContainer();
  if (!state.layers) {
    state.features.clearLayers();
    return;
  }
  const b = state.map.getBounds();
  const bbox = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)]
    .map((n) => n.toFixed(6)).join(',');
  const mine = ++state.request;
  fetch('/api/map/features?bbox=' + bbox + '&zoom=' + state.map.getZoom() + '&layers=' + encodeURIComponent(state.layers), { credentials: 'same-origin' })
    .then((response) => { if (!response.ok) throw new Error(String(response.status)); return response.json(); })
    .then((collection) => {
      if (mine !== state.request || !maps.has(element)) return;
      drawFeatures(state, collection);
      element.dataset.loaded = String(collection.features.length);
      failed(state, false);
    })
    .catch(() => { if (mine === state.request && maps.has(element)) failed(state, true); });
}

function failed(state, now) {
  if (state.failed === now) return;
  state.failed = now;
  state.dotnet.invokeMethodAsync('LayersFailed', now);
}

function stateOf(element) {
  return maps.get(element);
}

export function setMarkers(element, markers) {
  const state = stateOf(element);
  if (state) drawMarkers(state, markers);
}

export function setLayers(element, layers) {
  const state = stateOf(element);
  if (!state) return;
  state.layers = layers || '';
  refresh(state);
}

export function setOverlay(element, overlay, fitToOverlay) {
  const state = stateOf(element);
  if (!state) return;
  drawOverlay(state, overlay);
  if (fitToOverlay && state.areas.getLayers().length > 0) state.map.fitBounds(state.areas.getBounds(), { padding: [16, 16] });
}

export function setView(element, latitude, longitude, zoom) {
  const state = stateOf(element);
  if (state) state.map.setView([latitude, longitude], zoom ?? state.map.getZoom());
}

export function fitBounds(element, bounds) {
  const state = stateOf(element);
  if (state) fit(state, bounds);
}

export function refreshLayers(element) {
  const state = stateOf(element);
  if (state) refresh(state);
}

export function dispose(element) {
  const state = stateOf(element);
  if (!state) return;
  window.clearInterval(state.timer);
  maps.delete(element);
  state.map.remove();
  delete element.portalMap;
}

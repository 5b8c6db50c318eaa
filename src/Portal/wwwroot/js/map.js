// The portal's map: draws /api/map/features for the visible area, clustered by the server.
// Everything it shows is also available as a table, so this script only enhances.
(function () {
  'use strict';
  var element = document.getElementById('map');
  if (!element || !window.L) { return; }
  var data = element.dataset;
  var status = document.getElementById('map-status');

  var map = L.map(element, { zoomControl: true }).setView([parseFloat(data.lat), parseFloat(data.lon)], parseInt(data.zoom, 10));
  window.portalMap = map;   // for the browser tests and for the console
  L.tileLayer(data.tiles, { attribution: data.attribution, maxZoom: 19 }).addTo(map);

  if (data.markerLat && data.markerLon) {
    L.marker([parseFloat(data.markerLat), parseFloat(data.markerLon)], { keyboard: false }).addTo(map);
  }

  if (data.overlay) {
    fetch(data.overlay, { credentials: 'same-origin' })
      .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
      .then(function (collection) {
        var areas = L.geoJSON(collection, { style: { className: 'portal-area' } })
          .eachLayer(function (layer) { layer.bindTooltip(String(layer.feature.properties.naam || '')); })
          .addTo(map);
        if (collection.features.length > 0) { map.fitBounds(areas.getBounds(), { padding: [16, 16] }); }
      })
      .catch(function () { if (status) { status.textContent = data.textFailed; } });
  }

  var features = L.layerGroup().addTo(map);
  var request = 0;

  function activeToggles() {
    var active = {};
    document.querySelectorAll('[data-map-toggle]').forEach(function (box) { active[box.value] = box.checked; });
    return active;
  }

  function visible(properties, active) {
    if (properties.cluster) { return true; }
    if (properties.layer === 'plekken') { return active.plekken !== false; }
    if (properties.layer === 'aanvragen') { return active['aanvraag-' + properties.kind] !== false; }
    if (properties.layer === 'verkeersbesluiten') { return active['verkeersbesluiten'] !== false; }
    return active[properties.status] !== false;
  }

  function clamp(value, min, max) { return Math.min(max, Math.max(min, value)); }

  function markerKind(properties) {
    if (properties.layer === 'plekken') { return 'spot'; }
    if (properties.layer === 'aanvragen') { return 'application-' + properties.kind; }
    return String(properties.status).toLowerCase();
  }

  function link(properties) {
    if (properties.layer === 'aanvragen' || properties.layer === 'verkeersbesluiten') { return properties.link; }
    return properties.layer === 'plekken' ? '/beheer/plekken/' + properties.id : '/laadpunten/' + properties.id;
  }

  // "Planned: objection possible until 12 January 2027" in the page's language; the date comes as yyyy-mm-dd.
  function plannedText(properties) {
    if (properties.status === 'order-final') { return data.textOrderFinal; }
    if (!properties.until) { return data.textOrderPending; }
    var parts = properties.until.split('-');
    var day = new Date(Date.UTC(+parts[0], +parts[1] - 1, +parts[2]));
    var text = day.toLocaleDateString(document.documentElement.lang || 'nl', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    return data.textOrderOpen.replace('{0}', text);
  }

  function draw(collection) {
    var active = activeToggles();
    features.clearLayers();
    collection.features.forEach(function (feature) {
      var p = feature.properties;
      if (!visible(p, active)) { return; }
      var position = [feature.geometry.coordinates[1], feature.geometry.coordinates[0]];
      if (p.cluster) {
        var size = p.count < 10 ? 30 : p.count < 100 ? 38 : 46;
        var icon = L.divIcon({ className: 'portal-cluster portal-cluster--' + p.layer, html: '<span>' + p.count + '</span>', iconSize: [size, size] });
        L.marker(position, { icon: icon, title: data.textCluster.replace('{0}', p.count), alt: data.textCluster.replace('{0}', p.count) })
          .on('click', function () { map.setView(position, Math.min(map.getZoom() + 2, 19)); })
          .addTo(features);
        return;
      }
      var marker = L.circleMarker(position, {
        radius: p.layer === 'plekken' ? 8 : p.layer === 'aanvragen' ? 6 : 7,
        className: 'portal-marker portal-marker--' + markerKind(p)
      });
      var popup = document.createElement('div');
      var title = document.createElement('strong');
      title.textContent = p.label;
      var anchor = document.createElement('a');
      anchor.href = link(p);
      anchor.textContent = data.textDetails;
      popup.appendChild(title);
      popup.appendChild(document.createElement('br'));
      if (p.layer === 'verkeersbesluiten') {
        popup.appendChild(document.createTextNode(plannedText(p)));
        popup.appendChild(document.createElement('br'));
      }
      popup.appendChild(anchor);
      marker.bindPopup(popup).addTo(features);
    });
  }

  function refresh() {
    var bounds = map.getBounds();
    var bbox = [
      clamp(bounds.getWest(), -180, 180), clamp(bounds.getSouth(), -90, 90),
      clamp(bounds.getEast(), -180, 180), clamp(bounds.getNorth(), -90, 90)
    ].map(function (n) { return n.toFixed(6); }).join(',');
    var mine = ++request;
    fetch('/api/map/features?bbox=' + bbox + '&zoom=' + map.getZoom() + '&layers=' + encodeURIComponent(data.layers), { credentials: 'same-origin' })
      .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
      .then(function (collection) {
        if (mine !== request) { return; }
        draw(collection);
        element.dataset.loaded = String(collection.features.length);
        if (status) { status.textContent = ''; }
      })
      .catch(function () { if (status) { status.textContent = data.textFailed; } });
  }

  map.on('moveend', refresh);
  // Statuses change live (OCPI pushes): redraw every 30 s (the API's cache lifetime) while the page is
  // visible and no popup is open, since a redraw would close it.
  var popupOpen = false;
  map.on('popupopen', function () { popupOpen = true; });
  map.on('popupclose', function () { popupOpen = false; });
  window.setInterval(function () {
    if (document.visibilityState === 'visible' && !popupOpen) { refresh(); }
  }, 30000);
  document.querySelectorAll('[data-map-toggle]').forEach(function (box) { box.addEventListener('change', refresh); });

  if (data.clickToAdd) {
    map.on('click', function (event) {
      window.location.href = data.clickToAdd + '?lat=' + event.latlng.lat.toFixed(6) + '&lon=' + event.latlng.lng.toFixed(6);
    });
  }
  refresh();
}());

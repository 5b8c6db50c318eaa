// Runs the ClusteringBenchmarks workload with the npm supercluster package, so the two can be compared
// on the same machine in the same session: same points, same options, same viewport, same GeoJSON shape.
// Usage: npm ci && node compare.mjs
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import Supercluster from 'supercluster';

const options = { radius: 60, extent: 512, minZoom: 0, maxZoom: 16, minPoints: 2 };
const netherlands = [3.2, 50.7, 7.3, 53.7];
const buildRuns = 7;
const queryRuns = 200;

function chargePoints() {
  const text = gunzipSync(readFileSync(new URL('../Data/nl-charge-points.csv.gz', import.meta.url))).toString('utf8');
  const lines = text.split('\n');
  if (lines[0] !== 'latitude,longitude') throw new Error('nl-charge-points.csv.gz must start with latitude,longitude');
  const points = [];
  for (const line of lines.slice(1)) {
    if (line.length === 0) continue;
    const [latitude, longitude] = line.split(',').map(Number);
    points.push([latitude, longitude]);
  }
  return points;
}

// The same xorshift32 stream as PointSets.Synthetic in C#, so both sides cluster identical points.
function synthetic(count, seed = 20261121) {
  let state = seed >>> 0;
  const next = () => {
    state = (state ^ (state << 13)) >>> 0;
    state = (state ^ (state >>> 17)) >>> 0;
    state = (state ^ (state << 5)) >>> 0;
    return state / 4294967296;
  };
  const points = [];
  for (let i = 0; i < count; i++) {
    const latitude = 50.75 + next() * 2.8;
    const longitude = 3.35 + next() * 3.85;
    points.push([latitude, longitude]);
  }
  return points;
}

const toFeatures = (points) => points.map(([latitude, longitude], i) => ({
  type: 'Feature',
  properties: { i },
  geometry: { type: 'Point', coordinates: [longitude, latitude] },
}));

// The shape GeoJsonClusters.Serialise writes: Point geometry, properties cluster/count/id, 6 decimals.
const round6 = (value) => Math.round(value * 1e6) / 1e6;
const asGeoJson = (features) => JSON.stringify({
  type: 'FeatureCollection',
  features: features.map((f) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [round6(f.geometry.coordinates[0]), round6(f.geometry.coordinates[1])] },
    properties: f.properties.cluster
      ? { cluster: true, count: f.properties.point_count, id: f.properties.cluster_id }
      : { cluster: false, count: 1, id: f.properties.i },
  })),
});

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function time(runs, action) {
  const samples = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    result = action();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: median(samples), result };
}

const format = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(1)} us` : `${ms.toFixed(2)} ms`);

console.log(`supercluster ${JSON.parse(readFileSync(new URL('./node_modules/supercluster/package.json', import.meta.url))).version}, node ${process.version}, options ${JSON.stringify(options)}`);
console.log(`median of ${buildRuns} builds and ${queryRuns} queries each\n`);
console.log('| points | step | median | features | GeoJSON |');
console.log('| --- | --- | ---: | ---: | ---: |');
for (const [name, points] of [['Synthetic200k', synthetic(200000)], ['NlChargePoints', chargePoints()]]) {
  const features = toFeatures(points);
  const build = time(buildRuns, () => new Supercluster(options).load(features));
  console.log(`| ${name} (${points.length}) | build index | ${format(build.ms)} | | |`);
  const index = build.result;
  for (const zoom of [7, 8]) {
    const query = time(queryRuns, () => index.getClusters(netherlands, zoom));
    const json = time(queryRuns, () => asGeoJson(index.getClusters(netherlands, zoom)));
    const kb = (Buffer.byteLength(json.result, 'utf8') / 1024).toFixed(1);
    console.log(`| ${name} | query zoom ${zoom} | ${format(query.ms)} | ${query.result.length} | ${kb} KB |`);
    console.log(`| ${name} | query zoom ${zoom} + GeoJSON | ${format(json.ms)} | | |`);
  }
}

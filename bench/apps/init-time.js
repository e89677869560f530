// Loads a bundle in this fresh process, as Lambda's init phase does, and reports how long loading
// took and how much JavaScript it read. Usage: node init-time.js <bundle file>
const fs = require('fs');
const t0 = process.hrtime.bigint();
const mod = require(process.argv[2]);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
if (typeof mod.handler !== 'function') {
  throw new Error(`${process.argv[2]} exports no handler`);
}
const files = Object.keys(require.cache);
const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
console.log(JSON.stringify({ ms, files: files.length, bytes }));

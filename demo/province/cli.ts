import type { OpenDatabase } from '../../server/db/index.js';
import { loadConfig } from '../../server/config.js';
import { generateProvince } from './generate.js';

const num = (v: string | undefined, name: string, def: number) => {
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number`);
  return n;
};

/** `fazhi demo --scale province [--seed N] [--cities N] [--districts N] [--volume F]`: generates and prints what it made. */
export async function provinceDemo(o: OpenDatabase, s: (k: string) => string | undefined) {
  const cfg = loadConfig();
  const t = performance.now();
  console.log('generating the province-scale dataset (示范省 990000)…');
  const r = await generateProvince(o.db, {
    seed: num(s('seed'), 'seed', 1), cities: num(s('cities'), 'cities', 18), districts: num(s('districts'), 'districts', 150),
    volume: num(s('volume'), 'volume', 1), scryptN: cfg.scryptN, log: console.log,
  });
  console.log(`${r.cities.length} cities, ${r.districts.length} districts in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  for (const [table, n] of Object.entries(r.counts)) console.log(`  ${table.padEnd(24)} ${n.toLocaleString('en')}`);
  console.log(`accounts (password ${r.password}): o<code> office and l<code> leader of every region (o990000 = provincial office, o${r.cities[0].code} = a city office),`);
  console.log(`  u<code> liaison and h<code> unit head of each district (e.g. o${r.districts[0].code}, u${r.districts[0].code})`);
}

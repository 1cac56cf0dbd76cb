/**
 * Sizes of the production web build (dist/web), gzip: what the shell's index.html loads initially
 * (its module script, modulepreloads and their static imports; its stylesheets) and every chunk.
 * `npm run bench` reports these; the budget for the initial JS is 300 KB gzip.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Initial JS budget (gzip bytes). */
export const INITIAL_JS_BUDGET = 300 * 1024;

/** Gzip sizes of the web build. */
export async function webSizes(distDir = path.resolve('dist/web')): Promise<{ initialJsGzip: number; initialCssGzip: number; chunks: { file: string; gzip: number }[] }> {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const gz = (file: string) => gzipSync(fs.readFileSync(path.join(distDir, file)), { level: 9 }).length;
  const refs = (re: RegExp) => [...html.matchAll(re)].map((m) => m[1].replace(/^\//, ''));
  // Static imports of a chunk (`import … from "./x.js"` / `import "./x.js"`), not dynamic import().
  const staticImports = (file: string) => {
    const src = fs.readFileSync(path.join(distDir, file), 'utf8');
    const out: string[] = [];
    for (const m of src.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w${},*\s]+from\s*)?["']([^"']+\.js)["']/g)) out.push(path.posix.join(path.posix.dirname(file), m[1]));
    return out;
  };
  const js = new Set<string>();
  const queue = [...refs(/<script[^>]+type="module"[^>]+src="([^"]+)"/g), ...refs(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)];
  while (queue.length) {
    const f = queue.pop()!;
    if (js.has(f) || !fs.existsSync(path.join(distDir, f))) continue;
    js.add(f);
    queue.push(...staticImports(f));
  }
  const css = refs(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g);
  const assets = path.join(distDir, 'assets');
  const chunks = fs
    .readdirSync(assets)
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((f) => ({ file: `assets/${f}`, gzip: gz(`assets/${f}`) }))
    .sort((a, b) => b.gzip - a.gzip);
  return {
    initialJsGzip: [...js].reduce((s, f) => s + gz(f), 0),
    initialCssGzip: css.reduce((s, f) => s + gz(f), 0),
    chunks,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await webSizes();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`web initial JS ${kb(s.initialJsGzip)} gzip (budget ${kb(INITIAL_JS_BUDGET)}), initial CSS ${kb(s.initialCssGzip)} gzip, ${s.chunks.length} chunks`);
  for (const c of s.chunks.slice(0, 12)) console.log(`  ${c.file.padEnd(70)} ${kb(c.gzip)}`);
}

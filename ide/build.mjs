// Bundles the IDE (GraphiQL, React, Monaco and its workers) into dist/ide at build time, so that
// the gateway serves it with no CDN and no web fonts: `npm run build` runs this after tsc.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'ide');
await mkdir(out, { recursive: true });

const common = {
  bundle: true,
  minify: true,
  legalComments: 'linked',
  target: 'es2022',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  // Monaco's icon font travels inside the stylesheet: no request for it leaves the page
  loader: { '.ttf': 'dataurl' },
};

// the page's script: ESM, so that it finds its workers beside it through import.meta.url
await build({
  ...common,
  entryPoints: { main: join(root, 'ide', 'main.tsx') },
  outdir: out,
  format: 'esm',
  jsx: 'automatic',
});

// Monaco's language services: classic workers, one file each
await build({
  ...common,
  entryPoints: {
    'editor.worker': join(root, 'node_modules/monaco-editor/esm/vs/editor/editor.worker.js'),
    'json.worker': join(root, 'node_modules/monaco-editor/esm/vs/language/json/json.worker.js'),
    'graphql.worker': join(root, 'node_modules/monaco-graphql/esm/graphql.worker.js'),
  },
  outdir: out,
  format: 'iife',
});

// the page, with a version on each asset so that a new build is never mixed with a cached one
const version = createHash('sha256')
  .update(await readFile(join(out, 'main.js')))
  .update(await readFile(join(out, 'main.css')))
  .digest('hex')
  .slice(0, 16);
const page = (await readFile(join(root, 'ide', 'index.html'), 'utf8')).replaceAll('{{version}}', version);
await writeFile(join(out, 'index.html'), page);

// compressed once here, so the server never compresses megabytes on its event loop
for (const name of await readdir(out))
  if (/\.(js|css)$/.test(name))
    await writeFile(join(out, `${name}.gz`), await promisify(gzip)(await readFile(join(out, name)), { level: 9 }));

// A tiny static server for the widget's test pages, on 127.0.0.1. Every
// HTML page is sent with a strict Content Security Policy, the one
// docs/widget.md tells portals to use:
//   /widget/...    www/dist/widget/  (the versioned widget build)
//   /packages/...  the bundled norm packages (directory given as --packages)
//   /...           tests/widget/pages/ (host pages, their scripts and styles)
//
// node tests/widget/server.mjs --packages DIR [--port N]   (prints the URL)

import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

/** The policy for host pages that embed the widget from their own origin. */
export const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

/**
 * What the widget itself needs, nothing more (pages asked for with
 * ?csp=minimal): no styles or images allowed at all. The widget's styles are
 * a constructable stylesheet, which style-src does not govern.
 */
export const CSP_MINIMAL = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "connect-src 'self'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.uwb': 'application/octet-stream',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

export function startServer({ packages, port = 0, widget = path.join(repo, 'www/dist/widget'), pages = path.join(here, 'pages') } = {}) {
  const roots = [
    ['/widget/', widget],
    ['/packages/', packages],
    ['/', pages],
  ];
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      let pathname = decodeURIComponent(url.pathname);
      if (pathname.endsWith('/')) pathname += 'index.html';
      const [prefix, dir] = roots.find(([p]) => pathname.startsWith(p));
      const file = path.resolve(dir, `.${pathname.slice(prefix.length - 1)}`);
      if (!file.startsWith(path.resolve(dir) + path.sep)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      const body = await fs.readFile(file);
      const ext = path.extname(file);
      const headers = {
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      };
      if (ext === '.html') headers['Content-Security-Policy'] = url.searchParams.get('csp') === 'minimal' ? CSP_MINIMAL : CSP;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(e.code === 'ENOENT' || e.code === 'EISDIR' ? 404 : 500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(e.code === 'ENOENT' || e.code === 'EISDIR' ? 'niet gevonden\n' : 'fout\n');
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      resolve({ server, url: `http://127.0.0.1:${p}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : dflt;
  };
  const packages = path.resolve(arg('packages', path.join(repo, 'tests/artifacts/widget/packages')));
  const { url } = await startServer({ packages, port: Number(arg('port', 8090)) });
  console.log(`widget test pages: ${url}/  (packages from ${packages})`);
}

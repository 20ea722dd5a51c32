// GET /staff: the staff dashboard (the Teams tab). Static page + script served by the app, and the
// Teams JS SDK from node_modules (no CDN). Data comes from the staff REST API with the staff token
// the user enters (kept in sessionStorage only).
import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'restify';
import { findProjectRoot } from '../../config';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export function registerStaffTab(server: Server, projectRoot = findProjectRoot()): void {
  const pageDir = path.join(projectRoot, 'web', 'staff', 'page');
  const files: Record<string, string> = {
    'staff.js': path.join(pageDir, 'staff.js'),
    'staff.css': path.join(pageDir, 'staff.css'),
    'teams-js.js': path.join(projectRoot, 'node_modules', '@microsoft', 'teams-js', 'dist', 'umd', 'MicrosoftTeams.min.js'),
  };
  const cache = new Map<string, Buffer>();
  const read = (file: string) => {
    let body = cache.get(file);
    if (!body) {
      body = fs.readFileSync(file);
      cache.set(file, body);
    }
    return body;
  };

  server.get('/staff', (_req, res, next) => {
    res.setHeader('Content-Type', TYPES['.html']);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendRaw(200, read(path.join(pageDir, 'index.html')));
    return next();
  });
  server.get('/staff/assets/:name', (req, res, next) => {
    const file = files[String(req.params.name)];
    if (!file) {
      res.send(404, { error: 'not_found', message: 'No such staff asset.' });
      return next();
    }
    res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.sendRaw(200, read(file));
    return next();
  });
}

/** Stored files and the built H5 app, with content types, caching and gzip. */
import fs from 'fs'
import http from 'http'
import path from 'path'
import zlib from 'zlib'
import { decodePathPart, HttpError } from './guard'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
  '.mp4': 'video/mp4',
}
const typeOf = (file: string) => TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
const compressible = (type: string) => /^(text\/|application\/json|image\/svg)/.test(type)

export async function sendFile(req: http.IncomingMessage, res: http.ServerResponse, file: string, cache: string): Promise<void> {
  let data: Buffer
  try {
    const st = await fs.promises.stat(file)
    if (!st.isFile()) throw new Error('not a file')
    data = await fs.promises.readFile(file)
  } catch {
    throw new HttpError(404, 'NOT_FOUND', '未找到')
  }
  const type = typeOf(file)
  const headers: http.OutgoingHttpHeaders = { 'content-type': type, 'cache-control': cache }
  if (compressible(type) && data.length > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    data = zlib.gzipSync(data)
    headers['content-encoding'] = 'gzip'
    headers.vary = 'accept-encoding'
  }
  headers['content-length'] = data.length
  res.writeHead(200, headers)
  res.end(req.method === 'HEAD' ? undefined : data)
}

export async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, root: string, pathname: string): Promise<void> {
  const rel = decodePathPart(pathname)
  const base = path.resolve(root)
  let file = path.resolve(base, '.' + path.posix.normalize('/' + rel))
  if (file !== base && !file.startsWith(base + path.sep)) throw new HttpError(404, 'NOT_FOUND', '未找到')
  const isDir = fs.existsSync(file) && fs.statSync(file).isDirectory()
  // "/" and extension-less paths (client-side routes) get the app shell.
  if (isDir || (!fs.existsSync(file) && !path.extname(file))) file = path.join(isDir ? file : base, 'index.html')
  const name = path.basename(file)
  const cache = name.endsWith('.html') ? 'no-cache' : /\.[0-9a-f]{8,}\./i.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache'
  return sendFile(req, res, file, cache)
}

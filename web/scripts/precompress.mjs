// Writes a gzip copy (<file>.gz, level 9) beside every compressible file in
// web/dist, for the C++ server to send to browsers that accept gzip
// (src/api/static_files.cc). Run after `vite build` (package.json "build").
// Skips files under 1 KiB and files gzip does not make smaller; removes stale
// .gz files whose original is gone or was skipped.
// Usage: node scripts/precompress.mjs [dir]   (default: dist beside this script's parent)
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync, existsSync } from 'node:fs'
import { dirname, extname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { constants, gzipSync } from 'node:zlib'

export const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.map', '.geojson', '.txt', '.xml'])
export const MIN_BYTES = 1024

/** The gzip bytes for `data`, or null when the file should stay plain only. */
export function gzipFor(name, data) {
  if (!COMPRESSIBLE.has(extname(name).toLowerCase()) || data.length < MIN_BYTES) return null
  const gz = gzipSync(data, { level: constants.Z_BEST_COMPRESSION })
  return gz.length < data.length ? gz : null
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(p)
    else if (entry.isFile()) yield p
  }
}

export function precompress(dir) {
  let plain = 0, gzipped = 0, files = 0
  for (const file of [...walk(dir)]) {
    if (file.endsWith('.gz')) {
      if (!existsSync(file.slice(0, -3))) unlinkSync(file)  // an orphan from an earlier build
      continue
    }
    const data = readFileSync(file)
    const gz = gzipFor(file, data)
    if (!gz) {
      if (existsSync(`${file}.gz`)) unlinkSync(`${file}.gz`)
      continue
    }
    writeFileSync(`${file}.gz`, gz)
    files += 1
    plain += data.length
    gzipped += gz.length
  }
  return { files, plain, gzipped }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] || join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`precompress: no directory ${dir}`)
    process.exit(1)
  }
  const { files, plain, gzipped } = precompress(dir)
  const kib = (n) => (n / 1024).toFixed(1)
  console.log(`precompress: ${files} files in ${relative(process.cwd(), dir) || '.'}: ${kib(plain)} KiB → ${kib(gzipped)} KiB gzip`)
}
